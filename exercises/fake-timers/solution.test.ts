import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
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
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => {
    clock = sinon.useFakeTimers();
  });
  afterEach(() => {
    clock.restore();
    sinon.restore();
  });

  it('gives up after 3000 ms when the service takes 10 s', async () => {
    sinon.stub(globalThis, 'fetch').callsFake(slowService(10_000));
    const api = new ThirdPartyBonusRestApi({ baseUrl: 'http://bonus.invalid' });

    const check = expect(api.bonusPrice(2017)).rejects.toMatchObject({
      name: 'BonusApiError',
      message: expect.stringContaining(`timed out after ${DEFAULT_TIMEOUT_MS} ms`),
    });
    // Past the service's answer too: a client that never gives up gets it, and the check
    // fails. Awaiting both together keeps that failure from going unhandled meanwhile.
    await Promise.all([check, clock.tickAsync(11_000)]);
  });
});
