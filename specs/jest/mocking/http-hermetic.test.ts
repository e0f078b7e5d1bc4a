// The shared setup (specs/jest/setup/hermetic.ts) makes every lesson suite
// hermetic. These tests prove it: they aim only at loopback and at host
// names under the reserved `.invalid` domain, so no packet can leave the machine.
import { afterAll, afterEach, beforeAll, describe, expect, jest, test } from '@jest/globals';
import nock from 'nock';
import sinon from 'sinon';
import { ThirdPartyBonusRestApi } from '../../../src/domain/bonus-api.ts';
import { type RunningBonusServer, startBonusServer } from '../../../src/domain/bonus-server.ts';

let server: RunningBonusServer;
beforeAll(async () => {
  server = await startBonusServer({ port: 0 });
});
afterAll(() => server.close());
afterEach(() => {
  jest.useRealTimers();
});

const originalBonusPrice = ThirdPartyBonusRestApi.prototype.bonusPrice;

describe('hermetic by construction', () => {
  test('an unmocked request to a non-loopback host fails at once [http-hermetic]', async () => {
    // Fake timers that never advance: the rejection cannot come from the client's timeout.
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    const api = new ThirdPartyBonusRestApi({ baseUrl: 'http://bonus.invalid' });
    await expect(api.bonusPrice(2017)).rejects.toMatchObject({
      name: 'NetConnectNotAllowedError',
      code: 'ENETUNREACH',
      message: 'Nock: Disallowed net connect for "bonus.invalid:80/bonus?year=2017"',
    });
  });

  test('the loopback allow-list is anchored', async () => {
    const lookalike = new ThirdPartyBonusRestApi({ baseUrl: 'http://127.0.0.1.invalid' });
    await expect(lookalike.bonusPrice(2017)).rejects.toMatchObject({
      name: 'NetConnectNotAllowedError',
    });
  });

  test('loopback stays reachable, by address and as localhost:PORT', async () => {
    const byAddress = new ThirdPartyBonusRestApi({ baseUrl: server.url });
    const byName = new ThirdPartyBonusRestApi({ baseUrl: `http://localhost:${server.port}` });
    expect(nock.isActive()).toBe(true);
    expect(await byAddress.bonusPrice(2017)).toBe(1);
    expect(await byName.bonusPrice(2017)).toBe(1);
  });

  test('a test leaves a stub and an interceptor behind on purpose', () => {
    sinon.stub(ThirdPartyBonusRestApi.prototype, 'bonusPrice').resolves(99);
    nock('http://bonus.invalid').get('/bonus').reply(200, { price: 99 });
    expect(nock.pendingMocks()).toHaveLength(1);
  });

  test('the next test starts clean', () => {
    expect(ThirdPartyBonusRestApi.prototype.bonusPrice).toBe(originalBonusPrice);
    expect(nock.pendingMocks()).toEqual([]);
  });
});
