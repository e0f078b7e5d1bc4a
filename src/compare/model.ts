/**
 * The side-by-side model: what `npm start` writes to `reports/compare.json`
 * and what the terminal and HTML renderers draw.
 *
 * Schema (version 1), in short:
 * - `rows`: one per catalogue concept, in catalogue order. Each row has one
 *   `Cell` per column of `columns` (`python`, `jest`, `vitest`, `tsdoctest`).
 * - A `Cell` says what the framework reported for the test the catalogue
 *   names (`outcome`), what the catalogue expects (`expected`), whether the two
 *   agree (`matches`), and carries the framework's own output for that test
 *   (`output`, ANSI colours removed) and the test's source (`code`).
 * - `runs`: one per framework run (pytest, Python doctest, Jest, Vitest,
 *   tsdoctest) with its command, exit code, wall time and totals.
 * - `coverage`: line coverage of `src/domain/` per column, from
 *   `coverage/side-by-side.json` when `npm run coverage` has written it.
 * - `mutation`: the mutation score of each column's suite over the lesson
 *   files, from `reports/mutation/summary.json` when `npm run mutation` has
 *   written it.
 * - `mismatches`: every cell whose outcome differs from its expectation;
 *   `ok` is true exactly when this list is empty.
 */
import type { Concept, Expected } from '../../specs/concepts.ts';

import type { TestStatus } from '../cli/test-status.ts';

export const SCHEMA_VERSION = 1;

/** The columns of the table, left to right. */
export const COLUMNS = ['python', 'jest', 'vitest', 'tsdoctest'] as const;
export type Column = (typeof COLUMNS)[number];

/**
 * The processes we start: each Python reference runs under its own tool (unittest, pytest,
 * doctest); `vitest-doctest` is Vitest on doctest items through tsdoctest's plugin (its own config).
 */
export type RunnerId =
  | 'unittest'
  | 'pytest'
  | 'pydoctest'
  | 'jest'
  | 'vitest'
  | 'vitest-doctest'
  | 'tsdoctest';

/** What a framework said about one test, normalised (src/cli/test-status.ts). */
export type { TestStatus };

/**
 * A cell's outcome: a test status, or why there is none.
 * - `not-mirrored`: the catalogue has no test for this column (only tsdoctest is optional);
 * - `not-run`: the column was left out (`--frameworks`);
 * - `not-available`: the tool is missing (python3 or pytest, tsdoctest not built);
 * - `not-found`: the framework ran but did not report the named test;
 * - `error`: the test's file failed to load, or the whole run crashed.
 */
export type Outcome =
  | TestStatus
  | 'not-mirrored'
  | 'not-run'
  | 'not-available'
  | 'not-found'
  | 'error';

/** One test as a normaliser reads it from a framework's report. */
export interface TestResult {
  /** Path from the repository root. */
  file: string;
  /** Describe/class titles then the test title (the catalogue's `test`). */
  name: string[];
  status: TestStatus;
  durationMs?: number;
  /** The failure message's first line, or the skip reason. */
  message?: string;
  /** The framework's own report lines for this test, verbatim (colours removed). */
  output: string;
  /** 1-based line of the test in its file, when the framework tells. */
  line?: number;
  /** Source of the test when the report carries it (doctest examples). */
  code?: string;
}

/** What a normaliser makes of one framework's run: its tests, and the files that did not load. */
export interface Normalised {
  tests: TestResult[];
  fileErrors: { file: string; message: string }[];
}

/** One framework run, normalised. */
export interface RunResult {
  runner: RunnerId;
  column: Column;
  /** The command line, for the learner to try by hand. */
  command: string;
  available: boolean;
  /** Why the tool could not run (`available: false`). */
  unavailable?: string;
  /** Set when the run produced no usable report: what it printed instead. */
  crashed?: string;
  exitCode: number | null;
  wallMs: number;
  tests: TestResult[];
  /** Files that failed to load, with the framework's message. */
  fileErrors: { file: string; message: string }[];
}

export interface Cell {
  column: Column;
  /** The framework that produced the cell: unittest, pytest, doctest, jest, vitest, tsdoctest. */
  framework: string;
  file?: string;
  test?: string[];
  support?: 'native' | 'emulated';
  how?: string;
  expected?: Expected;
  outcome: Outcome;
  /** True when the outcome is what the catalogue expects (or the column did not run). */
  matches: boolean;
  /** Skip reason, first line of the failure, or why there is no result. */
  message?: string;
  durationMs?: number;
  output: string;
  code?: string;
  /**
   * When a concept names more than one Python reference (unittest, pytest,
   * doctest), one cell per reference; the cell itself sums them up: the first
   * part's outcome, matching only when every part matches, each part's output in turn.
   */
  parts?: Cell[];
}

export interface Row {
  id: string;
  lesson: Concept['lesson'];
  title: string;
  explanation: string;
  demo: boolean;
  cells: Record<Column, Cell>;
}

/** A run as the report keeps it: its totals instead of its tests. */
export interface RunSummary extends Omit<RunResult, 'tests' | 'fileErrors'> {
  totals: { passed: number; failed: number; skipped: number };
}

export interface FileCoverage {
  linesPct: number;
  uncoveredLines: string;
}

export interface ColumnCoverage {
  linesPct: number;
  files: Record<string, FileCoverage>;
}

/** How one suite's StrykerJS run ended (`npm run mutation`). */
export interface MutationScore {
  /** The files mutated, from the repository root. */
  files: string[];
  killed: number;
  survived: number;
  noCoverage: number;
  timeout: number;
  /** (killed + timeout) / (killed + timeout + survived + no coverage), in percent; null with no mutant. */
  score: number | null;
  /** The suite's break threshold (coverage-config/thresholds.json). */
  threshold: number;
  /** StrykerJS's own verdict: the score met the threshold. */
  passed: boolean;
}

export interface Mismatch {
  concept: string;
  column: Column;
  expected: string;
  actual: string;
  message?: string;
}

export interface CompareReport {
  schemaVersion: typeof SCHEMA_VERSION;
  generatedAt: string;
  options: { demoFailures: boolean; only?: string; columns: Column[] };
  columns: Column[];
  rows: Row[];
  runs: RunSummary[];
  /** Wall time of the whole comparison. */
  wallMs: number;
  coverage:
    | {
        available: true;
        columns: Partial<Record<Column, ColumnCoverage>>;
        /** A line counts as covered when any framework ran it. */
        union?: ColumnCoverage;
        /** What a column's figures are when not src/domain/ (Python: pytest-cov), or why it has none. */
        notes?: Partial<Record<Column, string>>;
      }
    | { available: false; hint: string };
  mutation:
    | { available: true; generatedAt: string; columns: Partial<Record<Column, MutationScore>> }
    | { available: false; hint: string };
  mismatches: Mismatch[];
  ok: boolean;
}

/** The one-word form of an expectation, as cells and mismatches show it. */
export function expectedOutcome(expected: Expected): TestStatus {
  if (expected.outcome === 'pass') return 'passed';
  if (expected.outcome === 'skip') return 'skipped';
  return 'failed';
}
