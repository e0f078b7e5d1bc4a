// Plain JavaScript, so the CLI can start the first pool worker before it has
// loaded anything else: the worker boots while the main thread loads the CLI.
import diagnostics from 'node:diagnostics_channel';
import { register } from 'node:module';
import v8 from 'node:v8';
import { Worker, workerData } from 'node:worker_threads';

const ROLE = 'tsdoctest-worker';

/** What lets a worker load documented modules itself (see linker.ts). */
export const LINKER_FLAGS = ['--experimental-vm-modules', '--experimental-import-meta-resolve'];

/**
 * Start a pool worker; its stdout is piped, and must be drained (the pool does).
 * `cacheDir`: where it keeps transpiled modules (see loader-hooks.mjs).
 */
export function startWorker(cacheDir) {
  const url = new URL(import.meta.url);
  const options = { stdout: true, stderr: false };
  // Under a coverage tool, modules load through the hooks: coverage of vm modules would
  // not be mapped back to their TypeScript.
  if (!process.env.NODE_V8_COVERAGE) {
    try {
      const execArgv = [...process.execArgv, ...LINKER_FLAGS];
      const workerData = { role: ROLE, cacheDir, linker: true };
      return new Worker(url, { ...options, workerData, execArgv });
    } catch (error) {
      // Node's options for the whole process (`node --stack-size=...`) cannot be passed on
      // to a worker by name: started without `execArgv`, it inherits them, and has no linker.
      if (error?.code !== 'ERR_WORKER_INVALID_EXEC_ARGV') throw error;
    }
  }
  return new Worker(url, { ...options, workerData: { role: ROLE, cacheDir, linker: false } });
}

/**
 * Node's fetch parses HTTP with a WebAssembly module that V8 optimises in the background,
 * and a worker can only end once that is done: up to 200 ms at the end of a run whose
 * examples fetch. Baseline-compiled WebAssembly is plenty for examples, so the first
 * connection fetch opens sets V8's `--liftoff-only`. Not sooner: V8 refuses code caches
 * made under other flags, and Node's own modules load from such caches (set at start-up,
 * the flag cost each worker about 50 ms to boot, and fetch's own module 45 ms to load).
 * The flag holds for the whole process: a worker started after it (to replace a hung
 * one) boots the slower way.
 */
function baselineWebAssemblyFromFirstConnection() {
  const channel = 'undici:client:beforeConnect';
  const onConnect = () => {
    diagnostics.unsubscribe(channel, onConnect);
    v8.setFlagsFromString('--liftoff-only');
  };
  diagnostics.subscribe(channel, onConnect);
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
  baselineWebAssemblyFromFirstConnection();
  import('./worker.ts');
}
