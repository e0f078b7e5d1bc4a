/**
 * The comparison command: parse the options, run, print the table, write the
 * reports, and return the exit code (0 only when every cell has the outcome
 * the catalogue expects). `cli.ts` calls it with the real catalogue and streams.
 */
import os from 'node:os';
import path from 'node:path';
import { CommanderError, InvalidArgumentError } from 'commander';
import { createColors } from 'picocolors';
import type { Concept } from '../../specs/concepts.ts';
import { createProgram, EXIT_USAGE, integerIn, usageExitCode } from '../cli/usage.ts';
import { compare, plannedRunners } from './compare.ts';
import { COLUMNS, type Column } from './model.ts';
import { liveProgress, plainProgress } from './progress.ts';
import { renderTerminal } from './render/terminal.ts';
import type { RunContext, Runner } from './run/runners.ts';

export interface MainDeps {
  concepts: Concept[];
  root: string;
  env: NodeJS.ProcessEnv;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  /** Other framework configs (the tests run the sample suites). */
  configs?: RunContext['configs'];
  /** Other runners than the real frameworks (the tests use fakes). */
  runners?: readonly Runner[];
}

function columnList(value: string): Column[] {
  const names = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = names.filter((n) => !(COLUMNS as readonly string[]).includes(n));
  if (names.length === 0 || unknown.length > 0) {
    const which = unknown.map((u) => `"${u}"`).join(', ') || '(none given)';
    throw new InvalidArgumentError(
      `unknown framework ${which}; choose from ${COLUMNS.join(', ')}.`,
    );
  }
  return COLUMNS.filter((c) => names.includes(c));
}

interface Options {
  demoFailures: boolean;
  only?: string;
  frameworks: Column[];
  outDir: string;
  timeout: number;
}

/**
 * Parse the options; a usage error or `--help` becomes an exit code instead
 * of `process.exit`, so the command can run in-process.
 */
function parseOptions(argv: string[], deps: MainDeps): Options | number {
  const program = createProgram(
    'compare',
    'Run every lesson in every framework and show them side by side.',
  )
    .exitOverride()
    .configureOutput({
      writeOut: (text) => deps.stdout.write(text),
      writeErr: (text) => deps.stderr.write(text),
    })
    .option('--demo-failures', 'run the deliberate failure demos instead of the lessons', false)
    .option('--only <concept-id>', 'run one concept of the catalogue')
    .option('--frameworks <list>', `comma-separated columns (${COLUMNS.join(',')})`, columnList, [
      ...COLUMNS,
    ])
    .option('--out-dir <dir>', 'where to write compare.json and compare.html', 'reports')
    .option(
      '--timeout <ms>',
      'kill a framework run after this long',
      integerIn(1000, 3_600_000),
      600_000,
    );
  try {
    program.parse(argv, { from: 'user' });
    const opts = program.opts<Options>();
    if (opts.only && !deps.concepts.some((c) => c.id === opts.only)) {
      program.error(`error: unknown concept id "${opts.only}" (see specs/concepts.ts)`, {
        exitCode: EXIT_USAGE,
      });
    }
    return opts;
  } catch (err) {
    if (!(err instanceof CommanderError)) throw err;
    return usageExitCode(err);
  }
}

export async function main(argv: string[], deps: MainDeps): Promise<number> {
  const opts = parseOptions(argv, deps);
  if (typeof opts === 'number') return opts;

  const { stdout, stderr, env } = deps;
  // Live progress needs a real terminal on stderr (a pty without a size shows nothing) and not CI.
  const live =
    Boolean(stderr.isTTY) && (stderr.rows ?? 0) > 0 && env.CI !== 'true' && env.CI !== '1';
  const colors = Boolean(stdout.isTTY) && !env.NO_COLOR;
  const selection = { demoFailures: opts.demoFailures, only: opts.only, columns: opts.frameworks };
  const runners = plannedRunners(deps.concepts, selection, deps.runners).map((p) => p.runner.id);
  const progress = live
    ? liveProgress(stderr, runners, createColors(colors))
    : plainProgress((line) => stderr.write(`${line}\n`));

  const outDir = path.resolve(deps.root, opts.outDir);
  const report = await compare(deps.concepts, {
    ...selection,
    root: deps.root,
    outDir,
    concurrency: os.availableParallelism(),
    timeoutMs: opts.timeout,
    progress,
    configs: deps.configs,
    runners: deps.runners,
  });
  stdout.write(`${renderTerminal(report, colors)}\n`);
  const shown = path.relative(deps.root, outDir) || '.';
  stdout.write(`\nreports: ${shown}/compare.html, ${shown}/compare.json\n`);
  return report.ok ? 0 : 1;
}
