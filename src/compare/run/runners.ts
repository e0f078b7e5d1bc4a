/**
 * One runner per framework process: each starts its framework on the files
 * the catalogue names, with a machine-readable reporter and a human one, and
 * hands both to its normaliser. A missing tool or a crashed run becomes a
 * RunResult that says so; nothing here throws for a framework's sake.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Column, RunnerId, RunResult } from '../model.ts';
import { normalisePythonDoctest, normaliseTsdoctest } from '../normalise/doctest.ts';
import { normaliseJest } from '../normalise/jest.ts';
import type { Normalised } from '../normalise/jest-like.ts';
import { normalisePytest } from '../normalise/pytest.ts';
import { normaliseVitest } from '../normalise/vitest.ts';
import { childEnv, type ProcessResult, runProcess } from './process.ts';

export interface RunContext {
  root: string;
  /** A scratch directory for the machine-readable reports. */
  scratch: string;
  demoFailures: boolean;
  timeoutMs: number;
  /** Config files other than the project's (the recorded samples use their own). */
  configs?: { jest?: string; vitest?: string };
  /** Starts a process; `runProcess` unless a test stands in for the frameworks. */
  exec?: typeof runProcess;
}

export interface Runner {
  id: RunnerId;
  column: Column;
  run(files: string[], ctx: RunContext): Promise<RunResult>;
}

const DOCTEST_HELPER = fileURLToPath(new URL('../python/doctest_report.py', import.meta.url));

function base(id: RunnerId, column: Column, command: string): RunResult {
  return {
    runner: id,
    column,
    command,
    available: true,
    exitCode: null,
    wallMs: 0,
    tests: [],
    fileErrors: [],
  };
}

/** Read the report the framework wrote and normalise it, or say why there is none. */
export async function finish(
  result: RunResult,
  proc: ProcessResult,
  reportFile: string,
  normalise: (report: string) => Normalised,
): Promise<RunResult> {
  const done = { ...result, exitCode: proc.code, wallMs: proc.ms };
  const crashed = (why: string) => ({
    ...done,
    crashed: [why, proc.stderr.trim(), proc.stdout.trim()].filter(Boolean).join('\n\n'),
  });
  if (proc.failure) return crashed(proc.failure);
  let report: string;
  try {
    report = await readFile(reportFile, 'utf8');
  } catch {
    return crashed(`no report written (exit code ${proc.code})`);
  }
  try {
    return { ...done, ...normalise(report) };
  } catch (err) {
    return crashed(`unreadable report: ${(err as Error).message}`);
  }
}

function node(ctx: RunContext, script: string, args: string[]) {
  return (ctx.exec ?? runProcess)(process.execPath, [path.join(ctx.root, script), ...args], {
    cwd: ctx.root,
    env: childEnv(ctx.demoFailures),
    timeoutMs: ctx.timeoutMs,
  });
}

const jest: Runner = {
  id: 'jest',
  column: 'jest',
  async run(files, ctx) {
    const out = path.join(ctx.scratch, 'jest.json');
    const args = ['--ci', '--verbose', '--json', '--outputFile', out, '--testLocationInResults'];
    const result = base('jest', 'jest', `npx jest --verbose ${files.join(' ')}`);
    const config = ctx.configs?.jest ? ['--config', ctx.configs.jest] : [];
    const proc = await node(ctx, 'node_modules/jest/bin/jest.js', [
      ...config,
      ...args,
      '--runTestsByPath',
      ...files,
    ]);
    return finish(result, proc, out, (json) => normaliseJest(json, proc.stderr, ctx.root));
  },
};

const vitest: Runner = {
  id: 'vitest',
  column: 'vitest',
  async run(files, ctx) {
    const out = path.join(ctx.scratch, 'vitest.json');
    const result = base('vitest', 'vitest', `npx vitest run --reporter=verbose ${files.join(' ')}`);
    const proc = await node(ctx, 'node_modules/vitest/vitest.mjs', [
      'run',
      ...(ctx.configs?.vitest ? ['--config', ctx.configs.vitest] : []),
      '--reporter=verbose',
      '--reporter=json',
      `--outputFile.json=${out}`,
      '--includeTaskLocation',
      ...files,
    ]);
    return finish(result, proc, out, (json) =>
      normaliseVitest(json, proc.stdout, proc.stderr, ctx.root),
    );
  },
};

const tsdoctest: Runner = {
  id: 'tsdoctest',
  column: 'tsdoctest',
  async run(files, ctx) {
    const result = base('tsdoctest', 'tsdoctest', `npx tsdoctest -v ${files.join(' ')}`);
    const bin = 'bin/tsdoctest.js';
    if (!existsSync(path.join(ctx.root, bin))) {
      return { ...result, available: false, unavailable: `${bin} not found` };
    }
    const out = path.join(ctx.scratch, 'tsdoctest.json');
    const proc = await node(ctx, bin, ['--reporter', 'json', '--output', out, ...files]);
    // The -v text run gives each example's report in tsdoctest's own words.
    const verbose = await node(ctx, bin, ['-v', ...files]);
    const timed = { ...proc, ms: proc.ms + verbose.ms };
    return finish(result, timed, out, (json) => normaliseTsdoctest(json, verbose.stdout, ctx.root));
  },
};

/** The directory the Python files share (pytest and doctest run there, as the course does). */
function pythonDir(files: string[]): string {
  const dirs = files.map((f) => path.posix.dirname(f).split('/'));
  const first = dirs[0] ?? ['.'];
  let n = 0;
  while (n < first.length && dirs.every((d) => d[n] === first[n])) n++;
  return first.slice(0, n).join('/') || '.';
}

function python(ctx: RunContext, cwd: string, args: string[]) {
  return (ctx.exec ?? runProcess)('python3', args, {
    cwd: path.join(ctx.root, cwd),
    env: childEnv(ctx.demoFailures),
    timeoutMs: ctx.timeoutMs,
  });
}

/** Why Python cannot run, or undefined when python3 (and pytest, if asked) are there. */
async function pythonMissing(ctx: RunContext, needPytest: boolean): Promise<string | undefined> {
  const probe = await python(ctx, '.', ['-c', needPytest ? 'import pytest' : 'pass']);
  if (probe.failure) return probe.failure;
  if (probe.code !== 0) return 'pytest is not installed (python3 -m pip install pytest)';
  return undefined;
}

const pytest: Runner = {
  id: 'pytest',
  column: 'python',
  async run(files, ctx) {
    const cwd = pythonDir(files);
    const local = files.map((f) => path.posix.relative(cwd, f));
    const result = base('pytest', 'python', `cd ${cwd} && python3 -m pytest -v ${local.join(' ')}`);
    const missing = await pythonMissing(ctx, true);
    if (missing) return { ...result, available: false, unavailable: missing };
    const out = path.join(ctx.scratch, 'pytest.xml');
    const proc = await python(ctx, cwd, [
      '-m',
      'pytest',
      '-v',
      '-rA',
      '-p',
      'no:cacheprovider',
      '-o',
      'junit_family=xunit1',
      '--continue-on-collection-errors',
      `--junitxml=${out}`,
      ...local,
    ]);
    return finish(result, proc, out, (xml) => normalisePytest(xml, proc.stdout, ctx.root, cwd));
  },
};

const pydoctest: Runner = {
  id: 'pydoctest',
  column: 'python',
  async run(files, ctx) {
    const cwd = pythonDir(files);
    const local = files.map((f) => path.posix.relative(cwd, f));
    const result = base(
      'pydoctest',
      'python',
      `cd ${cwd} && python3 -m doctest -v ${local.join(' ')}`,
    );
    const missing = await pythonMissing(ctx, false);
    if (missing) return { ...result, available: false, unavailable: missing };
    const proc = await python(ctx, cwd, [DOCTEST_HELPER, ...local]);
    const done = { ...result, exitCode: proc.code, wallMs: proc.ms };
    if (proc.failure || proc.code !== 0) {
      const why = proc.failure ?? `exit code ${proc.code}`;
      return { ...done, crashed: [why, proc.stderr.trim()].filter(Boolean).join('\n\n') };
    }
    try {
      return { ...done, ...normalisePythonDoctest(proc.stdout, ctx.root, cwd) };
    } catch (err) {
      return { ...done, crashed: `unreadable report: ${(err as Error).message}` };
    }
  },
};

/** Every runner, slowest first so the pool starts them early. */
export const RUNNERS: readonly Runner[] = [jest, vitest, pytest, tsdoctest, pydoctest];
