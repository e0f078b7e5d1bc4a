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
    // TODO: intercept GET /bonus with the query year=2017 and reply { year: 2017, price: 1 }.
    nock(BASE).get('/bonus').query(true).reply(200, { year: 2017, price: 1 });

    // TODO: expect the exact price.
    expect(await new ThirdPartyBonusRestApi({ baseUrl: BASE }).bonusPrice(2017)).toBeTypeOf('number');
  });

  // TODO: a second test: the service answers 500, the client must reject with BonusApiError.
  it.todo('rejects a server error');
  void BonusApiError;
});
