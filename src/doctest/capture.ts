/**
 * What an example prints (CPython's `_SpoofOut`): stdout and the console are captured while
 * it runs, and `process.exit` throws SystemExit instead of ending the run.
 */
import { formatWithOptions, inspect } from 'node:util';

/**
 * `process.exit()` inside an example: a failure of that example, as SystemExit is in Python
 * (in a worker, so are `process.abort()` and a signal the example sends its own process).
 */
export class SystemExit extends Error {
  override name = 'SystemExit';
  readonly code: unknown;
  constructor(code: unknown, call = `process.exit(${code === undefined ? '' : inspect(code)})`) {
    super(`${call} called`);
    this.code = code;
  }
}

/** Capture what an example writes to stdout; `process.exit` throws SystemExit meanwhile. */
export class Capture {
  private out: string[] = [];
  /** What the stand-ins replaced: each target's own property (or none) before. */
  private saved: [object, string, PropertyDescriptor | undefined][] = [];

  /**
   * Put the stand-ins in place by defining them (an example may have made a property
   * read-only); throws a readable error, failing the example, where one cannot be replaced.
   */
  begin(): void {
    this.out = [];
    const print = (...args: unknown[]) => {
      this.out.push(`${formatWithOptions({ colors: false }, ...args)}\n`);
    };
    const write = (chunk: unknown, ...rest: unknown[]) => {
      this.out.push(
        typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString(),
      );
      const callback = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
      callback?.();
      return true;
    };
    const dir = (value: unknown, options?: object) => {
      this.out.push(`${inspect(value, { customInspect: false, ...options, colors: false })}\n`);
    };
    const exit = (code?: unknown) => {
      throw new SystemExit(code);
    };
    this.swap(process.stdout, 'write', write, 'process.stdout.write');
    for (const name of ['log', 'info', 'debug'] as const) {
      this.swap(console, name, print, `console.${name}`);
    }
    this.swap(console, 'dir', dir, 'console.dir');
    this.swap(process, 'exit', exit, 'process.exit');
  }

  private swap(target: object, key: string, value: unknown, shown: string): void {
    const before = Object.getOwnPropertyDescriptor(target, key);
    const replaced = Reflect.defineProperty(target, key, {
      value,
      writable: true,
      configurable: true,
      enumerable: before?.enumerable ?? true,
    });
    if (!replaced) throw new TypeError(`tsdoctest cannot capture output: ${shown} is read-only`);
    this.saved.push([target, key, before]);
  }

  /** What the example printed; puts back what `begin` replaced, as far as it can. */
  end(): string {
    for (const [target, key, before] of this.saved.reverse()) {
      if (before) Reflect.defineProperty(target, key, before);
      else Reflect.deleteProperty(target, key);
    }
    this.saved = [];
    return this.out.join('');
  }
}
