/**
 * Make an example runnable in its comment's scope, much as Node's REPL does
 * for top-level `await` (`processTopLevelAwait`): top-level declarations
 * become assignments to names the runner pre-creates on the comment's scope
 * object (so later examples of the comment see them, and other comments do
 * not); with a top-level `await` the rest runs in an async function that hands
 * back the last expression's value; `import()` goes through the module, so
 * specifiers resolve as they would in the module itself. Lines stay where they
 * were, so stack frames point at the example's own lines.
 */
import vm from 'node:vm';
import type * as TS from 'typescript';
import { IMPORT_FUNCTION, type Runnable } from './runnable.ts';
import { stripTypes } from './strip-types.ts';
import ts, { parseExample } from './typescript.ts';

const NEEDS_REWRITE = /\bawait\b|\bimport\s*\(|\b(?:const|let|var|class|function)\b/;

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
/** Is `text` a JavaScript expression? (V8 parses it; nothing runs.) */
function parses(text: string): boolean {
  try {
    new vm.Script(`(${text}\n)`);
    return true;
  } catch {
    return false;
  }
}

/** `const x = <expression without ; or newline>`: common enough to skip the parser for. */
const SIMPLE_DECLARATION = /^(const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*([^;\n]+?)\s*;?\n?$/;

/**
 * Does `expression` have a comma outside brackets (`const a = 1, b = 2` declares two
 * names)? With quotes or slashes about, any comma counts: they would fool the counting.
 */
function hasOuterComma(expression: string): boolean {
  if (/['"`/]/.test(expression)) return expression.includes(',');
  let depth = 0;
  for (const char of expression) {
    if (char === '(' || char === '[' || char === '{') depth++;
    else if (char === ')' || char === ']' || char === '}') depth--;
    else if (char === ',' && depth <= 0) return true;
  }
  return false;
}

export function prepareSource(typescript: string): Runnable {
  const source = stripTypes(typescript);
  const asIs: Runnable = { code: source, isAsync: false, declared: [], constants: [] };
  if (!NEEDS_REWRITE.test(source)) return asIs;
  const simple = SIMPLE_DECLARATION.exec(source);
  if (
    simple &&
    !/\bawait\b|\bimport\s*\(|\/\/|\/\*/.test(source) &&
    !hasOuterComma(simple[3] as string) &&
    parses(simple[3] as string)
  ) {
    const name = simple[2] as string;
    return {
      code: `void (${name} = ${simple[3]});\n`,
      isAsync: false,
      declared: [name],
      constants: simple[1] === 'const' ? [name] : [],
    };
  }
  const sf = parseExample(source);
  if (!sf) return asIs;
  const imports: Edit[] = [];
  collectImportCalls(sf, sf, imports);
  const isAsync = sf.statements.some(hasTopLevelAwait);
  const declared: string[] = [];
  const constants: string[] = [];
  const edits: Edit[] = [];
  const last = sf.statements[sf.statements.length - 1];
  for (const st of sf.statements) {
    const start = st.getStart(sf);
    if (ts.isVariableStatement(st)) {
      const assignments: string[] = [];
      const isConst = (st.declarationList.flags & ts.NodeFlags.Const) !== 0;
      for (const d of st.declarationList.declarations) {
        bindingNames(d.name, declared);
        if (isConst) bindingNames(d.name, constants);
        if (d.initializer) {
          assignments.push(`${d.name.getText(sf)} = ${textWith(d.initializer, sf, imports)}`);
        }
      }
      const text = assignments.length > 0 ? `void (${assignments.join(', ')});` : ';';
      edits.push({ start, end: st.end, text });
    } else if ((ts.isFunctionDeclaration(st) || ts.isClassDeclaration(st)) && st.name) {
      declared.push(st.name.text);
      edits.push({
        start,
        end: st.end,
        text: `void (${st.name.text} = ${textWith(st, sf, imports)});`,
      });
    } else if (isAsync && st === last && ts.isExpressionStatement(st)) {
      const value = textWith(st.expression, sf, imports);
      edits.push({ start, end: st.end, text: `return { value: (${value}) };` });
    } else {
      edits.push({ start, end: st.end, text: textWith(st, sf, imports) });
    }
  }
  const body = applyEdits(source, edits);
  if (!isAsync) return { code: body, isAsync, declared, constants };
  const code = `(async () => { ${body.replace(/\n$/, '')}\n})()`;
  return { code, isAsync, declared, constants };
}
