/**
 * A pool of worker threads sized to the cores. A worker that stops answering
 * (an example stuck in a microtask loop, which no in-thread timer can
 * interrupt) is terminated; its example fails and the file goes on with the
 * next comment in a fresh worker.
 */
import type { Worker } from 'node:worker_threads';
import type { DocTest } from './doctest.ts';
import type { FileJob } from './execute.ts';
import { startWorker, type WorkerMessage } from './protocol.ts';
import { type ExampleResult, type ItemResult, tally } from './results.ts';

/** How long past its own timeout a worker may stay silent before it is stopped. */
const GRACE_MS = 2000;

/** How often the watchdog looks at a worker's heartbeat. */
const CHECK_MS = 100;

export class WorkerPool {
  private idle: Worker[] = [];
  private waiting: ((worker: Worker) => void)[] = [];
  private all = new Set<Worker>();
  private readonly timeoutMs: number;
  private readonly cacheDir: string | undefined;

  /** `cacheDir`: where workers keep transpiled files (none: no caches). */
  constructor(size: number, timeoutMs: number, cacheDir?: string) {
    this.timeoutMs = timeoutMs;
    this.cacheDir = cacheDir;
    while (this.idle.length < size) this.idle.push(this.spawn());
  }

  private spawn(): Worker {
    const worker = startWorker(this.cacheDir);
    // Output an example writes after it has finished must not land inside the report (e.g. JSON).
    worker.stdout.resume();
    this.all.add(worker);
    return worker;
  }

  private acquire(): Promise<Worker> {
    const worker = this.idle.pop();
    if (worker) return Promise.resolve(worker);
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(worker: Worker): void {
    const next = this.waiting.shift();
    if (next) next(worker);
    else this.idle.push(worker);
  }

  private replace(worker: Worker): Worker {
    this.all.delete(worker);
    void worker.terminate();
    return this.spawn();
  }

  /** Run a file's tests; never rejects: a hung or crashed worker becomes a failed example. */
  async run(job: FileJob): Promise<ItemResult[]> {
    const items: ItemResult[] = [];
    let firstTest = job.firstTest;
    while (firstTest < job.tests.length) {
      const worker = await this.acquire();
      const stopped = await this.runOn(worker, { ...job, firstTest }, items);
      if (!stopped) {
        this.release(worker);
        break;
      }
      this.release(this.replace(worker));
      firstTest = stopped.test + 1;
    }
    return items;
  }

  /** Returns where the worker got stuck or died, or undefined when the job completed. */
  private runOn(
    worker: Worker,
    job: FileJob,
    items: ItemResult[],
  ): Promise<{ test: number } | undefined> {
    return new Promise((resolve) => {
      // The worker beats here (test, example, count) as each example starts: no message per start.
      const heartbeat = new Int32Array(new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT));
      heartbeat[0] = job.firstTest;
      let examples: ExampleResult[] = [];
      let lastCount = 0;
      let lastChange = Date.now();
      const watchdog = setInterval(() => {
        const count = Atomics.load(heartbeat, 2);
        if (count !== lastCount) {
          lastCount = count;
          lastChange = Date.now();
        } else if (Date.now() - lastChange > this.timeoutMs + GRACE_MS) {
          fail(
            `TimeoutError: example did not finish within ${this.timeoutMs} ms; its worker was stopped`,
          );
        }
      }, CHECK_MS);
      const finish = (stuck: { test: number } | undefined) => {
        clearInterval(watchdog);
        worker.off('message', onMessage);
        worker.off('error', onFailure);
        worker.off('exit', onFailure);
        resolve(stuck);
      };
      const fail = (message: string) => {
        const current = { test: Atomics.load(heartbeat, 0), example: Atomics.load(heartbeat, 1) };
        const test = job.tests[current.test];
        const example = test?.examples[current.example];
        if (test && example) {
          examples.push({
            line: example.line,
            source: example.source,
            want: example.want,
            got: '',
            status: 'failed',
            exception: `${message}\n`,
            flags: job.flags,
            failure: 'exception',
          });
          items.push(tally({ name: test.name, file: test.file, line: test.line, examples }));
        }
        finish({ test: current.test });
      };
      const onMessage = (message: WorkerMessage) => {
        if (message.type === 'example') {
          examples.push(message.result);
        } else if (message.type === 'item') {
          const test = job.tests[message.test] as DocTest;
          items.push(tally({ name: test.name, file: test.file, line: test.line, examples }));
          examples = [];
          // Until the next example starts, a hang belongs to the next comment.
          Atomics.store(heartbeat, 0, message.test + 1);
          Atomics.store(heartbeat, 1, 0);
        } else {
          finish(undefined);
        }
      };
      const onFailure = (err: unknown) => {
        const detail =
          err instanceof Error ? `${err.name}: ${err.message}` : `exit code ${String(err)}`;
        fail(`WorkerError: the worker running this example stopped (${detail})`);
      };
      worker.on('message', onMessage);
      worker.on('error', onFailure);
      worker.on('exit', onFailure);
      worker.postMessage({ job, heartbeat });
    });
  }

  async close(): Promise<void> {
    await Promise.all([...this.all].map((w) => w.terminate()));
    this.all.clear();
  }
}
