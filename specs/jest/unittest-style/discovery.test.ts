/**
 * Test discovery: which files and tests a framework collects. unittest takes
 * `test*.py` files and `test*` methods; Jest takes file names (its defaults,
 * or `testMatch` in jest.config.js) and every `test`/`it` call in them.
 * The framework itself is asked (`jest --listTests`), so this is its real rule.
 * Python: fixtures/python/test_calculation.py (DiscoveryTest).
 */

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { FRAMEWORK_RUN_TEST_TIMEOUT_MS, runFrameworkSync } from '../support/conftest.ts';

const root = resolve(__dirname, '../../..');

/** The files `jest --listTests` would run, relative to `dir`. */
function listTests(dir: string, args: string[], env?: NodeJS.ProcessEnv): string[] {
  const { status, output } = runFrameworkSync('jest', [...args, '--listTests', '--json'], {
    cwd: root,
    env,
  });
  expect(status).toBe(0);
  const files = JSON.parse(output) as string[];
  return files.map((file) => relative(dir, file)).sort();
}

describe('discovery', () => {
  let examples = '';

  beforeAll(async () => {
    examples = await mkdtemp(join(tmpdir(), 'test-dojo-discovery-'));
    await mkdir(join(examples, '__tests__'));
    for (const name of [
      'calc.test.ts',
      'calc.spec.ts',
      '__tests__/calc.ts',
      'test_calc.ts',
      'calc_test.ts',
      'calc.ts',
    ]) {
      await writeFile(join(examples, name), '');
    }
  });

  afterAll(async () => {
    await rm(examples, { recursive: true, force: true });
  });

  test(
    'the default rules collect *.test.ts, *.spec.ts and __tests__/, never test_*.ts [unittest-discovery]',
    () => {
      const listed = listTests(examples, ['--rootDir', examples, '--config', '{}']);
      expect(listed).toEqual(['__tests__/calc.ts', 'calc.spec.ts', 'calc.test.ts']);
    },
    FRAMEWORK_RUN_TEST_TIMEOUT_MS,
  );

  test(
    'our testMatch collects specs/jest/**/*.test.ts, without helpers or failure demos',
    () => {
      const listed = listTests(root, []);
      expect(listed).toContain('specs/jest/unittest-style/discovery.test.ts');
      expect(listed.every((f) => f.startsWith('specs/jest/') && f.endsWith('.test.ts'))).toBe(true);
      expect(listed).not.toContain('specs/jest/support/conftest.ts');
      expect(listed.filter((f) => f.startsWith('specs/jest/demo-failures/'))).toEqual([]);
      const withDemos = listTests(root, [], { TEST_DOJO_DEMO_FAILURES: '1' });
      expect(withDemos).toContain('specs/jest/demo-failures/wrong-expected.test.ts');
    },
    FRAMEWORK_RUN_TEST_TIMEOUT_MS,
  );
});
