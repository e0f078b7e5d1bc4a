import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { BONUSES, startBonusServer } from '../../../src/domain/bonus-server.ts';
import { rawRequest } from '../../jest/setup/loopback.ts';
import { requestTarget } from '../support/http.ts';

const run = promisify(execFile);

/** Start `npm run bonus-server -- --port 0`; its lines are kept, and can be waited for. */
async function startCli() {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/cli/bonus-server.ts', '--port', '0'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const lines: string[] = [];
  const waiters: Array<() => void> = [];
  createInterface({ input: child.stdout }).on('line', (line) => {
    lines.push(line);
    for (const wake of waiters.splice(0)) wake();
  });
  /** The line at `index`, once printed. */
  const line = async (index: number): Promise<string> => {
    while (lines.length <= index) await new Promise<void>((wake) => waiters.push(wake));
    return lines[index] as string;
  };
  const url = (await line(0)).match(
    /^bonus service listening on (http:\/\/127\.0\.0\.1:\d+)$/,
  )?.[1];
  return { child, lines, line, url: url ?? '' };
}

/** One request's log line: method, target, status, milliseconds. */
const logged = (method: string, target: string, status: number) =>
  new RegExp(`^${method} ${target.replace(/[?.]/g, '\\$&')} ${status} \\d+\\.\\d ms$`);

describe('npm run bonus-server', () => {
  test.each(['SIGINT', 'SIGTERM'] as const)(
    '--port 0 prints its URL and one to try, serves, and stops cleanly on %s',
    async (signal) => {
      const { child, line, url } = await startCli();
      expect(url).not.toBe('');
      expect(await line(1)).toBe(`try: curl '${url}/bonus?year=2017'`);
      const res = await fetch(`${url}/bonus?year=2017`);
      expect(await res.json()).toEqual({ year: 2017, price: 1 });
      expect(await line(2)).toMatch(logged('GET', '/bonus?year=2017', 200));
      const exited = once(child, 'exit');
      child.kill(signal);
      expect(await line(3)).toBe(`bonus service stopped (${signal})`);
      expect(await exited).toEqual([0, null]);
    },
  );

  test('logs each request in one line, in order, whatever its answer', async () => {
    const { child, line, lines, url } = await startCli();
    try {
      await fetch(`${url}/bonus?year=1999`);
      await fetch(`${url}/bonus?year=2017`, { method: 'HEAD' });
      await fetch(`${url}/bonus?year=2017`, { method: 'POST' });
      await requestTarget(url, '//');
      // Node answers a target with a control byte itself (400), before the service sees it.
      expect(await rawRequest(Number(new URL(url).port), 'GET /\x1b[2J HTTP/1.1\r\n\r\n')).toMatch(
        /^HTTP\/1\.1 400 Bad Request\r\n/,
      );
      await fetch(`${url}/nothing`);
      expect(await line(6)).toMatch(logged('GET', '/nothing', 404));
      expect(lines.slice(2)).toEqual([
        expect.stringMatching(logged('GET', '/bonus?year=1999', 404)),
        expect.stringMatching(logged('HEAD', '/bonus?year=2017', 200)),
        expect.stringMatching(logged('POST', '/bonus?year=2017', 405)),
        expect.stringMatching(logged('GET', '//', 404)),
        expect.stringMatching(logged('GET', '/nothing', 404)),
      ]);
    } finally {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  });

  test('GET // once killed the process: now it is a 404, and the process keeps serving', async () => {
    const { child, url } = await startCli();
    try {
      expect((await requestTarget(url, '//')).status).toBe(404);
      expect((await fetch(`${url}/bonus?year=2017`)).status).toBe(200);
    } finally {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  });

  test('a bad port is a usage error with exit 2', async () => {
    const err = await run(process.execPath, [
      '--import',
      'tsx',
      'src/cli/bonus-server.ts',
      '--port',
      '70000',
    ]).catch((e) => e);
    expect(err.code).toBe(2);
    expect(err.stderr).toContain("option '-p, --port <port>' argument '70000' is invalid.");
  });
});

// What `npm run salary` reads from a 404: the service's message and the years it knows.
describe('the service on a year it does not know', () => {
  test.each([
    ['its data file', undefined, [...BONUSES.keys()]],
    ['the bonuses it is given', new Map([[2030, 99]]), [2030]],
  ])('lists the years of %s', async (_what, bonuses, years) => {
    const server = await startBonusServer({ port: 0, ...(bonuses ? { bonuses } : {}) });
    try {
      const res = await fetch(`${server.url}/bonus?year=1999`);
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: 'no bonus known for 1999', years });
    } finally {
      await server.close();
    }
  });
});
