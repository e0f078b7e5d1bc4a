// Plain JavaScript, so the CLI can start the first pool worker before it has
// loaded anything else: the worker boots while the main thread loads the CLI.
import { register } from 'node:module';
import { Worker, workerData } from 'node:worker_threads';

const ROLE = 'tsdoctest-worker';

/** Start a pool worker; its stdout is piped, and must be drained (the pool does). */
export function startWorker() {
  return new Worker(new URL(import.meta.url), { workerData: ROLE, stdout: true, stderr: false });
}

if (workerData === ROLE) {
  // Our hooks make `.ts` loadable in this thread, including the worker's own code.
  register(new URL('./loader-hooks.mjs', import.meta.url));
  import('./worker.ts');
}
