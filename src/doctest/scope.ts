/**
 * Each comment's scope object: what its examples declare lives there, in front of the
 * module's bindings (see rewrite.ts for how the examples reach it), and goes with the comment.
 */
import { IMPORT_EXPORT } from './loader-hooks.mjs';
import { IMPORT_FUNCTION } from './runnable.ts';

/** A fresh scope for one comment, with the module's `import()` when the module loaded. */
export function commentScope(module: Record<string, unknown> | undefined): Record<string, unknown> {
  const scope = Object.create(null) as Record<string, unknown>;
  if (module) scope[IMPORT_FUNCTION] = module[IMPORT_EXPORT];
  return scope;
}

/**
 * Declare an example's names on its comment's scope (shadowing module bindings, as a
 * declaration would). A name declared before keeps its value (`var x` again), unless it
 * was a constant: declaring that again starts a new binding.
 */
export function declare(scope: object, names: readonly string[]): void {
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
export function freeze(
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
