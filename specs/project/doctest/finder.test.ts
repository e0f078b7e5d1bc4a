import { describe, expect, it } from 'vitest';
import { findDocTests, moduleName, topLevelNames } from '../../../src/doctest/finder.ts';
import ts from '../../../src/doctest/typescript.ts';

const SOURCE = `/**
 * The module.
 * @module
 *
 * >>> 1
 * 1
 */
import { a, type B } from './a.ts';
import type { C } from './c.ts';
import * as ns from './ns.ts';
import def from './def.ts';

/** No examples here. */
export interface Shape {
  /**
   * >>> 2
   * 2
   */
  area(): number;
}

export class Cal {
  /**
   * >>> new Cal().add(1, 1)
   * 2
   */
  add(x: number, y: number) { return x + y; }
  /** >>> 3
   * 3 */
  constructor() {}
}

/**
 * >>> helper()
 * 'h'
 */
function helper() { return 'h'; }

export const obj = {
  /**
   * >>> obj.m()
   * 1
   */
  m() { return 1; },
};

const { x, y: [z] } = { x: 1, y: [2] };
let later = 1, again = 2;
enum Color { Red }
namespace Space { export const v = 1; }
declare const ambient: number;
export default function () {}

function f() {
  /**
   * >>> 4
   * 4
   */
  return 1;
}
`;

describe('findDocTests', () => {
  const found = findDocTests('/p/src/calc.ts', SOURCE, '/p');

  it('names each comment after its owner, sorted by name as CPython does', () => {
    expect(found.tests.map((t) => [t.name, t.line, t.examples.length])).toEqual([
      ['calc', 1, 1],
      ['calc.Cal', 22, 0],
      ['calc.Cal.add', 23, 1],
      ['calc.Cal.constructor', 28, 1],
      ['calc.Shape', 13, 0],
      ['calc.Shape.area', 15, 1],
      ['calc.default', 52, 0],
      ['calc.f', 54, 0],
      ['calc.f.<line 55>', 55, 1],
      ['calc.helper', 33, 1],
      ['calc.obj.m', 40, 1],
    ]);
  });

  it('lists what testmod lists without a docstring: module, functions, classes, their methods', () => {
    const bare = findDocTests(
      '/p/bare.ts',
      [
        'export class K {',
        '  constructor() {}',
        '  m() {}',
        '  get g() { return 1; }',
        '  set g(v) {}',
        '  h = () => 1;',
        '  n = 1;',
        '  abstractLike?(): void;',
        '}',
        'export function f(a: string): void;',
        'export function f(a: unknown) {}',
        'const arrow = () => 1, plain = 2;',
        'export interface I { x: number }',
        'declare function ambient(): void;',
      ].join('\n'),
      '/p',
    );
    expect(bare.tests.map((t) => [t.name, t.line, t.examples.length])).toEqual([
      ['bare', 1, 0],
      ['bare.K', 1, 0],
      ['bare.K.constructor', 2, 0],
      ['bare.K.g', 4, 0],
      ['bare.K.h', 6, 0],
      ['bare.K.m', 3, 0],
      ['bare.arrow', 12, 0],
      ['bare.f', 11, 0],
    ]);
  });

  it('shows paths relative to the working directory and the >>> line of each example', () => {
    expect(found.shownFile).toBe('src/calc.ts');
    expect(found.tests.find((t) => t.name === 'calc.Cal.add')?.examples[0]?.line).toBe(24);
  });

  it('lists the top-level value bindings, not types or ambient declarations', () => {
    expect(found.scopeNames).toEqual([
      'a',
      'ns',
      'def',
      'Cal',
      'helper',
      'obj',
      'x',
      'z',
      'later',
      'again',
      'Color',
      'Space',
      'f',
    ]);
  });

  it('counts CR and CRLF line ends as one line each', () => {
    const crlf = findDocTests(
      '/p/w.ts',
      '\r\n/**\r\n * >>> 1\r\n * 1\r\n */\r\nexport const w = 1;\r\n',
      '/p',
    );
    expect(crlf.tests[1]).toMatchObject({ name: 'w.w', line: 2 });
    expect(crlf.tests[1]?.examples[0]).toMatchObject({ line: 3, source: '1\n', want: '1\n' });
  });

  it('parses JavaScript and JSX files too', () => {
    const tested = (file: string, text: string) =>
      findDocTests(file, text, '/p').tests.filter((t) => t.examples.length > 0)[0]?.name;
    expect(tested('/p/j.jsx', '/** >>> 1\n * 1 */\nexport const j = <b/>;')).toBe('j.j');
    expect(tested('/p/k.mjs', '/** >>> 1\n * 1 */\nexport const k = 1;')).toBe('k.k');
    expect(tested('/p/t.tsx', '/** >>> 1\n * 1 */\nexport const t = <b/>;')).toBe('t.t');
  });

  it('ignores plain block comments and /**/: only the module, with no tests', () => {
    const found = findDocTests('/p/q.ts', '/* >>> 1 */ /**/ export const q = 1;', '/p');
    expect(found.tests).toEqual([{ name: 'q', file: 'q.ts', line: 1, examples: [] }]);
  });
});

describe('moduleName', () => {
  it('drops the directory and the extension', () => {
    expect(moduleName('src/domain/calculation.ts')).toBe('calculation');
    expect(moduleName('a/b.test.mts')).toBe('b.test');
    expect(moduleName('x.jsx')).toBe('x');
  });
});

describe('topLevelNames', () => {
  it('keeps imports-equals unless type-only', () => {
    const sf = ts.createSourceFile(
      'm.ts',
      "import fs = require('fs');\nimport type T = require('t');",
      ts.ScriptTarget.Latest,
    );
    expect(topLevelNames(sf)).toEqual(['fs']);
  });
});
