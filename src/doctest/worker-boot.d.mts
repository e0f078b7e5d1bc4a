import type { Worker } from 'node:worker_threads';

/** What lets a worker load documented modules itself (see linker.ts). */
export const LINKER_FLAGS: readonly string[];

/**
 * Start a pool worker; its stdout is piped, and must be drained (the pool does).
 * `cacheDir`: where it keeps transpiled modules (see loader-hooks.mjs).
 */
export function startWorker(cacheDir?: string): Worker;
/** Make `.ts` loadable by this worker's own `import()` (once). */
export function registerWorkerHooks(): void;
