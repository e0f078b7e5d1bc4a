/**
 * Mutation scores per suite, read from `reports/mutation/summary.json`
 * (written by `npm run mutation`, scripts/mutation/run.ts). Without it the
 * report says how to get it. The compare report keeps the suites that are
 * one of its columns; the project's own suite (on the service) is not a lesson.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { COLUMNS, type Column, type CompareReport, type MutationScore } from './model.ts';

export type { MutationScore };

export const MUTATION_SUMMARY_FILE = 'reports/mutation/summary.json';
export const MUTATION_SUMMARY_VERSION = 1;
const HINT = 'mutation: run npm run mutation';

/** What scripts/mutation/run.ts writes: every suite it ran, by name. */
export interface MutationSummary {
  version: typeof MUTATION_SUMMARY_VERSION;
  generatedAt: string;
  suites: Record<string, MutationScore>;
}

/** The report's mutation entry when there is no summary to read. */
export const NO_MUTATION: CompareReport['mutation'] = { available: false, hint: HINT };

const isCount = (n: unknown): boolean => Number.isInteger(n) && (n as number) >= 0;

export function isMutationScore(s: unknown): s is MutationScore {
  const m = s as MutationScore | null;
  return (
    typeof m === 'object' &&
    m !== null &&
    Array.isArray(m.files) &&
    [m.killed, m.survived, m.noCoverage, m.timeout].every(isCount) &&
    (m.score === null || typeof m.score === 'number') &&
    typeof m.threshold === 'number' &&
    typeof m.passed === 'boolean'
  );
}

export function readMutation(root: string): CompareReport['mutation'] {
  let data: Partial<MutationSummary>;
  try {
    data = JSON.parse(readFileSync(path.join(root, MUTATION_SUMMARY_FILE), 'utf8'));
  } catch {
    return NO_MUTATION;
  }
  if (
    data.version !== MUTATION_SUMMARY_VERSION ||
    typeof data.suites !== 'object' ||
    data.suites === null
  ) {
    return { available: false, hint: `${HINT} (${MUTATION_SUMMARY_FILE} is not version 1)` };
  }
  const columns: Partial<Record<Column, MutationScore>> = {};
  for (const column of COLUMNS) {
    const score = data.suites[column];
    if (isMutationScore(score)) columns[column] = score;
  }
  return { available: true, generatedAt: String(data.generatedAt), columns };
}

/** A score as every renderer shows it. */
export function scoreText(score: MutationScore): string {
  return score.score === null ? 'no mutants' : `${score.score.toFixed(1)}%`;
}

/** Said in words too, so a failing score reads as one without colours. */
export const UNDER_THRESHOLD = 'under its threshold';

/** What the score counts, in words. */
export function scoreDetail(score: MutationScore): string {
  const detected = score.killed + score.timeout;
  const valid = detected + score.survived + score.noCoverage;
  return `${detected} of ${valid} mutants caught, break at ${score.threshold}%`;
}
