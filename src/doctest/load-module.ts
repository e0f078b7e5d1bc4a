/** Load the module under test, asking the loader hooks to export its top-level bindings too. */
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';
import { SCOPE_PARAM } from './loader-hooks.mjs';

/** The module, or why it did not load (which fails every example of its file). */
export interface Loaded {
  module?: Record<string, unknown>;
  error?: unknown;
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

/** Load the module with its scope export (the names in `scopeNames`). */
export async function loadModule(
  file: string,
  scopeNames: readonly string[],
  importModule: (url: string) => Promise<unknown>,
): Promise<Loaded> {
  const url = `${pathToFileURL(file).href}?${SCOPE_PARAM}=${scopeNames.join(',')}`;
  try {
    return { module: (await importModule(url)) as Record<string, unknown> };
  } catch (error) {
    return { error };
  }
}
