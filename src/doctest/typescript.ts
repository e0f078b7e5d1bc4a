/**
 * The TypeScript compiler, loaded on first use: with `require` semantics (a
 * loader's hooks would read its 9 MB twice) and lazily (the worker pool boots
 * meanwhile). Node 22 and later keep its compiled code in their compile cache,
 * where the command enables it; on Node 20, a V8 code cache in the temp
 * directory cuts its compile time by about two thirds on later runs.
 */
import { readFileSync } from 'node:fs';
import module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { writeAtomically } from './disk-cache.mjs';

type TypeScript = typeof import('typescript');
let loaded: TypeScript | undefined;

function load(): TypeScript {
  const require = createRequire(import.meta.url);
  if ('enableCompileCache' in module) return require('typescript');
  const file = require.resolve('typescript');
  const source = readFileSync(file, 'utf8');
  const { version } = JSON.parse(
    readFileSync(path.join(path.dirname(file), '../package.json'), 'utf8'),
  );
  const cacheFile = path.join(
    tmpdir(),
    `tsdoctest-typescript-${version}-v8-${process.versions.v8}.cache`,
  );
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // First run: no cache yet.
  }
  const script = new vm.Script(module.wrap(source), { filename: file, cachedData });
  const loading = { exports: {} as TypeScript };
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  const { exports } = loading;
  wrapper.call(exports, exports, createRequire(file), loading, file, path.dirname(file));
  if (!cachedData || script.cachedDataRejected) {
    try {
      writeAtomically(cacheFile, script.createCachedData());
    } catch {
      // A read-only temp directory only costs speed.
    }
  }
  return loading.exports;
}

export function typescript(): TypeScript {
  loaded ??= load();
  return loaded;
}

/**
 * Parse an example as TypeScript; `undefined` when it has syntax errors, so
 * callers leave such code alone and running it reports the error as written.
 */
export function parseExample(source: string): import('typescript').SourceFile | undefined {
  const api = typescript();
  const sf = api.createSourceFile(
    'example.ts',
    source,
    api.ScriptTarget.Latest,
    true,
    api.ScriptKind.TS,
  );
  const { parseDiagnostics } = sf as unknown as { parseDiagnostics: unknown[] };
  return parseDiagnostics.length > 0 ? undefined : sf;
}

/** A name an `import` declaration binds. */
export interface ImportedName {
  local: string;
  /** The export it reads; `undefined` for the module namespace (`* as local`). */
  imported: string | undefined;
  typeOnly: boolean;
}

/** The names `st` binds, as written: default, then namespace or named imports. */
export function importedNames(st: import('typescript').ImportDeclaration): ImportedName[] {
  const clause = st.importClause;
  if (!clause) return [];
  const typeOnly = clause.isTypeOnly;
  const names: ImportedName[] = [];
  if (clause.name) names.push({ local: clause.name.text, imported: 'default', typeOnly });
  const named = clause.namedBindings;
  if (named && typescript().isNamespaceImport(named)) {
    names.push({ local: named.name.text, imported: undefined, typeOnly });
  } else if (named) {
    for (const spec of named.elements) {
      const imported = (spec.propertyName ?? spec.name).text;
      names.push({ local: spec.name.text, imported, typeOnly: typeOnly || spec.isTypeOnly });
    }
  }
  return names;
}

/** The compiler API, loaded when first touched. */
const ts = new Proxy({} as TypeScript, {
  get: (_target, key) => typescript()[key as keyof TypeScript],
});
export default ts;
