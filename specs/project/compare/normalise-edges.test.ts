// The normalisers on small hand-written reports: the shapes the recordings do not have
// (xunit2 XML without file and line, statuses Jest may add, tests missing from the human report).
import { describe, expect, test } from 'vitest';
import {
  normalisePythonDoctest,
  normaliseTsdoctest,
} from '../../../src/compare/normalise/doctest.ts';
import { normaliseJest } from '../../../src/compare/normalise/jest.ts';
import { normalisePytest } from '../../../src/compare/normalise/pytest.ts';
import { normaliseVitest } from '../../../src/compare/normalise/vitest.ts';

const ROOT = '/repo';

describe('pytest', () => {
  // As pytest writes with junit_family=xunit2: no testsuites wrapper, no file or line attributes.
  const xunit2 = `<?xml version="1.0" encoding="utf-8"?>
<testsuite name="pytest" tests="6">
  <testcase classname="test_mod.TestThing" name="test_passes"/>
  <testcase classname="test_mod" name="test_fails" time="0.25"><failure>assert 1 == 2
 +  where 1 = f()</failure></testcase>
  <testcase classname="test_mod" name="test_fails_quietly"><failure message="boom"/></testcase>
  <testcase classname="test_mod" name="test_errors"><error type="RuntimeError"/></testcase>
  <testcase classname="test_mod" name="test_skipped"><skipped type="pytest.skip"/></testcase>
  <testcase classname="" name="test_broken"><error>ImportError: no module named x</error></testcase>
</testsuite>`;
  const stdout = [
    'collected 6 items',
    '',
    'test_mod.py::TestThing::test_passes PASSED                  [ 16%]',
    'test_mod.py::test_fails FAILED                              [ 33%]',
  ].join('\n');
  const { tests, fileErrors } = normalisePytest(xunit2, stdout, ROOT, 'py');
  const named = (name: string) => tests.find((t) => t.name.at(-1) === name);

  test('without file attributes the module file comes from the class name, below cwd', () => {
    expect(named('test_passes')).toEqual({
      file: 'py/test_mod.py',
      name: ['TestThing', 'test_passes'],
      status: 'passed',
      durationMs: undefined,
      message: undefined,
      output: 'test_mod.py::TestThing::test_passes PASSED',
      line: undefined,
    });
    expect(fileErrors).toEqual([
      { file: 'py/test_broken.py', message: 'ImportError: no module named x' },
    ]);
  });

  test('failure text without a message attribute, a message without text, and neither', () => {
    expect(named('test_fails')).toMatchObject({
      status: 'failed',
      durationMs: 250,
      message: 'assert 1 == 2',
      output: 'test_mod.py::test_fails FAILED\n\nassert 1 == 2\n +  where 1 = f()',
    });
    expect(named('test_fails_quietly')).toMatchObject({
      status: 'failed',
      message: 'boom',
      output: '\nboom',
    });
    expect(named('test_errors')).toMatchObject({ status: 'failed', message: undefined });
  });

  test('a skip without a reason has an empty message', () => {
    expect(named('test_skipped')).toMatchObject({ status: 'skipped', message: '' });
  });

  test('a class name that is not below the module file gives no class path', () => {
    const xml =
      '<testsuites><testsuite><testcase classname="elsewhere.TestX" name="test_y" file="sub/test_z.py" line="4"/></testsuite><testsuite/></testsuites>';
    // -v names the test relative to where pytest ran, below the rootdir it printed.
    const out = 'rootdir: /repo/py, configfile: pytest.ini\ntest_z.py::test_y PASSED [100%]';
    expect(normalisePytest(xml, out, ROOT, 'py/sub').tests).toEqual([
      {
        file: 'py/sub/test_z.py',
        name: ['test_y'],
        status: 'passed',
        durationMs: undefined,
        message: undefined,
        output: 'test_z.py::test_y PASSED',
        line: 5,
      },
    ]);
  });

  test('XML that is not a JUnit report is refused', () => {
    expect(() => normalisePytest('<coverage/>', '', ROOT, '.')).toThrow(
      'no testsuite in the JUnit XML',
    );
  });
});

describe('Jest-style reports', () => {
  const report = (assertionResults: object[], message?: string) =>
    JSON.stringify({ testResults: [{ name: `${ROOT}/a.test.ts`, message, assertionResults }] });

  test('unknown statuses count as skipped; without human output a failure shows its message', () => {
    const { tests } = normaliseJest(
      report([
        { ancestorTitles: [], title: 'focused elsewhere', status: 'focused' },
        {
          ancestorTitles: ['A'],
          title: 'breaks',
          status: 'failed',
          duration: null,
          failureMessages: ['\u001b[31mError: nope\u001b[39m\n    at a.test.ts:3'],
          location: null,
        },
      ]),
      'PASS other.test.ts\n  ✓ breaks\n',
      ROOT,
    );
    expect(tests).toEqual([
      {
        file: 'a.test.ts',
        name: ['focused elsewhere'],
        status: 'skipped',
        durationMs: undefined,
        message: undefined,
        output: '',
        line: undefined,
      },
      {
        file: 'a.test.ts',
        name: ['A', 'breaks'],
        status: 'failed',
        durationMs: undefined,
        message: 'Error: nope',
        output: 'Error: nope\n    at a.test.ts:3',
        line: undefined,
      },
    ]);
  });

  test('Vitest: a test missing from the verbose output, a load error with no FAIL block', () => {
    const { tests, fileErrors } = normaliseVitest(
      JSON.stringify({
        testResults: [
          {
            name: `${ROOT}/b.test.ts`,
            assertionResults: [{ ancestorTitles: [], title: 'quiet', status: 'passed' }],
          },
          { name: `${ROOT}/c.test.ts`, message: 'Cannot find module x', assertionResults: [] },
        ],
      }),
      ' ✓ other.test.ts > something 1ms\n',
      '',
      ROOT,
    );
    expect(tests.map((t) => [t.name, t.status, t.output])).toEqual([[['quiet'], 'passed', '']]);
    expect(fileErrors).toEqual([{ file: 'c.test.ts', message: 'Cannot find module x' }]);
  });
});

describe('doctest reports', () => {
  test('JSON without the expected lists is refused with a short reason', () => {
    expect(() => normalisePythonDoctest('{"items": []}', ROOT, '.')).toThrow(
      'no files in the doctest report',
    );
    expect(() => normaliseTsdoctest('{"files": []}', ROOT)).toThrow(
      'no items in the tsdoctest report',
    );
    // A report from a tsdoctest without the items' text: said, not shown as empty output.
    expect(() =>
      normaliseTsdoctest('{"items": [{ "name": "m", "file": "m.ts", "examples": [] }]}', ROOT),
    ).toThrow('no text in the tsdoctest report items (a tsdoctest older than its text field)');
  });
});
