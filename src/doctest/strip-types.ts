/**
 * Examples are TypeScript: erase their type syntax before they run, so that
 * `new Map<string, number>()` means what it means in TypeScript (as JavaScript it
 * parses too, as comparisons). Types are blanked out with spaces, as Node's
 * `--experimental-strip-types` does, so every line and column stays where it was.
 * Syntax that has run-time meaning (enums, namespaces, parameter properties,
 * `<T>x` assertions) is left alone: such code does not parse as JavaScript, and
 * the runner transpiles it then.
 */
import type * as TS from 'typescript';
import ts, { parseExample } from './typescript.ts';

/** Text that may hold TypeScript syntax; anything else skips the parser. */
const MAYBE_TYPESCRIPT =
  /[\w$)\]>]\s*<|[\w$)\]?]\s*:|[\w$)\]]!(?!=)|\b(?:as|satisfies|interface|type|declare|abstract|implements|private|protected|public|readonly|override)\b/;

interface Range {
  start: number;
  end: number;
}

/** Modifiers that only TypeScript knows. */
const TYPE_MODIFIERS = new Set<TS.SyntaxKind>();

function typeModifiers(): Set<TS.SyntaxKind> {
  if (TYPE_MODIFIERS.size === 0) {
    for (const kind of [
      ts.SyntaxKind.PublicKeyword,
      ts.SyntaxKind.PrivateKeyword,
      ts.SyntaxKind.ProtectedKeyword,
      ts.SyntaxKind.ReadonlyKeyword,
      ts.SyntaxKind.OverrideKeyword,
      ts.SyntaxKind.AbstractKeyword,
      ts.SyntaxKind.DeclareKeyword,
    ])
      TYPE_MODIFIERS.add(kind);
  }
  return TYPE_MODIFIERS;
}

class NotErasable extends Error {}

/** `<...>` around a type parameter or argument list. */
function angleRange(list: TS.NodeArray<TS.Node>, text: string): Range {
  const start = text.lastIndexOf('<', list.pos);
  const end = text.indexOf('>', list.end) + 1;
  return { start, end };
}

/** `: T` (or `?: T`), from the colon before the type to its end. */
function annotationRange(type: TS.TypeNode, sf: TS.SourceFile): Range {
  return { start: sf.text.lastIndexOf(':', type.getStart(sf)), end: type.end };
}

function isTypeOnlyStatement(node: TS.Node): boolean {
  if (ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)) return true;
  if (ts.canHaveModifiers(node)) {
    if (ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.DeclareKeyword)) return true;
  }
  if (ts.isImportDeclaration(node)) return node.importClause?.isTypeOnly ?? false;
  if (ts.isExportDeclaration(node)) return node.isTypeOnly;
  // Overload signatures and abstract members have no body.
  if (ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) return !node.body;
  return ts.isIndexSignatureDeclaration(node);
}

function collect(node: TS.Node, sf: TS.SourceFile, out: Range[]): void {
  if (
    ts.isEnumDeclaration(node) ||
    ts.isModuleDeclaration(node) ||
    ts.isTypeAssertionExpression(node) ||
    ts.isImportEqualsDeclaration(node) ||
    (ts.isParameter(node) && ts.getModifiers(node)?.length)
  ) {
    throw new NotErasable();
  }
  if (isTypeOnlyStatement(node)) {
    out.push({ start: node.getStart(sf), end: node.end });
    return;
  }
  if (ts.isAsExpression(node) || ts.isSatisfiesExpression(node) || ts.isNonNullExpression(node)) {
    out.push({ start: node.expression.end, end: node.end });
    collect(node.expression, sf, out);
    return;
  }
  if (ts.isHeritageClause(node) && node.token === ts.SyntaxKind.ImplementsKeyword) {
    out.push({ start: node.getStart(sf), end: node.end });
    return;
  }
  if (ts.canHaveModifiers(node)) {
    for (const m of ts.getModifiers(node) ?? []) {
      if (typeModifiers().has(m.kind)) out.push({ start: m.getStart(sf), end: m.end });
    }
  }
  const n = node as Partial<{
    type: TS.TypeNode;
    typeParameters: TS.NodeArray<TS.Node>;
    typeArguments: TS.NodeArray<TS.Node>;
    questionToken: TS.Node;
    exclamationToken: TS.Node;
  }>;
  if (n.typeParameters) out.push(angleRange(n.typeParameters, sf.text));
  if (n.typeArguments) out.push(angleRange(n.typeArguments, sf.text));
  if (n.type && !ts.isTypeNode(node)) out.push(annotationRange(n.type, sf));
  if (n.exclamationToken)
    out.push({ start: n.exclamationToken.getStart(sf), end: n.exclamationToken.end });
  if (n.questionToken && (ts.isParameter(node) || ts.isPropertyDeclaration(node))) {
    out.push({ start: n.questionToken.getStart(sf), end: n.questionToken.end });
  }
  ts.forEachChild(node, (child) => {
    // `extends Base<T>` is a type node by kind, yet its expression runs.
    if (!ts.isTypeNode(child) || ts.isExpressionWithTypeArguments(child)) collect(child, sf, out);
  });
}

/** `source` with its type syntax blanked out (the same text when there is none to erase). */
export function stripTypes(source: string): string {
  if (!MAYBE_TYPESCRIPT.test(source)) return source;
  const sf = parseExample(source);
  if (!sf) return source;
  const ranges: Range[] = [];
  try {
    collect(sf, sf, ranges);
  } catch (err) {
    if (err instanceof NotErasable) return source;
    throw err;
  }
  if (ranges.length === 0) return source;
  // Positions count UTF-16 units, as the parser does.
  const units = source.split('');
  for (const { start, end } of ranges) {
    for (let i = start; i < end; i++) if (units[i] !== '\n' && units[i] !== '\r') units[i] = ' ';
  }
  return units.join('');
}
