/**
 * unittest's TestCase in Jest: a `describe` is the class, `beforeEach` and
 * `afterEach` are setUp and tearDown, `expect` replaces the assert* methods.
 * Python: fixtures/python/test_calculation.py (CalTest).
 */
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { addNum, Cal } from '../../../src/domain/calculation.ts';
import { skipIf } from '../support/conftest.ts';

// The course skips a test while the release name is 'test'.
const releaseName: string = 'test';

describe('CalTest', () => {
  const events: string[] = [];
  let cal: Cal | undefined;

  // setUp: a fresh calculator before each test.
  beforeEach(() => {
    cal = new Cal();
    events.push('setUp');
  });

  // tearDown: runs after each test, even a failing one.
  afterEach(() => {
    cal = undefined;
    events.push('tearDown');
  });

  /** The calculator setUp made for the running test. */
  function current(): Cal {
    if (!cal) throw new Error('setUp did not run');
    return cal;
  }

  test('setUp and tearDown run around each test [unittest-setup-teardown]', () => {
    // Every earlier test was torn down before this one was set up.
    expect(events.at(-1)).toBe('setUp');
    expect(events.filter((e) => e === 'setUp')).toHaveLength(
      events.filter((e) => e === 'tearDown').length + 1,
    );
    expect(current()).toBeInstanceOf(Cal);
  });

  test('addNumAndDouble(1, 1) equals 4 (assertEqual) [unittest-assert-equal]', () => {
    expect(current().addNumAndDouble(1, 1)).toBe(4);
  });

  test('addNum(1, 1) is not 4 (assertNotEqual) [unittest-assert-not-equal]', () => {
    expect(addNum(1, 1)).not.toBe(4);
  });

  test('a string argument throws a TypeError (assertRaises) [unittest-assert-raises]', () => {
    // JavaScript has no `with`: the code that should throw goes in a function.
    expect(() => current().addNumAndDouble('1' as unknown as number, 1)).toThrow(TypeError);
    expect(() => current().addNumAndDouble('1' as unknown as number, 1)).toThrow(
      'must be a finite number',
    );
  });

  test.skip('skipped unconditionally [unittest-skip] [skip: shows an unconditional skip]', () => {
    throw new Error('a skipped test never runs');
  });

  skipIf(releaseName === 'test', "release name is 'test'")(
    'addNumAndDouble(2, 3) equals 10 on a release [unittest-skip-if]',
    () => {
      expect(current().addNumAndDouble(2, 3)).toBe(10);
    },
  );
});
