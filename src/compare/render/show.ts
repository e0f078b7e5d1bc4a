/**
 * A concept in detail (`npm start -- --show ID`, and the failure texts of
 * `--demo-failures`): for each framework in turn, the test's code and what
 * the framework printed when it ran. From 160 columns, two frameworks stand
 * side by side.
 */
import { createColors } from 'picocolors';
import wrapAnsi from 'wrap-ansi';
import { hardWrap, pad } from '../../cli/columns.ts';
import type { Cell, Column, Row } from '../model.ts';
import { expectedOutcome } from '../model.ts';
import { cellLabel } from './labels.ts';
import type { Colors } from './terminal.ts';

/** From this width, frameworks go two by two. */
export const SIDE_BY_SIDE = 160;
const GUTTER = ' │ ';

/** The columns one framework's block gets: half the width when two stand side by side. */
function blockWidth(width: number): number {
  return width >= SIDE_BY_SIDE ? Math.floor((width - GUTTER.length) / 2) : width;
}

export interface ShowOptions {
  colors: boolean;
  width: number;
  /** The frameworks to show, in table order. */
  columns: Column[];
  /** With the test's code and the catalogue's notes (`--show`), or the framework's words alone. */
  code: boolean;
}

/** Catalogue text: `inline code` shown in colour, or left in its backticks without colours. */
function prose(c: Colors, text: string, colors: boolean): string {
  return colors ? text.replace(/`([^`]+)`/g, (_, code: string) => c.cyan(code)) : text;
}

const indent = (text: string) =>
  text
    .split('\n')
    .map((l) => (l === '' ? l : `  ${l}`))
    .join('\n');

/** One framework's block: what ran, how it ended, its code and its own words. */
function block(cell: Cell, c: Colors, opts: ShowOptions): string {
  const name = cell.framework === cell.column ? cell.column : `${cell.column} (${cell.framework})`;
  const state = cell.matches
    ? cellLabel(cell)
    : c.red(
        `${cellLabel(cell)}, expected ${cell.expected ? expectedOutcome(cell.expected) : 'a result'}`,
      );
  const lines = [`${c.bold(name)}  ${state}`];
  if (!cell.file) return lines.join('\n');
  // Our own lines (where the test is, the catalogue's prose) are word-wrapped to the block;
  // code and framework output are not.
  const wrap = (text: string) => wrapAnsi(text, blockWidth(opts.width), { hard: true });
  lines.push(c.dim(wrap([cell.file, ...(cell.test ?? [])].join(' › '))));
  if (opts.code) {
    const e = cell.expected;
    if (e && e.outcome !== 'pass') lines.push(wrap(`expected to ${e.outcome}: ${e.reason}`));
    if (cell.how) lines.push(wrap(`${cell.support}: ${prose(c, cell.how, opts.colors)}`));
  }
  if (cell.message && cell.outcome !== 'failed') {
    lines.push(cell.outcome === 'skipped' ? `skip reason given: ${cell.message}` : cell.message);
  }
  if (opts.code && cell.code) lines.push(c.dim('the test:'), indent(cell.code));
  lines.push(
    cell.output
      ? `${c.dim(`${cell.framework} said:`)}\n${indent(cell.output.trimEnd())}`
      : c.dim('(no output for this test)'),
  );
  return lines.join('\n');
}

/** Each part of a cell (a concept may name unittest, pytest and doctest) as a block of its own. */
function blocks(row: Row, c: Colors, opts: ShowOptions): string[] {
  return opts.columns.flatMap((col) => {
    const cell = row.cells[col];
    return (cell.parts ?? [cell]).map((part) => block(part, c, opts));
  });
}

/** Blocks two by two, each hard-wrapped to its half. */
function sideBySide(parts: string[], width: number): string[] {
  const half = blockWidth(width);
  const out: string[] = [];
  for (let i = 0; i < parts.length; i += 2) {
    const left = hardWrap(parts[i] ?? '', half);
    const right = i + 1 < parts.length ? hardWrap(parts[i + 1] ?? '', half) : [];
    if (i > 0) out.push('');
    for (let j = 0; j < Math.max(left.length, right.length); j++) {
      out.push(`${pad(left[j] ?? '', half)}${GUTTER}${right[j] ?? ''}`.trimEnd());
    }
  }
  return out;
}

export function renderShow(rows: Row[], opts: ShowOptions): string {
  const c = createColors(opts.colors);
  const out: string[] = [];
  for (const row of rows) {
    if (out.length > 0) out.push('');
    out.push(
      wrapAnsi(c.bold(`${row.id}: ${row.title}`), opts.width, { hard: true }),
      c.dim('─'.repeat(opts.width)),
    );
    if (opts.code)
      out.push(wrapAnsi(prose(c, row.explanation, opts.colors), opts.width, { hard: true }), '');
    const parts = blocks(row, c, opts);
    if (opts.width >= SIDE_BY_SIDE) out.push(...sideBySide(parts, opts.width));
    // One below the other, the lines as printed: the terminal wraps them, and copied code stays whole.
    else out.push(parts.join('\n\n'));
  }
  return out.join('\n');
}
