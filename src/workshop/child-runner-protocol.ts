/**
 * The runner process's side of the workshop's test runs (see
 * child-runner.ts): runs jobs on request and reports progress, results and
 * failures as messages.
 */
import type { RunJob, TestRunner, VariantOutcome } from './types.ts';

/** What the main process asks of the runner process. */
export type HostRequest = { type: 'run'; jobs: RunJob[] } | { type: 'close' };

/** What the runner process answers. */
export type HostReply =
  | { type: 'progress' }
  | { type: 'result'; outcomes: VariantOutcome[][] }
  | { type: 'failed'; message: string }
  | { type: 'closed' };

/** The IPC side of a forked process (`process` itself in the runner). */
export interface Channel {
  on(event: 'message', listener: (request: HostRequest) => void): unknown;
  send?(reply: HostReply): unknown;
}

/** Serve requests with `runner`, one at a time, in arrival order. */
export function serve(channel: Channel, runner: TestRunner): void {
  const reply = (message: HostReply) => channel.send?.(message);
  let queue = Promise.resolve();
  channel.on('message', (request) => {
    queue = queue.then(async () => {
      if (request.type === 'close') {
        await runner.close();
        reply({ type: 'closed' });
        return;
      }
      try {
        const outcomes = await runner.run(request.jobs, () => reply({ type: 'progress' }));
        reply({ type: 'result', outcomes });
      } catch (err) {
        reply({ type: 'failed', message: (err as Error).message });
      }
    });
  });
}
