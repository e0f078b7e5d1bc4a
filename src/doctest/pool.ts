/**
 * A pool of worker threads sized to the cores. A worker that stops answering
 * (an example stuck in a loop or a blocking call, which no in-thread timer can
 * interrupt) is stopped with the processes it started; its example fails, the
 * rest of its comment is reported as not run, and the file goes on with the
 * next comment in a fresh worker.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { Worker } from 'node:worker_threads';
import type { DocTest } from './doctest.ts';
import type { FileJob } from './execute.ts';
import { CHECK_MS, type ExamplePlace, startWorker, type WorkerMessage } from './protocol.ts';
import { type ExampleResult, type ItemResult, tally } from './results.ts';

/** How long past its own timeout a worker may stay silent before it is stopped. */
const GRACE_MS = 500;

/** How long past the timeout a module may take to load (a compile under load can take seconds). */
const LOAD_GRACE_MS = 5000;

/** Heartbeat's example while the worker loads the module, before any example starts. */
const LOADING = -1;

/** An example not run because of what happened before it (reported as skipped). */
function notRun(test: DocTest, from: number, why: string): ExampleResult[] {
  return test.examples.slice(from).map((example) => ({
    line: example.line,
    source: example.source,
    want: example.want,
    got: '',
    status: 'skipped',
    exception: null,
    flags: [],
    skipReason: `not run: ${why}`,
  }));
}

function failedExample(test: DocTest, index: number, message: string, job: FileJob) {
  const example = test.examples[index];
  if (!example) return [];
  const result: ExampleResult = {
    line: example.line,
    source: example.source,
    want: example.want,
    got: '',
    status: 'failed',
    exception: `${message}\n`,
    flags: job.flags,
    failure: 'exception',
  };
  return [result];
}

/**
 * End the processes a worker's thread started, and theirs (Linux lists a thread's children
 * in /proc), so that a blocking call waiting for one (`execSync`) returns and the worker stops.
 */
function endChildren(tid: number | undefined): void {
  if (tid === undefined) return;
  const pids: number[] = [];
  const visit = (children: string) => {
    for (const pid of children.split(' ').filter(Boolean).map(Number)) {
      pids.push(pid);
      for (const task of readdirSync(`/proc/${pid}/task`)) {
        visit(readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8'));
      }
    }
  };
  try {
    visit(readFileSync(`/proc/self/task/${tid}/children`, 'utf8'));
  } catch {
    // Not Linux, or a process that ended meanwhile: end those found.
  }
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {}
  }
}

interface Late {
  place: ExamplePlace;
  message: string;
}

export class WorkerPool {
  private idle: Worker[] = [];
  private waiting: ((worker: Worker | undefined) => void)[] = [];
  private all = new Set<Worker>();
  /** Each worker's thread id, and the file it ran last. */
  private threads = new Map<Worker, { tid?: number; file?: string; busy: boolean }>();
  /** Each file's job, by path (to place late failures). */
  private jobs = new Map<string, FileJob>();
  private late: Late[] = [];
  /** Set when the run is interrupted: each running example fails with it, no more run. */
  private interruption: string | undefined;
  private running = new Set<(message: string) => void>();
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
    const thread: { tid?: number; file?: string; busy: boolean } = { busy: false };
    this.threads.set(worker, thread);
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'thread') thread.tid = message.tid;
      else if (message.type === 'late') this.late.push(message);
    });
    // A worker that ends between files (what a timer of its last file did): that file's fault.
    worker.on('exit', (code) => {
      if (thread.busy || !this.all.has(worker)) return;
      if (thread.file !== undefined) {
        const message = `WorkerError: the worker stopped (exit code ${code}) after this file's examples had run`;
        this.late.push({
          place: {
            file: thread.file,
            test: Number.MAX_SAFE_INTEGER,
            example: Number.MAX_SAFE_INTEGER,
          },
          message: `${message}\n`,
        });
      }
      this.all.delete(worker);
      this.idle = this.idle.filter((w) => w !== worker);
      if (this.interruption === undefined) this.release(this.spawn());
    });
    this.all.add(worker);
    return worker;
  }

  private acquire(): Promise<Worker | undefined> {
    if (this.interruption !== undefined) return Promise.resolve(undefined);
    const worker = this.idle.pop();
    if (worker) return Promise.resolve(worker);
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(worker: Worker): void {
    const next = this.waiting.shift();
    if (next) next(worker);
    else this.idle.push(worker);
  }

  /** Stop a worker that hangs or died, and the processes it started. */
  private discard(worker: Worker): void {
    this.all.delete(worker);
    endChildren(this.threads.get(worker)?.tid);
    void worker.terminate();
  }

  /**
   * Run a file's tests; never rejects. A hung or crashed worker becomes a failed example, and
   * every example is accounted for: those that could not run are reported as skipped.
   */
  async run(job: FileJob): Promise<ItemResult[]> {
    this.jobs.set(job.file, job);
    const items: ItemResult[] = [];
    let firstTest = job.firstTest;
    while (firstTest < job.tests.length) {
      const worker = await this.acquire();
      if (!worker) break;
      const thread = this.threads.get(worker);
      if (thread) Object.assign(thread, { busy: true, file: job.file });
      const stopped = await this.runOn(worker, { ...job, firstTest }, items);
      if (thread) thread.busy = false;
      if (!stopped) {
        this.release(worker);
        break;
      }
      this.discard(worker);
      if (this.interruption === undefined) this.release(this.spawn());
      firstTest = stopped.test + 1;
    }
    // Comments not run (an interrupted run) are reported as such; -f leaves them out.
    const why = this.interruption ?? 'its worker stopped before it';
    const rest = job.flags.includes('FAIL_FAST') ? [] : job.tests.slice(job.firstTest);
    for (const test of rest) {
      if (!items.some((item) => item.name === test.name && item.line === test.line)) {
        items.push(
          tally({
            name: test.name,
            file: test.file,
            line: test.line,
            examples: notRun(test, 0, why),
          }),
        );
      }
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
      // The worker beats here (test, example, count) as each example starts: no message per start;
      // and its event loop beats in the last slot while it turns (timers run).
      const heartbeat = new Int32Array(new SharedArrayBuffer(4 * Int32Array.BYTES_PER_ELEMENT));
      heartbeat[0] = job.firstTest;
      heartbeat[1] = LOADING;
      let examples: ExampleResult[] = [];
      let [lastCount, lastTurn] = [0, 0];
      let [lastChange, lastTurnChange] = [Date.now(), Date.now()];
      const loading = () => Atomics.load(heartbeat, 1) === LOADING;
      const watchdog = setInterval(() => {
        const [count, turn, now] = [
          Atomics.load(heartbeat, 2),
          Atomics.load(heartbeat, 3),
          Date.now(),
        ];
        if (turn !== lastTurn) [lastTurn, lastTurnChange] = [turn, now];
        if (count !== lastCount) {
          lastCount = count;
          lastChange = now;
        } else if (
          now - lastChange > this.timeoutMs + (loading() ? LOAD_GRACE_MS : GRACE_MS) &&
          now - lastTurnChange > GRACE_MS
        ) {
          // Past its time, and its event loop stuck (while it turns, the example's own timer
          // ends an example that does not settle, and the comment goes on).
          fail(
            loading()
              ? `TimeoutError: the module did not load within ${this.timeoutMs} ms; its worker was stopped`
              : `TimeoutError: example did not finish within ${this.timeoutMs} ms; its worker was stopped`,
          );
        }
      }, CHECK_MS);
      const finish = (stuck: { test: number } | undefined) => {
        clearInterval(watchdog);
        this.running.delete(fail);
        worker.off('message', onMessage);
        worker.off('error', onFailure);
        worker.off('exit', onFailure);
        resolve(stuck);
      };
      const fail = (message: string) => {
        const current = { test: Atomics.load(heartbeat, 0), example: Atomics.load(heartbeat, 1) };
        if (current.example === LOADING) {
          // A module that does not load fails every example, as one that throws does.
          for (const test of job.tests.slice(current.test)) {
            const all = test.examples.flatMap((_, e) => failedExample(test, e, message, job));
            items.push(tally({ name: test.name, file: test.file, line: test.line, examples: all }));
          }
          finish({ test: job.tests.length });
          return;
        }
        const test = job.tests[current.test];
        if (test) {
          examples.push(...failedExample(test, current.example, message, job));
          const why =
            this.interruption ??
            `example at line ${test.examples[current.example]?.line} did not finish`;
          examples.push(...notRun(test, current.example + 1, why));
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
        } else if (message.type === 'done') {
          finish(undefined);
        }
      };
      const onFailure = (err: unknown) => {
        const detail =
          err instanceof Error ? `${err.name}: ${err.message}` : `exit code ${String(err)}`;
        fail(`WorkerError: the worker running this example stopped (${detail})`);
      };
      this.running.add(fail);
      worker.on('message', onMessage);
      worker.on('error', onFailure);
      worker.on('exit', onFailure);
      worker.postMessage({ job, heartbeat });
    });
  }

  /**
   * Stop the run (a signal came): each running example fails with `message`, and what has not
   * run is reported as not run because of `why`.
   */
  interrupt(message: string, why: string): void {
    if (this.interruption !== undefined) return;
    this.interruption = why;
    for (const fail of [...this.running]) fail(message);
    for (const resolve of this.waiting.splice(0)) resolve(undefined);
  }

  /**
   * `items` with the failures callbacks caused after their examples had ended (a timer's
   * `process.exit`), each on the example that left it, or the file's last.
   */
  withLateFailures(items: ItemResult[]): ItemResult[] {
    const out = [...items];
    for (const { place, message } of this.late) {
      const tests = this.jobs.get(place.file)?.tests ?? [];
      const test = tests[place.test] ?? tests[place.test < 0 ? 0 : tests.length - 1];
      const index = out.findIndex((i) => i.name === test?.name && i.line === test?.line);
      const item = out[index];
      if (!item) continue;
      const e = Math.max(0, Math.min(place.example, item.examples.length - 1));
      const examples = item.examples.map((example, i) =>
        i === e
          ? {
              ...example,
              status: 'failed' as const,
              failure: 'exception' as const,
              got: example.got + message,
              exception: message,
            }
          : example,
      );
      out[index] = tally({ ...item, examples });
    }
    return out;
  }

  async close(): Promise<void> {
    const workers = [...this.all];
    this.all.clear();
    // What an example started and left running ends with the run.
    for (const worker of workers) endChildren(this.threads.get(worker)?.tid);
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
