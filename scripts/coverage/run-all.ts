/**
 * `npm run coverage`: run tsdoctest (c8), Jest and Vitest with coverage, each
 * against its gate, then print one table (a row per file, a column per
 * framework, and the union) and write `coverage/union/` and
 * `coverage/side-by-side.json`. The Python references run under pytest-cov
 * too (scripts/coverage/python.ts): its own term-missing table is printed
 * beside ours, never merged into the union. Without pytest-cov the Python part
 * says how to install it; under CI=true that is a failure. Exits 1 when any
 * run or gate failed.
 *
 *   tsx scripts/coverage/run-all.ts [--no-run] [--dir coverage]
 *
 * `--no-run` only rebuilds the union and the table from the reports already in
 * `--dir`, for instance after collecting them from other CI jobs.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { Framework } from '../../specs/concepts.ts';
import { choosePython, lacking } from '../../src/cli/python.ts';
import { createProgram } from '../../src/cli/usage.ts';
import { gateLine, htmlReports } from './gate.ts';
import { PYTHON_DIR, pythonVerdict, runPythonCoverage } from './python.ts';
import { FRAMEWORKS } from './side-by-side.ts';
import { renderTable } from './table.ts';
import { coverageJson, SIDE_BY_SIDE_FILE, writeUnionReports } from './union-report.ts';

/** The npm script that runs each framework with coverage and its gate. */
const SCRIPTS: Record<Framework, string> = {
  tsdoctest: 'test:doctest:coverage',
  jest: 'test:jest:coverage',
  vitest: 'test:vitest:coverage',
};

/** Where the npm scripts write (coverage/<framework>/, set in each tool's config). */
const COVERAGE_DIR = 'coverage';

/**
 * NO_COLOR, or output that is not a terminal: no colours from the tools either
 * (Jest's chalk ignores NO_COLOR, Vitest colours under CI even into a pipe).
 */
const plain = Boolean(process.env.NO_COLOR) || !process.stdout.isTTY;
const childEnv = plain ? { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } : process.env;

function runFramework(framework: Framework): number {
  // A run that dies before writing must not leave the last run's figures behind.
  rmSync(coverageJson(COVERAGE_DIR, framework), { force: true });
  console.log(`\n=== ${framework}: npm run ${SCRIPTS[framework]} ===`);
  const result = spawnSync('npm', ['run', SCRIPTS[framework]], {
    stdio: 'inherit',
    env: childEnv,
    shell: process.platform === 'win32',
  });
  return result.status ?? 1;
}

const program = createProgram('coverage', 'Run every framework with coverage and compare them.')
  .option('--no-run', 'do not run the frameworks; rebuild the reports from --dir')
  .option('--dir <dir>', 'the coverage folder to read and write (only with --no-run)', COVERAGE_DIR)
  .parse(process.argv);
const { run, dir } = program.opts<{ run: boolean; dir: string }>();
if (run && dir !== COVERAGE_DIR)
  program.error('error: --dir needs --no-run (the frameworks write to coverage/)');

const exits = new Map<Framework, number>();
if (run) for (const framework of FRAMEWORKS) exits.set(framework, runFramework(framework));

const python = await choosePython();
const pythonMissing = lacking(python, 'pytest-cov');
const pythonExit =
  run && !pythonMissing ? runPythonCoverage(process.cwd(), dir, python) : undefined;

const report = writeUnionReports(process.cwd(), dir, run ? pythonMissing : undefined);
console.log(`\nLine coverage per framework (uncovered lines in brackets); union = covered by any:`);
console.log(renderTable(report));
console.log(
  `\nThe Python domain (${PYTHON_DIR}), pytest-cov's own table; beside the figures above, not in their union:`,
);
const py = report.python;
console.log(py ? ('table' in py ? py.table : `not measured: ${py.unavailable}`) : 'not measured');
console.log(`Written: ${path.join(dir, 'union')}/ and ${path.join(dir, SIDE_BY_SIDE_FILE)}`);

const html = htmlReports(dir);
console.log(`HTML reports: ${html.length > 0 ? html.join(', ') : 'none written'}`);

let failed = false;
for (const framework of FRAMEWORKS) {
  const code = exits.get(framework);
  if ((code !== undefined && code !== 0) || !report.frameworks[framework]) failed = true;
  console.log(gateLine(framework, dir, code));
}
if (run) {
  const verdict = pythonVerdict(python, pythonExit, Boolean(py && 'table' in py));
  if (verdict.failed) failed = true;
  console.log(verdict.line);
}
process.exitCode = failed ? 1 : 0;
