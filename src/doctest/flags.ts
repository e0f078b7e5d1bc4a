/**
 * Option flags, named and behaving as in CPython's doctest
 * (`doctest.ELLIPSIS`, `doctest.REPORT_UDIFF`, ...), plus `REQUIRES(env:NAME)`.
 */

export const FLAG_NAMES = [
  'DONT_ACCEPT_TRUE_FOR_1',
  'DONT_ACCEPT_BLANKLINE',
  'NORMALIZE_WHITESPACE',
  'ELLIPSIS',
  'SKIP',
  'IGNORE_EXCEPTION_DETAIL',
  'REPORT_UDIFF',
  'REPORT_CDIFF',
  'REPORT_NDIFF',
  'REPORT_ONLY_FIRST_FAILURE',
  'FAIL_FAST',
] as const;

export type Flag = (typeof FLAG_NAMES)[number];

/** The effective options of one example: the flags that are on, and required env variables. */
export interface Options {
  flags: Flag[];
  requiresEnv: string[];
}

const ALIASES: Record<string, Flag> = {
  CDIFF: 'REPORT_CDIFF',
  NDIFF: 'REPORT_NDIFF',
  UDIFF: 'REPORT_UDIFF',
};

/** `ELLIPSIS` → `ELLIPSIS`; `NDIFF` → `REPORT_NDIFF`; anything else → undefined. */
export function flagNamed(name: string): Flag | undefined {
  const upper = name.trim().toUpperCase();
  if ((FLAG_NAMES as readonly string[]).includes(upper)) return upper as Flag;
  return ALIASES[upper];
}

/** A change a directive asks for: turn a flag on or off, or require an env variable. */
export type OptionChange =
  | { kind: 'flag'; flag: Flag; on: boolean }
  | { kind: 'requires'; env: string; on: boolean };

/**
 * Parse the text after `doctest:` in a directive comment.
 * Returns the changes, or an error message naming the bad option.
 */
export function parseDirective(text: string): { changes: OptionChange[]; error?: string } {
  const changes: OptionChange[] = [];
  for (const raw of text.split(/[\s,]+/)) {
    const option = raw.trim();
    if (option === '') continue;
    const sign = option[0];
    if (sign !== '+' && sign !== '-') return { changes, error: `invalid option: '${option}'` };
    const on = sign === '+';
    const body = option.slice(1);
    const requires = /^REQUIRES\(env:([A-Za-z_][A-Za-z0-9_]*)\)$/i.exec(body);
    if (requires?.[1]) {
      changes.push({ kind: 'requires', env: requires[1], on });
      continue;
    }
    const flag = flagNamed(body);
    if (!flag) return { changes, error: `invalid option: '${option}'` };
    changes.push({ kind: 'flag', flag, on });
  }
  return { changes };
}

/** Apply directive changes on top of base options (the run's `-o` flags). */
export function applyChanges(base: Options, changes: readonly OptionChange[]): Options {
  const flags = new Set(base.flags);
  const env = new Set(base.requiresEnv);
  for (const change of changes) {
    if (change.kind === 'flag') {
      if (change.on) flags.add(change.flag);
      else flags.delete(change.flag);
    } else if (change.on) env.add(change.env);
    else env.delete(change.env);
  }
  return { flags: FLAG_NAMES.filter((f) => flags.has(f)), requiresEnv: [...env] };
}

/** Why an example is skipped, or undefined when it runs. */
export function skipReason(
  options: Options,
  env: Record<string, string | undefined>,
): string | undefined {
  if (options.flags.includes('SKIP')) return 'SKIP';
  const missing = options.requiresEnv.filter((name) => !env[name]);
  return missing.length > 0 ? `REQUIRES(env:${missing.join(', env:')})` : undefined;
}
