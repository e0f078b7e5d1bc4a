/**
 * The default report, byte for byte in the format of CPython 3.13's doctest:
 * failure blocks in run order, then the summary with items sorted by name.
 */
import { indent, outputDifference } from '../checker.ts';
import type { ExampleResult, ItemResult, Report } from '../results.ts';

export const DIVIDER = '*'.repeat(70);

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function failureHeader(item: ItemResult, example: ExampleResult): string {
  return [
    DIVIDER,
    `File "${item.file}", line ${example.line}, in ${item.name}`,
    'Failed example:',
    indent(example.source),
  ].join('\n');
}

/** One failing example, as CPython's `report_failure` / `report_unexpected_exception`. */
export function failureText(item: ItemResult, example: ExampleResult): string {
  if (example.failure === 'exception') {
    return `${failureHeader(item, example)}Exception raised:\n${indent(example.exception ?? '')}`;
  }
  return failureHeader(item, example) + outputDifference(example.want, example.got, example.flags);
}

function trying(example: ExampleResult): string {
  const expecting = example.want ? `Expecting:\n${indent(example.want)}` : 'Expecting nothing\n';
  return `Trying:\n${indent(example.source)}${expecting}`;
}

function itemText(item: ItemResult, verbose: boolean): string {
  let out = '';
  let failures = 0;
  for (const example of item.examples) {
    if (example.status === 'skipped') continue;
    // REPORT_ONLY_FIRST_FAILURE silences the report (not the counting) of later failures.
    const quiet = example.flags.includes('REPORT_ONLY_FIRST_FAILURE') && failures > 0;
    if (verbose && !quiet) out += trying(example);
    if (example.status === 'passed') {
      if (verbose) out += 'ok\n';
      continue;
    }
    if (!quiet) out += failureText(item, example);
    failures++;
  }
  return out;
}

/** CPython's `DocTestRunner.summarize` (3.13 wording). */
export function summaryText(report: Report, verbose: boolean): string {
  const lines: string[] = [];
  const byName = (a: ItemResult, b: ItemResult) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  const tried = report.items.filter((i) => i.attempted > 0);
  const noTests = [
    ...(report.itemsWithoutTests ?? []),
    ...report.items.filter((i) => i.attempted === 0).map((i) => i.name),
  ].sort();
  const passed = tried.filter((i) => i.failed === 0).sort(byName);
  const failed = tried.filter((i) => i.failed > 0).sort(byName);
  if (verbose) {
    if (noTests.length > 0) {
      lines.push(`${plural(noTests.length, 'item')} had no tests:`);
      for (const name of noTests) lines.push(`    ${name}`);
    }
    if (passed.length > 0) {
      lines.push(`${plural(passed.length, 'item')} passed all tests:`);
      for (const i of passed)
        lines.push(
          ` ${String(i.attempted).padStart(3)} test${i.attempted === 1 ? '' : 's'} in ${i.name}`,
        );
    }
  }
  if (failed.length > 0) {
    lines.push(DIVIDER, `${plural(failed.length, 'item')} had failures:`);
    for (const i of failed)
      lines.push(
        ` ${String(i.failed).padStart(3)} of ${String(i.attempted).padStart(3)} in ${i.name}`,
      );
  }
  if (verbose) {
    const items = report.items.length + (report.itemsWithoutTests?.length ?? 0);
    lines.push(`${plural(report.attempted, 'test')} in ${plural(items, 'item')}.`);
    const andFailed = report.failed > 0 ? ` and ${report.failed} failed` : '';
    lines.push(`${report.attempted - report.failed} passed${andFailed}.`);
  }
  if (report.failed > 0) {
    let message = `***Test Failed*** ${plural(report.failed, 'failure')}`;
    if (report.skipped > 0) message += ` and ${plural(report.skipped, 'skipped test')}`;
    lines.push(`${message}.`);
  } else if (verbose) {
    lines.push('Test passed.');
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

/** The whole text report. Silent when everything passed and not verbose, as CPython is. */
export function textReport(report: Report, { verbose = false } = {}): string {
  return (
    report.items.map((item) => itemText(item, verbose)).join('') + summaryText(report, verbose)
  );
}
