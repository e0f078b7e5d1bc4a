/**
 * Module loader hooks (registered with `module.register` after tsx): a module
 * imported as `file.ts?tsdoctest=a,b,c` gets an extra export that reads its
 * top-level bindings, so examples run in the module's own scope, and an
 * `import()` that resolves specifiers as the module itself would.
 * The lines are appended after the module's code, before tsx's inline source
 * map, so stack frames and coverage still map to the `.ts` lines.
 */
import type { LoadHook } from 'node:module';

export const SCOPE_PARAM = 'tsdoctest';
export const SCOPE_EXPORT = '__tsdoctest_scope__';
export const IMPORT_EXPORT = '__tsdoctest_import__';

const IDENTIFIER = /^[\p{L}_$][\p{L}\p{N}_$]*$/u;

/** The lines to append to a module so examples can see its bindings. */
export function scopeExport(names: readonly string[]): string {
  const getters = names.filter((n) => IDENTIFIER.test(n)).map((n) => `get ${n}() { return ${n}; }`);
  return [
    `export const ${SCOPE_EXPORT} = { ${getters.join(', ')} };`,
    `export const ${IMPORT_EXPORT} = (specifier, options) => import(specifier, options);`,
  ].join('\n');
}

export const load: LoadHook = async (url, context, nextLoad) => {
  const query = url.indexOf('?');
  const names = query < 0 ? null : new URLSearchParams(url.slice(query + 1)).get(SCOPE_PARAM);
  let result = await nextLoad(url, context);
  if (names === null) return result;
  // Outside a `"type": "module"` package tsx loads .ts as CommonJS; a documented module is ESM to us.
  if (result.format === 'commonjs' && /\.[mt]sx?$/.test(url.slice(0, query))) {
    result = await nextLoad(url, { ...context, format: 'module' });
  }
  if (result.format !== 'module' || result.source == null) return result;
  const source =
    typeof result.source === 'string'
      ? result.source
      : Buffer.from(result.source as Uint8Array).toString('utf8');
  const addition = `\n${scopeExport(names.split(','))}\n`;
  const mapAt = source.lastIndexOf('\n//# sourceMappingURL=');
  const out =
    mapAt < 0 ? source + addition : source.slice(0, mapAt) + addition + source.slice(mapAt);
  return { ...result, source: out };
};
