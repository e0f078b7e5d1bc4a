// ChildRunner's side of the protocol against a fake runner process: what a
// failed run, a process that dies mid-run and closing look like to the CLI.
// (hang.test.ts drives real runner processes.)
import type { ChildProcess } from 'node:child_process';
import * as childProcess from 'node:child_process';
import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChildRunner } from '../../../src/workshop/child-runner.ts';
import type { HostReply, HostRequest } from '../../../src/workshop/child-runner-protocol.ts';

vi.mock('node:child_process', async (importOriginal) => ({
  ...(await importOriginal<typeof childProcess>()),
  fork: vi.fn(),
  execFileSync: vi.fn(),
}));

/** A stand-in for a forked runner process that answers through `reply`. */
class FakeChild extends EventEmitter {
  /** None by default: without one, ChildRunner looks for no stray processes. */
  pid: number | undefined;
  exitCode: number | null = null;
  signalCode: NodeJS.Signals | null = null;
  readonly sent: HostRequest[] = [];
  send(request: HostRequest) {
    this.sent.push(request);
    return true;
  }
  reply(message: HostReply) {
    this.emit('message', message);
  }
  exit(code: number | null, signal: NodeJS.Signals | null = null) {
    this.exitCode = code;
    this.signalCode = signal;
    this.emit('exit', code, signal);
  }
  kill = vi.fn(() => {
    this.exit(null, 'SIGKILL');
    return true;
  });
  disconnect = vi.fn(() => this.exit(0));
}

function fakeChildren(): FakeChild[] {
  const children: FakeChild[] = [];
  vi.mocked(childProcess.fork).mockImplementation(() => {
    const child = new FakeChild();
    children.push(child);
    return child as unknown as ChildProcess;
  });
  return children;
}

afterEach(() => {
  vi.mocked(childProcess.fork).mockReset();
  vi.mocked(childProcess.execFileSync).mockReset();
});

describe('ChildRunner', () => {
  it('passes on progress, resolves with the outcomes, reuses the process', async () => {
    const children = fakeChildren();
    const runner = new ChildRunner('vitest');
    const onProgress = vi.fn();
    const first = runner.run([], onProgress);
    children[0]?.reply({ type: 'progress' });
    children[0]?.reply({ type: 'result', outcomes: [] });
    await expect(first).resolves.toEqual([]);
    expect(onProgress).toHaveBeenCalledOnce();

    const second = runner.run([]);
    children[0]?.reply({ type: 'result', outcomes: [] });
    await expect(second).resolves.toEqual([]);
    expect(children).toHaveLength(1);
    expect(vi.mocked(childProcess.fork).mock.calls[0]?.[1]).toEqual(['vitest']);
  });

  it("rejects with the runner's own error when a run fails", async () => {
    const children = fakeChildren();
    const runner = new ChildRunner('jest');
    const run = runner.run([]);
    children[0]?.reply({ type: 'failed', message: 'no such project' });
    await expect(run).rejects.toThrow('no such project');
  });

  it('rejects in one line, not from an event handler, when it cannot list processes (no `ps`)', async () => {
    const children = fakeChildren();
    vi.mocked(childProcess.execFileSync).mockImplementation(() => {
      throw Object.assign(new Error('spawnSync ps ENOENT'), { code: 'ENOENT' });
    });
    const runner = new ChildRunner('vitest');
    const run = runner.run([]);
    const child = children[0] as FakeChild;
    child.pid = 4_000_000; // above Linux's pid_max: no process has it
    child.reply({ type: 'result', outcomes: [] });
    await expect(run).rejects.toThrow(
      'cannot end the processes the test started: `ps` is not installed (Debian, Ubuntu: apt-get install procps)',
    );
    expect(vi.mocked(childProcess.execFileSync).mock.calls[0]?.[0]).toBe('ps');
  });

  it('rejects when the process dies mid-run, and starts a new one next time', async () => {
    const children = fakeChildren();
    const runner = new ChildRunner('vitest');
    const run = runner.run([]);
    children[0]?.exit(null, 'SIGSEGV');
    await expect(run).rejects.toThrow('the test runner process ended early (SIGSEGV)');

    const next = runner.run([]);
    children[1]?.reply({ type: 'result', outcomes: [] });
    await expect(next).resolves.toEqual([]);
  });

  it('closes by asking the framework to close, then disconnecting', async () => {
    const children = fakeChildren();
    const runner = new ChildRunner('vitest');
    const run = runner.run([]);
    children[0]?.reply({ type: 'result', outcomes: [] });
    await run;
    const closed = runner.close();
    expect(children[0]?.sent.at(-1)).toEqual({ type: 'close' });
    children[0]?.reply({ type: 'closed' });
    await closed;
    expect(children[0]?.disconnect).toHaveBeenCalledOnce();
    await runner.close(); // nothing left to close
  });
});
