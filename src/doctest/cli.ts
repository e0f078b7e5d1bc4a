/**
 * `tsdoctest [options] [paths...]`: exit 0 when every example passed, 1 when
 * one failed, 2 for usage errors, unreadable files or internal errors.
 */
import { writeFileSync } from 'node:fs';
import { InvalidArgumentError, Option } from 'commander';
import { createProgram, EXIT_USAGE, integerIn } from '../cli/usage.ts';
import { type Flag, flagNamed } from './flags.ts';
import { jsonReport } from './reporters/json.ts';
import { junitReport } from './reporters/junit.ts';
import { textReport } from './reporters/text.ts';
import type { Report } from './results.ts';
import { DEFAULT_TIMEOUT_MS, type RunOptions, runDoctests } from './runner.ts';

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

export function render(report: Report, options: Pick<CliOptions, 'reporter' | 'verbose'>): string {
  if (options.reporter === 'json') return jsonReport(report);
  if (options.reporter === 'junit') return junitReport(report);
  return textReport(report, { verbose: options.verbose });
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
  };
  let report: Report;
  try {
    report = await runDoctests({ paths, options: runOptions });
  } catch (err) {
    if ((err as Error)?.name === 'UsageError') return fail((err as Error).message);
    return fail(`internal error: ${(err as Error)?.message ?? String(err)}`);
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
      process.stdout.write(textReport(report, { verbose: options.verbose }));
  } else {
    process.stdout.write(text);
  }
  return report.failed > 0 ? 1 : 0;
}

export async function main(argv: string[], launch: Launch = {}): Promise<number> {
  const program = createProgram(
    'tsdoctest',
    "Run the `>>>` examples in JSDoc comments, like Python's doctest.",
  )
    .argument('[paths...]', 'files, folders or globs (default: src)')
    .option('-v, --verbose', 'print every example tried, and a full summary')
    .option(
      '-o, --option <FLAG>',
      'an option flag for every example, e.g. ELLIPSIS (repeatable)',
      collectFlag,
      [],
    )
    .option('-f, --fail-fast', 'stop at the first failing example')
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
    );
  program.parse(argv);
  const options = program.opts<CliOptions>();
  const paths = program.args.length > 0 ? program.args : ['src'];
  if (options.watch) {
    const { watch } = await import('./watch.ts');
    return watch(paths, () => runOnce(paths, options, launch));
  }
  return runOnce(paths, options, launch);
}
