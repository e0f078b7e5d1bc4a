/**
 * `npm run bench:doctest`: tsdoctest against CPython's doctest on the same
 * generated corpus (default 200 files × 50 examples), and tsdoctest on the
 * domain (`src/domain`) and on `src`, under each Node asked for (default 20 and
 * 24, side by side; see node-releases.ts). Each figure is the median of `--runs`
 * fresh processes (default 5): wall time and user+sys CPU time (the shell's
 * `times`, in clock ticks). "Caches kept" is a run as the second run finds the
 * caches; `--no-cache` keeps none. `--baseline DIR` times the tsdoctest command of
 * another checkout too (e.g. a `git worktree`), each run right after ours.
 * Then the corpus under Vitest through tsdoctest's plugin (tsdoctest/vitest),
 * with the settings src/doctest/README.md recommends and with Vitest's
 * defaults, beside the command (`--vitest-only`: this part alone). Last, one
 * file of 1,000, 2,000 and 4,000 doc comments: how the time grows.
 * A benchmark that prints figures, never a timed test.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createProgram, EXIT_USAGE, integerIn } from '../../src/cli/usage.ts';
import { InstallError, nodeBinary, SUPPORTED_MAJORS } from '../node-releases.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
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

/** One file of `comments` doc comments, one example each (the scaling figure). */
function generateComments(dir: string, comments: number): string {
  const parts = Array.from(
    { length: comments },
    (_, i) =>
      `/**\n * >>> f${i}(1)\n * ${i + 1}\n */\nexport function f${i}(x: number): number {\n  return x + ${i};\n}\n`,
  );
  const file = path.join(dir, `comments-${comments}.ts`);
  writeFileSync(file, parts.join('\n'));
  return file;
}

interface Time {
  wall: number;
  cpu: number;
}

// Python keeps bytecode only where PYTHONDONTWRITEBYTECODE is unset (`-B` turns it off again).
const { PYTHONDONTWRITEBYTECODE: _, ...env } = process.env;

/** One run of a command: wall and user+sys CPU seconds (of it and its children); exits if it fails. */
function timed(command: string[]): Time {
  const start = process.hrtime.bigint();
  // `times` prints the shell's own times, then its children's: `0m1.234s 0m0.056s`.
  const result = spawnSync('sh', ['-c', '"$@"; s=$?; times >&3; exit $s', 'sh', ...command], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
  });
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  if (result.status !== 0) {
    process.stderr.write(
      `bench: ${command.slice(0, 4).join(' ')} ... exited ${result.status}\n${result.stderr}`,
    );
    process.exit(1);
  }
  const children = String(result.output[3]).trim().split('\n').at(-1) ?? '';
  const seconds = [...children.matchAll(/(\d+)m([\d.]+)s/g)].map(
    (m) => 60 * Number(m[1]) + Number(m[2]),
  );
  return { wall, cpu: seconds.reduce((a, b) => a + b, 0) };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

const program = createProgram(
  'bench:doctest',
  'Time tsdoctest against CPython doctest on the same corpus, under each Node.',
)
  .option('--files <n>', 'files in the corpus', integerIn(1, 10_000), 200)
  .option('--runs <n>', 'fresh processes per figure (the median is shown)', integerIn(1, 50), 5)
  .option('--nodes <majors>', `Node majors among ${SUPPORTED_MAJORS.join(', ')}`, '20,24')
  .option('--baseline <dir>', 'another checkout whose tsdoctest command is timed alongside')
  .option('--vitest-only', 'only the corpus under Vitest, beside the command');
program.parse(process.argv);
const opts = program.opts<{
  files: number;
  runs: number;
  nodes: string;
  baseline?: string;
  vitestOnly?: boolean;
}>();

function usage(message: string): never {
  process.stderr.write(`bench:doctest: ${message}\n`);
  process.exit(EXIT_USAGE);
}

const majors = opts.nodes.split(',').map((m) => {
  if (!SUPPORTED_MAJORS.includes(Number(m))) usage(`unsupported Node ${JSON.stringify(m)}`);
  return Number(m);
});
/** The command's script in a checkout: in the tsdoctest package, or at the top (before it was one). */
const BIN_PLACES = ['src/doctest/bin/tsdoctest.js', 'bin/tsdoctest.js'];
const baselineBin =
  opts.baseline &&
  (BIN_PLACES.map((bin) => path.resolve(opts.baseline ?? '', bin)).find(existsSync) ??
    usage(`no ${BIN_PLACES.join(' or ')} in ${opts.baseline}`));
let nodes: { label: string; binary: string }[];
try {
  nodes = majors.map((major) => {
    const binary = nodeBinary(major);
    const version = spawnSync(binary, ['--version'], { encoding: 'utf8' }).stdout.trim();
    return { label: `Node ${version}`, binary };
  });
} catch (error) {
  if (error instanceof InstallError) usage(error.message);
  throw error;
}

/** The commands timed side by side in one row: a label each, and how to run it. */
type Row = { name: string; columns: { label: string; command: string[] }[]; warm: boolean };

const shownLoad = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

/** Time a row: `runs` rounds, each running every column once (after one run to fill caches). */
function measure(row: Row): Map<string, Time> {
  if (row.warm) for (const { command } of row.columns) timed(command);
  const times = new Map(row.columns.map(({ label }) => [label, [] as Time[]]));
  for (let i = 0; i < opts.runs; i++)
    for (const { label, command } of row.columns) times.get(label)?.push(timed(command));
  const medians = new Map<string, Time>();
  for (const [label, runs] of times)
    medians.set(label, {
      wall: median(runs.map((t) => t.wall)),
      cpu: median(runs.map((t) => t.cpu)),
    });
  const cells = [...medians].map(
    ([label, t]) => `${label}: ${t.wall.toFixed(2)} s wall, ${t.cpu.toFixed(2)} s CPU`,
  );
  console.log(`${row.name}\n  ${cells.join('\n  ')}`);
  return medians;
}

/** tsdoctest under each Node (and the baseline's, if given) with `args`. */
function tsdoctest(args: string[]): { label: string; command: string[] }[] {
  return nodes.flatMap(({ label, binary }) => [
    { label, command: [binary, path.join(ROOT, 'src/doctest/bin/tsdoctest.js'), ...args] },
    ...(baselineBin
      ? [{ label: `${label}, baseline`, command: [binary, baselineBin, ...args] }]
      : []),
  ]);
}

const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

/** The plugin's settings README.md recommends, and none (Vitest's defaults: a process per file). */
const VITEST_SETTINGS = [
  { name: 'Vitest, recommended', args: ['--no-isolate', '--pool=threads'] },
  { name: 'Vitest, defaults', args: [] },
];

/** The corpus as Vitest runs it through tsdoctest's plugin, beside `tsdoctest` (caches kept). */
function vitestRow(tsDir: string): void {
  const config = path.join(ROOT, 'scripts/bench/vitest-doctest.config.ts');
  const vitest = path.join(ROOT, 'node_modules/vitest/vitest.mjs');
  const times = measure({
    name: 'corpus under Vitest (tsdoctest/vitest), caches kept',
    columns: nodes.flatMap(({ label, binary }) => [
      {
        label: `${label}, tsdoctest`,
        command: [binary, path.join(ROOT, 'src/doctest/bin/tsdoctest.js'), tsDir],
      },
      ...VITEST_SETTINGS.map(({ name, args }) => ({
        label: `${label}, ${name}`,
        command: [binary, vitest, 'run', '--config', config, '--root', tsDir, ...args],
      })),
    ]),
    warm: true,
  });
  for (const { label } of nodes) {
    const command = times.get(`${label}, tsdoctest`);
    if (!command) continue;
    const cells = VITEST_SETTINGS.map(({ name }) => {
      const t = times.get(`${label}, ${name}`);
      return t
        ? `${name} ${ratio(t.wall, command.wall)} wall, ${ratio(t.cpu, command.cpu)} CPU`
        : '';
    });
    console.log(`ratio Vitest / tsdoctest, ${label}: ${cells.join('; ')}`);
  }
}

const dir = mkdtempSync(path.join(tmpdir(), 'tsdoctest-bench-'));
try {
  console.log(`load average at start: ${shownLoad()} (${opts.runs} runs per figure, medians)`);
  const { tsDir, pyFiles } = generate(dir, opts.files);
  const examples = opts.files * FUNCTIONS_PER_FILE * EXAMPLES_PER_FUNCTION;
  console.log(
    `corpus: ${opts.files} files × ${FUNCTIONS_PER_FILE * EXAMPLES_PER_FUNCTION} examples = ${examples} examples (${dir})`,
  );
  // The command against CPython first, unless only the Vitest figures are asked for.
  if (!opts.vitestOnly) {
    const python = spawnSync('python3', ['--version'], { encoding: 'utf8' });
    const pythonColumns = (args: string[]) =>
      python.status === 0
        ? [{ label: `${python.stdout.trim()}`, command: ['python3', ...args] }]
        : [];
    // Both tools keep work between runs: tsdoctest its parsed and compiled files, Python its
    // bytecode (__pycache__). Each is timed without (a first run) and as a later run finds them.
    const cold = measure({
      name: 'corpus, --no-cache (python3 -B -m doctest)',
      columns: [
        ...tsdoctest(['--no-cache', tsDir]),
        ...pythonColumns(['-B', '-m', 'doctest', ...pyFiles]),
      ],
      warm: false,
    });
    const warm = measure({
      name: 'corpus, caches kept (python3 -m doctest, __pycache__ kept)',
      columns: [...tsdoctest([tsDir]), ...pythonColumns(['-m', 'doctest', ...pyFiles])],
      warm: true,
    });
    const pythonLabel = pythonColumns([])[0]?.label;
    if (pythonLabel) {
      for (const { label } of nodes) {
        const [c, p, w, pw] = [
          cold.get(label),
          cold.get(pythonLabel),
          warm.get(label),
          warm.get(pythonLabel),
        ];
        if (!c || !p || !w || !pw) continue;
        console.log(
          `ratio tsdoctest / CPython doctest, ${label}: --no-cache ${ratio(c.wall, p.wall)} wall, ${ratio(c.cpu, p.cpu)} CPU; caches kept ${ratio(w.wall, pw.wall)} wall, ${ratio(w.cpu, pw.cpu)} CPU`,
        );
      }
    } else {
      console.log('python3 not found: no CPython doctest comparison');
    }
    measure({
      name: 'src/domain, --no-cache',
      columns: tsdoctest(['--no-cache', 'src/domain']),
      warm: false,
    });
    measure({ name: 'src/domain, caches kept', columns: tsdoctest(['src/domain']), warm: true });
    measure({
      name: 'src (npm run test:doctest), caches kept',
      columns: tsdoctest(['src']),
      warm: true,
    });
  }
  // Before the scaling files join the corpus's folder.
  vitestRow(tsDir);
  if (!opts.vitestOnly) {
    // Time per doc comment should not grow with their number in a file (issue 16: 4,000 comments
    // in at most 4.5 times the time of 1,000).
    const scaling = [1000, 2000, 4000].map((comments) => ({
      comments,
      times: measure({
        name: `one file of ${comments} doc comments, --no-cache`,
        columns: tsdoctest(['--no-cache', generateComments(path.join(dir, 'ts'), comments)]),
        warm: false,
      }),
    }));
    for (const { label } of nodes) {
      const [one, , four] = scaling.map((s) => s.times.get(label));
      if (!one || !four) continue;
      console.log(
        `ratio 4,000 / 1,000 comments, ${label}: ${ratio(four.wall, one.wall)} wall, ${ratio(four.cpu, one.cpu)} CPU`,
      );
    }
  }
  console.log(`load average at end: ${shownLoad()}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
