/** What the worker runs for an example (prepared by rewrite.ts in the main thread). */

/** The name under which an example's context provides the module's `import()`. */
export const IMPORT_FUNCTION = '__tsdoctest_import__';

export interface Runnable {
  /** The code to run. */
  code: string;
  /** True when the code evaluates to a promise of `{ value }` (the top-level-await form). */
  isAsync: boolean;
}
