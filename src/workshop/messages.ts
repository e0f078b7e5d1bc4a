/** Small text helpers for messages a learner reads. */
import stripAnsi from 'strip-ansi';

/**
 * A test failure in one line a learner can act on: the message without
 * colours, stack frames or code frames, blank lines folded away.
 *
 * >>> failureSummary('Error: expect(received).toBe(expected)\n\nExpected: 101\nReceived: 100\n    at x (a.ts:1:1)')
 * 'expect(received).toBe(expected) Expected: 101 Received: 100'
 */
export function failureSummary(message: string, max = 300): string {
  const lines: string[] = [];
  for (const raw of stripAnsi(message).split('\n')) {
    const line = raw.trim();
    if (/^at\s/.test(line) || /^\d+\s*\|/.test(line) || /^[❯>]\s/.test(line)) break;
    if (line) lines.push(line);
  }
  const text = lines.join(' ').replace(/^Error: /, '');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
