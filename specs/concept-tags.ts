/**
 * How the suites feed the catalogue: each test that mirrors a concept
 * carries the concept's id as a tag, ` [concept-id]`, at the end of its
 * readable title (before a `[skip: reason]`, see
 * specs/jest/setup/lesson-conventions.ts). Jest and Vitest tests carry it in
 * their title, so every report names the concept; Python tests in the first
 * line of their docstring, which `python -m unittest -v` prints. A doctest
 * item is found by its name (`calculation.Cal.addNum`): the item name is how
 * doctest and tsdoctest report it, and a tag in a docstring would show in the
 * documentation the examples are there for.
 *
 * The scan reads the suites as text, for the tools that need a file before
 * anything runs (the run plan of `npm start`, the README's path, the
 * catalogue check); what a framework reports is matched by tag or name.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** A concept id: kebab-case, at least two words. */
const ID = '[a-z0-9]+(?:-[a-z0-9]+)+';

/** The tag in a reported title: ` [id]` at its end, or before ` [skip: reason]`. */
const TITLE_TAG = new RegExp(` \\[(${ID})\\](?= \\[skip: |$)`);

/** A tag somewhere in a TypeScript file: worth parsing it. */
const TS_TAG = new RegExp(` \\[${ID}\\]`);

/** A tag in a Python docstring: before the closing quotes or at the end of its line. */
const PY_TAG = new RegExp(` \\[(${ID})\\](?="""|$)`, 'gm');

/** The concept id a reported test title carries, if any. */
export function tagOf(title: string | undefined): string | undefined {
  return title === undefined ? undefined : TITLE_TAG.exec(title)?.[1];
}

/** ` [id]`: what a test title or docstring ends with to mirror a concept. */
export function tag(id: string): string {
  return ` [${id}]`;
}

/** One tagged test found in a suite's source. */
export interface TaggedTest {
  id: string;
  /** Path from the repository root, with `/`. */
  file: string;
  /** 1-based line: of the statement declaring the test (TypeScript), of the tag (Python). */
  line: number;
  /** Python only: the class and def the docstring belongs to, as pytest and unittest name the test. */
  name?: string[];
  /** Python only: a method of a `TestCase` subclass runs under unittest, anything else under pytest. */
  framework?: 'unittest' | 'pytest';
}

/** Every file under `dir` (from the repository root) whose name ends with `ext`, sorted. */
export function filesUnder(root: string, dir: string, ext: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' });
  } catch {
    return [];
  }
  return entries
    .filter((f) => f.endsWith(ext) && !f.split(path.sep).includes('__pycache__'))
    .map((f) => path.posix.join(dir, f.split(path.sep).join('/')))
    .sort();
}

function lineAt(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

/** Whether a call names a test: `test(...)`, `it.skip(...)`, `skipIf(...)(...)`, `titleWithReason(...)`. */
function namesATest(call: ts.CallExpression): boolean {
  let callee: ts.Expression = call.expression;
  if (ts.isCallExpression(callee)) return true;
  while (ts.isPropertyAccessExpression(callee)) callee = callee.expression;
  return ts.isIdentifier(callee) && TEST_CALLS.has(callee.text);
}

const TEST_CALLS = new Set(['test', 'it', 'titleWithReason']);

/**
 * The tags in the TypeScript files under `dir`: in a string that is the
 * title a test is declared with, not in one a test compares its name with.
 */
export function scanTypeScript(root: string, dir: string): TaggedTest[] {
  return filesUnder(root, dir, '.ts').flatMap((file) => {
    const text = readFileSync(path.join(root, file), 'utf8');
    if (!TS_TAG.test(text)) return [];
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const found: TaggedTest[] = [];
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && namesATest(node)) {
        const title = node.arguments[0];
        const id = title && ts.isStringLiteralLike(title) ? tagOf(title.text) : undefined;
        if (title && id) {
          // The line of the statement that declares the test, where a report places it.
          let statement: ts.Node = node;
          while (!ts.isExpressionStatement(statement) && statement.parent) {
            statement = statement.parent;
          }
          const start = statement.getStart(source);
          const line = source.getLineAndCharacterOfPosition(start).line + 1;
          found.push({ id, file, line });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    return found;
  });
}

const indentOf = (line: string) => line.search(/\S/);

/** The `def` (and its `class`, if any) a docstring line belongs to. */
function enclosing(lines: string[], at: number) {
  let defAt = at;
  while (defAt >= 0 && !/^\s*(async\s+)?def\s/.test(lines[defAt] ?? '')) defAt--;
  const def = lines[defAt] ?? '';
  const fn = /def\s+(\w+)/.exec(def)?.[1];
  if (!fn) return undefined;
  const indent = indentOf(def);
  let classAt = defAt - 1;
  while (
    classAt >= 0 &&
    !(indentOf(lines[classAt] ?? '') === 0 && /^class\s/.test(lines[classAt] ?? ''))
  )
    classAt--;
  const classLine = indent > 0 ? lines[classAt] : undefined;
  const cls = classLine ? /^class\s+(\w+)\s*(\((.*)\))?/.exec(classLine) : null;
  const name = cls?.[1] ? [cls[1], fn] : [fn];
  const framework: 'unittest' | 'pytest' = /TestCase/.test(cls?.[3] ?? '') ? 'unittest' : 'pytest';
  return { name, framework };
}

/** The tags in the Python test files under `dir`, each with the test it names. */
export function scanPython(root: string, dir: string): TaggedTest[] {
  return filesUnder(root, dir, '.py').flatMap((file) => {
    const text = readFileSync(path.join(root, file), 'utf8');
    const lines = text.split('\n');
    return [...text.matchAll(PY_TAG)].map((m) => {
      const line = lineAt(text, m.index ?? 0);
      return { id: m[1] ?? '', file, line, ...enclosing(lines, line - 1) };
    });
  });
}

/** The file a doctest item lives in: `<module>.<ext>` directly in one of `dirs`. */
export function moduleFile(
  root: string,
  dirs: readonly string[],
  item: string,
  ext: string,
): string | undefined {
  const module = item.split('.')[0] ?? '';
  return dirs
    .map((dir) => path.posix.join(dir, `${module}${ext}`))
    .find((file) => existsSync(path.join(root, file)));
}
