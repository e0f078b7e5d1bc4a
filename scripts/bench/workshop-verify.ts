/**
 * Benchmark: `workshop verify` of one exercise including all its variants
 * (the real code, its wheats and its chaffs).
 *
 *   tsx scripts/bench/workshop-verify.ts [exercise-id] [--rounds N] [--cold N]
 *
 * - cold (CLI): a fresh `workshop verify --file <solution>` process, start to
 *   exit; the median of --cold runs, since one sample on a shared machine says little.
 * - cold (in-process): a new runner's first run of every variant.
 * - warm: the same live runner re-verifying after the file is saved again,
 *   as watch mode does.
 * - reference, measured in the same run: one process per variant, the way a
 *   naive runner would do it, so the ratio shows what one shared process buys.
 *
 * Targets (2-core machine): cold <= 3 s, warm <= 1 s. Prints figures; never fails on them.
 */
import { spawnSync } from 'node:child_process';
import { utimes } from 'node:fs/promises';
import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { createProgram, integerIn } from '../../src/cli/usage.ts';
import { ChildRunner } from '../../src/workshop/child-runner.ts';
import {
  exerciseById,
  repoRoot,
  solutionPath,
  variantsOf,
} from '../../src/workshop/exercise-lookup.ts';

const program = createProgram('workshop-verify-bench', 'Time workshop verify, cold and warm.')
  .argument('[id]', 'exercise id', 'sinon-stub')
  .option('--rounds <n>', 'warm reruns to time', integerIn(1, 50), 5)
  .option('--cold <n>', 'cold CLI runs to time', integerIn(1, 20), 3)
  .option('--one-variant', 'internal: run the real code only, once (the reference)')
  .parse();
const [id = 'sinon-stub'] = program.args;
const { rounds, cold, oneVariant } = program.opts<{
  rounds: number;
  cold: number;
  oneVariant?: boolean;
}>();

let ex: ReturnType<typeof exerciseById>;
try {
  ex = exerciseById(id);
} catch (err) {
  console.error(`workshop-verify-bench: ${(err as Error).message}`);
  process.exit(2);
}
const file = solutionPath(ex);
const variants = variantsOf(ex);

function timeProcess(args: string[]): number {
  const start = performance.now();
  // Launched the way `npm run workshop` launches the CLI: tsx's loader in this node, no extra process.
  const result = spawnSync(process.execPath, ['--import', 'tsx', ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  const ms = performance.now() - start;
  if (result.status !== 0)
    throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return ms;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

if (oneVariant) {
  const runner = new ChildRunner(ex.framework);
  await runner.run([{ file, variants: variants.slice(0, 1) }]);
  await runner.close();
  process.exit(0);
}

// A shared machine skews every figure: say how busy it was, before and after.
const loadBefore = loadavg()[0] ?? 0;

// Cold, as a learner runs it: a whole new process.
const coldRuns = Array.from({ length: cold }, () =>
  timeProcess(['src/workshop/cli.ts', 'verify', ex.id, '--file', file]),
);
const coldCli = median(coldRuns);

// Cold and warm inside one process, as watch mode runs it.
const runner = new ChildRunner(ex.framework);
let start = performance.now();
const [first] = await runner.run([{ file, variants }]);
const coldInProcess = performance.now() - start;
if (first?.[0]?.status !== 'passed')
  throw new Error(`the solution did not pass: ${first?.[0]?.message}`);
const warm: number[] = [];
for (let i = 0; i < rounds; i++) {
  const now = new Date();
  await utimes(file, now, now); // "saved again"
  start = performance.now();
  await runner.run([{ file, variants }]);
  warm.push(performance.now() - start);
}
await runner.close();

// Reference: one cold framework process per variant (the real code, each wheat, each chaff).
const perVariant = variants.map(() =>
  timeProcess(['scripts/bench/workshop-verify.ts', ex.id, '--one-variant']),
);
const oneCold = median(perVariant);
const naive = oneCold * variants.length;

const wheats = variants.filter((v) => v.kind === 'wheat').length;
console.log(
  `workshop verify ${ex.id} (${ex.framework}, real + ${wheats} wheat(s) + ${ex.chaffs.length} chaffs)`,
);
const loadAfter = loadavg()[0] ?? 0;
console.log(
  `  machine: ${availableParallelism()} cores, load average ${loadBefore.toFixed(2)} at start, ${loadAfter.toFixed(2)} at end`,
);
console.log(
  `  cold, new CLI process:        ${s(coldCli)}   target <= 3.00 s  (median of ${cold}; ${coldRuns.map(s).join(', ')})`,
);
console.log(`  cold, first run in-process:   ${s(coldInProcess)}`);
console.log(`  warm, median of ${rounds} reruns:    ${s(median(warm))}   target <= 1.00 s`);
console.log(
  `  reference, one process per variant: ${s(naive)} (${variants.length} x ${s(oneCold)})`,
);
console.log(`  ratio cold CLI / reference:   ${(coldCli / naive).toFixed(2)}`);
console.log(`  ratio warm / cold CLI:        ${(median(warm) / coldCli).toFixed(2)}`);
