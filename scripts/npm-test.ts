/**
 * `npm test`: every check of the project, as npm scripts run side by side, at
 * most `--jobs` at a time (default 2: the steps are busy processes, a core
 * each). Each step's output is printed in one piece when it ends, then a line
 * `npm-test: <step> passed in 12.3 s` (scripts/bench/npm-test.ts reads these).
 * After a failure no new step starts; the running ones finish. Exit 0 when
 * every step passed, 1 otherwise, 2 for a usage error.
 *
 *   tsx scripts/npm-test.ts [--jobs 2]
 */
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createProgram, integerIn } from '../src/cli/usage.ts';

export interface Step {
  /** The npm script. */
  script: string;
  /** A step that must have passed first: it writes what this one reads. */
  after?: string;
}

/**
 * The steps, longest first so they start early. The project's tests come
 * after the coverage run: the comparison they run reads the coverage figures
 * it writes (coverage/side-by-side.json), and both write reports/junit/.
 */
export const STEPS: readonly Step[] = [
  { script: 'coverage' },
  { script: 'lint' },
  { script: 'typecheck' },
  { script: 'test:doctest' },
  { script: 'test:vitest:doctest' },
  { script: 'test:python' },
  { script: 'workshop:check' },
  { script: 'test:project:coverage', after: 'coverage' },
];

export type Outcome = 'passed' | 'failed';

export interface RunOptions {
  jobs: number;
  /** The package whose scripts run. */
  cwd: string;
  write: (text: string | Buffer) => void;
}

/** Run one step with its output held back; print it in one piece when the step ends. */
function runStep(script: string, opts: RunOptions, running: Set<ChildProcess>): Promise<Outcome> {
  const { cwd, write } = opts;
  return new Promise((resolve) => {
    const started = performance.now();
    write(`npm-test: ${script} started\n`);
    const child = spawn('npm', ['run', script], {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      shell: process.platform === 'win32',
    });
    running.add(child);
    const output: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
    const done = (outcome: Outcome, why = '') => {
      running.delete(child);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      write(`\n──── npm run ${script} ────\n`);
      write(Buffer.concat(output));
      write(`${why}npm-test: ${script} ${outcome} in ${seconds} s\n`);
      resolve(outcome);
    };
    child.on('error', (err) => done('failed', `could not start npm: ${err.message}\n`));
    child.on('close', (code) => done(code === 0 ? 'passed' : 'failed'));
  });
}

/** Run the steps, at most `jobs` at a time, each once what it comes after has passed. */
export async function runSteps(
  steps: readonly Step[],
  opts: RunOptions,
): Promise<Map<string, Outcome>> {
  const outcomes = new Map<string, Outcome>();
  const running = new Set<ChildProcess>();
  // Stopped from outside: stop the steps too, rather than leave them running.
  const stop = (signal: NodeJS.Signals) => {
    for (const child of running) child.kill(signal);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.on('SIGINT', stop).on('SIGTERM', stop);
  try {
    return await schedule(steps, opts, running, outcomes);
  } finally {
    process.off('SIGINT', stop).off('SIGTERM', stop);
  }
}

async function schedule(
  steps: readonly Step[],
  opts: RunOptions,
  running: Set<ChildProcess>,
  outcomes: Map<string, Outcome>,
): Promise<Map<string, Outcome>> {
  const waiting = [...steps];
  const active = new Set<Promise<void>>();
  const failed = () => [...outcomes.values()].includes('failed');
  while (waiting.length > 0 && !failed()) {
    const ready = waiting.findIndex((s) => !s.after || outcomes.get(s.after) === 'passed');
    if (ready >= 0 && active.size < opts.jobs) {
      const [step] = waiting.splice(ready, 1) as [Step];
      const job = runStep(step.script, opts, running).then((outcome) => {
        outcomes.set(step.script, outcome);
        active.delete(job);
      });
      active.add(job);
    } else if (active.size > 0) {
      await Promise.race(active);
    } else {
      break; // Nothing runs and nothing can start: a step waits for one that is not listed.
    }
  }
  await Promise.all(active);
  return outcomes;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const program = createProgram('npm-test', 'Run every check of the project.')
    .option('--jobs <n>', 'how many steps run at the same time', integerIn(1, 16), 2)
    .parse(process.argv);
  const { jobs } = program.opts<{ jobs: number }>();
  const cwd = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const started = performance.now();
  const outcomes = await runSteps(STEPS, { jobs, cwd, write: (t) => process.stdout.write(t) });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const notRun = STEPS.filter((s) => !outcomes.has(s.script)).map((s) => s.script);
  const failedSteps = [...outcomes].filter(([, o]) => o === 'failed').map(([s]) => s);
  if (failedSteps.length === 0 && notRun.length === 0) {
    console.log(`\nnpm test: all ${STEPS.length} steps passed in ${seconds} s`);
  } else {
    console.log(`\nnpm test: failed in ${seconds} s: ${failedSteps.join(', ')}`);
    if (notRun.length > 0) console.log(`not run after the failure: ${notRun.join(', ')}`);
    process.exitCode = 1;
  }
}
