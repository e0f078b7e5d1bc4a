/**
 * Any request target gets an answer from the bonus service, and leaves it
 * serving: checked over generated targets, against the pure rule and against
 * the real server on loopback. fast-check prints the seed of a failing run.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  answer,
  BONUSES,
  type RunningBonusServer,
  startBonusServer,
} from '../../../src/domain/bonus-server.ts';
import { rawRequest } from '../../jest/setup/loopback.ts';

const PROMISED = [200, 400, 404, 405];

/** Pieces that trip URL parsers (authorities, brackets, ports, schemes, encodings), and noise. */
const piece = fc.oneof(
  fc.constantFrom('/', '//', '?', '#', '[', ']', '@', ':', ':99999', '%', '%E0%A4%A', '..', '\\'),
  fc.constantFrom('http:', 'bonus', 'year=', '2017', '&', '*', ' ', '\t', '\0', 'é', '\u{1F600}'),
  fc.string({ unit: 'binary-ascii', maxLength: 6 }),
);
// A line break would end the request line: what follows it is a header, not the target.
const target = fc
  .array(piece, { maxLength: 8 })
  .map((pieces) => pieces.join(''))
  .filter((t) => !/[\r\n]/.test(t));
const method = fc.constantFrom('GET', 'HEAD', 'POST', 'OPTIONS');

test('answer() gives a promised status for any target, and never throws', () => {
  fc.assert(
    fc.property(method, target, (m, t) => {
      expect(PROMISED).toContain(answer(m, t, BONUSES).status);
    }),
    { numRuns: 2_000 },
  );
});

describe('the real service, over raw sockets', () => {
  let server: RunningBonusServer;
  beforeAll(async () => {
    server = await startBonusServer();
  });
  afterAll(() => server.close());

  const statusOf = async (requestLine: string) => {
    const reply = await rawRequest(
      server.port,
      `${requestLine}\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`,
    );
    return Number(/^HTTP\/1\.1 (\d{3}) /.exec(reply)?.[1]);
  };

  test('any request target gets a promised status, and the next good request a 200', async () => {
    await fc.assert(
      fc.asyncProperty(method, target, async (m, t) => {
        expect(PROMISED).toContain(await statusOf(`${m} ${t} HTTP/1.1`));
        expect(await statusOf('GET /bonus?year=2017 HTTP/1.1')).toBe(200);
      }),
      { numRuns: 300 },
    );
  });
});
