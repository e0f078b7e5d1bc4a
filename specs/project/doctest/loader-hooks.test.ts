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
    const code = await transpile('const n: number = 1;\nexport enum E { A }\n', '/x/m.ts');
    expect(code).toMatch(/^const n = 1;\n/);
    expect(code).toContain('E2[E2["A"] = 0] = "A"');
    const map = JSON.parse(
      Buffer.from(code.split('base64,')[1] as string, 'base64').toString('utf8'),
    ) as { sources: string[]; names: string[] };
    expect(map.sources).toEqual(['/x/m.ts']);
    expect(map.names.every((n) => n === '')).toBe(true);
  });

  it('keeps import attributes', async () => {
    expect(
      await transpile(
        "import d from './d.json' with { type: 'json' };\nexport { d };\n",
        '/x/m.ts',
      ),
    ).toContain('with { type: "json" }');
  });

  it('turns a syntax error into one line naming the place', async () => {
    const bad = path.join(process.cwd(), 'bad.ts');
    await expect(transpile('const a = (1 +;\n', bad)).rejects.toThrow(
      'Unexpected ";" (bad.ts:1:15)',
    );
    const open = transpile('/* open', bad);
    await expect(open).rejects.toBeInstanceOf(SyntaxError);
    await expect(open).rejects.toThrow(
      'Expected "*/" to terminate multi-line comment (bad.ts:1:8)',
    );
  });
});

describe('load hook', () => {
  it('transpiles a TypeScript file and adds the scope export when asked', async () => {
    const out = await loadWith(`${fixture('scope.ts')}?tsdoctest=a,b`);
    expect(out.format).toBe('module');
    expect(String(out.source)).toContain(scopeExport(['a', 'b']));
    const plain = await loadWith(fixture('scope.ts'));
    expect(String(plain.source)).not.toContain('__tsdoctest_scope__');
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
