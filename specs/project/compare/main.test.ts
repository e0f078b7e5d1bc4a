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
import type { RunResult } from '../../../src/compare/model.ts';
import { liveProgress, plainProgress } from '../../../src/compare/progress.ts';

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

async function runMain(args: string[], tty: boolean, env: NodeJS.ProcessEnv = {}) {
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
    expect(started).toBe('pytest: running');
    expect(finished).toMatch(/^pytest: 1 passed, 2 failed, 2 skipped in \d+\.\d s$/);
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
