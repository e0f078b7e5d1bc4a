/** What the worker runs for an example (prepared by rewrite.ts in the main thread). */

/** The name under which an example's scope provides the module's `import()`. */
export const IMPORT_FUNCTION = '__tsdoctest_import__';

/** The global through which the running example reaches its comment's scope object. */
export const SCOPE_GLOBAL = '__tsdoctest_scope__';

/** Run `code` with the comment's scope object in front of the globals (lines unchanged). */
export function inScope(code: string): string {
  return `with (${SCOPE_GLOBAL}) { ${code}\n}`;
}

export interface Runnable {
  /** The code to run. */
  code: string;
  /** True when the code evaluates to a promise of `{ value }` (the top-level-await form). */
  isAsync: boolean;
  /** Names the example declares at top level: they live on the comment's scope object. */
  declared: string[];
  /** Those of them declared `const`: read-only once the example has run. */
  constants: string[];
}
