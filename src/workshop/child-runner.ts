/**
 * Runs a framework's test runs in a child process (see child-runner-main.mjs)
 * under a watchdog. A learner's test stuck in an endless loop blocks a thread
 * that no timer inside it can interrupt; here only the runner process is
 * stuck, and the CLI kills it once nothing has happened for the time limit.
 * The next run starts a fresh process.
 *
 * The runner process leads a process group of its own, and every process a
 * learner's test started ends with the run (see `endStrays`), so nothing the
 * test left behind can act after the verdict, say, on the state file.
 */
import { type ChildProcess, execFileSync, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { FrameworkName } from '../../specs/jest/setup/lesson-conventions.ts';
import type { HostReply, HostRequest } from './child-runner-protocol.ts';
import type { RunJob, TestRunner, VariantOutcome } from './types.ts';

/** How long a run may go without a test file or test case starting or ending. */
export const DEFAULT_TIME_LIMIT_MS = 15_000;

/**
 * How long a run may take to report its first test file: starting the
 * process and the framework runs no learner code, and on a busy machine it
 * can outlast a short time limit.
 */
const STARTUP_MS = 30_000;

const entry = fileURLToPath(new URL('./child-runner-main.mjs', import.meta.url));

/** A run that made no progress for the time limit; its process was killed. */
export class TimeLimitError extends Error {
  override name = 'TimeLimitError';
  constructor(readonly limitMs: number) {
    super(`the test run made no progress for ${limitMs / 1000} s and was stopped`);
  }
}

/**
 * Kill every process the runner's tests started: its descendants (a child
 * started `detached` leads a group of its own) and whatever is left in its
 * process group (a grandchild whose parent already exited). The frameworks
 * start none of their own here: Vitest runs tests in threads, Jest in band.
 * POSIX only: Windows has no process groups, and there such processes outlive
 * the run.
 */
export function endStrays(runnerPid: number): number[] {
  if (process.platform === 'win32') return [];
  let table: string;
  try {
    table = execFileSync('ps', ['-A', '-o', 'pid=,ppid=,pgid='], { encoding: 'utf8' });
  } catch (err) {
    // Slim container images (node:*-slim) ship without procps.
    const why =
      (err as NodeJS.ErrnoException).code === 'ENOENT'
        ? '`ps` is not installed (Debian, Ubuntu: apt-get install procps)'
        : (err as Error).message;
    throw new Error(`cannot end the processes the test started: ${why}`);
  }
  const rows = table
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number) as [number, number, number]);
  const strays = new Set(rows.filter(([, , pgid]) => pgid === runnerPid).map(([pid]) => pid));
  strays.delete(runnerPid);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, ppid] of rows) {
      if ((ppid === runnerPid || strays.has(ppid)) && !strays.has(pid)) {
        strays.add(pid);
        grew = true;
      }
    }
  }
  for (const pid of strays) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone: it ended between the listing and now.
    }
  }
  return [...strays];
}

export class ChildRunner implements TestRunner {
  private child?: ChildProcess;

  constructor(
    private readonly framework: FrameworkName,
    private readonly timeLimitMs = DEFAULT_TIME_LIMIT_MS,
  ) {}

  /** The runner process, started on first use and again after a hang. */
  private process(): ChildProcess {
    // Not the CLI's tsx loader: the runner process loads TypeScript itself.
    // Detached: a process group of its own, for endStrays.
    this.child ??= fork(entry, [this.framework], { execArgv: [], detached: true });
    return this.child;
  }

  run(jobs: RunJob[], onProgress?: () => void): Promise<VariantOutcome[][]> {
    const child = this.process();
    return new Promise((resolve, reject) => {
      let watchdog: NodeJS.Timeout | undefined;
      /** Reject once the process is gone, killing it if need be. */
      const fail = (err: Error) => {
        // Its own failure says more than a stray error, which the next run meets again.
        settle();
        this.child = undefined;
        if (child.exitCode !== null || child.signalCode !== null) return reject(err);
        child.once('exit', () => reject(err));
        child.kill('SIGKILL');
      };
      const arm = (ms = this.timeLimitMs) => {
        clearTimeout(watchdog);
        watchdog = setTimeout(() => fail(new TimeLimitError(this.timeLimitMs)), ms);
      };
      const onMessage = (reply: HostReply) => {
        if (reply.type === 'progress') {
          arm();
          onProgress?.();
        } else if (reply.type === 'result') {
          const strays = settle();
          if (strays) reject(strays);
          else resolve(reply.outcomes);
        } else if (reply.type === 'failed') {
          reject(settle() ?? new Error(reply.message));
        }
      };
      const onError = (err: Error) => fail(err);
      const onExit = (code: number | null, signal: string | null) =>
        fail(new Error(`the test runner process ended early (${signal ?? code})`));
      /**
       * Stop listening and end the processes the test started, while the
       * runner still lives (a dead one's children lose their parent). Returns
       * the error, if any, instead of throwing it out of an event handler,
       * where it would end the CLI with a stack dump.
       */
      const settle = (): Error | undefined => {
        clearTimeout(watchdog);
        child.off('message', onMessage).off('error', onError).off('exit', onExit);
        try {
          if (child.pid !== undefined) endStrays(child.pid);
        } catch (err) {
          return err as Error;
        }
        return undefined;
      };
      child.on('message', onMessage).on('error', onError).on('exit', onExit);
      arm(Math.max(this.timeLimitMs, STARTUP_MS));
      child.send({ type: 'run', jobs } satisfies HostRequest);
    });
  }

  /** Close the framework instance, then let the process end. */
  async close(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const ended = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.on('message', (reply: HostReply) => reply.type === 'closed' && child.disconnect());
    child.send({ type: 'close' } satisfies HostRequest);
    await ended;
  }
}
