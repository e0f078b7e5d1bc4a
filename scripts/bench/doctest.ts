/**
 * `npm run bench:doctest`: tsdoctest against CPython's doctest on the same
 * generated corpus (default 200 files × 50 examples), timed in the same run,
 * plus tsdoctest on the domain (`src/domain`) and on `src`, each in a new process.
 * A benchmark that prints figures, never a timed test.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createProgram, integerIn } from '../../src/cli/usage.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(ROOT, 'bin/tsdoctest.js');
const FUNCTIONS_PER_FILE = 10;
const EXAMPLES_PER_FUNCTION = 5;

/** One documented function, in TypeScript and in Python, with the same five examples. */
function fn(file: number, j: number): { ts: string; py: string } {
  const k = file + j;
  const ts = `/**
 * >>> add${j}(1, 2)
 * ${3 + k}
 * >>> const x = add${j}(2, 3)
 * >>> x * 2
 * ${(5 + k) * 2}
 * >>> label${j}('a')
 * 'a-${k}'
 * >>> console.log(x)
 * ${5 + k}
 */
export function add${j}(a: number, b: number): number {
  return a + b + ${k};
}

export function label${j}(s: string): string {
  return \`\${s}-${k}\`;
}
`;
  const py = `def add${j}(a, b):
    """
    >>> add${j}(1, 2)
    ${3 + k}
    >>> x = add${j}(2, 3)
    >>> x * 2
    ${(5 + k) * 2}
    >>> label${j}('a')
    'a-${k}'
    >>> print(x)
    ${5 + k}
    """
    return a + b + ${k}


def label${j}(s):
    return f"{s}-${k}"

`;
  return { ts, py };
}

function generate(dir: string, files: number): { tsDir: string; pyFiles: string[] } {
  const tsDir = path.join(dir, 'ts');
  const pyDir = path.join(dir, 'py');
  mkdirSync(tsDir, { recursive: true });
  mkdirSync(pyDir, { recursive: true });
  writeFileSync(path.join(tsDir, 'package.json'), '{ "type": "module" }\n');
  const pyFiles: string[] = [];
  for (let i = 0; i < files; i++) {
    const parts = Array.from({ length: FUNCTIONS_PER_FILE }, (_, j) => fn(i, j));
    writeFileSync(path.join(tsDir, `m${i}.ts`), parts.map((p) => p.ts).join('\n'));
    const pyFile = path.join(pyDir, `m${i}.py`);
    writeFileSync(pyFile, parts.map((p) => p.py).join('\n'));
    pyFiles.push(pyFile);
  }
  return { tsDir, pyFiles };
}

/** Wall time of one run of a command, in seconds; exits if the command fails. */
// Python keeps bytecode only where PYTHONDONTWRITEBYTECODE is unset (`-B` turns it off again).
const { PYTHONDONTWRITEBYTECODE: _, ...env } = process.env;

function timed(command: string, args: string[], expectStatus = 0): number {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { cwd: ROOT, env, encoding: 'utf8', maxBuffer: 1 << 28 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (result.status !== expectStatus) {
    process.stderr.write(
      `bench: ${command} ${args.slice(0, 3).join(' ')} ... exited ${result.status}\n${result.stderr}`,
    );
    process.exit(1);
  }
  return seconds;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

function measure(label: string, runs: number, command: string, args: string[]): number {
  const times = Array.from({ length: runs }, () => timed(command, args));
  const m = median(times);
  console.log(
    `${label.padEnd(44)} ${m.toFixed(2).padStart(7)} s  (runs: ${times.map((t) => t.toFixed(2)).join(', ')})`,
  );
  return m;
}

const program = createProgram(
  'bench:doctest',
  'Time tsdoctest against CPython doctest on the same corpus.',
)
  .option('--files <n>', 'files in the corpus', integerIn(1, 10_000), 200)
  .option('--runs <n>', 'runs per measurement (the median is shown)', integerIn(1, 50), 3);
program.parse(process.argv);
const { files, runs } = program.opts<{ files: number; runs: number }>();

const dir = mkdtempSync(path.join(tmpdir(), 'tsdoctest-bench-'));
try {
  const { tsDir, pyFiles } = generate(dir, files);
  const examples = files * FUNCTIONS_PER_FILE * EXAMPLES_PER_FUNCTION;
  console.log(
    `corpus: ${files} files × ${FUNCTIONS_PER_FILE * EXAMPLES_PER_FUNCTION} examples = ${examples} examples (${dir})`,
  );
  // Both tools keep work between runs: tsdoctest its parsed and transpiled files, Python
  // its bytecode (__pycache__). Each is timed without (a first run) and with (every later one).
  const ours = measure('tsdoctest --no-cache', runs, process.execPath, [BIN, '--no-cache', tsDir]);
  timed(process.execPath, [BIN, tsDir]); // fills the cache
  const oursWarm = measure('tsdoctest, cache kept', runs, process.execPath, [BIN, tsDir]);
  const python = spawnSync('python3', ['--version'], { encoding: 'utf8' });
  if (python.status === 0) {
    const version = python.stdout.trim();
    const doctest = ['-m', 'doctest', ...pyFiles];
    const theirs = measure(`python3 -B -m doctest (${version})`, runs, 'python3', [
      '-B',
      ...doctest,
    ]);
    timed('python3', doctest); // writes __pycache__
    const theirsWarm = measure('python3 -m doctest, __pycache__ kept', runs, 'python3', doctest);
    const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
    console.log(
      `ratio tsdoctest / CPython doctest: ${ratio(ours, theirs)} without caches, ${ratio(oursWarm, theirsWarm)} with them (target ≤ 1.5×)`,
    );
  } else {
    console.log('python3 not found: skipping the CPython doctest comparison');
  }
  measure('tsdoctest src/domain --no-cache', runs, process.execPath, [
    BIN,
    '--no-cache',
    'src/domain',
  ]);
  timed(process.execPath, [BIN, 'src/domain']);
  measure('tsdoctest src/domain (the 0.5 s target)', runs, process.execPath, [BIN, 'src/domain']);
  measure('tsdoctest src (npm run test:doctest)', runs, process.execPath, [BIN, 'src']);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
