/**
 * The concept catalogue: one row per lesson of the course, with what only it
 * knows: the section, the title, the explanation and what to notice, which
 * Python tool the course uses, how each framework mirrors the lesson, and
 * any outcome other than a pass. Where the tests are comes from the suites:
 * each mirroring test carries the concept's id as a tag, ` [concept-id]`, in
 * its title (Python: its docstring), and doctest items go by their names
 * (specs/concept-tags.ts). The side-by-side report (`src/compare`), the
 * README's path, the workshop and the catalogue check all read this file.
 */
import { fileURLToPath } from 'node:url';
import { moduleFile, scanPython, scanTypeScript, type TaggedTest } from './concept-tags.ts';

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

/** An outcome other than a pass; a cell without one is expected to pass. */
interface Outcome {
  expected?: Expected;
}

/**
 * A Python reference as the catalogue keeps it: the tool (a unittest or pytest
 * test is found by its tag), and for a doctest item its name,
 * `<module>.<qualified name>`, as `python -m doctest -v` names it; under pytest,
 * the item `pytest --doctest-modules` collects from the module.
 */
export type PythonEntry = Outcome &
  ({ framework: 'unittest' | 'pytest' } | { framework: 'doctest' | 'pytest'; item: string });

/** How a framework mirrors a lesson. */
export interface MirrorEntry extends Outcome {
  /** `native`: the framework has this feature; `emulated`: we built the idiom ourselves. */
  support: 'native' | 'emulated';
  /** How the mirror does it, in a sentence (what a learner should notice). */
  how: string;
  /**
   * Jest and Vitest: the test carries another concept's tag, as one test
   * mirrors both (a title carries one tag).
   */
  tag?: string;
}

/** The tsdoctest mirror: a doctest item, named as tsdoctest reports it. */
export interface DoctestMirrorEntry extends MirrorEntry {
  item: string;
}

/**
 * A Vitest mirror that is a doctest item run by tsdoctest's Vitest plugin
 * (`SuiteRoots.vitestDoctest`), named as the plugin names its test.
 */
export interface VitestDoctestMirrorEntry extends DoctestMirrorEntry {}

/** A concept as written below; `resolveConcepts` adds where its tests are. */
export interface ConceptEntry {
  /** Stable id, kebab-case, prefixed by lesson: `unittest-setup-teardown`. Also the tests' tag. */
  id: string;
  lesson: Lesson;
  title: string;
  /** One paragraph: what the lesson shows and why it matters. */
  explanation: string;
  /** The course's reference; `also`: the same lesson in the other Python tools (the failure demos). */
  python: PythonEntry & { also?: PythonEntry[] };
  /** Jest and Vitest are required for every concept; tsdoctest where it applies. */
  mirrors: {
    jest: MirrorEntry;
    vitest: MirrorEntry | VitestDoctestMirrorEntry;
    tsdoctest?: DoctestMirrorEntry;
  };
  /** A deliberate failure demo: left out of normal runs, shown by `--demo-failures`. */
  demo?: boolean;
  /**
   * What a learner should look for in `npm start -- --show ID`, in a sentence.
   * The README's path through the course (scripts/readme/path.ts) prints it
   * under the step this concept belongs to; each step needs at least one.
   */
  notice?: string;
}

/** Where a test lives, as the scan of the suites found it, and what it should report. */
export interface TestRef {
  /** Path from the repository root; undefined when no test carries the concept's tag. */
  file?: string;
  /** 1-based line of the tag (or, for a doctest item, undefined). */
  line?: number;
  /**
   * The name a Python tool or doctest reports: class and def, or the item
   * name. The Jest and Vitest tests the scan finds have none: their reports
   * carry the tag itself, and compare matches by it.
   */
  test?: string[];
  expected: Expected;
}

/** A Python test, run by its own tool: `python -m unittest`, pytest, `python -m doctest`. */
export interface PythonTest extends TestRef {
  framework: PythonFramework;
}

export interface PythonRef extends PythonTest {
  also?: PythonTest[];
}

export interface Mirror extends TestRef, Omit<MirrorEntry, 'expected'> {
  /** The Vitest config a doctest item runs under (tsdoctest's plugin); unset: the suite's own. */
  config?: string;
}

/** A concept with its tests found in the suites. */
export interface Concept extends Omit<ConceptEntry, 'python' | 'mirrors'> {
  python: PythonRef;
  mirrors: { jest: Mirror; vitest: Mirror; tsdoctest?: Mirror };
}

/** A lesson mirrored the same way in Jest and Vitest. */
function sameInJestAndVitest(mirror: MirrorEntry): { jest: MirrorEntry; vitest: MirrorEntry } {
  return { jest: mirror, vitest: mirror };
}

const entries: ConceptEntry[] = [
  {
    id: 'doctest-module-examples',
    lesson: 'doctest',
    title: 'Examples in the module docstring',
    notice:
      'doctest and tsdoctest print the same `Trying:` / `Expecting:` / `ok` transcript; Jest and Vitest, which cannot read comments, print a test name.',
    explanation:
      "A module docstring can hold `>>>` examples too: they document how the module is used and are run as a test of their own, named after the module. The examples run in the module's namespace, so they may call anything the module defines.",
    python: { framework: 'doctest', item: 'calculation' },
    mirrors: {
      tsdoctest: {
        item: 'calculation',
        support: 'native',
        how: 'tsdoctest runs the `>>>` lines of the `@module` JSDoc comment as the item `calculation`, as Python names the module docstring.',
      },
      jest: {
        support: 'emulated',
        how: 'Jest cannot read comments: the same examples are rewritten as expect() calls, one test per doctest item, named like the item.',
      },
      vitest: {
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
    python: { framework: 'doctest', item: 'calculation.Cal.add_num_and_double' },
    mirrors: {
      ...sameInJestAndVitest({
        support: 'emulated',
        how: 'The expected exception becomes `expect(() => ...).toThrow(new TypeError(message))`, which compares the message as doctest compares the last traceback line.',
      }),
      tsdoctest: {
        item: 'calculation.Cal.addNumAndDouble',
        support: 'native',
        how: "The JSDoc of `Cal.addNumAndDouble` holds the same session; tsdoctest accepts Python's `Traceback (most recent call last):` form for the expected TypeError.",
      },
    },
  },
  {
    id: 'doctest-function-examples',
    lesson: 'doctest',
    title: 'Examples in a function docstring, compared as text',
    explanation:
      'doctest compares what the interpreter would print, character for character: `add_num(0.1, 0.2)` must be written as `0.30000000000000004`. That exactness is what makes doctest examples trustworthy documentation, and what makes them brittle.',
    python: { framework: 'doctest', item: 'calculation.add_num' },
    mirrors: {
      ...sameInJestAndVitest({
        support: 'emulated',
        how: '`toBe(0.30000000000000004)` compares the value exactly, as the doctest compares the printed text; `toBeCloseTo` would be the forgiving choice.',
      }),
      tsdoctest: {
        item: 'calculation.addNum',
        support: 'native',
        how: "tsdoctest prints each result like the Node REPL and compares the text; it also accepts the REPL's `Uncaught TypeError: ...` form for exceptions.",
      },
    },
  },
  {
    id: 'doctest-examples-in-vitest',
    lesson: 'doctest',
    title: 'Doc examples as tests of the test runner: tsdoctest inside Vitest',
    notice:
      "The Vitest cell is the doc comment itself, run by tsdoctest's plugin: the test is named by the item, and a failure would be reported in tsdoctest's words.",
    explanation:
      "pytest can run a module's docstring examples among its tests (`pytest --doctest-modules`), so they are selected, reported and measured like the rest. tsdoctest's Vitest plugin does the same for Vitest (`plugins: [tsdoctest()]`): each doc comment is a Vitest test named by its item, and it fails with tsdoctest's own report. The domain's examples run this way in a Vitest project of their own (vitest.doctest.config.ts), so they count toward neither the Vitest lessons' coverage nor their mutation score.",
    python: { framework: 'pytest', item: 'calculation.Cal.add_num_and_double' },
    mirrors: {
      tsdoctest: {
        item: 'calculation.Cal.addNumAndDouble',
        support: 'native',
        how: 'The `tsdoctest` command runs the item on its own: the runner the plugin puts inside Vitest.',
      },
      vitest: {
        item: 'calculation.Cal.addNumAndDouble',
        support: 'native',
        how: 'vitest.doctest.config.ts adds `tsdoctest()` to `plugins` and includes src/domain: Vitest runs the JSDoc of `Cal.addNumAndDouble` as the test `calculation.Cal.addNumAndDouble`, with no test file written.',
      },
      jest: {
        tag: 'doctest-method-examples',
        support: 'emulated',
        how: 'Jest has no such plugin: the examples stay rewritten by hand as expect() calls, one test per item, named like the item; it is the test of doctest-method-examples.',
      },
    },
  },
  {
    id: 'unittest-setup-teardown',
    lesson: 'unittest',
    title: 'setUp and tearDown around every test',
    notice:
      "The TestCase class becomes a `describe` with `beforeEach` / `afterEach`; unittest's `-v` line names class and method, Jest and Vitest the test's title.",
    explanation:
      'A unittest.TestCase groups tests in a class; setUp runs before each test method and tearDown after it, even when the test fails, so every test gets a fresh calculator and no state leaks between tests. The test checks the record of calls: every earlier test was torn down before this one was set up.',
    python: { framework: 'unittest' },
    mirrors: {
      ...sameInJestAndVitest({
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
    python: { framework: 'unittest' },
    mirrors: {
      ...sameInJestAndVitest({
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
    python: { framework: 'unittest' },
    mirrors: {
      ...sameInJestAndVitest({
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
    python: { framework: 'unittest' },
    mirrors: {
      ...sameInJestAndVitest({
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
      expected: { outcome: 'skip', reason: 'shows an unconditional skip' },
    },
    mirrors: {
      jest: {
        expected: { outcome: 'skip', reason: 'shows an unconditional skip' },
        support: 'native',
        how: '`test.skip` is native but takes no reason, so the reason is written into the title, where the terminal, --json and JUnit reports all show it.',
      },
      vitest: {
        expected: { outcome: 'skip', reason: 'shows an unconditional skip' },
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
      expected: { outcome: 'skip', reason: "release name is 'test'" },
    },
    mirrors: {
      jest: {
        expected: { outcome: 'skip', reason: "release name is 'test'" },
        support: 'emulated',
        how: 'Jest has no skipIf: the `skipIf(condition, reason)` helper in specs/jest/support/conftest.ts picks `test.skip` or `test` and puts the reason in the title.',
      },
      vitest: {
        expected: { outcome: 'skip', reason: "release name is 'test'" },
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
    python: { framework: 'unittest' },
    mirrors: {
      jest: {
        support: 'native',
        how: 'Asks Jest itself: `jest --listTests --json` on example file names with the default config, and on this repository with jest.config.js (testMatch, testPathIgnorePatterns).',
      },
      vitest: {
        support: 'native',
        how: 'Asks Vitest itself: `vitest list --filesOnly --json` on example file names with no config, and on this repository with vitest.config.ts (include, exclude).',
      },
    },
  },
  {
    id: 'pytest-plain-assert',
    lesson: 'pytest',
    title: 'A plain function and a plain assert',
    notice:
      "pytest's verbose line is `file::test PASSED`; a plain `assert` becomes `expect()` in a top-level `test()`.",
    explanation:
      'pytest needs no class: a function named test_* is a test, and a bare `assert a == b` is enough, because pytest rewrites the assert to explain a failure with both values.',
    python: { framework: 'pytest' },
    mirrors: {
      ...sameInJestAndVitest({
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
    python: { framework: 'pytest' },
    mirrors: {
      jest: {
        support: 'native',
        how: 'beforeAll/afterAll and beforeEach/afterEach in a describe; Jest does not pass the test to hooks, so they read `expect.getState().currentTestName`.',
      },
      vitest: {
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
      expected: { outcome: 'skip', reason: 'this is a release build' },
    },
    mirrors: {
      jest: {
        expected: { outcome: 'skip', reason: 'this is a release build' },
        support: 'emulated',
        how: 'The `skipIf(condition, reason)` helper from specs/jest/support/conftest.ts; `npx jest --verbose` lists it as `○ skipped ... [skip: reason]`.',
      },
      vitest: {
        expected: { outcome: 'skip', reason: 'this is a release build' },
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
    python: { framework: 'pytest' },
    mirrors: {
      ...sameInJestAndVitest({
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
    python: { framework: 'pytest' },
    mirrors: {
      jest: {
        support: 'emulated',
        how: "Jest has no fixtures: the running test's name and file come from `expect.getState()` (currentTestName, testPath).",
      },
      vitest: {
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
    python: { framework: 'pytest' },
    mirrors: {
      jest: {
        support: 'emulated',
        how: 'Jest rejects unknown flags, so `npm run test:jest -- --os-name=windows` goes through scripts/run-framework.ts, which validates the option, passes it as TEST_DOJO_OS_NAME and starts Jest with the other arguments; `osNameOption()` reads it.',
      },
      vitest: {
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
    python: { framework: 'pytest' },
    mirrors: {
      jest: {
        support: 'emulated',
        how: '`useFixture(tmpPath)` from our conftest: an async generator makes the directory, yields it, and removes it after the test.',
      },
      vitest: {
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
    python: { framework: 'pytest' },
    mirrors: {
      jest: {
        support: 'emulated',
        how: '`useFixture(csvFile)`: csvFile is a generator that loops over tmpPath (a fixture using a fixture) and yields an open FileHandle.',
      },
      vitest: {
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
    python: { framework: 'pytest' },
    mirrors: {
      jest: {
        support: 'emulated',
        how: "useFixture calls the generator's return() in afterEach, which runs its finally blocks: close the file, remove the directory. Jest runs a describe's afterEach hooks in the order declared, so one declared after the fixtures runs the test's check.",
      },
      vitest: {
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
    python: { framework: 'pytest' },
    mirrors: {
      jest: {
        support: 'native',
        how: 'Runs Jest on an example file with and without `--silent` and checks what reaches the output.',
      },
      vitest: {
        support: 'native',
        how: 'Runs Vitest on an example file with no flag, `--silent` and `--silent=passed-only`, and checks what reaches the output.',
      },
    },
  },
  {
    id: 'mock-return-value',
    lesson: 'mock',
    title: 'A stand-in that returns a value',
    notice:
      "`MagicMock(return_value=1)` becomes `jest.fn().mockResolvedValue(1)`, `vi.fn()` or sinon's `stub().resolves(1)`: the bonus is async here.",
    explanation:
      "The course replaces bonus_price with MagicMock(return_value=1) and checks the salary (101), that the mock was called, called once, called with year=2017 and its call count. The TypeScript mirrors inject the stand-in through Salary's constructor (dependency injection) and make the same four checks.",
    python: { framework: 'unittest' },
    mirrors: {
      jest: {
        support: 'native',
        how: "jest.fn().mockResolvedValue(1) with toHaveBeenCalled, toHaveBeenCalledTimes(1) (Jest 30 has no toHaveBeenCalledOnce), toHaveBeenLastCalledWith(2017) and mock.calls; the next test, 'a sinon stub returns 1 and the salary is 101', does it with sinon.stub().resolves(1) and sinon.assert.",
      },
      vitest: {
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
    python: { framework: 'unittest' },
    mirrors: {
      jest: {
        support: 'native',
        how: "jest.fn: toHaveBeenLastCalledWith is assert_called_with, toHaveBeenCalledWith is assert_any_call; sinon: calledWith is 'any call', lastCall.calledWith the last. 'the framework mock records every call in order' and 'a sinon stub records every call in order' show mock.calls and stub.args.",
      },
      vitest: {
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
    python: { framework: 'unittest' },
    mirrors: {
      jest: {
        support: 'emulated',
        how: "jest.spyOn(ThirdPartyBonusRestApi.prototype, 'bonusPrice').mockResolvedValue(1), undone by restoreMocks: true; 'a sinon stub replaces bonusPrice on the prototype' does it with sinon.stub, undone by sinon.restore() in the shared setup. A last test checks the original is back.",
      },
      vitest: {
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
    python: { framework: 'unittest' },
    mirrors: {
      jest: {
        support: 'emulated',
        how: "`using spy = jest.spyOn(...)`: Jest 30 spies are disposable, so the block end restores the method; 'a sinon stub is restored in finally' uses try/finally with stub.restore(). Both check the original is back right after the block.",
      },
      vitest: {
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
    python: { framework: 'unittest' },
    mirrors: {
      jest: {
        support: 'native',
        how: "jest.spyOn in beforeEach, mockRestore() in afterEach; the sibling describe 'with a sinon stub' does the same with sinon.stub / stub.restore().",
      },
      vitest: {
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
    python: { framework: 'unittest' },
    mirrors: {
      jest: {
        support: 'native',
        how: 'jest.spyOn(...).mockImplementation(async (year) => year + 1000); the sinon test uses stub.callsFake.',
      },
      vitest: {
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
    python: { framework: 'unittest' },
    mirrors: {
      ...sameInJestAndVitest({
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
    python: { framework: 'unittest' },
    mirrors: {
      ...sameInJestAndVitest({
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
    python: { framework: 'unittest' },
    mirrors: {
      jest: {
        support: 'native',
        how: "jest.mock('src/domain/bonus-api.ts') automocks the module for this file, so Salary constructs the mocked class (jest.mocked(...).prototype.bonusPrice); the file calls `jest.mock` through the injected global because SWC hoists only that name. 'sinon.createStubInstance stubs every method of the real class' does it with sinon on jest.requireActual's class.",
      },
      vitest: {
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
    python: { framework: 'unittest' },
    mirrors: {
      jest: {
        support: 'native',
        how: "Jest compiles to CommonJS: SWC's exports are non-configurable getters, so sinon.stub throws 'non-configurable and non-writable' (and jest.spyOn 'Cannot redefine property'). 'a Node built-in: sealed under ESM, a plain object under CommonJS' shows the same sinon.stub(os, 'hostname') that throws in Vitest working here; two more tests show the DI and prototype alternatives.",
      },
      vitest: {
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
    python: { framework: 'unittest' },
    mirrors: {
      jest: {
        support: 'native',
        how: "jest.fn(impl).mockReset() returns undefined afterwards; 'mockReset on a spy' shows a spied method returning undefined until mockRestore; the sinon test shows resetBehavior / restore.",
      },
      vitest: {
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
    python: { framework: 'unittest' },
    mirrors: {
      jest: {
        support: 'native',
        how: "Asserts `err instanceof TypeError` is false and `err.name` is 'TypeError' for fetch of an invalid URL; 'a ConnectionRefusedError from a second copy of the module still means no bonus' loads a copy with jest.isolateModulesAsync.",
      },
      vitest: {
        support: 'native',
        how: "Vitest runs tests in Node's own realm, so here `err instanceof TypeError` is true; the name check works in both. 'a ConnectionRefusedError from a second copy of the module still means no bonus' loads a copy after vi.resetModules().",
      },
    },
  },
  {
    id: 'http-intercept-query',
    lesson: 'http',
    title: 'Intercepting GET /bonus?year=2017',
    notice:
      'nock answers at the HTTP level, so the real client runs; Python, without nock, serves canned answers from a local `http.server`.',
    explanation:
      "One level below the course's mocks: the real client sends a real request and nock answers it, so URL building and JSON parsing are tested too. The interceptor matches the query, the HTTP form of assert_called_with: a request for another year does not match and fails. Python has no nock; its reference serves canned answers from a local http.server and records the requests.",
    python: { framework: 'unittest' },
    mirrors: {
      ...sameInJestAndVitest({
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
    python: { framework: 'unittest' },
    mirrors: {
      ...sameInJestAndVitest({
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
    python: { framework: 'unittest' },
    mirrors: { ...sameInJestAndVitest({ support: 'native', how: 'nock .reply(503, ...).' }) },
  },
  {
    id: 'http-malformed-json',
    lesson: 'http',
    title: 'Malformed JSON',
    explanation:
      'A 200 whose body is not JSON is a BonusApiError naming the URL and the start of the body.',
    python: { framework: 'unittest' },
    mirrors: {
      ...sameInJestAndVitest({
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
    python: { framework: 'unittest' },
    mirrors: {
      ...sameInJestAndVitest({
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
    python: { framework: 'unittest' },
    mirrors: {
      jest: {
        support: 'native',
        how: "jest.useFakeTimers with everything but setTimeout/clearTimeout in doNotFake, nock .delay(60_000), then jest.advanceTimersByTimeAsync(50); the shared setup's nock.abortPendingRequests() drops the delayed answer.",
      },
      vitest: {
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
    python: { framework: 'unittest' },
    mirrors: {
      ...sameInJestAndVitest({
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
    python: { framework: 'unittest' },
    mirrors: {
      jest: {
        support: 'native',
        how: "specs/jest/setup/hermetic.ts via setupFilesAfterEnv; fake timers that never advance prove the rejection is not the client's timeout. Other tests: the allow-list is anchored, localhost:PORT works, and the next test starts clean.",
      },
      vitest: {
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
    python: { framework: 'unittest' },
    mirrors: {
      ...sameInJestAndVitest({
        support: 'native',
        how: 'startBonusServer({ port: 0 }) in beforeAll, close() in afterAll.',
      }),
    },
  },
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
      expected: { outcome: 'fail', reason: 'expected 3, got 2' },
      also: [
        { framework: 'unittest', expected: { outcome: 'fail', reason: 'AssertionError: 2 != 3' } },
        {
          framework: 'doctest',
          item: 'classic_failures.add_num',
          expected: { outcome: 'fail', reason: 'Expected: 3, Got: 2' },
        },
      ],
    },
    mirrors: {
      ...sameInJestAndVitest({
        expected: { outcome: 'fail', reason: 'expected 3, got 2' },
        support: 'native',
        how: 'A plain expect(...).toBe(3); the file runs only with TEST_DOJO_DEMO_FAILURES=1.',
      }),
      tsdoctest: {
        item: 'classic-failures.addNum',
        expected: { outcome: 'fail', reason: 'expected 3, got 2' },
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
      expected: { outcome: 'fail', reason: 'TypeError: x must be a finite number' },
      also: [
        {
          framework: 'unittest',
          expected: { outcome: 'fail', reason: 'an ERROR: TypeError: x must be a finite number' },
        },
        {
          framework: 'doctest',
          item: 'classic_failures.Cal.add_num_and_double',
          expected: { outcome: 'fail', reason: 'expected 5, got 4; TypeError for "2"' },
        },
      ],
    },
    mirrors: {
      ...sameInJestAndVitest({
        expected: { outcome: 'fail', reason: 'TypeError: x must be a finite number' },
        support: 'native',
        how: 'The TypeError escapes the test; the file runs only with TEST_DOJO_DEMO_FAILURES=1.',
      }),
      tsdoctest: {
        item: 'classic-failures.Cal.addNumAndDouble',
        expected: { outcome: 'fail', reason: 'expected 5, got 4; TypeError for "2"' },
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
      expected: { outcome: 'fail', reason: 'expected call(year=2018), got call(year=2017)' },
      also: [
        {
          framework: 'unittest',
          expected: {
            outcome: 'fail',
            reason: 'expected call not found: year=2018, got year=2017',
          },
        },
      ],
    },
    mirrors: {
      jest: {
        expected: { outcome: 'fail', reason: 'expected 2018, got 2017' },
        support: 'native',
        how: 'jest.fn() and toHaveBeenLastCalledWith(2018); the file runs only with TEST_DOJO_DEMO_FAILURES=1.',
      },
      vitest: {
        expected: { outcome: 'fail', reason: 'expected 2018, got 2017' },
        support: 'native',
        how: 'vi.fn() and toHaveBeenLastCalledWith(2018); the file runs only with TEST_DOJO_DEMO_FAILURES=1.',
      },
    },
    demo: true,
  },
];

/** Where a catalogue's suites are, from the repository root. */
export interface SuiteRoots {
  jest: string;
  vitest: string;
  /** The Python tests, and the modules whose doctest items they name. */
  python: string;
  /** The folders whose modules hold the tsdoctest items. */
  tsdoctest: readonly string[];
  /** The Vitest config that runs doctest items through tsdoctest's plugin, and the folders it includes. */
  vitestDoctest?: { config: string; dirs: readonly string[] };
}

/** The lesson suites of this repository. */
export const LESSON_ROOTS: SuiteRoots = {
  jest: 'specs/jest',
  vitest: 'specs/vitest',
  python: 'fixtures/python',
  tsdoctest: ['src/domain', 'fixtures/doctest'],
  vitestDoctest: { config: 'vitest.doctest.config.ts', dirs: ['src/domain'] },
};

/** A catalogue joined with its suites, and what does not fit. */
export interface Resolved {
  concepts: Concept[];
  /** A concept without a tagged test, a test tagged twice or with an unknown id, an item not found. */
  problems: string[];
}

const PASS: Expected = { outcome: 'pass' };

/** Find each concept's tests in the suites under `roots` (see specs/concept-tags.ts). */
export function resolveConcepts(
  list: readonly ConceptEntry[],
  roots: SuiteRoots,
  root: string,
): Resolved {
  const problems: string[] = [];
  const known = new Set(list.map((c) => c.id));
  const suites = {
    jest: scanTypeScript(root, roots.jest),
    vitest: scanTypeScript(root, roots.vitest),
    python: scanPython(root, roots.python),
  };
  for (const [suite, tagged] of Object.entries(suites)) {
    for (const t of tagged.filter((t) => !known.has(t.id))) {
      problems.push(`${t.file}:${t.line}: ${suite} test tagged [${t.id}], which is no concept`);
    }
  }
  /** The one test of `suite` tagged `id`; a problem when there is none or more. */
  const taggedOnce = (id: string, suite: string, found: TaggedTest[], dir: string) => {
    if (found.length === 0)
      problems.push(`${id}: no ${suite} test under ${dir}/ is tagged [${id}]`);
    if (found.length > 1) {
      const where = found.map((t) => `${t.file}:${t.line}`).join(', ');
      problems.push(`${id}: more than one ${suite} test is tagged [${id}]: ${where}`);
    }
    return found[0];
  };
  const item = (id: string, name: string, dirs: readonly string[], ext: string) => {
    const file = moduleFile(root, dirs, name, ext);
    if (!file)
      problems.push(
        `${id}: no module ${name.split('.')[0]}${ext} in ${dirs.join(', ')} for the doctest item ${name}`,
      );
    return { file, test: [name] };
  };
  const python = (c: ConceptEntry, ref: PythonEntry): PythonTest => {
    const expected = ref.expected ?? PASS;
    if ('item' in ref) {
      return {
        framework: ref.framework,
        expected,
        ...item(c.id, ref.item, [roots.python], '.py'),
      };
    }
    const own = suites.python.filter((t) => t.id === c.id && t.framework === ref.framework);
    const found = taggedOnce(c.id, ref.framework, own, roots.python);
    return {
      framework: ref.framework,
      expected,
      file: found?.file,
      line: found?.line,
      test: found?.name,
    };
  };
  const mirror = (c: ConceptEntry, suite: 'jest' | 'vitest'): Mirror => {
    const entry = c.mirrors[suite];
    if ('item' in entry) {
      const { expected = PASS, item: name, ...how } = entry;
      const plugin = roots.vitestDoctest;
      if (!plugin) {
        problems.push(`${c.id}: the ${suite} item ${name} needs a Vitest config for tsdoctest`);
        return { ...how, expected, test: [name] };
      }
      return { ...how, expected, config: plugin.config, ...item(c.id, name, plugin.dirs, '.ts') };
    }
    const { expected = PASS, ...how } = entry;
    const id = entry.tag ?? c.id;
    if (entry.tag !== undefined && !known.has(entry.tag))
      problems.push(`${c.id}: its ${suite} mirror reuses [${entry.tag}], which is no concept`);
    // A reused test is counted once, under its own concept.
    const found = entry.tag
      ? suites[suite].find((t) => t.id === id)
      : taggedOnce(
          c.id,
          suite,
          suites[suite].filter((t) => t.id === id),
          roots[suite],
        );
    return { ...how, expected, file: found?.file, line: found?.line };
  };
  const concepts = list.map((c): Concept => {
    const { also, ...main } = c.python;
    const doc = c.mirrors.tsdoctest;
    return {
      ...c,
      python: { ...python(c, main), ...(also ? { also: also.map((ref) => python(c, ref)) } : {}) },
      mirrors: {
        jest: mirror(c, 'jest'),
        vitest: mirror(c, 'vitest'),
        ...(doc && {
          tsdoctest: {
            support: doc.support,
            how: doc.how,
            expected: doc.expected ?? PASS,
            ...item(c.id, doc.item, roots.tsdoctest, '.ts'),
          },
        }),
      },
    };
  });
  return { concepts, problems };
}

/** The catalogue of this repository, joined with its lesson suites. */
export const catalogue: Resolved = resolveConcepts(
  entries,
  LESSON_ROOTS,
  fileURLToPath(new URL('..', import.meta.url)),
);

export const concepts: Concept[] = catalogue.concepts;

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
