/** An example's outcome held against what it expects, as CPython's `DocTestRunner.__run` does. */
import { types } from 'node:util';
import { checkOutput, stripExceptionDetails } from './checker.ts';
import type { Outcome } from './evaluate.ts';
import type { Example } from './example.ts';
import type { Options } from './flags.ts';
import type { ExampleResult } from './results.ts';
import { exceptionOnly, formatTraceback } from './traceback.ts';

/**
 * A thrown value's last traceback line, or, where reading it throws (a `name` getter that
 * throws, a Proxy's traps), what can be said without running its code.
 */
function shownThrow(value: unknown): string {
  try {
    return exceptionOnly(value);
  } catch {
    if (types.isProxy(value)) return 'Proxy';
    return types.isNativeError(value) ? 'Error' : typeof value;
  }
}

/** Judge one outcome as CPython's `DocTestRunner.__run` does. */
export function judge(
  example: Example,
  outcome: Outcome,
  options: Options,
  filename: string,
): ExampleResult {
  const flags = options.flags;
  const base = { line: example.line, source: example.source, want: example.want, flags };
  if (!outcome.threw) {
    const ok = checkOutput(example.want, outcome.got, flags);
    return {
      ...base,
      got: outcome.got,
      exception: null,
      status: ok ? 'passed' : 'failed',
      ...(ok ? {} : { failure: 'output' as const }),
    };
  }
  const thrown = outcome.exception;
  let traceback: string;
  try {
    traceback = formatTraceback(thrown, filename, example.source);
  } catch (err) {
    traceback = `Uncaught ${shownThrow(thrown)} (tsdoctest could not show it in full: ${shownThrow(err)})\n`;
  }
  const got = outcome.got + traceback;
  const result = { ...base, got, exception: traceback };
  if (example.excMsg === null) return { ...result, status: 'failed', failure: 'exception' };
  const excMsg = `${shownThrow(thrown)}\n`;
  let ok = checkOutput(example.excMsg, excMsg, flags);
  if (!ok && flags.includes('IGNORE_EXCEPTION_DETAIL')) {
    ok = checkOutput(stripExceptionDetails(example.excMsg), stripExceptionDetails(excMsg), flags);
  }
  return ok ? { ...result, status: 'passed' } : { ...result, status: 'failed', failure: 'output' };
}
