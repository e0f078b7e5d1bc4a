/**
 * A pool worker: runs the file jobs the pool sends, beats the shared heartbeat
 * as each example starts and reports each as it ends, so the pool can stop a
 * hung worker and say where.
 */
import { parentPort } from 'node:worker_threads';
import { runFile } from './execute.ts';
import type { WorkerMessage, WorkerRequest } from './protocol.ts';

const port = parentPort;
if (!port) throw new Error('worker.ts runs only as a worker thread');

// A promise an example forgot, or a timer it left behind, must not take the worker down.
process.on('unhandledRejection', () => {});
process.on('uncaughtException', () => {});

const post = (message: WorkerMessage) => port.postMessage(message);

port.on('message', async ({ job, heartbeat }: WorkerRequest) => {
  await runFile(job, {
    onExampleStart: (test, example) => {
      Atomics.store(heartbeat, 0, test);
      Atomics.store(heartbeat, 1, example);
      Atomics.add(heartbeat, 2, 1);
    },
    onExample: (_test, _example, result) => post({ type: 'example', result }),
    onItem: (test) => post({ type: 'item', test }),
  });
  // What an example left for the next tick (a warning, say) is written before the pool
  // hears that the file is done, and may end this worker.
  await new Promise(setImmediate);
  post({ type: 'done' });
});
