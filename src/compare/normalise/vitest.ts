/**
 * Vitest: outcomes from its JSON reporter, verbatim output from its verbose
 * reporter: the test's line on stdout (with the skip note in brackets and the
 * `→` error summary) and its `FAIL` block on stderr.
 */
import stripAnsi from 'strip-ansi';
import type { Normalised, TestResult } from '../model.ts';
import { normaliseJestLike, parseJestLike } from './jest-json.ts';
import { sliceUntil } from './text.ts';

const MARKS = ['✓', '×', '↓', '↩'];
/** What may follow the test's name on its line: the duration, then a skip note. */
const TAIL = /^( \d+(\.\d+)?m?s)?( \[.*\])?$/;

export function normaliseVitest(
  json: string,
  stdout: string,
  stderr: string,
  root: string,
): Normalised {
  const out = stripAnsi(stdout).split('\n');
  const err = stripAnsi(stderr).split('\n');
  const notes = new Map<string, string>();
  const result = normaliseJestLike(parseJestLike(json), root, (file, name) => {
    const key = `${file} > ${name.join(' > ')}`;
    const at = out.findIndex((line) => {
      const text = withoutLocation(line.trim());
      return MARKS.some((m) => {
        const prefix = `${m} ${key}`;
        return text.startsWith(prefix) && TAIL.test(text.slice(prefix.length));
      });
    });
    const lines =
      at < 0 ? [] : sliceUntil(out, at, (l) => !l.startsWith('   → ') && !l.startsWith('     '));
    // The last bracket: a concept's tag may come before it in the title.
    const note = lines[0]?.match(/ \[([^[\]]+)\]$/)?.[1];
    if (note) notes.set(key, note);
    const failAt = err.findIndex((l) => withoutLocation(l.trim()) === `FAIL  ${key}`);
    const block = failAt < 0 ? [] : sliceUntil(err, failAt, (l) => /^⎯{3,}/.test(l.trim()));
    return [...lines.map((l) => l.trimEnd()), ...(block.length ? ['', ...block] : [])]
      .join('\n')
      .trim();
  });
  // Vitest's JSON leaves out the skip note (`ctx.skip(note)`); its verbose line shows it.
  const withNotes: TestResult[] = result.tests.map((t) => {
    const note = notes.get(`${t.file} > ${t.name.join(' > ')}`);
    return t.status === 'skipped' && note ? { ...t, message: note } : t;
  });
  // A file that failed to load has its own FAIL block on stderr; show that, verbatim.
  const fileErrors = result.fileErrors.map((fe) => {
    const at = err.findIndex((l) => l.trim().startsWith(`FAIL  ${fe.file} [`));
    if (at < 0) return fe;
    const block = sliceUntil(err, at, (l) => /^⎯{3,}/.test(l.trim()));
    return { ...fe, message: block.join('\n').trim() };
  });
  return { tests: withNotes, fileErrors };
}

/** `file.ts:12:3 > a > b` → `file.ts > a > b` (the location `--includeTaskLocation` adds). */
function withoutLocation(text: string): string {
  return text.replace(/(\.[cm]?[jt]sx?):\d+:\d+/, '$1');
}
