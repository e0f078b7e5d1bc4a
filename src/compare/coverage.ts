/**
 * Coverage of `src/domain/` per column, read from `coverage/side-by-side.json`
 * (written by `npm run coverage`; its shape is `SideBySide` in
 * scripts/coverage/side-by-side.ts). Without it the report says how to get it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Column as CoverageColumn, SideBySide } from '../../scripts/coverage/side-by-side.ts';
import type { Column, ColumnCoverage, CompareReport } from './model.ts';

export const COVERAGE_FILE = 'coverage/side-by-side.json';
const HINT = 'coverage: run npm run coverage';

function toColumn(c: CoverageColumn): ColumnCoverage {
  const files = Object.fromEntries(
    Object.entries(c.files).map(([file, s]) => [
      file,
      { linesPct: s.linesPct, uncoveredLines: s.uncoveredLines.join(',') },
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
