// unittest's normaliser, on the recorded report of src/compare/python/unittest_report.py
// (fixtures/compare/recorded/unittest.json), and the helper itself on the sample module.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { runProcess } from '../../../src/cli/child-process.ts';
import { choosePython, lacking } from '../../../src/cli/python.ts';
import { normaliseUnittest } from '../../../src/compare/normalise/unittest.ts';
import { normalised, RECORDED_ROOT, SAMPLES_PY } from './recorded.ts';

const FILE = `${SAMPLES_PY}/test_unittest.py`;
const recordedReport = normalised.unittest();

describe('the recorded unittest report', () => {
  const { tests: all, fileErrors } = recordedReport;
  const tests = all.filter((t) => t.file === FILE);
  const byName = (name: string) => {
    const found = tests.find((t) => t.name.at(-1) === name);
    if (!found) throw new Error(`no test ${name}`);
    return found;
  };

  test('maps test ids to the module file and class + method, with statuses', () => {
    expect(all.filter((t) => t.file !== FILE).map((t) => [t.file, t.name.join('.')])).toEqual([
      [`${SAMPLES_PY}/test_cal.py`, 'TestCal.test_add_num_and_double'],
      [`${SAMPLES_PY}/test_cal.py`, 'TestCal.test_skipped'],
    ]);
    expect(tests.map((t) => [t.file, t.name.join('.'), t.status]).sort()).toEqual([
      [FILE, 'TestCalUnittest.test_called_with_another_argument', 'failed'],
      [FILE, 'TestCalUnittest.test_passes', 'passed'],
      [FILE, 'TestCalUnittest.test_skipped', 'skipped'],
      [FILE, 'TestCalUnittest.test_unexpected_exception', 'failed'],
      [FILE, 'TestCalUnittest.test_wrong_expected', 'failed'],
    ]);
    expect(byName('test_wrong_expected').line).toBe(12);
  });

  test("messages are the exception's line, or the skip reason", () => {
    expect(byName('test_wrong_expected').message).toBe('AssertionError: 2 != 3');
    expect(byName('test_unexpected_exception').message).toBe('TypeError: x and y must be numbers');
    expect(byName('test_called_with_another_argument').message).toBe(
      'AssertionError: expected call not found.',
    );
    expect(byName('test_skipped').message).toBe('not on this release');
    expect(byName('test_passes').message).toBeUndefined();
  });

  test("each test's output is unittest's own: the -v line, then its FAIL or ERROR block", () => {
    const wrong = byName('test_wrong_expected').output;
    expect(wrong).toMatch(
      /^test_wrong_expected \(test_unittest\.TestCalUnittest\.test_wrong_expected\) \.\.\. FAIL\n=+\nFAIL: test_wrong_expected /,
    );
    expect(wrong).toMatch(/Traceback \(most recent call last\):\n[\s\S]*\nAssertionError: 2 != 3$/);
    expect(byName('test_unexpected_exception').output).toMatch(
      /\.\.\. ERROR\n=+\nERROR: test_unexpected_exception /,
    );
    expect(byName('test_called_with_another_argument').output).toContain(
      'AssertionError: expected call not found.\nExpected: mock(year=2018)\nActual: mock(year=2017)',
    );
    expect(byName('test_skipped').output).toBe(
      "test_skipped (test_unittest.TestCalUnittest.test_skipped) ... skipped 'not on this release'",
    );
    // pytest's words never appear: this is not a unittest test run under pytest.
    expect(tests.map((t) => t.output).join('\n')).not.toMatch(/PASSED|FAILED|^E {3}/m);
  });

  test('a module that does not import is a file error with the ImportError', () => {
    expect(fileErrors).toHaveLength(1);
    expect(fileErrors[0]?.file).toBe(`${SAMPLES_PY}/test_crash.py`);
    expect(fileErrors[0]?.message).toMatch(/^test_crash \(unittest\.loader\._FailedTest/);
    expect(fileErrors[0]?.message).toContain(
      "ModuleNotFoundError: No module named 'module_that_does_not_exist'",
    );
  });
});

describe('reports the helper may write', () => {
  const report = (patch: object) =>
    JSON.stringify({ modules: ['pkg.test_a', 'pkg'], tests: [], errors: [], ...patch });

  test('a test of a dotted module belongs to the longest module that names it', () => {
    const { tests } = normaliseUnittest(
      report({
        tests: [
          {
            id: 'pkg.test_a.T.test_x',
            status: 'passed',
            message: null,
            durationMs: 1,
            line: null,
            output: 'test_x (pkg.test_a.T.test_x) ... ok\n',
          },
        ],
      }),
      RECORDED_ROOT,
      'fixtures/python',
    );
    expect(tests).toEqual([
      {
        file: 'fixtures/python/pkg/test_a.py',
        name: ['T', 'test_x'],
        status: 'passed',
        durationMs: 1,
        message: undefined,
        output: 'test_x (pkg.test_a.T.test_x) ... ok',
        line: undefined,
      },
    ]);
  });

  test("an error in setUpClass is a file error: the class's tests never ran", () => {
    const { fileErrors } = normaliseUnittest(
      report({ errors: [{ id: 'setUpClass (pkg.test_a.T)', output: 'Traceback ...\nOSError\n' }] }),
      RECORDED_ROOT,
      '.',
    );
    expect(fileErrors).toEqual([{ file: 'pkg/test_a.py', message: 'Traceback ...\nOSError' }]);
  });

  test('text that is not the report is refused with a short reason', () => {
    expect(() => normaliseUnittest('{"tests": []}', RECORDED_ROOT, '.')).toThrow(
      'no modules or tests in the unittest report',
    );
  });
});

// The helper for real: the recording above must stay what it writes today.
const python = await choosePython();
const missing = lacking(python, 'python');

describe.skipIf(missing !== undefined && !python.ci)(
  `the helper on the sample module${missing ? ` (skipped: ${missing})` : ''}`,
  () => {
    test('writes what the recording holds, but for timings and paths', async () => {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'unittest-report-'));
      try {
        const out = path.join(dir, 'unittest.json');
        const proc = await runProcess(
          python.command ?? 'python3',
          [
            path.resolve('src/compare/python/unittest_report.py'),
            out,
            ...['test_cal.py', 'test_unittest.py', 'test_crash.py'],
          ],
          { cwd: path.resolve(SAMPLES_PY), env: process.env, timeoutMs: 60_000 },
        );
        expect(proc.code).toBe(1);
        const live = normaliseUnittest(await readFile(out, 'utf8'), process.cwd(), SAMPLES_PY);
        const shape = (t: { name: string[]; status: string; message?: string }) => [
          t.name.join('.'),
          t.status,
          t.message,
        ];
        expect(live.tests.map(shape).sort()).toEqual(recordedReport.tests.map(shape).sort());
        expect(live.fileErrors.map((f) => f.file)).toEqual(
          recordedReport.fileErrors.map((f) => f.file),
        );
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
  },
);
