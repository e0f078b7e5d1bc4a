/**
 * `pytest -s`: pytest captures what tests print and shows it only for
 * failing tests; `-s` shows everything. Vitest shows console output by
 * default (labelled with the test that logged it), `--silent` hides it all,
 * and `--silent=passed-only` behaves like pytest without `-s`.
 * Shown by running Vitest on a small example file.
 * Python: fixtures/python/test_calc.py (test_print_is_captured).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FRAMEWORK_RUN_TEST_TIMEOUT_MS, runFrameworkSync } from '../support/conftest.ts';

const root = resolve(import.meta.dirname, '../../..');

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

  /** Vitest's output for the example file, with extra flags. */
  function run(flags: string[]): string {
    const { status, output } = runFrameworkSync(
      'vitest',
      ['run', '--root', example, '--globals', ...flags],
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

  test(
    '--silent=passed-only shows only failing tests’ output, like pytest without -s',
    () => {
      const output = run(['--silent=passed-only']);
      expect(output).not.toContain('printed by a passing test');
      expect(output).toContain('printed by a failing test');
    },
    FRAMEWORK_RUN_TEST_TIMEOUT_MS,
  );
});
