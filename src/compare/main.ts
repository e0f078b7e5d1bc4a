/**
 * The comparison command: parse the options, run, print the table, write the
 * reports, and return the exit code (0 only when every cell has the outcome
 * the catalogue expects). `cli.ts` calls it with the real catalogue and streams.
 *
 * `--show` prints one concept (or a section) in detail from the reports
 * already written, running it first when they are missing or stale; `--list`
 * prints the ids.
 */
import os from 'node:os';
import path from 'node:path';
import { CommanderError, InvalidArgumentError, Option } from 'commander';
import leven from 'leven';
import { createColors } from 'picocolors';
import { type Concept, LESSONS } from '../../specs/concepts.ts';
import { terminalWidth } from '../cli/columns.ts';
import { createProgram, EXIT_USAGE, integerIn, usageExitCode } from '../cli/usage.ts';
import { conceptsNamed, type Selection } from './catalogue-join.ts';
import { compare, plannedRunners, reportFiles } from './compare.ts';
import { COLUMNS, type Column, type CompareReport } from './model.ts';
import { liveProgress, plainProgress } from './progress.ts';
import { renderShow } from './render/show.ts';
import { renderList, renderTerminal } from './render/terminal.ts';
import type { RunContext, Runner } from './run/runners.ts';
import { savedRows } from './saved.ts';

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
  show?: string;
  list: boolean;
  frameworks: Column[];
  outDir: string;
  timeout: number;
}

/** Why `name` names no concept or section, with the nearest name there is. */
function unknownName(concepts: Concept[], name: string): string {
  if ((LESSONS as readonly string[]).includes(name)) {
    return `error: the ${name} section has no concept of its own to run (npm start -- --list shows them all)`;
  }
  const names = [...concepts.map((c) => c.id), ...LESSONS];
  const nearest = names.reduce((best, n) => (leven(name, n) < leven(name, best) ? n : best));
  return `error: unknown concept or section "${name}"; did you mean "${nearest}"? (npm start -- --list shows them all)`;
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
    .option(
      '--demo-failures',
      'run the deliberate failure demos and print what each framework said',
      false,
    )
    .option('--only <id>', 'run one concept, or one section of the course (see --list)')
    .addOption(
      new Option(
        '--show <id>',
        "print a concept (or a section) in detail: each framework's test code and what it printed",
      ).conflicts(['only', 'demoFailures', 'list']),
    )
    .option('--list', 'list the concepts with their titles, by section', false)
    .option('--frameworks <list>', `comma-separated columns (${COLUMNS.join(',')})`, columnList, [
      ...COLUMNS,
    ])
    .option('--out-dir <dir>', 'where the reports (compare.json, compare.html) go', 'reports')
    .option(
      '--timeout <ms>',
      'kill a framework run after this long',
      integerIn(1000, 3_600_000),
      600_000,
    );
  try {
    program.parse(argv, { from: 'user' });
    const opts = program.opts<Options>();
    for (const name of [opts.only, opts.show]) {
      if (name !== undefined && conceptsNamed(deps.concepts, name).length === 0) {
        program.error(unknownName(deps.concepts, name), { exitCode: EXIT_USAGE });
      }
    }
    return opts;
  } catch (err) {
    if (!(err instanceof CommanderError)) throw err;
    return usageExitCode(err);
  }
}

/** Run the selection, with progress on stderr, and write its reports. */
async function run(
  selection: Selection,
  opts: Options,
  deps: MainDeps,
  colors: boolean,
): Promise<CompareReport> {
  const { stderr, env } = deps;
  // Live progress needs a real terminal on stderr (a pty without a size shows nothing) and not CI.
  const live =
    Boolean(stderr.isTTY) && (stderr.rows ?? 0) > 0 && env.CI !== 'true' && env.CI !== '1';
  const runners = plannedRunners(deps.concepts, selection, deps.runners).map((p) => p.runner.id);
  const progress = live
    ? liveProgress(stderr, runners, createColors(colors))
    : plainProgress((line) => stderr.write(`${line}\n`));
  return compare(deps.concepts, {
    ...selection,
    root: deps.root,
    outDir: path.resolve(deps.root, opts.outDir),
    concurrency: os.availableParallelism(),
    timeoutMs: opts.timeout,
    progress,
    configs: deps.configs,
    runners: deps.runners,
  });
}

export async function main(argv: string[], deps: MainDeps): Promise<number> {
  const opts = parseOptions(argv, deps);
  if (typeof opts === 'number') return opts;

  const { stdout, env } = deps;
  const colors = Boolean(stdout.isTTY) && !env.NO_COLOR;
  const width = terminalWidth(stdout);
  const outDir = path.resolve(deps.root, opts.outDir);
  const shown = (file: string) => path.relative(deps.root, file) || '.';
  const written = (report: CompareReport) => {
    const files = reportFiles(report, outDir);
    return `reports: ${shown(files.html)}, ${shown(files.json)}`;
  };

  if (opts.list) {
    stdout.write(`${renderList(deps.concepts, { colors, width })}\n`);
    return 0;
  }

  const columns = opts.frameworks;
  if (opts.show) {
    const wanted = conceptsNamed(deps.concepts, opts.show);
    let rows = savedRows(deps.root, outDir, wanted, columns);
    let source: string;
    if (rows) {
      source = `from ${rows.files.map(shown).join(', ')}`;
    } else {
      deps.stderr.write(
        `No report of ${opts.show} newer than its sources in ${shown(outDir)}: running it first.\n`,
      );
      const report = await run(
        { demoFailures: false, only: opts.show, columns },
        opts,
        deps,
        colors,
      );
      rows = { rows: report.rows, files: [] };
      source = `ran now; ${written(report)}`;
    }
    stdout.write(`${renderShow(rows.rows, { colors, width, columns, code: true })}\n`);
    stdout.write(`\n${source}\n`);
    return rows.rows.every((r) => columns.every((c) => r.cells[c].matches)) ? 0 : 1;
  }

  const report = await run(
    { demoFailures: opts.demoFailures, only: opts.only, columns },
    opts,
    deps,
    colors,
  );
  const demos = report.rows.filter((r) => r.demo);
  if (demos.length > 0) {
    // What the demos are for: each framework's own words for the same mistake.
    stdout.write(`${renderShow(demos, { colors, width, columns, code: false })}\n\n`);
  }
  stdout.write(`${renderTerminal(report, { colors, width })}\n`);
  stdout.write(`\n${written(report)}\n`);
  if (report.rows.length > 0 && !opts.only) {
    stdout.write(
      // Two short lines, so the hint fits 80 columns whatever the id.
      `Each framework's code and output for one concept (--list for the ids):\n  npm start -- --show ${report.rows[0]?.id}\n`,
    );
  }
  return report.ok ? 0 : 1;
}
