import { describe, expect, it, jest } from '@jest/globals';
import { BonusApiError, ConnectionRefusedError } from '../../src/domain/bonus-api.ts';
import { Salary } from '../../src/domain/salary.ts';

describe('Salary when the bonus API throws', () => {
  it('pays no bonus when the connection is refused', async () => {
    // TODO: make the stub reject with a ConnectionRefusedError (mockRejectedValue).
    const bonusPrice = jest.fn<(year: number) => Promise<number>>().mockResolvedValue(0);
    const salary = new Salary({ base: 100, year: 2017, bonusApi: { bonusPrice } });

    expect(await salary.calculationSalary()).toBe(100);
  });

  it('lets a server error through', async () => {
    // TODO: reject with new BonusApiError('HTTP 500 Internal Server Error', 500)
    //       and expect calculationSalary() to reject too.
    expect(BonusApiError).toBeDefined();
    expect(ConnectionRefusedError).toBeDefined();
  });
});
