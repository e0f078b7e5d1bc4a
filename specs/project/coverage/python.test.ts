/**
 * The coverage lesson in Python (scripts/coverage/python.ts): pytest-cov's own
 * `--cov-report term-missing` table, read out of pytest's output whatever
 * pytest-cov's version calls its title; its figures as a column of
 * side-by-side.json beside the TypeScript ones, never in their union; and for
 * real, when pytest-cov is there, through `npm run coverage`'s table step.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  pythonVerdict,
  readPythonCoverage,
  runPythonCoverage,
  termMissingTable,
} from '../../../scripts/coverage/python.ts';
import { writeUnionReports } from '../../../scripts/coverage/union-report.ts';
import { choosePython, lacking, type Python } from '../../../src/cli/python.ts';
import { readCoverage } from '../../../src/compare/coverage.ts';

const root = path.resolve(import.meta.dirname, '../../..');

const TABLE_BODY = [
  'Name             Stmts   Miss  Cover   Missing',
  '----------------------------------------------',
  'calculation.py      13      2    85%   60-61',
  'salary.py           54      0   100%',
  '----------------------------------------------',
  'TOTAL               67      2    97%',
].join('\n');

/** pytest's output around the table, as pytest-cov 4 and 7 title it. */
const OUTPUTS = {
  'pytest-cov 4': `test_calc.py .s....\n\n---------- coverage: platform linux, python 3.11.2-final-0 -----------\n${TABLE_BODY}\n\n\n====== 36 passed, 3 skipped in 0.71s ======\n`,
  'pytest-cov 7': `test_calc.py .s....\n\n================================ tests coverage ================================\n_______________ coverage: platform linux, python 3.13.5-final-0 ________________\n\n${TABLE_BODY}\n====== 36 passed in 0.5s ======\n`,
};

/** The table without its title, which names the platform and Python's version. */
const body = (table: string) => table.split('\n').slice(1).join('\n').trim();

describe("pytest-cov's table in pytest's output", () => {
  test.each(Object.entries(OUTPUTS))('%s: from its title to TOTAL', (_version, output) => {
    const table = termMissingTable(output);
    expect(table?.split('\n')[0]).toMatch(/coverage: platform linux, python 3\.\d+/);
    expect(body(table ?? '')).toBe(TABLE_BODY);
  });

  test('no table (pytest-cov missing or the run broke) is undefined', () => {
    expect(termMissingTable('ERROR: usage: pytest [options]\n')).toBeUndefined();
  });
});

describe('the Python column', () => {
  let dir = '';
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'python-coverage-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** What runPythonCoverage leaves: coverage.py's JSON (6.5's shape) and the table. */
  async function recorded() {
    await mkdir(path.join(dir, 'python'), { recursive: true });
    const file = (covered: number, statements: number, missing: number[]) => ({
      executed_lines: [1, 2, 3],
      missing_lines: missing,
      summary: { covered_lines: covered, num_statements: statements },
    });
    const json = {
      files: { 'salary.py': file(54, 54, []), 'calculation.py': file(11, 13, [61, 60]) },
    };
    await writeFile(path.join(dir, 'python/coverage.json'), JSON.stringify(json));
    await writeFile(path.join(dir, 'python/term-missing.txt'), `${OUTPUTS['pytest-cov 4']}\n`);
  }

  test('counts statements as coverage.py does, per file under fixtures/python', async () => {
    await recorded();
    const column = readPythonCoverage(root, dir);
    expect(column?.files).toEqual({
      'fixtures/python/calculation.py': {
        linesPct: 84.61,
        linesCovered: 11,
        linesTotal: 13,
        uncoveredLines: [60, 61],
      },
      'fixtures/python/salary.py': {
        linesPct: 100,
        linesCovered: 54,
        linesTotal: 54,
        uncoveredLines: [],
      },
    });
    expect(column?.totals).toMatchObject({ linesPct: 97.01, linesCovered: 65, linesTotal: 67 });
    expect(column?.table).toContain(TABLE_BODY);
  });

  test('nothing written is no column', () => {
    expect(readPythonCoverage(root, dir)).toBeUndefined();
  });

  test('side-by-side.json has it beside the frameworks, not in their union', async () => {
    await recorded();
    const report = writeUnionReports(root, dir);
    expect(report.python && 'table' in report.python).toBe(true);
    expect(Object.keys(report.union.files)).toEqual([]);
    const written = JSON.parse(await readFile(path.join(dir, 'side-by-side.json'), 'utf8'));
    expect(Object.keys(written.python.files)).toEqual([
      'fixtures/python/calculation.py',
      'fixtures/python/salary.py',
    ]);
  });

  test('without figures, side-by-side.json keeps why (and how to install)', () => {
    const why = 'pytest-cov is not installed for python3 (pip install pytest pytest-cov)';
    expect(writeUnionReports(root, dir, why).python).toEqual({ unavailable: why });
    expect(writeUnionReports(root, dir).python).toBeUndefined();
  });

  test('the compare report shows the Python figures beside the others, saying what they are', async () => {
    await recorded();
    const report = writeUnionReports(root, dir);
    await mkdir(path.join(dir, 'coverage'), { recursive: true });
    await writeFile(path.join(dir, 'coverage/side-by-side.json'), JSON.stringify(report));
    const coverage = readCoverage(dir);
    expect(coverage).toMatchObject({
      available: true,
      columns: { python: { linesPct: 97.01 } },
      notes: { python: 'pytest-cov over fixtures/python, not in the union' },
    });
    const why = 'pytest-cov is not installed for python3 (pip install pytest pytest-cov)';
    await writeFile(
      path.join(dir, 'coverage/side-by-side.json'),
      JSON.stringify(writeUnionReports(root, path.join(dir, 'empty'), why)),
    );
    expect(readCoverage(dir)).toMatchObject({ notes: { python: `not measured: ${why}` } });
  });
});

describe("npm run coverage's verdict line for Python", () => {
  const python = (patch: Partial<Python>): Python => ({
    command: 'python3',
    pytest: true,
    pytestCov: true,
    ci: false,
    ...patch,
  });

  test('measured, failed, or not measured with how to install', () => {
    expect(pythonVerdict(python({}), 0, true)).toEqual({ line: 'python: measured', failed: false });
    expect(pythonVerdict(python({}), 1, true)).toEqual({
      line: 'python: FAILED (exit 1)',
      failed: true,
    });
    expect(pythonVerdict(python({}), 4, false)).toEqual({
      line: 'python: FAILED (exit 4), no pytest-cov table',
      failed: true,
    });
    expect(pythonVerdict(python({ pytestCov: false }), undefined, false)).toEqual({
      line: 'python: not measured: pytest-cov is not installed for python3 (pip install pytest pytest-cov)',
      failed: false,
    });
  });

  test('under CI=true a missing pytest-cov fails the run', () => {
    expect(pythonVerdict(python({ pytestCov: false, ci: true }), undefined, false)).toEqual({
      line: 'python: FAILED: CI=true and pytest-cov is not installed for python3 (pip install pytest pytest-cov)',
      failed: true,
    });
  });
});

const live = await choosePython();
const missing = lacking(live, 'pytest-cov');

describe.skipIf(missing !== undefined && !live.ci)(
  `for real${missing ? ` (skipped: ${missing})` : ''}`,
  () => {
    let dir = '';
    beforeEach(async () => {
      dir = await mkdtemp(path.join(os.tmpdir(), 'python-coverage-live-'));
    });
    afterEach(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    test("pytest-cov's term-missing table of the Python domain, in npm run coverage's output", async () => {
      expect(runPythonCoverage(root, dir, live)).toBe(0);
      const column = readPythonCoverage(root, dir);
      const table = body(column?.table ?? '');
      expect(table).toMatch(/^Name +Stmts +Miss +Cover +Missing\n-+\n/);
      expect(table).toMatch(/^calculation\.py +\d+ +\d+ +\d+%/m);
      expect(table).toMatch(/^salary\.py +\d+ +\d+ +\d+%/m);
      const total = table.match(/^TOTAL +(\d+) +(\d+) +(\d+)%$/m);
      expect(column?.totals.linesTotal).toBe(Number(total?.[1]));
      expect(column?.totals.linesTotal).toBe(
        (column?.totals.linesCovered ?? 0) + Number(total?.[2]),
      );
      // No data file or cache left in the lessons' folder.
      expect(
        spawnSync('git', [
          'status',
          '--porcelain',
          '--ignored',
          'fixtures/python',
        ]).stdout.toString(),
      ).not.toMatch(/\.coverage|__pycache__|\.pytest_cache/);

      // `npm run coverage --no-run` prints the table beside ours.
      const printed = spawnSync(
        process.execPath,
        ['--import', 'tsx', 'scripts/coverage/run-all.ts', '--no-run', '--dir', dir],
        { cwd: root, encoding: 'utf8', timeout: 60_000 },
      );
      expect(printed.status, printed.stderr).toBe(1); // no TypeScript coverage in this folder
      expect(printed.stdout).toContain(
        "The Python domain (fixtures/python), pytest-cov's own table; beside the figures above, not in their union:",
      );
      expect(printed.stdout).toContain(table);
    }, 120_000);
  },
);
