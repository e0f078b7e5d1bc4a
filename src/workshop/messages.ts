/** Small text helpers for messages a learner reads. */
import { relative } from 'node:path';
import stripAnsi from 'strip-ansi';

/** The header of a compiler's code frame: `╭─[ file:3:17 ]` (Vite), `,-[file:3:1]` (SWC). */
const FRAME_HEADER = /^[╭,]─*-*\[\s*(.+?)\s*\]$/;

/**
 * A test failure in one line a learner can act on: the message without
 * colours, stack frames or code frames, blank lines folded away; a code
 * frame becomes "(at file:line:column)".
 *
 * >>> failureSummary('Error: expect(received).toBe(expected)\n\nExpected: 101\nReceived: 100\n    at x (a.ts:1:1)')
 * 'expect(received).toBe(expected) Expected: 101 Received: 100'
 */
export function failureSummary(message: string, max = 300): string {
  const lines: string[] = [];
  for (const raw of stripAnsi(message).split('\n')) {
    const line = raw.trim();
    const frame = FRAME_HEADER.exec(line);
    if (frame?.[1]) {
      const inside = relative(process.cwd(), frame[1]);
      lines.push(`(at ${inside && !inside.startsWith('..') ? inside : frame[1]})`);
      break;
    }
    if (/^at\s/.test(line) || /^\d+\s*\|/.test(line) || /^[❯>│]\s/.test(line)) break;
    if (line) lines.push(line);
  }
  const text = lines
    .join(' ')
    .replace(/^Error: /, '')
    .replace(/^[x×] /, '');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Vitest's "Test timed out in 5000ms." and Jest's "Exceeded timeout of 5000 ms for a test." */
const TEST_TIMEOUT = /Test timed out in (\d+) ?ms|Exceeded timeout of (\d+) ?ms for a/;

/**
 * A failed test's message for a learner. A framework's test timeout advises
 * raising the limit, which is the wrong fix in a workshop: say what usually
 * causes it instead.
 *
 * >>> testFailure('Error: Test timed out in 5000ms.\nIf this is a long-running test, pass a timeout value')
 * 'did not finish within 5 s: does it wait for a promise that never settles (a stub that never answers, a missing resolve)?'
 */
export function testFailure(message: string): string {
  const timeout = TEST_TIMEOUT.exec(stripAnsi(message));
  if (!timeout) return failureSummary(message);
  const seconds = Number(timeout[1] ?? timeout[2]) / 1000;
  return `did not finish within ${seconds} s: does it wait for a promise that never settles (a stub that never answers, a missing resolve)?`;
}
