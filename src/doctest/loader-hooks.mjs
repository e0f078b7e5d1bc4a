// Module loader hooks for running documented modules (`module.register`).
// Plain JavaScript: hooks load in a thread of their own before any TypeScript
// loader exists there, so this file is what makes `.ts` loadable at all.
//
// - `.ts`, `.tsx`, `.mts` and `.cts` files lose their types through esbuild, with
//   an inline source map, so stack frames and coverage point at `.ts` lines.
// - `./x.js` may name `./x.ts`, and `./x` may name `./x.ts` or `./x/index.ts`,
//   as TypeScript's own resolution allows.
// - With a cache directory (`register(url, { data: { cacheDir } })`), transpiled
//   files are kept there by their text, so unchanged files skip esbuild entirely.
// - A module imported as `file.ts?tsdoctest=a,b,c` gets two extra exports: one
//   that reads its top-level bindings (so examples run in the module's scope)
//   and an `import()` that resolves specifiers as the module itself would.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cachedText } from './disk-cache.mjs';

export const SCOPE_PARAM = 'tsdoctest';
export const SCOPE_EXPORT = '__tsdoctest_scope__';
export const IMPORT_EXPORT = '__tsdoctest_import__';

const IDENTIFIER = /^[\p{L}_$][\p{L}\p{N}_$]*$/u;
const TYPESCRIPT = /\.([mc]?ts|tsx)$/;

/** The lines to append to a module so examples can see its bindings. */
export function scopeExport(names) {
  const getters = names.filter((n) => IDENTIFIER.test(n)).map((n) => `get ${n}() { return ${n}; }`);
  return [
    `export const ${SCOPE_EXPORT} = { ${getters.join(', ')} };`,
    `export const ${IMPORT_EXPORT} = (specifier, options) => import(specifier, options);`,
  ].join('\n');
}

/** Append the scope export after the code, before an inline source map. */
export function withScopeExport(source, names) {
  const addition = `\n${scopeExport(names)}\n`;
  const mapAt = source.lastIndexOf('\n//# sourceMappingURL=');
  return mapAt < 0 ? source + addition : source.slice(0, mapAt) + addition + source.slice(mapAt);
}

/** For each JavaScript extension, the TypeScript ones a specifier with it may stand for. */
const TYPESCRIPT_FOR = {
  '.js': ['.ts', '.tsx'],
  '.jsx': ['.tsx'],
  '.mjs': ['.mts'],
  '.cjs': ['.cts'],
};

/** The TypeScript files a JavaScript-style specifier may stand for, most likely first. */
export function typescriptCandidates(specifier) {
  if (!/^(\.{1,2}\/|\/|file:)/.test(specifier)) return [];
  const end = specifier.search(/[?#]|$/);
  const [path, rest] = [specifier.slice(0, end), specifier.slice(end)];
  const extension = path.match(/\.[^./]*$/)?.[0];
  if (extension === undefined) return ['.ts', '.tsx', '/index.ts'].map((e) => path + e + rest);
  const stem = path.slice(0, -extension.length);
  return (TYPESCRIPT_FOR[extension] ?? []).map((e) => stem + e + rest);
}

/** Errors after which a specifier may still name a TypeScript file. */
export const NOT_FOUND_CODES = ['ERR_MODULE_NOT_FOUND', 'ERR_UNSUPPORTED_DIR_IMPORT'];

export async function resolve(specifier, context, nextResolve) {
  try {
    return await nextResolve(specifier, context);
  } catch (error) {
    if (!NOT_FOUND_CODES.includes(error?.code)) throw error;
    for (const candidate of typescriptCandidates(specifier)) {
      try {
        return await nextResolve(candidate, context);
      } catch {
        // Not this one either.
      }
    }
    throw error;
  }
}

let esbuild;
let cacheDir;

/** `module.register`'s `data`: where to keep transpiled files (none: transpile every time). */
export function initialize(data) {
  cacheDir = data?.cacheDir;
}

function esbuildVersion() {
  return createRequire(import.meta.url)('esbuild/package.json').version;
}

/** esbuild's report → one line naming the place, as a SyntaxError. */
function syntaxError(error, file) {
  const [first] = error?.errors ?? [];
  if (!first) return error;
  const at = first.location ? `:${first.location.line}:${first.location.column + 1}` : '';
  return new SyntaxError(`${first.text} (${path.relative(process.cwd(), file)}${at})`);
}

/**
 * TypeScript → JavaScript with the same module syntax, types erased, and an inline source map.
 * esbuild runs in a process of its own: a native addon (swc) in this thread would crash the
 * process when a hung worker, and so this thread, is terminated.
 */
export async function transpile(source, file) {
  esbuild ??= await import('esbuild');
  const commonjs = file.endsWith('.cts');
  let output;
  try {
    output = await esbuild.transform(source, {
      sourcefile: file,
      loader: file.endsWith('.tsx') ? 'tsx' : 'ts',
      format: commonjs ? 'cjs' : 'esm',
      target: 'esnext',
      sourcemap: 'external',
      sourcesContent: false,
    });
  } catch (error) {
    throw syntaxError(error, file);
  }
  // Node names a stack frame after the map's name for the function's position when it has
  // one: `add` where V8 says `Cal.add`. Blank names keep V8's, as in untranspiled code.
  const sourceMap = JSON.parse(output.map);
  sourceMap.names = sourceMap.names.map(() => '');
  const inline = Buffer.from(JSON.stringify(sourceMap)).toString('base64');
  return `${output.code}//# sourceMappingURL=data:application/json;base64,${inline}\n`;
}

/** A module URL without its query, and the names its `?tsdoctest=` query asks for (or null). */
export function splitScopeQuery(url) {
  const query = url.indexOf('?');
  const location = query < 0 ? url : url.slice(0, query);
  const names = query < 0 ? null : new URLSearchParams(url.slice(query + 1)).get(SCOPE_PARAM);
  return { location, names: names === null ? null : names.split(',') };
}

/** Whether a URL names a TypeScript file. */
export function isTypeScript(location) {
  return location.startsWith('file:') && TYPESCRIPT.test(location);
}

/** A TypeScript file as JavaScript, from the cache in `cacheDir` when it has it. */
export async function transpileFile(file, cacheDir) {
  const text = await readFile(file, 'utf8');
  if (cacheDir === undefined) return transpile(text, file);
  return cachedText(path.join(cacheDir, 'transpiled'), [esbuildVersion(), file, text], () =>
    transpile(text, file),
  );
}

export async function load(url, context, nextLoad) {
  const { location, names } = splitScopeQuery(url);
  if (isTypeScript(location)) {
    const file = fileURLToPath(location);
    const format = file.endsWith('.cts') ? 'commonjs' : 'module';
    let source = await transpileFile(file, cacheDir);
    if (names !== null && format === 'module') source = withScopeExport(source, names);
    return { format, source, shortCircuit: true };
  }
  const result = await nextLoad(url, context);
  if (names === null || result.format !== 'module' || result.source == null) return result;
  const source =
    typeof result.source === 'string' ? result.source : Buffer.from(result.source).toString('utf8');
  return { ...result, source: withScopeExport(source, names) };
}
