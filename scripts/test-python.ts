/**
 * `npm run test:python`: the Python references in fixtures/python, run the
 * way the course runs them: `python -m doctest`, `python -m unittest`,
 * `python -m pytest`, with the one interpreter every Python run uses
 * (src/cli/python.ts). `--os-name NAME` goes to pytest, as conftest.py's
 * option. Without Python (or pytest) the missing part is skipped with a
 * message and the exit code stays 0, except under CI=true, where a missing
 * piece fails. The deliberate failure demos (fixtures/python/demo_failures,
 * classic_failures.py) are left out.
 */
import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Option } from 'commander';
import { OS_NAMES } from '../specs/jest/setup/lesson-conventions.ts';
import { childEnv } from '../src/cli/child-process.ts';
import { choosePython, ciFailure, lacking } from '../src/cli/python.ts';
import { createProgram } from '../src/cli/usage.ts';

const PYTHON_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'python');

/** Deliberately failing doctests (the course's classic failure demo). */
const DEMO_MODULES = new Set(['classic_failures.py']);

function pythonFiles(): string[] {
  return readdirSync(PYTHON_DIR)
    .filter((name) => name.endsWith('.py'))
    .sort();
}

async function main(): Promise<number> {
  const program = createProgram(
    'test-python',
    'Run the Python references with doctest, unittest and pytest.',
  )
    .addOption(
      new Option('--os-name <name>', "passed to pytest (conftest.py's option)").choices(OS_NAMES),
    )
    .allowExcessArguments(false)
    .parse();
  const { osName } = program.opts<{ osName?: string }>();

  const python = await choosePython();
  const failure = ciFailure(python);
  if (failure) {
    console.error(`test:python: failed: ${failure}`);
    return 1;
  }
  const noPython = lacking(python, 'python');
  if (noPython || !python.command) {
    console.log(`test:python: skipped: ${noPython}`);
    return 0;
  }
  const command = python.command;
  const run = (args: string[]): SpawnSyncReturns<string> =>
    spawnSync(command, args, {
      cwd: PYTHON_DIR,
      stdio: 'inherit',
      encoding: 'utf8',
      env: childEnv(false, { plain: false }),
    });

  const files = pythonFiles();
  const needsPytest = (name: string) =>
    /^\s*(import|from)\s+pytest\b/m.test(readFileSync(join(PYTHON_DIR, name), 'utf8'));

  const failed: string[] = [];
  const step = (title: string, args: string[]) => {
    console.log(`\n$ ${command} ${args.join(' ')}    # ${title}`);
    if (run(args).status !== 0) failed.push(title);
  };

  const modules = files.filter(
    (name) => !name.startsWith('test_') && name !== 'conftest.py' && !DEMO_MODULES.has(name),
  );
  step('doctest', ['-m', 'doctest', ...modules]);

  const noPytest = lacking(python, 'pytest');
  if (!noPytest) {
    step('unittest', ['-m', 'unittest', 'discover', '--pattern', 'test_*.py']);
    step('pytest', ['-m', 'pytest', '-rs', ...(osName ? [`--os-name=${osName}`] : [])]);
  } else {
    // Test modules that import pytest cannot even be imported without it.
    const unittestModules = files
      .filter((name) => name.startsWith('test_') && !needsPytest(name))
      .map((name) => name.replace(/\.py$/, ''));
    step('unittest', ['-m', 'unittest', ...unittestModules]);
    console.log(`\ntest:python: pytest lessons skipped: ${noPytest}.`);
  }

  if (failed.length > 0) {
    console.error(`\ntest:python: failed: ${failed.join(', ')}`);
    return 1;
  }
  const cov = lacking(python, 'pytest-cov');
  if (cov && !noPytest) console.log(`\ntest:python: note: ${cov}; npm run coverage needs it.`);
  console.log(
    `\ntest:python: passed (${noPytest ? 'doctest, unittest' : 'doctest, unittest, pytest'})`,
  );
  return 0;
}

process.exitCode = await main();
