import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BonusApiError, ThirdPartyBonusRestApi } from '../../src/domain/bonus-api.ts';

// `.invalid` never resolves, and disableNetConnect makes sure nothing tries.
const BASE = 'http://bonus.invalid';

describe('ThirdPartyBonusRestApi against an intercepted service', () => {
  beforeEach(() => nock.disableNetConnect());
  afterEach(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it('asks for the year in the query string and returns the price', async () => {
    const scope = nock(BASE)
      .get('/bonus')
      .query({ year: '2017' })
      .reply(200, { year: 2017, price: 1 });

    expect(await new ThirdPartyBonusRestApi({ baseUrl: BASE }).bonusPrice(2017)).toBe(1);
    expect(scope.isDone()).toBe(true);
  });

  it('rejects a server error instead of inventing a bonus', async () => {
    nock(BASE).get('/bonus').query({ year: '2017' }).reply(500, { error: 'boom' });

    await expect(new ThirdPartyBonusRestApi({ baseUrl: BASE }).bonusPrice(2017)).rejects.toThrow(
      BonusApiError,
    );
  });
});
