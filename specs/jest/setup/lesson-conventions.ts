/**
 * What the Jest and Vitest lesson suites share (their support modules
 * re-export it), so both name and configure their tests the same way.
 *
 * The custom command-line options are like a conftest.py's
 * `pytest_addoption`. Neither Jest nor Vitest accepts unknown flags, so
 * `scripts/run-framework.ts` parses them and hands them to the tests through
 * environment variables; the tests read them back with `osNameOption()`.
 *
 * Loaded by Jest (CommonJS) too: no `import.meta` here.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The `--os-name` choices, as in fixtures/python/conftest.py. */
export const OS_NAMES = ['linux', 'windows', 'darwin'] as const;
export type OsName = (typeof OS_NAMES)[number];

const DEFAULT_OS_NAME: OsName = 'linux';

/** The environment variable that carries `--os-name` to the test workers. */
export const OS_NAME_ENV = 'TEST_DOJO_OS_NAME';

export function isOsName(value: string): value is OsName {
  return (OS_NAMES as readonly string[]).includes(value);
}

/** The `--os-name` the suite was started with (`linux` when not given). */
export function osNameOption(env: NodeJS.ProcessEnv = process.env): OsName {
  const value = env[OS_NAME_ENV];
  if (value === undefined || value === '') return DEFAULT_OS_NAME;
  if (!isOsName(value)) {
    throw new Error(`${OS_NAME_ENV}=${value}: expected one of ${OS_NAMES.join(', ')}`);
  }
  return value;
}

/**
 * `title [skip: reason]`: how both suites name a test that may be skipped.
 * Neither Jest's nor Vitest's JSON report carries a skip reason, so it goes
 * in the title, where every reporter shows it (like `pytest -rs`). A title's
 * concept tag comes before the reason: `title [concept-id] [skip: reason]`
 * (specs/concept-tags.ts).
 */
export function titleWithReason(title: string, reason: string): string {
  return `${title} [skip: ${reason}]`;
}

/** The two TypeScript test frameworks the lessons run in. */
export type FrameworkName = 'vitest' | 'jest';
export const FRAMEWORK_NAMES: readonly FrameworkName[] = ['vitest', 'jest'];

/** The framework's own bin script, as its package.json declares it, resolved from `fromDir`. */
export function frameworkBin(framework: FrameworkName, fromDir: string): string {
  const require = createRequire(join(fromDir, 'resolve-from.js'));
  const manifestPath = require.resolve(`${framework}/package.json`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    bin: string | Record<string, string>;
  };
  const bin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin[framework];
  if (!bin) throw new Error(`${framework}: no bin entry in ${manifestPath}`);
  return join(dirname(manifestPath), bin);
}

export interface FrameworkResult {
  status: number | null;
  /** stdout and stderr together: the frameworks split their output differently. */
  output: string;
}

/** How long one child framework run may take before it counts as hung (a busy machine is slow). */
const FRAMEWORK_RUN_LIMIT_MS = 60_000;

/** The test timeout for a lesson test that runs a framework up to twice. */
export const FRAMEWORK_RUN_TEST_TIMEOUT_MS = 2 * FRAMEWORK_RUN_LIMIT_MS + 10_000;

/**
 * Run a framework to completion in a child process, for the lessons that
 * show what a command line does. The limit only stops a hung child.
 */
export function runFrameworkSync(
  framework: FrameworkName,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): FrameworkResult {
  const result = spawnSync(process.execPath, [frameworkBin(framework, options.cwd), ...args], {
    cwd: options.cwd,
    env: { ...withoutLessonVariables(process.env), ...options.env, NO_COLOR: '1', CI: 'true' },
    encoding: 'utf8',
    timeout: FRAMEWORK_RUN_LIMIT_MS,
  });
  if (result.error) throw result.error;
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** The parent run's options must not leak into a child run that a lesson starts. */
function withoutLessonVariables(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { [OS_NAME_ENV]: _os, TEST_DOJO_DEMO_FAILURES: _demos, ...rest } = env;
  return rest;
}
