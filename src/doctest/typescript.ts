/**
 * The TypeScript compiler, loaded on first use with `require`: imported
 * through tsx's ESM hooks its 9 MB would be transformed first (seconds), and
 * loading it lazily lets the worker pool boot meanwhile.
 */
import { createRequire } from 'node:module';

type TypeScript = typeof import('typescript');
let loaded: TypeScript | undefined;

export function typescript(): TypeScript {
  loaded ??= createRequire(import.meta.url)('typescript') as TypeScript;
  return loaded;
}

/** The compiler API, loaded when first touched. */
const ts = new Proxy({} as TypeScript, {
  get: (_target, key) => typescript()[key as keyof TypeScript],
});
export default ts;
