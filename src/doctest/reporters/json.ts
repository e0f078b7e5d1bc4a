/** `--reporter json`: the report model, without items that have no examples. */
import type { Report } from '../results.ts';

export function jsonReport(report: Report): string {
  const { itemsWithoutTests: _omitted, ...shape } = report;
  return `${JSON.stringify(shape, null, 2)}\n`;
}
