/**
 * A file's `vm` context: Node's globals and the module's top-level bindings,
 * fresh per file so that each file's examples start from pristine built-ins.
 */
import vm from 'node:vm';
import { SCOPE_EXPORT } from './loader-hooks.mjs';

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
 * (see scope.ts and rewrite.ts), in front of the module's bindings, in front of the globals.
 */
export interface FileContext {
  context: vm.Context;
  globals: Record<string, unknown>;
  /** Delete these globals (those an example made by assigning to an undeclared name). */
  remove: (names: string[]) => void;
  /** The context's own TypeError, so that `instanceof TypeError` holds in examples. */
  TypeError: TypeErrorConstructor;
}

export function fileContext(): FileContext {
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
export function globalsKeeper({ globals, remove }: FileContext): () => void {
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
export function installBindings(globals: object, module: Record<string, unknown>): void {
  const bindings = (module[SCOPE_EXPORT] ?? {}) as Record<string, unknown>;
  for (const name of Object.keys(bindings)) {
    Object.defineProperty(globals, name, {
      get: () => bindings[name],
      enumerable: true,
      configurable: true,
    });
  }
}
