// The HTTP level, which the Python course does not reach: the real client
// talks to nock instead of a server. Nothing here opens a socket off loopback.
import nock from 'nock';
import { afterEach, describe, expect, test, vi } from 'vitest';
import {
  BonusApiError,
  ConnectionRefusedError,
  ThirdPartyBonusRestApi,
} from '../../../src/domain/bonus-api.ts';
import { Salary } from '../../../src/domain/salary.ts';
import { closedPortUrl } from '../../jest/setup/loopback.ts';

const BASE = 'http://bonus-api.invalid';
const scopes: nock.Scope[] = [];

/** A nock scope for the bonus API, checked for unused interceptors after the test. */
function bonusApi(): nock.Scope {
  const scope = nock(BASE);
  scopes.push(scope);
  return scope;
}

function salaryFor(year: number, timeoutMs?: number): Salary {
  return new Salary({ year, bonusApi: new ThirdPartyBonusRestApi({ baseUrl: BASE, timeoutMs }) });
}

describe('HTTP: nock answers GET /bonus', () => {
  // Inside the describe, so it runs before the shared setup's nock.cleanAll()
  // (Jest runs same-level afterEach hooks in declaration order, setup file first).
  afterEach(() => {
    vi.useRealTimers();
    // Every interceptor a test declared must have been used.
    for (const scope of scopes.splice(0)) expect(scope.pendingMocks()).toEqual([]);
  });

  test('the salary uses the price nock serves for year=2017 [http-intercept-query]', async () => {
    bonusApi().get('/bonus').query({ year: '2017' }).reply(200, { year: 2017, price: 1 });
    expect(await salaryFor(2017).calculationSalary()).toBe(101);
  });

  test('with no base URL and no BONUS_API_URL the client asks http://127.0.0.1:8080', async () => {
    // The literal address, not the exported constant: a test that compares the
    // code with itself cannot notice the constant going wrong.
    vi.stubEnv('BONUS_API_URL', undefined);
    nock('http://127.0.0.1:8080').get('/bonus').query({ year: '2017' }).reply(200, { price: 7 });
    expect(await new ThirdPartyBonusRestApi().bonusPrice(2017)).toBe(7);
  });

  test('trailing slashes on the base URL are dropped', async () => {
    const api = new ThirdPartyBonusRestApi({ baseUrl: `${BASE}///` });
    bonusApi().get('/bonus').query({ year: '2017' }).reply(200, { price: 1 });
    expect(await api.bonusPrice(2017)).toBe(1);
  });

  test('a request for another year does not match the interceptor', async () => {
    const scope = nock(BASE).get('/bonus').query({ year: '2017' }).reply(200, { price: 1 });
    await expect(salaryFor(2018).calculationSalary()).rejects.toThrow(/No match for request/);
    expect(scope.isDone()).toBe(false);
  });

  test('a refused connection from nock and from a closed port give the same result [http-refused-connection]', async () => {
    bonusApi()
      .get('/bonus')
      .query({ year: '2017' })
      .replyWithError({ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' });
    const mocked = new ThirdPartyBonusRestApi({ baseUrl: BASE });
    const fromNock: unknown = await mocked.bonusPrice(2017).catch((e: unknown) => e);
    const closed = new ThirdPartyBonusRestApi({ baseUrl: await closedPortUrl() });
    const fromClosedPort: unknown = await closed.bonusPrice(2017).catch((e: unknown) => e);

    expect(fromNock).toBeInstanceOf(ConnectionRefusedError);
    expect(fromClosedPort).toBeInstanceOf(ConnectionRefusedError);
    bonusApi().get('/bonus').query(true).replyWithError({ code: 'ECONNREFUSED' });
    expect(await salaryFor(2017).calculationSalary()).toBe(100);
    expect(await new Salary({ bonusApi: closed }).calculationSalary()).toBe(100);
  });

  test('a refused connection names the URL and keeps the socket error as its cause', async () => {
    bonusApi()
      .get('/bonus')
      .query(true)
      .replyWithError({ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' });
    await expect(
      new ThirdPartyBonusRestApi({ baseUrl: BASE }).bonusPrice(2017),
    ).rejects.toMatchObject({
      name: 'ConnectionRefusedError',
      message: `connection refused: ${BASE}/bonus?year=2017`,
      cause: expect.objectContaining({ code: 'ECONNREFUSED' }),
    });
  });

  test('a non-2xx answer is a BonusApiError that the salary lets through [http-error-status]', async () => {
    bonusApi().get('/bonus').query(true).reply(503, { error: 'maintenance' });
    const error = await salaryFor(2017)
      .calculationSalary()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BonusApiError);
    // The service's own words stay on the error, for whoever reports it.
    expect(error).toMatchObject({
      status: 503,
      message: expect.stringMatching(/^HTTP 503 /),
      body: '{"error":"maintenance"}',
    });
  });

  test('malformed JSON is a BonusApiError [http-malformed-json]', async () => {
    bonusApi().get('/bonus').query(true).reply(200, '{"price": 1', {
      'Content-Type': 'application/json',
    });
    await expect(salaryFor(2017).calculationSalary()).rejects.toMatchObject({
      name: 'BonusApiError',
      status: 200,
      message: `malformed JSON from ${BASE}/bonus?year=2017: {"price": 1`,
      // The parser's own error stays reachable for whoever debugs it.
      cause: expect.objectContaining({ name: 'SyntaxError' }),
    });
  });

  test('a missing or non-numeric price is a BonusApiError [http-missing-price]', async () => {
    const bodies = ['{"year": 2017}', 'null', '{"price": "1"}', '{"price": 1e999}'];
    for (const body of bodies) {
      bonusApi().get('/bonus').query(true).reply(200, body);
      await expect(salaryFor(2017).calculationSalary()).rejects.toThrow(
        `has no numeric "price": ${body}`,
      );
    }
  });

  test('a long body is cut to its first 80 characters in the message', async () => {
    const long = 'x'.repeat(200);
    bonusApi().get('/bonus').query(true).reply(200, long);
    await expect(salaryFor(2017).calculationSalary()).rejects.toThrow(
      /malformed JSON from .*: x{80}$/,
    );
    bonusApi().get('/bonus').query(true).reply(200, { note: long });
    await expect(salaryFor(2017).calculationSalary()).rejects.toThrow(
      /has no numeric "price": \{"note":"x{71}$/,
    );
  });

  test('a slow answer hits the client timeout without real waiting [http-timeout]', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    // nock's delay runs on real timers; the client's timeout runs on the fake clock.
    bonusApi().get('/bonus').query(true).delay(60_000).reply(200, { price: 1 });
    const pending = salaryFor(2017, 50)
      .calculationSalary()
      .catch((e: unknown) => e);

    await vi.advanceTimersByTimeAsync(50);
    const error = await pending;
    expect(error).toBeInstanceOf(BonusApiError);
    expect((error as Error).message).toBe(`timed out after 50 ms: ${BASE}/bonus?year=2017`);
    // What fetch rejected with when the client aborted it.
    expect((error as Error).cause).toMatchObject({ name: 'AbortError' });
  });

  test('the client clears its timer once the answer is in', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    bonusApi().get('/bonus').query(true).reply(200, { price: 1 });
    expect(await salaryFor(2017, 50).calculationSalary()).toBe(101);
    // A timer left behind would abort nothing, but would keep the process alive.
    expect(vi.getTimerCount()).toBe(0);
  });

  test('an answer that arrives as the timer fires keeps its own error', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    // The response is in hand when the abort timer fires: report the 500, not a timeout.
    vi.spyOn(globalThis, 'fetch').mockImplementation(async () => {
      vi.advanceTimersByTime(50);
      return new Response('{"error": "boom"}', { status: 500, statusText: 'Server Error' });
    });
    await expect(salaryFor(2017, 50).calculationSalary()).rejects.toMatchObject({
      name: 'BonusApiError',
      status: 500,
    });
  });

  test('scope.isDone() tells whether every interceptor was used [http-scope-done]', async () => {
    const scope = nock(BASE)
      .get('/bonus')
      .query({ year: '2016' })
      .reply(200, { price: 2 })
      .get('/bonus')
      .query({ year: '2017' })
      .reply(200, { price: 1 });

    expect(await salaryFor(2017).calculationSalary()).toBe(101);
    expect(scope.isDone()).toBe(false);
    expect(scope.pendingMocks()).toEqual([`GET ${BASE}:80/bonus`]);
    expect(await salaryFor(2016).calculationSalary()).toBe(102);
    expect(scope.isDone()).toBe(true);
  });
});
