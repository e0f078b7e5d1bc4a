/**
 * Runs learner test files under Jest, once per variant, in ONE in-band
 * `runCLI` call (in the runner process, see child-runner-main.mjs): each variant
 * is a Jest project whose transformer serves the variant's text of the domain
 * modules at their real paths, then compiles like the lesson suites (SWC to
 * CommonJS, so `jest.mock` works the classic way). Projects get random names
 * and a random order on every run.
 */
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import type { TestResult } from '@jest/test-result';
import { runCLI } from 'jest';
// The lesson suites' SWC options, as jest.config.js reads them.
import swc from '../../specs/jest/setup/swc.json' with { type: 'json' };
import { repoRoot } from './exercise-lookup.ts';
import { JEST_SETUP_FILES, neutralName, shuffled } from './isolation.ts';
import { outcomeOf } from './outcome.ts';
import { servedSources } from './patch.ts';
import { type RunJob, TEST_TIMEOUT_MS, type TestRunner, type VariantOutcome } from './types.ts';

const transformer = resolve(import.meta.dirname, 'jest-transformer.cjs');
const progressReporter = resolve(import.meta.dirname, 'jest-progress.cjs');
const progress = createRequire(import.meta.url)(progressReporter) as {
  listen(listener: (() => void) | undefined): void;
};

function outcomeOfFile(variant: string, result: TestResult | undefined): VariantOutcome {
  const error = result?.testExecError;
  return outcomeOf(
    variant,
    result?.testResults.map((t) => ({
      fullName: t.fullName,
      status: t.status,
      failure: t.failureMessages[0],
    })),
    error ? error.message || error.stack || '' : undefined,
  );
}

export class JestRunner implements TestRunner {
  async run(jobs: RunJob[], onProgress?: () => void): Promise<VariantOutcome[][]> {
    const projects: Record<string, unknown>[] = [];
    /** The project name of each job's variants, by variant name. */
    const names = jobs.map(() => new Map<string, string>());
    for (const [i, job] of jobs.entries()) {
      for (const variant of job.variants) {
        const name = neutralName();
        names[i]?.set(variant.name, name);
        // Throws on a patch that no longer applies, before any test runs.
        const served = await servedSources(variant);
        // Every project is configured alike but for its name and what it serves.
        projects.push({
          displayName: name,
          rootDir: repoRoot,
          roots: [dirname(job.file)],
          testMatch: [job.file],
          testEnvironment: 'node',
          restoreMocks: true,
          setupFilesAfterEnv: JEST_SETUP_FILES,
          testTimeout: TEST_TIMEOUT_MS,
          transform: { '^.+\\.ts$': [transformer, { served, swc }] },
          moduleFileExtensions: ['ts', 'js', 'json'],
        });
      }
    }
    const argv = {
      _: [],
      $0: 'workshop',
      config: JSON.stringify({ rootDir: repoRoot, projects: shuffled(projects) }),
      runInBand: true,
      silent: true,
      reporters: [progressReporter],
      watchman: false,
      // A turn of the event loop after each test, so a failure in a promise the
      // test did not wait for fails that test; after the file's teardown it
      // would be unhandled, and end this process.
      waitForUnhandledRejections: true,
    };
    progress.listen(onProgress);
    const { results } = await runCLI(argv, [repoRoot]).finally(() => progress.listen(undefined));
    return jobs.map((job, i) =>
      job.variants.map((variant) =>
        outcomeOfFile(
          variant.name,
          results.testResults.find(
            (r) =>
              r.displayName?.name === names[i]?.get(variant.name) && r.testFilePath === job.file,
          ) ??
            // A suite that fails to load is reported without its project's name.
            results.testResults.find((r) => !r.displayName && r.testFilePath === job.file),
        ),
      ),
    );
  }

  async close(): Promise<void> {}
}
