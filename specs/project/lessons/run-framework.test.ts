/**
 * The custom `--os-name` option (pytest's `--os-name=windows` from a
 * conftest.py) reaches the test that reads it in both frameworks, through
 * the real npm scripts and scripts/run-framework.ts; `linux` by default.
 * As in the course, that test expects linux: `--os-name=windows` fails it,
 * with a message that names the option, in pytest, Jest and Vitest alike.
 * Each run is limited to the one lesson test that prints the option. The
 * wrapper must also pass the framework's exit code on (a failing demo: 1).
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { choosePython, lacking } from '../../../src/cli/python.ts';

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
function npmRun(framework: keyof typeof RUNS | 'python', args: readonly string[], extraEnv = {}) {
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
  test('-- --os-name=windows delivers windows to the test, which fails naming the option', () => {
    const { status, output } = npmRun(framework, ['--os-name=windows', ...RUNS[framework]]);
    expect(output).toContain('os-name: windows');
    expect(output).toMatch(/Expected: "--os-name=linux"\s+Received: "--os-name=windows"/);
    expect(status).toBe(1);
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

const python = await choosePython();
// npmRun sets CI=true, under which test:python needs pytest-cov too.
const noPytest = lacking(python, 'pytest-cov');

describe.skipIf(noPytest !== undefined && !python.ci)(
  `npm run test:python${noPytest ? ` (skipped: ${noPytest})` : ''}`,
  () => {
    test('-- --os-name=windows reaches pytest, and the test fails naming the option', () => {
      const { status, output } = npmRun('python', ['--os-name=windows']);
      expect(output).toContain('os-name: windows');
      expect(output).toContain('AssertionError: --os-name=windows: this test expects linux');
      expect(output).toMatch(/1 failed, \d+ passed/);
      expect(output).toContain('test:python: failed: pytest');
      expect(status).toBe(1);
    });

    test('without --os-name every reference passes', () => {
      const { status, output } = npmRun('python', []);
      expect(output).toContain('test:python: passed (doctest, unittest, pytest)');
      expect(status).toBe(0);
    });

    test('an unknown --os-name is a usage error (exit 2) before anything runs', () => {
      const { status, output } = npmRun('python', ['--os-name=plan9']);
      expect(status).toBe(2);
      expect(output).toMatch(/'plan9' is invalid\. Allowed choices are linux, windows, darwin/);
      expect(output).not.toContain('$ ');
    });
  },
);
