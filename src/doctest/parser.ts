/**
 * The prompt syntax → examples: CPython's `doctest.DocTestParser`, for the
 * text of a `/** ... *\/` comment. It never throws: what CPython stops on with
 * a ValueError (`>>>x` with no space, a `...x` continuation, a line indented
 * less than its prompt, an unknown directive) becomes an example with an
 * `error`, which the runner reports as that example's failure.
 */
import type { Example } from './example.ts';
import { parseDirective } from './flags.ts';

/** One line of a comment's text (leader stripped, tabs expanded) and its 1-based file line. */
export interface CommentLine {
  text: string;
  line: number;
}

/** Where a comment is, for error messages: the file as shown and the comment's item name. */
export interface CommentPlace {
  file: string;
  name: string;
  /** What holds the examples, as the messages say it (default: `doc comment`). */
  what?: string;
}

/** As CPython's `_EXAMPLE_RE`: a prompt, then any line starting `...` after spaces. */
const PS1 = /^( *)>>>/;
const PS2 = /^ *\.\.\./;
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

/** Python's `repr` of a string, as CPython's messages quote a line. */
function pyRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  const escaped = text
    .replaceAll('\\', '\\\\')
    .replaceAll(quote, `\\${quote}`)
    .replaceAll('\n', '\\n');
  return `${quote}${escaped}${quote}`;
}

/**
 * CPython's `_check_prompt_blank` and `_check_prefix`, on the example's source and
 * expected lines: the first offending line and what is wrong with it, or undefined.
 */
function malformed(
  source: readonly CommentLine[],
  want: readonly CommentLine[],
  indent: number,
): { at: CommentLine; problem: string } | undefined {
  for (const at of source) {
    if (at.text.length >= indent + 4 && at.text[indent + 3] !== ' ') {
      const prompt = at.text.slice(indent, indent + 3);
      return { at, problem: `lacks blank after ${prompt}: ${pyRepr(at.text)}` };
    }
  }
  const prefix = ' '.repeat(indent);
  for (const at of [...source.slice(1), ...want]) {
    if (at.text !== '' && !at.text.startsWith(prefix))
      return { at, problem: `has inconsistent leading whitespace: ${pyRepr(at.text)}` };
  }
  return undefined;
}

/**
 * Parse the examples of one comment. `place` names the comment in the message of a
 * malformed example, as CPython's `name` does.
 */
export function parseExamples(
  lines: readonly CommentLine[],
  place: CommentPlace = { file: '<comment>', name: '<comment>' },
): Example[] {
  const examples: Example[] = [];
  const fail = (at: CommentLine, problem: string) =>
    `${place.file}:${at.line}: the ${place.what ?? 'doc comment'} for ${place.name} ${problem}`;
  let i = 0;
  while (i < lines.length) {
    const first = lines[i] as CommentLine;
    const prompt = PS1.exec(first.text);
    if (!prompt) {
      i++;
      continue;
    }
    const indent = (prompt[1] ?? '').length;
    const sourceLines = [first];
    for (i++; i < lines.length && PS2.test((lines[i] as CommentLine).text); i++)
      sourceLines.push(lines[i] as CommentLine);
    const wantLines: CommentLine[] = [];
    for (; i < lines.length && !endsWant((lines[i] as CommentLine).text); i++)
      wantLines.push(lines[i] as CommentLine);
    const base = { excMsg: null, line: first.line, indent, changes: [] };
    const bad = malformed(sourceLines, wantLines, indent);
    if (bad) {
      // The lines as written: what they should have been is the user's to say.
      const source = `${sourceLines.map((l) => l.text.trimStart()).join('\n')}\n`;
      examples.push({ ...base, source, want: '', error: fail(bad.at, bad.problem) });
      continue;
    }
    const source = `${sourceLines.map((l) => l.text.slice(indent + 4)).join('\n')}\n`;
    const want =
      wantLines.length > 0 ? `${wantLines.map((l) => l.text.slice(indent)).join('\n')}\n` : '';
    const example: Example = { ...base, source, want, excMsg: exceptionMessage(want) };
    for (const sourceLine of sourceLines) {
      const directive = DIRECTIVE.exec(sourceLine.text);
      if (!directive) continue;
      const { changes, error } = parseDirective(directive[1] ?? '');
      example.changes.push(...changes);
      if (error && !example.error) example.error = fail(sourceLine, `has an ${error}`);
    }
    if (isBlankOrComment(source)) {
      // A directive on a prompt with no code is an error in CPython, not a no-op.
      if (example.changes.length > 0 || example.error) {
        const problem = `has an option directive on a line with no example: ${pyRepr(source.slice(0, -1))}`;
        examples.push({ ...example, error: example.error ?? fail(first, problem) });
      }
      continue;
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
