/**
 * `pytest -s`: pytest captures what tests print and shows it only for
 * failing tests; `-s` shows everything. Jest does the opposite: it shows
 * console output by default (buffered, with the line that logged it) and
 * `--silent` hides it all. Shown by running Jest on a small example file.
 * Python: fixtures/python/test_calc.py (test_print_is_captured).
 */

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { FRAMEWORK_RUN_TEST_TIMEOUT_MS, runFrameworkSync } from '../support/conftest.ts';

const root = resolve(__dirname, '../../..');

// The printed text is joined at run time, so a failure's code excerpt never contains it.
const EXAMPLE = `
test('passes', () => { console.log(['printed', 'by a passing test'].join(' ')); });
test('fails', () => { console.log(['printed', 'by a failing test'].join(' ')); throw new Error('boom'); });
`;

describe('capture output', () => {
  let example = '';

  beforeAll(async () => {
    example = await mkdtemp(join(tmpdir(), 'test-dojo-capture-'));
    await writeFile(join(example, 'prints.test.js'), EXAMPLE);
  });

  afterAll(async () => {
    await rm(example, { recursive: true, force: true });
  });

  /** Jest's output for the example file, with extra flags. */
  function run(flags: string[]): string {
    const { status, output } = runFrameworkSync(
      'jest',
      ['--rootDir', example, '--config', '{"transform":{}}', ...flags],
      { cwd: root },
    );
    // One example test fails on purpose.
    expect(status).toBe(1);
    return output;
  }

  test(
    'console output is shown by default (pytest needs -s) [pytest-capture-output]',
    () => {
      const output = run([]);
      expect(output).toContain('printed by a passing test');
      expect(output).toContain('printed by a failing test');
    },
    FRAMEWORK_RUN_TEST_TIMEOUT_MS,
  );

  test(
    '--silent hides all console output',
    () => {
      const output = run(['--silent']);
      expect(output).not.toContain('printed by a passing test');
      expect(output).not.toContain('printed by a failing test');
      expect(output).toContain('boom');
    },
    FRAMEWORK_RUN_TEST_TIMEOUT_MS,
  );
});
