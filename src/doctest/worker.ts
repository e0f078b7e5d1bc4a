/**
 * A pool worker: runs the file jobs the pool sends and reports each example
 * as it starts and ends, so the pool can stop a hung worker and say where.
 */
import { parentPort } from 'node:worker_threads';
import { type FileJob, runFile } from './execute.ts';
import type { WorkerMessage } from './pool.ts';

const port = parentPort;
if (!port) throw new Error('worker.ts runs only as a worker thread');

process.setSourceMapsEnabled(true);
// A promise an example forgot, or a timer it left behind, must not take the worker down.
process.on('unhandledRejection', () => {});
process.on('uncaughtException', () => {});

const post = (message: WorkerMessage) => port.postMessage(message);

port.on('message', async (job: FileJob) => {
  await runFile(job, {
    onExampleStart: (test, example) => post({ type: 'start', test, example }),
    onExample: (test, example, result) => post({ type: 'example', test, example, result }),
    onItem: (test, item) => post({ type: 'item', test, item }),
  });
  post({ type: 'done' });
});
