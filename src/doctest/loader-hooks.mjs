// Module loader hooks for running documented modules (`module.register`).
// Plain JavaScript: hooks load in a thread of their own before any TypeScript
// loader exists there, so this file is what makes `.ts` loadable at all.
//
// - `.ts`, `.tsx`, `.mts` and `.cts` files lose their types through swc, with
//   an inline source map, so stack frames and coverage point at `.ts` lines.
// - `./x.js` may name `./x.ts`, and `./x` may name `./x.ts` or `./x/index.ts`,
//   as TypeScript's own resolution allows.
// - With a cache directory (`register(url, { data: { cacheDir } })`), transpiled
//   files are kept there by their text, so unchanged files skip swc entirely.
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

export async function resolve(specifier, context, nextResolve) {
  try {
    return await nextResolve(specifier, context);
  } catch (error) {
    if (error?.code !== 'ERR_MODULE_NOT_FOUND' && error?.code !== 'ERR_UNSUPPORTED_DIR_IMPORT')
      throw error;
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

let swc;
let cacheDir;

/** `module.register`'s `data`: where to keep transpiled files (none: transpile every time). */
export function initialize(data) {
  cacheDir = data?.cacheDir;
}

function swcVersion() {
  return createRequire(import.meta.url)('@swc/core/package.json').version;
}

/** swc's report (several lines, a code frame, maybe a Rust backtrace) → one line. */
function syntaxError(error, file) {
  const text = String(error?.message ?? error);
  const message = text.match(/^\s*x (.+)$/m)?.[1] ?? text.trim().split('\n')[0];
  const at = text.match(/,-\[.*:(\d+):(\d+)\]/);
  const where = path.relative(process.cwd(), file) + (at ? `:${at[1]}:${at[2]}` : '');
  return new SyntaxError(`${message} (${where})`);
}

/** TypeScript → JavaScript with the same module syntax, types erased, and an inline source map. */
export function transpile(source, file) {
  swc ??= createRequire(import.meta.url)('@swc/core');
  const commonjs = file.endsWith('.cts');
  let output;
  try {
    output = swc.transformSync(source, {
      filename: file,
      swcrc: false,
      configFile: false,
      sourceMaps: true,
      isModule: !commonjs || 'unknown',
      module: { type: commonjs ? 'commonjs' : 'es6' },
      jsc: {
        parser: { syntax: 'typescript', tsx: file.endsWith('.tsx'), decorators: true },
        target: 'esnext',
        experimental: { keepImportAttributes: true },
        transform: { useDefineForClassFields: true },
      },
    });
  } catch (error) {
    throw syntaxError(error, file);
  }
  const { code, map } = output;
  // Node names a stack frame after the map's name for the function's position when it has
  // one: `add` where V8 says `Cal.add`. Blank names keep V8's, as in untranspiled code.
  const sourceMap = JSON.parse(map);
  sourceMap.names = sourceMap.names.map(() => '');
  const inline = Buffer.from(JSON.stringify(sourceMap)).toString('base64');
  return `${code}\n//# sourceMappingURL=data:application/json;base64,${inline}\n`;
}

export async function load(url, context, nextLoad) {
  const query = url.indexOf('?');
  const location = query < 0 ? url : url.slice(0, query);
  const names = query < 0 ? null : new URLSearchParams(url.slice(query + 1)).get(SCOPE_PARAM);
  if (location.startsWith('file:') && TYPESCRIPT.test(location)) {
    const file = fileURLToPath(location);
    const format = file.endsWith('.cts') ? 'commonjs' : 'module';
    const text = await readFile(file, 'utf8');
    let source =
      cacheDir === undefined
        ? transpile(text, file)
        : cachedText(path.join(cacheDir, 'transpiled'), [swcVersion(), file, text], () =>
            transpile(text, file),
          );
    if (names !== null && format === 'module') source = withScopeExport(source, names.split(','));
    return { format, source, shortCircuit: true };
  }
  const result = await nextLoad(url, context);
  if (names === null || result.format !== 'module' || result.source == null) return result;
  const source =
    typeof result.source === 'string' ? result.source : Buffer.from(result.source).toString('utf8');
  return { ...result, source: withScopeExport(source, names.split(',')) };
}
