import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BonusApiError, ThirdPartyBonusRestApi } from '../../src/domain/bonus-api.ts';

const BASE = 'http://bonus.invalid';

describe('ThirdPartyBonusRestApi gives up on a slow service', () => {
  beforeEach(() => {
    nock.disableNetConnect();
    // TODO: fake timers, so the test moves time instead of waiting for it.
  });
  afterEach(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it('rejects with a timeout once timeoutMs has passed, without really waiting', async () => {
    // TODO: delay the reply by 5000 ms and give the client timeoutMs: 100.
    nock(BASE).get('/bonus').query({ year: '2017' }).reply(200, { year: 2017, price: 1 });
    const api = new ThirdPartyBonusRestApi({ baseUrl: BASE });

    // TODO: attach `expect(...).rejects.toThrow(BonusApiError)`, advance the fake clock, await it.
    expect(await api.bonusPrice(2017)).toBe(1);
    void vi;
    void BonusApiError;
  });
});
