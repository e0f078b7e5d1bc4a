/**
 * The domain's doctest examples (the `>>>` lines in src/domain/calculation.ts,
 * run as they are by tsdoctest) written as Vitest tests: one test per doctest
 * item, named like the item. Python can do the same the other way round:
 * `doctest.DocTestSuite(calculation)` turns docstrings into unittest tests.
 * Python: fixtures/python/calculation.py (`python3 -m doctest -v calculation.py`).
 */
import { describe, expect, test } from 'vitest';
import { addNum, Cal } from '../../../src/domain/calculation.ts';

describe('calculation doctest examples', () => {
  test('calculation [doctest-module-examples]', () => {
    expect(addNum(2, 3)).toBe(5);
  });

  test('calculation.Cal.addNumAndDouble [doctest-method-examples]', () => {
    const c = new Cal();
    expect(c.addNumAndDouble(1, 1)).toBe(4);
    expect(c.addNumAndDouble(2.5, -0.5)).toBe(4);
    expect(() => c.addNumAndDouble('2' as unknown as number, 1)).toThrow(
      new TypeError('x must be a finite number, got string "2"'),
    );
  });

  test('calculation.addNum [doctest-function-examples]', () => {
    expect(addNum(1, 1)).toBe(2);
    // The doctest shows the float error exactly; toBe compares exactly too.
    expect(addNum(0.1, 0.2)).toBe(0.30000000000000004);
    expect(() => addNum(1, Number.NaN)).toThrow(
      new TypeError('y must be a finite number, got number NaN'),
    );
  });
});
