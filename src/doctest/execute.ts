/**
 * Run one file's doc tests: CPython's `DocTestRunner.run`, in the thread it is
 * called from (a pool worker, or the caller's own thread). Each comment gets a
 * fresh `vm` context whose globals are Node's and the module's top-level
 * bindings; each example is a `vm.Script` in it, so declarations persist from
 * one example to the next within a comment and no further.
 *
 * The parts, one concern each: context.ts (the file's context), load-module.ts,
 * scope.ts (each comment's scope), capture.ts (what an example prints),
 * compile.ts, evaluate.ts (one example's outcome) and judge.ts (against what it expects).
 */
import { Capture } from './capture.ts';
import { type FileContext, fileContext, globalsKeeper, installBindings } from './context.ts';
import type { DocTest } from './doctest.ts';
import { evaluate, type Outcome } from './evaluate.ts';
import { applyChanges, type Flag, skipReason } from './flags.ts';
import { judge } from './judge.ts';
import { type Loaded, loadModule } from './load-module.ts';
import { type ExampleResult, type ItemResult, tally } from './results.ts';
import { type Runnable, SCOPE_GLOBAL } from './runnable.ts';
import { commentScope, declare, freeze } from './scope.ts';

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

/** Run the file's tests from `job.firstTest` on. */
export async function runFile(job: FileJob, hooks: ExecuteHooks = {}): Promise<ItemResult[]> {
  const importModule = hooks.importModule ?? ((url) => import(url));
  const loaded = await loadModule(job.file, job.scopeNames, importModule);
  const context = fileContext();
  if (loaded.module) installBindings(context.globals, loaded.module);
  return runTests(job, hooks, loaded, context);
}

async function runTests(
  job: FileJob,
  hooks: ExecuteHooks,
  loaded: Loaded,
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
    const scope = commentScope(loaded.module);
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
