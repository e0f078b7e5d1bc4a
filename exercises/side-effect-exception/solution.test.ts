import { describe, expect, it, jest } from '@jest/globals';
import { BonusApiError, ConnectionRefusedError } from '../../src/domain/bonus-api.ts';
import { Salary } from '../../src/domain/salary.ts';

describe('Salary when the bonus API throws', () => {
  it('pays no bonus when the connection is refused', async () => {
    const bonusPrice = jest
      .fn<(year: number) => Promise<number>>()
      .mockRejectedValue(new ConnectionRefusedError('http://bonus.invalid/bonus?year=2017'));
    const salary = new Salary({ base: 100, year: 2017, bonusApi: { bonusPrice } });

    expect(await salary.calculationSalary()).toBe(100);
    expect(bonusPrice).toHaveBeenCalled();
  });

  it('lets a server error through', async () => {
    const bonusPrice = jest
      .fn<(year: number) => Promise<number>>()
      .mockRejectedValue(new BonusApiError('HTTP 500 Internal Server Error', 500));
    const salary = new Salary({ year: 2017, bonusApi: { bonusPrice } });

    await expect(salary.calculationSalary()).rejects.toThrow('HTTP 500');
  });
});
