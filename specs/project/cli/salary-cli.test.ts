import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { BONUSES, startBonusServer } from '../../../src/domain/bonus-server.ts';
import { closedPortUrl, serve } from '../support/http.ts';

const run = promisify(execFile);

/** Run `src/cli/salary.ts ...args` under tsx and collect what it says (node itself: npx costs a second). */
async function salary(args: string[], env: Record<string, string | undefined> = {}) {
  const childEnv = { ...process.env, BONUS_API_URL: undefined, NO_COLOR: '1', ...env };
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', 'src/cli/salary.ts', ...args],
      {
        env: childEnv as NodeJS.ProcessEnv,
      },
    );
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('npm run salary', () => {
  test('embeds the bonus service when no API is configured', async () => {
    const res = await salary(['--year', '2019', '--base', '200']);
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(
      /^bonus API: http:\/\/127\.0\.0\.1:\d+ \(embedded bonus service\)$/m,
    );
    expect(res.stdout).toContain('salary for 2019: 208 (base 200 + bonus 8)');
  });

  test('uses --api, and BONUS_API_URL when --api is absent', async () => {
    const server = await startBonusServer({ port: 0 });
    try {
      const viaFlag = await salary(['--api', server.url]);
      expect(viaFlag.stdout).toContain(`bonus API: ${server.url}\n`);
      expect(viaFlag.stdout).toContain('salary for 2017: 101');
      const viaEnv = await salary(['--year', '2018'], { BONUS_API_URL: server.url });
      expect(viaEnv.stdout).toContain(`bonus API: ${server.url}\n`);
      expect(viaEnv.stdout).toContain('salary for 2018: 105');
    } finally {
      await server.close();
    }
  });

  test('an unreachable API is named, and the bonus falls back to 0', async () => {
    const res = await salary(['--api', await closedPortUrl()]);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('bonus API unreachable (connection refused): bonus counted as 0');
    expect(res.stdout).toContain('salary for 2017: 100 (base 100 + bonus 0)');
  });

  test('a year the service does not know: its message and the years it knows, exit 1', async () => {
    const res = await salary(['--year', '1999']);
    expect(res.code).toBe(1);
    expect(res.stderr).toBe(
      `salary: no bonus for 1999: no bonus known for 1999; known years: ${[...BONUSES.keys()].join(', ')}\n`,
    );
  });

  /** `npm run salary` against a service that answers every request with `status` and `body`. */
  async function against(status: number, body: string) {
    const service = await serve((_req, res) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(body);
    });
    try {
      return await salary(['--api', service.url, '--year', '2017']);
    } finally {
      await service.close();
    }
  }

  test.each([
    ['with a message and no years', '{"error": "nope"}', 'nope'],
    [
      'whose years are not all years',
      '{"error": "nope", "years": [2016, "x", 2.5, null, 2018]}',
      'nope; known years: 2016, 2018',
    ],
    ['with an empty list of years', '{"error": "nope", "years": []}', 'nope'],
    ['with control characters', '{"error": "no\\u001b[2J bonus\\u009b"}', 'no\\x1b[2J bonus\\x9b'],
    ['that is not JSON', '<h1>Not Found</h1>', 'HTTP 404 Not Found from http://127.0.0.1:'],
    ['that is JSON null', 'null', 'HTTP 404 Not Found from http://127.0.0.1:'],
  ])("another service's 404 %s: what it said, as far as it said it", async (_what, body, said) => {
    const res = await against(404, body);
    expect(res.code).toBe(1);
    expect(res.stderr.startsWith(`salary: no bonus for 2017: ${said}`)).toBe(true);
    expect(res.stderr.split('\n')).toHaveLength(2); // one line
  });

  test('an API error other than a refused connection or a 404 fails with exit 1', async () => {
    const res = await against(500, '{"error": "down"}');
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(
      /^salary: the bonus API failed: HTTP 500 Internal Server Error from http:\/\/127\.0\.0\.1:\d+\/bonus\?year=2017\n$/,
    );
  });

  test.each([
    [['--year', 'abc'], "option '--year <year>' argument 'abc' is invalid. not an integer."],
    [['--year', '3000'], 'must be between 1900 and 2100.'],
    [['--base', 'lots'], 'not a number.'],
    [['--api', 'ftp://x.invalid'], 'must be an http:// or https:// URL.'],
    [['--bogus'], "unknown option '--bogus'"],
  ])('bad arguments %j: usage message and exit 2', async (args, message) => {
    const res = await salary(args);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain(message);
    expect(res.stderr).toContain('(run with --help for usage)');
    expect(res.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
});
