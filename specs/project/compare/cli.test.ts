// End to end: the comparison CLI on the project, narrowed to one concept and two frameworks.
// (main.test.ts tests every usage error in-process.)
import { rm } from 'node:fs/promises';
import path from 'node:path';
import stripAnsi from 'strip-ansi';
import { expect, test, vi } from 'vitest';
import { stringWidth } from '../../../src/cli/columns.ts';
import { concepts } from '../../concepts.ts';
import { runCompare } from './cli-run.ts';

test('cli.ts hands argv and the real streams to main, and sets the exit code it returns', async () => {
  // In-process, so coverage sees it; a usage error stops before anything runs.
  const argv = process.argv;
  const written: string[] = [];
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    written.push(String(chunk));
    return true;
  });
  process.argv = [process.execPath, 'src/compare/cli.ts', '--frameworks', 'mocha'];
  try {
    await import('../../../src/compare/cli.ts');
    expect(process.exitCode).toBe(2);
  } finally {
    process.argv = argv;
    process.exitCode = undefined;
  }
  expect(written.join('')).toMatch(/^error: .* unknown framework "mocha"; choose from /m);
});

test('a usage error in a child process: exit 2, one line, no stack', async () => {
  const run = await runCompare(['--only', 'no-such-concept']);
  await rm(run.outDir, { recursive: true, force: true });
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(
    /^error: unknown concept or section "no-such-concept"; did you mean /m,
  );
  expect(run.stderr).not.toMatch(/^\s+at /m);
  expect(run.stdout).toBe('');
});

test('--only and --frameworks narrow a real run, and both reports are written', async () => {
  const concept = concepts.find((c) => !c.demo);
  if (!concept) throw new Error('the catalogue has no lesson concept');
  const run = await runCompare(['--only', concept.id, '--frameworks', 'vitest,jest']);
  try {
    expect(run.code, run.stdout + run.stderr).toBe(0);
    // Not a terminal: plain progress lines, no colours.
    expect(run.stderr).toMatch(/^jest: running$/m);
    expect(run.stderr).toMatch(/^vitest: \d+ passed, \d+ failed, \d+ skipped in \d+\.\d s$/m);
    expect(run.stdout).toBe(stripAnsi(run.stdout));
    // Not a terminal: 80 columns, the concept's line under its section.
    const table = run.stdout.slice(0, run.stdout.indexOf('\nreports: '));
    expect(Math.max(...table.split('\n').map((l) => stringWidth(l)))).toBeLessThanOrEqual(80);
    expect(run.stdout).toMatch(
      new RegExp(`^${concept.lesson}: .*\n  ${concept.title.slice(0, 20)}`, 'm'),
    );
    expect(run.stdout).toContain('Every cell matches its expected outcome (1 concepts).');
    // Beside the full report, not over it.
    expect(run.stdout).toContain(
      `reports: ${path.relative(process.cwd(), path.join(run.outDir, `compare-only-${concept.id}.html`))}, `,
    );
    const report = await run.report();
    expect(report.options).toEqual({
      demoFailures: false,
      only: concept.id,
      columns: ['jest', 'vitest'],
    });
    expect(report.rows.map((r) => r.id)).toEqual([concept.id]);
    const row = report.rows[0];
    expect(row?.cells.python.outcome).toBe('not-run');
    expect(row?.cells.jest.matches && row.cells.vitest.matches).toBe(true);
    expect(report.runs.map((r) => r.runner).sort()).toEqual(['jest', 'vitest']);
    const html = await run.html();
    expect(html).toContain(`data-concept="${concept.id}"`);
  } finally {
    await rm(run.outDir, { recursive: true, force: true });
  }
});

test('--only a failure demo runs it without --demo-failures, and it fails as the catalogue expects', async () => {
  const demo = concepts.find((c) => c.demo);
  if (!demo) throw new Error('the catalogue has no failure demo');
  const run = await runCompare(['--only', demo.id, '--frameworks', 'jest']);
  try {
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const cell = (await run.report()).rows[0]?.cells.jest;
    expect(cell).toMatchObject({ outcome: 'failed', matches: true });
    expect(cell?.output).toMatch(/^✕ /);
  } finally {
    await rm(run.outDir, { recursive: true, force: true });
  }
});
