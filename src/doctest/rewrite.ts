/**
 * Make an example runnable in its comment's scope, much as Node's REPL does
 * for top-level `await` (`processTopLevelAwait`): top-level declarations
 * become assignments to names the runner pre-creates on the comment's scope
 * object (so later examples of the comment see them, and other comments do
 * not); with a top-level `await` the rest runs in an async function that hands
 * back the last expression's value; `import()` goes through the module, so
 * specifiers resolve as they would in the module itself, and so does an
 * `import` declaration, whose names join the scope as `>>> import os` binds
 * `os`. Only an example that ends in an expression statement shows a value:
 * a loop, `if`, `try`, `switch` or block shows nothing, though V8 gives them a
 * completion value. Lines stay where they were, so stack frames point at the
 * example's own lines.
 */
import vm from 'node:vm';
import type * as TS from 'typescript';
import { IMPORT_FUNCTION, type Runnable, SCOPE_GLOBAL } from './runnable.ts';
import { stripTypes } from './strip-types.ts';
import ts, { importedNames, parseExample } from './typescript.ts';

const NEEDS_REWRITE = /\bawait\b|\bimport\b|\b(?:const|let|var|class|function)\b/;

/**
 * Text that may end in a statement whose completion value V8 would show (`for (...) i`,
 * `{ 3 }`, `a: 1`), or in `process.stdout.write(...)`: such examples are parsed to see.
 */
const MAY_HIDE_VALUE = /[{:]|\b(?:if|for|while|do|try|switch|with)\b|\bprocess\.stdout\.write\b/;

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

/**
 * The statement whose value the example shows: its last one (empty statements aside), when
 * that is an expression statement. `process.stdout.write(...)` shows what it writes, not its
 * `true`: it is the JavaScript for Python's `print(..., end='')`, whose None is not shown.
 */
function shownStatement(
  last: TS.Statement | undefined,
  sf: TS.SourceFile,
): TS.ExpressionStatement | undefined {
  if (!last || !ts.isExpressionStatement(last)) return undefined;
  let value = last.expression;
  while (ts.isParenthesizedExpression(value)) value = value.expression;
  const writes =
    ts.isCallExpression(value) &&
    value.expression.getText(sf).replace(/\s/g, '') === 'process.stdout.write';
  return writes ? undefined : last;
}

/**
 * An `import` declaration → the same import at run time, through the module's own `import()`
 * (so `./x.ts` is relative to the documented file), binding its names on the comment's scope
 * as getters of the module namespace: live and read-only, as imported bindings are. Returns
 * the code (on one line) and adds the names it binds to `declared`.
 */
function importCode(st: TS.ImportDeclaration, sf: TS.SourceFile, declared: string[]): string {
  const namespace = '__tsdoctest_module__';
  const attributes = st.attributes
    ? `, { with: { ${st.attributes.elements.map((a) => a.getText(sf)).join(', ')} } }`
    : '';
  const load = `await ${IMPORT_FUNCTION}(${st.moduleSpecifier.getText(sf)}${attributes})`;
  const properties = importedNames(st)
    .filter((name) => !name.typeOnly)
    .map(({ local, imported }) => {
      declared.push(local);
      const value =
        imported === undefined ? namespace : `${namespace}[${JSON.stringify(imported)}]`;
      return `${JSON.stringify(local)}: { get: () => ${value}, set() { throw new TypeError('Assignment to constant variable.'); }, enumerable: true, configurable: true }`;
    });
  if (properties.length === 0) return `${load};`;
  // A block of its own: an example may import more than once.
  return `{ const ${namespace} = ${load}; Object.defineProperties(${SCOPE_GLOBAL}, { ${properties.join(', ')} }); }`;
}

/** Turn an example's source into a runnable script (most examples are returned as they are). */
export function prepareSource(typescript: string): Runnable {
  const source = stripTypes(typescript);
  const asIs: Runnable = { code: source, isAsync: false, declared: [], constants: [] };
  if (!NEEDS_REWRITE.test(source) && !MAY_HIDE_VALUE.test(source)) return asIs;
  const simple = SIMPLE_DECLARATION.exec(source);
  if (
    simple &&
    !/\bawait\b|\bimport\b|\/\/|\/\*/.test(source) &&
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
  const isAsync = sf.statements.some((st) => ts.isImportDeclaration(st) || hasTopLevelAwait(st));
  const declared: string[] = [];
  const constants: string[] = [];
  const edits: Edit[] = [];
  const last = sf.statements.filter((st) => !ts.isEmptyStatement(st)).at(-1);
  const shown = shownStatement(last, sf);
  // Declarations become `void (...)`, which shows nothing already.
  const hide =
    last !== undefined &&
    shown === undefined &&
    !ts.isVariableStatement(last) &&
    !ts.isFunctionDeclaration(last) &&
    !ts.isClassDeclaration(last) &&
    !ts.isImportDeclaration(last);
  for (const st of sf.statements) {
    const start = st.getStart(sf);
    if (ts.isImportDeclaration(st)) {
      // One line in place of the declaration, and its line breaks after, so lines stay put.
      const breaks = '\n'.repeat(sf.text.slice(start, st.end).split('\n').length - 1);
      edits.push({ start, end: st.end, text: importCode(st, sf, declared) + breaks });
    } else if (ts.isVariableStatement(st)) {
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
    } else if (isAsync && shown !== undefined && st === shown) {
      const value = textWith(shown.expression, sf, imports);
      edits.push({ start, end: st.end, text: `return { value: (${value}) };` });
    } else {
      edits.push({ start, end: st.end, text: textWith(st, sf, imports) });
    }
  }
  const body = applyEdits(source, edits);
  if (!isAsync) {
    // A last statement that shows nothing: the script ends in `void 0`, on a line after it.
    const code = hide ? `${body.replace(/\n$/, '')}\n;void 0;\n` : body;
    return { code, isAsync, declared, constants };
  }
  const code = `(async () => { ${body.replace(/\n$/, '')}\n})()`;
  return { code, isAsync, declared, constants };
}
