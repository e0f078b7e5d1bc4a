/** Picks the runner for an exercise's framework. */
import { JestRunner } from './jest-runner.ts';
import type { TestRunner, WorkshopFramework } from './types.ts';
import { VitestRunner } from './vitest-runner.ts';

export function runnerFor(framework: WorkshopFramework): TestRunner {
  return framework === 'jest' ? new JestRunner() : new VitestRunner();
}
