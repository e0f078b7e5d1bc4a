/**
 * The concept catalogue: one row per lesson of the course, tying the Python
 * reference to the test that mirrors it in each framework, with the outcome
 * each cell is expected to have. The side-by-side report (`src/compare`),
 * the workshop (`src/workshop`) and the catalogue check all read this file.
 */

/** The TypeScript frameworks a lesson is mirrored in. */
export type Framework = 'jest' | 'vitest' | 'tsdoctest';

/** The Python framework of the reference test. */
export type PythonFramework = 'unittest' | 'pytest' | 'doctest';

/** The parts of the course, in the course's order. */
export const LESSONS = ['doctest', 'unittest', 'pytest', 'coverage', 'mock', 'http'] as const;

/** Which part of the course a concept belongs to. */
export type Lesson = (typeof LESSONS)[number];

/**
 * What a cell is expected to report. `fail` is only for the deliberate
 * failure demos, which run only with `npm start -- --demo-failures`.
 */
export type Expected =
  | { outcome: 'pass' }
  | { outcome: 'skip'; reason: string }
  | { outcome: 'fail'; reason: string };

/** Where a test lives and what it is called, as the framework reports it. */
export interface TestRef {
  /** Path from the repository root. */
  file: string;
  /**
   * The test's name path: describe/class titles then the test title
   * (Jest's `ancestorTitles` + `title`; pytest's class + function; for
   * tsdoctest, the item name such as `calculation.Cal.addNumAndDouble`).
   */
  test: string[];
  expected: Expected;
}

/** A Python test, run by its own tool: `python -m unittest`, pytest, `python -m doctest`. */
export interface PythonTest extends TestRef {
  framework: PythonFramework;
}

export interface PythonRef extends PythonTest {
  /** The same lesson in the other Python tools, each shown in its own words (the failure demos). */
  also?: PythonTest[];
}

export interface Mirror extends TestRef {
  /** `native`: the framework has this feature; `emulated`: we built the idiom ourselves. */
  support: 'native' | 'emulated';
  /** How the mirror does it, in a sentence (what a learner should notice). */
  how: string;
}

export interface Concept {
  /** Stable id, kebab-case, prefixed by lesson: `unittest-setup-teardown`. */
  id: string;
  lesson: Lesson;
  title: string;
  /** One paragraph: what the lesson shows and why it matters. */
  explanation: string;
  python: PythonRef;
  /** Jest and Vitest are required for every concept; tsdoctest where it applies. */
  mirrors: { jest: Mirror; vitest: Mirror; tsdoctest?: Mirror };
  /** A deliberate failure demo: left out of normal runs, shown by `--demo-failures`. */
  demo?: boolean;
  /**
   * What a learner should look for in `npm start -- --show ID`, in a sentence.
   * The README's path through the course (scripts/readme-path.ts) prints it
   * under the step this concept belongs to; each step needs at least one.
   */
  notice?: string;
}

/**
 * A lesson mirrored the same way in Jest and Vitest: the same test, at the same path
 * under `specs/jest/` and `specs/vitest/`.
 */
function sameInJestAndVitest(path: string, mirror: Omit<Mirror, 'file'>): Concept['mirrors'] {
  return {
    jest: { ...mirror, file: `specs/jest/${path}` },
    vitest: { ...mirror, file: `specs/vitest/${path}` },
  };
}

export const concepts: Concept[] = [
  // --- doctest lessons (tsdoctest) -----------------------------------------
  {
    id: 'doctest-module-examples',
    lesson: 'doctest',
    title: 'Examples in the module docstring',
    notice:
      'doctest and tsdoctest print the same `Trying:` / `Expecting:` / `ok` transcript; Jest and Vitest, which cannot read comments, print a test name.',
    explanation:
      "A module docstring can hold `>>>` examples too: they document how the module is used and are run as a test of their own, named after the module. The examples run in the module's namespace, so they may call anything the module defines.",
    python: {
      framework: 'doctest',
      file: 'fixtures/python/calculation.py',
      test: ['calculation'],
      expected: { outcome: 'pass' },
    },
    mirrors: {
      tsdoctest: {
        file: 'src/domain/calculation.ts',
        test: ['calculation'],
        expected: { outcome: 'pass' },
        support: 'native',
        how: 'tsdoctest runs the `>>>` lines of the `@module` JSDoc comment as the item `calculation`, as Python names the module docstring.',
      },
      jest: {
        file: 'specs/jest/unittest-style/doctest-examples.test.ts',
        test: ['calculation doctest examples', 'calculation'],
        expected: { outcome: 'pass' },
        support: 'emulated',
        how: 'Jest cannot read comments: the same examples are rewritten as expect() calls, one test per doctest item, named like the item.',
      },
      vitest: {
        file: 'specs/vitest/unittest-style/doctest-examples.test.ts',
        test: ['calculation doctest examples', 'calculation'],
        expected: { outcome: 'pass' },
        support: 'emulated',
        how: 'Vitest cannot read comments either (its in-source testing runs code blocks, not transcripts): the examples are rewritten as expect() calls.',
      },
    },
  },
  {
    id: 'doctest-method-examples',
    lesson: 'doctest',
    title: 'Examples in a method docstring, with an expected exception',
    notice:
      'The expected TypeError is a traceback in both docstrings and `toThrow` in Jest and Vitest.',
    explanation:
      "The course's doctest lesson: `Cal.add_num_and_double` shows a session at the interpreter, and doctest replays it and compares the printed results. An expected exception is written as a traceback: only the first line and the last line (the exception type and message) are compared, the stack in between is elided with `...`.",
    python: {
      framework: 'doctest',
      file: 'fixtures/python/calculation.py',
      test: ['calculation.Cal.add_num_and_double'],
      expected: { outcome: 'pass' },
    },
    mirrors: {
      tsdoctest: {
        file: 'src/domain/calculation.ts',
        test: ['calculation.Cal.addNumAndDouble'],
        expected: { outcome: 'pass' },
        support: 'native',
        how: "The JSDoc of `Cal.addNumAndDouble` holds the same session; tsdoctest accepts Python's `Traceback (most recent call last):` form for the expected TypeError.",
      },
      ...sameInJestAndVitest('unittest-style/doctest-examples.test.ts', {
        test: ['calculation doctest examples', 'calculation.Cal.addNumAndDouble'],
        expected: { outcome: 'pass' },
        support: 'emulated',
        how: 'The expected exception becomes `expect(() => ...).toThrow(new TypeError(message))`, which compares the message as doctest compares the last traceback line.',
      }),
    },
  },
  {
    id: 'doctest-function-examples',
    lesson: 'doctest',
    title: 'Examples in a function docstring, compared as text',
    explanation:
      'doctest compares what the interpreter would print, character for character: `add_num(0.1, 0.2)` must be written as `0.30000000000000004`. That exactness is what makes doctest examples trustworthy documentation, and what makes them brittle.',
    python: {
      framework: 'doctest',
      file: 'fixtures/python/calculation.py',
      test: ['calculation.add_num'],
      expected: { outcome: 'pass' },
    },
    mirrors: {
      tsdoctest: {
        file: 'src/domain/calculation.ts',
        test: ['calculation.addNum'],
        expected: { outcome: 'pass' },
        support: 'native',
        how: "tsdoctest prints each result like the Node REPL and compares the text; it also accepts the REPL's `Uncaught TypeError: ...` form for exceptions.",
      },
      ...sameInJestAndVitest('unittest-style/doctest-examples.test.ts', {
        test: ['calculation doctest examples', 'calculation.addNum'],
        expected: { outcome: 'pass' },
        support: 'emulated',
        how: '`toBe(0.30000000000000004)` compares the value exactly, as the doctest compares the printed text; `toBeCloseTo` would be the forgiving choice.',
      }),
    },
  },
  // --- unittest lessons -----------------------------------------------------
  {
    id: 'unittest-setup-teardown',
    lesson: 'unittest',
    title: 'setUp and tearDown around every test',
    notice:
      "The TestCase class becomes a `describe` with `beforeEach` / `afterEach`; unittest's `-v` line names class and method, Jest and Vitest the test's title.",
    explanation:
      'A unittest.TestCase groups tests in a class; setUp runs before each test method and tearDown after it, even when the test fails, so every test gets a fresh calculator and no state leaks between tests. The test checks the record of calls: every earlier test was torn down before this one was set up.',
    python: {
      framework: 'unittest',
      file: 'fixtures/python/test_calculation.py',
      test: ['CalTest', 'test_set_up_and_tear_down_run_around_each_test'],
      expected: {
        outcome: 'pass',
      },
    },
    mirrors: {
      ...sameInJestAndVitest('unittest-style/cal-test.test.ts', {
        test: ['CalTest', 'setUp and tearDown run around each test'],
        expected: {
          outcome: 'pass',
        },
        support: 'native',
        how: "A describe block is the class; beforeEach and afterEach are setUp and tearDown. Tests share the describe's closure instead of `self`.",
      }),
    },
  },
  {
    id: 'unittest-assert-equal',
    lesson: 'unittest',
    title: 'assertEqual',
    explanation:
      "The workhorse assertion: the calculator's result must equal the expected value, and a failure shows both. Each framework has one generic equality check that explains a mismatch.",
    python: {
      framework: 'unittest',
      file: 'fixtures/python/test_calculation.py',
      test: ['CalTest', 'test_add_num_and_double'],
      expected: {
        outcome: 'pass',
      },
    },
    mirrors: {
      ...sameInJestAndVitest('unittest-style/cal-test.test.ts', {
        test: ['CalTest', 'addNumAndDouble(1, 1) equals 4 (assertEqual)'],
        expected: {
          outcome: 'pass',
        },
        support: 'native',
        how: '`expect(x).toBe(4)` (Object.is); `toEqual` compares structures like assertEqual does for lists and dicts.',
      }),
    },
  },
  {
    id: 'unittest-assert-not-equal',
    lesson: 'unittest',
    title: 'assertNotEqual',
    explanation:
      'The negated check: addNum(1, 1) must not be 4. Negative assertions are weak on their own (almost every value is not 4); the course uses it to show the family of assert methods.',
    python: {
      framework: 'unittest',
      file: 'fixtures/python/test_calculation.py',
      test: ['CalTest', 'test_add_num'],
      expected: {
        outcome: 'pass',
      },
    },
    mirrors: {
      ...sameInJestAndVitest('unittest-style/cal-test.test.ts', {
        test: ['CalTest', 'addNum(1, 1) is not 4 (assertNotEqual)'],
        expected: {
          outcome: 'pass',
        },
        support: 'native',
        how: 'Every matcher can be negated with `.not`: `expect(x).not.toBe(4)`; there is no separate assertNot* family.',
      }),
    },
  },
  {
    id: 'unittest-assert-raises',
    lesson: 'unittest',
    title: 'assertRaises as a context manager',
    explanation:
      'A string argument must raise a TypeError. unittest wraps the call in `with self.assertRaises(TypeError):`; the test fails if nothing, or something else, is raised. The caught exception can be inspected afterwards.',
    python: {
      framework: 'unittest',
      file: 'fixtures/python/test_calculation.py',
      test: ['CalTest', 'test_add_num_and_double_raises_type_error'],
      expected: {
        outcome: 'pass',
      },
    },
    mirrors: {
      ...sameInJestAndVitest('unittest-style/cal-test.test.ts', {
        test: ['CalTest', 'a string argument throws a TypeError (assertRaises)'],
        expected: {
          outcome: 'pass',
        },
        support: 'native',
        how: 'JavaScript has no `with`: the code goes in a function, `expect(() => call()).toThrow(TypeError)`; `toThrow(text)` checks the message.',
      }),
    },
  },
  {
    id: 'unittest-skip',
    lesson: 'unittest',
    title: 'skip with a reason',
    notice:
      "Every column keeps the skip's reason: unittest prints `skipped 'reason'`, Jest and Vitest carry it in the title.",
    explanation:
      '`@unittest.skip(reason)` turns a test off and says why; the runner reports it as skipped with the reason instead of silently ignoring it.',
    python: {
      framework: 'unittest',
      file: 'fixtures/python/test_calculation.py',
      test: ['CalTest', 'test_skipped_unconditionally'],
      expected: {
        outcome: 'skip',
        reason: 'shows an unconditional skip',
      },
    },
    mirrors: {
      jest: {
        file: 'specs/jest/unittest-style/cal-test.test.ts',
        test: ['CalTest', 'skipped unconditionally [skip: shows an unconditional skip]'],
        expected: {
          outcome: 'skip',
          reason: 'shows an unconditional skip',
        },
        support: 'native',
        how: '`test.skip` is native but takes no reason, so the reason is written into the title, where the terminal, --json and JUnit reports all show it.',
      },
      vitest: {
        file: 'specs/vitest/unittest-style/cal-test.test.ts',
        test: ['CalTest', 'skipped unconditionally [skip: shows an unconditional skip]'],
        expected: {
          outcome: 'skip',
          reason: 'shows an unconditional skip',
        },
        support: 'native',
        how: '`test.skip` is native but takes no reason (only a dynamic `ctx.skip(note)` has one, and the JSON report drops it), so the reason is in the title.',
      },
    },
  },
  {
    id: 'unittest-skip-if',
    lesson: 'unittest',
    title: 'skipIf(condition, reason)',
    explanation:
      "The course skips a test while the release name is 'test': `@unittest.skipIf(release_name == 'test', reason)`. The condition is evaluated when the test is defined, and the reason appears in the report.",
    python: {
      framework: 'unittest',
      file: 'fixtures/python/test_calculation.py',
      test: ['CalTest', 'test_add_num_and_double_on_release'],
      expected: {
        outcome: 'skip',
        reason: "release name is 'test'",
      },
    },
    mirrors: {
      jest: {
        file: 'specs/jest/unittest-style/cal-test.test.ts',
        test: [
          'CalTest',
          "addNumAndDouble(2, 3) equals 10 on a release [skip: release name is 'test']",
        ],
        expected: {
          outcome: 'skip',
          reason: "release name is 'test'",
        },
        support: 'emulated',
        how: 'Jest has no skipIf: the `skipIf(condition, reason)` helper in specs/jest/support/conftest.ts picks `test.skip` or `test` and puts the reason in the title.',
      },
      vitest: {
        file: 'specs/vitest/unittest-style/cal-test.test.ts',
        test: [
          'CalTest',
          "addNumAndDouble(2, 3) equals 10 on a release [skip: release name is 'test']",
        ],
        expected: {
          outcome: 'skip',
          reason: "release name is 'test'",
        },
        support: 'native',
        how: '`test.skipIf(condition)` is native but has no reason argument; `titleWithReason` puts the reason in the title.',
      },
    },
  },
  {
    id: 'unittest-discovery',
    lesson: 'unittest',
    title: 'Test discovery: which files and tests are collected',
    notice:
      'Tests are found by file name: unittest `test*.py`, Jest and Vitest `*.test.ts` and `*.spec.ts`.',
    explanation:
      '`python -m unittest` collects files named test*.py and, in them, TestCase methods named test*; helpers and setUp are not tests. Jest and Vitest collect by file name (*.test.ts, *.spec.ts; Jest also __tests__/) and every test() call in those files, so a Python-style test_calc.ts is silently ignored. Our configs narrow the rule to specs/<framework>/**/*.test.ts and leave out the failure demos; a second test checks that too.',
    python: {
      framework: 'unittest',
      file: 'fixtures/python/test_calculation.py',
      test: ['DiscoveryTest', 'test_loader_collects_test_files_and_methods'],
      expected: {
        outcome: 'pass',
      },
    },
    mirrors: {
      jest: {
        file: 'specs/jest/unittest-style/discovery.test.ts',
        test: [
          'discovery',
          'the default rules collect *.test.ts, *.spec.ts and __tests__/, never test_*.ts',
        ],
        expected: {
          outcome: 'pass',
        },
        support: 'native',
        how: 'Asks Jest itself: `jest --listTests --json` on example file names with the default config, and on this repository with jest.config.js (testMatch, testPathIgnorePatterns).',
      },
      vitest: {
        file: 'specs/vitest/unittest-style/discovery.test.ts',
        test: ['discovery', 'the default rules collect *.test.ts and *.spec.ts, never test_*.ts'],
        expected: {
          outcome: 'pass',
        },
        support: 'native',
        how: 'Asks Vitest itself: `vitest list --filesOnly --json` on example file names with no config, and on this repository with vitest.config.ts (include, exclude).',
      },
    },
  },
  // --- pytest lessons -------------------------------------------------------
  {
    id: 'pytest-plain-assert',
    lesson: 'pytest',
    title: 'A plain function and a plain assert',
    notice:
      "pytest's verbose line is `file::test PASSED`; a plain `assert` becomes `expect()` in a top-level `test()`.",
    explanation:
      'pytest needs no class: a function named test_* is a test, and a bare `assert a == b` is enough, because pytest rewrites the assert to explain a failure with both values.',
    python: {
      framework: 'pytest',
      file: 'fixtures/python/test_calc.py',
      test: ['test_add_num_and_double'],
      expected: {
        outcome: 'pass',
      },
    },
    mirrors: {
      ...sameInJestAndVitest('pytest-style/test-calc.test.ts', {
        test: ['addNumAndDouble(1, 1) is 4 (plain assert)'],
        expected: {
          outcome: 'pass',
        },
        support: 'native',
        how: "A top-level test() needs no describe; expect() plays the rewritten assert (Node's plain `assert` works too but explains less).",
      }),
    },
  },
  {
    id: 'pytest-class-setup-teardown',
    lesson: 'pytest',
    title: 'setup_class / teardown_class and setup_method / teardown_method, in order',
    explanation:
      'A Test* class may define class-level hooks (once around all its tests) and method-level hooks (around each test, receiving the test method). The hooks print their names; since teardown_class comes only after the class is done, a test runs the class in a child run and checks what it printed: in whatever order the tests ran, each is wrapped in its own method hooks, the class hooks wrap them all, and the skipped test ran no hooks.',
    python: {
      framework: 'pytest',
      file: 'fixtures/python/test_calc.py',
      test: ['test_class_hooks_ran_in_order'],
      expected: {
        outcome: 'pass',
      },
    },
    mirrors: {
      jest: {
        file: 'specs/jest/pytest-style/test-calc.test.ts',
        test: [
          'hook order',
          'setup_class, setup_method, teardown_method, teardown_class ran in order',
        ],
        expected: {
          outcome: 'pass',
        },
        support: 'native',
        how: 'beforeAll/afterAll and beforeEach/afterEach in a describe; Jest does not pass the test to hooks, so they read `expect.getState().currentTestName`.',
      },
      vitest: {
        file: 'specs/vitest/pytest-style/test-calc.test.ts',
        test: [
          'hook order',
          'setup_class, setup_method, teardown_method, teardown_class ran in order',
        ],
        expected: {
          outcome: 'pass',
        },
        support: 'native',
        how: "beforeAll/afterAll and beforeEach/afterEach in a describe; Vitest passes every hook the test context, so `task.name` plays setup_method's `method`.",
      },
    },
  },
  {
    id: 'pytest-skipif',
    lesson: 'pytest',
    title: 'skipif(condition, reason=...) and listing skip reasons (-rs)',
    explanation:
      '`@pytest.mark.skipif(is_release, reason=...)` skips while the condition holds; `pytest -rs` lists every skip with its reason at the end of the run. In Jest and Vitest the reason is in the title, so `--verbose` (Jest) or `--reporter=verbose` (Vitest) lists skips with their reasons.',
    python: {
      framework: 'pytest',
      file: 'fixtures/python/test_calc.py',
      test: ['TestCal', 'test_add_num_and_double'],
      expected: {
        outcome: 'skip',
        reason: 'this is a release build',
      },
    },
    mirrors: {
      jest: {
        file: 'specs/jest/pytest-style/test-calc.test.ts',
        test: ['TestCal', 'addNumAndDouble(1, 1) is 4 [skip: this is a release build]'],
        expected: {
          outcome: 'skip',
          reason: 'this is a release build',
        },
        support: 'emulated',
        how: 'The `skipIf(condition, reason)` helper from specs/jest/support/conftest.ts; `npx jest --verbose` lists it as `○ skipped ... [skip: reason]`.',
      },
      vitest: {
        file: 'specs/vitest/pytest-style/test-calc.test.ts',
        test: ['TestCal', 'addNumAndDouble(1, 1) is 4 [skip: this is a release build]'],
        expected: {
          outcome: 'skip',
          reason: 'this is a release build',
        },
        support: 'native',
        how: 'Native `test.skipIf(condition)` with the reason in the title; `npx vitest run --reporter=verbose` lists it as `↓ ... [skip: reason]`.',
      },
    },
  },
  {
    id: 'pytest-raises',
    lesson: 'pytest',
    title: 'pytest.raises',
    explanation:
      '`with pytest.raises(TypeError, match=...):` fails unless the block raises that exception with a matching message.',
    python: {
      framework: 'pytest',
      file: 'fixtures/python/test_calc.py',
      test: ['TestCal', 'test_add_num_and_double_raise'],
      expected: {
        outcome: 'pass',
      },
    },
    mirrors: {
      ...sameInJestAndVitest('pytest-style/test-calc.test.ts', {
        test: ['TestCal', 'a string argument throws a TypeError (raises)'],
        expected: {
          outcome: 'pass',
        },
        support: 'native',
        how: "`expect(() => call()).toThrow(TypeError)` and `.toThrow(/regex/)` for pytest's `match=`.",
      }),
    },
  },
  {
    id: 'pytest-request-fixture',
    lesson: 'pytest',
    title: 'The built-in request fixture',
    explanation:
      'pytest injects fixtures by argument name; `request` describes the test that asked for it (request.node, request.cls) and gives access to the configuration (request.config).',
    python: {
      framework: 'pytest',
      file: 'fixtures/python/test_calc.py',
      test: ['TestCal', 'test_request'],
      expected: {
        outcome: 'pass',
      },
    },
    mirrors: {
      jest: {
        file: 'specs/jest/pytest-style/test-calc.test.ts',
        test: ['TestCal', 'request: the test knows its own name'],
        expected: {
          outcome: 'pass',
        },
        support: 'emulated',
        how: "Jest has no fixtures: the running test's name and file come from `expect.getState()` (currentTestName, testPath).",
      },
      vitest: {
        file: 'specs/vitest/pytest-style/test-calc.test.ts',
        test: ['TestCal', 'request: the test knows its own name'],
        expected: {
          outcome: 'pass',
        },
        support: 'native',
        how: 'Vitest passes a test context to every test: `({ task })` gives its name, suite and file.',
      },
    },
  },
  {
    id: 'pytest-custom-option',
    lesson: 'pytest',
    title: 'A custom command-line option (conftest pytest_addoption)',
    notice:
      '`npm run test:python -- --os-name=windows` fails `test_config` with a message naming the option; `npm run test:jest -- --os-name=windows` and `test:vitest` do too.',
    explanation:
      'conftest.py adds `--os-name` (default linux, choices checked by pytest) and tests read it with request.config.getoption. As in the course, the test expects linux: `pytest --os-name=windows` changes the option for the run, and the test fails with a message that names it (`npm run test:python -- --os-name=windows`, and the same with test:jest and test:vitest).',
    python: {
      framework: 'pytest',
      file: 'fixtures/python/test_calc.py',
      test: ['TestCal', 'test_config'],
      expected: {
        outcome: 'pass',
      },
    },
    mirrors: {
      jest: {
        file: 'specs/jest/pytest-style/test-calc.test.ts',
        test: ['TestCal', 'config: the --os-name option reaches the test'],
        expected: {
          outcome: 'pass',
        },
        support: 'emulated',
        how: 'Jest rejects unknown flags, so `npm run test:jest -- --os-name=windows` goes through scripts/run-framework.ts, which validates the option, passes it as TEST_DOJO_OS_NAME and starts Jest with the other arguments; `osNameOption()` reads it.',
      },
      vitest: {
        file: 'specs/vitest/pytest-style/test-calc.test.ts',
        test: ['TestCal', 'config: the --os-name option reaches the test'],
        expected: {
          outcome: 'pass',
        },
        support: 'emulated',
        how: 'Vitest rejects unknown flags too: scripts/run-framework.ts carries `--os-name` in TEST_DOJO_OS_NAME, and the `osName` fixture (test.extend) reads it like request.config.getoption.',
      },
    },
  },
  {
    id: 'pytest-tmp-path',
    lesson: 'pytest',
    title: 'The built-in tmp_path fixture',
    notice:
      'Fixtures come in by argument name in pytest and Vitest (`test.extend`); Jest uses our `useFixture`, whose generator tears down after `yield`.',
    explanation:
      '`tmp_path` gives each test a fresh, empty directory. pytest keeps the directories of the last three runs for inspection; the TypeScript fixtures remove theirs right after the test.',
    python: {
      framework: 'pytest',
      file: 'fixtures/python/test_calc.py',
      test: ['TestFixtures', 'test_tmp_path'],
      expected: {
        outcome: 'pass',
      },
    },
    mirrors: {
      jest: {
        file: 'specs/jest/pytest-style/fixtures.test.ts',
        test: ['TestFixtures', 'tmp_path is a fresh empty directory'],
        expected: {
          outcome: 'pass',
        },
        support: 'emulated',
        how: '`useFixture(tmpPath)` from our conftest: an async generator makes the directory, yields it, and removes it after the test.',
      },
      vitest: {
        file: 'specs/vitest/pytest-style/fixtures.test.ts',
        test: ['TestFixtures', 'tmp_path is a fresh empty directory'],
        expected: {
          outcome: 'pass',
        },
        support: 'native',
        how: "A `tmpPath` fixture declared with Vitest's native test.extend; the test names it in its argument, as in pytest.",
      },
    },
  },
  {
    id: 'pytest-custom-fixture',
    lesson: 'pytest',
    title: 'A custom fixture from conftest (the CSV file)',
    explanation:
      "The course's csv_file fixture, shared from conftest.py, builds on tmp_path and yields an open CSV file; the test writes a row and reads it back.",
    python: {
      framework: 'pytest',
      file: 'fixtures/python/test_calc.py',
      test: ['TestFixtures', 'test_fixture'],
      expected: {
        outcome: 'pass',
      },
    },
    mirrors: {
      jest: {
        file: 'specs/jest/pytest-style/fixtures.test.ts',
        test: ['TestFixtures', 'csv_file is open for writing and reading'],
        expected: {
          outcome: 'pass',
        },
        support: 'emulated',
        how: '`useFixture(csvFile)`: csvFile is a generator that loops over tmpPath (a fixture using a fixture) and yields an open FileHandle.',
      },
      vitest: {
        file: 'specs/vitest/pytest-style/fixtures.test.ts',
        test: ['TestFixtures', 'csv_file is open for writing and reading'],
        expected: {
          outcome: 'pass',
        },
        support: 'native',
        how: '`csvFile` in test.extend depends on `tmpPath` by naming it in its argument, exactly like csv_file(tmp_path).',
      },
    },
  },
  {
    id: 'pytest-fixture-teardown',
    lesson: 'pytest',
    title: 'Fixture teardown really happens',
    explanation:
      "Code after a fixture's `yield` runs after the test: csv_file's `with` block closes the file. The test leaves a check that runs once its fixtures are torn down (pytest: an autouse fixture, set up first so torn down last): the file is closed (and, in TypeScript, its directory is gone).",
    python: {
      framework: 'pytest',
      file: 'fixtures/python/test_calc.py',
      test: ['TestFixtures', 'test_fixture_was_torn_down'],
      expected: {
        outcome: 'pass',
      },
    },
    mirrors: {
      jest: {
        file: 'specs/jest/pytest-style/fixtures.test.ts',
        test: ['TestFixtures', 'the fixtures were torn down: file closed, directories removed'],
        expected: {
          outcome: 'pass',
        },
        support: 'emulated',
        how: "useFixture calls the generator's return() in afterEach, which runs its finally blocks: close the file, remove the directory. Jest runs a describe's afterEach hooks in the order declared, so one declared after the fixtures runs the test's check.",
      },
      vitest: {
        file: 'specs/vitest/pytest-style/fixtures.test.ts',
        test: ['TestFixtures', 'the fixtures were torn down: file closed, directories removed'],
        expected: {
          outcome: 'pass',
        },
        support: 'native',
        how: 'The code after `await use(value)` in a test.extend fixture is its teardown, run once the test has finished; the test checks it in onTestFinished, which runs after the teardown.',
      },
    },
  },
  {
    id: 'pytest-capture-output',
    lesson: 'pytest',
    title: 'Captured output and -s',
    notice:
      'Opposite defaults: pytest hides prints unless `-s`, Jest and Vitest show them unless `--silent`.',
    explanation:
      "pytest captures what tests print and shows it only for failures; `pytest -s` shows it all, and the capsys fixture lets a test read it. Jest and Vitest do the opposite: console output is shown by default and `--silent` hides it; Vitest's `--silent=passed-only` matches pytest's default.",
    python: {
      framework: 'pytest',
      file: 'fixtures/python/test_calc.py',
      test: ['test_print_is_captured'],
      expected: {
        outcome: 'pass',
      },
    },
    mirrors: {
      jest: {
        file: 'specs/jest/pytest-style/capture-output.test.ts',
        test: ['capture output', 'console output is shown by default (pytest needs -s)'],
        expected: {
          outcome: 'pass',
        },
        support: 'native',
        how: 'Runs Jest on an example file with and without `--silent` and checks what reaches the output.',
      },
      vitest: {
        file: 'specs/vitest/pytest-style/capture-output.test.ts',
        test: ['capture output', 'console output is shown by default (pytest needs -s)'],
        expected: {
          outcome: 'pass',
        },
        support: 'native',
        how: 'Runs Vitest on an example file with no flag, `--silent` and `--silent=passed-only`, and checks what reaches the output.',
      },
    },
  },
  // --- mock lessons (sinon, jest.fn / vi.fn) ---------------------------------
  {
    id: 'mock-return-value',
    lesson: 'mock',
    title: 'A stand-in that returns a value',
    notice:
      "`MagicMock(return_value=1)` becomes `jest.fn().mockResolvedValue(1)`, `vi.fn()` or sinon's `stub().resolves(1)`: the bonus is async here.",
    explanation:
      "The course replaces bonus_price with MagicMock(return_value=1) and checks the salary (101), that the mock was called, called once, called with year=2017 and its call count. The TypeScript mirrors inject the stand-in through Salary's constructor (dependency injection) and make the same four checks.",
    python: {
      framework: 'unittest',
      file: 'fixtures/python/test_salary.py',
      test: ['TestSalary', 'test_calculation_salary'],
      expected: { outcome: 'pass' },
    },
    mirrors: {
      jest: {
        file: 'specs/jest/mocking/return-value.test.ts',
        test: [
          'a stand-in that returns a value',
          'the framework mock returns 1 and the salary is 101',
        ],
        expected: { outcome: 'pass' },
        support: 'native',
        how: "jest.fn().mockResolvedValue(1) with toHaveBeenCalled, toHaveBeenCalledTimes(1) (Jest 30 has no toHaveBeenCalledOnce), toHaveBeenLastCalledWith(2017) and mock.calls; the next test, 'a sinon stub returns 1 and the salary is 101', does it with sinon.stub().resolves(1) and sinon.assert.",
      },
      vitest: {
        file: 'specs/vitest/mocking/return-value.test.ts',
        test: [
          'a stand-in that returns a value',
          'the framework mock returns 1 and the salary is 101',
        ],
        expected: { outcome: 'pass' },
        support: 'native',
        how: "vi.fn().mockResolvedValue(1) with toHaveBeenCalled, toHaveBeenCalledOnce, toHaveBeenLastCalledWith(2017) and mock.calls; the next test, 'a sinon stub returns 1 and the salary is 101', does it with sinon.stub().resolves(1) and sinon.assert.",
      },
    },
  },
  {
    id: 'mock-call-args',
    lesson: 'mock',
    title: 'The arguments of each call',
    notice: '`assert_called_with` checks the last call only, as `toHaveBeenLastCalledWith` does.',
    explanation:
      "A mock records every call. assert_called_with checks only the last call; assert_any_call checks all of them; call_args_list lists them in order. The JavaScript matchers split the same way (toHaveBeenLastCalledWith vs toHaveBeenCalledWith), and sinon's calledWith means 'any call', which surprises Python users.",
    python: {
      framework: 'unittest',
      file: 'fixtures/python/test_salary.py',
      test: ['TestSalary', 'test_call_args'],
      expected: { outcome: 'pass' },
    },
    mirrors: {
      jest: {
        file: 'specs/jest/mocking/return-value.test.ts',
        test: [
          'the arguments of each call',
          'called-with looks at the last call only, as assert_called_with does',
        ],
        expected: { outcome: 'pass' },
        support: 'native',
        how: "jest.fn: toHaveBeenLastCalledWith is assert_called_with, toHaveBeenCalledWith is assert_any_call; sinon: calledWith is 'any call', lastCall.calledWith the last. 'the framework mock records every call in order' and 'a sinon stub records every call in order' show mock.calls and stub.args.",
      },
      vitest: {
        file: 'specs/vitest/mocking/return-value.test.ts',
        test: [
          'the arguments of each call',
          'called-with looks at the last call only, as assert_called_with does',
        ],
        expected: { outcome: 'pass' },
        support: 'native',
        how: "vi.fn: toHaveBeenLastCalledWith is assert_called_with, toHaveBeenCalledWith is assert_any_call; sinon: calledWith is 'any call', lastCall.calledWith the last. 'the framework mock records every call in order' and 'a sinon stub records every call in order' show mock.calls and stub.args.",
      },
    },
  },
  {
    id: 'mock-patch-decorator',
    lesson: 'mock',
    title: 'Patching a method for one test (the decorator)',
    notice:
      "The spy for one test is undone by `restoreMocks`, the block's by `using`, the `beforeEach` one in `afterEach`.",
    explanation:
      "@mock.patch('salary.ThirdPartyBonusRestApi.bonus_price', return_value=1) replaces the method for one test even though Salary builds its own client. JavaScript has no patch decorator: the mirrors replace the method on the class prototype inside the test and let the runner restore it afterwards.",
    python: {
      framework: 'unittest',
      file: 'fixtures/python/test_salary.py',
      test: ['TestSalary', 'test_calculation_salary_patch'],
      expected: { outcome: 'pass' },
    },
    mirrors: {
      jest: {
        file: 'specs/jest/mocking/patching.test.ts',
        test: [
          'patching for one test (the decorator)',
          'the framework spy replaces bonusPrice on the prototype',
        ],
        expected: { outcome: 'pass' },
        support: 'emulated',
        how: "jest.spyOn(ThirdPartyBonusRestApi.prototype, 'bonusPrice').mockResolvedValue(1), undone by restoreMocks: true; 'a sinon stub replaces bonusPrice on the prototype' does it with sinon.stub, undone by sinon.restore() in the shared setup. A last test checks the original is back.",
      },
      vitest: {
        file: 'specs/vitest/mocking/patching.test.ts',
        test: [
          'patching for one test (the decorator)',
          'the framework spy replaces bonusPrice on the prototype',
        ],
        expected: { outcome: 'pass' },
        support: 'emulated',
        how: "vi.spyOn(ThirdPartyBonusRestApi.prototype, 'bonusPrice').mockResolvedValue(1), undone by restoreMocks: true; 'a sinon stub replaces bonusPrice on the prototype' does it with sinon.stub, undone by sinon.restore() in the shared setup. A last test checks the original is back.",
      },
    },
  },
  {
    id: 'mock-patch-with',
    lesson: 'mock',
    title: 'Patching inside a block (with patch(...))',
    explanation:
      'with mock.patch(...) as m: patches only inside the block and restores on the way out, even on an exception. The closest JavaScript forms are a `using` declaration (the spy is disposed at the end of the block) and try/finally.',
    python: {
      framework: 'unittest',
      file: 'fixtures/python/test_salary.py',
      test: ['TestSalary', 'test_calculation_salary_patch_with'],
      expected: { outcome: 'pass' },
    },
    mirrors: {
      jest: {
        file: 'specs/jest/mocking/patching.test.ts',
        test: [
          'patching inside a block (with patch(...) as m)',
          'the framework spy is disposed at the end of the block',
        ],
        expected: { outcome: 'pass' },
        support: 'emulated',
        how: "`using spy = jest.spyOn(...)`: Jest 30 spies are disposable, so the block end restores the method; 'a sinon stub is restored in finally' uses try/finally with stub.restore(). Both check the original is back right after the block.",
      },
      vitest: {
        file: 'specs/vitest/mocking/patching.test.ts',
        test: [
          'patching inside a block (with patch(...) as m)',
          'the framework spy is disposed at the end of the block',
        ],
        expected: { outcome: 'pass' },
        support: 'emulated',
        how: "`using spy = vi.spyOn(...)`: Vitest spies are disposable, so the block end restores the method; 'a sinon stub is restored in finally' uses try/finally with stub.restore(). Both check the original is back right after the block.",
      },
    },
  },
  {
    id: 'mock-patch-start-stop',
    lesson: 'mock',
    title: 'Patching from setUp to tearDown (start / stop)',
    explanation:
      'patcher.start() in setUp and patcher.stop() in tearDown keep a patch active for every test of a class. The mirrors start the patch in beforeEach and stop it in afterEach, which also asserts the original method is back.',
    python: {
      framework: 'unittest',
      file: 'fixtures/python/test_salary.py',
      test: ['TestSalaryPatcher', 'test_patch_started_in_set_up'],
      expected: { outcome: 'pass' },
    },
    mirrors: {
      jest: {
        file: 'specs/jest/mocking/patching.test.ts',
        test: [
          'patching from beforeEach to afterEach (patcher.start / stop)',
          'with the framework spy',
          'the patch is active in the test',
        ],
        expected: { outcome: 'pass' },
        support: 'native',
        how: "jest.spyOn in beforeEach, mockRestore() in afterEach; the sibling describe 'with a sinon stub' does the same with sinon.stub / stub.restore().",
      },
      vitest: {
        file: 'specs/vitest/mocking/patching.test.ts',
        test: [
          'patching from beforeEach to afterEach (patcher.start / stop)',
          'with the framework spy',
          'the patch is active in the test',
        ],
        expected: { outcome: 'pass' },
        support: 'native',
        how: "vi.spyOn in beforeEach, mockRestore() in afterEach; the sibling describe 'with a sinon stub' does the same with sinon.stub / stub.restore().",
      },
    },
  },
  {
    id: 'mock-side-effect-function',
    lesson: 'mock',
    title: 'A side effect that computes the answer',
    notice:
      '`side_effect` becomes `mockImplementation`, `mockRejectedValue` or chained `mockResolvedValueOnce`; a raised exception is a rejected promise.',
    explanation:
      'side_effect = f makes the mock call f with the real arguments: bonus = year + 1000, so the salary for 2017 is 3117.',
    python: {
      framework: 'unittest',
      file: 'fixtures/python/test_salary.py',
      test: ['TestSalary', 'test_calculation_salary_patch_side_effect'],
      expected: { outcome: 'pass' },
    },
    mirrors: {
      jest: {
        file: 'specs/jest/mocking/side-effects.test.ts',
        test: [
          'a side effect that computes the answer',
          'the framework mock answers year + 1000, so the salary is 3117',
        ],
        expected: { outcome: 'pass' },
        support: 'native',
        how: 'jest.spyOn(...).mockImplementation(async (year) => year + 1000); the sinon test uses stub.callsFake.',
      },
      vitest: {
        file: 'specs/vitest/mocking/side-effects.test.ts',
        test: [
          'a side effect that computes the answer',
          'the framework mock answers year + 1000, so the salary is 3117',
        ],
        expected: { outcome: 'pass' },
        support: 'native',
        how: 'vi.spyOn(...).mockImplementation(async (year) => year + 1000); the sinon test uses stub.callsFake.',
      },
    },
  },
  {
    id: 'mock-side-effect-exception',
    lesson: 'mock',
    title: 'A side effect that throws',
    explanation:
      'side_effect = ConnectionRefusedError makes the call raise; Salary turns a refused connection into a bonus of 0, so the salary is 100. Any other error must propagate, which a third test checks.',
    python: {
      framework: 'unittest',
      file: 'fixtures/python/test_salary.py',
      test: ['TestSalary', 'test_calculation_salary_patch_side_effect_error'],
      expected: { outcome: 'pass' },
    },
    mirrors: {
      ...sameInJestAndVitest('mocking/side-effects.test.ts', {
        test: [
          'a side effect that throws',
          'the framework mock refuses the connection, so the bonus is 0',
        ],
        expected: { outcome: 'pass' },
        support: 'native',
        how: 'mockRejectedValue(new ConnectionRefusedError(url)) (bonusPrice is async, so the error is a rejection); the sinon test uses stub.rejects(...).',
      }),
    },
  },
  {
    id: 'mock-side-effect-sequence',
    lesson: 'mock',
    title: 'A side effect that is a sequence',
    explanation:
      'side_effect = [1, ValueError] answers 1 on the first call and raises on the second. The mirrors queue one-off answers.',
    python: {
      framework: 'unittest',
      file: 'fixtures/python/test_salary.py',
      test: ['TestSalary', 'test_side_effect_sequence'],
      expected: { outcome: 'pass' },
    },
    mirrors: {
      ...sameInJestAndVitest('mocking/side-effects.test.ts', {
        test: ['a side effect that is a sequence', 'the framework mock answers 1, then throws'],
        expected: { outcome: 'pass' },
        support: 'native',
        how: 'mockResolvedValueOnce(1).mockRejectedValueOnce(err); the sinon test uses onFirstCall().resolves(1).onSecondCall().rejects(err).',
      }),
    },
  },
  {
    id: 'mock-spec-class',
    lesson: 'mock',
    title: "Replacing the whole class with a spec'd stand-in",
    notice:
      '`jest.mock` / `vi.mock` automock the class from the real one: a method it lacks is missing, as with `spec=True`.',
    explanation:
      "@mock.patch('salary.ThirdPartyBonusRestApi', spec=True) swaps the class Salary constructs for a mock shaped like it; spec=True makes a method the real class lacks an AttributeError. In TypeScript the type checker rejects that call (@ts-expect-error) and at run time it is a TypeError.",
    python: {
      framework: 'unittest',
      file: 'fixtures/python/test_salary.py',
      test: ['TestSalary', 'test_calculation_salary_class'],
      expected: { outcome: 'pass' },
    },
    mirrors: {
      jest: {
        file: 'specs/jest/mocking/spec-class.test.ts',
        test: [
          'a stand-in class built from the real one (spec=True)',
          'the automocked class is what Salary constructs',
        ],
        expected: { outcome: 'pass' },
        support: 'native',
        how: "jest.mock('src/domain/bonus-api.ts') automocks the module for this file, so Salary constructs the mocked class (jest.mocked(...).prototype.bonusPrice); the file calls `jest.mock` through the injected global because SWC hoists only that name. 'sinon.createStubInstance stubs every method of the real class' does it with sinon on jest.requireActual's class.",
      },
      vitest: {
        file: 'specs/vitest/mocking/spec-class.test.ts',
        test: [
          'a stand-in class built from the real one (spec=True)',
          'the automocked class is what Salary constructs',
        ],
        expected: { outcome: 'pass' },
        support: 'native',
        how: "vi.mock('src/domain/bonus-api.ts') automocks the module for this file, so Salary constructs the mocked class (vi.mocked(...).prototype.bonusPrice). 'sinon.createStubInstance stubs every method of the real class' does it with sinon on vi.importActual's class.",
      },
    },
  },
  {
    id: 'mock-pitfall-esm-exports',
    lesson: 'mock',
    title: 'Pitfall: sinon cannot stub an ES module export',
    notice:
      "Where JavaScript differs: sinon cannot stub an ES module export, `mockReset` differs between Jest and Vitest, and Jest's `fetch` errors fail `instanceof`.",
    explanation:
      "mock.patch replaces a name in a module's namespace. sinon cannot do that to ES modules: a native module namespace is sealed and sinon refuses with 'ES Modules cannot be stubbed'. What happens to our own modules depends on how the runner loads them, so the lesson shows each runner's real behaviour and the two alternatives that always work: inject the dependency, or stub the class prototype. Python's nearest pitfall is patching where a name is defined instead of where it is looked up.",
    python: {
      framework: 'unittest',
      file: 'fixtures/python/test_salary.py',
      test: ['TestMockPitfalls', 'test_patch_where_the_name_is_looked_up'],
      expected: { outcome: 'pass' },
    },
    mirrors: {
      jest: {
        file: 'specs/jest/mocking/pitfalls.test.ts',
        test: [
          'pitfall: sinon cannot stub an ES module export',
          'a stub on a source module export cannot replace what callers use',
        ],
        expected: { outcome: 'pass' },
        support: 'native',
        how: "Jest compiles to CommonJS: SWC's exports are non-configurable getters, so sinon.stub throws 'non-configurable and non-writable' (and jest.spyOn 'Cannot redefine property'). 'a Node built-in: sealed under ESM, a plain object under CommonJS' shows the same sinon.stub(os, 'hostname') that throws in Vitest working here; two more tests show the DI and prototype alternatives.",
      },
      vitest: {
        file: 'specs/vitest/mocking/pitfalls.test.ts',
        test: [
          'pitfall: sinon cannot stub an ES module export',
          'a stub on a source module export cannot replace what callers use',
        ],
        expected: { outcome: 'pass' },
        support: 'native',
        how: "Vitest is ESM: sinon.stub on a native namespace (node:os) throws 'ES Modules cannot be stubbed' (the test 'a Node built-in: sealed under ESM, a plain object under CommonJS'); on a source module sinon does not throw but the stub is never installed, so callers still get the real addNum. Two more tests show the DI and prototype alternatives.",
      },
    },
  },
  {
    id: 'mock-pitfall-mock-reset',
    lesson: 'mock',
    title: 'Pitfall: mockReset means different things',
    explanation:
      "After mockReset, a Jest mock returns undefined (even one made with an implementation, and a spy until restored); a Vitest 4 mock goes back to the implementation it was made with, and a spy to the original method. Python's reset_mock keeps return_value unless told otherwise, which is closer to Vitest. sinon separates the two: resetBehavior forgets, restore brings the original back.",
    python: {
      framework: 'unittest',
      file: 'fixtures/python/test_salary.py',
      test: ['TestMockPitfalls', 'test_reset_mock_keeps_return_value'],
      expected: { outcome: 'pass' },
    },
    mirrors: {
      jest: {
        file: 'specs/jest/mocking/pitfalls.test.ts',
        test: [
          'pitfall: mockReset is not the same in Jest and Vitest',
          'mockReset on a mock made with an implementation',
        ],
        expected: { outcome: 'pass' },
        support: 'native',
        how: "jest.fn(impl).mockReset() returns undefined afterwards; 'mockReset on a spy' shows a spied method returning undefined until mockRestore; the sinon test shows resetBehavior / restore.",
      },
      vitest: {
        file: 'specs/vitest/mocking/pitfalls.test.ts',
        test: [
          'pitfall: mockReset is not the same in Jest and Vitest',
          'mockReset on a mock made with an implementation',
        ],
        expected: { outcome: 'pass' },
        support: 'native',
        how: "vi.fn(impl).mockReset() answers with impl again; 'mockReset on a spy' shows the original method back while still spied on; the sinon test shows resetBehavior / restore.",
      },
    },
  },
  {
    id: 'mock-pitfall-realm',
    lesson: 'mock',
    title: 'Pitfall: errors from another realm',
    explanation:
      "Jest runs each test file in its own VM context, so an error thrown by Node's fetch is a TypeError of another realm: `err instanceof TypeError` is false. Check name or code instead, as the bonus client does for refused connections. The same holds for a class loaded twice (a module registry reset): Salary recognises a ConnectionRefusedError by name too. In Python, urllib wraps a refused connection in URLError, so the check looks at the reason.",
    python: {
      framework: 'unittest',
      file: 'fixtures/python/test_salary.py',
      test: ['TestMockPitfalls', 'test_refused_connection_is_wrapped_by_urllib'],
      expected: { outcome: 'pass' },
    },
    mirrors: {
      jest: {
        file: 'specs/jest/mocking/pitfalls.test.ts',
        test: [
          'pitfall: errors from another realm',
          'a fetch error is recognised by name, not by instanceof',
        ],
        expected: { outcome: 'pass' },
        support: 'native',
        how: "Asserts `err instanceof TypeError` is false and `err.name` is 'TypeError' for fetch of an invalid URL; 'a ConnectionRefusedError from a second copy of the module still means no bonus' loads a copy with jest.isolateModulesAsync.",
      },
      vitest: {
        file: 'specs/vitest/mocking/pitfalls.test.ts',
        test: [
          'pitfall: errors from another realm',
          'a fetch error is recognised by name, not by instanceof',
        ],
        expected: { outcome: 'pass' },
        support: 'native',
        how: "Vitest runs tests in Node's own realm, so here `err instanceof TypeError` is true; the name check works in both. 'a ConnectionRefusedError from a second copy of the module still means no bonus' loads a copy after vi.resetModules().",
      },
    },
  },
  // --- HTTP lessons (nock, real bonus service) -------------------------------
  {
    id: 'http-intercept-query',
    lesson: 'http',
    title: 'Intercepting GET /bonus?year=2017',
    notice:
      'nock answers at the HTTP level, so the real client runs; Python, without nock, serves canned answers from a local `http.server`.',
    explanation:
      "One level below the course's mocks: the real client sends a real request and nock answers it, so URL building and JSON parsing are tested too. The interceptor matches the query, the HTTP form of assert_called_with: a request for another year does not match and fails. Python has no nock; its reference serves canned answers from a local http.server and records the requests.",
    python: {
      framework: 'unittest',
      file: 'fixtures/python/test_salary_http.py',
      test: ['TestBonusHttp', 'test_salary_with_a_canned_answer'],
      expected: { outcome: 'pass' },
    },
    mirrors: {
      ...sameInJestAndVitest('mocking/http-nock.test.ts', {
        test: [
          'HTTP: nock answers GET /bonus',
          'the salary uses the price nock serves for year=2017',
        ],
        expected: { outcome: 'pass' },
        support: 'native',
        how: "nock(BASE).get('/bonus').query({ year: '2017' }).reply(200, ...); 'a request for another year does not match the interceptor' shows the no-match error.",
      }),
    },
  },
  {
    id: 'http-refused-connection',
    lesson: 'http',
    title: 'A refused connection, mocked and real',
    explanation:
      "nock's replyWithError({ code: 'ECONNREFUSED' }) goes through the same code path in the client as a real closed port (opened on port 0, then closed): both become a ConnectionRefusedError and a salary of 100. The test runs both and compares. Python patches urlopen with the URLError a refused socket gives and also uses a real closed port.",
    python: {
      framework: 'unittest',
      file: 'fixtures/python/test_salary_http.py',
      test: ['TestBonusHttp', 'test_refused_connection_from_a_mock_and_a_closed_port'],
      expected: { outcome: 'pass' },
    },
    mirrors: {
      ...sameInJestAndVitest('mocking/http-nock.test.ts', {
        test: [
          'HTTP: nock answers GET /bonus',
          'a refused connection from nock and from a closed port give the same result',
        ],
        expected: { outcome: 'pass' },
        support: 'native',
        how: 'nock replyWithError puts the code on the error; real fetch puts it on `cause`; the client checks both by code, never instanceof.',
      }),
    },
  },
  {
    id: 'http-error-status',
    lesson: 'http',
    title: 'A non-2xx answer',
    explanation:
      "A 503 from the service is a BonusApiError with the status, and Salary lets it through: only a refused connection means 'no bonus'.",
    python: {
      framework: 'unittest',
      file: 'fixtures/python/test_salary_http.py',
      test: ['TestBonusHttp', 'test_non_2xx_is_bonus_api_error'],
      expected: { outcome: 'pass' },
    },
    mirrors: {
      ...sameInJestAndVitest('mocking/http-nock.test.ts', {
        test: [
          'HTTP: nock answers GET /bonus',
          'a non-2xx answer is a BonusApiError that the salary lets through',
        ],
        expected: { outcome: 'pass' },
        support: 'native',
        how: 'nock .reply(503, ...).',
      }),
    },
  },
  {
    id: 'http-malformed-json',
    lesson: 'http',
    title: 'Malformed JSON',
    explanation:
      'A 200 whose body is not JSON is a BonusApiError naming the URL and the start of the body.',
    python: {
      framework: 'unittest',
      file: 'fixtures/python/test_salary_http.py',
      test: ['TestBonusHttp', 'test_malformed_json'],
      expected: { outcome: 'pass' },
    },
    mirrors: {
      ...sameInJestAndVitest('mocking/http-nock.test.ts', {
        test: ['HTTP: nock answers GET /bonus', 'malformed JSON is a BonusApiError'],
        expected: { outcome: 'pass' },
        support: 'native',
        how: 'nock .reply(200, \'{"price": 1\') with a JSON content type.',
      }),
    },
  },
  {
    id: 'http-missing-price',
    lesson: 'http',
    title: 'A missing or non-numeric price',
    explanation:
      'Valid JSON without a usable price (no price, null, a string, 1e999 which parses to Infinity) is a BonusApiError, never a salary of NaN or "1001".',
    python: {
      framework: 'unittest',
      file: 'fixtures/python/test_salary_http.py',
      test: ['TestBonusHttp', 'test_missing_price'],
      expected: { outcome: 'pass' },
    },
    mirrors: {
      ...sameInJestAndVitest('mocking/http-nock.test.ts', {
        test: [
          'HTTP: nock answers GET /bonus',
          'a missing or non-numeric price is a BonusApiError',
        ],
        expected: { outcome: 'pass' },
        support: 'native',
        how: 'One nock interceptor per body, in a loop.',
      }),
    },
  },
  {
    id: 'http-timeout',
    lesson: 'http',
    title: 'A slow answer hits the client timeout',
    explanation:
      "A response slower than the client's timeout is a BonusApiError 'timed out after N ms', tested without waiting: nock delays the answer on its real timers while the client's abort timer runs on fake timers that the test advances. A second test covers an answer that arrives as the timer fires: its own error (a 500) wins. Python patches urlopen to raise the timeout.",
    python: {
      framework: 'unittest',
      file: 'fixtures/python/test_salary_http.py',
      test: ['TestBonusHttp', 'test_timeout'],
      expected: { outcome: 'pass' },
    },
    mirrors: {
      jest: {
        file: 'specs/jest/mocking/http-nock.test.ts',
        test: [
          'HTTP: nock answers GET /bonus',
          'a slow answer hits the client timeout without real waiting',
        ],
        expected: { outcome: 'pass' },
        support: 'native',
        how: "jest.useFakeTimers with everything but setTimeout/clearTimeout in doNotFake, nock .delay(60_000), then jest.advanceTimersByTimeAsync(50); the shared setup's nock.abortPendingRequests() drops the delayed answer.",
      },
      vitest: {
        file: 'specs/vitest/mocking/http-nock.test.ts',
        test: [
          'HTTP: nock answers GET /bonus',
          'a slow answer hits the client timeout without real waiting',
        ],
        expected: { outcome: 'pass' },
        support: 'native',
        how: "vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }), nock .delay(60_000), then vi.advanceTimersByTimeAsync(50); the shared setup's nock.abortPendingRequests() drops the delayed answer.",
      },
    },
  },
  {
    id: 'http-scope-done',
    lesson: 'http',
    title: 'Every interceptor was used: scope.isDone()',
    explanation:
      "An interceptor nobody called means the code did not make the request the test expected. scope.isDone() and pendingMocks() say so; this file checks every scope in afterEach, and the shared setup calls nock.cleanAll() after each test. Python's canned server lists the answers nobody asked for.",
    python: {
      framework: 'unittest',
      file: 'fixtures/python/test_salary_http.py',
      test: ['TestBonusHttp', 'test_every_canned_answer_was_used'],
      expected: { outcome: 'pass' },
    },
    mirrors: {
      ...sameInJestAndVitest('mocking/http-nock.test.ts', {
        test: [
          'HTTP: nock answers GET /bonus',
          'scope.isDone() tells whether every interceptor was used',
        ],
        expected: { outcome: 'pass' },
        support: 'native',
        how: 'scope.isDone() / scope.pendingMocks() before and after each request; afterEach asserts no pending interceptors.',
      }),
    },
  },
  {
    id: 'http-hermetic',
    lesson: 'http',
    title: 'Hermetic by construction',
    notice:
      'A request to anything but loopback fails at once with `ERR_TEST_DOJO_NETWORK`, naming host and port.',
    explanation:
      "Every lesson suite loads a shared setup file that turns off real network access except loopback (nock.disableNetConnect() plus an anchored allow-list that also covers localhost:PORT) and restores sinon and nock after each test. An unmocked request to a host under the reserved .invalid domain fails at once with nock's NetConnectNotAllowedError; loopback still works; a stub left behind by one test is gone in the next. Python's reference guards socket.create_connection the same way.",
    python: {
      framework: 'unittest',
      file: 'fixtures/python/test_salary_http.py',
      test: ['TestHermetic', 'test_unmocked_request_to_non_loopback_host_fails_at_once'],
      expected: { outcome: 'pass' },
    },
    mirrors: {
      jest: {
        file: 'specs/jest/mocking/http-hermetic.test.ts',
        test: [
          'hermetic by construction',
          'an unmocked request to a non-loopback host fails at once',
        ],
        expected: { outcome: 'pass' },
        support: 'native',
        how: "specs/jest/setup/hermetic.ts via setupFilesAfterEnv; fake timers that never advance prove the rejection is not the client's timeout. Other tests: the allow-list is anchored, localhost:PORT works, and the next test starts clean.",
      },
      vitest: {
        file: 'specs/vitest/mocking/http-hermetic.test.ts',
        test: [
          'hermetic by construction',
          'an unmocked request to a non-loopback host fails at once',
        ],
        expected: { outcome: 'pass' },
        support: 'native',
        how: "specs/vitest/setup/hermetic.ts via setupFiles; fake timers that never advance prove the rejection is not the client's timeout. Other tests: the allow-list is anchored, localhost:PORT works, and the next test starts clean.",
      },
    },
  },
  {
    id: 'http-real-service',
    lesson: 'http',
    title: 'The real bonus service',
    notice:
      'The real bonus service on a free loopback port; `npm run bonus-server` starts one and prints a `curl` line to try.',
    explanation:
      "The integration counterpart of all the mocks: the same Salary against the real bonus service, started on a free loopback port in beforeAll and closed in afterAll. The rest of the file checks the service's answers to bad input (400, 404, 405 with Allow, HEAD, a malformed request line). Python's reference serves the same data file from a local http.server.",
    python: {
      framework: 'unittest',
      file: 'fixtures/python/test_salary_http.py',
      test: ['TestRealService', 'test_salary_with_the_real_service'],
      expected: { outcome: 'pass' },
    },
    mirrors: {
      ...sameInJestAndVitest('mocking/http-real-service.test.ts', {
        test: ['the real bonus service', 'the salary for 2017 is 101 with the real service'],
        expected: { outcome: 'pass' },
        support: 'native',
        how: 'startBonusServer({ port: 0 }) in beforeAll, close() in afterAll.',
      }),
    },
  },
  // --- deliberate failure demos ---------------------------------------------
  {
    id: 'demo-wrong-expected-value',
    lesson: 'doctest',
    title: 'Failure demo: a wrong expected value',
    notice:
      "`npm start -- --demo-failures` prints each framework's words for one mistake: unittest's `AssertionError: 2 != 3`, pytest's rewritten assert, doctest's `Expected:` / `Got:`, Jest's and Vitest's diffs.",
    explanation:
      "The course's failing doctest expected `add_num(1,1)` to be 3. Each framework reports the same mistake its own way: expected and actual values, the line, a diff.",
    python: {
      framework: 'pytest',
      file: 'fixtures/python/demo_failures/test_demo_failures.py',
      test: ['test_wrong_expected_value'],
      expected: {
        outcome: 'fail',
        reason: 'expected 3, got 2',
      },
      also: [
        {
          framework: 'unittest',
          file: 'fixtures/python/demo_failures/test_unittest_failures.py',
          test: ['DemoFailuresTest', 'test_wrong_expected_value'],
          expected: { outcome: 'fail', reason: 'AssertionError: 2 != 3' },
        },
        {
          framework: 'doctest',
          file: 'fixtures/python/classic_failures.py',
          test: ['classic_failures.add_num'],
          expected: { outcome: 'fail', reason: 'Expected: 3, Got: 2' },
        },
      ],
    },
    mirrors: {
      ...sameInJestAndVitest('demo-failures/wrong-expected.test.ts', {
        test: ['classic failures', 'addNum(1, 1) is 3 (wrong expected value)'],
        expected: {
          outcome: 'fail',
          reason: 'expected 3, got 2',
        },
        support: 'native',
        how: 'A plain expect(...).toBe(3); the file runs only with TEST_DOJO_DEMO_FAILURES=1.',
      }),
      tsdoctest: {
        file: 'fixtures/doctest/classic-failures.ts',
        test: ['classic-failures.addNum'],
        expected: {
          outcome: 'fail',
          reason: 'expected 3, got 2',
        },
        support: 'native',
        how: "The course's failing doctest as JSDoc examples; tsdoctest reports it like Python's doctest.",
      },
    },
    demo: true,
  },
  {
    id: 'demo-unexpected-exception',
    lesson: 'doctest',
    title: 'Failure demo: an unexpected exception',
    notice: 'unittest calls an unexpected exception an ERROR, not a FAIL.',
    explanation:
      'The course\'s failing doctest passed the string "2" to add_num_and_double and got a TypeError where it expected a number. A failure (wrong value) and an error (unexpected exception) are reported differently.',
    python: {
      framework: 'pytest',
      file: 'fixtures/python/demo_failures/test_demo_failures.py',
      test: ['test_unexpected_exception'],
      expected: {
        outcome: 'fail',
        reason: 'TypeError: x must be a finite number',
      },
      also: [
        {
          framework: 'unittest',
          file: 'fixtures/python/demo_failures/test_unittest_failures.py',
          test: ['DemoFailuresTest', 'test_unexpected_exception'],
          expected: { outcome: 'fail', reason: 'an ERROR: TypeError: x must be a finite number' },
        },
        {
          framework: 'doctest',
          file: 'fixtures/python/classic_failures.py',
          test: ['classic_failures.Cal.add_num_and_double'],
          expected: { outcome: 'fail', reason: 'expected 5, got 4; TypeError for "2"' },
        },
      ],
    },
    mirrors: {
      ...sameInJestAndVitest('demo-failures/unexpected-exception.test.ts', {
        test: ['classic failures', 'addNumAndDouble("2", 1) is 9 (unexpected exception)'],
        expected: {
          outcome: 'fail',
          reason: 'TypeError: x must be a finite number',
        },
        support: 'native',
        how: 'The TypeError escapes the test; the file runs only with TEST_DOJO_DEMO_FAILURES=1.',
      }),
      tsdoctest: {
        file: 'fixtures/doctest/classic-failures.ts',
        test: ['classic-failures.Cal.addNumAndDouble'],
        expected: {
          outcome: 'fail',
          reason: 'expected 5, got 4; TypeError for "2"',
        },
        support: 'native',
        how: "The course's failing doctest as JSDoc examples: a wrong expected value and an unexpected exception in one item.",
      },
    },
    demo: true,
  },
  {
    id: 'demo-mock-assertion',
    lesson: 'mock',
    title: 'Failure demo: a mock called with another argument',
    notice: 'unittest says `expected call not found`; Jest and Vitest diff the arguments.',
    explanation:
      'The salary asks the bonus API for 2017; the test claims the last call was for 2018. Each framework reports a call-argument mismatch its own way: unittest says `expected call not found` with the expected and actual calls, pytest shows the same under its own header, Jest and Vitest a diff of the arguments.',
    python: {
      framework: 'pytest',
      file: 'fixtures/python/demo_failures/test_mock_assertion.py',
      test: ['test_bonus_price_called_with_wrong_year'],
      expected: { outcome: 'fail', reason: 'expected call(year=2018), got call(year=2017)' },
      also: [
        {
          framework: 'unittest',
          file: 'fixtures/python/demo_failures/test_unittest_failures.py',
          test: ['DemoFailuresTest', 'test_bonus_price_called_with_wrong_year'],
          expected: {
            outcome: 'fail',
            reason: 'expected call not found: year=2018, got year=2017',
          },
        },
      ],
    },
    mirrors: {
      jest: {
        file: 'specs/jest/demo-failures/mock-assertion.test.ts',
        test: ['mock failures', 'bonusPrice was last called with 2018 (wrong call argument)'],
        expected: { outcome: 'fail', reason: 'expected 2018, got 2017' },
        support: 'native',
        how: 'jest.fn() and toHaveBeenLastCalledWith(2018); the file runs only with TEST_DOJO_DEMO_FAILURES=1.',
      },
      vitest: {
        file: 'specs/vitest/demo-failures/mock-assertion.test.ts',
        test: ['mock failures', 'bonusPrice was last called with 2018 (wrong call argument)'],
        expected: { outcome: 'fail', reason: 'expected 2018, got 2017' },
        support: 'native',
        how: 'vi.fn() and toHaveBeenLastCalledWith(2018); the file runs only with TEST_DOJO_DEMO_FAILURES=1.',
      },
    },
    demo: true,
  },
];

/** Every Python test a concept names, the main one first. */
export function pythonTests(concept: Concept): PythonTest[] {
  const { also = [], ...main } = concept.python;
  return [main, ...also];
}

/** Look a concept up by id; throws on an unknown id so typos surface at once. */
export function conceptById(id: string): Concept {
  const found = concepts.find((c) => c.id === id);
  if (!found) throw new Error(`unknown concept id: ${id}`);
  return found;
}
