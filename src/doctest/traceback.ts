/**
 * Render a thrown value as CPython's doctest shows an exception: a
 * `Traceback (most recent call last):` with the example's own frames only,
 * outermost first, each with its source line, then `Name: message`.
 * V8 frames come already mapped to `.ts` lines (source maps are enabled).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inspect } from 'node:util';

interface ErrorLike {
  name: string;
  message: string;
  stack?: unknown;
}

function isErrorLike(value: unknown): value is ErrorLike {
  const v = value as Partial<ErrorLike> | null;
  return (
    typeof value === 'object' &&
    v !== null &&
    typeof v.name === 'string' &&
    typeof v.message === 'string'
  );
}

/**
 * The last line of a traceback, compared with the expected exception:
 * `TypeError: message` for errors (by their `name`), else the value as the REPL shows it.
 */
export function exceptionOnly(value: unknown): string {
  if (isErrorLike(value)) return value.message ? `${value.name}: ${value.message}` : value.name;
  try {
    return inspect(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

interface Frame {
  fn: string;
  file: string;
  line: number;
}

/** tsdoctest's own directory: its frames (e.g. the `process.exit` stand-in) are not the example's. */
const OWN_DIR = path.dirname(fileURLToPath(import.meta.url)) + path.sep;

const FRAME = /^\s*at (?:async )?(?:(.*?) \()?(.+?):(\d+):\d+\)?$/;

function shownPath(location: string, cwd: string): string {
  let file = location.replace(/\?[^:]*$/, '');
  if (file.startsWith('file://')) file = fileURLToPath(file);
  return path.isAbsolute(file) ? path.relative(cwd, file) || file : file;
}

const fileLines = new Map<string, string[] | null>();

function sourceLine(file: string, line: number, cwd: string): string | undefined {
  if (!fileLines.has(file)) {
    try {
      fileLines.set(file, readFileSync(path.resolve(cwd, file), 'utf8').split(/\r?\n/));
    } catch {
      fileLines.set(file, null);
    }
  }
  return fileLines.get(file)?.[line - 1]?.trim();
}

/** The frames from the top of the stack down to the example's own, outermost first. */
function exampleFrames(stack: string, filename: string, cwd: string): Frame[] {
  const frames: Frame[] = [];
  let reachedExample = false;
  for (const text of stack.split('\n')) {
    const m = FRAME.exec(text);
    if (!m) continue;
    const location = m[2] as string;
    const isExample = location === filename;
    if (!isExample && path.resolve(cwd, shownPath(location, cwd)).startsWith(OWN_DIR)) continue;
    if (reachedExample && !isExample) break;
    reachedExample ||= isExample;
    const fn =
      m[1] && !/^(?:Object\.)?<anonymous>$/.test(m[1]) ? m[1].replace(/^Object\./, '') : '<module>';
    frames.push({
      fn: isExample ? '<module>' : fn,
      file: isExample ? location : shownPath(location, cwd),
      line: Number(m[3]),
    });
  }
  return reachedExample ? frames.reverse() : [];
}

/** A SyntaxError from compiling the example: V8 puts `file:line`, the code and a caret first. */
function syntaxErrorFrame(stack: string, filename: string): string[] {
  if (!stack.startsWith(`${filename}:`)) return [];
  const [where, code, caret] = stack.split('\n');
  const line = where?.slice(filename.length + 1);
  const lines = [`  File "${filename}", line ${line}`];
  if (code?.trim()) {
    const lead = code.length - code.trimStart().length;
    lines.push(`    ${code.trim()}`);
    if (caret?.includes('^')) lines.push(`    ${caret.slice(lead)}`);
  }
  return lines;
}

/**
 * The whole traceback text (ending in a newline), as in CPython's
 * `_exception_traceback`. `exampleSource` gives the lines shown for the example's frames.
 */
export function formatTraceback(
  value: unknown,
  filename: string,
  exampleSource: string,
  cwd = process.cwd(),
): string {
  if (!isErrorLike(value)) return `Uncaught ${exceptionOnly(value)}\n`;
  const stack = typeof value.stack === 'string' ? value.stack : '';
  const lines = ['Traceback (most recent call last):'];
  const exampleLines = exampleSource.split('\n');
  for (const frame of exampleFrames(stack, filename, cwd)) {
    const isExample = frame.file === filename;
    lines.push(`  File "${frame.file}", line ${frame.line}, in ${frame.fn}`);
    const code = isExample
      ? exampleLines[frame.line - 1]?.trim()
      : sourceLine(frame.file, frame.line, cwd);
    if (code) lines.push(`    ${code}`);
  }
  if (value.name === 'SyntaxError') lines.push(...syntaxErrorFrame(stack, filename));
  lines.push(exceptionOnly(value));
  return `${lines.join('\n')}\n`;
}
