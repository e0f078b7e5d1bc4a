import type {
  LoadFnOutput,
  LoadHookContext,
  ResolveFnOutput,
  ResolveHookContext,
} from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  load,
  resolve,
  scopeExport,
  transpile,
  typescriptCandidates,
  withScopeExport,
} from '../../../src/doctest/loader-hooks.mjs';
import { ROOT } from './helpers.ts';

const loadContext = { conditions: [], format: undefined, importAttributes: {} };

function loadWith(url: string, answer: () => LoadFnOutput = () => fail(url)) {
  return load(
    url,
    loadContext as unknown as LoadHookContext,
    answer as never,
  ) as Promise<LoadFnOutput>;
}

function fail(url: string): never {
  throw new Error(`nextLoad called for ${url}`);
}

const fixture = (name: string) => pathToFileURL(path.join(ROOT, 'fixtures/doctest', name)).href;

describe('scopeExport', () => {
  it('exports live getters for identifiers only, and the module’s import()', () => {
    const code = scopeExport(['Cal', 'addNum', 'not-a-name', '']);
    expect(code).toBe(
      'export const __tsdoctest_scope__ = { get Cal() { return Cal; }, get addNum() { return addNum; } };\n' +
        'export const __tsdoctest_import__ = (specifier, options) => import(specifier, options);',
    );
  });

  it('goes before an inline source map, or at the end without one', () => {
    expect(withScopeExport('const a = 1;\n//# sourceMappingURL=data:x', ['a'])).toBe(
      `const a = 1;\n${scopeExport(['a'])}\n\n//# sourceMappingURL=data:x`,
    );
    expect(withScopeExport('const a = 1;', ['a'])).toBe(`const a = 1;\n${scopeExport(['a'])}\n`);
  });
});

describe('typescriptCandidates', () => {
  it('maps JavaScript extensions to TypeScript ones, keeping the query', () => {
    expect(typescriptCandidates('./a.js')).toEqual(['./a.ts', './a.tsx']);
    expect(typescriptCandidates('../b.mjs?x=1')).toEqual(['../b.mts?x=1']);
    expect(typescriptCandidates('./c.cjs')).toEqual(['./c.cts']);
    expect(typescriptCandidates('./d.jsx')).toEqual(['./d.tsx']);
  });

  it('tries a file and a folder index for a specifier without extension', () => {
    expect(typescriptCandidates('/abs/mod')).toEqual([
      '/abs/mod.ts',
      '/abs/mod.tsx',
      '/abs/mod/index.ts',
    ]);
  });

  it('leaves packages, builtins and other extensions alone', () => {
    for (const s of ['lodash', 'node:fs', './data.json', './already.ts']) {
      expect(typescriptCandidates(s)).toEqual([]);
    }
  });
});

describe('transpile', () => {
  it('erases types, compiles enums, and maps lines back with blank names', async () => {
    for (const code of [
      transpile('const n: number = 1;\nexport enum E { A }\n', '/x/m.ts'),
      await transpile('const n: number = 1;\nexport enum E { A }\n', '/x/m.ts', true),
    ]) {
      expect(code).toMatch(/^const n = 1;\n/);
      expect(code).toContain('E2[E2["A"] = 0] = "A"');
      const map = JSON.parse(
        Buffer.from(code.split('base64,')[1] as string, 'base64').toString('utf8'),
      ) as { sources: string[]; names: string[] };
      expect(map.sources).toEqual(['/x/m.ts']);
      expect(map.names.every((n) => n === '')).toBe(true);
    }
  });

  it('keeps import attributes, and makes CommonJS of .cts', () => {
    expect(
      transpile("import d from './d.json' with { type: 'json' };\nexport { d };\n", '/x/m.ts'),
    ).toContain('with { type: "json" }');
    expect(transpile('export = { a: 1 };\n', '/x/m.cts')).toContain('module.exports = { a: 1 }');
  });

  it('turns a syntax error into one line naming the place', async () => {
    const bad = path.join(process.cwd(), 'bad.ts');
    expect(() => transpile('const a = (1 +;\n', bad)).toThrow('Unexpected ";" (bad.ts:1:15)');
    const open = transpile('/* open', bad, true);
    await expect(open).rejects.toBeInstanceOf(SyntaxError);
    await expect(open).rejects.toThrow(
      'Expected "*/" to terminate multi-line comment (bad.ts:1:8)',
    );
  });
});

describe('load hook', () => {
  it("leaves TypeScript to Node's own stripping where Node has it, with the scope export", async () => {
    const out = await loadWith(`${fixture('scope.ts')}?tsdoctest=a,b`);
    const { typescript } = process.features as { typescript?: string };
    expect(out.format).toBe(typescript ? 'module-typescript' : 'module');
    expect(String(out.source)).toContain(scopeExport(['a', 'b']));
    const plain = await loadWith(fixture('scope.ts'));
    expect(String(plain.source)).not.toContain('__tsdoctest_scope__');
  });

  it('transpiles what Node would refuse to strip, the scope export before the source map', async () => {
    const out = await loadWith(`${fixture('modules/transformed.ts')}?tsdoctest=Meter`);
    expect(out.format).toBe('module');
    const source = String(out.source);
    expect(source).toContain('Unit2[Unit2["M"] = 0] = "M"');
    expect(source.indexOf(scopeExport(['Meter']))).toBeLessThan(
      source.indexOf('//# sourceMappingURL='),
    );
  });

  it('loads .cts as CommonJS', async () => {
    const out = await loadWith(fixture('modules/legacy.cts'));
    expect(out.format).toMatch(/^commonjs/);
  });

  it('adds the scope export to JavaScript modules, and leaves everything else alone', async () => {
    const js = await loadWith('file:///m.mjs?tsdoctest=a', () => ({
      format: 'module',
      source: Buffer.from('const a = 1;'),
    }));
    expect(String(js.source)).toBe(`const a = 1;\n${scopeExport(['a'])}\n`);
    const json = { format: 'json' as const, source: '{}' };
    expect(await loadWith('file:///m.json?tsdoctest=a', () => json)).toBe(json);
    const other = { format: 'module' as const, source: 'x' };
    expect(await loadWith('file:///m.mjs?other=1', () => other)).toBe(other);
    // As module.register's hooks: Node's answer is a promise.
    const later = await loadWith('file:///m.mjs?tsdoctest=a', (() =>
      Promise.resolve({ format: 'module', source: 'const a = 1;' })) as never);
    expect(String(later.source)).toBe(`const a = 1;\n${scopeExport(['a'])}\n`);
  });
});

describe('resolve hook', () => {
  const context = { conditions: [], importAttributes: {}, parentURL: 'file:///p/main.ts' };
  const notFound = Object.assign(new Error('not found'), { code: 'ERR_MODULE_NOT_FOUND' });

  function resolveWith(specifier: string, existing: string[]) {
    const tried: string[] = [];
    const next = async (s: string): Promise<ResolveFnOutput> => {
      tried.push(s);
      if (existing.includes(s)) return { url: `file:///p/${s.slice(2)}` };
      throw notFound;
    };
    const result = resolve(specifier, context as unknown as ResolveHookContext, next as never);
    return { result: result as Promise<ResolveFnOutput>, tried };
  }

  it('finds ./x.ts for ./x.js, after Node’s own resolution fails', async () => {
    const { result, tried } = resolveWith('./x.js', ['./x.ts']);
    expect((await result).url).toBe('file:///p/x.ts');
    expect(tried).toEqual(['./x.js', './x.ts']);
  });

  it('answers at once when Node does (module.registerHooks), trying each candidate in turn', () => {
    const tried: string[] = [];
    const next = (s: string): ResolveFnOutput => {
      tried.push(s);
      if (s === './x/index.ts') return { url: 'file:///p/x/index.ts' };
      throw notFound;
    };
    const result = resolve('./x', context as unknown as ResolveHookContext, next as never);
    expect(result).toEqual({ url: 'file:///p/x/index.ts' });
    expect(tried).toEqual(['./x', './x.ts', './x.tsx', './x/index.ts']);
    expect(() =>
      resolve('./gone', context as unknown as ResolveHookContext, next as never),
    ).toThrow(notFound);
  });

  it('rethrows Node’s own error when no TypeScript file matches either', async () => {
    await expect(resolveWith('./gone.js', []).result).rejects.toBe(notFound);
  });

  it('does not hide other errors', async () => {
    const denied = Object.assign(new Error('denied'), { code: 'ERR_ACCESS_DENIED' });
    const next = async () => {
      throw denied;
    };
    await expect(
      resolve('./x.js', context as unknown as ResolveHookContext, next as never),
    ).rejects.toBe(denied);
  });
});
