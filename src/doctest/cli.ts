/**
 * `tsdoctest [options] [paths...]`: exit 0 when every example passed, 1 when
 * one failed, 2 for usage errors, unreadable files or internal errors, 5 when
 * `-k` selected nothing (as pytest).
 */
import { writeFileSync } from 'node:fs';
import { Command, type CommanderError, InvalidArgumentError, Option } from 'commander';
import { type Flag, flagNamed } from './flags.ts';
import { jsonReport } from './reporters/json.ts';
import { junitReport } from './reporters/junit.ts';
import { shellQuote, textReport } from './reporters/text.ts';
import type { Report } from './results.ts';
import { DEFAULT_TIMEOUT_MS, type RunOptions, runDoctests } from './runner.ts';
import { compileSelection } from './select.ts';

const EXIT_USAGE = 2;
/** pytest's exit code when nothing was collected: `-k` matched no item. */
const EXIT_NONE_SELECTED = 5;

interface CliOptions {
  verbose?: boolean;
  option: Flag[];
  failFast?: boolean;
  timeout: number;
  reporter: 'text' | 'json' | 'junit';
  output?: string;
  typecheck?: boolean;
  watch?: boolean;
  concurrency?: number;
  /** `--no-cache` sets this to false. */
  cache?: boolean;
  /** `-k`: pytest's expression over the items' names. */
  k?: string;
}

/** An integer option in [min, max], with a message a user can act on. */
function integerIn(min: number, max: number): (value: string) => number {
  return (value) => {
    if (!/^-?\d+$/.test(value.trim())) throw new InvalidArgumentError('not an integer.');
    const n = Number(value);
    if (n < min || n > max) throw new InvalidArgumentError(`must be between ${min} and ${max}.`);
    return n;
  };
}

/** `-k`'s expression, checked now so that a bad one is a usage error. */
function selection(value: string): string {
  try {
    compileSelection(value);
  } catch (err) {
    throw new InvalidArgumentError((err as Error).message);
  }
  return value;
}

function collectFlag(value: string, previous: Flag[]): Flag[] {
  const flags = value.split(',').map((name) => {
    const flag = flagNamed(name);
    if (!flag)
      throw new InvalidArgumentError(`unknown option flag ${JSON.stringify(name.trim())}.`);
    return flag;
  });
  return [...previous, ...flags];
}

/** The options a command that runs a failed item again keeps: those that change its outcome. */
function rerunOptions(options: CliOptions): string[] {
  const kept = options.option.flatMap((flag) => ['-o', flag]);
  if (options.timeout !== DEFAULT_TIMEOUT_MS) kept.push('--timeout', String(options.timeout));
  if (options.typecheck) kept.push('--typecheck');
  return kept;
}

export function render(
  report: Report,
  options: Pick<CliOptions, 'reporter' | 'verbose'> & Partial<CliOptions>,
): string {
  if (options.reporter === 'json') return jsonReport(report, options);
  if (options.reporter === 'junit') return junitReport(report);
  return textReport(report, {
    verbose: options.verbose,
    rerunOptions: options.option ? rerunOptions(options as CliOptions) : [],
  });
}

function fail(message: string): number {
  process.stderr.write(`tsdoctest: ${message}\n`);
  return EXIT_USAGE;
}

/** What the command's entry hands over: where to keep parsed and transpiled files. */
export interface Launch {
  cacheDir?: string;
}

/** One run: report to stdout or `--output`, and the exit code. */
export async function runOnce(
  paths: string[],
  options: CliOptions,
  launch: Launch = {},
): Promise<number> {
  const runOptions: RunOptions = {
    cacheDir: options.cache === false ? undefined : launch.cacheDir,
    flags: options.option,
    failFast: options.failFast,
    timeoutMs: options.timeout,
    concurrency: options.concurrency,
    typecheck: options.typecheck,
    select: options.k,
  };
  let report: Report;
  try {
    report = await runDoctests({ paths, options: runOptions });
  } catch (err) {
    if ((err as Error)?.name === 'UsageError') return fail((err as Error).message);
    return fail(`internal error: ${(err as Error)?.message ?? String(err)}`);
  }
  if (options.k !== undefined && report.items.length === 0) {
    process.stderr.write(`tsdoctest: -k ${shellQuote(options.k)} selected no example\n`);
    return EXIT_NONE_SELECTED;
  }
  const text = render(report, options);
  if (options.output) {
    try {
      writeFileSync(options.output, text);
    } catch (err) {
      return fail(
        `cannot write ${options.output}: ${(err as NodeJS.ErrnoException).code ?? 'error'}`,
      );
    }
    if (options.reporter !== 'text')
      process.stdout.write(render(report, { ...options, reporter: 'text' }));
  } else {
    process.stdout.write(text);
  }
  return report.failed > 0 ? 1 : 0;
}

/** What differs from Python's doctest in what examples expect (also in README.md). */
const FOR_PYTHON_USERS = `
Expected output, for Python users:
  An example that ends in an expression shows its value as Node's REPL does
  (util.inspect), not as Python's repr: 'text' in single quotes, [ 0, 1, 2 ],
  { a: 1 }, null; undefined shows nothing, and so do declarations, loops, if,
  try, switch and blocks. An array of more than 6 items, or a value too long
  for one line (about 110 characters), spreads over several lines, as the REPL
  prints it: -o NORMALIZE_WHITESPACE lets you write it on one line, and
  -o ELLIPSIS lets ... stand for any text ([ 0, 1, ... ]).
  Output that does not end in a newline gets one, as in CPython:
  process.stdout.write('a') expects a (write's own true is not shown).
  An expected error, as in Python or as Node's REPL prints it:
    Traceback (most recent call last):          Uncaught TypeError: no
      ...
    TypeError: no
  Exit status: 0 all passed, 1 an example failed, 2 usage error, 5 -k selected
  nothing. More in src/doctest/README.md.`;

export async function main(argv: string[], launch: Launch = {}): Promise<number> {
  const program = new Command('tsdoctest')
    .description(
      "Run the `>>>` examples in JSDoc comments and Markdown code blocks, like Python's doctest.",
    )
    // A usage error is one line on stderr and exit 2; --help and --version exit 0.
    .exitOverride((err: CommanderError) =>
      process.exit(
        err.code === 'commander.helpDisplayed' || err.code === 'commander.version' ? 0 : EXIT_USAGE,
      ),
    )
    .argument('[paths...]', 'source or Markdown files, folders or globs (default: src)')
    .option('-v, --verbose', 'print every example tried, and a full summary')
    .option(
      '-o, --option <FLAG>',
      'an option flag for every example, e.g. ELLIPSIS (repeatable)',
      collectFlag,
      [],
    )
    .option('-f, --fail-fast', 'stop at the first failing example')
    .option(
      '-k <expression>',
      "run only the items whose name matches, as pytest's -k: substrings (any case) joined by and, or, not, ( )",
      selection,
    )
    .option('--timeout <ms>', 'time limit per example', integerIn(1, 3_600_000), DEFAULT_TIMEOUT_MS)
    .addOption(
      new Option('--reporter <name>', 'report format')
        .choices(['text', 'json', 'junit'])
        .default('text'),
    )
    .option('--output <file>', 'write the report to a file')
    .option('--typecheck', 'type-check the examples in the context of their module')
    .option('--watch', 'run again when a file changes')
    .option('--concurrency <n>', 'worker threads (default: the number of cores)', integerIn(1, 256))
    .option(
      '--no-cache',
      "neither read nor keep parsed and transpiled files, nor your modules' compiled code",
    )
    .addHelpText('after', FOR_PYTHON_USERS);
  program.parse(argv);
  const options = program.opts<CliOptions>();
  const paths = program.args.length > 0 ? program.args : ['src'];
  if (options.watch) {
    const { watch } = await import('./watch.ts');
    return watch(paths, () => runOnce(paths, options, launch));
  }
  return runOnce(paths, options, launch);
}
