/**
 * Shared command-line plumbing: every test-dojo command parses with
 * commander and exits 2 on a usage error, as Unix tools and pytest do.
 */
import { Command, type CommanderError, InvalidArgumentError } from 'commander';

export const EXIT_USAGE = 2;

/** A problem with what the user asked for (unknown id, missing file): reported in one line, exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The exit code for a commander stop: 0 for help and version, else a usage error. */
export function usageExitCode(err: CommanderError): number {
  const ok = err.code === 'commander.helpDisplayed' || err.code === 'commander.version';
  return ok ? 0 : EXIT_USAGE;
}

/** A commander program that reports usage errors with exit code 2 instead of 1. */
export function createProgram(name: string, description: string): Command {
  return new Command(name)
    .description(description)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride((err: CommanderError) => process.exit(usageExitCode(err)));
}

/** Parse an integer option in [min, max], with a message a user can act on. */
export function integerIn(min: number, max: number): (value: string) => number {
  return (value) => {
    if (!/^-?\d+$/.test(value.trim())) throw new InvalidArgumentError('not an integer.');
    const n = Number(value);
    if (n < min || n > max) throw new InvalidArgumentError(`must be between ${min} and ${max}.`);
    return n;
  };
}

/** Parse a finite number option. */
export function finiteNumber(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) throw new InvalidArgumentError('not a number.');
  return n;
}

/** Parse an absolute http(s) URL option. */
export function httpUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InvalidArgumentError('not a URL.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InvalidArgumentError('must be an http:// or https:// URL.');
  }
  return value;
}
