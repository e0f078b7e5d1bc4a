/**
 * `-k EXPRESSION`: run only the items whose name matches, with pytest's grammar
 * (`_pytest/mark/expression.py`):
 *
 *     expression: expr? EOF
 *     expr:       and_expr ('or' and_expr)*
 *     and_expr:   not_expr ('and' not_expr)*
 *     not_expr:   'not' not_expr | '(' expr ')' | ident
 *     ident:      (\w|:|\+|-|\.|\[|\]|\\|/)+
 *
 * An identifier matches a name that contains it, ignoring case, as pytest's `-k` does.
 */
import type { ParsedFile } from './parse-cache.ts';

/** A bad expression, worded as pytest words it: `at column 5: expected ...; got ...`. */
export class SelectError extends Error {
  override name = 'SelectError';
}

type Kind = 'not' | 'and' | 'or' | '(' | ')' | 'identifier' | 'end of input';
interface Token {
  kind: Kind;
  text: string;
  /** 0-based position in the expression. */
  at: number;
}

const IDENT = /[\p{L}\p{N}_:+\-.[\]\\/]+/uy;
const KEYWORDS = new Set(['and', 'or', 'not']);
const DESCRIBE: Record<Kind, string> = {
  not: 'not',
  and: 'and',
  or: 'or',
  '(': 'left parenthesis',
  ')': 'right parenthesis',
  identifier: 'identifier',
  'end of input': 'end of input',
};

function lex(input: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < input.length) {
    const char = input[at] as string;
    if (char === ' ' || char === '\t') {
      at++;
    } else if (char === '(' || char === ')') {
      tokens.push({ kind: char, text: char, at });
      at++;
    } else {
      IDENT.lastIndex = at;
      const text = IDENT.exec(input)?.[0];
      if (text === undefined)
        throw new SelectError(`at column ${at + 1}: unexpected character "${char}"`);
      const kind = KEYWORDS.has(text) ? (text as Kind) : 'identifier';
      tokens.push({ kind, text, at });
      at += text.length;
    }
  }
  tokens.push({ kind: 'end of input', text: '', at });
  return tokens;
}

/** Does a name match? */
export type Matcher = (name: string) => boolean;

/** Compile `-k`'s expression; throws SelectError when it is malformed. Empty selects all. */
export function compileSelection(input: string): Matcher {
  const tokens = lex(input);
  let next = 0;
  const peek = () => tokens[next] as Token;
  const accept = (kind: Kind): boolean => {
    if (peek().kind !== kind) return false;
    next++;
    return true;
  };
  const reject = (...expected: Kind[]): never => {
    const got = peek();
    throw new SelectError(
      `at column ${got.at + 1}: expected ${expected.map((k) => DESCRIBE[k]).join(' OR ')}; got ${DESCRIBE[got.kind]}`,
    );
  };
  const expr = (): Matcher => {
    let left = andExpr();
    while (accept('or')) {
      const [a, b] = [left, andExpr()];
      left = (name) => a(name) || b(name);
    }
    return left;
  };
  const andExpr = (): Matcher => {
    let left = notExpr();
    while (accept('and')) {
      const [a, b] = [left, notExpr()];
      left = (name) => a(name) && b(name);
    }
    return left;
  };
  const notExpr = (): Matcher => {
    if (accept('not')) {
      const inner = notExpr();
      return (name) => !inner(name);
    }
    if (accept('(')) {
      const inner = expr();
      if (!accept(')')) reject(')');
      return inner;
    }
    const token = peek();
    if (!accept('identifier')) return reject('not', '(', 'identifier');
    const wanted = token.text.toLowerCase();
    return (name) => name.toLowerCase().includes(wanted);
  };
  if (accept('end of input')) return () => true;
  const matcher = expr();
  if (!accept('end of input')) reject('end of input');
  return matcher;
}

/**
 * An expression that selects the item `name` (for the command that runs a failed item
 * again): the name itself, or, where it holds characters an identifier cannot
 * (`calc.<line 3>`, `Cal.#secret`), its pieces joined by `and`.
 */
export function keywordFor(name: string): string {
  const pieces = name.split(/[^\p{L}\p{N}_:+\-.[\]\\/]+/u);
  return pieces.filter((piece) => piece !== '' && !KEYWORDS.has(piece)).join(' and ');
}

/** A parsed file with only the selected items (and their examples' prepared code). */
export function selectTests(parsed: ParsedFile, matches: Matcher): ParsedFile {
  const run = parsed.found.tests.filter((test) => test.examples.length > 0);
  return {
    found: { ...parsed.found, tests: parsed.found.tests.filter((test) => matches(test.name)) },
    runnables: parsed.runnables.filter((_, i) => matches(run[i]?.name ?? '')),
  };
}
