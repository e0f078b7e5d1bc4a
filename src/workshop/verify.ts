/**
 * The verdict on a learner's test: accepted only when it passes against the
 * real code and every wheat AND fails against every chaff (Examplar-style).
 * Every reason is phrased so the learner knows what to change.
 */

import type { Exercise } from '../../exercises/exercises.ts';
import { chaffById, wheatById, wheats } from './exercise-lookup.ts';
import type { VariantOutcome } from './types.ts';
import { type Unawaited, unawaitedReason } from './unawaited.ts';

export interface Verdict {
  accepted: boolean;
  /** Why it was rejected; empty when accepted. */
  reasons: string[];
  /** Chaffs the test caught. */
  killed: string[];
  /** Chaffs the test did not notice. */
  survived: string[];
  /** Correct versions written differently that the test failed on. */
  failedWheats: string[];
}

/**
 * Judge one file's outcomes (real first, then the wheats and chaffs in any
 * order). An assertion the test does not wait for (`unawaited`, found in its
 * source) rejects it whatever the runs said, and is named first.
 */
export function judge(
  exercise: Exercise,
  outcomes: VariantOutcome[],
  unawaited: Unawaited[] = [],
): Verdict {
  const verdict = judgeRuns(exercise, outcomes);
  if (unawaited.length === 0 || outcomes[0]?.status === 'error') return verdict;
  return {
    ...verdict,
    accepted: false,
    reasons: [...unawaited.map(unawaitedReason), ...verdict.reasons],
  };
}

function judgeRuns(exercise: Exercise, outcomes: VariantOutcome[]): Verdict {
  const [real, ...others] = outcomes;
  const isWheat = (run: VariantOutcome) => wheats.some((w) => w.id === run.variant);
  const wheatRuns = others.filter(isWheat);
  const chaffRuns = others.filter((run) => !isWheat(run));
  const verdict: Verdict = {
    accepted: false,
    reasons: [],
    killed: [],
    survived: [],
    failedWheats: [],
  };
  if (real?.variant !== 'real') throw new Error('the first outcome must be the real code');
  if (real.status === 'error') {
    verdict.reasons.push(`your test file could not be run: ${real.message}`);
    return verdict;
  }
  if (real.status === 'failed') {
    verdict.reasons.push(
      `your test fails against the correct ${exercise.subject}: ${real.message}`,
    );
    return verdict;
  }
  if (real.passed === 0) {
    verdict.reasons.push('your test file has no finished test: write at least one');
    return verdict;
  }
  // A correct version written differently must fare exactly as the real code
  // does; if not, the test looks at how the code is written, not what it does.
  for (const run of wheatRuns) {
    const same =
      run.status === 'passed' && run.passed === real.passed && run.skipped === real.skipped;
    if (same) continue;
    verdict.failedWheats.push(run.variant);
    const what = run.message ?? 'it skips or runs other tests there';
    verdict.reasons.push(
      `your test fails against a correct version written differently (${wheatById(run.variant).change}), so it checks how the code is written, not what it does: ${what}`,
    );
  }
  if (verdict.reasons.length > 0) return verdict;
  if (real.skipped > 0) {
    verdict.reasons.push(
      `your test file skips ${real.skipped} test(s) or leaves them as todo: finish or remove them`,
    );
  }
  for (const run of chaffRuns) {
    if (run.status === 'passed') {
      verdict.survived.push(run.variant);
      verdict.reasons.push(`your test did not notice: ${chaffById(run.variant).bug}`);
    } else verdict.killed.push(run.variant);
  }
  verdict.accepted = verdict.reasons.length === 0;
  return verdict;
}

/** The verdict on a test run stopped by the watchdog (see child-runner.ts). */
export function stuck(limitMs: number): Verdict {
  return {
    accepted: false,
    reasons: [
      `your test did not finish: nothing happened for ${limitMs / 1000} s, so it was stopped. Is there an endless loop (a while or for whose condition never changes)?`,
    ],
    killed: [],
    survived: [],
    failedWheats: [],
  };
}
