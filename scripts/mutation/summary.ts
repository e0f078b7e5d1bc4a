/**
 * From StrykerJS's JSON reports to `reports/mutation/summary.json` (the file
 * `npm start` reads, see src/compare/mutation.ts) and the terminal table.
 */
import Table from 'cli-table3';
import { createColors } from 'picocolors';
import {
  isMutationScore,
  MUTATION_SUMMARY_VERSION,
  type MutationScore,
  type MutationSummary,
  scoreText,
} from '../../src/compare/mutation.ts';

/** The part of a mutation-testing-report-schema report we count. */
export interface StrykerReport {
  files: Record<string, { mutants: { status: string }[] }>;
}

/**
 * Count a report's mutants as StrykerJS does: a timeout counts as detected;
 * compile and runtime errors and ignored mutants are not counted at all.
 */
export function scoreReport(
  report: StrykerReport,
  threshold: number,
  passed: boolean,
): MutationScore {
  const count = { killed: 0, survived: 0, noCoverage: 0, timeout: 0 };
  for (const file of Object.values(report.files)) {
    for (const { status } of file.mutants) {
      if (status === 'Killed') count.killed++;
      else if (status === 'Survived') count.survived++;
      else if (status === 'NoCoverage') count.noCoverage++;
      else if (status === 'Timeout') count.timeout++;
    }
  }
  const detected = count.killed + count.timeout;
  const valid = detected + count.survived + count.noCoverage;
  return {
    files: Object.keys(report.files).sort(),
    ...count,
    score: valid === 0 ? null : (100 * detected) / valid,
    threshold,
    passed,
  };
}

export function summary(suites: Record<string, MutationScore>, now = new Date()): MutationSummary {
  return { version: MUTATION_SUMMARY_VERSION, generatedAt: now.toISOString(), suites };
}

/**
 * The summary after a run of some suites: their new scores, the other suites'
 * scores from the summary before (a suite that ran and failed to finish
 * loses its old score rather than keep a stale one).
 */
export function mergeSummary(
  before: string | undefined,
  ran: readonly string[],
  scores: Record<string, MutationScore>,
  now = new Date(),
): MutationSummary {
  let old: Partial<MutationSummary> = {};
  try {
    if (before !== undefined) old = JSON.parse(before);
  } catch {
    // Not JSON: nothing worth keeping.
  }
  const kept =
    old.version === MUTATION_SUMMARY_VERSION && typeof old.suites === 'object' && old.suites
      ? Object.entries(old.suites).filter(
          ([suite, s]) => !ran.includes(suite) && isMutationScore(s),
        )
      : [];
  return summary({ ...Object.fromEntries(kept), ...scores }, now);
}

/** One row per suite; a suite that could not run shows why instead of numbers. */
export type SuiteOutcome =
  | { suite: string; wallMs: number; score: MutationScore }
  | { suite: string; wallMs: number; error: string };

export function renderTable(outcomes: SuiteOutcome[], colors: boolean): string {
  const c = createColors(colors);
  const table = new Table({
    head: [
      'suite',
      'killed',
      'survived',
      'no coverage',
      'timeout',
      'score',
      'break at',
      'time',
    ].map((h) => c.bold(h)),
    colAligns: ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
    style: { head: [], border: [] },
  });
  for (const o of outcomes) {
    const time = `${(o.wallMs / 1000).toFixed(0)} s`;
    if ('error' in o) {
      table.push([o.suite, { colSpan: 6, content: c.red(`did not run: ${o.error}`) }, time]);
      continue;
    }
    const s = o.score;
    const paint = s.passed ? c.green : (text: string) => c.bold(c.red(text));
    table.push([
      o.suite,
      String(s.killed),
      s.survived > 0 ? c.red(String(s.survived)) : '0',
      s.noCoverage > 0 ? c.red(String(s.noCoverage)) : '0',
      String(s.timeout),
      paint(scoreText(s)),
      `${s.threshold}%`,
      time,
    ]);
  }
  return table.toString();
}
