import { once } from 'node:events';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  BONUSES,
  type RunningBonusServer,
  startBonusServer,
} from '../../../src/domain/bonus-server.ts';
import { HAS_IPV6_LOOPBACK, ipv6Title, rawRequest } from '../../jest/setup/loopback.ts';
import { requestTarget } from '../support/http.ts';

const JSON_TYPE = 'application/json; charset=utf-8';

let server: RunningBonusServer;

async function get(path: string, init?: RequestInit) {
  const res = await fetch(`${server.url}${path}`, init);
  const text = await res.text();
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    json: text ? JSON.parse(text) : null,
    headers: res.headers,
    text,
  };
}

/** The whole of a JSON error answer: status, type and message. */
const failure = (status: number, error: string) => ({ status, type: JSON_TYPE, json: { error } });

describe('the bonus service', () => {
  // Hooks inside the describe: a hook that throws fails this suite, which Stryker's
  // Vitest runner counts; a file-level hook's failure it would miss.
  beforeAll(async () => {
    server = await startBonusServer({ port: 0 });
  });
  afterAll(() => server.close());

  test('listens on an ephemeral loopback port', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.port).toBeGreaterThan(0);
  });

  test.each([...BONUSES])('GET /bonus?year=%i answers its price', async (year, price) => {
    expect(await get(`/bonus?year=${year}`)).toMatchObject({
      status: 200,
      type: JSON_TYPE,
      json: { year, price },
    });
  });

  test('HEAD answers the headers of GET without a body', async () => {
    const res = await get('/bonus?year=2017', { method: 'HEAD' });
    expect(res).toMatchObject({ status: 200, type: JSON_TYPE, text: '' });
    expect(res.headers.get('content-length')).toBe(
      String(JSON.stringify({ year: 2017, price: 1 }).length),
    );
  });

  test.each([
    ['/bonus', 'give exactly one "year" query parameter'],
    ['/bonus?year=2017&year=2018', 'give exactly one "year" query parameter'],
    ['/bonus?year=', '"year" must be an integer, got ""'],
    ['/bonus?year=20x7', '"year" must be an integer, got "20x7"'],
    ['/bonus?year=x2017', '"year" must be an integer, got "x2017"'],
    ['/bonus?year=2017x', '"year" must be an integer, got "2017x"'],
    ['/bonus?year=2017.5', '"year" must be an integer, got "2017.5"'],
    ['/bonus?year=-2017', '"year" must be an integer, got "-2017"'],
    ['/bonus?year=99999', '"year" must be an integer, got "99999"'],
    ['/bonus?year=7', '"year" must be between 1900 and 2100'],
    ['/bonus?year=1899', '"year" must be between 1900 and 2100'],
    ['/bonus?year=2101', '"year" must be between 1900 and 2100'],
    ['/bonus?year=9999', '"year" must be between 1900 and 2100'],
  ])('%s is a 400 with a JSON error', async (path, error) => {
    expect(await get(path)).toMatchObject(failure(400, error));
  });

  test.each([1900, 2100])('%i is in range: a 404 that lists the known years', async (year) => {
    const res = await get(`/bonus?year=${year}`);
    expect(res).toMatchObject({ status: 404, type: JSON_TYPE });
    expect(res.json).toEqual({ error: `no bonus known for ${year}`, years: [...BONUSES.keys()] });
  });

  test('broken percent-encoding is a 400, not a crash', async () => {
    const res = await get('/bonus?year=%E0%A4%A');
    expect(res.status).toBe(400);
    expect(res.json.error).toMatch(/^"year" must be an integer/);
  });

  test('an unknown path is a 404', async () => {
    expect(await get('/salary?year=2017')).toMatchObject(failure(404, 'no such path: /salary'));
  });

  test.each(['POST', 'PUT', 'DELETE'])('%s is a 405 with Allow', async (method) => {
    const res = await get('/bonus?year=2017', { method });
    expect(res).toMatchObject(failure(405, `method ${method} not allowed`));
    expect(res.headers.get('allow')).toBe('GET, HEAD');
  });

  // Each of these targets once threw from `new URL` and took the process down (here the
  // test's worker catches the throw, and the request waits for an answer: hence the timeout).
  test.each([
    ['//', 404, 'no such path: //'],
    ['//[', 404, 'no such path: //['],
    ['//a:b@', 404, 'no such path: //a:b@'],
    ['//:99999', 404, 'no such path: //:99999'],
    ['http://[', 400, 'the request target must be a path such as /bonus, got "http://["'],
  ])(
    'GET %s is a %i, and the service keeps serving',
    { timeout: 5_000 },
    async (target, status, error) => {
      const res = await requestTarget(server.url, target);
      expect({
        status: res.status,
        type: res.headers['content-type'],
        json: JSON.parse(res.body),
      }).toEqual(failure(status, error));
      expect((await get('/bonus?year=2017')).status).toBe(200);
    },
  );

  test('a target that is not a path (absolute or asterisk form) is a 400', async () => {
    const absolute = await requestTarget(server.url, `${server.url}/bonus?year=2017`);
    expect(JSON.parse(absolute.body)).toEqual({
      error: `the request target must be a path such as /bonus, got "${server.url}/bonus?year=2017"`,
    });
    expect((await requestTarget(server.url, '*', 'OPTIONS')).status).toBe(400);
  });

  test('a malformed request gets a 400 and the service keeps serving', async () => {
    const reply = await rawRequest(server.port, 'NOT HTTP AT ALL\r\n\r\n');
    expect(reply).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect((await get('/bonus?year=2017')).status).toBe(200);
  });

  test('answers 200 concurrent requests, each correctly', async () => {
    const years = Array.from({ length: 200 }, (_, i) => 2015 + (i % 10));
    const answers = await Promise.all(years.map((year) => get(`/bonus?year=${year}`)));
    expect(answers.map((a) => a.json)).toEqual(
      years.map((year) => ({ year, price: BONUSES.get(year) })),
    );
  });
});

describe('startBonusServer', () => {
  test('serves the bonuses it is given', async () => {
    const own = await startBonusServer({ port: 0, bonuses: new Map([[2030, 99]]) });
    try {
      const res = await fetch(`${own.url}/bonus?year=2030`);
      expect(await res.json()).toEqual({ year: 2030, price: 99 });
    } finally {
      await own.close();
    }
  });

  test('rejects when the port is taken', async () => {
    const own = await startBonusServer();
    try {
      await expect(startBonusServer({ port: own.port })).rejects.toMatchObject({
        code: 'EADDRINUSE',
      });
    } finally {
      await own.close();
    }
  });

  test.skipIf(!HAS_IPV6_LOOPBACK)(ipv6Title('an IPv6 host is bracketed in the URL'), async () => {
    const v6 = await startBonusServer({ host: '::1' });
    try {
      expect(v6.url).toBe(`http://[::1]:${v6.port}`);
      expect((await fetch(`${v6.url}/bonus?year=2017`)).status).toBe(200);
    } finally {
      await v6.close();
    }
  });

  test('close stops listening: a later connection is refused, a second close rejects', async () => {
    const own = await startBonusServer();
    await own.close();
    await expect(
      rawRequest(own.port, 'GET /bonus?year=2017 HTTP/1.1\r\n\r\n'),
    ).rejects.toMatchObject({
      code: 'ECONNREFUSED',
    });
    await expect(own.close()).rejects.toMatchObject({ code: 'ERR_SERVER_NOT_RUNNING' });
  });

  // Without closing connections itself, close() would wait for this request to finish.
  test('close ends a request still under way', { timeout: 10_000 }, async () => {
    const own = await startBonusServer();
    const socket = connect(own.port, '127.0.0.1');
    socket.resume();
    await once(socket, 'connect');
    socket.write('GET /bonus?year=2017 HTTP/1.1\r\n');
    // Answered on a second connection, so the server has taken in the first.
    expect((await fetch(`${own.url}/bonus?year=2017`)).status).toBe(200);
    const ended = once(socket, 'end');
    await own.close();
    await ended;
  });
});
