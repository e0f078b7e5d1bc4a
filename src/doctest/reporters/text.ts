/**
 * The default report, byte for byte in the format of CPython 3.13's doctest:
 * failure blocks in run order, then the summary with items sorted by name.
 */
import { indent, outputDifference } from '../checker.ts';
import type { ExampleResult, ItemResult, Report } from '../results.ts';
import { keywordFor } from '../select.ts';

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

/** What the report prints for one item: with `verbose`, its transcript; else its failures. */
export function itemText(item: ItemResult, verbose: boolean): string {
  let out = '';
  let failures = 0;
  let previous: readonly string[] = [];
  for (const example of item.examples) {
    // REPORT_ONLY_FIRST_FAILURE silences the report (not the counting) of what follows a
    // failure. As in CPython, the flags that decide are the previous example's.
    const quiet = failures > 0 && previous.includes('REPORT_ONLY_FIRST_FAILURE');
    previous = example.flags;
    if (example.status === 'skipped') continue;
    if (verbose && !quiet) out += trying(example);
    if (example.status === 'passed') {
      if (verbose && !quiet) out += 'ok\n';
      continue;
    }
    if (!quiet) out += failureText(item, example);
    failures++;
  }
  return out;
}

/** CPython 3.13 counts a skipped example as a test tried: `2 tests in m.f`, `3 passed`. */
function tries(counts: { attempted: number; skipped: number }): number {
  return counts.attempted + counts.skipped;
}

/** CPython's `DocTestRunner.summarize` (3.13 wording and counts). */
export function summaryText(report: Report, verbose: boolean): string {
  const lines: string[] = [];
  const byName = (a: ItemResult, b: ItemResult) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  const tried = report.items.filter((i) => tries(i) > 0);
  const noTests = [
    ...(report.itemsWithoutTests ?? []),
    ...report.items.filter((i) => tries(i) === 0).map((i) => i.name),
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
          ` ${String(tries(i)).padStart(3)} test${tries(i) === 1 ? '' : 's'} in ${i.name}`,
        );
    }
  }
  if (failed.length > 0) {
    lines.push(DIVIDER, `${plural(failed.length, 'item')} had failures:`);
    for (const i of failed)
      lines.push(
        ` ${String(i.failed).padStart(3)} of ${String(tries(i)).padStart(3)} in ${i.name}`,
      );
  }
  if (verbose) {
    const items = report.items.length + (report.itemsWithoutTests?.length ?? 0);
    lines.push(`${plural(tries(report), 'test')} in ${plural(items, 'item')}.`);
    const andFailed = report.failed > 0 ? ` and ${report.failed} failed` : '';
    lines.push(`${tries(report) - report.failed} passed${andFailed}.`);
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

/** Python's `shlex.quote`: the word as it is when the shell leaves it alone, else in quotes. */
export function shellQuote(word: string): string {
  if (/^[\w@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replaceAll("'", `'"'"'`)}'`;
}

/** Where the report's run came from: the options a re-run keeps (`-o ELLIPSIS`, ...). */
export interface TextOptions {
  verbose?: boolean;
  rerunOptions?: readonly string[];
}

/**
 * After the summary (never inside it: it stays CPython's), one command per failed item that
 * runs it again, selected by name with `-k`.
 */
export function rerunText(report: Report, rerunOptions: readonly string[] = []): string {
  const commands = report.items
    .filter((i) => i.failed > 0)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((i) => {
      const words = ['tsdoctest', ...rerunOptions, i.file].map(shellQuote);
      return `    ${words.join(' ')} -k '${expressionFor(i, report.items)}'`;
    });
  // An item run twice (a file named twice on the command line) is listed once.
  const unique = [...new Set(commands)];
  return unique.length > 0 ? `To run a failed item again:\n${unique.join('\n')}\n` : '';
}

/**
 * A `-k` expression that selects `item` and no other item of its file: `-k` matches
 * substrings, so items whose names contain this one's (`m.Cal.add` for `m.Cal`) are excluded.
 */
function expressionFor(item: ItemResult, items: readonly ItemResult[]): string {
  const lower = item.name.toLowerCase();
  const longer = items.filter(
    (o) => o.file === item.file && o.name !== item.name && o.name.toLowerCase().includes(lower),
  );
  const exclude = longer.map((o) => {
    const keyword = keywordFor(o.name);
    return keyword.includes(' ') ? ` and not (${keyword})` : ` and not ${keyword}`;
  });
  return keywordFor(item.name) + [...new Set(exclude)].join('');
}

/** The whole text report. Silent when everything passed and not verbose, as CPython is. */
export function textReport(
  report: Report,
  { verbose = false, rerunOptions }: TextOptions = {},
): string {
  return (
    report.items.map((item) => itemText(item, verbose)).join('') +
    summaryText(report, verbose) +
    rerunText(report, rerunOptions)
  );
}
