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

/** Which part of the course a concept belongs to. */
export type Lesson = 'doctest' | 'unittest' | 'pytest' | 'coverage' | 'mock' | 'http';

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

export interface PythonRef extends TestRef {
  framework: PythonFramework;
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
}

export const concepts: Concept[] = [
  // --- doctest lessons (tsdoctest) -----------------------------------------
  {
    id: 'doctest-module-examples',
    lesson: 'doctest',
    title: 'Examples in the module docstring',
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
      jest: {
        file: 'specs/jest/unittest-style/doctest-examples.test.ts',
        test: ['calculation doctest examples', 'calculation.Cal.addNumAndDouble'],
        expected: { outcome: 'pass' },
        support: 'emulated',
        how: 'The expected exception becomes `expect(() => ...).toThrow(new TypeError(message))`, which compares the message as doctest compares the last traceback line.',
      },
      vitest: {
        file: 'specs/vitest/unittest-style/doctest-examples.test.ts',
        test: ['calculation doctest examples', 'calculation.Cal.addNumAndDouble'],
        expected: { outcome: 'pass' },
        support: 'emulated',
        how: 'The expected exception becomes `expect(() => ...).toThrow(new TypeError(message))`, which compares the message as doctest compares the last traceback line.',
      },
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
      jest: {
        file: 'specs/jest/unittest-style/doctest-examples.test.ts',
        test: ['calculation doctest examples', 'calculation.addNum'],
        expected: { outcome: 'pass' },
        support: 'emulated',
        how: '`toBe(0.30000000000000004)` compares the value exactly, as the doctest compares the printed text; `toBeCloseTo` would be the forgiving choice.',
      },
      vitest: {
        file: 'specs/vitest/unittest-style/doctest-examples.test.ts',
        test: ['calculation doctest examples', 'calculation.addNum'],
        expected: { outcome: 'pass' },
        support: 'emulated',
        how: '`toBe(0.30000000000000004)` compares the value exactly, as the doctest compares the printed text; `toBeCloseTo` would be the forgiving choice.',
      },
    },
  },
  // --- unittest lessons -----------------------------------------------------
  {
    id: 'unittest-setup-teardown',
    lesson: 'unittest',
    title: 'setUp and tearDown around every test',
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
      jest: {
        file: 'specs/jest/unittest-style/cal-test.test.ts',
        test: ['CalTest', 'setUp and tearDown run around each test'],
        expected: {
          outcome: 'pass',
        },
        support: 'native',
        how: "A describe block is the class; beforeEach and afterEach are setUp and tearDown. Tests share the describe's closure instead of `self`.",
      },
      vitest: {
        file: 'specs/vitest/unittest-style/cal-test.test.ts',
        test: ['CalTest', 'setUp and tearDown run around each test'],
        expected: {
          outcome: 'pass',
        },
        support: 'native',
        how: "A describe block is the class; beforeEach and afterEach are setUp and tearDown. Tests share the describe's closure instead of `self`.",
      },
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
      jest: {
        file: 'specs/jest/unittest-style/cal-test.test.ts',
        test: ['CalTest', 'addNumAndDouble(1, 1) equals 4 (assertEqual)'],
        expected: {
          outcome: 'pass',
        },
        support: 'native',
        how: '`expect(x).toBe(4)` (Object.is); `toEqual` compares structures like assertEqual does for lists and dicts.',
      },
      vitest: {
        file: 'specs/vitest/unittest-style/cal-test.test.ts',
        test: ['CalTest', 'addNumAndDouble(1, 1) equals 4 (assertEqual)'],
        expected: {
          outcome: 'pass',
        },
        support: 'native',
        how: '`expect(x).toBe(4)` (Object.is); `toEqual` compares structures like assertEqual does for lists and dicts.',
      },
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
      jest: {
        file: 'specs/jest/unittest-style/cal-test.test.ts',
        test: ['CalTest', 'addNum(1, 1) is not 4 (assertNotEqual)'],
        expected: {
          outcome: 'pass',
        },
        support: 'native',
        how: 'Every matcher can be negated with `.not`: `expect(x).not.toBe(4)`; there is no separate assertNot* family.',
      },
      vitest: {
        file: 'specs/vitest/unittest-style/cal-test.test.ts',
        test: ['CalTest', 'addNum(1, 1) is not 4 (assertNotEqual)'],
        expected: {
          outcome: 'pass',
        },
        support: 'native',
        how: 'Every matcher can be negated with `.not`: `expect(x).not.toBe(4)`; there is no separate assertNot* family.',
      },
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
      jest: {
        file: 'specs/jest/unittest-style/cal-test.test.ts',
        test: ['CalTest', 'a string argument throws a TypeError (assertRaises)'],
        expected: {
          outcome: 'pass',
        },
        support: 'native',
        how: 'JavaScript has no `with`: the code goes in a function, `expect(() => call()).toThrow(TypeError)`; `toThrow(text)` checks the message.',
      },
      vitest: {
        file: 'specs/vitest/unittest-style/cal-test.test.ts',
        test: ['CalTest', 'a string argument throws a TypeError (assertRaises)'],
        expected: {
          outcome: 'pass',
        },
        support: 'native',
        how: 'JavaScript has no `with`: the code goes in a function, `expect(() => call()).toThrow(TypeError)`; `toThrow(text)` checks the message.',
      },
    },
  },
  {
    id: 'unittest-skip',
    lesson: 'unittest',
    title: 'skip with a reason',
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
      jest: {
        file: 'specs/jest/pytest-style/test-calc.test.ts',
        test: ['addNumAndDouble(1, 1) is 4 (plain assert)'],
        expected: {
          outcome: 'pass',
        },
        support: 'native',
        how: "A top-level test() needs no describe; expect() plays the rewritten assert (Node's plain `assert` works too but explains less).",
      },
      vitest: {
        file: 'specs/vitest/pytest-style/test-calc.test.ts',
        test: ['addNumAndDouble(1, 1) is 4 (plain assert)'],
        expected: {
          outcome: 'pass',
        },
        support: 'native',
        how: "A top-level test() needs no describe; expect() plays the rewritten assert (Node's plain `assert` works too but explains less).",
      },
    },
  },
  {
    id: 'pytest-class-setup-teardown',
    lesson: 'pytest',
    title: 'setup_class / teardown_class and setup_method / teardown_method, in order',
    explanation:
      'A Test* class may define class-level hooks (once around all its tests) and method-level hooks (around each test, receiving the test method). A test after the class checks the recorded order, including teardown_class, and that the skipped test ran no hooks.',
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
      jest: {
        file: 'specs/jest/pytest-style/test-calc.test.ts',
        test: ['TestCal', 'a string argument throws a TypeError (raises)'],
        expected: {
          outcome: 'pass',
        },
        support: 'native',
        how: "`expect(() => call()).toThrow(TypeError)` and `.toThrow(/regex/)` for pytest's `match=`.",
      },
      vitest: {
        file: 'specs/vitest/pytest-style/test-calc.test.ts',
        test: ['TestCal', 'a string argument throws a TypeError (raises)'],
        expected: {
          outcome: 'pass',
        },
        support: 'native',
        how: "`expect(() => call()).toThrow(TypeError)` and `.toThrow(/regex/)` for pytest's `match=`.",
      },
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
    explanation:
      'conftest.py adds `--os-name` (default linux, choices checked by pytest) and tests read it with request.config.getoption. `pytest --os-name=windows` changes it for the run.',
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
      "Code after a fixture's `yield` runs after the test: csv_file's `with` block closes the file. The next test checks the previous file is closed (and, in TypeScript, that its directory is gone).",
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
        how: "useFixture calls the generator's return() in afterEach, which runs its finally blocks: close the file, remove the directory.",
      },
      vitest: {
        file: 'specs/vitest/pytest-style/fixtures.test.ts',
        test: ['TestFixtures', 'the fixtures were torn down: file closed, directories removed'],
        expected: {
          outcome: 'pass',
        },
        support: 'native',
        how: 'The code after `await use(value)` in a test.extend fixture is its teardown, run once the test has finished.',
      },
    },
  },
  {
    id: 'pytest-capture-output',
    lesson: 'pytest',
    title: 'Captured output and -s',
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
  // --- HTTP lessons (nock, real bonus service) -------------------------------
  // --- deliberate failure demos ---------------------------------------------
  {
    id: 'demo-wrong-expected-value',
    lesson: 'doctest',
    title: 'Failure demo: a wrong expected value',
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
    },
    mirrors: {
      jest: {
        file: 'specs/jest/demo-failures/wrong-expected.test.ts',
        test: ['classic failures', 'addNum(1, 1) is 3 (wrong expected value)'],
        expected: {
          outcome: 'fail',
          reason: 'expected 3, got 2',
        },
        support: 'native',
        how: 'A plain expect(...).toBe(3); the file runs only with TEST_DOJO_DEMO_FAILURES=1.',
      },
      vitest: {
        file: 'specs/vitest/demo-failures/wrong-expected.test.ts',
        test: ['classic failures', 'addNum(1, 1) is 3 (wrong expected value)'],
        expected: {
          outcome: 'fail',
          reason: 'expected 3, got 2',
        },
        support: 'native',
        how: 'A plain expect(...).toBe(3); the file runs only with TEST_DOJO_DEMO_FAILURES=1.',
      },
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
    },
    mirrors: {
      jest: {
        file: 'specs/jest/demo-failures/unexpected-exception.test.ts',
        test: ['classic failures', 'addNumAndDouble("2", 1) is 9 (unexpected exception)'],
        expected: {
          outcome: 'fail',
          reason: 'TypeError: x must be a finite number',
        },
        support: 'native',
        how: 'The TypeError escapes the test; the file runs only with TEST_DOJO_DEMO_FAILURES=1.',
      },
      vitest: {
        file: 'specs/vitest/demo-failures/unexpected-exception.test.ts',
        test: ['classic failures', 'addNumAndDouble("2", 1) is 9 (unexpected exception)'],
        expected: {
          outcome: 'fail',
          reason: 'TypeError: x must be a finite number',
        },
        support: 'native',
        how: 'The TypeError escapes the test; the file runs only with TEST_DOJO_DEMO_FAILURES=1.',
      },
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
];

/** Look a concept up by id; throws on an unknown id so typos surface at once. */
export function conceptById(id: string): Concept {
  const found = concepts.find((c) => c.id === id);
  if (!found) throw new Error(`unknown concept id: ${id}`);
  return found;
}
