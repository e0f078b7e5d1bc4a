/**
 * The shapes of a workshop run: the variants of the domain code a learner's
 * test runs against (the real code, wheats and chaffs) and what a run of it
 * against each variant reports. The catalogue's own shapes (exercises,
 * chaffs, wheats, edits) live with the catalogue in exercises/exercises.ts.
 */
import type { Edit } from '../../exercises/exercises.ts';

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
