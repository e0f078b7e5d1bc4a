import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BonusApiError, ThirdPartyBonusRestApi } from '../../src/domain/bonus-api.ts';

const BASE = 'http://bonus.invalid';

describe('ThirdPartyBonusRestApi gives up on a slow service', () => {
  beforeEach(() => {
    nock.disableNetConnect();
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it('rejects with a timeout once timeoutMs has passed, without really waiting', async () => {
    nock(BASE)
      .get('/bonus')
      .query({ year: '2017' })
      .delay(5000)
      .reply(200, { year: 2017, price: 1 });
    const api = new ThirdPartyBonusRestApi({ baseUrl: BASE, timeoutMs: 100 });

    let settled = false;
    const check = expect(api.bonusPrice(2017))
      .rejects.toThrow(BonusApiError)
      .finally(() => {
        settled = true;
      });
    // A little past timeoutMs, far short of the reply: a client that honours
    // its timeout has given up by now; one that does not is still waiting.
    await vi.advanceTimersByTimeAsync(200);
    expect(settled).toBe(true);
    await check;
  });
});
