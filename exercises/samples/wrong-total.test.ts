// A test with a wrong expectation: it fails against the correct Salary.
import { expect, it, vi } from 'vitest';
import { Salary } from '../../src/domain/salary.ts';

it('adds the bonus', async () => {
  const bonusPrice = vi.fn().mockResolvedValue(1);
  expect(
    await new Salary({ base: 100, year: 2017, bonusApi: { bonusPrice } }).calculationSalary(),
  ).toBe(102);
});
