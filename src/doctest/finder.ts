/**
 * Source file → doc comments with their owners' qualified names and lines:
 * CPython's `doctest.DocTestFinder`, on the TypeScript compiler API's syntax tree.
 */
import path from 'node:path';
import type * as TS from 'typescript';
import type { DocTest } from './doctest.ts';
import { isMarkdown } from './loader-hooks.mjs';
import { findMarkdownTests } from './markdown.ts';
import { commentLines, parseExamples } from './parser.ts';
import ts from './typescript.ts';

export interface FoundFile {
  /** Absolute path. */
  file: string;
  /** The path shown in reports: relative to the working directory. */
  shownFile: string;
  /** The file's base name without extension, e.g. `calculation`. */
  module: string;
  /**
   * One per doc comment (also those without examples), and one with no examples per
   * declaration without a doc comment, sorted by name as CPython does.
   */
  tests: DocTest[];
  /** The file's top-level value bindings (declarations and imports) that examples may use. */
  scopeNames: string[];
}

const MODULE_TAG = /^[\s*]*@(?:module|packageDocumentation|file|fileoverview)\b/m;

/** `calculation.ts` → `calculation`; `a.test.mts` → `a.test`. */
export function moduleName(file: string): string {
  return path.basename(file).replace(/\.[cm]?[jt]sx?$/, '');
}

function scriptKind(file: string): TS.ScriptKind {
  if (/\.[cm]?tsx$/.test(file)) return ts.ScriptKind.TSX;
  if (/\.jsx$/.test(file)) return ts.ScriptKind.JSX;
  return /\.[cm]?js$/.test(file) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
}

function hasModifier(node: TS.Node, kind: TS.SyntaxKind): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === kind);
}

function bindingNames(name: TS.BindingName, out: string[]): void {
  if (ts.isIdentifier(name)) {
    out.push(name.text);
    return;
  }
  for (const element of name.elements) {
    if (ts.isBindingElement(element)) bindingNames(element.name, out);
  }
}

/** Top-level value bindings: what the module's own code can name at run time. */
export function topLevelNames(sf: TS.SourceFile): string[] {
  const names: string[] = [];
  for (const st of sf.statements) {
    if (hasModifier(st, ts.SyntaxKind.DeclareKeyword)) continue;
    if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) bindingNames(d.name, names);
    } else if ((ts.isFunctionDeclaration(st) && st.body) || ts.isClassDeclaration(st)) {
      if (st.name) names.push(st.name.text);
    } else if (ts.isEnumDeclaration(st)) {
      names.push(st.name.text);
    } else if (ts.isModuleDeclaration(st) && ts.isIdentifier(st.name) && st.body) {
      names.push(st.name.text);
    } else if (ts.isImportDeclaration(st) && st.importClause && !st.importClause.isTypeOnly) {
      const clause = st.importClause;
      if (clause.name) names.push(clause.name.text);
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) names.push(bindings.name.text);
      if (bindings && ts.isNamedImports(bindings)) {
        for (const spec of bindings.elements) if (!spec.isTypeOnly) names.push(spec.name.text);
      }
    } else if (ts.isImportEqualsDeclaration(st) && !st.isTypeOnly) {
      names.push(st.name.text);
    }
  }
  return [...new Set(names)];
}

/** Where `/**` occurs in the text (a superset of the doc comments' starts), ascending. */
function docCommentStarts(text: string): number[] {
  const marks: number[] = [];
  for (let at = text.indexOf('/**'); at >= 0; at = text.indexOf('/**', at + 3)) marks.push(at);
  return marks;
}

/** Is there a mark in [start, end)? (binary search) */
function hasMark(marks: readonly number[], start: number, end: number): boolean {
  let lo = 0;
  let hi = marks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((marks[mid] as number) < start) lo = mid + 1;
    else hi = mid;
  }
  return lo < marks.length && (marks[lo] as number) < end;
}

/** The name a declaration adds to the qualified-name path, if it is one. */
function declarationName(node: TS.Node, sf: TS.SourceFile): string | undefined {
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  if (ts.isVariableStatement(node)) {
    const first = node.declarationList.declarations[0];
    return first && ts.isIdentifier(first.name) ? first.name.text : undefined;
  }
  if (ts.isExportAssignment(node)) return 'default';
  if (
    ts.isClassDeclaration(node) ||
    ts.isFunctionDeclaration(node) ||
    ts.isInterfaceDeclaration(node) ||
    ts.isTypeAliasDeclaration(node) ||
    ts.isEnumDeclaration(node) ||
    ts.isModuleDeclaration(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isPropertyDeclaration(node) ||
    ts.isGetAccessorDeclaration(node) ||
    ts.isSetAccessorDeclaration(node) ||
    ts.isPropertySignature(node) ||
    ts.isMethodSignature(node) ||
    ts.isEnumMember(node) ||
    ts.isPropertyAssignment(node) ||
    ts.isVariableDeclaration(node)
  ) {
    const name = (node as TS.NamedDeclaration).name;
    if (!name) return hasModifier(node, ts.SyntaxKind.DefaultKeyword) ? 'default' : undefined;
    return ts.isIdentifier(name) || ts.isPrivateIdentifier(name) || ts.isStringLiteral(name)
      ? name.text
      : name.getText(sf);
  }
  return undefined;
}

/** `() => ...`, `function () {}`, `class {}`: a value testmod would list as a routine or class. */
function isRoutineOrClass(node: TS.Expression | undefined): boolean {
  return (
    node !== undefined &&
    (ts.isArrowFunction(node) || ts.isFunctionExpression(node) || ts.isClassExpression(node))
  );
}

/**
 * What `testmod` finds whether or not it has a docstring: the module, its functions and
 * classes, and their methods, accessors and constructor (run-time declarations only:
 * no interfaces, types or overload signatures). Names and lines, in source order.
 */
function declarations(sf: TS.SourceFile, module: string): { name: string; node: TS.Node }[] {
  const found: { name: string; node: TS.Node }[] = [{ name: module, node: sf }];
  const members = (cls: TS.ClassLikeDeclaration, prefix: string) => {
    for (const member of cls.members) {
      const routine =
        ((ts.isMethodDeclaration(member) ||
          ts.isConstructorDeclaration(member) ||
          ts.isGetAccessorDeclaration(member) ||
          ts.isSetAccessorDeclaration(member)) &&
          member.body !== undefined) ||
        (ts.isPropertyDeclaration(member) && isRoutineOrClass(member.initializer));
      const name = routine ? declarationName(member, sf) : undefined;
      if (name !== undefined) found.push({ name: `${prefix}.${name}`, node: member });
    }
  };
  for (const st of sf.statements) {
    if (hasModifier(st, ts.SyntaxKind.DeclareKeyword)) continue;
    if ((ts.isFunctionDeclaration(st) && st.body) || ts.isClassDeclaration(st)) {
      const name = `${module}.${declarationName(st, sf) ?? 'default'}`;
      found.push({ name, node: st });
      if (ts.isClassDeclaration(st)) members(st, name);
    } else if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) {
        if (!ts.isIdentifier(d.name) || !isRoutineOrClass(d.initializer)) continue;
        const name = `${module}.${d.name.text}`;
        found.push({ name, node: d });
        if (d.initializer && ts.isClassExpression(d.initializer)) members(d.initializer, name);
      }
    }
  }
  return found;
}

/**
 * Find every `/** ... *\/` comment of a file and parse its examples; of a Markdown file,
 * the examples of its code blocks (see markdown.ts).
 */
export function findDocTests(file: string, source: string, cwd = process.cwd()): FoundFile {
  // CR and CRLF line ends count as one line break, as for the TypeScript scanner.
  const text = source.replace(/\r\n?/g, '\n');
  const shownFile = path.relative(cwd, file) || file;
  if (isMarkdown(file)) {
    // No module: the examples see no bindings but what they import (from the file's folder).
    const tests = findMarkdownTests(text, shownFile);
    return { file, shownFile, module: path.basename(file), tests, scopeNames: [] };
  }
  const module = moduleName(file);
  const marks = docCommentStarts(text);
  const sf = ts.createSourceFile(
    file,
    text,
    // The examples are read from the comment text; TypeScript need not parse JSDoc.
    { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone },
    false,
    scriptKind(file),
  );
  const seen = new Set<number>();
  const tests: DocTest[] = [];

  const collect = (node: TS.Node, qualified: string[]): void => {
    // Only subtrees with a `/**` somewhere in their text can hold a doc comment.
    if (!hasMark(marks, node.pos, node.end)) return;
    const owner = declarationName(node, sf);
    const ranges = ts.getLeadingCommentRanges(text, node.pos) ?? [];
    for (const range of ranges) {
      if (seen.has(range.pos)) continue;
      const raw = text.slice(range.pos, range.end);
      if (
        range.kind !== ts.SyntaxKind.MultiLineCommentTrivia ||
        !raw.startsWith('/**') ||
        raw === '/**/'
      )
        continue;
      seen.add(range.pos);
      const line = sf.getLineAndCharacterOfPosition(range.pos).line + 1;
      let name: string;
      if (MODULE_TAG.test(raw)) name = module;
      else if (owner !== undefined) name = [module, ...qualified, owner].join('.');
      else name = `${[module, ...qualified].join('.')}.<line ${line}>`;
      const examples = parseExamples(commentLines(raw, line), { file: shownFile, name });
      tests.push({ name, file: shownFile, line, examples });
    }
    const inner =
      owner !== undefined && !ts.isVariableStatement(node) ? [...qualified, owner] : qualified;
    ts.forEachChild(node, (child) => collect(child, inner));
  };
  ts.forEachChild(sf, (child) => collect(child, []));
  // The declarations without a doc comment are items with no tests, as testmod lists them.
  const named = new Set(tests.map((t) => t.name));
  for (const { name, node } of declarations(sf, module)) {
    if (named.has(name)) continue;
    named.add(name);
    const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
    tests.push({ name, file: shownFile, line, examples: [] });
  }

  tests.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.line - b.line));
  return { file, shownFile, module, tests, scopeNames: topLevelNames(sf) };
}
