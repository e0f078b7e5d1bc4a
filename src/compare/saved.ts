/**
 * Reports already written, for `--show`: a concept's row is taken from the
 * newest report that ran it in every framework asked for, as long as that
 * report is newer than the concept's files, the catalogue and src/domain/.
 * Otherwise the concept is run first.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { type Concept, pythonTests } from '../../specs/concepts.ts';
import { type Column, type CompareReport, type Row, SCHEMA_VERSION } from './model.ts';

/** What a run reads: the files a test lives in, the catalogue, and the domain under test. */
export function sourcesOf(concepts: Concept[]): string[] {
  const tests = concepts.flatMap((c) =>
    [...pythonTests(c), ...Object.values(c.mirrors)].flatMap((t) => (t.file ? [t.file] : [])),
  );
  return [...new Set([...tests, 'specs/concepts.ts', 'src/domain'])];
}

/** The newest modification among these files (folders are walked), in ms; 0 when none exists. */
export function newestChange(root: string, files: string[]): number {
  let newest = 0;
  const visit = (file: string) => {
    let stat: ReturnType<typeof statSync>;
    try {
      stat = statSync(file);
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      for (const entry of readdirSync(file)) visit(path.join(file, entry));
    } else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const file of files) visit(path.join(root, file));
  return newest;
}

/** The report files `npm start` writes into a folder (`compare.json`, `compare-demo.json`, `compare-only-*.json`). */
const REPORT_FILE = /^compare(-demo|-only-.+)?\.json$/;

function readReport(file: string): CompareReport | undefined {
  try {
    const report = JSON.parse(readFileSync(file, 'utf8')) as CompareReport;
    return report.schemaVersion === SCHEMA_VERSION && Array.isArray(report.rows)
      ? report
      : undefined;
  } catch {
    return undefined;
  }
}

export interface Saved {
  rows: Row[];
  /** The reports the rows came from. */
  files: string[];
}

/** The rows of `concepts` from fresh reports in `dir`, or undefined when one is missing or stale. */
export function savedRows(
  root: string,
  dir: string,
  concepts: Concept[],
  columns: Column[],
): Saved | undefined {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => REPORT_FILE.test(n));
  } catch {
    return undefined;
  }
  const changed = newestChange(root, sourcesOf(concepts));
  const fresh = names
    .map((n) => ({ file: path.join(dir, n), mtime: statSync(path.join(dir, n)).mtimeMs }))
    .filter((r) => r.mtime >= changed)
    .sort((a, b) => b.mtime - a.mtime)
    .flatMap(({ file }) => {
      const report = readReport(file);
      return report ? [{ file, report }] : [];
    });
  const rows: Row[] = [];
  const files = new Set<string>();
  for (const concept of concepts) {
    const found = fresh
      .map(({ file, report }) => ({ file, row: report.rows.find((r) => r.id === concept.id) }))
      .find(({ row }) => row && columns.every((col) => row.cells[col]?.outcome !== 'not-run'));
    if (!found?.row) return undefined;
    rows.push(found.row);
    files.add(found.file);
  }
  return { rows, files: [...files] };
}
