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

  test('the salary for 2017 is 101 with the real service [http-real-service]', async () => {
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
  /** All of an answer a client relies on: status, type and JSON body. */
  const read = async (response: Response) => ({
    status: response.status,
    type: response.headers.get('content-type'),
    body: await response.json(),
  });
  const jsonError = (status: number, error: string) => ({
    status,
    type: 'application/json; charset=utf-8',
    body: { error },
  });

  test('an unknown year is a 404 and a client error', async () => {
    const api = new ThirdPartyBonusRestApi({ baseUrl: server.url });
    await expect(api.bonusPrice(1999)).rejects.toMatchObject({
      name: 'BonusApiError',
      status: 404,
    });
  });

  // The year pattern is anchored at both ends: x2017 and 2017x are not years.
  test.each([
    ['?year=abc', '"year" must be an integer, got "abc"'],
    ['?year=x2017', '"year" must be an integer, got "x2017"'],
    ['?year=2017x', '"year" must be an integer, got "2017x"'],
    ['?year=1800', '"year" must be between 1900 and 2100'],
    ['?year=2017&year=2018', 'give exactly one "year" query parameter'],
    ['', 'give exactly one "year" query parameter'],
  ])('/bonus%s is a 400 that says what is wrong', async (query, error) => {
    expect(await read(await get(`/bonus${query}`))).toEqual(jsonError(400, error));
  });

  test('another path is a 404', async () => {
    expect(await read(await get('/salary?year=2017'))).toEqual(
      jsonError(404, 'no such path: /salary'),
    );
  });

  test('another method is a 405 that names the allowed ones', async () => {
    const response = await get('/bonus?year=2017', { method: 'POST' });
    expect(response.headers.get('allow')).toBe('GET, HEAD');
    expect(await read(response)).toEqual(jsonError(405, 'method POST not allowed'));
  });

  test('HEAD has the headers of GET and no body', async () => {
    const response = await get('/bonus?year=2017', { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
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

  test('a request target that is not a path is a 400 that quotes it', async () => {
    // fetch always sends a path, so the request line is written by hand.
    const reply = await rawRequest(
      server.port,
      'GET http://example.com/bonus?year=2017 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
    );
    const [head = '', body] = reply.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(head).toMatch(/\r\ncontent-type: application\/json; charset=utf-8\r\n/i);
    expect(JSON.parse(body ?? '')).toEqual({
      error:
        'the request target must be a path such as /bonus, got "http://example.com/bonus?year=2017"',
    });
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
