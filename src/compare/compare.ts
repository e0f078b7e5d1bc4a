/**
 * The comparison itself: pick the concepts, run every framework that has
 * files to run (concurrently, at most one per core), build the report and
 * write it as JSON and HTML (`compare.json`, or beside it for a narrower run:
 * see `reportName`).
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { Concept } from '../../specs/concepts.ts';
import {
  buildReport,
  filesByRunner,
  reportName,
  type Selection,
  selectConcepts,
} from './catalogue-join.ts';
import { readCoverage } from './coverage.ts';
import type { CompareReport, RunResult } from './model.ts';
import { readMutation } from './mutation.ts';
import type { Progress } from './progress.ts';
import { renderHtml } from './render/html.ts';
import { RUNNERS, type RunContext, type Runner } from './run/runners.ts';

export interface CompareOptions extends Selection {
  root: string;
  outDir: string;
  concurrency: number;
  timeoutMs: number;
  progress: Progress;
  runners?: readonly Runner[];
  configs?: RunContext['configs'];
}

/** Run async jobs with at most `limit` at a time, results in input order. */
export async function pool<T, R>(
  items: T[],
  limit: number,
  job: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await job(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

/** The runners this run needs, in start order. */
export function plannedRunners(
  concepts: Concept[],
  sel: Selection,
  runners: readonly Runner[] = RUNNERS,
) {
  const files = filesByRunner(selectConcepts(concepts, sel), sel.columns);
  return runners.flatMap((runner) => {
    const own = files.get(runner.id);
    return own ? [{ runner, files: own }] : [];
  });
}

export async function compare(concepts: Concept[], opts: CompareOptions): Promise<CompareReport> {
  const started = performance.now();
  const selected = selectConcepts(concepts, opts);
  const plan = plannedRunners(concepts, opts, opts.runners);
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'test-dojo-compare-'));
  let runs: RunResult[];
  try {
    runs = await pool(plan, opts.concurrency, async ({ runner, files }) => {
      opts.progress.start(runner.id);
      const result = await runner.run(files, {
        root: opts.root,
        scratch,
        // `--only` a demo concept needs the demo files too.
        demoFailures: opts.demoFailures || selected.some((c) => c.demo),
        timeoutMs: opts.timeoutMs,
        configs: opts.configs,
      });
      opts.progress.done(result);
      return result;
    });
  } finally {
    opts.progress.stop();
    await rm(scratch, { recursive: true, force: true });
  }
  const report = buildReport({
    concepts: selected,
    known: new Set(concepts.map((c) => c.id)),
    runs,
    selection: opts,
    root: opts.root,
    wallMs: performance.now() - started,
    coverage: readCoverage(opts.root),
    mutation: readMutation(opts.root),
  });
  await writeReports(report, opts.outDir);
  return report;
}

/** Where a report is written: `<outDir>/<name>.json` and `.html` (see `reportName`). */
export function reportFiles(report: Pick<CompareReport, 'options'>, outDir: string) {
  const base = path.join(outDir, reportName(report.options));
  return { json: `${base}.json`, html: `${base}.html` };
}

export async function writeReports(report: CompareReport, outDir: string): Promise<void> {
  const files = reportFiles(report, outDir);
  await mkdir(outDir, { recursive: true });
  // Atomic: a reader of saved reports (saved.ts) never finds half a file.
  await writeFileAtomic(files.json, `${JSON.stringify(report, null, 2)}\n`);
  await writeFileAtomic(files.html, renderHtml(report));
}
