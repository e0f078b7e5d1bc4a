/**
 * `npm start`: every lesson of the catalogue in every framework, side by
 * side, in the terminal and in `reports/compare.html` and `reports/compare.json`.
 * Exit 0 only when every cell has the outcome the catalogue expects.
 */
import os from 'node:os';
import path from 'node:path';
import { InvalidArgumentError } from 'commander';
import { createColors } from 'picocolors';
import { concepts } from '../../specs/concepts.ts';
import { createProgram, EXIT_USAGE, integerIn } from '../cli/usage.ts';
import { compare, plannedRunners } from './compare.ts';
import { COLUMNS, type Column } from './model.ts';
import { liveProgress, plainProgress } from './progress.ts';
import { renderTerminal } from './render/terminal.ts';

function columnList(value: string): Column[] {
  const names = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = names.filter((n) => !(COLUMNS as readonly string[]).includes(n));
  if (names.length === 0 || unknown.length > 0) {
    throw new InvalidArgumentError(
      `unknown framework ${unknown.map((u) => `"${u}"`).join(', ') || '(none given)'}; choose from ${COLUMNS.join(', ')}.`,
    );
  }
  return COLUMNS.filter((c) => names.includes(c));
}

const program = createProgram(
  'compare',
  'Run every lesson in every framework and show them side by side.',
)
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
  )
  .parse();

const opts = program.opts<{
  demoFailures: boolean;
  only?: string;
  frameworks: Column[];
  outDir: string;
  timeout: number;
}>();

if (opts.only && !concepts.some((c) => c.id === opts.only)) {
  program.error(`error: unknown concept id "${opts.only}" (see specs/concepts.ts)`, {
    exitCode: EXIT_USAGE,
  });
}

const root = process.cwd();
// Live progress needs a real terminal on stderr (a pty without a size shows nothing) and not CI.
const tty =
  Boolean(process.stderr.isTTY) &&
  (process.stderr.rows ?? 0) > 0 &&
  process.env.CI !== 'true' &&
  process.env.CI !== '1';
const colors = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
const selection = { demoFailures: opts.demoFailures, only: opts.only, columns: opts.frameworks };
const runners = plannedRunners(concepts, selection).map((p) => p.runner.id);
const progress = tty
  ? liveProgress(process.stderr, runners, createColors(colors))
  : plainProgress((line) => process.stderr.write(`${line}\n`));

const report = await compare(concepts, {
  ...selection,
  root,
  outDir: path.resolve(root, opts.outDir),
  concurrency: os.availableParallelism(),
  timeoutMs: opts.timeout,
  progress,
});
console.log(renderTerminal(report, colors));
const shown = path.relative(root, path.resolve(root, opts.outDir)) || '.';
console.log(`\nreports: ${shown}/compare.html, ${shown}/compare.json`);
process.exitCode = report.ok ? 0 : 1;
