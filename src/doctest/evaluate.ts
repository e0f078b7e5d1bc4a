/**
 * Run one example and say what came of it: what it printed and showed (its value, as
 * Node's REPL shows it), or what it threw.
 */
import { inspect } from 'node:util';
import type vm from 'node:vm';
import type { Capture } from './capture.ts';
import { compile } from './compile.ts';
import type { Runnable } from './runnable.ts';

export interface Outcome {
  got: string;
  exception: unknown;
  threw: boolean;
}

export interface Run {
  context: vm.Context;
  /** Per-example time limit for synchronous code (in-process runs; workers have the pool's watchdog). */
  syncTimeoutMs: number | undefined;
  timeoutMs: number;
  capture: Capture;
  keepAlive: () => void;
}

export class ExampleTimeout extends Error {
  override name = 'TimeoutError';
}

function settle(value: unknown, ms: number): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(
      () => reject(new ExampleTimeout(`example did not settle within ${ms} ms`)),
      ms,
    );
  });
  return Promise.race([value, timeout]).finally(() => clearTimeout(timer));
}

/**
 * CPython's `_SpoofOut.getvalue`: output that does not end in a newline gets one, since the
 * expected output cannot say that it lacks one (`process.stdout.write('a')` matches `a`).
 */
function withFinalNewline(got: string): string {
  return got === '' || got.endsWith('\n') ? got : `${got}\n`;
}

/**
 * A `then` an example added to the Object.prototype of tsdoctest's own realm would make every
 * object it hands on a thenable that never settles: it is removed, and the example fails.
 * Called as the outcome is returned, before any promise sees it.
 */
function thenless(outcome: Outcome): Outcome {
  if (!Object.hasOwn(Object.prototype, 'then')) return outcome;
  const removed = Reflect.deleteProperty(Object.prototype, 'then');
  const message = `the example added \`then\` to Object.prototype, which makes every object a thenable${removed ? '; tsdoctest removed it' : ''}`;
  return { got: outcome.got, exception: new TypeError(message), threw: true };
}

export async function evaluate(runnable: Runnable, filename: string, run: Run): Promise<Outcome> {
  let value: unknown;
  try {
    run.capture.begin();
    const script = await compile(runnable.code, filename, run.keepAlive);
    value = script.runInContext(run.context, { timeout: run.syncTimeoutMs, displayErrors: false });
    if (runnable.isAsync) {
      value = ((await settle(value, run.timeoutMs)) as { value?: unknown } | undefined)?.value;
    }
  } catch (exception) {
    return thenless({ got: withFinalNewline(run.capture.end()), exception, threw: true });
  }
  const out = run.capture.end();
  let shown: string;
  try {
    shown = value === undefined ? '' : `${inspect(value, { showProxy: true })}\n`;
  } catch (exception) {
    // As CPython's display hook: a value whose showing throws fails with that exception.
    return thenless({ got: withFinalNewline(out), exception, threw: true });
  }
  return thenless({ got: withFinalNewline(out + shown), exception: undefined, threw: false });
}
