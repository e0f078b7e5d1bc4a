import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { requestTarget } from '../support/http.ts';

const run = promisify(execFile);

/** Start `npm run bonus-server -- --port 0` and read the URL it prints. */
async function startCli() {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/cli/bonus-server.ts', '--port', '0'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const lines = createInterface({ input: child.stdout });
  const [first] = (await once(lines, 'line')) as [string];
  const url = first.match(/^bonus service listening on (http:\/\/127\.0\.0\.1:\d+)$/)?.[1];
  return { child, lines, url };
}

describe('npm run bonus-server', () => {
  test.each(['SIGINT', 'SIGTERM'] as const)(
    '--port 0 prints its URL, serves, and stops cleanly on %s',
    async (signal) => {
      const { child, lines, url } = await startCli();
      expect(url).toBeDefined();
      const res = await fetch(`${url}/bonus?year=2017`);
      expect(await res.json()).toEqual({ year: 2017, price: 1 });
      const exited = once(child, 'exit');
      const [last] = (await Promise.all([once(lines, 'line'), child.kill(signal)]))[0] as [string];
      expect(last).toBe(`bonus service stopped (${signal})`);
      expect(await exited).toEqual([0, null]);
    },
  );

  test('GET // once killed the process: now it is a 404, and the process keeps serving', async () => {
    const { child, url = '' } = await startCli();
    try {
      expect((await requestTarget(url, '//')).status).toBe(404);
      expect((await fetch(`${url}/bonus?year=2017`)).status).toBe(200);
    } finally {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  });

  test('a bad port is a usage error with exit 2', async () => {
    const err = await run('npx', ['tsx', 'src/cli/bonus-server.ts', '--port', '70000']).catch(
      (e) => e,
    );
    expect(err.code).toBe(2);
    expect(err.stderr).toContain("option '-p, --port <port>' argument '70000' is invalid.");
  });
});
