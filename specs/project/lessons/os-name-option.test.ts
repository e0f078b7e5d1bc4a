/**
 * The custom `--os-name` option (pytest's `--os-name=windows` from a
 * conftest.py) reaches the test that reads it in both frameworks, through
 * the real npm scripts and scripts/run-framework.ts; `linux` by default.
 * Each run is limited to the one lesson test that prints the option.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');

const RUNS = {
  vitest: ['specs/vitest/pytest-style/test-calc.test.ts', '-t', 'config', '--reporter=default'],
  jest: ['specs/jest/pytest-style/test-calc.test.ts', '-t', 'config', '--reporters=default'],
} as const;

/** `npm run test:<framework> -- <args>`, with stdout and stderr together. */
function npmRun(framework: keyof typeof RUNS, extra: string[]) {
  const { TEST_DOJO_OS_NAME: _inherited, ...env } = process.env;
  const result = spawnSync(
    'npm',
    ['run', '--silent', `test:${framework}`, '--', ...extra, ...RUNS[framework]],
    {
      cwd: root,
      env: { ...env, NO_COLOR: '1', CI: 'true' },
      encoding: 'utf8',
      timeout: 120_000,
    },
  );
  if (result.error) throw result.error;
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe.each(['vitest', 'jest'] as const)('npm run test:%s', (framework) => {
  test('-- --os-name=windows delivers windows to the test', () => {
    const { status, output } = npmRun(framework, ['--os-name=windows']);
    expect(output).toContain('os-name: windows');
    expect(status).toBe(0);
  });

  test('without --os-name the test gets linux', () => {
    const { status, output } = npmRun(framework, []);
    expect(output).toContain('os-name: linux');
    expect(status).toBe(0);
  });

  test('an unknown --os-name is a usage error (exit 2), as pytest makes it', () => {
    const { status, output } = npmRun(framework, ['--os-name=plan9']);
    expect(status).toBe(2);
    expect(output).toContain('--os-name: expected one of linux, windows, darwin, got plan9');
  });
});
