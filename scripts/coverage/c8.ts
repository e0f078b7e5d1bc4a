/**
 * c8 around any command (tsdoctest, or the gate fixture's stand-in), with
 * the thresholds of one level from coverage-config/thresholds.json and the
 * same reports the other frameworks write. The command line is c8-gate.ts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { coverageReporters, NOT_MEASURED } from '../../coverage-config/reports.ts';
import { type LevelName, METRICS, thresholds } from '../../coverage-config/thresholds.ts';
import { readCoverageMap } from './line-hits.ts';
import { writeReports } from './write-reports.ts';

export interface C8GateOptions {
  level: LevelName;
  include: string[];
  reportsDir: string;
}

/**
 * c8's own arguments. c8 takes one option set per reporter name, so the
 * second `text` report (the file) is written afterwards by `textFile`.
 */
export function c8Args({ level, include, reportsDir }: C8GateOptions): string[] {
  const names = [...new Set(coverageReporters.map(([name]) => name))];
  const limits = thresholds.levels[level];
  return [
    '--all',
    ...include.flatMap((glob) => ['--include', glob]),
    ...NOT_MEASURED.flatMap((file) => ['--exclude', file]),
    '--reports-dir',
    reportsDir,
    '--temp-directory',
    rawDir(reportsDir),
    ...names.flatMap((name) => ['--reporter', name]),
    '--check-coverage',
    ...METRICS.flatMap((metric) => [`--${metric}`, String(limits[metric])]),
  ];
}

/** Where V8 writes its raw coverage for c8: megabytes, removed once the reports are written. */
function rawDir(reportsDir: string): string {
  return path.join(reportsDir, 'tmp');
}

/** The term-missing table as a file, like the other frameworks' `coverage.txt`. */
function textFile(reportsDir: string): void {
  const json = path.join(reportsDir, 'coverage-final.json');
  if (!existsSync(json)) return;
  writeReports(
    readCoverageMap(json),
    reportsDir,
    coverageReporters.filter(([name, options]) => name === 'text' && 'file' in options),
  );
}

/** Run `command` under c8 and return its exit code (non-zero when a test or a threshold fails). */
export function runC8Gate(options: C8GateOptions, command: string[]): number {
  const c8 = createRequire(import.meta.url).resolve('c8/bin/c8.js');
  const result = spawnSync(process.execPath, [c8, ...c8Args(options), ...command], {
    stdio: 'inherit',
  });
  textFile(options.reportsDir);
  rmSync(rawDir(options.reportsDir), { recursive: true, force: true });
  if (result.error) {
    console.error(`c8-gate: could not run c8: ${result.error.message}`);
    return 1;
  }
  return result.status ?? 1;
}
