/**
 * The one interpreter every Python run uses (src/cli/python.ts), chosen among
 * fake interpreters: small shell scripts that answer the probe with the
 * modules they "have". TEST_DOJO_PYTHON wins; else the first candidate with
 * pytest and pytest-cov; else the best there is, and what is missing says how
 * to install it; under CI=true a missing piece is a failure (npm run test:python too).
 */
import { spawnSync } from 'node:child_process';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { choosePython, ciFailure, lacking, PYTHON_ENV } from '../../../src/cli/python.ts';

const root = path.resolve(import.meta.dirname, '../../..');
let dir = '';
/** A fake interpreter by what it has: `full` (pytest, pytest_cov), `pytest`, `bare`, `broken`. */
const fake = (name: string) => path.join(dir, name);

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'fake-python-'));
  const scripts: Record<string, string> = {
    full: "printf 'pytest\\npytest_cov\\n'",
    pytest: "printf 'pytest\\n'",
    bare: 'exit 0',
    broken: 'echo "fatal: no standard library" >&2; exit 1',
  };
  for (const [name, body] of Object.entries(scripts)) {
    await writeFile(fake(name), `#!/bin/sh\n${body}\n`);
    await chmod(fake(name), 0o755);
  }
  // `python3` on a PATH of its own: the first candidate, looked up as the course would.
  await writeFile(fake('python3'), `#!/bin/sh\nprintf 'pytest\\npytest_cov\\n'\n`);
  await chmod(fake('python3'), 0o755);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('choosing the interpreter', () => {
  test('TEST_DOJO_PYTHON is used as it is, even without pytest-cov', async () => {
    const python = await choosePython({ [PYTHON_ENV]: fake('pytest') }, undefined, [fake('full')]);
    expect(python).toMatchObject({ command: fake('pytest'), pytest: true, pytestCov: false });
    expect(lacking(python, 'pytest')).toBeUndefined();
    expect(lacking(python, 'pytest-cov')).toBe(
      `pytest-cov is not installed for ${fake('pytest')} (pip install pytest pytest-cov)`,
    );
  });

  test('a TEST_DOJO_PYTHON that does not run is said, with no fallback', async () => {
    const python = await choosePython({ [PYTHON_ENV]: fake('broken') }, undefined, [fake('full')]);
    expect(python.command).toBeUndefined();
    expect(lacking(python, 'python')).toBe(`${PYTHON_ENV}=${fake('broken')} does not run`);
  });

  test('python3 is looked up on the PATH and taken when it has both', async () => {
    const python = await choosePython({ PATH: dir });
    expect(python).toMatchObject({ command: 'python3', pytest: true, pytestCov: true });
  });

  test('the first candidate without pytest-cov gives way to the next one with it', async () => {
    const python = await choosePython({}, undefined, [fake('pytest'), fake('full')]);
    expect(python.command).toBe(fake('full'));
    expect(lacking(python, 'pytest-cov')).toBeUndefined();
  });

  test('with no complete candidate the best is kept: pytest before none', async () => {
    const python = await choosePython({}, undefined, [
      fake('bare'),
      fake('pytest'),
      fake('broken'),
    ]);
    expect(python.command).toBe(fake('pytest'));
    const bare = await choosePython({}, undefined, [fake('broken'), fake('bare')]);
    expect(bare.command).toBe(fake('bare'));
    expect(lacking(bare, 'python')).toBeUndefined();
    expect(lacking(bare, 'pytest')).toBe(
      `pytest is not installed for ${fake('bare')} (pip install pytest pytest-cov)`,
    );
  });

  test('none that runs: says which were tried and how to install', async () => {
    const python = await choosePython({}, undefined, [fake('broken'), fake('nowhere')]);
    expect(lacking(python, 'python')).toBe(
      `no Python 3 found (${fake('broken')}, ${fake('nowhere')}): install Python 3, then pip install pytest pytest-cov`,
    );
  });

  test('under CI=true a missing pytest-cov is a failure; elsewhere it is not', async () => {
    const ci = await choosePython({ CI: 'true', [PYTHON_ENV]: fake('pytest') });
    expect(ciFailure(ci)).toBe(
      `CI=true and pytest-cov is not installed for ${fake('pytest')} (pip install pytest pytest-cov)`,
    );
    expect(ciFailure(await choosePython({ CI: 'true', [PYTHON_ENV]: fake('full') }))).toBe(
      undefined,
    );
    expect(ciFailure(await choosePython({ [PYTHON_ENV]: fake('pytest') }))).toBeUndefined();
  });
});

describe('npm run test:python with a fake interpreter', () => {
  const testPython = (env: Record<string, string>) => {
    const { CI: _ci, ...rest } = process.env;
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/test-python.ts'], {
      cwd: root,
      env: { ...rest, ...env },
      encoding: 'utf8',
      timeout: 60_000,
    });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  };

  test('no Python that runs: skipped with the reason, exit 0', () => {
    const { status, output } = testPython({ [PYTHON_ENV]: fake('broken') });
    expect(output).toContain(`test:python: skipped: ${PYTHON_ENV}=${fake('broken')} does not run`);
    expect(status).toBe(0);
  });

  test('under CI=true the same is a failure, before anything runs', () => {
    const { status, output } = testPython({ [PYTHON_ENV]: fake('pytest'), CI: 'true' });
    expect(output).toContain(
      `test:python: failed: CI=true and pytest-cov is not installed for ${fake('pytest')}`,
    );
    expect(output).not.toContain('$ ');
    expect(status).toBe(1);
  });
});
