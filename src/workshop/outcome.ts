/** What a test file did under one variant, from the tests a framework reports. */
import { testStatus } from '../cli/test-status.ts';
import { failureSummary, testFailure } from './messages.ts';
import type { VariantOutcome } from './types.ts';

/** One test as a framework reports it: its full name, status word and first failure. */
export interface ReportedTest {
  fullName: string;
  status: string;
  failure?: string;
}

/**
 * The file's outcome: `error` when it was not run or did not load
 * (`loadError`), else its tests counted, with the first failure's message.
 */
export function outcomeOf(
  variant: string,
  tests: Iterable<ReportedTest> | undefined,
  loadError?: string,
): VariantOutcome {
  const outcome: VariantOutcome = { variant, status: 'passed', passed: 0, failed: 0, skipped: 0 };
  if (!tests) return { ...outcome, status: 'error', message: 'the test file was not run' };
  if (loadError !== undefined) {
    return { ...outcome, status: 'error', message: failureSummary(loadError) };
  }
  for (const test of tests) {
    const status = testStatus(test.status);
    outcome[status]++;
    if (status === 'failed') {
      outcome.message ??= `${test.fullName}: ${testFailure(test.failure ?? 'failed')}`;
    }
  }
  if (outcome.failed > 0) outcome.status = 'failed';
  return outcome;
}
