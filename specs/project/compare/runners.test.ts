// The runners for real, on the sample suites: each framework is started, read and normalised.
import { mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, test, vi } from 'vitest';
import { sampleConcepts } from '../../../fixtures/compare/samples/concepts.ts';
import { compare } from '../../../src/compare/compare.ts';
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
    const written = JSON.parse(await readFile(path.join(outDir, 'compare.json'), 'utf8'));
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
    'vitest',
  ]);
  expect(report.rows[2]?.cells.tsdoctest).toMatchObject({
    outcome: 'passed',
    framework: 'tsdoctest',
  });
  expect(report.rows[2]?.cells.tsdoctest.output).toMatch(/^Trying:\n/);
  expect(report.rows[1]?.cells.python.message).toBe('skip if release name is test');
  expect(report.rows[1]?.cells.vitest.message).toBe('not on this release');
  expect(lines.filter((l) => l.endsWith(': running'))).toHaveLength(5);
}, 180_000);

test('the failure demos fail as expected; a module that does not load is an error', async () => {
  const { report } = await runSamples(true, ['python', 'jest', 'vitest']);
  expect(report.rows[0]?.cells.jest.output).toContain('Expected: 3');
  expect(report.mismatches.map((m) => [m.concept, m.column, m.actual])).toEqual([
    ['sample-crash', 'python', 'error'],
    ['sample-crash', 'jest', 'error'],
    ['sample-crash', 'vitest', 'error'],
  ]);
  expect(report.ok).toBe(false);
}, 180_000);

test('without python3 the Python column says so and the run goes on', async () => {
  // Node looks commands up on the PATH of the child's environment: give it one with node only.
  const bin = await mkdtemp(path.join(os.tmpdir(), 'compare-path-'));
  await symlink(process.execPath, path.join(bin, 'node'));
  vi.stubEnv('PATH', bin);
  const { report } = await runSamples(false, ['python', 'tsdoctest']).finally(() =>
    rm(bin, { recursive: true, force: true }),
  );
  const python = report.rows[0]?.cells.python;
  expect(python).toMatchObject({
    outcome: 'not-available',
    matches: true,
    message: 'not available: python3 not found',
  });
  expect(report.rows[2]?.cells.tsdoctest.outcome).toBe('passed');
  expect(report.ok).toBe(true);
}, 180_000);
