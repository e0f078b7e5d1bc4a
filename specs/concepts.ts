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
  // --- unittest lessons -----------------------------------------------------
  // --- pytest lessons -------------------------------------------------------
  // --- mock lessons (sinon, jest.fn / vi.fn) ---------------------------------
  // --- HTTP lessons (nock, real bonus service) -------------------------------
  // --- deliberate failure demos ---------------------------------------------
];

/** Look a concept up by id; throws on an unknown id so typos surface at once. */
export function conceptById(id: string): Concept {
  const found = concepts.find((c) => c.id === id);
  if (!found) throw new Error(`unknown concept id: ${id}`);
  return found;
}
