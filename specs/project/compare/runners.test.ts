// The runners for real, on the sample suites: each framework is started, read and normalised.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, test, vi } from 'vitest';
import { sampleConcepts } from '../../../fixtures/compare/samples/concepts.ts';
import { compare, reportFiles } from '../../../src/compare/compare.ts';
import { COLUMNS, type CompareReport } from '../../../src/compare/model.ts';
import { plainProgress } from '../../../src/compare/progress.ts';

const configs = {
  jest: 'fixtures/compare/samples/jest.samples.config.js',
  vitest: 'fixtures/compare/samples/vitest.samples.config.ts',
};

afterEach(() => {
  vi.unstubAllEnvs();
});

async function runSamples(demoFailures: boolean, columns = [...COLUMNS]) {
  const outDir = await mkdtemp(path.join(os.tmpdir(), 'compare-runners-'));
  const lines: string[] = [];
  try {
    const report = await compare(sampleConcepts, {
      demoFailures,
      columns,
      root: process.cwd(),
      outDir,
      concurrency: 2,
      timeoutMs: 120_000,
      progress: plainProgress((line) => lines.push(line)),
      configs,
    });
    const written = JSON.parse(await readFile(reportFiles(report, outDir).json, 'utf8'));
    return { report, written: written as CompareReport, lines };
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}

test('every framework runs its sample files and each cell gets its expected outcome', async () => {
  const { report, written, lines } = await runSamples(false);
  expect(report.mismatches).toEqual([]);
  expect(written.rows).toEqual(report.rows);
  expect(report.runs.map((r) => r.runner).sort()).toEqual([
    'jest',
    'pydoctest',
    'pytest',
    'tsdoctest',
    'unittest',
    'vitest',
  ]);
  expect(report.rows[2]?.cells.tsdoctest).toMatchObject({
    outcome: 'passed',
    framework: 'tsdoctest',
  });
  expect(report.rows[2]?.cells.tsdoctest.output).toMatch(/^Trying:\n/);
  expect(report.rows[1]?.cells.python.message).toBe('skip if release name is test');
  expect(report.rows[1]?.cells.vitest.message).toBe('not on this release');
  expect(lines.filter((l) => l.endsWith(': running'))).toHaveLength(6);
  // A unittest test runs under unittest and reads in its words, not pytest's.
  expect(report.rows[0]?.cells.python).toMatchObject({ framework: 'unittest', outcome: 'passed' });
  expect(report.rows[0]?.cells.python.output).toBe(
    'test_add_num_and_double (test_cal.TestCal.test_add_num_and_double) ... ok',
  );
}, 180_000);

test('the failure demos fail as expected; a module that does not load is an error', async () => {
  const { report } = await runSamples(true, ['python', 'jest', 'vitest']);
  expect(report.rows[0]?.cells.jest.output).toContain('Expected: 3');
  // pytest and unittest each report the wrong expected value in their own words.
  const python = report.rows[0]?.cells.python;
  expect(python?.parts?.map((p) => [p.framework, p.outcome, p.matches])).toEqual([
    ['pytest', 'failed', true],
    ['unittest', 'failed', true],
  ]);
  expect(python?.parts?.[0]?.output).toContain('assert 4 == 3');
  expect(python?.parts?.[1]?.output).toContain('AssertionError: 2 != 3');
  expect(python?.output).toMatch(/^--- pytest: .*test_cal\.py ---\n[\s\S]*\n\n--- unittest: /);
  expect(report.mismatches.map((m) => [m.concept, m.column, m.actual])).toEqual([
    ['sample-crash', 'python', 'error'],
    ['sample-crash', 'jest', 'error'],
    ['sample-crash', 'vitest', 'error'],
  ]);
  expect(report.ok).toBe(false);
}, 180_000);

test('without Python the Python column says so and the run goes on', async () => {
  vi.stubEnv('TEST_DOJO_PYTHON', path.join(os.tmpdir(), 'no-such-python3'));
  vi.stubEnv('CI', '');
  const { report } = await runSamples(false, ['python', 'tsdoctest']);
  const python = report.rows[0]?.cells.python;
  expect(python).toMatchObject({
    outcome: 'not-available',
    matches: true,
    message: `not available: TEST_DOJO_PYTHON=${path.join(os.tmpdir(), 'no-such-python3')} does not run`,
  });
  expect(report.rows[2]?.cells.tsdoctest.outcome).toBe('passed');
  expect(report.ok).toBe(true);
}, 180_000);
