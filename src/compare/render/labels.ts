/** The words and symbols every renderer uses for an outcome, a run and a section, so they all read alike. */
import type { Lesson } from '../../../specs/concepts.ts';
import type { Cell, Outcome, RunnerId } from '../model.ts';
import { expectedOutcome } from '../model.ts';

/** `short` is the terminal table's cell; `symbol` and `word` label a cell everywhere else. */
export const LABEL: Record<Outcome, { symbol: string; word: string; short: string }> = {
  passed: { symbol: '✓', word: 'passed', short: '✓' },
  failed: { symbol: '✗', word: 'failed', short: '✗' },
  skipped: { symbol: '○', word: 'skipped', short: 'skip' },
  'not-mirrored': { symbol: '—', word: 'not mirrored', short: '—' },
  'not-run': { symbol: '-', word: 'not run', short: 'off' },
  'not-available': { symbol: '-', word: 'not available', short: 'n/a' },
  'not-found': { symbol: '?', word: 'not found', short: '?' },
  error: { symbol: '!', word: 'error', short: 'error' },
};

/** Added to a terminal cell whose outcome differs from the catalogue, so it shows without colours. */
export const MISMATCH_MARK = '!';

export function cellLabel(cell: Cell): string {
  const { symbol, word } = LABEL[cell.outcome];
  return `${symbol} ${word}`;
}

/** The note under a label: what the catalogue wanted when the cell disagrees, or that a failure was the point. */
export function cellNote(cell: Cell): string | undefined {
  if (!cell.matches && cell.expected) return `expected ${expectedOutcome(cell.expected)}`;
  if (cell.outcome === 'failed' && cell.expected?.outcome === 'fail') return 'as expected';
  return undefined;
}

/**
 * A run as the run list, the progress lines and the page name it: the column
 * (what `--frameworks` takes and the table heads show), and for Python the
 * tool that ran.
 */
export const RUNNER_LABEL: Record<RunnerId, string> = {
  unittest: 'python (unittest)',
  pytest: 'python (pytest)',
  pydoctest: 'python (doctest)',
  jest: 'jest',
  vitest: 'vitest',
  'vitest-doctest': 'vitest (tsdoctest plugin)',
  tsdoctest: 'tsdoctest',
};

/** The course's sections: the lesson id (what `--show` and `--only` take), then what it is about. */
export const SECTION: Record<Lesson, string> = {
  doctest: 'examples in docstrings, replayed',
  unittest: 'test classes, setUp and tearDown, assertions, skips',
  pytest: 'plain assert, fixtures, conftest and --os-name',
  coverage: 'which lines the tests ran (npm run coverage)',
  mock: 'unittest.mock: return values, calls, patch, side effects, spec',
  http: 'HTTP-level mocks and a real local service',
};

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
