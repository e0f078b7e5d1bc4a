/**
 * The code of one test, for the expandable cells: the whole `test(...)` call
 * in TypeScript (found with the compiler's parser at the line the framework
 * reported, else by title), the decorated `def` in Python.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export function testSource(root: string, file: string, name: string[], line?: number): string {
  let text: string;
  try {
    text = readFileSync(path.join(root, file), 'utf8');
  } catch {
    return '';
  }
  return file.endsWith('.py') ? pythonSource(text, name, line) : tsSource(file, text, name, line);
}

function tsSource(file: string, text: string, name: string[], line?: number): string {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const title = name.at(-1);
  let found: ts.Node | undefined;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isExpressionStatement(node) && ts.isCallExpression(node.expression)) {
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
      const first = node.expression.arguments[0];
      const named = first !== undefined && ts.isStringLiteralLike(first) && first.text === title;
      if (line === undefined ? named : start === line) {
        found = node;
        return;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  if (!found) return docComment(source, title ?? '');
  const indent = source.getLineAndCharacterOfPosition(found.getStart(source)).character;
  return dedent(found.getText(source), indent);
}

function pythonSource(text: string, name: string[], line?: number): string {
  const lines = text.split('\n');
  const title = name.at(-1) ?? '';
  let start = line === undefined ? -1 : line - 1;
  if (start < 0 || start >= lines.length) {
    start = lines.findIndex((l) => new RegExp(`^\\s*(async\\s+)?def ${title}\\b`).test(l));
  }
  if (start < 0) return '';
  const indent = (lines[start] ?? '').search(/\S/);
  const first = lines[start] ?? '';
  const quotes = /^\s*[rRuU]?("""|''')/.exec(first)?.[1];
  if (quotes) {
    // A doctest item (pytest --doctest-modules reports its docstring's line): up to the closing quotes.
    const opened = first.indexOf(quotes) + quotes.length;
    let close = first.includes(quotes, opened)
      ? start
      : lines.findIndex((l, i) => i > start && l.includes(quotes));
    if (close < 0) close = lines.length - 1;
    return dedent(lines.slice(start, close + 1).join('\n'), indent);
  }
  // Found by name: take in the decorators above the def.
  while (
    start > 0 &&
    /^\s*@/.test(lines[start - 1] ?? '') &&
    (lines[start - 1] ?? '').search(/\S/) === indent
  ) {
    start--;
  }
  let end = start + 1;
  // Past the decorators to the def, then every line indented deeper (or blank).
  while (end < lines.length && /^\s*@/.test(lines[end - 1] ?? '')) end++;
  while (end < lines.length) {
    const l = lines[end] ?? '';
    if (l.trim() !== '' && l.search(/\S/) <= indent) break;
    end++;
  }
  return dedent(lines.slice(start, end).join('\n').trimEnd(), indent);
}

/** Remove `indent` leading spaces from every line after the first (the first starts at the code). */
function dedent(text: string, indent: number): string {
  const [first = '', ...rest] = text.split('\n');
  const strip = new RegExp(`^ {0,${indent}}`);
  return [first.trimStart(), ...rest.map((l) => l.replace(strip, ''))].join('\n');
}

/**
 * A doctest item's doc comment (`calculation.Cal.addNumAndDouble`, as tsdoctest
 * names it and its Vitest plugin titles the test): the JSDoc of the declaration
 * the name's parts after the module lead to.
 */
function docComment(source: ts.SourceFile, item: string): string {
  const [, ...parts] = item.split('.');
  let scope: ts.Node = source;
  let decl: ts.Node | undefined;
  for (const part of parts) {
    decl = undefined;
    scope.forEachChild((node) => {
      const name = (node as ts.NamedDeclaration).name;
      if (!decl && name && ts.isIdentifier(name) && name.text === part) decl = node;
    });
    if (!decl) return '';
    scope = decl;
  }
  const doc = decl ? ts.getJSDocCommentsAndTags(decl).find(ts.isJSDoc) : undefined;
  if (!doc) return '';
  const indent = source.getLineAndCharacterOfPosition(doc.getStart(source)).character;
  return dedent(doc.getText(source), indent);
}
