// Starting framework processes: a missing command, a run that never ends, a tool not built.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, test, vi } from 'vitest';
import { childEnv, runProcess } from '../../../src/cli/child-process.ts';
import { finish, RUNNERS } from '../../../src/compare/run/runners.ts';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
});

const opts = { cwd: process.cwd(), env: process.env, timeoutMs: 60_000 };

test('a command that is not installed is reported, not thrown', async () => {
  const result = await runProcess('test-dojo-no-such-command', [], opts);
  expect(result.code).toBe(null);
  expect(result.failure).toBe('test-dojo-no-such-command not found');
});

test('a command that cannot start for another reason says why', async () => {
  // A directory is not executable: spawn fails with EACCES, not ENOENT.
  const result = await runProcess(os.tmpdir(), [], opts);
  expect(result.code).toBe(null);
  expect(result.failure).toMatch(/EACCES/);
});

test('a run that outlives its timeout is killed and says so', async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  const running = runProcess(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], {
    ...opts,
    timeoutMs: 5_000,
  });
  vi.advanceTimersByTime(5_000);
  const result = await running;
  expect(result.failure).toBe('timed out after 5000 ms');
  expect(result.code).toBe(null);
});

test('the child environment drops the parent test run and sets the demo switch only when asked', () => {
  vi.stubEnv('VITEST_POOL_ID', '1');
  vi.stubEnv('TEST_DOJO_DEMO_FAILURES', '1');
  vi.stubEnv('FORCE_COLOR', '3');
  const env = childEnv(false);
  expect(env.VITEST_POOL_ID).toBeUndefined();
  expect(env.TEST_DOJO_DEMO_FAILURES).toBeUndefined();
  expect(env.FORCE_COLOR).toBeUndefined();
  expect(env.NO_COLOR).toBe('1');
  expect(childEnv(true).TEST_DOJO_DEMO_FAILURES).toBe('1');
});

test('a report that cannot be read, or a process that failed, becomes a crashed run', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'compare-finish-'));
  try {
    const file = path.join(dir, 'report.json');
    await writeFile(file, 'not json');
    const base = {
      runner: 'jest' as const,
      column: 'jest' as const,
      command: 'jest',
      available: true,
      exitCode: null,
      wallMs: 0,
      tests: [],
      fileErrors: [],
    };
    const proc = { code: 1, stdout: '', stderr: 'stderr text', ms: 10 };
    const unreadable = await finish(base, proc, file, (text) => JSON.parse(text));
    expect(unreadable.crashed).toMatch(/^unreadable report: .*JSON.*\n\nstderr text$/);
    const failed = await finish(base, { ...proc, failure: 'timed out after 10 ms' }, file, () => {
      throw new Error('not called');
    });
    expect(failed.crashed).toBe('timed out after 10 ms\n\nstderr text');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('tsdoctest not built: its column is not available', async () => {
  const root = await mkdtemp(path.join(os.tmpdir(), 'compare-nobin-'));
  try {
    const runner = RUNNERS.find((r) => r.id === 'tsdoctest');
    const result = await runner?.run(['src/domain/calculation.ts'], {
      root,
      scratch: root,
      demoFailures: false,
      timeoutMs: 60_000,
    });
    expect(result).toMatchObject({
      available: false,
      unavailable: 'src/doctest/bin/tsdoctest.js not found',
    });
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
