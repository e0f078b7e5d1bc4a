// The integration counterpart of the mock lessons: the same Salary against
// the real bonus service, started on a free loopback port for this file.
import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals';
import {
  DEFAULT_BONUS_API_URL,
  DEFAULT_TIMEOUT_MS,
  type RunningBonusServer,
  Salary,
  startBonusServer,
  ThirdPartyBonusRestApi,
} from '../../../src/domain/index.ts';
import { HAS_IPV6_LOOPBACK, ipv6Title, rawRequest } from '../setup/loopback.ts';

let server: RunningBonusServer;
beforeAll(async () => {
  server = await startBonusServer({ port: 0 });
});
afterAll(() => server.close());

describe('the real bonus service', () => {
  const savedUrl = process.env.BONUS_API_URL;
  afterEach(() => {
    if (savedUrl === undefined) delete process.env.BONUS_API_URL;
    else process.env.BONUS_API_URL = savedUrl;
  });

  test('the salary for 2017 is 101 with the real service', async () => {
    const salary = new Salary({
      year: 2017,
      bonusApi: new ThirdPartyBonusRestApi({ baseUrl: server.url }),
    });
    expect(await salary.calculationSalary()).toBe(101);
  });

  test('the client reads its base URL from BONUS_API_URL, else the default', async () => {
    process.env.BONUS_API_URL = `${server.url}/`;
    const fromEnv = new ThirdPartyBonusRestApi();
    expect(fromEnv.baseUrl).toBe(server.url);
    expect(await new Salary().calculationSalary()).toBe(101);
    delete process.env.BONUS_API_URL;
    const fallback = new ThirdPartyBonusRestApi();
    expect([fallback.baseUrl, fallback.timeoutMs]).toEqual([
      DEFAULT_BONUS_API_URL,
      DEFAULT_TIMEOUT_MS,
    ]);
  });
});

describe('the bonus service answers every request', () => {
  const get = (path: string, init?: RequestInit) => fetch(`${server.url}${path}`, init);

  test('an unknown year is a 404 and a client error', async () => {
    const api = new ThirdPartyBonusRestApi({ baseUrl: server.url });
    await expect(api.bonusPrice(1999)).rejects.toMatchObject({
      name: 'BonusApiError',
      status: 404,
    });
  });

  test('a bad or missing year is a 400', async () => {
    for (const query of ['?year=abc', '?year=1800', '?year=2017&year=2018', '']) {
      const response = await get(`/bonus${query}`);
      expect([query, response.status]).toEqual([query, 400]);
    }
  });

  test('another path is a 404', async () => {
    const response = await get('/salary?year=2017');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: 'no such path: /salary' });
  });

  test('another method is a 405 that names the allowed ones', async () => {
    const response = await get('/bonus?year=2017', { method: 'POST' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
  });

  test('HEAD has the headers of GET and no body', async () => {
    const response = await get('/bonus?year=2017', { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe(
      String(JSON.stringify({ year: 2017, price: 1 }).length),
    );
    expect(await response.text()).toBe('');
  });

  test('a malformed request line is a 400, and the service keeps running', async () => {
    const reply = await rawRequest(server.port, 'NOT HTTP AT ALL\r\n\r\n');
    expect(reply).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect((await get('/bonus?year=2017')).status).toBe(200);
  });

  test('a busy port is an error, and closing twice is an error', async () => {
    const other = await startBonusServer();
    await expect(startBonusServer({ port: other.port })).rejects.toMatchObject({
      code: 'EADDRINUSE',
    });
    await other.close();
    await expect(other.close()).rejects.toMatchObject({ code: 'ERR_SERVER_NOT_RUNNING' });
  });

  (HAS_IPV6_LOOPBACK ? test : test.skip)(
    ipv6Title('an IPv6 loopback address is bracketed in the URL'),
    async () => {
      const v6 = await startBonusServer({ host: '::1', bonuses: new Map([[2017, 5]]) });
      try {
        expect(v6.url).toBe(`http://[::1]:${v6.port}`);
        expect(await new ThirdPartyBonusRestApi({ baseUrl: v6.url }).bonusPrice(2017)).toBe(5);
      } finally {
        await v6.close();
      }
    },
  );
});
