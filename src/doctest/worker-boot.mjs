// Plain JavaScript, so the CLI can start the first pool worker before it has
// loaded anything else: the worker boots while the main thread loads the CLI.
import { register } from 'node:module';
import v8 from 'node:v8';
import { Worker, workerData } from 'node:worker_threads';

const ROLE = 'tsdoctest-worker';

/** What lets a worker load documented modules itself (see linker.ts). */
const LINKER_FLAGS = [
  '--experimental-vm-modules',
  '--experimental-import-meta-resolve',
  '--disable-warning=ExperimentalWarning',
];

/**
 * Start a pool worker; its stdout is piped, and must be drained (the pool does).
 * `cacheDir`: where it keeps transpiled modules (see loader-hooks.mjs).
 */
export function startWorker(cacheDir) {
  const url = new URL(import.meta.url);
  const options = { workerData: { role: ROLE, cacheDir }, stdout: true, stderr: false };
  // Under a coverage tool, modules load through the hooks: coverage of vm modules would
  // not be mapped back to their TypeScript.
  if (!process.env.NODE_V8_COVERAGE) {
    try {
      return new Worker(url, { ...options, execArgv: [...process.execArgv, ...LINKER_FLAGS] });
    } catch (error) {
      // A worker takes no options of the whole process (`node --stack-size=...`), given
      // explicitly; it inherits them, and loads modules through the hooks.
      if (error?.code !== 'ERR_WORKER_INVALID_EXEC_ARGV') throw error;
    }
  }
  return new Worker(url, options);
}

/**
 * Node's fetch parses HTTP with a WebAssembly module that V8 optimises in the background,
 * and a worker can only end once that is done: up to 200 ms at the end of a run whose
 * examples fetch. Baseline-compiled WebAssembly is plenty for examples, so the first fetch
 * sets V8's `--liftoff-only`. Not sooner: V8 refuses code caches made under other flags, and
 * Node's own modules load from such caches. Set at start-up, the flag cost each worker about
 * 50 ms to boot, and fetch's own module 45 ms to load.
 */
function baselineWebAssemblyFromFirstFetch() {
  const nodeFetch = globalThis.fetch;
  let flagged = false;
  globalThis.fetch = function fetch(input, init) {
    if (!flagged) {
      flagged = true;
      globalThis.fetch = nodeFetch;
      // Reading `Headers` loads fetch's module, while its code cache still applies.
      void globalThis.Headers;
      v8.setFlagsFromString('--liftoff-only');
    }
    return nodeFetch(input, init);
  };
}

let hooksRegistered = false;

/** Make `.ts` loadable by this worker's own `import()` (once). */
export function registerWorkerHooks() {
  if (hooksRegistered) return;
  hooksRegistered = true;
  register(new URL('./loader-hooks.mjs', import.meta.url), {
    data: { cacheDir: workerData.cacheDir },
  });
}

if (workerData?.role === ROLE) {
  // The bundle (see bundle.mjs) is JavaScript already: the worker's own code loads without
  // hooks, and the worker registers them only if it needs them (see worker.ts).
  if (!globalThis.TSDOCTEST_BUNDLED) registerWorkerHooks();
  baselineWebAssemblyFromFirstFetch();
  import('./worker.ts');
}
