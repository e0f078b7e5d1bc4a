// The runners in-process, with a fake process starter playing back the recordings: the
// command lines they build, and every way a framework run can go wrong, without starting one.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { ProcessResult } from '../../../src/cli/child-process.ts';
import type { RunnerId } from '../../../src/compare/model.ts';
import { RUNNERS, type RunContext } from '../../../src/compare/run/runners.ts';
import { RECORDED_ROOT, recorded, SAMPLES_PY } from './recorded.ts';

interface Call {
  command: string;
  args: string[];
  cwd: string;
  demo: string | undefined;
}

/** What one fake process does: write its report (to the path it is given) and print. */
type Act = (args: string[]) => Promise<Partial<ProcessResult>> | Partial<ProcessResult>;

let scratch = '';
let calls: Call[] = [];

beforeEach(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'compare-fake-'));
  calls = [];
});

afterEach(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** A context whose processes are played, in order, by `acts`. */
function context(acts: Act[], patch: Partial<RunContext> = {}): RunContext {
  let next = 0;
  return {
    root: RECORDED_ROOT,
    scratch,
    demoFailures: false,
    timeoutMs: 5_000,
    exec: async (command, args, options) => {
      calls.push({ command, args, cwd: options.cwd, demo: options.env.TEST_DOJO_DEMO_FAILURES });
      const act = acts[next++];
      if (!act) throw new Error(`unexpected process: ${command} ${args.join(' ')}`);
      return { code: 0, stdout: '', stderr: '', ms: 100, ...(await act(args)) };
    },
    ...patch,
  };
}

const runner = (id: RunnerId) => {
  const found = RUNNERS.find((r) => r.id === id);
  if (!found) throw new Error(`no runner ${id}`);
  return found;
};

/** The value after `flag`, or of `flag=value`. */
function arg(args: string[], flag: string): string {
  const i = args.indexOf(flag);
  const inline = args.find((a) => a.startsWith(`${flag}=`));
  const value = i >= 0 ? args[i + 1] : inline?.slice(flag.length + 1);
  if (!value) throw new Error(`no ${flag} in ${args.join(' ')}`);
  return value;
}

const writes = (flag: string, recording: string, printed: Partial<ProcessResult> = {}) =>
  (async (args) => {
    await writeFile(arg(args, flag), recorded(recording));
    return printed;
  }) satisfies Act;

describe('jest and vitest', () => {
  test('jest runs its files by path with a JSON report and the verbose reporter', async () => {
    const files = ['fixtures/compare/samples/jest/cal.test.ts'];
    const result = await runner('jest').run(
      files,
      context([
        writes('--outputFile', 'jest.json', { code: 1, stderr: recorded('jest.stderr.txt') }),
      ]),
    );
    const [call] = calls;
    expect(call?.command).toBe(process.execPath);
    expect(call?.args[0]).toBe(path.join(RECORDED_ROOT, 'node_modules/jest/bin/jest.js'));
    expect(call?.args).not.toContain('--config');
    expect(call?.args.slice(-2)).toEqual(['--runTestsByPath', ...files]);
    expect(call?.demo).toBeUndefined();
    expect(result).toMatchObject({
      runner: 'jest',
      column: 'jest',
      command: `npx jest --verbose ${files[0]}`,
      available: true,
      exitCode: 1,
      wallMs: 100,
    });
    expect(result.crashed).toBeUndefined();
    expect(result.tests.find((t) => t.name.at(-1) === 'adds and doubles')?.output).toMatch(/^✓ /);
  });

  test('jest takes another config, and the demo switch, when the context says so', async () => {
    await runner('jest').run(
      ['a.test.ts'],
      context([writes('--outputFile', 'jest.json')], {
        demoFailures: true,
        configs: { jest: 'other.config.js' },
      }),
    );
    expect(calls[0]?.args.slice(1, 3)).toEqual(['--config', 'other.config.js']);
    expect(calls[0]?.demo).toBe('1');
  });

  test('vitest runs with or without another config and reads both of its reporters', async () => {
    const play = writes('--outputFile.json', 'vitest.json', {
      stdout: recorded('vitest.stdout.txt'),
      stderr: recorded('vitest.stderr.txt'),
    });
    const plain = await runner('vitest').run(['v.test.ts'], context([play]));
    await runner('vitest').run(
      ['v.test.ts'],
      context([play], { configs: { vitest: 'other.config.ts' } }),
    );
    expect(calls[0]?.args.slice(1, 2)).toEqual(['run']);
    expect(calls[0]?.args).not.toContain('--config');
    expect(calls[1]?.args.slice(1, 4)).toEqual(['run', '--config', 'other.config.ts']);
    expect(plain.command).toBe('npx vitest run --reporter=verbose v.test.ts');
    expect(plain.tests.filter((t) => t.status === 'skipped').map((t) => t.message)).toContain(
      'not on this release',
    );
  });

  test("doctest items in the Vitest column run the source files under the plugin's config", async () => {
    const play = writes('--outputFile.json', 'vitest-doctest.json', {
      stdout: recorded('vitest-doctest.stdout.txt'),
    });
    const files = ['src/domain/calculation.ts'];
    const result = await runner('vitest-doctest').run(files, context([play]));
    expect(calls[0]?.args.slice(1, 4)).toEqual(['run', '--config', 'vitest.doctest.config.ts']);
    expect(calls[0]?.args.at(-1)).toBe(files[0]);
    expect(result).toMatchObject({
      runner: 'vitest-doctest',
      column: 'vitest',
      command: `npx vitest run --config vitest.doctest.config.ts --reporter=verbose ${files[0]}`,
    });
    expect(result.tests.map((t) => [t.file, t.name, t.status])).toContainEqual([
      files[0],
      ['calculation.Cal.addNumAndDouble'],
      'passed',
    ]);
  });

  test('a vitest run that wrote no report is crashed, with what it printed', async () => {
    const result = await runner('vitest').run(
      ['v.test.ts'],
      context([() => ({ code: 1, stderr: recorded('vitest-crashed.stderr.txt') })]),
    );
    expect(result.crashed).toMatch(/^no report written \(exit code 1\)\n\n/);
    expect(result.tests).toEqual([]);
  });
});

describe('tsdoctest', () => {
  test('runs once, reading outcomes and its own words (-v) from the JSON report', async () => {
    const files = ['src/domain/calculation.ts'];
    const result = await runner('tsdoctest').run(
      files,
      context([writes('--output', 'tsdoctest.json', { code: 1, ms: 300 })]),
    );
    expect(calls.map((c) => c.args.slice(1))).toEqual([
      ['--reporter', 'json', '-v', '--output', path.join(scratch, 'tsdoctest.json'), ...files],
    ]);
    expect(result).toMatchObject({ command: `npx tsdoctest -v ${files[0]}`, exitCode: 1 });
    expect(result.wallMs).toBe(300);
    expect(result.tests.length).toBeGreaterThan(0);
    expect(result.tests.every((t) => t.output.startsWith('Trying:') || t.output === '')).toBe(true);
    expect(result.tests.filter((t) => t.output.includes('Failed example:'))).toHaveLength(2);
  });
});

describe('python', () => {
  const files = [`${SAMPLES_PY}/test_cal.py`, `${SAMPLES_PY}/test_crash.py`];
  /** The interpreter probe's answer: which of pytest and pytest_cov import. */
  const has =
    (...modules: string[]): Act =>
    () => ({ stdout: modules.map((m) => `${m}\n`).join('') });
  const complete = has('pytest', 'pytest_cov');

  beforeEach(() => {
    vi.stubEnv('TEST_DOJO_PYTHON', 'python3');
    vi.stubEnv('CI', '');
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  test('pytest runs in the directory its files share, with JUnit XML, and reads it', async () => {
    const result = await runner('pytest').run(
      files,
      context([
        complete,
        writes('--junitxml', 'pytest.junit.xml', {
          code: 1,
          stdout: recorded('pytest.stdout.txt'),
        }),
      ]),
    );
    expect(calls[0]).toMatchObject({ command: 'python3', cwd: path.join(RECORDED_ROOT, '.') });
    expect(calls[0]?.args[0]).toBe('-c');
    expect(calls[1]?.command).toBe('python3');
    expect(calls[1]?.cwd).toBe(path.join(RECORDED_ROOT, SAMPLES_PY));
    expect(calls[1]?.args.slice(-2)).toEqual(['test_cal.py', 'test_crash.py']);
    expect(result.command).toBe(
      `cd ${SAMPLES_PY} && python3 -m pytest -v test_cal.py test_crash.py`,
    );
    expect(result.fileErrors.map((f) => f.file)).toEqual([`${SAMPLES_PY}/test_crash.py`]);
    expect(result.tests.some((t) => t.status === 'failed')).toBe(true);
  });

  test('files with no directory in common run from the root', async () => {
    const result = await runner('pytest').run(
      ['a/test_a.py', 'b/test_b.py'],
      context([complete, () => ({ code: 4 })]),
    );
    expect(calls[1]?.cwd).toBe(path.join(RECORDED_ROOT, '.'));
    expect(result.command).toMatch(/^cd \. && python3 -m pytest -v a\/test_a\.py b\/test_b\.py$/);
    expect(result.crashed).toMatch(/^no report written \(exit code 4\)/);
  });

  test('a module that is no test file is there for its doctests: --doctest-modules', async () => {
    const result = await runner('pytest').run(
      ['p/test_a.py', 'p/calculation.py'],
      context([complete, () => ({ code: 4 })]),
    );
    expect(calls[1]?.args).toContain('--doctest-modules');
    expect(result.command).toBe(
      'cd p && python3 -m pytest -v --doctest-modules test_a.py calculation.py',
    );
    await runner('pytest').run(['p/test_a.py', 'p/b_test.py'], context([complete, () => ({})]));
    expect(calls[3]?.args).not.toContain('--doctest-modules');
  });

  test('files below the folder with pytest.ini run from that folder, as the course does', async () => {
    await runner('unittest').run(
      ['fixtures/python/demo_failures/test_unittest_failures.py'],
      context([complete, () => ({ code: 1 })], { root: process.cwd() }),
    );
    expect(calls[1]?.cwd).toBe(path.join(process.cwd(), 'fixtures/python'));
    expect(calls[1]?.args.at(-1)).toBe('demo_failures/test_unittest_failures.py');
  });

  test('the interpreter is the one TEST_DOJO_PYTHON names, in every command', async () => {
    vi.stubEnv('TEST_DOJO_PYTHON', '/opt/py/bin/python3');
    await runner('unittest').run(files, context([complete, () => ({ code: 1 })]));
    expect(calls.map((c) => c.command)).toEqual(['/opt/py/bin/python3', '/opt/py/bin/python3']);
  });

  test('python3 without pytest: the pytest column is not available, and says how to fix it', async () => {
    const result = await runner('pytest').run(files, context([has()]));
    expect(result).toMatchObject({
      available: false,
      unavailable: 'pytest is not installed for python3 (pip install pytest pytest-cov)',
    });
    expect(calls).toHaveLength(1);
  });

  test('without pytest, unittest and doctest still run: they need Python only', async () => {
    const unittest = await runner('unittest').run(
      files,
      context([
        has(),
        async (args) => {
          await writeFile(args[1] ?? '', recorded('unittest.json'));
          return { code: 1 };
        },
      ]),
    );
    expect(unittest.available).toBe(true);
    expect(unittest.tests.length).toBeGreaterThan(0);
  });

  test('under CI=true a missing pytest-cov fails the run instead of skipping it', async () => {
    vi.stubEnv('CI', 'true');
    const result = await runner('unittest').run(files, context([has('pytest')]));
    expect(result).toMatchObject({
      available: true,
      crashed:
        'CI=true and pytest-cov is not installed for python3 (pip install pytest pytest-cov)',
    });
    expect(calls).toHaveLength(1);
  });

  test('no python3 at all: every Python runner says so and starts nothing else', async () => {
    const missing = () => ({ code: null, failure: 'python3 not found' });
    const results = await Promise.all(
      (['pytest', 'unittest', 'pydoctest'] as const).map((id) =>
        runner(id).run([`${SAMPLES_PY}/calculation.py`], context([missing])),
      ),
    );
    for (const result of results) {
      expect(result).toMatchObject({
        available: false,
        unavailable: 'TEST_DOJO_PYTHON=python3 does not run',
      });
    }
  });

  describe('unittest', () => {
    const run = (act: Act) => runner('unittest').run(files, context([complete, act]));

    test('the helper runs the files and writes its JSON report where it is told', async () => {
      const result = await run(async (args) => {
        await writeFile(args[1] ?? '', recorded('unittest.json'));
        return { code: 1, ms: 42 };
      });
      expect(calls[1]?.args[0]).toMatch(/src\/compare\/python\/unittest_report\.py$/);
      expect(calls[1]?.args[1]).toBe(path.join(scratch, 'unittest.json'));
      expect(calls[1]?.args.slice(2)).toEqual(['test_cal.py', 'test_crash.py']);
      expect(result).toMatchObject({ exitCode: 1, wallMs: 42, runner: 'unittest' });
      expect(result.command).toBe(
        `cd ${SAMPLES_PY} && python3 -m unittest -v test_cal.py test_crash.py`,
      );
      expect(result.fileErrors.map((f) => f.file)).toEqual([`${SAMPLES_PY}/test_crash.py`]);
    });

    test('a helper that wrote nothing is a crashed run with what it printed', async () => {
      const result = await run(() => ({ code: 2, stderr: 'Traceback ...\nSyntaxError' }));
      expect(result.crashed).toBe('no report written (exit code 2)\n\nTraceback ...\nSyntaxError');
    });
  });

  describe('doctest', () => {
    const doctestFiles = [`${SAMPLES_PY}/calculation.py`, `${SAMPLES_PY}/test_crash.py`];
    const run = (act: Act) =>
      runner('pydoctest').run(doctestFiles, context([complete, act], { demoFailures: true }));

    test('the helper report is read from its stdout', async () => {
      const result = await run(() => ({ stdout: recorded('pydoctest.json'), ms: 42 }));
      expect(calls[1]?.args[0]).toMatch(/src\/compare\/python\/doctest_report\.py$/);
      expect(calls[1]?.args.slice(1)).toEqual(['calculation.py', 'test_crash.py']);
      expect(calls[1]?.demo).toBe('1');
      expect(result).toMatchObject({ exitCode: 0, wallMs: 42 });
      expect(result.command).toBe(
        `cd ${SAMPLES_PY} && python3 -m doctest -v calculation.py test_crash.py`,
      );
      expect(result.tests.map((t) => t.name[0])).toContain('calculation.Cal.add_num_and_double');
    });

    test('a helper that exits non-zero is a crashed run with its stderr', async () => {
      const result = await run(() => ({ code: 1, stderr: 'Traceback ...\nSyntaxError\n' }));
      expect(result.crashed).toBe('exit code 1\n\nTraceback ...\nSyntaxError');
    });

    test('a helper that timed out is a crashed run that says so', async () => {
      const result = await run(() => ({ code: null, failure: 'timed out after 5000 ms' }));
      expect(result.crashed).toBe('timed out after 5000 ms');
    });

    test('output that is not the report is a crashed run, not an exception', async () => {
      const result = await run(() => ({ stdout: '{"files": "nope"}' }));
      expect(result.crashed).toBe('unreadable report: no files in the doctest report');
    });
  });
});
