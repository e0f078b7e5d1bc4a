// The command in-process: options, progress on a terminal or not, the table and the exit code.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { createColors } from 'picocolors';
import stripAnsi from 'strip-ansi';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { sampleConcepts } from '../../../fixtures/compare/samples/concepts.ts';
import { main } from '../../../src/compare/main.ts';
import type { RunnerId, RunResult } from '../../../src/compare/model.ts';
import { liveProgress, plainProgress } from '../../../src/compare/progress.ts';
import type { Runner } from '../../../src/compare/run/runners.ts';
import { recordedRun } from './recorded.ts';

/** A stream that records what is written, and says it is (or is not) a sized terminal. */
class Sink extends Writable {
  text = '';
  constructor(
    readonly isTTY: boolean,
    readonly rows = 30,
    readonly columns = 100,
  ) {
    super();
  }
  override _write(chunk: Buffer, _enc: string, done: () => void) {
    this.text += chunk.toString();
    done();
  }
}

const sink = (tty: boolean) => new Sink(tty) as unknown as NodeJS.WriteStream & Sink;

/** Runners that play back the recordings instead of starting the frameworks. */
function recordedRunners(started: RunnerId[] = []): Runner[] {
  const ids = ['jest', 'vitest', 'pytest', 'unittest', 'tsdoctest', 'pydoctest'] as const;
  return ids.map((id) => ({
    id,
    column: recordedRun(id).column,
    run: async () => {
      started.push(id);
      return recordedRun(id);
    },
  }));
}

async function runMain(
  args: string[],
  tty: boolean,
  env: NodeJS.ProcessEnv = {},
  runners?: Runner[],
) {
  const outDir = await mkdtemp(path.join(os.tmpdir(), 'compare-main-'));
  const stdout = sink(tty);
  const stderr = sink(tty);
  try {
    const code = await main([...args, '--out-dir', outDir], {
      concepts: sampleConcepts,
      root: process.cwd(),
      env,
      stdout,
      stderr,
      runners,
    });
    const json = JSON.parse(await readFile(path.join(outDir, 'compare.json'), 'utf8'));
    return { code, stdout: stdout.text, stderr: stderr.text, json };
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}

describe('main', () => {
  test('not on a terminal: plain progress lines, no colours, exit 0 when all cells match', async () => {
    const run = await runMain(['--frameworks', 'python', '--only', 'sample-pass'], false);
    expect(run.code).toBe(0);
    const [started, finished, ...rest] = run.stderr.split('\n');
    // sample-pass names a unittest test: unittest runs it, not pytest.
    expect(started).toBe('unittest: running');
    expect(finished).toMatch(/^unittest: 1 passed, 0 failed, 1 skipped in \d+\.\d s$/);
    expect(rest).toEqual(['']);
    expect(run.stdout).toBe(stripAnsi(run.stdout));
    expect(run.stdout).toMatch(/reports: .*compare\.html, .*compare\.json\n$/);
    expect(run.json.options).toEqual({
      demoFailures: false,
      only: 'sample-pass',
      columns: ['python'],
    });
  }, 120_000);

  test('on a terminal: live progress on stderr, colours on stdout; exit 1 on a mismatch', async () => {
    const run = await runMain(['--demo-failures', '--frameworks', 'python'], true);
    expect(run.code).toBe(1);
    expect(stripAnsi(run.stderr)).toMatch(/✔ pytest +1 passed, 2 failed, 2 skipped in \d+\.\d s/);
    expect(run.stdout).not.toBe(stripAnsi(run.stdout));
    expect(stripAnsi(run.stdout)).toContain('sample-crash [python] expected failed, got error');
  }, 120_000);

  test('NO_COLOR and CI=true turn colours and the live display off', async () => {
    const run = await runMain(['--frameworks', 'python', '--only', 'sample-skip'], true, {
      NO_COLOR: '1',
      CI: 'true',
    });
    expect(run.stdout).toBe(stripAnsi(run.stdout));
    expect(run.stderr).toMatch(/^pytest: running$/m);
  }, 120_000);
});

describe('main on recorded runs (no framework started)', () => {
  test('runs only the runners the selection needs, and exits 0 when every cell matches', async () => {
    const started: RunnerId[] = [];
    const run = await runMain(
      ['--frameworks', ' vitest , jest ,'],
      false,
      {},
      recordedRunners(started),
    );
    expect(run.code).toBe(0);
    expect(started.sort()).toEqual(['jest', 'vitest']);
    expect(run.json.options.columns).toEqual(['jest', 'vitest']);
    expect(run.stderr.split('\n').filter((l) => l.endsWith(': running'))).toHaveLength(2);
    expect(run.stdout).toContain('Every cell matches its expected outcome (3 concepts).');
  });

  test('the failure demos differ from the catalogue on recorded runs: exit 1, mismatches listed', async () => {
    const run = await runMain(['--demo-failures'], false, {}, recordedRunners());
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('3 cell(s) differ from the catalogue:');
    expect(run.json.ok).toBe(false);
  });

  test('CI=1 counts as CI: plain progress lines, colours still on', async () => {
    const ci = await runMain(['--only', 'sample-pass'], true, { CI: '1' }, recordedRunners());
    expect(ci.stderr).toMatch(/^jest: running$/m);
    // Colours stay on: CI turns off the live display, NO_COLOR turns off colours.
    expect(ci.stdout).not.toBe(stripAnsi(ci.stdout));
  });

  test('reports written to the root itself are shown as ./', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'compare-root-'));
    try {
      const stdout = sink(false);
      const stderr = new Sink(true, 0) as unknown as NodeJS.WriteStream & Sink;
      const code = await main(['--only', 'sample-skip', '--out-dir', '.'], {
        concepts: sampleConcepts,
        root,
        env: {},
        stdout,
        stderr,
        runners: recordedRunners(),
      });
      expect(code).toBe(0);
      // A terminal that reports no rows cannot show a live display: plain lines.
      expect(stderr.text).toMatch(/^pytest: running$/m);
      expect(stdout.text).toMatch(/\nreports: \.\/compare\.html, \.\/compare\.json\n$/);
      const json = JSON.parse(await readFile(path.join(root, 'compare.json'), 'utf8'));
      expect(json.rows.map((r: { id: string }) => r.id)).toEqual(['sample-skip']);
      // No coverage/side-by-side.json under this root: the report says how to get one.
      expect(json.coverage).toEqual({ available: false, hint: 'coverage: run npm run coverage' });
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});

describe('usage errors exit 2 with one line on stderr, and nothing runs', () => {
  async function usage(args: string[]) {
    const stdout = sink(false);
    const stderr = sink(false);
    const started: RunnerId[] = [];
    const code = await main(args, {
      concepts: sampleConcepts,
      root: process.cwd(),
      env: {},
      stdout,
      stderr,
      runners: recordedRunners(started),
    });
    return { code, stdout: stdout.text, stderr: stderr.text, started };
  }

  test.each([
    [
      ['--frameworks', 'jest,mocha'],
      /^error: option '--frameworks <list>' argument 'jest,mocha' is invalid\. unknown framework "mocha"; choose from python, jest, vitest, tsdoctest\.$/m,
    ],
    [
      ['--frameworks', ' , '],
      /^error: option '--frameworks <list>' argument ' , ' is invalid\. unknown framework \(none given\); choose from python, jest, vitest, tsdoctest\.$/m,
    ],
    [
      ['--only', 'no-such-concept'],
      /^error: unknown concept id "no-such-concept" \(see specs\/concepts\.ts\)$/m,
    ],
    [
      ['--timeout', 'soon'],
      /^error: option '--timeout <ms>' argument 'soon' is invalid\. not an integer\.$/m,
    ],
    [['--timeout', '10'], /argument '10' is invalid\. must be between 1000 and 3600000\.$/m],
    [['--no-such-flag'], /^error: unknown option '--no-such-flag'$/m],
  ])('%j', async (args, message) => {
    const run = await usage(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toContain('(run with --help for usage)');
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.stdout).toBe('');
    expect(run.started).toEqual([]);
  });

  test('--help prints the options on stdout and exits 0', async () => {
    const run = await usage(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: compare \[options\]/);
    for (const flag of ['--demo-failures', '--only', '--frameworks', '--out-dir', '--timeout']) {
      expect(run.stdout).toContain(flag);
    }
    expect(run.stderr).toBe('');
    expect(run.started).toEqual([]);
  });
});

describe('progress', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  const result = (patch: Partial<RunResult>): RunResult => ({
    runner: 'jest',
    column: 'jest',
    command: 'jest',
    available: true,
    exitCode: 0,
    wallMs: 1500,
    tests: [{ file: 'a.test.ts', name: ['a'], status: 'passed', output: '' }],
    fileErrors: [],
    ...patch,
  });

  test('live: a line per framework, waiting, spinning with elapsed time, then its totals', () => {
    vi.useFakeTimers();
    const stream = sink(true);
    const progress = liveProgress(stream, ['jest', 'vitest', 'tsdoctest'], createColors(false));
    expect(stream.text).toContain('· jest      waiting');
    progress.start('jest');
    vi.advanceTimersByTime(300);
    expect(stream.text).toMatch(/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] jest {6}running \d+\.\d s/);
    progress.done(result({}));
    progress.done(result({ runner: 'vitest', crashed: 'no report written\n\nboom' }));
    progress.done(
      result({ runner: 'tsdoctest', available: false, unavailable: 'bin/tsdoctest.js not found' }),
    );
    progress.stop();
    expect(stream.text).toContain('✔ jest      1 passed, 0 failed, 0 skipped in 1.5 s');
    expect(stream.text).toContain('✔ vitest    crashed: no report written');
    expect(stream.text).toContain('✔ tsdoctest not available: bin/tsdoctest.js not found');
  });

  test('plain: one line as each framework starts and ends', () => {
    const lines: string[] = [];
    const progress = plainProgress((l) => lines.push(l));
    progress.start('vitest');
    progress.done(result({ runner: 'vitest' }));
    progress.stop();
    expect(lines).toEqual(['vitest: running', 'vitest: 1 passed, 0 failed, 0 skipped in 1.5 s']);
  });
});
