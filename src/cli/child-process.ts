/**
 * Starting the tools' child processes (frameworks, Python): one run with a
 * time limit that collects what it prints, and the environment a child gets.
 */
import { spawn } from 'node:child_process';

export interface ProcessResult {
  /** null when the process could not start or was killed. */
  code: number | null;
  stdout: string;
  stderr: string;
  /** Why the process did not run to its end (not found, timed out). */
  failure?: string;
  ms: number;
}

export interface ProcessOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
}

export function runProcess(
  command: string,
  args: string[],
  options: ProcessOptions,
): Promise<ProcessResult> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let failure: string | undefined;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => {
      failure = `timed out after ${options.timeoutMs} ms`;
      child.kill('SIGKILL');
    }, options.timeoutMs);
    let spawnFailed = false;
    child.on('error', (err: NodeJS.ErrnoException) => {
      spawnFailed = true;
      failure = err.code === 'ENOENT' ? `${command} not found` : err.message;
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      // A process that never started has no exit code (Node reports the errno instead).
      const exit = spawnFailed ? null : code;
      resolve({ code: exit, stdout, stderr, failure, ms: performance.now() - started });
    });
  });
}

/**
 * The environment for a child run: ours, minus the variables of a Vitest or
 * Jest run we may be inside of (the project's own tests start `npm start`),
 * with the demo switch set only when asked for. `plain` (the default) turns
 * colours off, for output that is read rather than shown.
 */
export function childEnv(
  demoFailures: boolean,
  { plain = true }: { plain?: boolean } = {},
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(VITEST|JEST_WORKER_ID$|TEST_DOJO_DEMO_FAILURES$|NODE_OPTIONS$)/.test(key)) continue;
    env[key] = value;
  }
  if (demoFailures) env.TEST_DOJO_DEMO_FAILURES = '1';
  // No __pycache__ or .pytest_cache in the repository.
  env.PYTHONDONTWRITEBYTECODE = '1';
  if (plain) {
    // FORCE_COLOR=0 would force colour in pytest.
    delete env.FORCE_COLOR;
    env.NO_COLOR = '1';
    env.PY_COLORS = '0';
  }
  return env;
}
