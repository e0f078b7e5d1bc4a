import { describe, expect, it, jest } from '@jest/globals';
import { ThirdPartyBonusRestApi } from '../../src/domain/bonus-api.ts';
import { Salary } from '../../src/domain/salary.ts';

describe('Salary with the API class patched for one test', () => {
  it('uses the patched bonusPrice of the client it builds itself', async () => {
    // restoreMocks (in the workshop's Jest config) undoes the spy after the test.
    const bonusPrice = jest
      .spyOn(ThirdPartyBonusRestApi.prototype, 'bonusPrice')
      .mockResolvedValue(1);

    expect(await new Salary({ year: 2017 }).calculationSalary()).toBe(101);
    expect(bonusPrice).toHaveBeenCalledWith(2017);
  });
});
