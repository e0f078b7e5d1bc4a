import { describe, expect, it } from '@jest/globals';
import { ThirdPartyBonusRestApi } from '../../src/domain/bonus-api.ts';
import { Salary } from '../../src/domain/salary.ts';

// SWC hoists `jest.mock` above the imports only when it is called through the
// global `jest`, not one imported from @jest/globals.
declare const jest: typeof import('@jest/globals').jest;

// TODO: automock the whole module of the API client here (jest.mock with its path).

describe('Salary with the whole API class mocked', () => {
  it('builds one client and asks it once for its year', async () => {
    // TODO: program ThirdPartyBonusRestApi.prototype.bonusPrice (jest.mocked) to resolve 1,
    //       then check the total, the number of clients built and the calls.
    expect(jest.isMockFunction(ThirdPartyBonusRestApi)).toBe(false);
    expect(new Salary({ year: 2017 }).bonusApi).toBeInstanceOf(ThirdPartyBonusRestApi);
  });
});
