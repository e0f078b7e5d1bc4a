/**
 * Assertions a test cannot wait for: a promise that carries an assertion
 * (`expect(p).resolves.toBe(1)`, or `p.then((v) => expect(v)...)`) used as a
 * statement of its own, neither awaited nor returned. The test may end before
 * the assertion runs: Jest then never reports it (or pins its failure on
 * whatever runs next), Vitest awaits matchers for the learner but warns that
 * its next major will fail the test, and misses a failure inside `.then`.
 *
 * Found in the source, not in a run: the same answer under both frameworks,
 * whatever the variant, with the line to fix. (A run cannot tell: Vitest's
 * warning covers matchers only, Jest has none, and `expect.hasAssertions`
 * passes as soon as any other assertion ran.)
 */
import { readFile } from 'node:fs/promises';
import type * as TS from 'typescript';

export interface Unawaited {
  /** 1-based line of the statement. */
  line: number;
  /** The statement's code, on one line, shortened. */
  code: string;
  /** `matcher`: `expect(p).resolves/rejects...`, `expect.poll(...)`; `callback`: an assertion in `.then`/`.catch`/`.finally`. */
  kind: 'matcher' | 'callback';
}

const MAX_CODE = 70;

/** Every unawaited assertion of a test file's source, in source order. */
export async function unawaitedAssertions(
  source: string,
  fileName = 'test.ts',
): Promise<Unawaited[]> {
  // Loaded on first use: the CLI's other verbs do not need the compiler.
  const { default: ts } = await import('typescript');
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const found: Unawaited[] = [];

  /** The call at the root of a chain: `expect(x)` in `expect(x).resolves.toBe(1)`. */
  const unwrap = (node: TS.Expression): TS.Expression => {
    let expr = node;
    while (ts.isParenthesizedExpression(expr) || ts.isVoidExpression(expr)) expr = expr.expression;
    return expr;
  };
  const nameOf = (node: TS.Expression) =>
    ts.isIdentifier(node) ? node.text : ts.isPropertyAccessExpression(node) ? node.name.text : '';

  /** `expect(...)`, `expect.soft(...)` or `expect.poll(...)`. */
  const expectCall = (node: TS.Node): 'plain' | 'poll' | undefined => {
    if (!ts.isCallExpression(node)) return undefined;
    const callee = node.expression;
    if (ts.isIdentifier(callee) && callee.text === 'expect') return 'plain';
    if (
      ts.isPropertyAccessExpression(callee) &&
      ts.isIdentifier(callee.expression) &&
      callee.expression.text === 'expect'
    ) {
      if (callee.name.text === 'poll') return 'poll';
      if (callee.name.text === 'soft') return 'plain';
    }
    return undefined;
  };

  /** A matcher that returns a promise: `.resolves`/`.rejects` on an expect, or any on `expect.poll`. */
  const asyncMatcher = (expr: TS.Expression): boolean => {
    if (!ts.isCallExpression(expr)) return false;
    let node: TS.Expression = expr.expression;
    let settles = false;
    for (;;) {
      if (ts.isPropertyAccessExpression(node)) {
        if (node.name.text === 'resolves' || node.name.text === 'rejects') settles = true;
        node = node.expression;
      } else if (ts.isCallExpression(node)) {
        const kind = expectCall(node);
        if (kind) return settles || kind === 'poll';
        node = node.expression;
      } else return false;
    }
  };

  /** A call of `expect`, `assert`, or `x.assert.y` (sinon's) anywhere below `node`. */
  const assertsInside = (node: TS.Node): boolean => {
    if (ts.isCallExpression(node)) {
      for (let part: TS.Expression = node.expression; ; ) {
        const name = nameOf(part);
        if (name === 'expect' || name === 'assert') return true;
        if (ts.isPropertyAccessExpression(part) || ts.isCallExpression(part))
          part = part.expression;
        else break;
      }
    }
    return ts.forEachChild(node, assertsInside) ?? false;
  };

  /** In `p.then(cb)`, `p.then(a).catch(b)`, ...: the call whose callback asserts, as `p.then(…)`. */
  const assertingCallback = (expr: TS.Expression): string | undefined => {
    for (let node = expr; ts.isCallExpression(node); ) {
      const callee = node.expression;
      if (!ts.isPropertyAccessExpression(callee)) return undefined;
      const name = callee.name.text;
      if (['then', 'catch', 'finally'].includes(name) && node.arguments.some(assertsInside)) {
        return `${callee.expression.getText(file)}.${name}(…)`;
      }
      node = callee.expression;
    }
    return undefined;
  };

  const visit = (node: TS.Node): void => {
    if (ts.isExpressionStatement(node)) {
      const expr = unwrap(node.expression);
      const matcher = asyncMatcher(expr);
      const callback = matcher ? undefined : assertingCallback(expr);
      if (matcher || callback) {
        const text = (callback ?? node.expression.getText(file)).replace(/\s+/g, ' ');
        found.push({
          line: file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1,
          code: text.length > MAX_CODE ? `${text.slice(0, MAX_CODE - 1)}…` : text,
          kind: callback ? 'callback' : 'matcher',
        });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** The unawaited assertions of a test file (none when it cannot be read). */
export async function unawaitedIn(path: string): Promise<Unawaited[]> {
  const source = await readFile(path, 'utf8').catch(() => undefined);
  return source === undefined ? [] : unawaitedAssertions(source, path);
}

/** What the learner should do about one, in one line. */
export function unawaitedReason({ line, code, kind }: Unawaited): string {
  if (kind === 'matcher') {
    return `line ${line}: \`${code}\` is a promise neither awaited nor returned, so your test can end before this assertion runs: write \`await\` before it (in an async test) or \`return\` it`;
  }
  return `line ${line}: the assertion inside \`${code}\` runs only after your test has ended, because that promise is neither awaited nor returned: \`await\` the value (\`const total = await ...\`) and assert on it, or \`return\` the promise`;
}
