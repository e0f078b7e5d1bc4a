import { describe, expect, it, jest } from '@jest/globals';
import { Salary } from '../../src/domain/salary.ts';

describe('Salary asks the API once, for its own year', () => {
  it('calls bonusPrice exactly once with the year', async () => {
    const bonusPrice = jest.fn(async (_year: number) => 1);
    const salary = new Salary({ year: 2017, bonusApi: { bonusPrice } });

    expect(await salary.calculationSalary()).toBe(101);
    expect(bonusPrice).toHaveBeenCalledTimes(1);
    expect(bonusPrice).toHaveBeenCalledWith(2017);
  });
});
