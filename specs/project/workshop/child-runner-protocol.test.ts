// The runner process's message loop, driven in-process through a fake IPC
// channel and a fake framework runner.
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import {
  type HostReply,
  type HostRequest,
  serve,
} from '../../../src/workshop/child-runner-protocol.ts';
import type { TestRunner, VariantOutcome } from '../../../src/workshop/types.ts';

const passed: VariantOutcome = {
  variant: 'real',
  status: 'passed',
  passed: 1,
  failed: 0,
  skipped: 0,
};

/** A channel like `process` in a forked child: requests in, replies out. */
function channel() {
  const emitter = new EventEmitter();
  const replies: HostReply[] = [];
  const settled = new EventEmitter();
  const ipc = {
    on: (event: 'message', listener: (request: HostRequest) => void) => emitter.on(event, listener),
    send: (reply: HostReply) => {
      replies.push(reply);
      settled.emit(reply.type);
    },
  };
  const request = (message: HostRequest) => emitter.emit('message', message);
  const next = (type: HostReply['type']) => new Promise((resolve) => settled.once(type, resolve));
  return { ipc, replies, request, next };
}

describe('serve', () => {
  it('runs jobs, forwarding progress, then the outcomes; closes on request', async () => {
    const runner: TestRunner = {
      run: vi.fn(async (_jobs, onProgress?: () => void) => {
        onProgress?.();
        onProgress?.();
        return [[passed]];
      }),
      close: vi.fn(async () => {}),
    };
    const { ipc, replies, request, next } = channel();
    serve(ipc, runner);

    const jobs = [
      { file: '/x.test.ts', variants: [{ name: 'real', kind: 'real' as const, patches: {} }] },
    ];
    const closed = next('closed');
    request({ type: 'run', jobs });
    request({ type: 'close' });
    await closed;

    expect(vi.mocked(runner.run).mock.calls[0]?.[0]).toEqual(jobs);
    expect(replies).toEqual([
      { type: 'progress' },
      { type: 'progress' },
      { type: 'result', outcomes: [[passed]] },
      { type: 'closed' },
    ]);
    expect(runner.close).toHaveBeenCalledOnce();
  });

  it("reports a runner's error as a failed run and keeps serving", async () => {
    let calls = 0;
    const runner: TestRunner = {
      run: async () => {
        calls++;
        if (calls === 1) throw new Error('no such project');
        return [[passed]];
      },
      close: async () => {},
    };
    const { ipc, replies, request, next } = channel();
    serve(ipc, runner);

    const second = next('result');
    request({ type: 'run', jobs: [] });
    request({ type: 'run', jobs: [] });
    await second;
    expect(replies).toEqual([
      { type: 'failed', message: 'no such project' },
      { type: 'result', outcomes: [[passed]] },
    ]);
  });
});
