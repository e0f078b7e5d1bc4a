import { describe, expect, test } from 'vitest';
import { addNum, Cal } from '../../../src/domain/calculation.ts';

describe('addNum', () => {
  test('adds two numbers', () => {
    expect(addNum(1, 1)).toBe(2);
    expect(addNum(-2.5, 0.5)).toBe(-2);
  });

  test.each([
    ['a string', '2', 1, 'x must be a finite number, got string "2"'],
    ['NaN', 1, Number.NaN, 'y must be a finite number, got number NaN'],
    ['Infinity', Number.POSITIVE_INFINITY, 1, 'x must be a finite number, got number Infinity'],
    ['undefined', undefined, 1, 'x must be a finite number, got undefined undefined'],
    ['null', 1, null, 'y must be a finite number, got object null'],
    ['a bigint', 1n, 1, 'x must be a finite number, got bigint 1'],
  ])('rejects %s with a TypeError', (_label, x, y, message) => {
    expect(() => addNum(x as number, y as number)).toThrow(new TypeError(message));
  });
});

describe('Cal.addNumAndDouble', () => {
  test('doubles the sum', () => {
    expect(new Cal().addNumAndDouble(1, 1)).toBe(4);
    expect(new Cal().addNumAndDouble(3, -1)).toBe(4);
  });

  test('throws a TypeError where JavaScript would concatenate', () => {
    expect(() => new Cal().addNumAndDouble('2' as unknown as number, 1)).toThrow(TypeError);
  });
});
