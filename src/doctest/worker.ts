/**
 * A pool worker: runs the file jobs the pool sends, beats the shared heartbeat
 * as each example starts and reports each as it ends, so the pool can stop a
 * hung worker and say where.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { readlinkSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { SystemExit } from './capture.ts';
import { runFile } from './execute.ts';
import { CHECK_MS, type ExamplePlace, type WorkerMessage, type WorkerRequest } from './protocol.ts';

const port = parentPort;
if (!port) throw new Error('worker.ts runs only as a worker thread');

const post = (message: WorkerMessage) => port.postMessage(message);

/** The example running now, or that set the timer (or other callback) running now. */
const owner = new AsyncLocalStorage<ExamplePlace>();

// Ending the process, now or from a timer an example left, fails the example instead: in this
// thread `process.exit` would end the worker, and `abort` or a signal to itself the whole run.
const { kill } = process;
process.exit = ((code?: unknown) => {
  throw new SystemExit(code);
}) as typeof process.exit;
process.abort = () => {
  throw new SystemExit(undefined, 'process.abort()');
};
process.kill = (pid: number, signal: string | number = 'SIGTERM') => {
  if ((pid === process.pid || pid === 0) && signal !== 0) {
    const target = pid === 0 ? '0' : 'process.pid';
    const shown = typeof signal === 'string' ? `'${signal}'` : signal;
    throw new SystemExit(signal, `process.kill(${target}, ${shown})`);
  }
  return kill.call(process, pid, signal);
};

// A promise an example forgot, or a timer it left behind, must not take the worker down; one
// that tried to end the process fails the example that left it.
process.on('unhandledRejection', () => {});
process.on('uncaughtException', (error) => {
  const place = owner.getStore();
  if (error instanceof SystemExit && place) {
    const message = `SystemExit: ${error.message} by a callback (a timer, say) this example left\n`;
    post({ type: 'late', place, message });
  }
});

// Linux names each thread's child processes in /proc (elsewhere the pool cannot end them).
try {
  post({ type: 'thread', tid: Number(readlinkSync('/proc/thread-self').split('/').at(-1)) });
} catch {}

port.on('message', async ({ job, heartbeat }: WorkerRequest) => {
  owner.enterWith({ file: job.file, test: -1, example: 0 });
  // The module's time to load counts from here, not from when the pool sent the job (this
  // worker may have been booting).
  Atomics.add(heartbeat, 2, 1);
  const turning = setInterval(() => Atomics.add(heartbeat, 3, 1), CHECK_MS);
  await runFile(job, {
    onExampleStart: (test, example) => {
      owner.enterWith({ file: job.file, test, example });
      Atomics.store(heartbeat, 0, test);
      Atomics.store(heartbeat, 1, example);
      Atomics.add(heartbeat, 2, 1);
    },
    onExample: (_test, _example, result) => post({ type: 'example', result }),
    onItem: (test) => {
      // Until the next example starts, a hang belongs to the next comment (written here, by
      // the heartbeat's one writer: the pool may read this message after the next beats).
      Atomics.store(heartbeat, 0, test + 1);
      Atomics.store(heartbeat, 1, 0);
      post({ type: 'item', test });
    },
  });
  // What an example left for the next tick (a warning, say) is written before the pool
  // hears that the file is done, and may end this worker.
  await new Promise(setImmediate);
  clearInterval(turning);
  post({ type: 'done' });
});
