/**
 * Run one file's doc tests: CPython's `DocTestRunner.run`, in the thread it is
 * called from (a pool worker, or the caller's own thread). Each comment gets a
 * fresh `vm` context whose globals are Node's and the module's top-level
 * bindings; each example is a `vm.Script` in it, so declarations persist from
 * one example to the next within a comment and no further.
 */
import { pathToFileURL } from 'node:url';
import { formatWithOptions, inspect, types } from 'node:util';
import vm from 'node:vm';
import { checkOutput, stripExceptionDetails } from './checker.ts';
import type { DocTest } from './doctest.ts';
import type { Example } from './example.ts';
import { applyChanges, type Flag, type Options, skipReason } from './flags.ts';
import { IMPORT_EXPORT, SCOPE_EXPORT, SCOPE_PARAM } from './loader-hooks.mjs';
import { type ExampleResult, type ItemResult, tally } from './results.ts';
import { IMPORT_FUNCTION, inScope, type Runnable, SCOPE_GLOBAL } from './runnable.ts';
import { exceptionOnly, formatTraceback } from './traceback.ts';

export interface FileJob {
  /** Absolute path of the module. */
  file: string;
  scopeNames: string[];
  /** The doc tests to run (with examples), in report order. */
  tests: DocTest[];
  /** For each test, each example's prepared code. */
  runnables: Runnable[][];
  /** Index of the first test to run (a restarted worker resumes after a hung one). */
  firstTest: number;
  /** Flags given for the whole run (`-o`, `-f`). */
  flags: Flag[];
  timeoutMs: number;
  /**
   * Also stop synchronous code after `timeoutMs` (vm's `timeout`, which costs a thread per
   * example): for in-process runs. In workers, the pool's watchdog stops a stuck worker instead.
   */
  syncTimeout?: boolean;
}

export interface ExecuteHooks {
  /** Called before an example runs (the pool's watchdog listens). */
  onExampleStart?(test: number, example: number): void;
  /** How to import the module (default: this module's own `import()`). */
  importModule?(url: string): Promise<unknown>;
  /** Called when an example has finished. */
  onExample?(test: number, example: number, result: ExampleResult): void;
  /** Called when a test (comment) has finished. */
  onItem?(test: number, item: ItemResult): void;
}

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

export class ExampleTimeout extends Error {
  override name = 'TimeoutError';
}

/** Globals a fresh context lacks that Node code expects (setTimeout, fetch, Buffer, process, ...). */
let hostGlobals: string[] | undefined;
function nodeGlobals(): string[] {
  if (!hostGlobals) {
    const own = new Set(vm.runInNewContext('Object.getOwnPropertyNames(globalThis)') as string[]);
    hostGlobals = Object.getOwnPropertyNames(globalThis).filter(
      (key) => !own.has(key) && key !== 'global' && key !== 'globalThis',
    );
  }
  return hostGlobals;
}

/**
 * A context per file, so that each file's examples start from pristine built-ins (creating
 * one takes about half a millisecond). Each comment gets a scope object in it instead
 * (see rewrite.ts), in front of the module's bindings, in front of the globals.
 */
interface FileContext {
  context: vm.Context;
  globals: Record<string, unknown>;
  /** Delete these globals (those an example made by assigning to an undeclared name). */
  remove: (names: string[]) => void;
  /** The context's own TypeError, so that `instanceof TypeError` holds in examples. */
  TypeError: TypeErrorConstructor;
}

function fileContext(): FileContext {
  const globals: Record<string, unknown> = {};
  // Descriptors, not values: many of Node's globals load their module when first read
  // (fetch's undici, web crypto, streams), which would cost every run ~100 ms.
  for (const key of nodeGlobals()) {
    const descriptor = Object.getOwnPropertyDescriptor(globalThis, key);
    if (descriptor) Object.defineProperty(globals, key, descriptor);
  }
  // V8 gives every context a console of its own that prints nowhere.
  globals.console = console;
  const context = vm.createContext(globals);
  return {
    context,
    globals,
    remove: vm.runInContext('(names) => { for (const k of names) delete globalThis[k]; }', context),
    TypeError: vm.runInContext('TypeError', context),
  };
}

/**
 * What takes away the globals a comment's examples made, in time linear in the comment: the
 * file's globals are listed once, and again only when their count grew.
 */
function globalsKeeper({ globals, remove }: FileContext): () => void {
  const kept = new Set(Object.keys(globals));
  return () => {
    const now = Object.keys(globals);
    if (now.length > kept.size) remove(now.filter((name) => !kept.has(name)));
  };
}

/**
 * Make the module's top-level bindings globals of the context (read live), for one file.
 * Globals, not entries of the comment's scope object: a function called through a `with`
 * object gets that object as `this`, where the module's own code would see `undefined`.
 */
function installBindings(globals: object, module: Record<string, unknown>): void {
  const bindings = (module[SCOPE_EXPORT] ?? {}) as Record<string, unknown>;
  for (const name of Object.keys(bindings)) {
    Object.defineProperty(globals, name, {
      get: () => bindings[name],
      enumerable: true,
      configurable: true,
    });
  }
}

/**
 * Declare an example's names on its comment's scope (shadowing module bindings, as a
 * declaration would). A name declared before keeps its value (`var x` again), unless it
 * was a constant: declaring that again starts a new binding.
 */
function declare(scope: object, names: readonly string[]): void {
  for (const name of names) {
    if (!Object.hasOwn(scope, name) || Object.getOwnPropertyDescriptor(scope, name)?.set) {
      Object.defineProperty(scope, name, {
        value: undefined,
        writable: true,
        enumerable: true,
        configurable: true,
      });
    }
  }
}

/** After its example ran, a `const` keeps its value: assigning to it throws, as in JavaScript. */
function freeze(
  scope: object,
  names: readonly string[],
  ContextTypeError: TypeErrorConstructor,
): void {
  for (const name of names) {
    const value = (scope as Record<string, unknown>)[name];
    Object.defineProperty(scope, name, {
      get: () => value,
      set: () => {
        throw new ContextTypeError('Assignment to constant variable.');
      },
      enumerable: true,
      configurable: true,
    });
  }
}

/** Capture what an example writes to stdout; `process.exit` throws SystemExit meanwhile. */
class Capture {
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

/**
 * Compile the example (its type syntax already blanked out by `stripTypes`); what is left
 * that plain JavaScript does not parse (enums, namespaces, parameter properties) is transpiled.
 */
async function compile(code: string, filename: string, keepAlive: () => void): Promise<vm.Script> {
  try {
    return new vm.Script(inScope(code), { filename });
  } catch (err) {
    if ((err as Error)?.name !== 'SyntaxError') throw err;
    const ts = (await import('./typescript.ts')).typescript();
    // Loading the compiler takes a while: that time is not the example's.
    keepAlive();
    const js = ts.transpileModule(code, {
      compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.Preserve },
      reportDiagnostics: false,
    }).outputText;
    try {
      return new vm.Script(inScope(js), { filename });
    } catch {
      // Report the error of the code as written, not as wrapped.
      new vm.Script(code, { filename });
      throw err;
    }
  }
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

interface Outcome {
  got: string;
  exception: unknown;
  threw: boolean;
}

interface Run {
  context: vm.Context;
  /** Per-example time limit for synchronous code (in-process runs; workers have the pool's watchdog). */
  syncTimeoutMs: number | undefined;
  timeoutMs: number;
  capture: Capture;
  keepAlive: () => void;
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

async function evaluate(runnable: Runnable, filename: string, run: Run): Promise<Outcome> {
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

/**
 * A thrown value's last traceback line, or, where reading it throws (a `name` getter that
 * throws, a Proxy's traps), what can be said without running its code.
 */
function shownThrow(value: unknown): string {
  try {
    return exceptionOnly(value);
  } catch {
    if (types.isProxy(value)) return 'Proxy';
    return types.isNativeError(value) ? 'Error' : typeof value;
  }
}

/** Judge one outcome as CPython's `DocTestRunner.__run` does. */
function judge(
  example: Example,
  outcome: Outcome,
  options: Options,
  filename: string,
): ExampleResult {
  const flags = options.flags;
  const base = { line: example.line, source: example.source, want: example.want, flags };
  if (!outcome.threw) {
    const ok = checkOutput(example.want, outcome.got, flags);
    return {
      ...base,
      got: outcome.got,
      exception: null,
      status: ok ? 'passed' : 'failed',
      ...(ok ? {} : { failure: 'output' as const }),
    };
  }
  const thrown = outcome.exception;
  let traceback: string;
  try {
    traceback = formatTraceback(thrown, filename, example.source);
  } catch (err) {
    traceback = `Uncaught ${shownThrow(thrown)} (tsdoctest could not show it in full: ${shownThrow(err)})\n`;
  }
  const got = outcome.got + traceback;
  const result = { ...base, got, exception: traceback };
  if (example.excMsg === null) return { ...result, status: 'failed', failure: 'exception' };
  const excMsg = `${shownThrow(thrown)}\n`;
  let ok = checkOutput(example.excMsg, excMsg, flags);
  if (!ok && flags.includes('IGNORE_EXCEPTION_DETAIL')) {
    ok = checkOutput(stripExceptionDetails(example.excMsg), stripExceptionDetails(excMsg), flags);
  }
  return ok ? { ...result, status: 'passed' } : { ...result, status: 'failed', failure: 'output' };
}

let mainContextImport: ((url: string) => Promise<unknown>) | undefined;

/**
 * `import()` through Node's own loader (and the loader hooks), even when a test runner
 * rewrites this module's imports (in-process runs under Vitest).
 */
export function nativeImport(url: string): Promise<unknown> {
  mainContextImport ??= new vm.Script('(url) => import(url)', {
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  }).runInThisContext() as (url: string) => Promise<unknown>;
  return mainContextImport(url);
}

/** Load the module with its scope export; a module that fails to load fails every example. */
async function loadModule(
  job: FileJob,
  importModule: (url: string) => Promise<unknown>,
): Promise<{ module?: Record<string, unknown>; error?: unknown }> {
  const url = `${pathToFileURL(job.file).href}?${SCOPE_PARAM}=${job.scopeNames.join(',')}`;
  try {
    return { module: (await importModule(url)) as Record<string, unknown> };
  } catch (error) {
    return { error };
  }
}

/** Run the file's tests from `job.firstTest` on. */
export async function runFile(job: FileJob, hooks: ExecuteHooks = {}): Promise<ItemResult[]> {
  const loaded = await loadModule(job, hooks.importModule ?? ((url) => import(url)));
  const context = fileContext();
  if (loaded.module) installBindings(context.globals, loaded.module);
  return runTests(job, hooks, loaded, context);
}

async function runTests(
  job: FileJob,
  hooks: ExecuteHooks,
  loaded: { module?: Record<string, unknown>; error?: unknown },
  file: FileContext,
): Promise<ItemResult[]> {
  const { context, globals, TypeError: ContextTypeError } = file;
  // The scope's global is there from the start, among the file's own.
  globals[SCOPE_GLOBAL] = undefined;
  const restoreGlobals = globalsKeeper(file);
  const capture = new Capture();
  const items: ItemResult[] = [];
  for (let t = job.firstTest; t < job.tests.length; t++) {
    const test = job.tests[t] as DocTest;
    // A fresh scope per comment; globals an example creates by assignment go with it.
    const scope = Object.create(null) as Record<string, unknown>;
    if (loaded.module) scope[IMPORT_FUNCTION] = loaded.module[IMPORT_EXPORT];
    globals[SCOPE_GLOBAL] = scope;
    const examples: ExampleResult[] = [];
    let failures = 0;
    for (const [e, example] of test.examples.entries()) {
      const options = applyChanges({ flags: job.flags, requiresEnv: [] }, example.changes);
      const reason = skipReason(options, process.env);
      const base = {
        line: example.line,
        source: example.source,
        want: example.want,
        flags: options.flags,
      };
      if (reason) {
        const skipped = {
          ...base,
          got: '',
          exception: null,
          status: 'skipped' as const,
          skipReason: reason,
        };
        examples.push(skipped);
        hooks.onExample?.(t, e, skipped);
        continue;
      }
      hooks.onExampleStart?.(t, e);
      const filename = `<doctest ${test.name}[${e}]>`;
      let outcome: Outcome;
      if (example.error) {
        outcome = {
          got: '',
          exception: Object.assign(new Error(example.error), { name: 'ValueError', stack: '' }),
          threw: true,
        };
      } else if (!loaded.module) {
        outcome = { got: '', exception: loaded.error, threw: true };
      } else {
        const runnable = job.runnables[t]?.[e] ?? {
          code: example.source,
          isAsync: false,
          declared: [],
          constants: [],
        };
        declare(scope, runnable.declared);
        globals[SCOPE_GLOBAL] = scope;
        outcome = await evaluate(runnable, filename, {
          context,
          syncTimeoutMs: job.syncTimeout ? job.timeoutMs : undefined,
          timeoutMs: job.timeoutMs,
          capture,
          keepAlive: () => hooks.onExampleStart?.(t, e),
        });
        freeze(scope, runnable.constants, ContextTypeError);
      }
      const result = judge(example, outcome, options, filename);
      if (result.status === 'failed') failures++;
      examples.push(result);
      hooks.onExample?.(t, e, result);
      // As CPython: after an example that ran, by its own flags, once any example failed.
      if (failures > 0 && options.flags.includes('FAIL_FAST')) break;
    }
    restoreGlobals();
    const item = tally({ name: test.name, file: test.file, line: test.line, examples });
    items.push(item);
    hooks.onItem?.(t, item);
    if (failures > 0 && job.flags.includes('FAIL_FAST')) break;
  }
  return items;
}
