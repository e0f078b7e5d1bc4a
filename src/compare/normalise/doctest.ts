/**
 * Doctest, both ways: Python's (through `src/compare/python/doctest_report.py`,
 * which captures each item's `-v` output on its own) and tsdoctest's (its JSON
 * report, each item with its `-v` transcript). One doc comment or docstring is one test.
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

interface TsItem extends Counts {
  name: string;
  file: string;
  line: number;
  examples: { source: string; want: string }[];
  /** What the text report prints for the item; with `-v`, its transcript. */
  text: string;
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

/** @param json what `tsdoctest --reporter json -v` wrote: each item's transcript is its `text`. */
export function normaliseTsdoctest(json: string, root: string): Normalised {
  const report = JSON.parse(json) as Partial<TsReport>;
  if (!Array.isArray(report.items)) throw new Error('no items in the tsdoctest report');
  if (report.items.some((item) => typeof item.text !== 'string'))
    throw new Error(
      'no text in the tsdoctest report items (a tsdoctest older than its text field)',
    );
  const tests = report.items.map(
    (item): TestResult => ({
      file: toRepoPath(root, item.file),
      name: [item.name],
      status: statusOf(item),
      message: messageOf(item),
      output: item.text.trimEnd(),
      line: item.line,
      code: examplesCode(item.examples),
    }),
  );
  return { tests, fileErrors: [] };
}
