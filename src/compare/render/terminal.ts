/**
 * The terminal report, fitted to the terminal's width: one line per concept
 * under the course's sections (title cut with `…`, one short cell per
 * framework), then the runs, coverage and mutation score, and the mismatches.
 * What each framework said is in `--show` (show.ts).
 */
import { createColors } from 'picocolors';
import { type Concept, LESSONS } from '../../../specs/concepts.ts';
import { clip, pad, stringWidth } from '../../cli/columns.ts';
import type { Cell, Column, CompareReport } from '../model.ts';
import { scoreDetail, scoreText, UNDER_THRESHOLD } from '../mutation.ts';
import { LABEL, MISMATCH_MARK, RUNNER_LABEL, SECTION, seconds } from './labels.ts';

export type Colors = ReturnType<typeof createColors>;

export interface TerminalOptions {
  colors: boolean;
  /** Columns to fit; no line is longer. */
  width: number;
}

const INDENT = '  ';
/** A title shorter than this is not worth the id column beside it. */
const MIN_TITLE = 40;

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

/** The cell as the table shows it: a symbol or a short word, marked when it differs from the catalogue. */
export function shortCell(cell: Cell): string {
  return `${LABEL[cell.outcome].short}${cell.matches ? '' : MISMATCH_MARK}`;
}

/** The widest a short cell gets (`error!`), so every column fits any outcome. */
const CELL_TEXT = Math.max(...Object.values(LABEL).map((l) => stringWidth(l.short))) + 1;

function conceptTable(report: CompareReport, c: Colors, width: number): string[] {
  const columns: Column[] = report.options.columns;
  const cellWidths = columns.map((col) => Math.max(stringWidth(col), CELL_TEXT) + 2);
  const cellsWidth = cellWidths.reduce((a, b) => a + b, 0);
  const idWidth = Math.max(...report.rows.map((r) => stringWidth(r.id)));
  // The ids go to the right when the title keeps room enough beside them.
  const withIds = width - INDENT.length - cellsWidth - idWidth >= MIN_TITLE;
  // As wide as the longest title, no wider: the cells stay near the titles.
  const longest = Math.max(...report.rows.map((r) => stringWidth(r.title)));
  const room = width - INDENT.length - cellsWidth - (withIds ? idWidth : 0) - 1;
  const titleWidth = Math.max(1, Math.min(longest, room));
  const line = (title: string, cells: string[], id: string) =>
    `${INDENT}${pad(title, titleWidth)} ${cells.map((t, i) => pad(t, cellWidths[i] ?? 0)).join('')}${
      withIds ? id : ''
    }`.trimEnd();
  const out = [c.bold(clip(line('', columns, withIds ? 'id' : ''), width))];
  for (const lesson of LESSONS) {
    const rows = report.rows.filter((r) => r.lesson === lesson);
    if (rows.length === 0) continue;
    out.push(clip(`${c.bold(lesson)}${c.dim(`: ${SECTION[lesson]}`)}`, width));
    for (const row of rows) {
      const cells = columns.map((col) => {
        const cell = row.cells[col];
        return paint(c, cell, shortCell(cell));
      });
      out.push(line(row.title, cells, c.dim(row.id)));
    }
  }
  const legend = `✓ passed  ✗ failed  skip skipped  — not mirrored  ${MISMATCH_MARK} differs from the catalogue`;
  out.push(c.dim(clip(legend, width)));
  return out;
}

export function renderTerminal(report: CompareReport, opts: TerminalOptions): string {
  const c = createColors(opts.colors);
  const { width } = opts;
  const out: string[] = [];
  const add = (...lines: string[]) => out.push(...lines.map((l) => clip(l, width)));
  if (report.rows.length > 0) out.push(...conceptTable(report, c, width));
  else add(c.dim('No concepts to compare.'));

  add('', c.bold('Runs'));
  const nameWidth = Math.max(
    10,
    ...report.runs.map((r) => stringWidth(RUNNER_LABEL[r.runner]) + 2),
  );
  for (const run of report.runs) {
    const name = RUNNER_LABEL[run.runner].padEnd(nameWidth);
    if (!run.available) {
      add(`  ${name}${c.dim(`not available: ${run.unavailable}`)}`);
      continue;
    }
    const t = run.totals;
    const totals = `${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped`;
    const timing = c.dim(`${seconds(run.wallMs)}, exit ${run.exitCode}`);
    if (run.crashed) add(`  ${name}${timing}  ${c.red(`crashed: ${run.crashed.split('\n')[0]}`)}`);
    else add(`  ${name}${totals}  ${timing}`);
  }
  add(`  ${'wall'.padEnd(nameWidth)}${seconds(report.wallMs)}`);

  add('', c.bold('Coverage of src/domain/ (lines)'));
  if (report.coverage.available) {
    const notes = report.coverage.notes ?? {};
    for (const [column, cov] of Object.entries(report.coverage.columns)) {
      const note = notes[column as Column];
      add(`  ${column.padEnd(10)}${cov.linesPct.toFixed(1)}%${note ? c.dim(`  ${note}`) : ''}`);
    }
    for (const [column, note] of Object.entries(notes)) {
      if (!report.coverage.columns[column as Column]) add(`  ${column.padEnd(10)}${c.dim(note)}`);
    }
    const union = report.coverage.union;
    if (union) add(`  ${'union'.padEnd(10)}${union.linesPct.toFixed(1)}%`);
  } else {
    add(`  ${c.dim(report.coverage.hint)}`);
  }
  // Beside the coverage: a line run is not yet a line checked.
  add('', c.bold('Mutation score of the lesson files (bugs planted in src/domain/ and caught)'));
  if (report.mutation.available) {
    for (const [column, score] of Object.entries(report.mutation.columns)) {
      const verdict = score.passed
        ? c.green(scoreText(score).padEnd(8))
        : c.bold(c.red(`${scoreText(score)} ${UNDER_THRESHOLD}`));
      add(`  ${column.padEnd(10)}${verdict}${c.dim(`  ${scoreDetail(score)}`)}`);
    }
  } else {
    add(`  ${c.dim(report.mutation.hint)}`);
  }
  add('');
  if (report.mismatches.length === 0) {
    add(c.green(`Every cell matches its expected outcome (${report.rows.length} concepts).`));
  } else {
    add(c.bold(c.red(`${report.mismatches.length} cell(s) differ from the catalogue:`)));
    for (const m of report.mismatches) {
      add(`  ${m.concept} [${m.column}] expected ${m.expected}, got ${m.actual}`);
      if (m.message) add(c.dim(`    ${m.message}`));
    }
  }
  return out.join('\n');
}

/** `--list`: every concept id with its title, under its section; the failure demos last. */
export function renderList(concepts: Concept[], opts: TerminalOptions): string {
  const c = createColors(opts.colors);
  const idWidth = Math.max(...concepts.map((k) => stringWidth(k.id))) + 2;
  const item = (k: Concept) => clip(`${INDENT}${pad(k.id, idWidth)}${c.dim(k.title)}`, opts.width);
  const out: string[] = [];
  for (const lesson of LESSONS) {
    const own = concepts.filter((k) => k.lesson === lesson && !k.demo);
    if (own.length === 0) continue;
    out.push(
      clip(`${c.bold(lesson)}${c.dim(`: ${SECTION[lesson]}`)}`, opts.width),
      ...own.map(item),
    );
  }
  const demos = concepts.filter((k) => k.demo);
  if (demos.length > 0) {
    out.push(
      clip(`${c.bold('failure demos')}${c.dim(': npm start -- --demo-failures')}`, opts.width),
    );
    out.push(...demos.map(item));
  }
  out.push(
    '',
    clip("npm start -- --show ID: the tests' code and each framework's own output", opts.width),
  );
  return out.join('\n');
}
