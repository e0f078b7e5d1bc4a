/**
 * How the pool starts a worker and what the two say to each other: the one module
 * both sides (pool.ts, worker.ts) import.
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FileJob } from './execute.ts';
import type { ExampleResult } from './results.ts';

/** How often the pool's watchdog looks at a worker's heartbeat, and a worker's event loop beats. */
export const CHECK_MS = 100;

/** What the pool sends a worker: a job, and where to beat as each example starts. */
export interface WorkerRequest {
  job: FileJob;
  heartbeat: Int32Array;
}

/** An example of a job's file (`test` -1: the module itself, as it loaded). */
export interface ExamplePlace {
  file: string;
  test: number;
  example: number;
}

/**
 * What a worker answers: each example as it ends, each comment, then the end of the job; once,
 * its thread's id (whose child processes the pool ends with it); and, at any time, a callback
 * an example left (a timer, say) that tried to end the process, which fails that example.
 */
export type WorkerMessage =
  | { type: 'example'; result: ExampleResult }
  | { type: 'item'; test: number }
  | { type: 'done' }
  | { type: 'thread'; tid: number }
  | { type: 'late'; place: ExamplePlace; message: string };

const HOOKS = JSON.stringify(new URL('./loader-hooks.mjs', import.meta.url).href);
// worker.ts is worker.mjs in the bundle of the command's sources (see bundle.mjs), and
// worker.js in the package's build: the extension of this very module.
const WORKER = JSON.stringify(
  new URL(`./worker${path.extname(new URL(import.meta.url).pathname)}`, import.meta.url).href,
);

/**
 * A worker's first lines. It keeps compiled code as the command does (a worker does not
 * inherit the compile cache), and installs the loader hooks for the documented modules once
 * its own code has loaded without them, except where only they can load worker.ts (Node 20
 * without the bundle).
 */
const BOOT = `
const { cacheDir } = require('node:worker_threads').workerData;
if (cacheDir !== undefined) require('node:module').enableCompileCache?.();
(async () => {
  const hooks = await import(${HOOKS});
  if (!process.features.typescript && ${WORKER}.endsWith('.ts')) hooks.registerLoaderHooks(cacheDir);
  await import(${WORKER});
  hooks.registerLoaderHooks(cacheDir);
})();
`;

/**
 * Start a pool worker; its stdout is piped, and must be drained (the pool does).
 * `cacheDir`: where it keeps transpiled files (none: no caches, compiled code included).
 */
export function startWorker(cacheDir: string | undefined): Worker {
  const workerData = { cacheDir };
  return new Worker(BOOT, { eval: true, workerData, stdout: true, stderr: false });
}
