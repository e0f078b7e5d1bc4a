/**
 * Make an example runnable as a `vm.Script` in its comment's context, like
 * Node's REPL does (`processTopLevelAwait`): with a top-level `await`, hoist
 * the declarations so later examples see them, run the rest in an async
 * function and hand back the last expression's value. `import()` goes through
 * the module, so specifiers resolve as they would in the module itself.
 * Lines stay where they were, so stack frames point at the example's own lines.
 */
import type * as TS from 'typescript';
import { IMPORT_FUNCTION, type Runnable } from './runnable.ts';
import ts from './typescript.ts';

const NEEDS_REWRITE = /\bawait\b|\bimport\s*\(/;

interface Edit {
  start: number;
  end: number;
  text: string;
}

function isFunctionLike(node: TS.Node): boolean {
  return ts.isFunctionLike(node) || ts.isClassStaticBlockDeclaration(node);
}

/** Is there an `await` (or `for await`) outside any function? */
function hasTopLevelAwait(node: TS.Node): boolean {
  if (ts.isAwaitExpression(node)) return true;
  if (ts.isForOfStatement(node) && node.awaitModifier) return true;
  if (isFunctionLike(node)) return false;
  return ts.forEachChild(node, hasTopLevelAwait) ?? false;
}

function collectImportCalls(node: TS.Node, sf: TS.SourceFile, edits: Edit[]): void {
  if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
    edits.push({
      start: node.expression.getStart(sf),
      end: node.expression.end,
      text: IMPORT_FUNCTION,
    });
  }
  ts.forEachChild(node, (child) => collectImportCalls(child, sf, edits));
}

function bindingNames(name: TS.BindingName, out: string[]): void {
  if (ts.isIdentifier(name)) out.push(name.text);
  else for (const e of name.elements) if (ts.isBindingElement(e)) bindingNames(e.name, out);
}

/** Apply edits (non-overlapping, any order) to `text`. */
function applyEdits(text: string, edits: Edit[]): string {
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) {
    out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  }
  return out;
}

/** Text of `node` with the edits that fall inside it applied. */
function textWith(node: TS.Node, sf: TS.SourceFile, edits: Edit[]): string {
  const start = node.getStart(sf);
  const inner = edits
    .filter((e) => e.start >= start && e.end <= node.end)
    .map((e) => ({ ...e, start: e.start - start, end: e.end - start }));
  return applyEdits(sf.text.slice(start, node.end), inner);
}

/** Turn an example's source into a runnable script (most examples are returned as they are). */
export function prepareSource(source: string): Runnable {
  if (!NEEDS_REWRITE.test(source)) return { code: source, isAsync: false };
  const sf = ts.createSourceFile(
    'example.ts',
    source,
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.TS,
  );
  const imports: Edit[] = [];
  collectImportCalls(sf, sf, imports);
  if (!sf.statements.some(hasTopLevelAwait)) {
    return { code: applyEdits(source, imports), isAsync: false };
  }
  const lexical: string[] = [];
  const vars: string[] = [];
  const edits: Edit[] = [];
  const last = sf.statements[sf.statements.length - 1];
  for (const st of sf.statements) {
    const start = st.getStart(sf);
    if (ts.isVariableStatement(st)) {
      const list = st.declarationList;
      const isVar = (list.flags & ts.NodeFlags.BlockScoped) === 0;
      const assignments: string[] = [];
      for (const d of list.declarations) {
        bindingNames(d.name, isVar ? vars : lexical);
        if (d.initializer) {
          assignments.push(`${d.name.getText(sf)} = ${textWith(d.initializer, sf, imports)}`);
        }
      }
      const text = assignments.length > 0 ? `void (${assignments.join(', ')});` : ';';
      edits.push({ start, end: st.end, text });
    } else if ((ts.isFunctionDeclaration(st) || ts.isClassDeclaration(st)) && st.name) {
      (ts.isFunctionDeclaration(st) ? vars : lexical).push(st.name.text);
      edits.push({ start, end: st.end, text: `${st.name.text} = ${textWith(st, sf, imports)};` });
    } else if (st === last && ts.isExpressionStatement(st)) {
      edits.push({
        start,
        end: st.end,
        text: `return { value: (${textWith(st.expression, sf, imports)}) };`,
      });
    } else {
      edits.push({ start, end: st.end, text: textWith(st, sf, imports) });
    }
  }
  const declared = [
    lexical.length > 0 ? `let ${lexical.join(', ')}; ` : '',
    vars.length > 0 ? `var ${vars.join(', ')}; ` : '',
  ].join('');
  const body = applyEdits(source, edits).replace(/\n$/, '');
  return { code: `${declared}(async () => { ${body}\n})()`, isAsync: true };
}
