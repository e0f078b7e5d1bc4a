/**
 * Coverage of `src/domain/` per column, read from `coverage/side-by-side.json`
 * (written by `npm run coverage`, scripts/coverage/side-by-side.ts; its shape
 * is `SideBySide` below). Without it the report says how to get it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Framework } from '../../specs/concepts.ts';
import type { Column, ColumnCoverage, CompareReport } from './model.ts';

export interface LineSummary {
  /** Covered / executable lines in percent, two decimals; 100 when nothing is executable. */
  linesPct: number;
  linesCovered: number;
  linesTotal: number;
  /** Executable lines no test ran, ascending. */
  uncoveredLines: number[];
}

export interface CoverageColumn {
  /** Repository-relative path → summary; a file the tool never saw is absent. */
  files: Record<string, LineSummary>;
  totals: LineSummary;
}

export interface SideBySide {
  /** Bumped when the shape changes. */
  version: 1;
  /** Frameworks that produced coverage; a framework missing here did not run or wrote nothing. */
  frameworks: Partial<Record<Framework, CoverageColumn>>;
  /** A line counts as covered when any framework above ran it. */
  union: CoverageColumn;
  /** pytest-cov over the Python domain: beside the others, never in their union. */
  python?: PythonCoverage;
}

export interface PythonColumn extends CoverageColumn {
  /** pytest-cov's own `--cov-report term-missing` table, as it printed it. */
  table: string;
}

/** Measured, or why not (with how to install pytest-cov). */
export type PythonCoverage = PythonColumn | { unavailable: string };

/** `[1, 2, 3, 7, 9, 10]` → `1-3, 7, 9-10`. */
export function lineRanges(lines: readonly number[]): string {
  const ranges: string[] = [];
  let start: number | undefined;
  let prev: number | undefined;
  for (const line of [...lines, Number.NaN]) {
    if (prev !== undefined && line === prev + 1) {
      prev = line;
      continue;
    }
    if (start !== undefined && prev !== undefined) {
      ranges.push(start === prev ? `${start}` : `${start}-${prev}`);
    }
    start = line;
    prev = line;
  }
  return ranges.join(', ');
}

export const COVERAGE_FILE = 'coverage/side-by-side.json';
const HINT = 'coverage: run npm run coverage';

function toColumn(c: CoverageColumn): ColumnCoverage {
  const files = Object.fromEntries(
    Object.entries(c.files).map(([file, s]) => [
      file,
      { linesPct: s.linesPct, uncoveredLines: lineRanges(s.uncoveredLines) },
    ]),
  );
  return { linesPct: c.totals.linesPct, files };
}

const isColumn = (c: unknown): c is CoverageColumn =>
  typeof c === 'object' &&
  c !== null &&
  typeof (c as CoverageColumn).totals?.linesPct === 'number' &&
  typeof (c as CoverageColumn).files === 'object';

export function readCoverage(root: string): CompareReport['coverage'] {
  let data: Partial<SideBySide>;
  try {
    data = JSON.parse(readFileSync(path.join(root, COVERAGE_FILE), 'utf8'));
  } catch {
    return { available: false, hint: HINT };
  }
  if (data.version !== 1 || typeof data.frameworks !== 'object' || data.frameworks === null) {
    return { available: false, hint: `${HINT} (${COVERAGE_FILE} is not version 1)` };
  }
  const columns: Partial<Record<Column, ColumnCoverage>> = {};
  for (const [name, c] of Object.entries(data.frameworks)) {
    if (isColumn(c)) columns[name as Column] = toColumn(c);
  }
  // pytest-cov's figures for the Python domain: beside the others, never in the union.
  const python = data.python;
  if (isColumn(python)) columns.python = toColumn(python);
  const pythonNote = isColumn(python)
    ? 'pytest-cov over fixtures/python, not in the union'
    : python && `not measured: ${python.unavailable}`;
  return {
    available: true,
    columns,
    union: isColumn(data.union) ? toColumn(data.union) : undefined,
    ...(pythonNote ? { notes: { python: pythonNote } } : {}),
  };
}
