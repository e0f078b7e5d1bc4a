// How pool workers load documented modules: through their own linker (linker.ts), or
// through the loader hooks under a coverage tool. Both must load them as Node does.
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

/**
 * A module whose example says whether the linker loaded it: Node's loader, with the hooks,
 * gives a documented module the URL tsdoctest imports it by, `?tsdoctest=` query and all.
 */
const probe = path.join(scratch, 'probe.ts');
writeFileSync(
  probe,
  `/**
 * >>> probe()
 * true
 */
export function probe(): boolean {
  return !import.meta.url.includes('?tsdoctest=');
}
`,
);

function jsonReport(stdout: string): Report {
  return JSON.parse(stdout) as Report;
}

/** Each example's place and outcome, without what differs by run (nothing should). */
function outcomes(report: Report): string[] {
  return report.items.flatMap((item) =>
    item.examples.map((e) => `${item.name}:${e.line} ${e.status} ${e.got}`),
  );
}

describe('loading documented modules', () => {
  const linked = tsdoctest(['--reporter', 'json', MODULES]);
  const hooked = tsdoctest(['--reporter', 'json', MODULES], {
    env: { NODE_V8_COVERAGE: path.join(scratch, 'coverage') },
  });

  it('loads modules as Node does: builtins, packages, JSON, cycles, top-level await, load errors', () => {
    expect(linked.stderr).toBe('');
    expect(linked.status).toBe(0);
    const report = jsonReport(linked.stdout);
    expect([report.attempted, report.failed, report.skipped]).toEqual([18, 0, 0]);
    expect(report.items.map((i) => i.name)).toEqual([
      'commonjs.shout',
      'failing.value',
      'load-error-1-first.first',
      'load-error-2-again.again',
      'load-error-3-count.runs',
      'loading',
      'missing.<line 1>',
      'mixed.sharedState',
      'order.ready',
      'plain.secret',
    ]);
  });

  it('gives the same outcomes through the loader hooks, as under a coverage tool', () => {
    expect(hooked.status).toBe(0);
    expect(outcomes(jsonReport(hooked.stdout))).toEqual(outcomes(jsonReport(linked.stdout)));
  });

  it('links documented modules in workers, except under a coverage tool', () => {
    expect(tsdoctest([probe]).status).toBe(0);
    const underCoverage = tsdoctest([probe], {
      env: { NODE_V8_COVERAGE: path.join(scratch, 'coverage') },
    });
    expect(underCoverage.status).toBe(1);
    expect(underCoverage.stdout).toContain('Got:\n    false\n');
  });

  it("uses the hooks when only some of the linker's flags reach the worker", () => {
    const run = tsdoctest([MODULES], {
      env: {
        NODE_OPTIONS: '--experimental-vm-modules',
        NODE_V8_COVERAGE: path.join(scratch, 'coverage'),
      },
    });
    expect([run.status, run.stderr]).toEqual([0, '']);
  });

  it("keeps the examples' own warnings, and Node's about vm modules to itself", () => {
    const warns = path.join(scratch, 'warns.ts');
    writeFileSync(
      warns,
      "/**\n * >>> process.emitWarning('from an example', 'ExperimentalWarning')\n */\nexport {};\n",
    );
    // Alone, so that its example is the run's last: the worker ends right after it.
    const run = tsdoctest([warns]);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/^\(node:\d+\) ExperimentalWarning: from an example$/m);
    expect(run.stderr).not.toContain('VM Modules');
  });

  it('falls back to the hooks when node has options a worker cannot be given', () => {
    const run = spawnSync(process.execPath, ['--stack-size=2000', BIN, MODULES, probe], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(run.stderr).toBe('');
    // Everything passes but the probe: this worker has no linker.
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('1 of   1 in probe.probe');
    expect(run.stdout).toContain('***Test Failed*** 1 failure.');
  });
});
