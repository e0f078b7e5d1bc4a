// Plain JavaScript, so the CLI can start the first pool worker before it has
// loaded tsx itself: the worker boots while the main thread loads the CLI.
import { register } from 'node:module';
import { Worker, workerData } from 'node:worker_threads';

const ROLE = 'tsdoctest-worker';

/** Start a pool worker; its stdout is piped, and must be drained (the pool does). */
export function startWorker() {
  return new Worker(new URL(import.meta.url), { workerData: ROLE, stdout: true, stderr: false });
}

if (workerData === ROLE) {
  // Register tsx, then our hooks (loaded through tsx), then start the worker.
  import('tsx/esm/api').then((tsx) => {
    tsx.register();
    register(new URL('./loader-hooks.ts', import.meta.url));
    return import('./worker.ts');
  });
}
