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
import { LESSON_ROOTS } from '../../../specs/concepts.ts';
import { childEnv, type ProcessResult, runProcess } from '../../cli/child-process.ts';
import { choosePython, ciFailure, lacking, type Need } from '../../cli/python.ts';
import type { Column, Normalised, RunnerId, RunResult } from '../model.ts';
import { normalisePythonDoctest, normaliseTsdoctest } from '../normalise/doctest.ts';
import { normaliseJest } from '../normalise/jest.ts';
import { normalisePytest } from '../normalise/pytest.ts';
import { normaliseUnittest } from '../normalise/unittest.ts';
import { normaliseVitest } from '../normalise/vitest.ts';

export interface RunContext {
  root: string;
  /** A scratch directory for the machine-readable reports. */
  scratch: string;
  demoFailures: boolean;
  timeoutMs: number;
  /** Config files other than the project's (the recorded samples use their own). */
  configs?: { jest?: string; vitest?: string; vitestDoctest?: string };
  /** Starts a process; `runProcess` unless a test stands in for the frameworks. */
  exec?: typeof runProcess;
}

export interface Runner {
  id: RunnerId;
  column: Column;
  run(files: string[], ctx: RunContext): Promise<RunResult>;
}

const DOCTEST_HELPER = fileURLToPath(new URL('../python/doctest_report.py', import.meta.url));
const UNITTEST_HELPER = fileURLToPath(new URL('../python/unittest_report.py', import.meta.url));

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

/** Vitest on `files` under `config` (unset: the project's vitest.config.ts). */
async function runVitest(
  id: 'vitest' | 'vitest-doctest',
  config: string | undefined,
  files: string[],
  ctx: RunContext,
): Promise<RunResult> {
  const out = path.join(ctx.scratch, `${id}.json`);
  const flag = config ? ['--config', config] : [];
  const shown = ['npx vitest run', ...flag, '--reporter=verbose', ...files].join(' ');
  const result = base(id, 'vitest', shown);
  const proc = await node(ctx, 'node_modules/vitest/vitest.mjs', [
    'run',
    ...flag,
    '--reporter=verbose',
    '--reporter=json',
    `--outputFile.json=${out}`,
    '--includeTaskLocation',
    ...files,
  ]);
  return finish(result, proc, out, (json) =>
    normaliseVitest(json, proc.stdout, proc.stderr, ctx.root),
  );
}

const vitest: Runner = {
  id: 'vitest',
  column: 'vitest',
  run: (files, ctx) => runVitest('vitest', ctx.configs?.vitest, files, ctx),
};

/** The doctest items the catalogue puts in the Vitest column: the source files, under tsdoctest's plugin. */
const vitestDoctest: Runner = {
  id: 'vitest-doctest',
  column: 'vitest',
  run: (files, ctx) =>
    runVitest(
      'vitest-doctest',
      ctx.configs?.vitestDoctest ?? LESSON_ROOTS.vitestDoctest?.config,
      files,
      ctx,
    ),
};

const tsdoctest: Runner = {
  id: 'tsdoctest',
  column: 'tsdoctest',
  async run(files, ctx) {
    const result = base('tsdoctest', 'tsdoctest', `npx tsdoctest -v ${files.join(' ')}`);
    const bin = 'src/doctest/bin/tsdoctest.js';
    if (!existsSync(path.join(ctx.root, bin))) {
      return { ...result, available: false, unavailable: `${bin} not found` };
    }
    const out = path.join(ctx.scratch, 'tsdoctest.json');
    // With -v, each item's `text` in the JSON is its transcript in tsdoctest's own words.
    const proc = await node(ctx, bin, ['--reporter', 'json', '-v', '--output', out, ...files]);
    return finish(result, proc, out, (json) => normaliseTsdoctest(json, ctx.root));
  },
};

/**
 * Where the Python tools run, as the course runs them: the folder with the
 * pytest.ini above the files (so `demo_failures/test_x.py` imports the modules
 * beside that folder, under unittest too), else the directory the files share.
 */
function pythonDir(files: string[], root: string): string {
  const dirs = files.map((f) => path.posix.dirname(f).split('/'));
  const first = dirs[0] ?? ['.'];
  let n = 0;
  while (n < first.length && dirs.every((d) => d[n] === first[n])) n++;
  for (let up = n; up > 0; up--) {
    const dir = first.slice(0, up).join('/');
    if (existsSync(path.join(root, dir, 'pytest.ini'))) return dir;
  }
  return first.slice(0, n).join('/') || '.';
}

function python(ctx: RunContext, command: string, cwd: string, args: string[]) {
  return (ctx.exec ?? runProcess)(command, args, {
    cwd: path.join(ctx.root, cwd),
    env: childEnv(ctx.demoFailures),
    timeoutMs: ctx.timeoutMs,
  });
}

/**
 * The interpreter every Python run shares (src/cli/python.ts), or the result
 * that says why this run cannot start: not available, or a failure under CI=true.
 */
async function pythonFor(
  ctx: RunContext,
  need: Need,
  result: RunResult,
): Promise<{ command: string } | { result: RunResult }> {
  const chosen = await choosePython(process.env, async (command, args) => {
    const probe = await python(ctx, command, '.', args);
    return { code: probe.failure ? null : probe.code, stdout: probe.stdout };
  });
  const failure = ciFailure(chosen);
  if (failure) return { result: { ...result, crashed: failure } };
  const missing = lacking(chosen, need);
  if (missing || !chosen.command) {
    return { result: { ...result, available: false, unavailable: missing } };
  }
  return { command: chosen.command };
}

/** A Python run: its files from the directory they share, the command a learner would type. */
function pythonRun(files: string[], root: string, id: RunnerId, shown: (local: string) => string) {
  const cwd = pythonDir(files, root);
  const local = files.map((f) => path.posix.relative(cwd, f));
  return { cwd, local, result: base(id, 'python', `cd ${cwd} && ${shown(local.join(' '))}`) };
}

const unittest: Runner = {
  id: 'unittest',
  column: 'python',
  async run(files, ctx) {
    const { cwd, local, result } = pythonRun(
      files,
      ctx.root,
      'unittest',
      (f) => `python3 -m unittest -v ${f}`,
    );
    const py = await pythonFor(ctx, 'python', result);
    if ('result' in py) return py.result;
    const out = path.join(ctx.scratch, 'unittest.json');
    const proc = await python(ctx, py.command, cwd, [UNITTEST_HELPER, out, ...local]);
    return finish(result, proc, out, (json) => normaliseUnittest(json, ctx.root, cwd));
  },
};

/** pytest's own test files (its default `python_files`); any other module is there for its doctests. */
const PYTEST_FILE = /(^|\/)(test_[^/]*|[^/]*_test)\.py$/;

const pytest: Runner = {
  id: 'pytest',
  column: 'python',
  async run(files, ctx) {
    // A module named for its doctest items: pytest collects them with --doctest-modules.
    const doctests = files.some((f) => !PYTEST_FILE.test(f)) ? ['--doctest-modules'] : [];
    const { cwd, local, result } = pythonRun(files, ctx.root, 'pytest', (f) =>
      ['python3 -m pytest -v', ...doctests, f].join(' '),
    );
    const py = await pythonFor(ctx, 'pytest', result);
    if ('result' in py) return py.result;
    const out = path.join(ctx.scratch, 'pytest.xml');
    const proc = await python(ctx, py.command, cwd, [
      '-m',
      'pytest',
      '-v',
      '-rA',
      '-p',
      'no:cacheprovider',
      '-o',
      'junit_family=xunit1',
      '--continue-on-collection-errors',
      ...doctests,
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
    const { cwd, local, result } = pythonRun(
      files,
      ctx.root,
      'pydoctest',
      (f) => `python3 -m doctest -v ${f}`,
    );
    const py = await pythonFor(ctx, 'python', result);
    if ('result' in py) return py.result;
    const proc = await python(ctx, py.command, cwd, [DOCTEST_HELPER, ...local]);
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
export const RUNNERS: readonly Runner[] = [
  jest,
  vitest,
  pytest,
  unittest,
  vitestDoctest,
  tsdoctest,
  pydoctest,
];
