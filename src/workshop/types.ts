/**
 * The shapes of the mocking workshop: exercises, the variants of the domain
 * code their tests run against (the real code, wheats and chaffs), and what a
 * run of a learner's test against each variant reports.
 */

/** The test framework an exercise's test file runs under. */
export type WorkshopFramework = 'vitest' | 'jest';

/** The domain modules a variant can patch. */
export type ChaffTarget = 'salary' | 'bonus-api';

/**
 * One edit of a domain module's source, applied when the module is loaded.
 * `find` must occur exactly once (after the edits before it), so an edit that
 * no longer fits the source fails loudly instead of quietly doing nothing.
 */
export interface Edit {
  find: string;
  replace: string;
}

/** A deliberately broken version of a domain module: a small patch of the real source. */
export interface Chaff {
  /** Stable kebab-case id. */
  id: string;
  /** The bug in words a learner can act on: "Salary calls the API twice". */
  bug: string;
  /** Which domain module the patch applies to. */
  replaces: ChaffTarget;
  patch: Edit[];
}

/**
 * A correct version of a domain module written differently (Examplar's
 * "wheat"): a test must pass on it too, so a test that pins the real code's
 * text, not its behaviour, is rejected.
 */
export interface Wheat {
  id: string;
  /** What is written differently, for the rejection message. */
  change: string;
  replaces: ChaffTarget;
  patch: Edit[];
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

/**
 * One way the code under test is built. Every variant, the real code
 * included, is served at the real modules' paths by the same load hook; only
 * the edits differ (none for the real code).
 */
export interface Variant {
  /** `real`, or a wheat's or chaff's id. Never shown to the learner's test. */
  name: string;
  kind: 'real' | 'wheat' | 'chaff';
  /** The edits of each domain module, by absolute path: every target, most with none. */
  patches: Record<string, Edit[]>;
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
