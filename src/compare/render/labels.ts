/** The words and symbols every renderer uses for an outcome, so they all read alike. */
import type { Cell, Outcome } from '../model.ts';
import { expectedOutcome } from '../model.ts';

export const LABEL: Record<Outcome, { symbol: string; word: string }> = {
  passed: { symbol: '✓', word: 'passed' },
  failed: { symbol: '✗', word: 'failed' },
  skipped: { symbol: '○', word: 'skipped' },
  'not-mirrored': { symbol: '·', word: 'not mirrored' },
  'not-run': { symbol: '-', word: 'not run' },
  'not-available': { symbol: '-', word: 'not available' },
  'not-found': { symbol: '?', word: 'not found' },
  error: { symbol: '!', word: 'error' },
};

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

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
