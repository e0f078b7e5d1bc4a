import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  BONUSES,
  type RunningBonusServer,
  startBonusServer,
} from '../../../src/domain/bonus-server.ts';

let server: RunningBonusServer;
beforeAll(async () => {
  server = await startBonusServer({ port: 0 });
});
afterAll(() => server.close());

async function get(path: string, init?: RequestInit) {
  const res = await fetch(`${server.url}${path}`, init);
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, json: text ? JSON.parse(text) : null };
}

describe('the bonus service', () => {
  test('listens on an ephemeral loopback port', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.port).toBeGreaterThan(0);
  });

  test.each([...BONUSES])('GET /bonus?year=%i answers its price', async (year, price) => {
    const res = await get(`/bonus?year=${year}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.json).toEqual({ year, price });
  });

  test('HEAD answers the headers without a body', async () => {
    const res = await get('/bonus?year=2017', { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
  });

  test.each([
    ['/bonus', 'give exactly one "year" query parameter'],
    ['/bonus?year=2017&year=2018', 'give exactly one "year" query parameter'],
    ['/bonus?year=', '"year" must be an integer, got ""'],
    ['/bonus?year=20x7', '"year" must be an integer, got "20x7"'],
    ['/bonus?year=2017.5', '"year" must be an integer, got "2017.5"'],
    ['/bonus?year=-2017', '"year" must be an integer, got "-2017"'],
    ['/bonus?year=99999', '"year" must be an integer, got "99999"'],
    ['/bonus?year=1800', '"year" must be between 1900 and 2100'],
  ])('%s is a 400 with a JSON error', async (path, error) => {
    const res = await get(path);
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ error });
  });

  test('broken percent-encoding is a 400, not a crash', async () => {
    const res = await get('/bonus?year=%E0%A4%A');
    expect(res.status).toBe(400);
    expect(res.json.error).toMatch(/^"year" must be an integer/);
  });

  test('a year with no bonus is a 404', async () => {
    const res = await get('/bonus?year=1999');
    expect([res.status, res.json]).toEqual([404, { error: 'no bonus known for 1999' }]);
  });

  test('an unknown path is a 404', async () => {
    const res = await get('/salary?year=2017');
    expect([res.status, res.json]).toEqual([404, { error: 'no such path: /salary' }]);
  });

  test.each(['POST', 'PUT', 'DELETE'])('%s is a 405 with Allow', async (method) => {
    const res = await get('/bonus?year=2017', { method });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
    expect(res.json).toEqual({ error: `method ${method} not allowed` });
  });

  test('a malformed request gets a 400 and the service keeps serving', async () => {
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = connect(server.port, '127.0.0.1', () =>
        socket.write('NOT HTTP AT ALL\r\n\r\n'),
      );
      let data = '';
      socket.on('data', (chunk) => {
        data += chunk;
      });
      socket.on('end', () => resolve(data));
      socket.on('error', reject);
    });
    expect(reply).toMatch(/^HTTP\/1\.1 400 Bad Request/);
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
    await expect(startBonusServer({ port: server.port })).rejects.toMatchObject({
      code: 'EADDRINUSE',
    });
  });
});
