import { afterEach, describe, expect, it } from '@jest/globals';
import sinon from 'sinon';
import { DEFAULT_TIMEOUT_MS, ThirdPartyBonusRestApi } from '../../src/domain/bonus-api.ts';

/** A bonus service that answers after `ms`, unless the request is aborted first. */
function slowService(ms: number) {
  return (_url: string | URL | Request, init?: RequestInit) =>
    new Promise<Response>((resolve, reject) => {
      const answer = { ok: true, status: 200, text: async () => '{"year":2017,"price":1}' };
      const timer = setTimeout(() => resolve(answer as Response), ms);
      init?.signal?.addEventListener('abort', () => {
        clearTimeout(timer);
        reject(init.signal?.reason);
      });
    });
}

describe('the default timeout, on a fake clock', () => {
  // TODO: install sinon's fake timers in beforeEach (sinon.useFakeTimers) and restore them after.
  afterEach(() => sinon.restore());

  it('gives up after 3000 ms when the service takes 10 s', async () => {
    // TODO: make the service slow (10_000 ms) and do not pass timeoutMs: the default must apply.
    sinon.stub(globalThis, 'fetch').callsFake(slowService(0));
    const api = new ThirdPartyBonusRestApi({ baseUrl: 'http://bonus.invalid' });

    // TODO: expect a rejection named BonusApiError that mentions DEFAULT_TIMEOUT_MS,
    //       then move the fake clock past the service's answer (clock.tickAsync).
    expect(await api.bonusPrice(2017)).toBe(1);
    void DEFAULT_TIMEOUT_MS;
  });
});
