/**
 * DELIBERATE FAILURE (a demo, excluded from normal runs; TEST_DOJO_DEMO_FAILURES=1
 * or `npm start -- --demo-failures` runs it): a wrong expected value, as in the
 * course's failing doctest (`add_num(1,1)` expected 3, got 2). Compare the
 * report with pytest's for fixtures/python/demo_failures/test_demo_failures.py.
 */
import { describe, expect, test } from '@jest/globals';
import { addNum } from '../../../src/domain/calculation.ts';

describe('classic failures', () => {
  test('addNum(1, 1) is 3 (wrong expected value) [demo-wrong-expected-value]', () => {
    expect(addNum(1, 1)).toBe(3);
  });
});
