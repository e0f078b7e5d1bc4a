/**
 * The custom `--os-name` option (pytest's `--os-name=windows` from a
 * conftest.py) reaches the test that reads it in both frameworks, through
 * the real npm scripts and scripts/run-framework.ts; `linux` by default.
 * Each run is limited to the one lesson test that prints the option. The
 * wrapper must also pass the framework's exit code on (a failing demo: 1).
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');

const RUNS = {
  vitest: ['specs/vitest/pytest-style/test-calc.test.ts', '-t', 'config', '--reporter=default'],
  jest: ['specs/jest/pytest-style/test-calc.test.ts', '-t', 'config', '--reporters=default'],
} as const;

const DEMO = {
  vitest: ['specs/vitest/demo-failures/wrong-expected.test.ts', '--reporter=default'],
  jest: ['specs/jest/demo-failures/wrong-expected.test.ts', '--reporters=default'],
} as const;

/** `npm run test:<framework> -- <args>`, with stdout and stderr together. */
function npmRun(framework: keyof typeof RUNS, args: readonly string[], extraEnv = {}) {
  const { TEST_DOJO_OS_NAME: _os, TEST_DOJO_DEMO_FAILURES: _demos, ...env } = process.env;
  const result = spawnSync('npm', ['run', '--silent', `test:${framework}`, '--', ...args], {
    cwd: root,
    env: { ...env, NO_COLOR: '1', CI: 'true', ...extraEnv },
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (result.error) throw result.error;
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe.each(['vitest', 'jest'] as const)('npm run test:%s', (framework) => {
  test('-- --os-name=windows delivers windows to the test', () => {
    const { status, output } = npmRun(framework, ['--os-name=windows', ...RUNS[framework]]);
    expect(output).toContain('os-name: windows');
    expect(status).toBe(0);
  });

  test('without --os-name the test gets linux', () => {
    const { status, output } = npmRun(framework, RUNS[framework]);
    expect(output).toContain('os-name: linux');
    expect(status).toBe(0);
  });

  test('an unknown --os-name is a usage error (exit 2), as pytest makes it', () => {
    const { status, output } = npmRun(framework, ['--os-name=plan9', ...RUNS[framework]]);
    expect(status).toBe(2);
    expect(output).toContain('--os-name: expected one of linux, windows, darwin, got plan9');
  });

  test('a failing run keeps its exit code through the wrapper', () => {
    const { status, output } = npmRun(framework, DEMO[framework], { TEST_DOJO_DEMO_FAILURES: '1' });
    expect(output).toContain('addNum(1, 1) is 3 (wrong expected value)');
    expect(status).toBe(1);
  });
});
