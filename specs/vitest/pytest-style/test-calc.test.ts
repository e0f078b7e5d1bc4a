/**
 * pytest's test_calc.py in Vitest: a plain test function, a test class with
 * setup_class/teardown_class (beforeAll/afterAll) and setup_method/
 * teardown_method (beforeEach/afterEach), skipif, raises, the request
 * fixture and the custom --os-name option.
 * Python: fixtures/python/test_calc.py.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect } from 'vitest';
import { Cal } from '../../../src/domain/calculation.ts';
import { test, titleWithReason } from '../support/conftest.ts';

const isRelease = true;

// What the class hooks did, in order.
const calls: string[] = [];

test('addNumAndDouble(1, 1) is 4 (plain assert)', () => {
  // pytest rewrites `assert a == b` to explain failures; expect() does that here.
  const cal = new Cal();
  expect(cal.addNumAndDouble(1, 1)).toBe(4);
});

describe('TestCal', () => {
  let cal: Cal | undefined;

  function current(): Cal {
    if (!cal) throw new Error('setup_class did not run');
    return cal;
  }

  beforeAll(() => {
    calls.push('setup_class');
    cal = new Cal();
  });

  afterAll(() => {
    calls.push('teardown_class');
    cal = undefined;
  });

  // Vitest hands every hook the test's context, as pytest passes `method` to setup_method.
  beforeEach(({ task }) => {
    calls.push(`setup_method ${task.name}`);
  });

  afterEach(({ task }) => {
    calls.push(`teardown_method ${task.name}`);
  });

  test.skipIf(isRelease)(
    titleWithReason('addNumAndDouble(1, 1) is 4', 'this is a release build'),
    () => {
      expect(current().addNumAndDouble(1, 1)).toBe(4);
    },
  );

  test('a string argument throws a TypeError (raises)', () => {
    expect(() => current().addNumAndDouble('1' as unknown as number, 1)).toThrow(TypeError);
    expect(() => current().addNumAndDouble('1' as unknown as number, 1)).toThrow(
      /must be a finite number/,
    );
  });

  test('request: the test knows its own name', ({ task }) => {
    // pytest's request.node; Vitest passes the running test to the test itself.
    expect(task.name).toBe('request: the test knows its own name');
    expect(task.suite?.name).toBe('TestCal');
    expect(task.file.filepath).toMatch(/test-calc\.test\.ts$/);
  });

  test('config: the --os-name option reaches the test', ({ osName }) => {
    // request.config.getoption('--os-name'); `npm run test:vitest -- --os-name=windows`.
    console.log(`os-name: ${osName}`);
    // The course's test expects linux: any other --os-name fails, and the diff names the option.
    expect(`--os-name=${osName}`).toBe('--os-name=linux');
  });
});

describe('hook order', () => {
  test('setup_class, setup_method, teardown_method, teardown_class ran in order', () => {
    // The skipped test ran no hooks, as in pytest.
    expect(calls).toEqual([
      'setup_class',
      'setup_method a string argument throws a TypeError (raises)',
      'teardown_method a string argument throws a TypeError (raises)',
      'setup_method request: the test knows its own name',
      'teardown_method request: the test knows its own name',
      'setup_method config: the --os-name option reaches the test',
      'teardown_method config: the --os-name option reaches the test',
      'teardown_class',
    ]);
  });
});
