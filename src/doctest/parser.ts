/**
 * The prompt syntax → examples: CPython's `doctest.DocTestParser`, for the
 * text of a `/** ... *\/` comment. It never throws: malformed directives
 * become an `error` on the example, which the runner reports as a failure.
 */
import type { Example } from './example.ts';
import { parseDirective } from './flags.ts';

/** One line of a comment's text (leader stripped, tabs expanded) and its 1-based file line. */
export interface CommentLine {
  text: string;
  line: number;
}

const PS1 = /^( *)>>>(?: (.*))?$/;
const TRACEBACK_HEADER = /^Traceback \((?:most recent call last|innermost last)\):[ \t]*$/;
const DIRECTIVE = /\/\/\s*doctest:\s*([^\n'"]*)$/;

function isBlank(text: string): boolean {
  return text.trim() === '';
}

/** Does the line end an example's expected output? */
function endsWant(text: string): boolean {
  const trimmed = text.trimStart();
  return (
    isBlank(text) ||
    trimmed.startsWith('>>>') ||
    trimmed.startsWith('@') ||
    trimmed.startsWith('```')
  );
}

/** Strip up to `indent` leading spaces (Python insists on them; we forgive). */
function dedent(text: string, indent: number): string {
  let i = 0;
  while (i < indent && text[i] === ' ') i++;
  return text.slice(i);
}

/** A source made only of blank lines and `//` comments is no example, as in Python. */
function isBlankOrComment(source: string): boolean {
  return source.split('\n').every((l) => isBlank(l) || l.trimStart().startsWith('//'));
}

/** The expected exception's `Name: message` text, or null when no exception is expected. */
export function exceptionMessage(want: string): string | null {
  const lines = want.split('\n');
  if (lines[0]?.startsWith('Uncaught ')) return `${want.slice('Uncaught '.length)}`;
  if (!TRACEBACK_HEADER.test(lines[0] ?? '')) return null;
  // As in CPython: skip the (indented) stack up to the first line that starts with a word character.
  const at = lines.findIndex((l, i) => i > 0 && /^\w/.test(l));
  return at < 0 ? null : lines.slice(at).join('\n');
}

/** Parse the examples of one comment. */
export function parseExamples(lines: readonly CommentLine[]): Example[] {
  const examples: Example[] = [];
  let i = 0;
  while (i < lines.length) {
    const first = lines[i] as CommentLine;
    const prompt = PS1.exec(first.text);
    if (!prompt) {
      i++;
      continue;
    }
    const indent = (prompt[1] ?? '').length;
    const sourceLines = [prompt[2] ?? ''];
    i++;
    const ps2 = new RegExp(`^ {${indent}}\\.\\.\\.(?: (.*))?$`);
    while (i < lines.length) {
      const more = ps2.exec((lines[i] as CommentLine).text);
      if (!more) break;
      sourceLines.push(more[1] ?? '');
      i++;
    }
    const wantLines: string[] = [];
    while (i < lines.length && !endsWant((lines[i] as CommentLine).text)) {
      wantLines.push(dedent((lines[i] as CommentLine).text, indent));
      i++;
    }
    const source = `${sourceLines.join('\n')}\n`;
    if (isBlankOrComment(source)) continue;
    const want = wantLines.length > 0 ? `${wantLines.join('\n')}\n` : '';
    const example: Example = {
      source,
      want,
      excMsg: exceptionMessage(want),
      line: first.line,
      indent,
      changes: [],
    };
    for (const sourceLine of sourceLines) {
      const directive = DIRECTIVE.exec(sourceLine);
      if (!directive) continue;
      const { changes, error } = parseDirective(directive[1] ?? '');
      example.changes.push(...changes);
      if (error) example.error = `line ${first.line}: ${error}`;
    }
    examples.push(example);
  }
  return examples;
}

/**
 * Split a raw `/** ... *\/` comment into its text lines: drop the delimiters and
 * each line's ` * ` leader, expand tabs (as Python does for docstrings).
 */
export function commentLines(comment: string, firstLine: number): CommentLine[] {
  let body = comment.startsWith('/**') ? comment.slice(3) : comment;
  if (body.endsWith('*/')) body = body.slice(0, -2);
  return body.split('\n').map((raw, index) => {
    const text = expandTabs(raw.replace(/\r$/, '').replace(/^[ \t]*\*? ?/, ''));
    return { text, line: firstLine + index };
  });
}

/** Python's `str.expandtabs()` with 8-column tab stops. */
export function expandTabs(text: string): string {
  if (!text.includes('\t')) return text;
  let out = '';
  for (const ch of text) {
    if (ch === '\t') out += ' '.repeat(8 - (out.length % 8));
    else out += ch;
  }
  return out;
}
