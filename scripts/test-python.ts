/**
 * `npm run test:python`: the Python references in fixtures/python, run the
 * way the course runs them: `python3 -m doctest`, `python3 -m unittest`,
 * `python3 -m pytest`. Missing python3 (or pytest) is not a failure of this
 * project: the step is skipped with a message and the exit code stays 0.
 * The deliberate failure demos (fixtures/python/demo_failures, classic_failures.py)
 * are left out.
 */
import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createProgram } from '../src/cli/usage.ts';

const PYTHON_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'python');

/** Deliberately failing doctests (the course's classic failure demo). */
const DEMO_MODULES = new Set(['classic_failures.py']);

function python(args: string[], stdio: 'inherit' | 'pipe' = 'inherit'): SpawnSyncReturns<string> {
  const { TEST_DOJO_DEMO_FAILURES: _demos, ...env } = process.env;
  return spawnSync('python3', args, {
    cwd: PYTHON_DIR,
    stdio,
    encoding: 'utf8',
    // No __pycache__ or .pytest_cache in the repository.
    env: { ...env, PYTHONDONTWRITEBYTECODE: '1' },
  });
}

function pythonFiles(): string[] {
  return readdirSync(PYTHON_DIR)
    .filter((name) => name.endsWith('.py'))
    .sort();
}

function main(): number {
  createProgram('test-python', 'Run the Python references with doctest, unittest and pytest.')
    .allowExcessArguments(false)
    .parse();

  const version = python(['--version'], 'pipe');
  if (version.error || version.status !== 0) {
    console.log(
      'test:python: skipped: python3 was not found (install Python 3 to run the references).',
    );
    return 0;
  }
  const hasPytest = python(['-c', 'import pytest'], 'pipe').status === 0;
  const files = pythonFiles();
  const needsPytest = (name: string) =>
    /^\s*(import|from)\s+pytest\b/m.test(readFileSync(join(PYTHON_DIR, name), 'utf8'));

  const failed: string[] = [];
  const step = (title: string, args: string[]) => {
    console.log(`\n$ python3 ${args.join(' ')}    # ${title}`);
    if (python(args).status !== 0) failed.push(title);
  };

  const modules = files.filter(
    (name) => !name.startsWith('test_') && name !== 'conftest.py' && !DEMO_MODULES.has(name),
  );
  step('doctest', ['-m', 'doctest', ...modules]);

  if (hasPytest) {
    step('unittest', ['-m', 'unittest', 'discover', '--pattern', 'test_*.py']);
    step('pytest', ['-m', 'pytest', '-rs']);
  } else {
    // Test modules that import pytest cannot even be imported without it.
    const unittestModules = files
      .filter((name) => name.startsWith('test_') && !needsPytest(name))
      .map((name) => name.replace(/\.py$/, ''));
    step('unittest', ['-m', 'unittest', ...unittestModules]);
    console.log(
      '\ntest:python: pytest lessons skipped: pytest is not installed (pip install pytest).',
    );
  }

  if (failed.length > 0) {
    console.error(`\ntest:python: failed: ${failed.join(', ')}`);
    return 1;
  }
  console.log(
    `\ntest:python: passed (${hasPytest ? 'doctest, unittest, pytest' : 'doctest, unittest'})`,
  );
  return 0;
}

process.exitCode = main();
