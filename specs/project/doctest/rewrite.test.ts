import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { prepareSource } from '../../../src/doctest/rewrite.ts';

describe('prepareSource', () => {
  it('leaves code without await or import() alone', () => {
    expect(prepareSource('1 + 1\n')).toEqual({ code: '1 + 1\n', isAsync: false });
  });

  it('routes import() through the module, keeping synchronous code synchronous', () => {
    expect(prepareSource("import('./x.ts').then((m) => m)\n")).toEqual({
      code: "__tsdoctest_import__('./x.ts').then((m) => m)\n",
      isAsync: false,
    });
  });

  it('leaves await inside functions alone', () => {
    expect(prepareSource('const f = async () => await 1\n').isAsync).toBe(false);
  });

  it('hoists declarations out of the async wrapper and returns the last expression', async () => {
    const { code, isAsync } = prepareSource(
      'const { a } = await Promise.resolve({ a: 1 }), [b] = [2]\nvar v = 3\nfunction f() { return a + b + v }\nclass K {}\nlet none\nf()\n',
    );
    expect(isAsync).toBe(true);
    const context = vm.createContext({});
    const result = await (new vm.Script(code).runInContext(context) as Promise<{ value: unknown }>);
    expect(result.value).toBe(6);
    // Declarations stay visible to the next example in the same context.
    expect(vm.runInContext('[a, b, v, typeof f, typeof K, none]', context)).toEqual([
      1,
      2,
      3,
      'function',
      'function',
      undefined,
    ]);
  });

  it('keeps the example on its own lines so stack frames point at them', () => {
    const { code } = prepareSource('await 1\nfor await (const x of []) {}\nawait 2\n');
    expect(code.split('\n')).toHaveLength(4);
    expect(code.split('\n')[2]).toBe('return { value: (await 2) };');
  });
});
