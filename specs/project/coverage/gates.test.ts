/**
 * Each of the three gates bites: Vitest, Jest and c8 run on
 * fixtures/coverage-gate (one uncovered branch) with the strict level from
 * coverage-config/thresholds.json, and each must exit non-zero and say which
 * threshold was missed. Their real output then feeds the union report.
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, test } from 'vitest';
import { thresholds } from '../../../coverage-config/thresholds.ts';
import type { SideBySide } from '../../../scripts/coverage/side-by-side.ts';

interface Run {
  code: number;
  output: string;
}

const FIXTURE = 'fixtures/coverage-gate';
const SOURCE = `${FIXTURE}/src/sign.ts`;
// The fixture's uncovered branch: `return -1;`.
const UNCOVERED_LINE = 8;

/** Run node with `args`; never throws on a non-zero exit. Vitest's own env stays out of the child. */
async function node(args: string[]): Promise<Run> {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST') && key !== 'NODE_ENV'),
  );
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, args, {
      env: { ...env, NO_COLOR: '1', FORCE_COLOR: '0' },
    });
    return { code: 0, output: stdout + stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, output: `${e.stdout}${e.stderr}` };
  }
}

const strict = thresholds.levels.domain;
const out = mkdtempSync(path.join(tmpdir(), 'coverage-gate-'));
const runs: Partial<Record<'vitest' | 'jest' | 'tsdoctest', Run>> = {};

beforeAll(async () => {
  // One after another: the machine is shared, and each run is small.
  runs.vitest = await node([
    'node_modules/vitest/vitest.mjs',
    'run',
    '--config',
    `${FIXTURE}/vitest.config.ts`,
    '--coverage',
    `--coverage.reportsDirectory=${path.join(out, 'vitest')}`,
    '--coverage.reporter=text',
    '--coverage.reporter=json',
  ]);
  runs.jest = await node([
    'node_modules/jest/bin/jest.js',
    '--config',
    `${FIXTURE}/jest.config.js`,
    '--coverage',
    `--coverageDirectory=${path.join(out, 'jest')}`,
    '--coverageReporters=text',
    '--coverageReporters=json',
  ]);
  runs.tsdoctest = await node([
    '--import',
    'tsx',
    'scripts/coverage/c8-gate.ts',
    '--level',
    'domain',
    '--include',
    `${FIXTURE}/src`,
    '--reports-dir',
    path.join(out, 'tsdoctest'),
    '--',
    process.execPath,
    '--import',
    'tsx',
    `${FIXTURE}/run.ts`,
  ]);
  // Three real tool runs on a shared 2-core machine: give them room.
}, 180_000);

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A threshold message with any measured percentage (V8's branch counts vary between Node versions). */
const missed = (before: string, after: string) =>
  new RegExp(`${escapeRegExp(before)} \\([\\d.]+%\\) ${escapeRegExp(after)}`);

const GATES = [
  {
    tool: 'vitest',
    ran: 'Tests  1 passed',
    message: missed(
      'ERROR: Coverage for branches',
      `does not meet "src/**" threshold (${strict.branches}%)`,
    ),
  },
  {
    tool: 'jest',
    ran: 'Tests:       1 passed',
    message: missed(
      'Jest: Coverage for branches',
      `does not meet "${path.resolve(FIXTURE, 'src')}${path.sep}" threshold (${strict.branches}%)`,
    ),
  },
  {
    tool: 'tsdoctest',
    ran: 'sign(2) is 1',
    message: missed(
      'ERROR: Coverage for branches',
      `does not meet global threshold (${strict.branches}%)`,
    ),
  },
] as const;

describe('each coverage gate bites on a missed branch', () => {
  test.each(GATES)(
    '$tool: the tests pass, the gate exits 1 and names the missed threshold',
    ({ tool, ran, message }) => {
      expect(runs[tool]?.output).toContain(ran);
      expect(runs[tool]?.code).toBe(1);
      expect(runs[tool]?.output).toMatch(message);
    },
  );

  test('c8 keeps the term-missing table as a file too, like the other tools', () => {
    expect(readFileSync(path.join(out, 'tsdoctest', 'coverage.txt'), 'utf8')).toMatch(
      /sign\.ts\s+\|.*\| 8-9\s*$/m,
    );
  });
});

describe('npm run coverage --no-run, on what the three tools wrote', () => {
  test('every framework and the union show the uncovered line', async () => {
    const run = await node([
      '--import',
      'tsx',
      'scripts/coverage/run-all.ts',
      '--no-run',
      '--dir',
      out,
    ]);
    expect(run.output).toContain(SOURCE);
    const report = JSON.parse(
      readFileSync(path.join(out, 'side-by-side.json'), 'utf8'),
    ) as SideBySide;
    for (const framework of ['tsdoctest', 'jest', 'vitest'] as const) {
      expect(report.frameworks[framework]?.files[SOURCE]?.uncoveredLines).toContain(UNCOVERED_LINE);
    }
    expect(report.union.files[SOURCE]?.uncoveredLines).toEqual([UNCOVERED_LINE]);
    expect(readFileSync(path.join(out, 'union', 'lcov.info'), 'utf8')).toContain(
      `DA:${UNCOVERED_LINE},0`,
    );
    // Rebuilding succeeded; the gates were neither run nor claimed, their figures are shown.
    expect(run.code).toBe(0);
    const { domain, tsdoctest } = thresholds.levels;
    expect(run.output).toMatch(
      new RegExp(
        `^jest: not run: lines \\d+\\.\\d% < ${domain.lines}%, branches \\d+\\.\\d% < ${domain.branches}%, functions 100\\.0% >= ${domain.functions}%, statements \\d+\\.\\d% < ${domain.statements}%$`,
        'm',
      ),
    );
    expect(run.output).toMatch(
      new RegExp(
        `^tsdoctest: not run: lines \\d+\\.\\d% (>=|<) ${tsdoctest.lines}%, branches`,
        'm',
      ),
    );
    // Where to read the reports line by line.
    expect(run.output).toMatch(/^HTML reports: .*\.html$/m);
    expect(run.output).toContain(`, ${path.join(out, 'union', 'index.html')}\n`);
  });

  test('no escape codes when NO_COLOR is set, even for the table', () => {
    const { FORCE_COLOR: _force, ...env } = process.env;
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/coverage/run-all.ts', '--no-run', '--dir', out],
      { env: { ...env, NO_COLOR: '1' }, encoding: 'utf8' },
    );
    expect(run.stdout).toContain('All files');
    expect(run.stdout + run.stderr).not.toContain('\u001b[');
  });

  test('a framework that wrote nothing fails the command', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'coverage-empty-'));
    const run = await node([
      '--import',
      'tsx',
      'scripts/coverage/run-all.ts',
      '--no-run',
      '--dir',
      empty,
    ]);
    expect(run.code).toBe(1);
    expect(run.output).toContain('vitest: not run, no coverage written');
  });

  test('--dir without --no-run is a usage error', async () => {
    const run = await node(['--import', 'tsx', 'scripts/coverage/run-all.ts', '--dir', out]);
    expect(run.code).toBe(2);
    expect(run.output).toContain('--dir needs --no-run');
  });

  test('c8-gate without a command is a usage error', async () => {
    const run = await node(['--import', 'tsx', 'scripts/coverage/c8-gate.ts', '--level', 'domain']);
    expect(run.code).toBe(2);
    expect(run.output).toContain("error: missing required argument 'command'");
  });
});
