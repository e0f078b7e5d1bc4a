/**
 * Picks the runner for an exercise's framework. Loaded on demand: a Vitest
 * exercise need not pay for loading Jest, nor the other way round.
 */
import type { TestRunner, WorkshopFramework } from './types.ts';

export async function runnerFor(framework: WorkshopFramework): Promise<TestRunner> {
  if (framework === 'jest') return new (await import('./jest-runner.ts')).JestRunner();
  return new (await import('./vitest-runner.ts')).VitestRunner();
}
