// Reading coverage/side-by-side.json (written by npm run coverage) into the report.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { readCoverage } from '../../../src/compare/coverage.ts';

let root = '';

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'compare-coverage-'));
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function write(data: unknown) {
  await mkdir(path.join(root, 'coverage'), { recursive: true });
  await writeFile(path.join(root, 'coverage/side-by-side.json'), JSON.stringify(data));
}

const summary = (linesPct: number, uncoveredLines: number[] = []) => ({
  linesPct,
  linesCovered: 0,
  linesTotal: 0,
  uncoveredLines,
});

test('without the file the report says how to get it', () => {
  expect(readCoverage(root)).toEqual({ available: false, hint: 'coverage: run npm run coverage' });
});

test('reads each framework and the union, per file with uncovered lines', async () => {
  await write({
    version: 1,
    frameworks: {
      jest: {
        files: { 'src/domain/salary.ts': summary(100) },
        totals: summary(100),
      },
      tsdoctest: {
        files: { 'src/domain/bonus-api.ts': summary(80, [12, 13, 40]) },
        totals: summary(92.92),
      },
      vitest: { broken: true },
    },
    union: { files: {}, totals: summary(100) },
  });
  expect(readCoverage(root)).toEqual({
    available: true,
    columns: {
      jest: {
        linesPct: 100,
        files: { 'src/domain/salary.ts': { linesPct: 100, uncoveredLines: '' } },
      },
      tsdoctest: {
        linesPct: 92.92,
        files: { 'src/domain/bonus-api.ts': { linesPct: 80, uncoveredLines: '12-13, 40' } },
      },
    },
    union: { linesPct: 100, files: {} },
  });
});

test('another version or an unreadable file is not used', async () => {
  await write({ version: 2, frameworks: {} });
  expect(readCoverage(root)).toEqual({
    available: false,
    hint: 'coverage: run npm run coverage (coverage/side-by-side.json is not version 1)',
  });
  await writeFile(path.join(root, 'coverage/side-by-side.json'), '{ not json');
  expect(readCoverage(root).available).toBe(false);
});

test('without a union only the frameworks are read', async () => {
  await write({
    version: 1,
    frameworks: { vitest: { files: {}, totals: summary(50) } },
  });
  expect(readCoverage(root)).toEqual({
    available: true,
    columns: { vitest: { linesPct: 50, files: {} } },
    union: undefined,
  });
});
