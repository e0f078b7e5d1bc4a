// How pool workers load documented modules: Node's own loader, with tsdoctest's hooks.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Report } from '../../../src/doctest/index.ts';
import { BIN, ROOT, tsdoctest } from './helpers.ts';

const MODULES = 'fixtures/doctest/modules';

const scratch = mkdtempSync(path.join(tmpdir(), 'tsdoctest-modules-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('loading documented modules', () => {
  it('loads builtins, packages, JSON, cycles, CommonJS, JavaScript, and what needs esbuild', () => {
    const run = tsdoctest(['--reporter', 'json', MODULES]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as Report;
    expect([report.attempted, report.failed, report.skipped]).toEqual([16, 0, 0]);
    expect(report.items.map((i) => i.name)).toEqual([
      'commonjs.shout',
      'failing.value',
      'loading',
      'missing.<line 1>',
      'mixed.sharedState',
      'plain.secret',
      'transformed.Meter',
    ]);
  });

  it('gives the same report without the caches', () => {
    const cached = tsdoctest(['-v', MODULES]);
    const uncached = tsdoctest(['-v', '--no-cache', MODULES]);
    expect([cached.status, uncached.status]).toEqual([0, 0]);
    expect(uncached.stdout).toBe(cached.stdout);
  });

  it("keeps the examples' own warnings, and Node's about type stripping to itself", () => {
    const warns = path.join(scratch, 'warns.ts');
    // A parameter property: Node is asked whether it strips this file (it does not).
    writeFileSync(
      warns,
      `/**
 * >>> process.emitWarning('from an example', 'ExperimentalWarning')
 */
export class Box {
  constructor(readonly size: number) {}
}
`,
    );
    // Alone, so that its example is the run's last: the worker ends right after it.
    const run = tsdoctest(['--no-cache', warns]);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/^\(node:\d+\) ExperimentalWarning: from an example$/m);
    expect(run.stderr.match(/ExperimentalWarning/g)).toHaveLength(1);
  });

  it('runs under a node given options for the whole process', () => {
    const run = spawnSync(process.execPath, ['--stack-size=2000', BIN, MODULES], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect([run.status, run.stderr]).toEqual([0, '']);
  });
});
