import { describe, expect, it, jest } from '@jest/globals';
import { ThirdPartyBonusRestApi } from '../../src/domain/bonus-api.ts';
import { Salary } from '../../src/domain/salary.ts';

describe('Salary with the API class patched for one test', () => {
  it('uses the patched bonusPrice of the client it builds itself', async () => {
    // TODO: patch ThirdPartyBonusRestApi.prototype.bonusPrice with jest.spyOn so it resolves 1.
    //       Without the patch, Salary would call a real service that is not running.

    // TODO: expect the total for 2017, and the argument the patched method received.
    expect(new Salary({ year: 2017 })).toBeInstanceOf(Salary);
  });
});
