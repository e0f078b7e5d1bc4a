// The command in-process: options, progress on a terminal or not, the table, --show, --list,
// the failure demos, where the reports go, and the exit code.
import { mkdtemp, readdir, readFile, rm, utimes } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { createColors } from 'picocolors';
import stringWidth from 'string-width';
import stripAnsi from 'strip-ansi';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { sampleConcepts } from '../../../fixtures/compare/samples/concepts.ts';
import { main } from '../../../src/compare/main.ts';
import type { RunnerId, RunResult } from '../../../src/compare/model.ts';
import { liveProgress, plainProgress } from '../../../src/compare/progress.ts';
import type { Runner } from '../../../src/compare/run/runners.ts';
import type { Concept } from '../../concepts.ts';
import { recordedRun } from './recorded.ts';

/** A path as the command shows it: from the root it ran in. */
const shown = (file: string) => path.relative(process.cwd(), file);

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
    // The report is where the command says it wrote it.
    const written = /^reports: (\S+)\.html, (\S+\.json)$/m.exec(stdout.text)?.[2] ?? 'none';
    const json = JSON.parse(await readFile(path.resolve(written), 'utf8'));
    return { code, stdout: stdout.text, stderr: stderr.text, json, written, outDir };
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
    expect(started).toBe('python (unittest): running');
    expect(finished).toMatch(/^python \(unittest\): 1 passed, 0 failed, 1 skipped in \d+\.\d s$/);
    expect(rest).toEqual(['']);
    expect(run.stdout).toBe(stripAnsi(run.stdout));
    expect(run.written).toBe(shown(path.join(run.outDir, 'compare-only-sample-pass.json')));
    expect(run.json.options).toEqual({
      demoFailures: false,
      only: 'sample-pass',
      columns: ['python'],
    });
  }, 120_000);

  test('on a terminal: live progress on stderr, colours on stdout; exit 1 on a mismatch', async () => {
    const run = await runMain(['--demo-failures', '--frameworks', 'python'], true);
    expect(run.code).toBe(1);
    expect(stripAnsi(run.stderr)).toMatch(
      /✔ python \(pytest\) +1 passed, 2 failed, 2 skipped in \d+\.\d s/,
    );
    expect(run.stdout).not.toBe(stripAnsi(run.stdout));
    expect(stripAnsi(run.stdout)).toContain('sample-crash [python] expected failed, got error');
  }, 120_000);

  test('NO_COLOR and CI=true turn colours and the live display off', async () => {
    const run = await runMain(['--frameworks', 'python', '--only', 'sample-skip'], true, {
      NO_COLOR: '1',
      CI: 'true',
    });
    expect(run.stdout).toBe(stripAnsi(run.stdout));
    expect(run.stderr).toMatch(/^python \(pytest\): running$/m);
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
    // Not a terminal: every line fits 80 columns, the closing hints included
    // (but for the reports' paths, which are never broken).
    expect(run.stdout).toContain('npm start -- --show');
    const wide = run.stdout
      .split('\n')
      .filter((line) => !line.startsWith('reports: ') && stringWidth(line) > 80);
    expect(wide).toEqual([]);
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
      expect(stderr.text).toMatch(/^python \(pytest\): running$/m);
      expect(stdout.text).toContain(
        '\nreports: compare-only-sample-skip.html, compare-only-sample-skip.json\n',
      );
      const json = JSON.parse(
        await readFile(path.join(root, 'compare-only-sample-skip.json'), 'utf8'),
      );
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
      /^error: unknown concept or section "no-such-concept"; did you mean "sample-doctest"\? \(npm start -- --list shows them all\)$/m,
    ],
    [
      ['--show', 'sample-wrong-expectd'],
      /^error: unknown concept or section "sample-wrong-expectd"; did you mean "sample-wrong-expected"\?/m,
    ],
    [['--show', 'unitest'], /did you mean "unittest"\?/m],
    [
      ['--show', 'coverage'],
      /^error: the coverage section has no concept of its own to run \(npm start -- --list shows them all\)$/m,
    ],
    [
      ['--show', 'sample-pass', '--only', 'sample-pass'],
      /^error: option '--show <id>' cannot be used with option '--only <id>'$/m,
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
    for (const flag of [
      '--demo-failures',
      '--only',
      '--show',
      '--list',
      '--frameworks',
      '--out-dir',
      '--timeout',
    ]) {
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
      result({
        runner: 'tsdoctest',
        available: false,
        unavailable: 'src/doctest/bin/tsdoctest.js not found',
      }),
    );
    progress.stop();
    expect(stream.text).toContain('✔ jest      1 passed, 0 failed, 0 skipped in 1.5 s');
    expect(stream.text).toContain('✔ vitest    crashed: no report written');
    expect(stream.text).toContain(
      '✔ tsdoctest not available: src/doctest/bin/tsdoctest.js not found',
    );
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

describe('--show, --list and the failure demos, on recorded runs', () => {
  const wrong = sampleConcepts.find((c) => c.id === 'sample-wrong-expected');
  if (!wrong) throw new Error('no sample-wrong-expected in the samples');
  /** The sample demo in every tool: Python's doctest and tsdoctest report it too. */
  const demo: Concept = {
    ...wrong,
    python: {
      ...wrong.python,
      also: [
        ...(wrong.python.also ?? []),
        {
          framework: 'doctest',
          file: 'fixtures/compare/samples/python/calculation.py',
          test: ['calculation.Cal.add_num_and_double'],
          expected: { outcome: 'fail', reason: 'expects 3' },
        },
      ],
    },
    mirrors: {
      ...wrong.mirrors,
      tsdoctest: {
        file: 'fixtures/doctest/classic-failures.ts',
        test: ['classic-failures.Cal.addNumAndDouble'],
        expected: { outcome: 'fail', reason: 'expects 5' },
        support: 'native',
        how: 'sample',
      },
    },
  };
  const concepts = [...sampleConcepts.filter((c) => c !== wrong), demo];

  async function command(args: string[], outDir: string, columns = 100) {
    const stdout = new Sink(true, 30, columns) as unknown as NodeJS.WriteStream & Sink;
    const stderr = sink(false);
    const started: RunnerId[] = [];
    const code = await main([...args, '--out-dir', outDir], {
      concepts,
      root: process.cwd(),
      env: { NO_COLOR: '1' },
      stdout,
      stderr,
      runners: recordedRunners(started),
    });
    return { code, stdout: stdout.text, stderr: stderr.text, started };
  }

  async function inTemp<T>(body: (dir: string) => Promise<T>): Promise<T> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'compare-show-'));
    try {
      return await body(dir);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  test("--demo-failures prints each framework's own failure text, and writes beside the full report", () =>
    inTemp(async (dir) => {
      const run = await command(['--demo-failures'], dir);
      expect(run.code).toBe(1);
      const text = run.stdout;
      // unittest's own words, pytest's rewritten assert, Python's doctest report.
      expect(text).toMatch(/^python \(unittest\) {2}✗ failed$/m);
      expect(text).toContain('  AssertionError: 2 != 3');
      expect(text).toContain('  E       assert 4 == 3');
      expect(text).toContain(
        '  Failed example:\n      Cal().add_num_and_double(1, 1)\n  Expected:\n      3\n  Got:\n      4',
      );
      // Jest's and Vitest's diffs, tsdoctest's report.
      expect(text).toContain('      Expected: 3\n      Received: 4');
      expect(text).toContain('  - Expected\n  + Received\n\n  - 3\n  + 4');
      expect(text).toMatch(/tsdoctest said:\n[\s\S]*Expected:\n {4,}5\n {2,}Got:\n {4,}4/);
      // The code is for --show: the demos show what the frameworks said.
      expect(text).not.toContain('the test:');
      expect(text).toContain(
        `reports: ${shown(path.join(dir, 'compare-demo.html'))}, ${shown(path.join(dir, 'compare-demo.json'))}`,
      );
      expect(await readdir(dir)).toEqual(['compare-demo.html', 'compare-demo.json']);
    }));

  test('--only writes beside the full report, under the name of what it ran', () =>
    inTemp(async (dir) => {
      const run = await command(['--only', 'pytest'], dir);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(
        `reports: ${shown(path.join(dir, 'compare-only-pytest.html'))}, `,
      );
      expect((await readdir(dir)).sort()).toEqual([
        'compare-only-pytest.html',
        'compare-only-pytest.json',
      ]);
      const json = JSON.parse(await readFile(path.join(dir, 'compare-only-pytest.json'), 'utf8'));
      // A section: the lessons of the course's pytest part.
      expect(json.rows.map((r: { id: string }) => r.id)).toEqual(['sample-skip']);
    }));

  test('--show reads a fresh report: code and output per framework, nothing runs', () =>
    inTemp(async (dir) => {
      await command(['--demo-failures'], dir);
      const run = await command(['--show', 'sample-wrong-expected'], dir);
      expect(run.code).toBe(0);
      expect(run.started).toEqual([]);
      expect(run.stdout).toMatch(/^sample-wrong-expected: A wrong expected value$/m);
      expect(run.stdout).toContain(
        'the test:\n  def test_wrong_expected(self):\n      self.assertEqual(add_num(1, 1), 3)\nunittest said:',
      );
      expect(run.stdout).toContain("the test:\n  test('wrong expected value', () => {");
      expect(run.stdout).toContain('      Expected: 3\n      Received: 4');
      expect(run.stdout).toContain(`from ${shown(path.join(dir, 'compare-demo.json'))}\n`);
      // Narrowed to some frameworks, in table order.
      const jestOnly = await command(
        ['--show', 'sample-wrong-expected', '--frameworks', 'vitest,jest'],
        dir,
      );
      expect(jestOnly.stdout).not.toContain('unittest said:');
      expect(jestOnly.stdout.indexOf('jest said:')).toBeLessThan(
        jestOnly.stdout.indexOf('vitest said:'),
      );
    }));

  test('--show runs the concept first when its report is older than its sources', () =>
    inTemp(async (dir) => {
      await command(['--demo-failures'], dir);
      const old = new Date('2000-01-01T00:00:00Z');
      await utimes(path.join(dir, 'compare-demo.json'), old, old);
      const run = await command(['--show', 'sample-wrong-expected'], dir, 160);
      expect(run.started.length).toBeGreaterThan(0);
      expect(run.stderr).toContain('No report of sample-wrong-expected newer than its sources in');
      expect(run.stdout).toContain(
        `ran now; reports: ${shown(path.join(dir, 'compare-only-sample-wrong-expected.html'))}`,
      );
      // 160 columns: two frameworks side by side.
      expect(run.stdout).toMatch(/^vitest {2}✗ failed +│ tsdoctest {2}✗ failed$/m);
      expect(run.code).toBe(0);
    }));

  test('--show a section, from the full report', () =>
    inTemp(async (dir) => {
      await command([], dir);
      const run = await command(['--show', 'pytest', '--frameworks', 'jest'], dir);
      expect(run.started).toEqual([]);
      expect(run.stdout).toMatch(/^sample-skip: A skipped test$/m);
      expect(run.stdout).toContain('expected to skip: not on this release');
      expect(run.stdout).toContain(`from ${shown(path.join(dir, 'compare.json'))}`);
    }));

  test('--list prints the ids by section and runs nothing', () =>
    inTemp(async (dir) => {
      const run = await command(['--list'], dir, 80);
      expect(run.code).toBe(0);
      expect(run.started).toEqual([]);
      expect(run.stdout).toMatch(/^pytest: .*\n {2}sample-skip +A skipped test$/m);
      expect(run.stdout).toMatch(
        /^failure demos.*\n {2}sample-crash +A module that does not load$/m,
      );
      expect(await readdir(dir)).toEqual([]);
    }));
});
