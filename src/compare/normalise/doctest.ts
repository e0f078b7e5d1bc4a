/**
 * Doctest, both ways: Python's (through `src/compare/python/doctest_report.py`,
 * which captures each item's `-v` output on its own) and tsdoctest's (its JSON
 * reporter for outcomes, plus its `-v` text report cut into the `Trying:`
 * blocks of each item). One doc comment or docstring is one test.
 */
import type { Normalised, TestResult, TestStatus } from '../model.ts';
import { toRepoPath } from './text.ts';

interface Counts {
  attempted: number;
  failed: number;
  skipped: number;
}

interface PyItem extends Counts {
  name: string;
  line: number;
  durationMs: number;
  output: string;
  examples: { source: string; want: string }[];
}

interface PyReport {
  files: { file: string; error?: string; items: PyItem[] }[];
}

interface TsExample {
  line: number;
  source: string;
  want: string;
  got?: string;
  status: 'passed' | 'failed' | 'skipped';
  exception?: string | null;
}

interface TsItem extends Counts {
  name: string;
  file: string;
  line: number;
  examples: TsExample[];
}

interface TsReport extends Counts {
  items: TsItem[];
}

function statusOf(c: Counts): TestStatus {
  if (c.failed > 0) return 'failed';
  return c.attempted === 0 && c.skipped > 0 ? 'skipped' : 'passed';
}

function messageOf(c: Counts): string | undefined {
  if (c.failed > 0) return `${c.failed} of ${c.attempted} examples failed`;
  return c.attempted === 0 && c.skipped > 0 ? 'every example is skipped' : undefined;
}

/** The examples as they are written, the test's "code" for a doctest item. */
function examplesCode(examples: { source: string; want: string }[]): string {
  return examples
    .map((e) => {
      const [first = '', ...rest] = e.source.replace(/\n$/, '').split('\n');
      const source = [`>>> ${first}`, ...rest.map((l) => `... ${l}`)].join('\n');
      return e.want ? `${source}\n${e.want.replace(/\n$/, '')}` : source;
    })
    .join('\n');
}

/** @param cwd where the helper ran, relative to `root` (the report's paths are relative to it). */
export function normalisePythonDoctest(json: string, root: string, cwd: string): Normalised {
  const report = JSON.parse(json) as Partial<PyReport>;
  if (!Array.isArray(report.files)) throw new Error('no files in the doctest report');
  const tests: TestResult[] = [];
  const fileErrors: Normalised['fileErrors'] = [];
  for (const f of report.files) {
    const file = toRepoPath(root, `${cwd}/${f.file}`);
    if (f.error) fileErrors.push({ file, message: f.error.trim() });
    for (const item of f.items) {
      tests.push({
        file,
        name: [item.name],
        status: statusOf(item),
        durationMs: item.durationMs,
        message: messageOf(item),
        output: item.output.trimEnd(),
        line: item.line,
        code: examplesCode(item.examples),
      });
    }
  }
  return { tests, fileErrors };
}

/**
 * @param json what `tsdoctest --reporter json` wrote
 * @param verbose what `tsdoctest -v` printed (empty when not run)
 */
export function normaliseTsdoctest(json: string, verbose: string, root: string): Normalised {
  const report = JSON.parse(json) as Partial<TsReport>;
  if (!Array.isArray(report.items)) throw new Error('no items in the tsdoctest report');
  const items = report.items;
  const blocks = tryingBlocks(verbose);
  const attempted = items.flatMap((item) => item.examples.filter((e) => e.status !== 'skipped'));
  // Each attempted example prints one `Trying:` block, items in report order;
  // when the blocks do not line up with the examples, fall back to the
  // failure reports by item name.
  const sequential =
    blocks.length === attempted.length &&
    attempted.every(
      (e, i) => blocks[i]?.split('\n')[1]?.trim() === e.source.split('\n')[0]?.trim(),
    );
  let next = 0;
  const tests = items.map((item): TestResult => {
    const own = sequential
      ? blocks.slice(next, next + item.attempted)
      : failureBlocks(verbose, item.name);
    next += item.attempted;
    return {
      file: toRepoPath(root, item.file),
      name: [item.name],
      status: statusOf(item),
      message: messageOf(item),
      output: own.join('\n').trimEnd(),
      line: item.line,
      code: examplesCode(item.examples),
    };
  });
  return { tests, fileErrors: [] };
}

const SUMMARY =
  /^(\d+ items? (passed all tests|had failures|had no tests):|\d+ tests? in \d+ items?\.)$/;

function tryingBlocks(text: string): string[] {
  const blocks: string[][] = [];
  for (const line of text.split('\n')) {
    if (SUMMARY.test(line)) break;
    if (line === 'Trying:') blocks.push([]);
    blocks.at(-1)?.push(line);
  }
  return blocks.map((b) => b.join('\n'));
}

function failureBlocks(text: string, name: string): string[] {
  return text
    .split(/^\*{70}\n/m)
    .filter((b) => b.startsWith('File ') && b.split('\n')[0]?.endsWith(`, in ${name}`))
    .map((b) => `${'*'.repeat(70)}\n${b.trimEnd()}`);
}
