/**
 * `npm run test:vitest` / `npm run test:jest`: runs Vitest or Jest with our
 * custom options (`--os-name=windows`, like pytest's conftest option) taken
 * out of the arguments and passed on as environment variables; every other
 * argument goes to the framework untouched. Exit code and signals are forwarded.
 *
 *   tsx scripts/run-framework.ts vitest run [--os-name NAME] [vitest args...]
 *   tsx scripts/run-framework.ts jest [--os-name NAME] [jest args...]
 */
import { spawn } from 'node:child_process';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  FRAMEWORK_NAMES,
  type FrameworkName,
  frameworkBin,
  isOsName,
  OS_NAME_ENV,
  OS_NAMES,
} from '../specs/jest/setup/lesson-conventions.ts';
import { EXIT_USAGE, UsageError } from '../src/cli/usage.ts';

interface FrameworkRun {
  framework: FrameworkName;
  /** Arguments for the framework, our options removed. */
  args: string[];
  /** Environment additions carrying our options. */
  env: Record<string, string>;
}

/** Split argv into the framework's arguments and our options (throws UsageError). */
function parseFrameworkArgs(argv: string[]): FrameworkRun {
  const [framework, ...rest] = argv;
  if (!FRAMEWORK_NAMES.includes(framework as FrameworkName)) {
    throw new UsageError(
      `first argument must be one of ${FRAMEWORK_NAMES.join(', ')}, got ${framework ?? 'nothing'}`,
    );
  }
  // Non-strict: the framework's own flags are unknown to us and stay as they are.
  const { tokens } = parseArgs({
    args: rest,
    strict: false,
    allowPositionals: true,
    tokens: true,
    options: { 'os-name': { type: 'string' } },
  });
  const env: Record<string, string> = {};
  const ours = new Set<number>();
  for (const token of tokens) {
    if (token.kind !== 'option' || token.name !== 'os-name') continue;
    const value = token.value;
    if (value === undefined || !isOsName(value)) {
      throw new UsageError(
        `--os-name: expected one of ${OS_NAMES.join(', ')}, got ${value ?? 'no value'}`,
      );
    }
    env[OS_NAME_ENV] = value;
    ours.add(token.index);
    // `--os-name windows` (two tokens) rather than `--os-name=windows`.
    if (token.inlineValue === false) ours.add(token.index + 1);
  }
  return { framework: framework as FrameworkName, args: rest.filter((_, i) => !ours.has(i)), env };
}

function main(): void {
  let run: FrameworkRun;
  try {
    run = parseFrameworkArgs(process.argv.slice(2));
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`run-framework: ${err.message}\n`);
    process.exit(EXIT_USAGE);
  }
  const child = spawn(
    process.execPath,
    [frameworkBin(run.framework, dirname(fileURLToPath(import.meta.url))), ...run.args],
    {
      stdio: 'inherit',
      env: { ...process.env, ...run.env },
    },
  );
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, forward);
  child.on('error', (err) => {
    process.stderr.write(`run-framework: cannot start ${run.framework}: ${err.message}\n`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    if (signal) {
      // Die of the same signal so our parent sees what really happened.
      process.removeAllListeners(signal);
      process.kill(process.pid, signal);
      return;
    }
    process.exit(code ?? 1);
  });
}

main();
