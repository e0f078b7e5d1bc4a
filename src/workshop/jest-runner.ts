/**
 * Runs learner test files under Jest, once per variant, in ONE in-band
 * `runCLI` call (in the runner process, see runner-process.mjs): each variant
 * is a Jest project whose resolver swaps the target domain module for the
 * chaff. Transforms are the lesson suites' (SWC to CommonJS), so `jest.mock`
 * works the classic way.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { TestResult } from '@jest/test-result';
import { runCLI } from 'jest';
import { repoRoot } from './catalogue.ts';
import { failureSummary, testFailure } from './messages.ts';
import { type RunJob, TEST_TIMEOUT_MS, type TestRunner, type VariantOutcome } from './types.ts';

const resolverModule = resolve(import.meta.dirname, 'jest-resolver.cjs');
const progressReporter = resolve(import.meta.dirname, 'jest-progress.cjs');
const progress = createRequire(import.meta.url)(progressReporter) as {
  listen(listener: (() => void) | undefined): void;
};

const transform = {
  '^.+\\.ts$': [
    '@swc/jest',
    {
      jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
      module: { type: 'commonjs' },
    },
  ],
};

function outcomeOf(variant: string, result: TestResult | undefined): VariantOutcome {
  const outcome: VariantOutcome = { variant, status: 'passed', passed: 0, failed: 0, skipped: 0 };
  if (!result) return { ...outcome, status: 'error', message: 'the test file was not run' };
  if (result.testExecError) {
    const { message, stack } = result.testExecError;
    return { ...outcome, status: 'error', message: failureSummary(message || stack || '') };
  }
  for (const test of result.testResults) {
    if (test.status === 'passed') outcome.passed++;
    else if (test.status === 'failed') {
      outcome.failed++;
      outcome.message ??= `${test.fullName}: ${testFailure(test.failureMessages[0] ?? 'failed')}`;
    } else outcome.skipped++;
  }
  if (outcome.failed > 0) outcome.status = 'failed';
  return outcome;
}

export class JestRunner implements TestRunner {
  async run(jobs: RunJob[], onProgress?: () => void): Promise<VariantOutcome[][]> {
    const dir = await mkdtemp(join(tmpdir(), 'workshop-jest-'));
    try {
      const projects = [];
      for (const [i, job] of jobs.entries()) {
        for (const variant of job.variants) {
          const name = `${i}:${variant.name}`;
          const project: Record<string, unknown> = {
            displayName: name,
            rootDir: repoRoot,
            roots: [dirname(job.file)],
            testMatch: [job.file],
            testEnvironment: 'node',
            restoreMocks: true,
            testTimeout: TEST_TIMEOUT_MS,
            transform,
            moduleFileExtensions: ['ts', 'js', 'json'],
          };
          if (variant.target && variant.replacement) {
            const file = join(dir, `resolver-${projects.length}.cjs`);
            const args = [variant.target, variant.replacement].map((p) => JSON.stringify(p));
            await writeFile(
              file,
              `module.exports = require(${JSON.stringify(resolverModule)}).substitute(${args.join(', ')});\n`,
            );
            project.resolver = file;
          }
          projects.push(project);
        }
      }
      const argv = {
        _: [],
        $0: 'workshop',
        config: JSON.stringify({ rootDir: repoRoot, projects }),
        runInBand: true,
        silent: true,
        reporters: [progressReporter],
        watchman: false,
      };
      progress.listen(onProgress);
      const { results } = await runCLI(argv, [repoRoot]).finally(() => progress.listen(undefined));
      return jobs.map((job, i) =>
        job.variants.map((variant) =>
          outcomeOf(
            variant.name,
            results.testResults.find(
              (r) => r.displayName?.name === `${i}:${variant.name}` && r.testFilePath === job.file,
            ) ??
              // A suite that fails to load is reported without its project's name.
              results.testResults.find((r) => !r.displayName && r.testFilePath === job.file),
          ),
        ),
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  async close(): Promise<void> {}
}
