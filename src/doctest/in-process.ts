/**
 * Register tsdoctest's loader hooks in this thread, once, for runs
 * that execute examples here instead of in workers (`inProcess`).
 */
import { register } from 'node:module';
import vm from 'node:vm';

let registered = false;

export async function registerHooks(): Promise<void> {
  if (registered) return;
  registered = true;
  register(new URL('./loader-hooks.mjs', import.meta.url).href);
  process.setSourceMapsEnabled(true);
}

/**
 * `import()` through Node's own loader (and the registered hooks), even when
 * a test runner rewrites the caller's imports.
 */
export function nativeImport(
  url: string,
  attributes: Record<string, string> = {},
): Promise<unknown> {
  nativeImporter ??= new vm.Script('(url, attributes) => import(url, { with: attributes })', {
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  }).runInThisContext() as typeof nativeImporter;
  return (nativeImporter as NonNullable<typeof nativeImporter>)(url, attributes);
}

let nativeImporter:
  | ((url: string, attributes: Record<string, string>) => Promise<unknown>)
  | undefined;
