/**
 * DELIBERATE FAILURE (a demo, excluded from normal runs; TEST_DOJO_DEMO_FAILURES=1
 * or `npm start -- --demo-failures` runs it): an unexpected exception, as in
 * the course's failing doctest (`add_num_and_double("2", 1)` raised a TypeError).
 * Compare the report with pytest's for fixtures/python/demo_failures/test_demo_failures.py.
 */
import { describe, expect, test } from '@jest/globals';
import { Cal } from '../../../src/domain/calculation.ts';

describe('classic failures', () => {
  test('addNumAndDouble("2", 1) is 9 (unexpected exception) [demo-unexpected-exception]', () => {
    const cal = new Cal();
    expect(cal.addNumAndDouble('2' as unknown as number, 1)).toBe(9);
  });
});
