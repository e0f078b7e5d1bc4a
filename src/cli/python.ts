/**
 * The one Python interpreter every Python run uses (`npm run test:python`,
 * `npm run coverage`, the Python column of `npm start`): `TEST_DOJO_PYTHON`
 * when it is set, else the first of `python3` and `/usr/bin/python3` that
 * imports both pytest and pytest_cov. When none does, the best of them (pytest
 * before none) still runs what it can, and `lacking` says how to install the
 * rest. Under `CI=true` nothing may be missing: `ciFailure` says what is.
 */
import { runProcess } from './child-process.ts';

export const PYTHON_ENV = 'TEST_DOJO_PYTHON';
export const PYTHON_CANDIDATES: readonly string[] = ['python3', '/usr/bin/python3'];
export const INSTALL_HINT = 'pip install pytest pytest-cov';

/** Prints the name of each module that imports. */
const PROBE = [
  'import importlib',
  'for name in ("pytest", "pytest_cov"):',
  '    try:',
  '        importlib.import_module(name)',
  '        print(name)',
  '    except ImportError:',
  '        pass',
].join('\n');

/** What starting an interpreter with `-c PROBE` gave: `code` null when it did not start. */
export interface ProbeRun {
  code: number | null;
  stdout: string;
}

export type Probe = (command: string, args: string[]) => Promise<ProbeRun>;

export interface Python {
  /** The interpreter to start; undefined when none runs. */
  command?: string;
  pytest: boolean;
  pytestCov: boolean;
  /** Why no interpreter was chosen. */
  notFound?: string;
  /** `CI=true`: a missing piece is a failure, not a skip. */
  ci: boolean;
}

export type Need = 'python' | 'pytest' | 'pytest-cov';

/** Starts the interpreter with `env` (its PATH finds `python3`). */
const probeIn =
  (env: NodeJS.ProcessEnv): Probe =>
  async (command, args) => {
    const { code, stdout } = await runProcess(command, args, {
      cwd: process.cwd(),
      env,
      timeoutMs: 60_000,
    });
    return { code, stdout };
  };

export async function choosePython(
  env: NodeJS.ProcessEnv = process.env,
  probe: Probe = probeIn(env),
  candidates: readonly string[] = PYTHON_CANDIDATES,
): Promise<Python> {
  const ci = env.CI === 'true' || env.CI === '1';
  const chosen = env[PYTHON_ENV];
  const tried = chosen ? [chosen] : candidates;
  let best: Python | undefined;
  for (const command of tried) {
    const run = await probe(command, ['-c', PROBE]);
    if (run.code !== 0) continue;
    const found = run.stdout.split(/\r?\n/);
    const python = {
      command,
      pytest: found.includes('pytest'),
      pytestCov: found.includes('pytest_cov'),
      ci,
    };
    if (python.pytest && python.pytestCov) return python;
    if (!best || (python.pytest && !best.pytest)) best = python;
  }
  if (best) return best;
  const notFound = chosen
    ? `${PYTHON_ENV}=${chosen} does not run`
    : `no Python 3 found (${candidates.join(', ')}): install Python 3, then ${INSTALL_HINT}`;
  return { pytest: false, pytestCov: false, notFound, ci };
}

/** What stops a run that needs `need`, with how to install it; undefined when nothing does. */
export function lacking(python: Python, need: Need): string | undefined {
  if (!python.command) return python.notFound;
  if (need !== 'python' && !python.pytest) {
    return `pytest is not installed for ${python.command} (${INSTALL_HINT})`;
  }
  if (need === 'pytest-cov' && !python.pytestCov) {
    return `pytest-cov is not installed for ${python.command} (${INSTALL_HINT})`;
  }
  return undefined;
}

/** Under CI=true, every Python run needs the whole toolset: what is missing, or undefined. */
export function ciFailure(python: Python): string | undefined {
  const missing = lacking(python, 'pytest-cov');
  return python.ci && missing ? `CI=true and ${missing}` : undefined;
}
