// The normalisers on recorded outputs of each framework (fixtures/compare/recorded).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { TestResult } from '../../../src/compare/model.ts';
import { normaliseTsdoctest } from '../../../src/compare/normalise/doctest.ts';
import { parseJestLike } from '../../../src/compare/normalise/jest-json.ts';
import { finish } from '../../../src/compare/run/runners.ts';
import type { Flag } from '../../../src/doctest/flags.ts';
import { jsonReport } from '../../../src/doctest/reporters/json.ts';
import { textReport } from '../../../src/doctest/reporters/text.ts';
import { type ExampleResult, summarize, tally } from '../../../src/doctest/results.ts';
import { normalised, recorded } from './recorded.ts';

const byTitle = (tests: TestResult[], title: string) => {
  const found = tests.find((t) => t.name.at(-1) === title);
  if (!found) throw new Error(`no test titled ${title}`);
  return found;
};

describe('Jest', () => {
  const { tests, fileErrors } = normalised.jest();

  test('reads every test with its describe path, status and location', () => {
    expect(tests.map((t) => [t.file, t.name, t.status])).toEqual([
      ['fixtures/compare/samples/jest/cal.test.ts', ['Cal', 'adds and doubles'], 'passed'],
      ['fixtures/compare/samples/jest/cal.test.ts', ['Cal', 'wrong expected value'], 'failed'],
      [
        'fixtures/compare/samples/jest/cal.test.ts',
        ['Cal', 'skipped: not on this release'],
        'skipped',
      ],
      ['fixtures/compare/samples/jest/cal.test.ts', ['Cal', 'unexpected exception'], 'failed'],
    ]);
    expect(byTitle(tests, 'adds and doubles').line).toBe(6);
  });

  test('keeps the verbose reporter lines of each test, verbatim', () => {
    const failed = byTitle(tests, 'wrong expected value');
    expect(failed.output).toMatch(
      /^✕ wrong expected value \(\d+ ms\)\n {2}● Cal › wrong expected value\n/,
    );
    expect(failed.output).toContain('Expected: 3\n    Received: 4');
    expect(failed.output).not.toContain('unexpected exception');
    expect(failed.message).toBe('Error: expect(received).toBe(expected) // Object.is equality');
    expect(byTitle(tests, 'adds and doubles').output).toMatch(/^✓ adds and doubles \(\d+ ms\)$/);
    expect(byTitle(tests, 'skipped: not on this release').output).toBe(
      '○ skipped skipped: not on this release',
    );
  });

  test('reports a file that failed to load with Jest own block', () => {
    expect(fileErrors).toHaveLength(1);
    expect(fileErrors[0]?.file).toBe('fixtures/compare/samples/jest/crash.test.ts');
    expect(fileErrors[0]?.message).toContain('suite failed to load');
  });
});

describe('Vitest', () => {
  const { tests, fileErrors } = normalised.vitest();

  test('reads statuses, and the skip note that only the verbose reporter shows', () => {
    expect(tests.map((t) => [t.name.at(-1), t.status])).toEqual([
      ['adds and doubles', 'passed'],
      ['wrong expected value', 'failed'],
      ['skipped by condition', 'skipped'],
      ['skipped at run time', 'skipped'],
      ['unexpected exception', 'failed'],
    ]);
    expect(byTitle(tests, 'skipped at run time').message).toBe('not on this release');
    expect(byTitle(tests, 'skipped by condition').message).toBeUndefined();
  });

  test('joins the result line and the FAIL block of a failed test', () => {
    const failed = byTitle(tests, 'unexpected exception');
    expect(failed.output).toMatch(
      /^× fixtures\/compare\/samples\/vitest\/cal\.test\.ts:22:3 > Cal > unexpected exception/,
    );
    expect(failed.output).toContain(
      'FAIL  fixtures/compare/samples/vitest/cal.test.ts:22:3 > Cal > unexpected exception',
    );
    expect(failed.output).toContain('TypeError: x must be a finite number, got string "1"');
    expect(failed.output).not.toContain('wrong expected value');
    expect(failed.message).toBe('TypeError: x must be a finite number, got string "1"');
  });

  test('shows the FAIL block of a file that failed to load', () => {
    expect(fileErrors).toEqual([
      {
        file: 'fixtures/compare/samples/vitest/crash.test.ts',
        message: expect.stringContaining('Error: suite failed to load'),
      },
    ]);
  });

  test('a run that crashed before reporting becomes a crashed result, not an exception', async () => {
    const scratch = await mkdtemp(path.join(os.tmpdir(), 'compare-crash-'));
    try {
      const proc = {
        code: 1,
        stdout: recorded('vitest-crashed.stdout.txt'),
        stderr: recorded('vitest-crashed.stderr.txt'),
        ms: 800,
      };
      const base = {
        runner: 'vitest' as const,
        column: 'vitest' as const,
        command: 'vitest run',
        available: true,
        exitCode: null,
        wallMs: 0,
        tests: [],
        fileErrors: [],
      };
      const result = await finish(base, proc, path.join(scratch, 'missing.json'), (json) => ({
        ...parseJestLike(json),
        tests: [],
        fileErrors: [],
      }));
      expect(result.crashed).toMatch(/^no report written \(exit code 1\)\n\n/);
      expect(result.crashed).toContain('Startup Error');
      expect(result.exitCode).toBe(1);
      expect(result.tests).toEqual([]);
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  });

  test('text that is not a report is refused with a short reason', () => {
    expect(() => parseJestLike(recorded('vitest-crashed.stdout.txt') || '{}')).toThrow(
      /testResults|JSON/,
    );
  });
});

describe('pytest (unittest- and pytest-style tests)', () => {
  const { tests, fileErrors } = normalised.pytest();

  test('maps JUnit test cases to class + function names and repo paths', () => {
    expect(tests.map((t) => [t.file, t.name, t.status])).toEqual([
      [
        'fixtures/compare/samples/python/test_cal.py',
        ['TestCal', 'test_add_num_and_double'],
        'passed',
      ],
      ['fixtures/compare/samples/python/test_cal.py', ['TestCal', 'test_skipped'], 'skipped'],
      [
        'fixtures/compare/samples/python/test_cal.py',
        ['TestCalPytest', 'test_wrong_expected'],
        'failed',
      ],
      ['fixtures/compare/samples/python/test_cal.py', ['TestCalPytest', 'test_skipif'], 'skipped'],
      [
        'fixtures/compare/samples/python/test_cal.py',
        ['TestCalPytest', 'test_unexpected_exception'],
        'failed',
      ],
    ]);
  });

  test('reads skip reasons, failure messages and 1-based lines', () => {
    expect(byTitle(tests, 'test_skipif').message).toBe('skip if release name is test');
    expect(byTitle(tests, 'test_skipped').message).toBe('not on this release');
    const failed = byTitle(tests, 'test_wrong_expected');
    expect(failed.message).toBe('assert 4 == 3');
    expect(failed.line).toBe(22);
    expect(failed.output).toMatch(/^test_cal\.py::TestCalPytest::test_wrong_expected FAILED\n/);
    expect(failed.output).toContain('E       assert 4 == 3');
  });

  test('a collection error is a file error, not a test', () => {
    expect(fileErrors).toHaveLength(1);
    expect(fileErrors[0]?.file).toBe('fixtures/compare/samples/python/test_crash.py');
    expect(fileErrors[0]?.message).toContain("No module named 'module_that_does_not_exist'");
  });
});

describe('Python doctest', () => {
  const { tests, fileErrors } = normalised.pydoctest();

  test('one item per docstring, failed when an example failed, skipped when all are', () => {
    expect(tests.map((t) => [t.name[0], t.status])).toEqual([
      ['calculation', 'passed'],
      ['calculation.Cal.add_num_and_double', 'failed'],
      ['calculation.add_num', 'skipped'],
    ]);
    const failed = byTitle(tests, 'calculation.Cal.add_num_and_double');
    expect(failed.message).toBe('1 of 2 examples failed');
    expect(failed.output).toContain(
      'Failed example:\n    Cal().add_num_and_double(1, 1)\nExpected:\n    3\nGot:\n    4',
    );
    expect(failed.code).toBe(
      '>>> Cal().add_num_and_double(1, 1)\n4\n>>> Cal().add_num_and_double(1, 1)\n3',
    );
  });

  test('a module that does not import is a file error', () => {
    expect(fileErrors.map((f) => f.file)).toEqual([
      'fixtures/compare/samples/python/test_crash.py',
    ]);
    expect(fileErrors[0]?.message).toMatch(/ModuleNotFoundError/);
  });
});

describe('tsdoctest', () => {
  const { tests } = normalised.tsdoctest();

  test('reads items, each with its own -v transcript from the JSON report', () => {
    expect(tests.map((t) => [t.file, t.name[0], t.status])).toEqual([
      ['fixtures/compare/samples/doctest/later.ts', 'later.later', 'skipped'],
      ['fixtures/doctest/classic-failures.ts', 'classic-failures.Cal.addNumAndDouble', 'failed'],
      ['fixtures/doctest/classic-failures.ts', 'classic-failures.addNum', 'failed'],
      ['src/domain/calculation.ts', 'calculation', 'passed'],
      ['src/domain/calculation.ts', 'calculation.Cal.addNumAndDouble', 'passed'],
      ['src/domain/calculation.ts', 'calculation.addNum', 'passed'],
    ]);
    const [skipped, failing, , moduleItem, cal] = tests;
    expect(moduleItem?.output).toBe('Trying:\n    addNum(2, 3)\nExpecting:\n    5\nok');
    expect(cal?.output.match(/^Trying:$/gm)).toHaveLength(4);
    expect(failing?.output).toContain('line 17, in classic-failures.Cal.addNumAndDouble');
    expect(failing?.output).not.toContain('classic-failures.addNum\n');
    expect(failing?.message).toBe('2 of 4 examples failed');
    expect(failing?.code).toContain(">>> d.addNumAndDouble('2', 1)\n9");
    expect(skipped?.output).toBe('');
    expect(skipped?.message).toBe('every example is skipped');
  });

  test("shows what tsdoctest's own text report prints for each item, quiet examples too", () => {
    // REPORT_ONLY_FIRST_FAILURE: the second failure prints nothing, not even `Trying:`.
    const example = (source: string, got: string, flags: Flag[] = []): ExampleResult => ({
      line: 3,
      source,
      want: '1\n',
      got,
      status: got === '1\n' ? 'passed' : 'failed',
      exception: null,
      flags,
      ...(got === '1\n' ? {} : { failure: 'output' as const }),
    });
    const item = tally({
      name: 'm.f',
      file: 'm.ts',
      line: 1,
      examples: [
        example('a\n', '2\n', ['REPORT_ONLY_FIRST_FAILURE']),
        example('b\n', '3\n'),
        example('c\n', '1\n'),
      ],
    });
    const report = summarize([item]);
    const [test] = normaliseTsdoctest(jsonReport(report, { verbose: true }), '/work/main').tests;
    expect(test?.output).toBe(
      `Trying:\n    a\nExpecting:\n    1\n${'*'.repeat(70)}\n` +
        'File "m.ts", line 3, in m.f\nFailed example:\n    a\nExpected:\n    1\nGot:\n    2\n' +
        'Trying:\n    c\nExpecting:\n    1\nok',
    );
    expect(textReport(report, { verbose: true }).startsWith(`${test?.output}\n`)).toBe(true);
    expect(test?.message).toBe('2 of 3 examples failed');
  });
});
