// The catalogue against reality, at run time: the whole comparison (every framework, every
// concept, then the failure demos) gives each cell its expected outcome, and every test the
// catalogue names is found in the frameworks' results. The two runs go side by side: each
// waits on its frameworks, and this file is the project's longest.
import { rm } from 'node:fs/promises';
import { test } from 'vitest';
import { COLUMNS } from '../../../src/compare/model.ts';
import { concepts } from '../../concepts.ts';
import { runCompare } from './cli-run.ts';

const FULL_RUN_MS = 600_000;

const RUNS: [name: string, args: string[], demo: boolean][] = [
  ['the lessons', [], false],
  ['the failure demos', ['--demo-failures'], true],
];

test.concurrent.for(RUNS)(
  '%s: every cell has its expected outcome',
  { timeout: FULL_RUN_MS },
  async ([_name, args, demo], { expect }) => {
    const run = await runCompare([...args], FULL_RUN_MS);
    try {
      const report = await run.report();
      const expectedIds = concepts.filter((c) => Boolean(c.demo) === demo).map((c) => c.id);
      expect(expectedIds.length).toBeGreaterThan(0);
      expect(report.rows.map((r) => r.id)).toEqual(expectedIds);
      const cells = report.rows.flatMap((r) => COLUMNS.map((c) => ({ id: r.id, ...r.cells[c] })));
      // Every named test was found, and no run crashed.
      const missing = cells.filter((c) => c.outcome === 'not-found' || c.outcome === 'error');
      expect(missing.map((c) => `${c.id} [${c.column}]: ${c.message}`)).toEqual([]);
      // On a mismatch, show what the framework said about it.
      const said = cells
        .filter((c) => !c.matches)
        .map((c) => `${c.id} [${c.column}]:\n${c.output}`)
        .join('\n\n');
      expect(report.mismatches, said).toEqual([]);
      expect(run.code, run.stdout).toBe(0);
      // A cell without a result is only allowed where a tool is missing on this machine.
      for (const cell of cells.filter((c) => c.outcome === 'not-available')) {
        expect(cell.message).toMatch(/^not available: /);
      }
      expect(cells.some((c) => c.outcome === 'not-run')).toBe(false);
    } finally {
      await rm(run.outDir, { recursive: true, force: true });
    }
  },
);
