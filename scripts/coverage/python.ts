/**
 * The coverage lesson in Python, for real: pytest-cov over the Python domain
 * (fixtures/python/calculation.py and salary.py) while every reference runs,
 * as the course does it: `pytest --cov=calculation --cov-report term-missing`.
 * Its own table is kept as printed (`coverage/python/term-missing.txt`), and
 * its JSON report becomes a column shown beside the TypeScript ones, never
 * merged into their union (other files, another language).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { childEnv } from '../../src/cli/child-process.ts';
import { ciFailure, lacking, type Python } from '../../src/cli/python.ts';
import { type LineSummary, type PythonColumn, percent } from './side-by-side.ts';

/** The Python domain, as pytest-cov's `--cov` names it, and where it lives. */
export const PYTHON_DOMAIN = ['calculation', 'salary'] as const;
export const PYTHON_DIR = 'fixtures/python';

/** The folder under the coverage directory, and the files in it. */
const SUBDIR = 'python';
const JSON_REPORT = 'coverage.json';
const TABLE = 'term-missing.txt';

/** The pytest command line, run from fixtures/python. */
export const PYTEST_COV_ARGS = [
  '-m',
  'pytest',
  '-p',
  'no:cacheprovider',
  ...PYTHON_DOMAIN.map((m) => `--cov=${m}`),
  '--cov-report=term-missing',
];

/**
 * pytest-cov's table in pytest's output: from its `coverage: platform …`
 * title to the TOTAL line (the title's wording differs between versions).
 */
export function termMissingTable(output: string): string | undefined {
  const lines = output.split(/\r?\n/);
  const start = lines.findIndex((l) => /coverage: platform /.test(l));
  const total = lines.findIndex((l, i) => i > start && /^TOTAL\s/.test(l));
  if (start < 0 || total < 0) return undefined;
  return lines.slice(start, total + 1).join('\n');
}

/** Run the references under pytest-cov; print what pytest prints; exit code of the run. */
export function runPythonCoverage(root: string, coverageDir: string, python: Python): number {
  const dir = path.resolve(root, coverageDir, SUBDIR);
  // A run that dies before writing must not leave the last run's figures behind.
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  console.log(
    `\n=== python: cd ${PYTHON_DIR} && ${python.command} ${PYTEST_COV_ARGS.join(' ')} ===`,
  );
  const run = (args: string[]) =>
    spawnSync(python.command ?? 'python3', args, {
      cwd: path.join(root, PYTHON_DIR),
      encoding: 'utf8',
      // The data file goes beside the reports, not into fixtures/python.
      env: { ...childEnv(false, { plain: false }), COVERAGE_FILE: path.join(dir, '.coverage') },
    });
  const result = run(PYTEST_COV_ARGS);
  process.stdout.write(result.stdout ?? '');
  process.stderr.write(result.stderr ?? '');
  if (result.error) console.error(`python: ${result.error.message}`);
  const table = termMissingTable(result.stdout ?? '');
  if (!table) return result.status || 1;
  writeFileSync(path.join(dir, TABLE), `${table}\n`);
  // The figures for the column, from the same data (pytest-cov 4 has no JSON report of its own).
  const json = run(['-m', 'coverage', 'json', '-o', path.join(dir, JSON_REPORT)]);
  if (json.status !== 0) process.stderr.write(json.stderr ?? '');
  return result.status || json.status || 0;
}

interface CoveragePyJson {
  files: Record<
    string,
    { missing_lines: number[]; summary: { covered_lines: number; num_statements: number } }
  >;
}

/** coverage.py counts statements (a statement over three lines is one): as its table does. */
function summary(covered: number, total: number, uncoveredLines: number[]): LineSummary {
  return {
    linesPct: percent(covered, total),
    linesCovered: covered,
    linesTotal: total,
    uncoveredLines,
  };
}

/** The Python column from what `runPythonCoverage` wrote, or undefined when it wrote nothing. */
export function readPythonCoverage(root: string, coverageDir: string): PythonColumn | undefined {
  const dir = path.resolve(root, coverageDir, SUBDIR);
  const jsonFile = path.join(dir, JSON_REPORT);
  const tableFile = path.join(dir, TABLE);
  if (!existsSync(jsonFile) || !existsSync(tableFile)) return undefined;
  const data = JSON.parse(readFileSync(jsonFile, 'utf8')) as CoveragePyJson;
  const files: Record<string, LineSummary> = {};
  let covered = 0;
  let total = 0;
  for (const [file, f] of Object.entries(data.files).sort()) {
    const { covered_lines, num_statements } = f.summary;
    files[path.posix.join(PYTHON_DIR, file.split(path.sep).join('/'))] = summary(
      covered_lines,
      num_statements,
      [...f.missing_lines].sort((a, b) => a - b),
    );
    covered += covered_lines;
    total += num_statements;
  }
  return {
    files,
    totals: summary(covered, total, []),
    table: readFileSync(tableFile, 'utf8').trimEnd(),
  };
}

/**
 * The Python line of `npm run coverage`'s verdict. Under CI=true pytest-cov
 * must be there; elsewhere its absence is said (with how to install it), not failed.
 */
export function pythonVerdict(
  python: Python,
  exit: number | undefined,
  measured: boolean,
): { line: string; failed: boolean } {
  const ci = ciFailure(python);
  if (ci) return { line: `python: FAILED: ${ci}`, failed: true };
  const missing = lacking(python, 'pytest-cov');
  if (missing) return { line: `python: not measured: ${missing}`, failed: false };
  if (exit === 0 && measured) return { line: 'python: measured', failed: false };
  const why = measured ? '' : ', no pytest-cov table';
  return { line: `python: FAILED (exit ${exit})${why}`, failed: true };
}
