/**
 * The shapes of the mocking workshop: exercises, their chaffs, and what a
 * run of a learner's test against the real code and each chaff reports.
 */

/** The test framework an exercise's test file runs under. */
export type WorkshopFramework = 'vitest' | 'jest';

/** The domain modules a chaff can stand in for. */
export type ChaffTarget = 'salary' | 'bonus-api';

/** A deliberately broken variant of a domain module. */
export interface Chaff {
  /** Stable kebab-case id, also the file name under `exercises/chaffs/`. */
  id: string;
  /** The bug in words a learner can act on: "Salary calls the API twice". */
  bug: string;
  /** Which domain module this variant replaces. */
  replaces: ChaffTarget;
}

export interface Exercise {
  /** Stable kebab-case id, also the folder name under `exercises/`. */
  id: string;
  title: string;
  framework: WorkshopFramework;
  /** Ids from the concept catalogue (`specs/concepts.ts`). */
  concepts: string[];
  /** What the test is about, for "your test fails against the correct ...". */
  subject: string;
  /** File name of the learner's test (the starter is copied to it). */
  testFile: string;
  /** Progressive hints: gentle first, specific last. */
  hints: string[];
  /** Chaff ids; the solution must kill every one of them. */
  chaffs: string[];
}

/** One way the code under test is built: the real domain or one chaff. */
export interface Variant {
  /** `real` or a chaff id. */
  name: string;
  /** Absolute path of the module to replace; absent for `real`. */
  target?: string;
  /** Absolute path of the replacement module; absent for `real`. */
  replacement?: string;
}

/** What a test file did under one variant. */
export interface VariantOutcome {
  variant: string;
  /** `error`: the file could not be loaded or run at all. */
  status: 'passed' | 'failed' | 'error';
  passed: number;
  failed: number;
  /** Skipped and todo tests. */
  skipped: number;
  /** The first failure or load error, in one short paragraph. */
  message?: string;
}

/** A test file to run under several variants (one framework process for all). */
export interface RunJob {
  file: string;
  variants: Variant[];
}

/**
 * Runs jobs and reports each file's outcome under each variant, in job order.
 * `onProgress` is called whenever a test file or test case starts or ends,
 * so a watchdog can tell a slow run from a stuck one.
 */
export interface TestRunner {
  run(jobs: RunJob[], onProgress?: () => void): Promise<VariantOutcome[][]>;
  close(): Promise<void>;
}

/** A framework's own limit for one test (a promise that never settles fails it). */
export const TEST_TIMEOUT_MS = 5_000;
