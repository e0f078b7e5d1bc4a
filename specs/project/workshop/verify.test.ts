import { describe, expect, it } from 'vitest';
import { exerciseById } from '../../../src/workshop/exercise-lookup.ts';
import { failureSummary } from '../../../src/workshop/messages.ts';
import { judge } from '../../../src/workshop/verify.ts';
import { variantOutcome } from './variant-outcome.ts';

const ex = exerciseById('sinon-stub');
const run = variantOutcome;
const failing = (variant: string) => run(variant, { status: 'failed', passed: 0, failed: 1 });

describe('judge', () => {
  it('accepts a test that passes on the real code and the wheat, and fails on every chaff', () => {
    const verdict = judge(ex, [run('real'), run('salary-rewritten'), ...ex.chaffs.map(failing)]);
    expect(verdict).toEqual({
      accepted: true,
      reasons: [],
      killed: ex.chaffs,
      survived: [],
      failedWheats: [],
    });
  });

  it('rejects a test that fails on a wheat, whatever it does on the chaffs', () => {
    const wheat = run('salary-rewritten', { status: 'failed', message: 'pins: expected x' });
    const verdict = judge(ex, [run('real'), ...ex.chaffs.map(failing), wheat]);
    expect(verdict).toMatchObject({ accepted: false, failedWheats: ['salary-rewritten'] });
    expect(verdict.reasons).toEqual([
      'your test fails against a correct version written differently (Salary with its bonus lookup in a private method and a renamed helper), so it checks how the code is written, not what it does: pins: expected x',
    ]);
    expect(verdict.killed).toEqual([]);
  });

  it('rejects a test that skips on a wheat what it runs on the real code', () => {
    const skips = run('salary-rewritten', { passed: 0, skipped: 1 });
    const verdict = judge(ex, [run('real'), skips, ...ex.chaffs.map(failing)]);
    expect(verdict.reasons[0]).toMatch(
      /written differently .*: it skips or runs other tests there$/,
    );
  });

  it('names each chaff the test did not notice', () => {
    const verdict = judge(ex, [
      run('real'),
      failing('salary-ignores-bonus'),
      run('salary-wrong-year'),
    ]);
    expect(verdict.accepted).toBe(false);
    expect(verdict.reasons).toEqual([
      "your test did not notice: Salary asks for last year's bonus",
    ]);
    expect(verdict.killed).toEqual(['salary-ignores-bonus']);
    expect(verdict.survived).toEqual(['salary-wrong-year']);
  });

  it('stops at a failure against the real code, naming the subject', () => {
    const real = run('real', {
      status: 'failed',
      failed: 1,
      message: 'adds: expected 100 to be 101',
    });
    const verdict = judge(ex, [real, run('salary-wrong-year')]);
    expect(verdict.reasons).toEqual([
      'your test fails against the correct Salary: adds: expected 100 to be 101',
    ]);
    expect(verdict.survived).toEqual([]);
  });

  it('reports a file that could not be run', () => {
    const real = run('real', { status: 'error', passed: 0, message: 'SyntaxError: x' });
    expect(judge(ex, [real]).reasons).toEqual(['your test file could not be run: SyntaxError: x']);
  });

  it('rejects a file with no finished test, and one that skips tests', () => {
    expect(judge(ex, [run('real', { passed: 0, skipped: 1 })]).reasons).toEqual([
      'your test file has no finished test: write at least one',
    ]);
    const skipping = judge(ex, [run('real', { skipped: 2 })]);
    expect(skipping.accepted).toBe(false);
    expect(skipping.reasons[0]).toMatch(/skips 2 test\(s\)/);
  });

  it('insists the real code comes first', () => {
    expect(() => judge(ex, [failing('salary-wrong-year')])).toThrow(/real code/);
  });
});

describe('failureSummary', () => {
  it('keeps the message, drops colours, stack and code frame', () => {
    const jest =
      '\u001b[31mError: expect(received).toBe(expected)\u001b[39m\n\nExpected: 101\nReceived: 100\n\n    at Object.<anonymous> (a.test.ts:6:39)';
    expect(failureSummary(jest)).toBe(
      'expect(received).toBe(expected) Expected: 101 Received: 100',
    );
    expect(failureSummary('boom\n  4 | const x = ;\n more')).toBe('boom');
  });

  it('turns a compiler code frame into a location', () => {
    const vite =
      'Transform failed: Unexpected token\n ╭─[ /x/a.test.ts:3:17 ]\n │\n 3 │ const total = ;';
    expect(failureSummary(vite)).toBe('Transform failed: Unexpected token (at /x/a.test.ts:3:17)');
    const swc = '  x Expression expected\n   ,-[/x/b.test.ts:3:1]\n 1 | import';
    expect(failureSummary(swc)).toBe('Expression expected (at /x/b.test.ts:3:1)');
  });

  it('shortens a long message', () => {
    const summary = failureSummary('x'.repeat(500), 20);
    expect(summary).toHaveLength(20);
    expect(summary.endsWith('…')).toBe(true);
  });
});
