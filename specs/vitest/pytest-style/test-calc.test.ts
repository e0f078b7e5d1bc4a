/**
 * pytest's test_calc.py in Vitest: a plain test function, a test class with
 * setup_class/teardown_class (beforeAll/afterAll) and setup_method/
 * teardown_method (beforeEach/afterEach), skipif, raises, the request
 * fixture and the custom --os-name option.
 *
 * Vitest runs these tests in random order (vitest.config.ts
 * `sequence.shuffle`, the seed is printed as `Running tests with seed`;
 * replay one with `--sequence.seed=N`), as pytest-randomly does for pytest:
 * a test that only passes after another one has run hides a bug, so no test
 * here reads what another test left behind.
 * Python: fixtures/python/test_calc.py.
 */
import { resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect } from 'vitest';
import { Cal } from '../../../src/domain/calculation.ts';
import {
  FRAMEWORK_RUN_TEST_TIMEOUT_MS,
  runFrameworkSync,
  test,
  titleWithReason,
} from '../support/conftest.ts';

const isRelease = true;

test('addNumAndDouble(1, 1) is 4 (plain assert) [pytest-plain-assert]', () => {
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

  // The hooks print their names, as the course's setup_class prints: the
  // 'hook order' test below reads them from a run of this class.
  beforeAll(() => {
    console.log('setup_class');
    cal = new Cal();
  });

  afterAll(() => {
    console.log('teardown_class');
    cal = undefined;
  });

  // Vitest hands every hook the test's context, as pytest passes `method` to setup_method.
  beforeEach(({ task }) => {
    console.log(`setup_method ${task.name}`);
  });

  afterEach(({ task }) => {
    console.log(`teardown_method ${task.name}`);
  });

  test.skipIf(isRelease)(
    titleWithReason('addNumAndDouble(1, 1) is 4 [pytest-skipif]', 'this is a release build'),
    () => {
      expect(current().addNumAndDouble(1, 1)).toBe(4);
    },
  );

  test('a string argument throws a TypeError (raises) [pytest-raises]', () => {
    expect(() => current().addNumAndDouble('1' as unknown as number, 1)).toThrow(TypeError);
    expect(() => current().addNumAndDouble('1' as unknown as number, 1)).toThrow(
      /must be a finite number/,
    );
  });

  test('request: the test knows its own name [pytest-request-fixture]', ({ task }) => {
    // pytest's request.node; Vitest passes the running test to the test itself.
    expect(task.name).toBe('request: the test knows its own name [pytest-request-fixture]');
    expect(task.suite?.name).toBe('TestCal');
    expect(task.file.filepath).toMatch(/test-calc\.test\.ts$/);
  });

  test('config: the --os-name option reaches the test [pytest-custom-option]', ({ osName }) => {
    // request.config.getoption('--os-name'); `npm run test:vitest -- --os-name=windows`.
    console.log(`os-name: ${osName}`);
    // The course's test expects linux: any other --os-name fails, and the diff names the option.
    expect(`--os-name=${osName}`).toBe('--os-name=linux');
  });
});

describe('hook order', () => {
  /** What TestCal's hooks printed, in order, in a run of this file. */
  function hooksPrinted(output: string): string[] {
    return output
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => /^(setup_class|teardown_class|(setup|teardown)_method .+)$/.test(line));
  }

  test(
    'setup_class, setup_method, teardown_method, teardown_class ran in order [pytest-class-setup-teardown]',
    () => {
      // teardown_class runs after the class's last test, so no test of this
      // run can see it: run TestCal alone in a child Vitest and read its output.
      const { status, output } = runFrameworkSync(
        'vitest',
        ['run', import.meta.filename, '--testNamePattern=^TestCal ', '--reporter=default'],
        { cwd: resolve(import.meta.dirname, '../../..') },
      );
      expect(status).toBe(0);
      const printed = hooksPrinted(output);
      const ran = printed
        .filter((line) => line.startsWith('setup_method '))
        .map((line) => line.slice('setup_method '.length));
      // In whatever order the tests ran, each is wrapped in its own method
      // hooks and the class hooks wrap them all.
      expect(printed).toEqual([
        'setup_class',
        ...ran.flatMap((title) => [`setup_method ${title}`, `teardown_method ${title}`]),
        'teardown_class',
      ]);
      // The skipped test ran no hooks, as in pytest.
      expect([...ran].sort()).toEqual([
        'a string argument throws a TypeError (raises) [pytest-raises]',
        'config: the --os-name option reaches the test [pytest-custom-option]',
        'request: the test knows its own name [pytest-request-fixture]',
      ]);
    },
    FRAMEWORK_RUN_TEST_TIMEOUT_MS,
  );
});
