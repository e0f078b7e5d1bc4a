/**
 * A whole run: find the files' doc tests, run them (in a worker pool, or in
 * this thread), and put the results in a stable order: files by path,
 * comments by name within a file, as CPython's finder sorts them.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FileJob } from './execute.ts';
import { collectFiles, UsageError } from './files.ts';
import { type FoundFile, findDocTests } from './finder.ts';
import type { Flag } from './flags.ts';
import { cachedParse, type ParsedFile } from './parse-cache.ts';
import { WorkerPool } from './pool.ts';
import { type ItemResult, type Report, summarize } from './results.ts';
import { prepareSource } from './rewrite.ts';
import { compileSelection, selectTests } from './select.ts';

export interface RunOptions {
  /** Option flags for every example (`-o`), e.g. `['ELLIPSIS']`. */
  flags?: Flag[];
  /** Stop after the first failing example (`-f`). */
  failFast?: boolean;
  /** Per-example time limit in milliseconds. */
  timeoutMs?: number;
  /** Number of worker threads (default: one per 250 examples, at most the number of cores). */
  concurrency?: number;
  /** Run in this thread instead of workers: no protection from hangs, but visible to coverage tools. */
  inProcess?: boolean;
  /** Type-check the examples (see typecheck.ts). */
  typecheck?: boolean;
  /** Directory paths are resolved and shown relative to (default: process.cwd()). */
  cwd?: string;
  /** Keep parsed files here, reused while unchanged; pool workers keep compiled code too. */
  cacheDir?: string;
  /** `-k`: run only the items whose name matches this expression (pytest's grammar). */
  select?: string;
}

export const DEFAULT_TIMEOUT_MS = 5000;

/** Without `concurrency`, one worker per this many examples, up to the number of cores. */
const EXAMPLES_PER_WORKER = 250;

function readSource(file: string, cwd: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new UsageError(
      `cannot read ${file.startsWith(cwd) ? file.slice(cwd.length + 1) : file}: ${code}`,
    );
  }
}

/** A file's doc tests, and each example made runnable. */
export function parseFile(file: string, source: string, cwd: string): ParsedFile {
  const found = findDocTests(file, source, cwd);
  const runnables = found.tests
    .filter((t) => t.examples.length > 0)
    .map((t) => t.examples.map((e) => prepareSource(e.source)));
  return { found, runnables };
}

export function jobFor(
  { found, runnables }: ParsedFile,
  flags: Flag[],
  timeoutMs: number,
): FileJob {
  return {
    file: found.file,
    scopeNames: found.scopeNames,
    tests: found.tests.filter((t) => t.examples.length > 0),
    runnables,
    firstTest: 0,
    flags,
    timeoutMs,
  };
}

/** The signals that stop a run with a report (SIGKILL cannot be caught). */
const SIGNALS = ['SIGTERM', 'SIGINT', 'SIGHUP'] as const;

/**
 * Until the returned function is called, a signal (sent by an example's child process, say, or
 * Ctrl-C) fails the running examples and reports the rest as not run, so a report is written.
 */
function interruptOnSignals(pool: WorkerPool): () => void {
  const handlers = SIGNALS.map((signal) => {
    const handler = () =>
      pool.interrupt(`Interrupted: the run received ${signal}`, `the run received ${signal}`);
    process.on(signal, handler);
    return () => process.off(signal, handler);
  });
  return () => {
    for (const off of handlers) off();
  };
}

/** Run the doc tests of `paths` (files, folders or globs) and return the report model. */
export async function runDoctests({
  paths,
  options = {},
}: {
  paths: readonly string[];
  options?: RunOptions;
}): Promise<Report> {
  const cwd = options.cwd ?? process.cwd();
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const flags: Flag[] = [...(options.flags ?? [])];
  if (options.failFast && !flags.includes('FAIL_FAST')) flags.push('FAIL_FAST');
  const files = await collectFiles(paths.length > 0 ? paths : ['src'], cwd);
  const sources = files.map((file) => readSource(file, cwd));
  const { cacheDir } = options;
  const matches = options.select === undefined ? undefined : compileSelection(options.select);
  const parse = (i: number): ParsedFile => {
    const [file, source] = [files[i] as string, sources[i] as string];
    const fresh = () => parseFile(file, source, cwd);
    const parsed =
      cacheDir === undefined
        ? fresh()
        : cachedParse(path.join(cacheDir, 'parsed'), { file, source, cwd }, fresh);
    return matches ? selectTests(parsed, matches) : parsed;
  };
  // A worker takes a few hundred milliseconds to boot: small runs get fewer.
  const prompts = sources.reduce((n, source) => n + (source.match(/>>>/g)?.length ?? 0), 0);
  const wanted = options.concurrency ?? Math.ceil(prompts / EXAMPLES_PER_WORKER);
  const size = Math.max(1, Math.min(wanted, os.availableParallelism(), files.length));
  // Start the workers first: they boot while this thread parses the files.
  const pool =
    options.inProcess || files.length === 0 ? undefined : new WorkerPool(size, timeoutMs, cacheDir);
  const stopListening = pool ? interruptOnSignals(pool) : () => {};
  try {
    const found: FoundFile[] = [];
    let perFile: ItemResult[][];
    if (pool) {
      // Hand each file to the pool as soon as it is parsed, so the workers start early.
      const running: Promise<ItemResult[]>[] = [];
      for (const i of files.keys()) {
        const parsed = parse(i);
        found.push(parsed.found);
        const job = jobFor(parsed, flags, timeoutMs);
        running.push(job.tests.length > 0 ? pool.run(job) : Promise.resolve([]));
        await new Promise(setImmediate);
      }
      perFile = await Promise.all(running);
    } else {
      const { registerLoaderHooks } = await import('./loader-hooks.mjs');
      registerLoaderHooks(cacheDir);
      const [{ runFile }, { nativeImport }] = await Promise.all([
        import('./execute.ts'),
        import('./load-module.ts'),
      ]);
      perFile = [];
      for (const i of files.keys()) {
        const parsed = parse(i);
        found.push(parsed.found);
        const job = { ...jobFor(parsed, flags, timeoutMs), syncTimeout: true };
        perFile.push(
          job.tests.length > 0 ? await runFile(job, { importModule: nativeImport }) : [],
        );
      }
    }
    let items = pool ? pool.withLateFailures(perFile.flat()) : perFile.flat();
    if (options.typecheck) {
      const { typecheckExamples, mergeTypeErrors } = await import('./typecheck.ts');
      items = mergeTypeErrors(items, typecheckExamples(found, sources, cwd));
    }
    if (flags.includes('FAIL_FAST')) {
      const first = items.findIndex((i) => i.failed > 0);
      if (first >= 0) items = items.slice(0, first + 1);
    }
    const withoutTests = found.flatMap((f) =>
      f.tests.filter((t) => t.examples.length === 0).map((t) => t.name),
    );
    return summarize(items, withoutTests);
  } finally {
    stopListening();
    await pool?.close();
  }
}
