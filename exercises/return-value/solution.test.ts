import { describe, expect, it, vi } from 'vitest';
import { Salary } from '../../src/domain/salary.ts';

describe('Salary with a stubbed bonus', () => {
  it('adds the bonus the API returns to the base', async () => {
    const bonusPrice = vi.fn().mockResolvedValue(1);
    const salary = new Salary({ base: 100, year: 2017, bonusApi: { bonusPrice } });

    expect(await salary.calculationSalary()).toBe(101);
    expect(bonusPrice).toHaveBeenCalled();
  });
});
