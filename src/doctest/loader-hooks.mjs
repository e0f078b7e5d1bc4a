// Node's module loader hooks that let a thread import TypeScript and documented modules.
// Plain JavaScript: on Node 20 the hooks run in a thread of their own, where nothing
// else could load TypeScript.
//
// - `.ts`, `.mts` and `.cts` files lose their types through Node's own type stripping
//   where Node has it and accepts the file; everything else (enums, parameter
//   properties, `.tsx`, files under node_modules, and all of Node 20) goes through
//   esbuild, with an inline source map, so stack frames and coverage point at `.ts` lines.
// - `./x.js` may name `./x.ts`, and `./x` may name `./x.ts` or `./x/index.ts`,
//   as TypeScript's own resolution allows.
// - A module imported as `file.ts?tsdoctest=a,b,c` gets two extra exports: one
//   that reads its top-level bindings (so examples run in the module's scope)
//   and an `import()` that resolves specifiers as the module itself would;
//   `file.md?tsdoctest=` is a module of these two exports alone.
//
// One set of hooks serves both of Node's APIs: `module.registerHooks` (Node 22.15 and
// later) runs them in the thread that imports, where `nextResolve` and `nextLoad` answer
// at once; `module.register` (Node 20) runs them in a hooks thread, where they answer
// with promises.
import { readFileSync } from 'node:fs';
import module from 'node:module';
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
const NOT_FOUND_CODES = ['ERR_MODULE_NOT_FOUND', 'ERR_UNSUPPORTED_DIR_IMPORT'];

/** `run()`, or `onError` of what it threw: at once, or through its promise if it gave one. */
function attempt(run, onError) {
  let result;
  try {
    result = run();
  } catch (error) {
    return onError(error);
  }
  return result instanceof Promise ? result.catch(onError) : result;
}

export function resolve(specifier, context, nextResolve) {
  return attempt(
    () => nextResolve(specifier, context),
    (error) => {
      if (!NOT_FOUND_CODES.includes(error?.code)) throw error;
      const candidates = typescriptCandidates(specifier);
      const tryFrom = (i) => {
        if (i === candidates.length) throw error;
        return attempt(
          () => nextResolve(candidates[i], context),
          () => tryFrom(i + 1),
        );
      };
      return tryFrom(0);
    },
  );
}

/** esbuild's report → one line naming the place, as a SyntaxError. */
function syntaxError(error, file) {
  const [first] = error?.errors ?? [];
  if (!first) return error;
  const at = first.location ? `:${first.location.line}:${first.location.column + 1}` : '';
  return new SyntaxError(`${first.text} (${path.relative(process.cwd(), file)}${at})`);
}

const require = module.createRequire(import.meta.url);

/** esbuild's answer → JavaScript with an inline source map. */
function withSourceMap(output) {
  // Node names a stack frame after the map's name for the function's position when it has
  // one: `add` where V8 says `Cal.add`. Blank names keep V8's, as in untranspiled code.
  const sourceMap = JSON.parse(output.map);
  sourceMap.names = sourceMap.names.map(() => '');
  const inline = Buffer.from(JSON.stringify(sourceMap)).toString('base64');
  return `${output.code}//# sourceMappingURL=data:application/json;base64,${inline}\n`;
}

/**
 * TypeScript → JavaScript through esbuild, with the same module syntax and an inline source
 * map: a promise when `async` (a hooks thread does not block on esbuild), else at once.
 * esbuild runs in a process of its own: a native addon in this thread would crash the
 * process when a hung worker, and so this thread, is terminated.
 */
export function transpile(source, file, async = false) {
  const esbuild = require('esbuild');
  const options = {
    sourcefile: file,
    loader: file.endsWith('.tsx') ? 'tsx' : 'ts',
    format: file.endsWith('.cts') ? 'cjs' : 'esm',
    target: 'esnext',
    sourcemap: 'external',
    sourcesContent: false,
  };
  const fail = (error) => {
    throw syntaxError(error, file);
  };
  if (async) return esbuild.transform(source, options).then(withSourceMap, fail);
  return attempt(() => withSourceMap(esbuild.transformSync(source, options)), fail);
}

/**
 * Syntax Node's type stripping may refuse: enums, namespaces, `import x =`, `export =`,
 * `<T>x` assertions... (A file without any is Node's to strip; one with some is tried.)
 */
const MAYBE_REFUSED =
  /\b(?:enum|namespace|module)\s+[\w$."']+\s*\{|\bimport\s+[\w$]+\s*=|\bexport\s*=|[=(,:?!&|]\s*<[\w$.\s,<>[\]|&]+>\s*[\w$([{]/;
/** ...and parameter properties, which need both of these. */
const CONSTRUCTOR = /\bconstructor\s*\(/;
const MODIFIER = /\b(?:public|private|protected|readonly|override)\s/;

/** Whether Node accepts the file for stripping (a syntax error is Node's to report). */
function nodeAccepts(text) {
  // Node warns that `stripTypeScriptTypes` is experimental: that is ours to know, not the examples'.
  const emitWarning = process.emitWarning;
  process.emitWarning = () => {};
  try {
    module.stripTypeScriptTypes(text);
    return true;
  } catch (error) {
    return error?.code !== 'ERR_UNSUPPORTED_TYPESCRIPT_SYNTAX';
  } finally {
    process.emitWarning = emitWarning;
  }
}

/** A module URL without its query, and the names its `?tsdoctest=` query asks for (or null). */
export function splitScopeQuery(url) {
  const query = url.indexOf('?');
  const location = query < 0 ? url : url.slice(0, query);
  const names = query < 0 ? null : new URLSearchParams(url.slice(query + 1)).get(SCOPE_PARAM);
  return { location, names: names === null ? null : names.split(',') };
}

/** Whether we run as `module.register`'s hooks (in a thread of their own) rather than in-thread. */
let inHooksThread = false;
/** Where transpiled files are kept, by their text (none: transpile every time). */
let cacheDir;

/** `module.register` calls this first, in the hooks thread, with `registerLoaderHooks`' data. */
export function initialize(data) {
  inHooksThread = true;
  cacheDir = data?.cacheDir;
}

/**
 * What Node gets for a TypeScript file: `null` where it strips the types itself (and keeps
 * what it strips in its compile cache), else esbuild's JavaScript (at once, or a promise in
 * a hooks thread). A file that may hold syntax Node refuses is tried: that loads Node's
 * stripper, so the cache keeps the verdict (an empty text: Node strips it) with esbuild's.
 */
function javascriptFor(text, file) {
  const nodeStrips =
    process.features.typescript && !file.endsWith('.tsx') && !file.includes('/node_modules/');
  const mayRefuse = MAYBE_REFUSED.test(text) || (CONSTRUCTOR.test(text) && MODIFIER.test(text));
  if (nodeStrips && !mayRefuse) return null;
  const make = () => (nodeStrips && nodeAccepts(text) ? '' : transpile(text, file, inHooksThread));
  const inputs = [process.version, require('esbuild/package.json').version, file, text];
  const made =
    cacheDir === undefined ? make() : cachedText(path.join(cacheDir, 'transpiled'), inputs, make);
  const verdict = (js) => (js === '' ? null : js);
  return made instanceof Promise ? made.then(verdict) : verdict(made);
}

/** Is this path or URL a Markdown file's? Its examples run in a module with no bindings. */
export function isMarkdown(location) {
  return /\.(?:md|markdown)$/i.test(location);
}

export function load(url, context, nextLoad) {
  const { location, names } = splitScopeQuery(url);
  // Only the `import()` of a Markdown file's module is wanted: it resolves from the file's folder.
  if (names !== null && location.startsWith('file:') && isMarkdown(location)) {
    return { format: 'module', source: scopeExport([]), shortCircuit: true };
  }
  if (location.startsWith('file:') && TYPESCRIPT.test(location)) {
    const file = fileURLToPath(location);
    const format = file.endsWith('.cts') ? 'commonjs' : 'module';
    const text = readFileSync(file, 'utf8');
    const done = (js) => {
      const source = js ?? text;
      return {
        format: js === null ? `${format}-typescript` : format,
        source: names !== null && format === 'module' ? withScopeExport(source, names) : source,
        shortCircuit: true,
      };
    };
    const js = javascriptFor(text, file);
    return js instanceof Promise ? js.then(done) : done(js);
  }
  const answer = nextLoad(url, context);
  if (names === null) return answer;
  const scoped = (result) => {
    if (result.format !== 'module' || result.source == null) return result;
    const source =
      typeof result.source === 'string'
        ? result.source
        : Buffer.from(result.source).toString('utf8');
    return { ...result, source: withScopeExport(source, names) };
  };
  return answer instanceof Promise ? answer.then(scoped) : scoped(answer);
}

let registered = false;

/**
 * Install the hooks for this thread (once): in the thread itself where Node can
 * (`module.registerHooks`), else in a hooks thread (`module.register`, Node 20).
 * `cacheDir`: where to keep transpiled files.
 */
export function registerLoaderHooks(dir) {
  if (registered) return;
  registered = true;
  process.setSourceMapsEnabled(true);
  if (module.registerHooks) {
    cacheDir = dir;
    module.registerHooks({ resolve, load });
  } else {
    module.register(import.meta.url, { data: { cacheDir: dir } });
  }
}
