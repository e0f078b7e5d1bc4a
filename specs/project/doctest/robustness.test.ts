// tsdoctest against hostile examples (fixtures/doctest/hostile-robust): each fails its own
// example at once, every example is accounted for, and the run ends with a report.
import { spawn, spawnSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, describe, expect, it } from 'vitest';
import type { ExampleResult, Report } from '../../../src/doctest/results.ts';
import { BIN, ROOT, tsdoctest } from './helpers.ts';

const DIR = 'fixtures/doctest/hostile-robust';
const scratch = mkdtempSync(path.join(tmpdir(), 'tsdoctest-robust-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function json(args: string[], env?: NodeJS.ProcessEnv): { status: number | null; report: Report } {
  const result = tsdoctest(['--reporter', 'json', ...args], { env });
  expect(result.stderr).toBe('');
  return { status: result.status, report: JSON.parse(result.stdout) as Report };
}

function examples(report: Report, name: string): ExampleResult[] {
  return report.items.find((i) => i.name === name)?.examples ?? [];
}

const statuses = (report: Report, name: string) => examples(report, name).map((e) => e.status);

/** Wall time of a run in milliseconds, and its result. */
function timed<T>(run: () => T): { ms: number; result: T } {
  const start = performance.now();
  const result = run();
  return { ms: performance.now() - start, result };
}

describe('hard-to-inspect examples fail at once and the comment goes on', () => {
  it('throws whose stack, name or traps throw, and values whose inspect throws', () => {
    const { ms, result } = timed(() => json([`${DIR}/hard-to-inspect.ts`]));
    // The default timeout is 5 s: nothing here waits for it.
    expect(ms).toBeLessThan(5000);
    const shown = examples(result.report, 'hard-to-inspect.hard').map((e) => [
      e.status,
      e.exception,
    ]);
    expect(shown).toEqual([
      ['failed', 'Uncaught Error: a (tsdoctest could not show it in full: Error: no stack)\n'],
      ['failed', 'Uncaught Error (tsdoctest could not show it in full: Error: no name)\n'],
      ['failed', 'Uncaught Proxy (tsdoctest could not show it in full: Error: trap)\n'],
      ['failed', expect.stringMatching(/\nError: cannot show\n$/)],
      ['passed', null],
    ]);
  });

  it('console.log or process.stdout.write made read-only: output is still captured', () => {
    const { report } = json([`${DIR}/read-only-output.ts`]);
    expect(statuses(report, 'read-only-output.readOnlyLog')).toEqual([
      'passed',
      'passed',
      'passed',
    ]);
    expect(statuses(report, 'read-only-output.readOnlyWrite')).toEqual([
      'passed',
      'passed',
      'passed',
    ]);
  });

  it('`then` added to the host’s Object.prototype fails that example, and is removed', () => {
    const { ms, result } = timed(() => json([`${DIR}/host-then.ts`]));
    expect(ms).toBeLessThan(5000);
    const [poison, after] = examples(result.report, 'host-then.hostThen');
    expect(poison?.exception).toMatch(
      /TypeError: the example added `then` to Object.prototype, .*; tsdoctest removed it\n$/,
    );
    expect(after?.status).toBe('passed');
  });
});

describe('every example is accounted for', () => {
  it('after a hang: the hung example fails, the rest of its comment is skipped as not run', () => {
    const { status, report } = json(['--timeout', '1000', `${DIR}/hang-accounting.ts`]);
    expect(status).toBe(1);
    const spin = examples(report, 'hang-accounting.spin');
    expect(spin.map((e) => [e.line, e.status, e.skipReason])).toEqual([
      [4, 'passed', undefined],
      [6, 'failed', undefined],
      [7, 'skipped', 'not run: example at line 6 did not finish'],
      [9, 'skipped', 'not run: example at line 6 did not finish'],
    ]);
    expect(statuses(report, 'hang-accounting.next')).toEqual(['passed']);
    expect([report.attempted, report.failed, report.skipped]).toEqual([3, 1, 2]);
  });

  it('counts them in the text and JUnit reports too', () => {
    const text = tsdoctest(['--timeout', '1000', `${DIR}/hang-accounting.ts`]).stdout;
    expect(text).toContain('***Test Failed*** 1 failure and 2 skipped tests.\n');
    const junit = tsdoctest([
      '--timeout',
      '1000',
      '--reporter',
      'junit',
      `${DIR}/hang-accounting.ts`,
    ]);
    expect(junit.stdout).toContain('tests="5" failures="1" skipped="2"');
    expect(junit.stdout.match(/<skipped message="not run: example at line 6/g)).toHaveLength(2);
  });

  it('a module that calls process.exit as it loads fails each of its examples', () => {
    const { report } = json(['--timeout', '1000', `${DIR}/exit-at-load.ts`]);
    const all = report.items.flatMap((i) => i.examples);
    expect(all.map((e) => e.status)).toEqual(['failed', 'failed', 'failed']);
    expect(all[0]?.exception).toMatch(/SystemExit: process\.exit\(4\) called\n$/);
  });
});

describe('blocking calls end with the timeout', () => {
  it('execSync of a long sleep: stopped with its child within the timeout plus 1 s', () => {
    const pidFile = path.join(scratch, 'sleep.pid');
    const result = json(['--timeout', '1000', `${DIR}/blocking-exec.ts`], {
      SLEEP_PID_FILE: pidFile,
    });
    // From the example's start (its shell writes the pid file) to the end of the run.
    const ms = Date.now() - statSync(pidFile).mtimeMs;
    expect(ms).toBeLessThan(1000 + 1000);
    expect(result.status).toBe(1);
    expect(statuses(result.report, 'blocking-exec.blocking')).toEqual(['failed', 'skipped']);
    expect(statuses(result.report, 'blocking-exec.after')).toEqual(['passed']);
    const sleeper = Number(readFileSync(pidFile, 'utf8'));
    expect(() => process.kill(sleeper, 0)).toThrow(expect.objectContaining({ code: 'ESRCH' }));
  });

  it('reading a standard input that stays open fails that example, and the run ends', async () => {
    const child = spawn(process.execPath, [BIN, '--reporter', 'json', `${DIR}/blocking-stdin.ts`], {
      cwd: ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    try {
      const status = await new Promise((resolve) => child.on('exit', resolve));
      expect(status).toBe(1);
    } finally {
      child.stdin.destroy();
    }
    const report = JSON.parse(stdout) as Report;
    const [read, after] = examples(report, 'blocking-stdin.read');
    expect(read?.exception).toMatch(/Error: EAGAIN: resource temporarily unavailable, read\n$/);
    expect(after?.status).toBe('passed');
  });
});

describe('one file’s doings stay with that file', () => {
  it('a timer that calls process.exit after its file finished fails its own example', () => {
    const { report } = json(['--concurrency', '1', `${DIR}/late-exit`]);
    const [timer] = examples(report, 'a-timer.timer');
    expect([timer?.status, timer?.exception]).toEqual([
      'failed',
      'SystemExit: process.exit(3) called by a callback (a timer, say) this example left\n',
    ]);
    expect(statuses(report, 'b-next.next')).toEqual(['passed']);
  });

  it('built-ins one file replaces are pristine for the next file in the same worker', () => {
    const { status, report } = json(['--concurrency', '1', `${DIR}/builtins`]);
    expect(report.items.map((i) => [i.name, i.failed])).toEqual([
      ['a-replaces.replaces', 0],
      ['b-pristine.pristine', 0],
    ]);
    expect(status).toBe(0);
  });
});

describe('JUnit XML', () => {
  it('stays well-formed with ANSI escapes and U+FFFF in the output, shown as escapes', () => {
    const { stdout } = tsdoctest(['--reporter', 'junit', `${DIR}/junit-chars.ts`]);
    expect(XMLValidator.validate(stdout)).toBe(true);
    // Characters XML 1.0 cannot hold, even as references (the validator does not look).
    expect(stdout).not.toMatch(/[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u);
    expect(stdout).toContain('\\x1b[31mred\\x1b[0m \\uffff end');
  });
});

describe('signals, links and special files', () => {
  it('a signal or abort an example sends its own process fails that example', () => {
    const { report } = json([`${DIR}/signals.ts`]);
    expect(examples(report, 'signals.signals').map((e) => e.exception?.split('\n').at(-2))).toEqual(
      [
        "SystemExit: process.kill(process.pid, 'SIGTERM') called",
        "SystemExit: process.kill(process.pid, 'SIGINT') called",
        "SystemExit: process.kill(process.pid, 'SIGHUP') called",
        "SystemExit: process.kill(0, 'SIGTERM') called",
        'SystemExit: process.abort() called',
        undefined,
      ],
    );
  });

  it('a signal the process receives during an example fails it, and the report is written', () => {
    const { status, report } = json([`${DIR}/signal-from-child.ts`]);
    expect(status).toBe(1);
    expect(examples(report, 'signal-from-child.fromChild')[0]?.exception).toBe(
      'Interrupted: the run received SIGTERM\n',
    );
  });

  it('runs a file reached through symbolic links once', () => {
    const dir = path.join(scratch, 'links');
    mkdirSync(path.join(dir, 'real'), { recursive: true });
    writeFileSync(path.join(dir, 'package.json'), '{ "type": "module" }\n');
    writeFileSync(
      path.join(dir, 'real/one.ts'),
      '/**\n * >>> 1\n * 1\n */\nexport const one = 1;\n',
    );
    symlinkSync('one.ts', path.join(dir, 'real/alias.ts'));
    symlinkSync('real', path.join(dir, 'again'));
    const { report } = json([dir, path.join(dir, 'real/one.ts')]);
    expect(report.items.map((i) => i.file)).toEqual([
      path.relative(ROOT, path.join(dir, 'real/one.ts')),
    ]);
  });

  it('refuses a FIFO on the command line in one line, exit 2', () => {
    const fifo = path.join(scratch, 'pipe.ts');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const result = tsdoctest([fifo]);
    expect([result.status, result.stdout]).toEqual([2, '']);
    expect(result.stderr).toBe(`tsdoctest: cannot read ${fifo}: not a regular file\n`);
  });
});
