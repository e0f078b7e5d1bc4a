/**
 * Does the output match what was expected, and how to show the difference:
 * CPython's `doctest.OutputChecker`, with its flags and messages.
 */
import { createRequire } from 'node:module';
import type { Flag } from './flags.ts';

type Diff = typeof import('diff');
let diffModule: Diff | undefined;

/**
 * The diff library, loaded when a difference is first shown, as CommonJS: the
 * ESM build is 19 modules, each a round trip to the loader hooks' thread.
 */
function diff(): Diff {
  diffModule ??= createRequire(import.meta.url)('diff') as Diff;
  return diffModule;
}

export const BLANKLINE_MARKER = '<BLANKLINE>';
export const ELLIPSIS_MARKER = '...';

/** CPython's `_ellipsis_match`: `...` in `want` matches any substring of `got`. */
export function ellipsisMatch(want: string, got: string): boolean {
  if (!want.includes(ELLIPSIS_MARKER)) return want === got;
  const pieces = want.split(ELLIPSIS_MARKER);
  let start = 0;
  let end = got.length;
  const head = pieces[0] as string;
  if (head) {
    if (!got.startsWith(head)) return false;
    start = head.length;
    pieces.shift();
  }
  const tail = pieces[pieces.length - 1] as string;
  if (tail) {
    if (!got.endsWith(tail)) return false;
    end -= tail.length;
    pieces.pop();
  }
  if (start > end) return false;
  for (const piece of pieces) {
    const at = got.slice(0, end).indexOf(piece, start);
    if (at < 0) return false;
    start = at + piece.length;
  }
  return true;
}

/** CPython's `OutputChecker.check_output`. */
export function checkOutput(want: string, got: string, flags: readonly Flag[]): boolean {
  if (got === want) return true;
  // Python 2.2's booleans printed as 1 and 0; CPython still accepts `True` for `1` unless told
  // not to, and so does tsdoctest, for `true` and `false`.
  if (!flags.includes('DONT_ACCEPT_TRUE_FOR_1')) {
    if (got === 'true\n' && want === '1\n') return true;
    if (got === 'false\n' && want === '0\n') return true;
  }
  let w = want;
  let g = got;
  if (!flags.includes('DONT_ACCEPT_BLANKLINE')) {
    w = w.replace(/^<BLANKLINE>[^\S\n]*$/gm, '');
    g = g.replace(/^[^\S\n]+$/gm, '');
    if (g === w) return true;
  }
  if (flags.includes('NORMALIZE_WHITESPACE')) {
    w = w.split(/\s+/).filter(Boolean).join(' ');
    g = g.split(/\s+/).filter(Boolean).join(' ');
    if (g === w) return true;
  }
  return flags.includes('ELLIPSIS') && ellipsisMatch(w, g);
}

/** CPython's `_strip_exception_details`: `pkg.Error: detail` → `Error`. */
export function stripExceptionDetails(message: string): string {
  let end = message.indexOf('\n');
  if (end < 0) end = message.length;
  const colon = message.slice(0, end).indexOf(':');
  if (colon >= 0) end = colon;
  const dot = message.slice(0, end).lastIndexOf('.');
  return message.slice(dot + 1, end);
}

/** Indent every line by 4 spaces, as CPython's `_indent`. */
export function indent(text: string, by = 4): string {
  return text.replace(/^(?=.)/gm, ' '.repeat(by));
}

function splitLines(text: string): string[] {
  return text.split(/(?<=\n)/).filter((l) => l !== '');
}

/** Python's unified-diff range: `3` for one line, `3,2` otherwise. */
function unifiedRange(start: number, length: number): string {
  return length === 1 ? `${start}` : `${start},${length}`;
}

/** Python's context-diff range: `3` for one line, `3,4` for first,last. */
function contextRange(start: number, length: number): string {
  if (length === 0) return `${start}`;
  return length === 1 ? `${start}` : `${start},${start + length - 1}`;
}

type Hunk = ReturnType<Diff['structuredPatch']>['hunks'][number];

function patchHunks(want: string, got: string): Hunk[] {
  const patch = diff().structuredPatch('expected', 'actual', want, got, '', '', { context: 2 });
  return patch.hunks.map((h) => ({ ...h, lines: h.lines.filter((l) => !l.startsWith('\\')) }));
}

function unifiedDiff(want: string, got: string): string[] {
  const out: string[] = [];
  for (const h of patchHunks(want, got)) {
    out.push(
      `@@ -${unifiedRange(h.oldStart, h.oldLines)} +${unifiedRange(h.newStart, h.newLines)} @@`,
    );
    out.push(...h.lines);
  }
  return out;
}

function contextDiff(want: string, got: string): string[] {
  const out: string[] = [];
  for (const h of patchHunks(want, got)) {
    // Tag each line: a run of '-' followed by '+' is a replacement ('!').
    const olds: string[] = [];
    const news: string[] = [];
    let changedOld = false;
    let changedNew = false;
    const lines = h.lines;
    for (let i = 0; i < lines.length; ) {
      const line = lines[i] as string;
      if (line.startsWith(' ')) {
        olds.push(`  ${line.slice(1)}`);
        news.push(`  ${line.slice(1)}`);
        i++;
        continue;
      }
      const removed: string[] = [];
      const added: string[] = [];
      while (i < lines.length && (lines[i] as string).startsWith('-'))
        removed.push((lines[i++] as string).slice(1));
      while (i < lines.length && (lines[i] as string).startsWith('+'))
        added.push((lines[i++] as string).slice(1));
      const replaced = removed.length > 0 && added.length > 0;
      for (const r of removed) olds.push(`${replaced ? '!' : '-'} ${r}`);
      for (const a of added) news.push(`${replaced ? '!' : '+'} ${a}`);
      changedOld ||= removed.length > 0;
      changedNew ||= added.length > 0;
    }
    out.push('***************', `*** ${contextRange(h.oldStart, h.oldLines)} ****`);
    if (changedOld) out.push(...olds);
    out.push(`--- ${contextRange(h.newStart, h.newLines)} ----`);
    if (changedNew) out.push(...news);
  }
  return out;
}

/** Intraline hints for a changed pair of lines, like difflib.Differ's `? ` lines. */
function hints(before: string, after: string): [string, string] {
  let oldMarks = '';
  let newMarks = '';
  const parts = diff().diffChars(before, after);
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as (typeof parts)[number];
    const next = parts[i + 1];
    if (part.removed && next?.added) {
      oldMarks += '^'.repeat(part.value.length);
      newMarks += '^'.repeat(next.value.length);
      i++;
    } else if (part.removed) oldMarks += '-'.repeat(part.value.length);
    else if (part.added) newMarks += '+'.repeat(part.value.length);
    else {
      oldMarks += ' '.repeat(part.value.length);
      newMarks += ' '.repeat(part.value.length);
    }
  }
  return [oldMarks, newMarks];
}

function ndiff(want: string, got: string): string[] {
  const out: string[] = [];
  const parts = diff().diffArrays(splitLines(want), splitLines(got));
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as (typeof parts)[number];
    const next = parts[i + 1];
    if (part.removed && next?.added && next.value.length === part.value.length) {
      part.value.forEach((before, k) => {
        const after = next.value[k] as string;
        const [oldMarks, newMarks] = hints(before.replace(/\n$/, ''), after.replace(/\n$/, ''));
        out.push(`- ${before}`);
        if (oldMarks.trim()) out.push(`? ${oldMarks}`);
        out.push(`+ ${after}`);
        if (newMarks.trim()) out.push(`? ${newMarks}`);
      });
      i++;
      continue;
    }
    const tag = part.removed ? '- ' : part.added ? '+ ' : '  ';
    for (const line of part.value) out.push(`${tag}${line}`);
  }
  return out;
}

/** CPython's `OutputChecker.output_difference`: the `Expected:`/`Got:` text or a diff. */
export function outputDifference(want: string, got: string, flags: readonly Flag[]): string {
  let shownGot = got;
  if (!flags.includes('DONT_ACCEPT_BLANKLINE')) {
    shownGot = got.replace(/^[ ]*(?=\n)/gm, BLANKLINE_MARKER);
  }
  const fancy =
    flags.includes('REPORT_NDIFF') ||
    ((flags.includes('REPORT_UDIFF') || flags.includes('REPORT_CDIFF')) &&
      want.split('\n').length - 1 > 2 &&
      got.split('\n').length - 1 > 2);
  if (fancy) {
    let lines: string[];
    let kind: string;
    if (flags.includes('REPORT_UDIFF')) {
      lines = unifiedDiff(want, shownGot);
      kind = 'unified diff with -expected +actual';
    } else if (flags.includes('REPORT_CDIFF')) {
      lines = contextDiff(want, shownGot);
      kind = 'context diff with expected followed by actual';
    } else {
      lines = ndiff(want, shownGot);
      kind = 'ndiff with -expected +actual';
    }
    const body = lines.map((l) => `${l.trimEnd()}\n`).join('');
    return `Differences (${kind}):\n${indent(body)}`;
  }
  if (want && shownGot) return `Expected:\n${indent(want)}Got:\n${indent(shownGot)}`;
  if (want) return `Expected:\n${indent(want)}Got nothing\n`;
  if (shownGot) return `Expected nothing\nGot:\n${indent(shownGot)}`;
  return 'Expected nothing\nGot nothing\n';
}
