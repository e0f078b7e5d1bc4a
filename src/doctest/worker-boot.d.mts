import type { Worker } from 'node:worker_threads';

/** Start a pool worker; its stdout is piped, and must be drained (the pool does). */
export function startWorker(): Worker;
