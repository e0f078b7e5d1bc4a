// check-all must flag an unsound exercise: a solution that misses a chaff,
// and a starter that would already be accepted.
import { describe, expect, it } from 'vitest';
import { checkAll } from '../../../src/workshop/check-all.ts';
import { exerciseById } from '../../../src/workshop/exercise-lookup.ts';

describe('checkAll on unsound exercises', () => {
  it('reports a surviving chaff and an accepted starter', async () => {
    const base = exerciseById('return-value');
    // The solution never checks the year, so this chaff survives it.
    const missesAChaff = { ...base, chaffs: [...base.chaffs, 'salary-wrong-year'] };
    // With no chaffs, the starter's vacuous assertion would be accepted.
    const noChaffs = { ...base, chaffs: [] };
    const [first, second] = await checkAll([missesAChaff, noChaffs]);

    expect(first?.problems).toEqual([
      "solution rejected: your test did not notice: Salary asks for last year's bonus",
    ]);
    expect(second?.problems).toEqual(['starter accepted: it must be rejected as it stands']);
  }, 120_000);
});
