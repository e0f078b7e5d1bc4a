/**
 * `--reporter json`: the report model, without items that have no examples, each item with
 * `text`, what the text reporter prints for it (with `-v`, its transcript; else its failures).
 */
import type { Report } from '../results.ts';
import { itemText } from './text.ts';

export function jsonReport(
  report: Report,
  { verbose = false }: { verbose?: boolean } = {},
): string {
  const { itemsWithoutTests: _omitted, ...shape } = report;
  const items = shape.items.map((item) => ({ ...item, text: itemText(item, verbose) }));
  return `${JSON.stringify({ ...shape, items }, null, 2)}\n`;
}
