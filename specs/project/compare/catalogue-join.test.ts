// Joining the catalogue with normalised runs: expectations, mismatches and the reasons a cell is empty.
import { describe, expect, test } from 'vitest';
import { sampleConcepts } from '../../../fixtures/compare/samples/concepts.ts';
import { buildReport, filesByRunner, selectConcepts } from '../../../src/compare/catalogue-join.ts';
import { COLUMNS, type RunResult } from '../../../src/compare/model.ts';
import { testSource } from '../../../src/compare/source.ts';
import type { Concept } from '../../concepts.ts';
import { RECORDED_ROOT, recordedRun } from './recorded.ts';

const all = { demoFailures: false, columns: [...COLUMNS] };
const lessons = selectConcepts(sampleConcepts, all);
const demos = selectConcepts(sampleConcepts, { ...all, demoFailures: true });

function report(runs: RunResult[], concepts = lessons, columns = [...COLUMNS]) {
  return buildReport({
    concepts,
    runs,
    selection: { demoFailures: concepts === demos, columns },
    root: process.cwd(),
    wallMs: 4321,
    coverage: { available: false, hint: 'coverage: run npm run coverage' },
    now: new Date('2026-01-01T00:00:00Z'),
  });
}

const recordedRuns = () => [
  recordedRun('jest'),
  recordedRun('vitest'),
  recordedRun('pytest'),
  recordedRun('unittest'),
  recordedRun('pydoctest'),
  recordedRun('tsdoctest'),
];

describe('selecting concepts and planning runs', () => {
  test('demos only with --demo-failures, and --only picks one concept', () => {
    expect(lessons.map((c) => c.id)).toEqual(['sample-pass', 'sample-skip', 'sample-doctest']);
    expect(demos.map((c) => c.id)).toEqual(['sample-wrong-expected', 'sample-crash']);
    expect(
      selectConcepts(sampleConcepts, { ...all, only: 'sample-crash' }).map((c) => c.id),
    ).toEqual(['sample-crash']);
  });

  test('each runner gets the files its cells name, once', () => {
    const plan = filesByRunner(lessons, [...COLUMNS]);
    expect(plan.get('jest')).toEqual(['fixtures/compare/samples/jest/cal.test.ts']);
    // unittest references run under unittest, pytest ones under pytest: the same file in both.
    expect(plan.get('pytest')).toEqual(['fixtures/compare/samples/python/test_cal.py']);
    expect(plan.get('unittest')).toEqual(['fixtures/compare/samples/python/test_cal.py']);
    expect(filesByRunner(demos, ['python']).get('unittest')).toEqual([
      'fixtures/compare/samples/python/test_unittest.py',
    ]);
    expect(plan.get('pydoctest')).toEqual(['fixtures/compare/samples/python/calculation.py']);
    expect(plan.get('tsdoctest')).toEqual(['src/domain/calculation.ts']);
    expect(filesByRunner(lessons, ['jest']).has('vitest')).toBe(false);
  });
});

describe('cells', () => {
  test('every cell of the lesson concepts matches on the recorded runs', () => {
    const r = report(recordedRuns());
    expect(r.mismatches).toEqual([]);
    expect(r.ok).toBe(true);
    const outcomes = r.rows.map((row) => COLUMNS.map((c) => row.cells[c].outcome));
    expect(outcomes).toEqual([
      ['passed', 'passed', 'passed', 'not-mirrored'],
      ['skipped', 'skipped', 'skipped', 'not-mirrored'],
      ['failed', 'passed', 'passed', 'passed'],
    ]);
  });

  test('a cell carries what the framework said and the code of its test', () => {
    const cell = report(recordedRuns()).rows[0]?.cells.jest;
    expect(cell?.output).toMatch(/^✓ adds and doubles/);
    expect(cell?.code).toBe(
      "test('adds and doubles', () => {\n  expect(new Cal().addNumAndDouble(1, 1)).toBe(4);\n});",
    );
    expect(cell?.support).toBe('native');
    const python = report(recordedRuns()).rows[1]?.cells.python;
    expect(python?.framework).toBe('pytest');
    expect(python?.message).toBe('skip if release name is test');
    expect(python?.code).toMatch(
      /^@pytest\.mark\.skipif\(True, reason="skip if release name is test"\)\ndef test_skipif\(self\):/,
    );
  });

  test('an outcome other than the expected one is a mismatch, and the report is not ok', () => {
    const vitest = recordedRun('vitest');
    const flipped = vitest.tests.map((t) =>
      t.name.at(-1) === 'adds and doubles'
        ? { ...t, status: 'failed' as const, message: 'boom' }
        : t,
    );
    const r = report([
      ...recordedRuns().filter((x) => x.runner !== 'vitest'),
      { ...vitest, tests: flipped },
    ]);
    expect(r.ok).toBe(false);
    expect(r.mismatches).toEqual([
      {
        concept: 'sample-pass',
        column: 'vitest',
        expected: 'passed',
        actual: 'failed',
        message: 'boom',
      },
      {
        concept: 'sample-doctest',
        column: 'vitest',
        expected: 'passed',
        actual: 'failed',
        message: 'boom',
      },
    ]);
  });

  test('a test the framework did not report is not-found, a mismatch', () => {
    const jest = recordedRun('jest');
    const r = report([
      ...recordedRuns().filter((x) => x.runner !== 'jest'),
      { ...jest, tests: [] },
    ]);
    const cell = r.rows[0]?.cells.jest;
    expect(cell?.outcome).toBe('not-found');
    expect(cell?.message).toBe(
      'jest did not report "Cal › adds and doubles" in fixtures/compare/samples/jest/cal.test.ts',
    );
    expect(r.mismatches).toHaveLength(3);
  });

  test('a missing tool says why and is not a mismatch; a left-out column is not run', () => {
    const runs = recordedRuns().map((run) =>
      run.column === 'python'
        ? { ...run, available: false, unavailable: 'python3 not found', tests: [] }
        : run,
    );
    const r = report(
      runs.filter((run) => run.runner !== 'tsdoctest'),
      lessons,
      ['python', 'jest', 'vitest'],
    );
    expect(r.rows[0]?.cells.python).toMatchObject({
      outcome: 'not-available',
      matches: true,
      message: 'not available: python3 not found',
    });
    expect(r.rows[2]?.cells.tsdoctest).toMatchObject({ outcome: 'not-run', matches: true });
    expect(r.ok).toBe(true);
  });

  test('a crashed run and a file that failed to load make error cells', () => {
    const crashed = {
      ...recordedRun('vitest'),
      crashed: 'no report written (exit code 1)\n\nStartup Error',
    };
    const r = report([...recordedRuns().filter((x) => x.runner !== 'vitest'), crashed], demos);
    expect(r.rows[0]?.cells.vitest).toMatchObject({
      outcome: 'error',
      matches: false,
      message: 'the vitest run crashed: no report written (exit code 1)',
    });
    expect(r.rows[0]?.cells.jest).toMatchObject({ outcome: 'failed', matches: true });
    expect(r.rows[1]?.cells.jest).toMatchObject({
      outcome: 'error',
      message: 'fixtures/compare/samples/jest/crash.test.ts failed to load: suite failed to load',
    });
    expect(r.rows[1]?.cells.python.message).toMatch(/test_crash\.py failed to load: ImportError/);
  });

  test('a crash or load error with nothing but headers still makes a one-line message', () => {
    const jest = recordedRun('jest');
    const headersOnly = {
      ...jest,
      fileErrors: jest.fileErrors.map((f) => ({ ...f, message: '● Test suite failed to run\n\n' })),
    };
    const r = report([...recordedRuns().filter((x) => x.runner !== 'jest'), headersOnly], demos);
    expect(r.rows[1]?.cells.jest.message).toBe(
      'fixtures/compare/samples/jest/crash.test.ts failed to load: ',
    );
    const blank = { ...recordedRun('vitest'), crashed: ' \n ' };
    const crashed = report([blank], lessons, ['vitest']);
    expect(crashed.rows[0]?.cells.vitest).toMatchObject({
      outcome: 'error',
      message: 'the vitest run crashed: ',
      output: ' \n ',
    });
  });

  test('runs are summarised with totals and wall times', () => {
    const r = report(recordedRuns());
    expect(r.runs.find((x) => x.runner === 'vitest')).toMatchObject({
      totals: { passed: 1, failed: 2, skipped: 2 },
      wallMs: 1234,
      exitCode: 1,
    });
    expect(r.wallMs).toBe(4321);
    expect(r.generatedAt).toBe('2026-01-01T00:00:00.000Z');
  });
});

/** A mirror's support and how, without where its test is. */
const how = ({ support, how }: Concept['mirrors']['jest']) => ({ support, how, expected: PASS });
const PASS = { outcome: 'pass' } as const;

describe('tests found by their tag', () => {
  // sample-pass as the lesson catalogue has it: the Jest test is found by the tag in its title.
  const [pass] = lessons as [Concept, ...Concept[]];
  const { test: _name, ...tagged } = pass.mirrors.jest;
  const byTag: Concept = { ...pass, mirrors: { ...pass.mirrors, jest: tagged } };
  /** The recorded Jest run with `adds and doubles` retitled. */
  const jestTitled = (title: string) => {
    const run = recordedRun('jest');
    const tests = run.tests.map((t) =>
      t.name.at(-1) === 'adds and doubles' ? { ...t, name: ['Cal', title] } : t,
    );
    return { ...run, tests };
  };
  const jestReport = (concept: Concept, run: RunResult) =>
    buildReport({
      concepts: [concept],
      runs: [run],
      selection: { demoFailures: false, columns: ['jest'] },
      root: process.cwd(),
      wallMs: 1,
      coverage: { available: false, hint: '' },
    });

  test('the cell takes the test whose title carries the tag, and its name from the report', () => {
    const r = jestReport(byTag, jestTitled('adds and doubles [sample-pass]'));
    expect(r.mismatches).toEqual([]);
    expect(r.rows[0]?.cells.jest).toMatchObject({
      outcome: 'passed',
      file: 'fixtures/compare/samples/jest/cal.test.ts',
      test: ['Cal', 'adds and doubles [sample-pass]'],
    });
    expect(r.rows[0]?.cells.jest.code).toMatch(/^test\('adds and doubles'/);
  });

  test('a concept whose test lost its tag is not found: a mismatch', () => {
    const r = jestReport(byTag, jestTitled('adds and doubles'));
    expect(r.rows[0]?.cells.jest.outcome).toBe('not-found');
    expect(r.mismatches.map((m) => m.message)).toEqual([
      'jest did not report a test tagged [sample-pass] in fixtures/compare/samples/jest/cal.test.ts',
    ]);
    expect(r.ok).toBe(false);
  });

  test('a concept no test is tagged with (no mirror) is not found and runs nothing', () => {
    const { file: _file, ...nowhere } = tagged;
    const lacking: Concept = { ...pass, mirrors: { ...pass.mirrors, jest: nowhere } };
    expect(filesByRunner([lacking], ['jest']).has('jest')).toBe(false);
    const r = jestReport(lacking, recordedRun('jest'));
    expect(r.mismatches).toMatchObject([
      { concept: 'sample-pass', column: 'jest', actual: 'not-found' },
    ]);
    expect(r.mismatches[0]?.message).toBe('no jest test is tagged [sample-pass]');
    expect(r.ok).toBe(false);
  });

  test("a mirror that reuses another concept's test is found by that concept's tag", () => {
    const reuses: Concept = {
      ...pass,
      id: 'sample-reuse',
      mirrors: { ...pass.mirrors, jest: { ...tagged, tag: 'sample-pass' } },
    };
    const r = jestReport(reuses, jestTitled('adds and doubles [sample-pass]'));
    expect(r.rows[0]?.cells.jest).toMatchObject({ outcome: 'passed', matches: true });
    const lost = jestReport(reuses, jestTitled('adds and doubles'));
    expect(lost.mismatches.map((m) => m.message)).toEqual([
      'jest did not report a test tagged [sample-pass] in fixtures/compare/samples/jest/cal.test.ts',
    ]);
  });

  test("a Vitest doctest item runs under the plugin's config and is found by its name", () => {
    const item = (name: string): Concept => ({
      ...pass,
      mirrors: {
        ...pass.mirrors,
        vitest: {
          ...how(pass.mirrors.vitest),
          file: 'src/domain/calculation.ts',
          test: [name],
          config: 'vitest.doctest.config.ts',
        },
      },
    });
    const plan = filesByRunner([item('calculation.Cal.addNumAndDouble')], ['vitest']);
    expect([...plan]).toEqual([['vitest-doctest', ['src/domain/calculation.ts']]]);
    const run = (concept: Concept) =>
      buildReport({
        concepts: [concept],
        runs: [recordedRun('vitest-doctest')],
        selection: { demoFailures: false, columns: ['vitest'] },
        root: process.cwd(),
        wallMs: 1,
        coverage: { available: false, hint: '' },
      });
    expect(run(item('calculation.Cal.addNumAndDouble')).rows[0]?.cells.vitest).toMatchObject({
      outcome: 'passed',
      matches: true,
      test: ['calculation.Cal.addNumAndDouble'],
    });
    expect(run(item('calculation.Cal.gone')).rows[0]?.cells.vitest.message).toBe(
      'vitest-doctest did not report "calculation.Cal.gone" in src/domain/calculation.ts',
    );
  });

  test('a test tagged with an id the catalogue lacks is a mismatch', () => {
    const r = jestReport(byTag, jestTitled('adds and doubles [sample-passes]'));
    expect(r.mismatches).toContainEqual({
      concept: 'sample-passes',
      column: 'jest',
      expected: 'a concept',
      actual: 'an unknown tag',
      message:
        'fixtures/compare/samples/jest/cal.test.ts: "Cal › adds and doubles [sample-passes]" is tagged [sample-passes], which is no concept of the catalogue',
    });
    expect(r.ok).toBe(false);
  });
});

describe('the code of a test', () => {
  test('finds a test by title when the framework gave no line', () => {
    expect(
      testSource(process.cwd(), 'fixtures/compare/samples/vitest/cal.test.ts', [
        'Cal',
        'wrong expected value',
      ]),
    ).toBe(
      "test('wrong expected value', () => {\n  expect(new Cal().addNumAndDouble(1, 1)).toBe(3);\n});",
    );
    expect(
      testSource(process.cwd(), 'fixtures/compare/samples/python/test_cal.py', [
        'TestCal',
        'test_skipped',
      ]),
    ).toBe(
      '@unittest.skip("not on this release")\ndef test_skipped(self):\n    self.assertEqual(self.cal.add_num_and_double(1, 1), 4)',
    );
  });

  test('Python: a line past the end falls back to the name; a def not there is empty', () => {
    const file = 'fixtures/compare/samples/python/test_cal.py';
    const skipped =
      '@unittest.skip("not on this release")\ndef test_skipped(self):\n    self.assertEqual(self.cal.add_num_and_double(1, 1), 4)';
    expect(testSource(process.cwd(), file, ['TestCal', 'test_skipped'], 10_000)).toBe(skipped);
    expect(testSource(process.cwd(), file, ['TestCal', 'test_not_there'])).toBe('');
    // At the line the framework gave: the def and its body, up to the next def.
    expect(testSource(process.cwd(), file, ['TestCal', 'setUp'], 10)).toBe(
      'def setUp(self):\n    self.cal = Cal()',
    );
  });

  test('a doctest item: its docstring at the line pytest gives, its doc comment by its name', () => {
    const py = 'fixtures/compare/samples/python/calculation.py';
    const item = ['calculation.Cal.add_num_and_double'];
    expect(testSource(process.cwd(), py, item, 10)).toBe(
      '"""Adds and doubles.\n\n>>> Cal().add_num_and_double(1, 1)\n4\n>>> Cal().add_num_and_double(1, 1)\n3\n"""',
    );
    const ts = 'src/domain/calculation.ts';
    const comment = testSource(process.cwd(), ts, ['calculation.Cal.addNumAndDouble']);
    expect(comment).toMatch(/^\/\*\*\n \* Adds two numbers and doubles the sum\.\n/);
    expect(comment).toMatch(/\n \* >>> c\.addNumAndDouble\(1, 1\)\n \* 4\n[\s\S]*\*\/$/);
    expect(testSource(process.cwd(), ts, ['calculation.Cal.gone'])).toBe('');
  });

  test('is empty for a file or test that is not there', () => {
    expect(testSource(process.cwd(), 'no/such/file.ts', ['x'])).toBe('');
    expect(testSource(process.cwd(), 'fixtures/compare/samples/jest/cal.test.ts', ['nope'])).toBe(
      '',
    );
  });
});

test('the recorded root is where the recordings were made', () => {
  expect(RECORDED_ROOT).toBe('/work/main');
});
