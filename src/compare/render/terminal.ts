/**
 * The terminal report: the concept × framework table (fitting 100 columns),
 * then totals and timings per framework, then the mismatches.
 */
import Table from 'cli-table3';
import { createColors } from 'picocolors';
import type { Cell, Column, CompareReport } from '../model.ts';
import { scoreDetail, scoreText, UNDER_THRESHOLD } from '../mutation.ts';
import { cellLabel, cellNote, seconds } from './labels.ts';

type Colors = ReturnType<typeof createColors>;

/** Widths: concept 34 + four 15-wide columns + 5 borders = 99 characters. */
const CONCEPT_WIDTH = 34;
const CELL_WIDTH = 15;
const WIDTH = 99;

function paint(c: Colors, cell: Cell, text: string): string {
  if (!cell.matches) return c.bold(c.red(text));
  switch (cell.outcome) {
    case 'passed':
      return c.green(text);
    case 'failed':
      return c.magenta(text);
    case 'skipped':
      return c.yellow(text);
    default:
      return c.dim(text);
  }
}

function cellText(c: Colors, cell: Cell): string {
  const lines = [paint(c, cell, cellLabel(cell))];
  if (cell.column === 'python' && cell.file) lines.push(c.dim(cell.framework));
  const note = cellNote(cell);
  if (note) lines.push(cell.matches ? c.dim(note) : c.red(note));
  return lines.join('\n');
}

/** Cut a line to the width of the table, marking the cut. */
function clip(text: string, width = WIDTH): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}

export function renderTerminal(report: CompareReport, colors: boolean): string {
  const c = createColors(colors);
  const table = new Table({
    head: ['concept', ...report.columns].map((h) => c.bold(h)),
    colWidths: [CONCEPT_WIDTH, ...report.columns.map(() => CELL_WIDTH)],
    wordWrap: true,
    wrapOnWordBoundary: true,
    style: { head: [], border: [] },
  });
  for (const row of report.rows) {
    table.push([row.id, ...report.columns.map((col) => cellText(c, row.cells[col]))]);
  }
  const out: string[] = [];
  out.push(report.rows.length > 0 ? table.toString() : c.dim('No concepts to compare.'));
  out.push('', c.bold('Runs'));
  for (const run of report.runs) {
    const name = run.runner.padEnd(10);
    if (!run.available) {
      out.push(`  ${name}${c.dim(clip(`not available: ${run.unavailable}`, 86))}`);
      continue;
    }
    const t = run.totals;
    const totals = `${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped`;
    const state = run.crashed ? c.red(clip(`crashed: ${run.crashed.split('\n')[0]}`, 50)) : totals;
    out.push(`  ${name}${state}  ${c.dim(`${seconds(run.wallMs)}, exit ${run.exitCode}`)}`);
  }
  out.push(`  ${'wall'.padEnd(10)}${seconds(report.wallMs)}`);
  out.push('', c.bold('Coverage of src/domain/ (lines)'));
  if (report.coverage.available) {
    const notes = report.coverage.notes ?? {};
    for (const [column, cov] of Object.entries(report.coverage.columns)) {
      const note = notes[column as Column];
      out.push(
        `  ${column.padEnd(10)}${cov.linesPct.toFixed(1)}%${note ? c.dim(`  ${note}`) : ''}`,
      );
    }
    for (const [column, note] of Object.entries(notes)) {
      if (!report.coverage.columns[column as Column])
        out.push(`  ${column.padEnd(10)}${c.dim(note)}`);
    }
    const union = report.coverage.union;
    if (union) out.push(`  ${'union'.padEnd(10)}${union.linesPct.toFixed(1)}%`);
  } else {
    out.push(`  ${c.dim(report.coverage.hint)}`);
  }
  // Beside the coverage: a line run is not yet a line checked.
  out.push(
    '',
    c.bold('Mutation score of the lesson files (bugs planted in src/domain/ and caught)'),
  );
  if (report.mutation.available) {
    for (const [column, score] of Object.entries(report.mutation.columns)) {
      const verdict = score.passed
        ? c.green(scoreText(score).padEnd(8))
        : c.bold(c.red(`${scoreText(score)} ${UNDER_THRESHOLD}`));
      out.push(`  ${column.padEnd(10)}${verdict}${c.dim(`  ${scoreDetail(score)}`)}`);
    }
  } else {
    out.push(`  ${c.dim(report.mutation.hint)}`);
  }
  out.push('');
  if (report.mismatches.length === 0) {
    out.push(c.green(`Every cell matches its expected outcome (${report.rows.length} concepts).`));
  } else {
    out.push(c.bold(c.red(`${report.mismatches.length} cell(s) differ from the catalogue:`)));
    for (const m of report.mismatches) {
      out.push(clip(`  ${m.concept} [${m.column}] expected ${m.expected}, got ${m.actual}`));
      if (m.message) out.push(c.dim(clip(`    ${m.message}`)));
    }
  }
  return out.join('\n');
}
