// Examples are TypeScript: their types are blanked out before they run, lines and columns kept.
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { stripTypes } from '../../../src/doctest/strip-types.ts';

/** What the stripped code evaluates to (it must be plain JavaScript). */
function value(source: string): unknown {
  return new vm.Script(stripTypes(source)).runInNewContext({ Map });
}

describe('stripTypes', () => {
  it('erases type arguments that would otherwise parse as comparisons', () => {
    expect(stripTypes("new Map<string, number>([['a', 1]])")).toBe(
      "new Map                ([['a', 1]])",
    );
    expect(value("new Map<string, number>([['a', 1]]).get('a')")).toBe(1);
  });

  it('erases annotations, as, satisfies, non-null and type parameters', () => {
    const source = [
      'function id<T>(x: T, y?: number): T { return x }',
      'const n: number = id<number>(2) as number',
      'const o = { a: 1 } satisfies { a: number }',
      'let d!: string',
      'id(o)!.a + n',
    ].join('\n');
    const stripped = stripTypes(source);
    expect(stripped.split('\n').map((l) => l.length)).toEqual(
      source.split('\n').map((l) => l.length),
    );
    expect(stripped).not.toMatch(/number|satisfies|<T>|!/);
    expect(value(source)).toBe(3);
  });

  it('erases type-only declarations and class member modifiers', () => {
    const source = [
      'interface P { x: number }',
      'type Q = P',
      'declare const g: number',
      'abstract class A { abstract f(): void; protected readonly x: number = 1 }',
      'class B<T> extends A {}',
      'class K extends B<number> implements Q { override f() {}; private y?: string; get z(): number { return this.x } }',
      'new K().z',
    ].join('\n');
    expect(stripTypes(source)).not.toMatch(
      /interface|type |declare|abstract|implements|private|<number>/,
    );
    expect(value(source)).toBe(1);
  });

  it('returns JavaScript, code without types, and code that does not parse as it is', () => {
    for (const source of ['1 < 2 && 3 > 2', '({ a: 1 }).a ? 1 : 0', 'x!== 1', 'const x = (1 +']) {
      expect(stripTypes(source)).toBe(source);
    }
  });

  it('leaves syntax with run-time meaning alone (the runner transpiles it)', () => {
    for (const source of [
      'enum E { A }',
      'namespace N { export const a = 1 }',
      'class C { constructor(private a: number) {} }',
      'const a = <number>1',
    ]) {
      expect(stripTypes(source)).toBe(source);
    }
  });
});
