/**
 * `coverage/side-by-side.json`: line coverage of each framework and of their
 * union, per file and in total, and pytest-cov's figures for the Python domain. The side-by-side comparison report reads it,
 * so its shape, the `SideBySide` type, lives with its reader in src/compare/coverage.ts.
 */
import type { Framework } from '../../specs/concepts.ts';
import type {
  CoverageColumn as Column,
  LineSummary,
  PythonCoverage,
  SideBySide,
} from '../../src/compare/coverage.ts';
import { COLUMNS } from '../../src/compare/model.ts';
import type { FileLineHits, LineHits } from './line-hits.ts';

export type {
  CoverageColumn as Column,
  LineSummary,
  PythonColumn,
  PythonCoverage,
  SideBySide,
} from '../../src/compare/coverage.ts';

/** The TypeScript frameworks, in the order of the compare report's columns (one list of names). */
export const FRAMEWORKS: readonly Framework[] = COLUMNS.filter(
  (c): c is Framework => c !== 'python',
);

export function percent(covered: number, total: number): number {
  return total === 0 ? 100 : Math.floor((covered / total) * 10_000) / 100;
}

export function summarize(hits: LineHits): LineSummary {
  const lines = [...hits.keys()].sort((a, b) => a - b);
  const uncoveredLines = lines.filter((line) => (hits.get(line) ?? 0) === 0);
  const linesCovered = lines.length - uncoveredLines.length;
  return {
    linesPct: percent(linesCovered, lines.length),
    linesCovered,
    linesTotal: lines.length,
    uncoveredLines,
  };
}

export function column(hits: FileLineHits): Column {
  const files: Record<string, LineSummary> = {};
  let covered = 0;
  let total = 0;
  for (const [file, lines] of hits) {
    const summary = summarize(lines);
    files[file] = summary;
    covered += summary.linesCovered;
    total += summary.linesTotal;
  }
  // Totals list no line numbers: they belong to files, not to the sum.
  return {
    files,
    totals: {
      linesPct: percent(covered, total),
      linesCovered: covered,
      linesTotal: total,
      uncoveredLines: [],
    },
  };
}

export function sideBySide(
  perFramework: Partial<Record<Framework, FileLineHits>>,
  union: FileLineHits,
  python?: PythonCoverage,
): SideBySide {
  const frameworks: Partial<Record<Framework, Column>> = {};
  for (const name of FRAMEWORKS) {
    const hits = perFramework[name];
    if (hits) frameworks[name] = column(hits);
  }
  return { version: 1, frameworks, union: column(union), ...(python ? { python } : {}) };
}
