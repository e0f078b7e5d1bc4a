import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { prepareSource } from '../../../src/doctest/rewrite.ts';
import { inScope } from '../../../src/doctest/runnable.ts';

/** Run prepared examples one after another with one scope object, as the executor does. */
function runAll(sources: string[]): { scope: Record<string, unknown>; values: unknown[] } {
  const scope: Record<string, unknown> = {};
  const context = vm.createContext({ __tsdoctest_scope__: scope });
  const values = sources.map((source) => {
    const { code, declared } = prepareSource(source);
    for (const name of declared) if (!(name in scope)) scope[name] = undefined;
    return new vm.Script(inScope(code)).runInContext(context);
  });
  return { scope, values };
}

describe('prepareSource', () => {
  it('leaves code without declarations, await or import() alone', () => {
    expect(prepareSource('1 + 1\n')).toEqual({
      code: '1 + 1\n',
      isAsync: false,
      declared: [],
      constants: [],
    });
  });

  it('routes import() through the module, keeping synchronous code synchronous', () => {
    expect(prepareSource("import('./x.ts').then((m) => m)\n")).toEqual({
      code: "__tsdoctest_import__('./x.ts').then((m) => m)\n",
      isAsync: false,
      declared: [],
      constants: [],
    });
  });

  it('leaves await inside functions alone', () => {
    expect(prepareSource('const f = async () => await 1\n')).toMatchObject({
      isAsync: false,
      declared: ['f'],
    });
  });

  it('leaves code that does not parse alone, so its own syntax error is reported', () => {
    expect(prepareSource('const x = (1 +\n')).toEqual({
      code: 'const x = (1 +\n',
      isAsync: false,
      declared: [],
      constants: [],
    });
  });

  it('turns declarations into assignments on the scope, showing no value', () => {
    const { scope, values } = runAll([
      'const { a } = { a: 1 }, [b] = [2]\nvar v = 3',
      'function f() { return a + b + v }\nclass K {}\nlet none',
      'f()',
    ]);
    expect(values).toEqual([undefined, undefined, 6]);
    expect(Object.keys(scope)).toEqual(['a', 'b', 'v', 'f', 'K', 'none']);
    expect(typeof scope.K).toBe('function');
  });

  it('tells the constants among the declared names, on the quick path and the parsed one', () => {
    expect(prepareSource('const a = 1\n')).toMatchObject({ declared: ['a'], constants: ['a'] });
    expect(prepareSource('let b = 1\n')).toMatchObject({ declared: ['b'], constants: [] });
    expect(
      prepareSource('const { c, d: [e] } = { c: 1, d: [2] }\nlet f = 3; var g\n'),
    ).toMatchObject({ declared: ['c', 'e', 'f', 'g'], constants: ['c', 'e'] });
    expect(prepareSource('const h = await 1\n')).toMatchObject({ isAsync: true, constants: ['h'] });
  });

  it('declares one name per declarator, whether or not commas sit inside brackets', () => {
    const { scope, values } = runAll([
      'const sum = ((a, b) => a + b)(2, 3)',
      'const pair = { p: [1, 2], q: sum }',
      'const one = 1, two = 2',
      "const text = ['a', 'b'].join(',')",
      'let m = new Map([["k", sum]])',
      '[sum, pair.p, pair.q, one + two, text, m.get("k")]',
    ]);
    expect(values.at(-1)).toEqual([5, [1, 2], 5, 3, 'a,b', 5]);
    expect(Object.keys(scope)).toEqual(['sum', 'pair', 'one', 'two', 'text', 'm']);
  });

  it('wraps top-level await in an async function that hands back the last value', async () => {
    const { code, isAsync, declared } = prepareSource(
      'const x = await Promise.resolve(20)\nx + 1\n',
    );
    expect([isAsync, declared]).toEqual([true, ['x']]);
    const scope: Record<string, unknown> = { x: undefined };
    const context = vm.createContext({ __tsdoctest_scope__: scope });
    const result = await (new vm.Script(inScope(code)).runInContext(context) as Promise<{
      value: unknown;
    }>);
    expect([result.value, scope.x]).toEqual([21, 20]);
  });

  it('keeps the example on its own lines so stack frames point at them', () => {
    const { code } = prepareSource('await 1\nfor await (const x of []) {}\nawait 2\n');
    expect(code.split('\n')).toHaveLength(4);
    expect(code.split('\n')[2]).toBe('return { value: (await 2) };');
  });

  it.each([
    'for (let i = 0; i < 2; i++) i',
    'let j = 0; while (j < 2) j++',
    'do 5; while (false)',
    'if (true) 5',
    'if (false) 1; else 6',
    '{ 3 }',
    'try { 4 } finally {}',
    'switch (1) { case 1: 7 }',
    'label: 8',
    '1; for (const x of [2]) x',
  ])('shows nothing for %j, whose last statement is no expression', (source) => {
    expect(runAll([source]).values).toEqual([undefined]);
  });

  it.each([
    ['1 + 1', 2],
    ['if (true) 5; 6', 6],
    ['1;;', 1],
    ['for (const x of [1]) x; (2)', 2],
  ])('shows the value of %j, which ends in an expression', (source, value) => {
    expect(runAll([source]).values).toEqual([value]);
  });

  it('shows nothing after a loop in the async form either', async () => {
    const { code, isAsync } = prepareSource('for (const x of [await 1]) x\n');
    expect(isAsync).toBe(true);
    const context = vm.createContext({ __tsdoctest_scope__: {} });
    expect(await new vm.Script(inScope(code)).runInContext(context)).toBeUndefined();
  });

  it('shows what process.stdout.write writes, not its true', () => {
    const written: string[] = [];
    const process = { stdout: { write: (s: string) => written.push(s) > 0 } };
    const { code } = prepareSource("process.stdout.write('a')\n");
    const context = vm.createContext({ __tsdoctest_scope__: {}, process });
    expect(new vm.Script(inScope(code)).runInContext(context)).toBeUndefined();
    expect(written).toEqual(['a']);
  });

  it('turns import declarations into imports through the module, binding live read-only names', async () => {
    const { code, isAsync, declared, constants } = prepareSource(
      "import d, { a as b, type T } from './m.ts'\nimport * as ns from 'node:path'\nimport './side.ts'\nb\n",
    );
    expect([isAsync, declared, constants]).toEqual([true, ['d', 'b', 'ns'], []]);
    expect(code.split('\n')).toHaveLength(5);
    const modules: Record<string, Record<string, unknown>> = {
      './m.ts': { default: 'D', a: 1 },
      'node:path': { sep: '/' },
      './side.ts': {},
    };
    const imported: string[] = [];
    const scope: Record<string, unknown> = {};
    const context = vm.createContext({
      __tsdoctest_scope__: scope,
      __tsdoctest_import__: async (specifier: string) => {
        imported.push(specifier);
        return modules[specifier];
      },
    });
    const run = (source: string) => new vm.Script(inScope(source)).runInContext(context);
    expect(await run(code)).toEqual({ value: 1 });
    expect(imported).toEqual(['./m.ts', 'node:path', './side.ts']);
    expect([scope.d, scope.b, scope.ns]).toEqual(['D', 1, modules['node:path']]);
    (modules['./m.ts'] as Record<string, unknown>).a = 2;
    expect(scope.b).toBe(2);
    expect(() => run('b = 3')).toThrow('Assignment to constant variable.');
  });

  it('passes import attributes on', () => {
    expect(prepareSource("import data from './d.json' with { type: 'json' }\n").code).toContain(
      "__tsdoctest_import__('./d.json', { with: { type: 'json' } })",
    );
  });
});
