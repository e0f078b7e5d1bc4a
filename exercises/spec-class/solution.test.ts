import { describe, expect, it } from '@jest/globals';
import { ThirdPartyBonusRestApi } from '../../src/domain/bonus-api.ts';
import { Salary } from '../../src/domain/salary.ts';

// SWC hoists `jest.mock` above the imports only when it is called through the
// global `jest`, not one imported from @jest/globals.
declare const jest: typeof import('@jest/globals').jest;

// Automock: the class keeps its shape (like spec=True), every method is a jest.fn.
jest.mock('../../src/domain/bonus-api.ts');

describe('Salary with the whole API class mocked', () => {
  it('builds one client and asks it once for its year', async () => {
    const bonusPrice = jest.mocked(ThirdPartyBonusRestApi.prototype.bonusPrice);
    bonusPrice.mockResolvedValue(1);

    expect(await new Salary({ year: 2017 }).calculationSalary()).toBe(101);
    expect(ThirdPartyBonusRestApi).toHaveBeenCalledTimes(1);
    expect(bonusPrice).toHaveBeenCalledTimes(1);
    expect(bonusPrice).toHaveBeenCalledWith(2017);
  });
});
