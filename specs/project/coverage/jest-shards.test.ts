import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import libCoverage, { type FileCoverageData } from 'istanbul-lib-coverage';
import { describe, expect, test } from 'vitest';
import { thresholds } from '../../../coverage-config/thresholds.ts';
import { checkThresholdGroups } from '../../../scripts/coverage/check-thresholds.ts';
import { jestThresholds, mergeShards } from '../../../scripts/coverage/jest-shards.ts';

const root = '/repo';

/** A file with two one-line statements, hit `s0` and `s1` times. */
function file(rel: string, s0: number, s1: number): FileCoverageData {
  const at = (line: number) => ({ start: { line, column: 0 }, end: { line, column: 10 } });
  return {
    path: path.join(root, rel),
    statementMap: { 0: at(1), 1: at(2) },
    s: { 0: s0, 1: s1 },
    fnMap: {},
    f: {},
    branchMap: {},
    b: {},
  };
}

const mapOf = (...files: FileCoverageData[]) =>
  libCoverage.createCoverageMap(Object.fromEntries(files.map((f) => [f.path, f])));

describe("Jest's coverageThreshold, applied outside Jest", () => {
  const level = { lines: 100, branches: 100, functions: 100, statements: 100 };

  test('a path group that is fully covered passes', () => {
    const map = mapOf(file('src/domain/a.ts', 1, 1), file('src/other.ts', 0, 0));
    expect(checkThresholdGroups(map, { './src/domain/': level }, root)).toEqual([]);
  });

  test('a miss is reported per metric, worded like Jest', () => {
    const map = mapOf(file('src/domain/a.ts', 1, 0));
    expect(checkThresholdGroups(map, { './src/domain/': level }, root)).toEqual([
      'Coverage for lines (50%) does not meet "./src/domain/" threshold (100%)',
      'Coverage for statements (50%) does not meet "./src/domain/" threshold (100%)',
    ]);
  });

  test('global covers the files no path group claims', () => {
    const map = mapOf(file('src/domain/a.ts', 1, 1), file('src/other.ts', 1, 0));
    expect(
      checkThresholdGroups(map, { global: { lines: 80 }, './src/domain/': level }, root),
    ).toEqual(['Coverage for lines (50%) does not meet global threshold (80%)']);
  });

  test('a path group with no coverage data is an error, as in Jest; globs are refused', () => {
    const map = mapOf(file('src/other.ts', 1, 1));
    expect(checkThresholdGroups(map, { './src/domain/': level }, root)).toEqual([
      'Coverage data for ./src/domain/ was not found.',
    ]);
    expect(() => checkThresholdGroups(map, { 'src/**': level }, root)).toThrow(
      'globs are not supported',
    );
  });
});

describe('merging Jest shards', () => {
  test('each shard ran half the file; merged, every statement is covered', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'jest-shards-'));
    const shards: [string, FileCoverageData][] = [
      ['jest-coverage-1', file('src/domain/a.ts', 2, 0)],
      ['jest-coverage-2', file('src/domain/a.ts', 0, 1)],
    ];
    for (const [name, data] of shards) {
      mkdirSync(path.join(dir, name));
      writeFileSync(
        path.join(dir, name, 'coverage-final.json'),
        JSON.stringify({ [data.path]: data }),
      );
    }
    const merged = mergeShards(dir);
    expect(merged.fileCoverageFor(path.join(root, 'src/domain/a.ts')).s).toEqual({ 0: 2, 1: 1 });
    expect(checkThresholdGroups(merged, { './src/domain/': { lines: 100 } }, root)).toEqual([]);
  });

  test('no shard coverage at all is an error, not an empty pass', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'jest-shards-'));
    expect(() => mergeShards(dir)).toThrow(`no coverage-final.json under ${dir}`);
  });

  test('merge-jest-shards writes the reports and fails the gate of jest.config.js on the whole', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'jest-shards-'));
    const out = path.join(dir, 'merged');
    // A real domain file, so the HTML report has a source to show.
    const real = { ...file('x', 1, 0), path: path.resolve('src/domain/calculation.ts') };
    mkdirSync(path.join(dir, 'jest-coverage-1'));
    writeFileSync(
      path.join(dir, 'jest-coverage-1', 'coverage-final.json'),
      JSON.stringify({ [real.path]: real }),
    );
    const result = await promisify(execFile)(process.execPath, [
      '--import',
      'tsx',
      'scripts/coverage/merge-jest-shards.ts',
      '--shards',
      dir,
      '--out',
      out,
    ]).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => e,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `Jest (merged shards): Coverage for lines (50%) does not meet "./src/domain/" threshold (${thresholds.levels.domain.lines}%)`,
    );
    for (const report of ['coverage.txt', 'lcov.info', 'coverage-summary.json', 'index.html']) {
      expect(existsSync(path.join(out, report))).toBe(true);
    }
  });

  test('the merged check uses the groups of jest.config.js itself', async () => {
    expect(Object.keys(await jestThresholds())).toEqual(['./src/domain/']);
  });
});
