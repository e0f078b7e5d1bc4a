/**
 * `npm run bench:npm-test`: how long `npm test` takes from a fresh clone. The
 * committed tree (`--ref`, default HEAD) is cloned into a temporary folder and
 * installed with `npm ci` (not counted); each run then starts as a fresh clone
 * does (untracked files and the tools' caches removed, a temp folder of its
 * own, `npx jest --clearCache`) and times `npm test` with `CI` unset. Prints each run, then
 * the median of `--runs` runs (default 3) per step: the steps are read from
 * the step runner's summary lines (scripts/npm-test.ts) or, for a plain
 * `a && b` chain, from npm's `> pkg@version script` banners. Steps that run
 * side by side overlap, so their shares of the total can add up to more than
 * 100%. The load average is printed at the start and the end of every run:
 * on a shared machine a figure means little without it.
 *
 *   tsx scripts/bench/npm-test.ts [--runs 3] [--ref HEAD] [--keep]
 *
 * A benchmark that prints figures, never a timed test.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createProgram, integerIn } from '../../src/cli/usage.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The step runner's summary line (scripts/npm-test.ts): `npm-test: <step> <passed|failed> in <s> s`. */
const STEP_LINE = /^npm-test: (\S+) (passed|failed) in ([\d.]+) s$/;

/** The line after npm test's output, before the shell's `times`. */
const CPU_MARK = '--- bench: times ---';

/** Caches under node_modules that a fresh `npm ci` does not have (Vitest's, tsdoctest's). */
const TOOL_CACHES = ['node_modules/.vite', 'node_modules/.cache/tsdoctest'];

interface Run {
  total: number;
  /** user + sys CPU seconds of npm test and every process under it (the shell's `times`). */
  cpu: number;
  code: number;
  steps: Map<string, number>;
  load: [string, string];
}

const load = (): string =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

const median = (xs: number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const at = (i: number) => sorted[i] ?? Number.NaN;
  return sorted.length % 2 ? at(mid) : (at(mid - 1) + at(mid)) / 2;
};

/** Run a set-up command in the clone; stop the bench with its output if it fails. */
function setup(cwd: string, command: string, args: string[], env = process.env): void {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8' });
  if (result.status !== 0) {
    console.error(`error: ${command} ${args.join(' ')} failed:\n${result.stdout}${result.stderr}`);
    process.exit(1);
  }
}

/**
 * The steps of a plain `npm run a && npm run b` chain: each starts at its npm
 * banner and ends where the next one starts (or where `npm test` ends).
 */
function chainSteps(testScript: string): string[] {
  return testScript
    .split('&&')
    .map((part) => part.trim().match(/^npm run (\S+)$/)?.[1])
    .filter((name): name is string => name !== undefined);
}

/** Time `npm test` in `cwd`, its steps from its own output. */
function timeNpmTest(
  cwd: string,
  chain: string[],
  log: string,
  env: NodeJS.ProcessEnv,
): Promise<Run> {
  return new Promise((resolve) => {
    const start = performance.now();
    const loadAtStart = load();
    // `times` after npm test: the CPU time of everything it ran, whatever else the machine does.
    const child = spawn('sh', ['-c', 'npm test; code=$?; echo "$0"; times; exit $code', CPU_MARK], {
      cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const steps = new Map<string, number>();
    const reported = new Map<string, number>();
    let current: { name: string; at: number } | undefined;
    const lines: string[] = [];
    let cpu = Number.NaN;
    let afterMark = false;
    let pending = '';
    const onData = (chunk: Buffer) => {
      const now = performance.now();
      pending += chunk.toString('utf8');
      const parts = pending.split('\n');
      pending = parts.pop() ?? '';
      for (const line of parts) {
        if (line === CPU_MARK) afterMark = true;
        const times = afterMark ? line.match(/^(\d+)m([\d.]+)s (\d+)m([\d.]+)s$/) : null;
        // The second line of `times` is the children's: user, then sys.
        if (times)
          cpu = 60 * Number(times[1]) + Number(times[2]) + 60 * Number(times[3]) + Number(times[4]);
        if (afterMark) continue;
        lines.push(line);
        const summary = line.match(STEP_LINE);
        if (summary?.[1]) reported.set(summary[1], Number(summary[3]));
        const banner = line.match(/^> \S+@\S+ (\S+)$/)?.[1];
        if (banner && chain.includes(banner) && !steps.has(banner)) {
          if (current) steps.set(current.name, (now - current.at) / 1000);
          current = { name: banner, at: now };
          steps.set(banner, Number.NaN);
        }
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('close', (code) => {
      const end = performance.now();
      if (current) steps.set(current.name, (end - current.at) / 1000);
      if (!afterMark) lines.push(pending);
      writeFileSync(log, lines.join('\n'));
      resolve({
        total: (end - start) / 1000,
        cpu,
        code: code ?? 1,
        steps: reported.size > 0 ? reported : steps,
        load: [loadAtStart, load()],
      });
    });
  });
}

const program = createProgram('bench:npm-test', 'Time `npm test` from a fresh clone.')
  .option('--runs <n>', 'how many runs to take the median of', integerIn(1, 20), 3)
  .option('--ref <ref>', 'the commit to clone and time', 'HEAD')
  .option('--keep', 'keep the clone (its path is printed)')
  .parse(process.argv);
const { runs, ref, keep } = program.opts<{ runs: number; ref: string; keep?: boolean }>();

const sha = spawnSync('git', ['rev-parse', '--verify', `${ref}^{commit}`], {
  cwd: ROOT,
  encoding: 'utf8',
});
if (sha.status !== 0) program.error(`error: --ref ${ref} is not a commit of ${ROOT}`);
const commit = sha.stdout.trim();

const dir = mkdtempSync(path.join(tmpdir(), 'test-dojo-bench-'));
const clone = path.join(dir, 'test-dojo');
console.log(`Load average at the start: ${load()}`);
console.log(`Cloning ${commit.slice(0, 12)} into ${clone} and installing (npm ci, not counted)…`);
setup(dir, 'git', ['clone', '--quiet', '--no-checkout', ROOT, clone]);
setup(clone, 'git', ['checkout', '--quiet', '--detach', commit]);
const installStart = performance.now();
setup(clone, 'npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund']);
console.log(`npm ci: ${((performance.now() - installStart) / 1000).toFixed(1)} s`);

const pkg = JSON.parse(readFileSync(path.join(clone, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
};
const chain = chainSteps(pkg.scripts.test ?? '');
// Jest keeps its cache in the temp folder, shared with every other checkout on
// the machine: the runs get a temp folder of their own, so clearing it touches
// nobody else's cache. CI unset: npm test as a learner runs it.
const scratch = path.join(dir, 'tmp');
const env: NodeJS.ProcessEnv = { ...process.env, TMPDIR: scratch };
delete env.CI;
const results: Run[] = [];
for (let i = 1; i <= runs; i++) {
  // As a fresh clone: no reports, coverage or caches of the last run.
  setup(clone, 'git', ['clean', '-ffdxq', '-e', 'node_modules']);
  for (const cache of TOOL_CACHES)
    rmSync(path.join(clone, cache), { recursive: true, force: true });
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch);
  setup(clone, 'npx', ['jest', '--clearCache'], env);
  const run = await timeNpmTest(clone, chain, path.join(dir, `run-${i}.log`), env);
  results.push(run);
  console.log(
    `run ${i}/${runs}: ${run.total.toFixed(1)} s (CPU ${run.cpu.toFixed(0)} s), exit ${run.code}, load ${run.load[0]} -> ${run.load[1]}` +
      ` (output: ${path.join(dir, `run-${i}.log`)})`,
  );
  console.log(
    `  steps: ${[...run.steps].map(([name, t]) => `${name} ${t.toFixed(1)} s`).join(', ')}`,
  );
}

const total = median(results.map((r) => r.total));
const names = [...new Set(results.flatMap((r) => [...r.steps.keys()]))];
const rows = names.map((name): [string, string, string] => {
  const s = median(results.map((r) => r.steps.get(name) ?? Number.NaN).filter(Number.isFinite));
  return [name, s.toFixed(1), `${((100 * s) / total).toFixed(0)}%`];
});
rows.unshift(['step', 'median s', 'share']);
rows.push(['npm test (total)', total.toFixed(1), '100%']);
const cpu = median(results.map((r) => r.cpu).filter(Number.isFinite));
const nameWidth = Math.max(...rows.map((r) => r[0].length));
console.log(`\nnpm test at ${commit.slice(0, 12)}, median of ${runs} run(s):`);
for (const [name, s, share] of rows)
  console.log(`${name.padEnd(nameWidth)}  ${s.padStart(8)}  ${share.padStart(5)}`);
console.log(`CPU time (user + sys, all processes), median: ${cpu.toFixed(0)} s`);
console.log(`Load average at the end: ${load()}`);
if (keep) console.log(`Clone kept: ${clone}`);
else rmSync(clone, { recursive: true, force: true });
process.exitCode = results.every((r) => r.code === 0) ? 0 : 1;
