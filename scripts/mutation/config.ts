/**
 * The StrykerJS options of each `npm run mutation` suite: one run per suite,
 * so each score says what that suite alone catches.
 *
 * StrykerJS 9.6, not 10: 10 needs Node >= 22 and the project supports 20.19+.
 */
import os from 'node:os';
import path from 'node:path';
import type { PartialStrykerOptions } from '@stryker-mutator/api/core';
import {
  MUTATION_SUITES,
  type MutationSuite,
  thresholds,
} from '../../coverage-config/thresholds.ts';

export { MUTATION_SUITES, type MutationSuite };

/** The lesson subjects; index.ts is a barrel with nothing to mutate. */
export const LESSON_FILES = [
  'src/domain/calculation.ts',
  'src/domain/salary.ts',
  'src/domain/bonus-api.ts',
];

/** The project's own service: its mutants are the project tests' to kill. */
export const SERVICE_FILES = ['src/domain/bonus-server.ts'];

/** The project tests that exercise the service; the rest would only slow each mutant down. */
export const SERVICE_TESTS = [
  'specs/project/domain/bonus-server.test.ts',
  'specs/project/domain/bonus-server-property.test.ts',
  'specs/project/cli/bonus-server-cli.test.ts',
];

export const REPORTS_DIR = 'reports/mutation';

/** What each suite runs, and on which files. */
const SUITES: Record<MutationSuite, { mutate: string[]; runner: PartialStrykerOptions }> = {
  jest: {
    mutate: LESSON_FILES,
    runner: {
      testRunner: 'jest',
      // jest.config.js is ESM: the runner reads it through jest-config's own readInitialOptions.
      jest: { projectType: 'custom', configFile: 'jest.config.js', enableFindRelatedTests: true },
    },
  },
  vitest: {
    mutate: LESSON_FILES,
    runner: { testRunner: 'vitest', vitest: { configFile: 'vitest.config.ts', related: true } },
  },
  tsdoctest: {
    mutate: LESSON_FILES,
    // The command runner reruns every example for every mutant (no per-test coverage);
    // the mutant to switch on reaches the examples' workers as __STRYKER_ACTIVE_MUTANT__.
    runner: {
      testRunner: 'command',
      commandRunner: { command: 'node src/doctest/bin/tsdoctest.js src/domain' },
      coverageAnalysis: 'off',
    },
  },
  project: {
    mutate: SERVICE_FILES,
    // A config cut down to SERVICE_TESTS, not `testFiles`: Stryker 9.6's `testFiles`
    // leaves static mutants switched off (see vitest.service.config.ts).
    runner: {
      testRunner: 'vitest',
      vitest: { configFile: 'scripts/mutation/vitest.service.config.ts', related: false },
    },
  },
};

export interface SuiteOptions {
  /** Parallel test runners; the default suits a small shared machine. */
  concurrency?: number;
  /** Show progress as a live bar (a terminal) or as appended lines (a log). */
  tty?: boolean;
  /** Colours in StrykerJS's own output (off when not a terminal, or NO_COLOR). */
  colors?: boolean;
}

/** Where a suite's JSON report lands (the summary is built from it). */
export function jsonReportFile(suite: MutationSuite): string {
  return path.join(REPORTS_DIR, suite, 'mutation.json');
}

export function strykerOptions(
  suite: MutationSuite,
  { concurrency = 2, tty = false, colors = false }: SuiteOptions = {},
): PartialStrykerOptions {
  const { mutate, runner } = SUITES[suite];
  return {
    ...runner,
    mutate,
    concurrency,
    // Stryker's own verdict: below this the run sets exit code 1.
    thresholds: { high: 100, low: thresholds.mutation[suite], break: thresholds.mutation[suite] },
    reporters: ['clear-text', tty ? 'progress' : 'progress-append-only', 'html', 'json'],
    allowConsoleColors: colors,
    clearTextReporter: { reportTests: false, reportScoreTable: true, allowColor: colors },
    htmlReporter: { fileName: path.join(REPORTS_DIR, suite, 'mutation.html') },
    jsonReporter: { fileName: jsonReportFile(suite) },
    // Sandboxes outside the project, where the project's own Jest would crawl them.
    tempDirName: path.join(os.tmpdir(), 'test-dojo-stryker', suite),
    // What the sandboxes need not copy: generated output, caches.
    ignorePatterns: ['coverage', 'reports', '.tsdoctest-cache', '.vitest-reports', 'workshop*'],
    // No `incremental`: it reuses a result while the mutated file and the test file are
    // unchanged, and misses changes in helpers, setup files and configs.
    cleanTempDir: true,
  };
}
