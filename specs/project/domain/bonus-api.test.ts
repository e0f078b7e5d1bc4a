import { afterEach, describe, expect, test, vi } from 'vitest';
import {
  BonusApiError,
  ConnectionRefusedError,
  DEFAULT_BONUS_API_URL,
  DEFAULT_TIMEOUT_MS,
  ThirdPartyBonusRestApi,
} from '../../../src/domain/bonus-api.ts';
import { closedPortUrl, serve, type TestServer } from '../support/http.ts';

let server: TestServer | undefined;
afterEach(async () => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
  await server?.close();
  server = undefined;
});

/** A service that answers every request with this status and body. */
async function answering(status: number, body: string): Promise<ThirdPartyBonusRestApi> {
  server = await serve((_req, res) => {
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(body);
  });
  return new ThirdPartyBonusRestApi({ baseUrl: server.url });
}

describe('base URL', () => {
  test('the option wins over BONUS_API_URL, trailing slashes dropped', () => {
    vi.stubEnv('BONUS_API_URL', 'http://127.0.0.1:7000');
    expect(new ThirdPartyBonusRestApi({ baseUrl: 'http://127.0.0.1:9000//' }).baseUrl).toBe(
      'http://127.0.0.1:9000',
    );
    expect(new ThirdPartyBonusRestApi().baseUrl).toBe('http://127.0.0.1:7000');
  });

  test('falls back to the documented default and timeout', () => {
    vi.stubEnv('BONUS_API_URL', undefined);
    const api = new ThirdPartyBonusRestApi();
    expect(api.baseUrl).toBe(DEFAULT_BONUS_API_URL);
    expect(api.timeoutMs).toBe(DEFAULT_TIMEOUT_MS);
  });
});

describe('bonusPrice', () => {
  test('GETs /bonus?year= and returns the price', async () => {
    const seen: string[] = [];
    server = await serve((req, res) => {
      seen.push(`${req.method} ${req.url}`);
      res.end('{"year": 2019, "price": 8}');
    });
    await expect(
      new ThirdPartyBonusRestApi({ baseUrl: server.url }).bonusPrice(2019),
    ).resolves.toBe(8);
    expect(seen).toEqual(['GET /bonus?year=2019']);
  });

  test('a refused connection is a ConnectionRefusedError keeping the cause', async () => {
    const url = await closedPortUrl();
    const err = await new ThirdPartyBonusRestApi({ baseUrl: url }).bonusPrice(2017).catch((e) => e);
    expect(err).toBeInstanceOf(ConnectionRefusedError);
    expect(err.message).toBe(`connection refused: ${url}/bonus?year=2017`);
    expect(err.cause.cause.code).toBe('ECONNREFUSED');
  });

  test('other network failures propagate untouched', async () => {
    const err = await new ThirdPartyBonusRestApi({ baseUrl: 'http://127.0.0.1:1' })
      .bonusPrice(2017)
      .catch((e) => e);
    expect(err).not.toBeInstanceOf(ConnectionRefusedError);
    expect(err).not.toBeInstanceOf(BonusApiError);
    expect(err.message).toBe('fetch failed');
  });

  test.each([
    [500, '{"error": "boom"}', 'HTTP 500 Internal Server Error from'],
    [404, '{"error": "no bonus"}', 'HTTP 404 Not Found from'],
    [200, 'not json', 'malformed JSON from'],
    [200, '{"year": 2017}', 'has no numeric "price"'],
    [200, '{"price": "1"}', 'has no numeric "price"'],
    [200, 'null', 'has no numeric "price"'],
  ])('status %i with body %s is a BonusApiError', async (status, body, message) => {
    const api = await answering(status, body);
    const err = await api.bonusPrice(2017).catch((e) => e);
    expect(err).toBeInstanceOf(BonusApiError);
    expect(err.status).toBe(status);
    expect(err.message).toContain(message);
  });

  test('a slow answer is aborted and reported as a timeout (fake timers, no waiting)', async () => {
    let arrived: () => void = () => {};
    const requestSeen = new Promise<void>((resolve) => {
      arrived = resolve;
    });
    server = await serve(() => arrived()); // never answers
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const api = new ThirdPartyBonusRestApi({ baseUrl: server.url, timeoutMs: 2500 });
    const pending = api.bonusPrice(2017).catch((e) => e);
    await requestSeen;
    await vi.advanceTimersByTimeAsync(2500);
    const err = await pending;
    expect(err).toBeInstanceOf(BonusApiError);
    expect(err.message).toBe(`timed out after 2500 ms: ${server.url}/bonus?year=2017`);
    expect(err.cause.name).toBe('AbortError');
  });
});
