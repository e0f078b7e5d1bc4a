/**
 * The side-by-side coverage table: a row per source file, a column per
 * framework (line % and uncovered lines, as `term-missing` shows them) and
 * the union column. Rendered for the terminal (cli-table3) and as markdown
 * for a CI job summary.
 */
import Table from 'cli-table3';
import type { Framework } from '../../specs/concepts.ts';
import { lineRanges } from '../../src/compare/coverage.ts';
import { FRAMEWORKS, type LineSummary, type SideBySide } from './side-by-side.ts';

function cell(summary: LineSummary | undefined, withLines: boolean): string {
  if (!summary) return '-';
  const missing = lineRanges(summary.uncoveredLines);
  return withLines && missing ? `${summary.linesPct}% (${missing})` : `${summary.linesPct}%`;
}

export interface Grid {
  head: string[];
  rows: string[][];
}

/** The table's cells; frameworks that did not run show `-`. */
export function grid(report: SideBySide): Grid {
  const names: (Framework | 'union')[] = [...FRAMEWORKS, 'union'];
  const columnOf = (name: Framework | 'union') =>
    name === 'union' ? report.union : report.frameworks[name];
  const files = new Set<string>(Object.keys(report.union.files));
  for (const name of FRAMEWORKS) {
    for (const file of Object.keys(report.frameworks[name]?.files ?? {})) files.add(file);
  }
  const rows = [...files]
    .sort()
    .map((file) => [file, ...names.map((name) => cell(columnOf(name)?.files[file], true))]);
  rows.push(['All files', ...names.map((name) => cell(columnOf(name)?.totals, false))]);
  return { head: ['File', ...names], rows };
}

export function renderTable(report: SideBySide): string {
  const { head, rows } = grid(report);
  // No colours: the table goes to logs and pipes as often as to a terminal.
  const table = new Table({ head, style: { head: [], border: [] } });
  table.push(...rows);
  return table.toString();
}

export function renderMarkdown(report: SideBySide): string {
  const { head, rows } = grid(report);
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}
