// Plain JavaScript, so the CLI can start the first pool worker before it has
// loaded anything else: the worker boots while the main thread loads the CLI.
import { register } from 'node:module';
import { Worker, workerData } from 'node:worker_threads';

const ROLE = 'tsdoctest-worker';

/**
 * Start a pool worker; its stdout is piped, and must be drained (the pool does).
 * `cacheDir`: where its loader hooks keep transpiled modules (see loader-hooks.mjs).
 */
export function startWorker(cacheDir) {
  const data = { role: ROLE, cacheDir };
  return new Worker(new URL(import.meta.url), { workerData: data, stdout: true, stderr: false });
}

if (workerData?.role === ROLE) {
  // Our hooks make `.ts` loadable in this thread. Once they are registered, every import
  // goes through their thread; so the bundle (see bundle.mjs), which is JavaScript already,
  // loads the worker's own code first, and only the documented modules take that path.
  const hooks = new URL('./loader-hooks.mjs', import.meta.url);
  const options = { data: { cacheDir: workerData.cacheDir } };
  if (globalThis.TSDOCTEST_BUNDLED) {
    import('./worker.ts').then(() => register(hooks, options));
  } else {
    register(hooks, options);
    import('./worker.ts');
  }
}
