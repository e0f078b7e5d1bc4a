/**
 * A pool worker: runs the file jobs the pool sends, beats the shared heartbeat
 * as each example starts and reports each as it ends, so the pool can stop a
 * hung worker and say where.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runFile } from './execute.ts';
import { linksAsSource, ModuleLinker, NotLinkable, needsNodeLoader } from './linker.ts';
import { isTypeScript, splitScopeQuery } from './loader-hooks.mjs';
import type { WorkerMessage, WorkerRequest } from './pool.ts';
import { registerWorkerHooks } from './worker-boot.mjs';

const port = parentPort;
if (!port) throw new Error('worker.ts runs only as a worker thread');

process.setSourceMapsEnabled(true);
// A promise an example forgot, or a timer it left behind, must not take the worker down.
process.on('unhandledRejection', () => {});
process.on('uncaughtException', () => {});

const post = (message: WorkerMessage) => port.postMessage(message);

/**
 * Node's own `import()`, with the hooks for what only they load: TypeScript, documented
 * modules, and the project's other code (which may import TypeScript).
 */
function nativeImport(url: string, attributes: Record<string, string> = {}): Promise<object> {
  const { location, names } = splitScopeQuery(url);
  if (names !== null || isTypeScript(location) || needsNodeLoader(location)) registerWorkerHooks();
  return import(url, { with: attributes });
}

// Started without the linker's flags (see worker-boot.mjs), the worker uses the hooks.
const linker = workerData?.linker ? new ModuleLinker(workerData.cacheDir, nativeImport) : undefined;

async function importModule(url: string): Promise<object> {
  if (linker && linksAsSource(url)) {
    try {
      return await linker.import(url);
    } catch (error) {
      if (!(error instanceof NotLinkable)) throw error;
    }
  }
  return nativeImport(url);
}

port.on('message', async ({ job, heartbeat }: WorkerRequest) => {
  await runFile(job, {
    importModule,
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
