/**
 * Jest's `--json` report and Vitest's JSON reporter share one shape (Vitest
 * copied Jest's); this reads either into test results. The verbatim output
 * for each test comes from the framework's own human report, which each
 * framework's module knows how to cut up.
 */
import stripAnsi from 'strip-ansi';
import { testStatus } from '../../cli/test-status.ts';
import type { Normalised, TestResult, TestStatus } from '../model.ts';
import { firstLine, toRepoPath } from './text.ts';

interface AssertionResult {
  ancestorTitles: string[];
  title: string;
  status: string;
  duration?: number | null;
  failureMessages?: string[];
  location?: { line: number; column: number } | null;
}

interface FileResult {
  name: string;
  message?: string;
  assertionResults: AssertionResult[];
}

export interface JestLikeReport {
  testResults: FileResult[];
}

/** Cuts the framework's human report into the lines about one test. */
export type VerbatimFinder = (file: string, name: string[], status: TestStatus) => string;

/** Parse the JSON text; throws with a short message when it is not a Jest-style report. */
export function parseJestLike(json: string): JestLikeReport {
  const report = JSON.parse(json) as Partial<JestLikeReport>;
  if (!Array.isArray(report.testResults)) throw new Error('no testResults in the JSON report');
  return report as JestLikeReport;
}

export function normaliseJestLike(
  report: JestLikeReport,
  root: string,
  verbatim: VerbatimFinder,
): Normalised {
  const tests: TestResult[] = [];
  const fileErrors: Normalised['fileErrors'] = [];
  for (const fileResult of report.testResults) {
    const file = toRepoPath(root, fileResult.name);
    if (fileResult.assertionResults.length === 0 && fileResult.message) {
      fileErrors.push({ file, message: stripAnsi(fileResult.message).trim() });
    }
    for (const a of fileResult.assertionResults) {
      const status = testStatus(a.status);
      const name = [...a.ancestorTitles, a.title];
      const failure = stripAnsi(a.failureMessages?.join('\n') ?? '');
      tests.push({
        file,
        name,
        status,
        durationMs: a.duration ?? undefined,
        message: status === 'failed' ? firstLine(failure) : undefined,
        output: verbatim(file, name, status) || failure,
        line: a.location?.line,
      });
    }
  }
  return { tests, fileErrors };
}
