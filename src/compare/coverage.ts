/**
 * Coverage of `src/domain/` per column, read from `coverage/side-by-side.json`
 * (written by `npm run coverage`). Read leniently: per framework, either
 * `{ files, totals }` or a map of files, each file `{ linesPct, uncoveredLines }`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  COLUMNS,
  type Column,
  type ColumnCoverage,
  type CompareReport,
  type FileCoverage,
} from './model.ts';

export const COVERAGE_FILE = 'coverage/side-by-side.json';
const HINT = 'coverage: run npm run coverage';

/** Map a framework key of the coverage file to a column. */
const KEY_TO_COLUMN: Record<string, Column> = {
  jest: 'jest',
  vitest: 'vitest',
  tsdoctest: 'tsdoctest',
  doctest: 'tsdoctest',
  c8: 'tsdoctest',
  python: 'python',
  pytest: 'python',
};

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function fileCoverage(v: unknown): FileCoverage | undefined {
  if (!isObject(v) || typeof v.linesPct !== 'number') return undefined;
  const missing = v.uncoveredLines;
  const uncovered = Array.isArray(missing)
    ? missing.join(',')
    : typeof missing === 'string'
      ? missing
      : '';
  return { linesPct: v.linesPct, uncoveredLines: uncovered };
}

function columnCoverage(v: unknown): ColumnCoverage | undefined {
  if (!isObject(v)) return undefined;
  const filesNode = isObject(v.files) ? v.files : v;
  const files: Record<string, FileCoverage> = {};
  for (const [file, entry] of Object.entries(filesNode)) {
    const fc = fileCoverage(entry);
    if (fc && file !== 'totals' && file !== 'total') files[file] = fc;
  }
  const totals = fileCoverage(v.totals ?? v.total);
  const pcts = Object.values(files).map((f) => f.linesPct);
  const linesPct =
    totals?.linesPct ?? (pcts.length ? pcts.reduce((a, b) => a + b, 0) / pcts.length : NaN);
  return Number.isNaN(linesPct) ? undefined : { linesPct, files };
}

export function readCoverage(root: string): CompareReport['coverage'] {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path.join(root, COVERAGE_FILE), 'utf8'));
  } catch {
    return { available: false, hint: HINT };
  }
  const node = isObject(data) && isObject(data.frameworks) ? data.frameworks : data;
  const columns: Partial<Record<Column, ColumnCoverage>> = {};
  if (isObject(node)) {
    for (const [key, value] of Object.entries(node)) {
      const column = KEY_TO_COLUMN[key.toLowerCase()];
      const cov = columnCoverage(value);
      if (column && cov && COLUMNS.includes(column)) columns[column] = cov;
    }
  }
  if (Object.keys(columns).length === 0) {
    return { available: false, hint: `${HINT} (${COVERAGE_FILE} has no per-framework figures)` };
  }
  return { available: true, columns };
}
