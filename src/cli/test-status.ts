/**
 * What a framework's word for a test's status means: Jest says passed,
 * failed, pending, skipped, todo, disabled or focused, Vitest passed, failed,
 * skipped or pending. Anything not passed or failed did not run to a verdict.
 */
export type TestStatus = 'passed' | 'failed' | 'skipped';

export function testStatus(word: string): TestStatus {
  return word === 'passed' || word === 'failed' ? word : 'skipped';
}
