import type { LoadFnOutput, LoadHookContext } from 'node:module';
import { describe, expect, it } from 'vitest';
import { load, scopeExport } from '../../../src/doctest/loader-hooks.ts';

type Next = (url: string, context?: Partial<LoadHookContext>) => LoadFnOutput;

function loadWith(url: string, answer: (context?: Partial<LoadHookContext>) => LoadFnOutput) {
  const context = {
    conditions: [],
    format: undefined,
    importAttributes: {},
  } as unknown as LoadHookContext;
  const next: Next = (_url, ctx) => answer(ctx);
  return load(url, context, next as never) as Promise<LoadFnOutput>;
}

describe('scopeExport', () => {
  it('exports live getters for identifiers only, and the module’s import()', () => {
    const code = scopeExport(['Cal', 'addNum', 'not-a-name', '']);
    expect(code).toBe(
      'export const __tsdoctest_scope__ = { get Cal() { return Cal; }, get addNum() { return addNum; } };\n' +
        'export const __tsdoctest_import__ = (specifier, options) => import(specifier, options);',
    );
  });
});

describe('load hook', () => {
  it('appends the scope export before the inline source map', async () => {
    const out = await loadWith('file:///m.ts?tsdoctest=a,b', () => ({
      format: 'module',
      source: 'const a = 1;\n//# sourceMappingURL=data:x',
    }));
    expect(String(out.source)).toBe(
      `const a = 1;\n${scopeExport(['a', 'b'])}\n\n//# sourceMappingURL=data:x`,
    );
  });

  it('reads Buffer sources and appends at the end when there is no source map', async () => {
    const out = await loadWith('file:///m.ts?tsdoctest=a', () => ({
      format: 'module',
      source: Buffer.from('const a = 1;'),
    }));
    expect(String(out.source)).toBe(`const a = 1;\n${scopeExport(['a'])}\n`);
  });

  it('leaves other modules alone', async () => {
    const plain = { format: 'module' as const, source: 'x' };
    expect(await loadWith('file:///m.ts', () => plain)).toBe(plain);
    expect(await loadWith('file:///m.ts?other=1', () => plain)).toBe(plain);
    const json = { format: 'json' as const, source: '{}' };
    expect(await loadWith('file:///m.json?tsdoctest=a', () => json)).toBe(json);
  });

  it('asks for an ES module when tsx would load a .ts file as CommonJS', async () => {
    const formats: unknown[] = [];
    const out = await loadWith('file:///m.ts?tsdoctest=a', (ctx): LoadFnOutput => {
      formats.push(ctx?.format);
      if (ctx?.format === 'module') return { format: 'module', source: 'let a;' };
      return { format: 'commonjs', source: undefined };
    });
    expect(formats).toEqual([undefined, 'module']);
    expect(String(out.source)).toContain('get a()');
  });
});
