// Learner tests that never finish: a synchronous endless loop is stopped by
// the runner's watchdog (the runner process is killed, the next run starts a
// fresh one); a promise that never settles is failed by the framework's own
// test timeout, with a message that says what usually causes it.
import type { ChildProcess } from 'node:child_process';
import * as childProcess from 'node:child_process';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FrameworkName } from '../../../specs/jest/setup/lesson-conventions.ts';
import { ChildRunner, TimeLimitError } from '../../../src/workshop/child-runner.ts';
import {
  exerciseById,
  repoRoot,
  solutionPath,
  variantsOf,
} from '../../../src/workshop/exercise-lookup.ts';

vi.mock('node:child_process', async (importOriginal) => {
  const actual = await importOriginal<typeof childProcess>();
  return { ...actual, fork: vi.fn(actual.fork) };
});

/** Short, so the tests are quick: only the watchdog itself waits. */
const LIMIT_MS = 3_000;
const RUN_TIMEOUT = 60_000;

const sample = (name: string) => resolve(repoRoot, 'exercises/samples', name);
const forked = (): ChildProcess[] =>
  vi.mocked(childProcess.fork).mock.results.map((r) => r.value as ChildProcess);

let runner: ChildRunner | undefined;
afterEach(async () => {
  await runner?.close();
  runner = undefined;
  vi.mocked(childProcess.fork).mockClear();
});

describe.each<[FrameworkName, string, string]>([
  ['vitest', 'sinon-stub', 'endless-loop.test.ts'],
  ['jest', 'call-args', 'endless-loop.jest.test.ts'],
])('%s: a test in an endless loop', (framework, id, loop) => {
  it(
    'is stopped after the time limit, its process killed; the next run works',
    async () => {
      const ex = exerciseById(id);
      runner = new ChildRunner(framework, LIMIT_MS);
      const hung = runner.run([{ file: sample(loop), variants: variantsOf(ex) }]);
      await expect(hung).rejects.toThrow(TimeLimitError);
      await expect(hung).rejects.toThrow('made no progress for 3 s');
      const [stuck] = forked();
      expect(stuck?.signalCode).toBe('SIGKILL');

      // Recovery: the same runner starts a fresh process for the next run.
      const [outcomes] = await runner.run([{ file: solutionPath(ex), variants: variantsOf(ex) }]);
      expect(outcomes?.map((o) => o.status)).toEqual([
        'passed', // the real code
        'passed', // the wheat
        ...ex.chaffs.map(() => 'failed'),
      ]);
      expect(forked()).toHaveLength(2);
    },
    RUN_TIMEOUT,
  );
});

describe('a test awaiting a promise that never settles', () => {
  it(
    "fails by the framework's own timeout, with a message a learner can act on",
    async () => {
      const real = variantsOf(exerciseById('sinon-stub')).slice(0, 1);
      // The default time limit: above the frameworks' 5 s test timeout.
      const vitest = new ChildRunner('vitest');
      const jest = new ChildRunner('jest');
      try {
        const [[fromVitest], [fromJest]] = await Promise.all([
          vitest.run([{ file: sample('never-settles.test.ts'), variants: real }]),
          jest.run([{ file: sample('never-settles.jest.test.ts'), variants: real }]),
        ]);
        const expected = {
          variant: 'real',
          status: 'failed',
          passed: 0,
          failed: 1,
          skipped: 0,
          message:
            'waits for a bonus that never comes: did not finish within 5 s: does it wait for a promise that never settles (a stub that never answers, a missing resolve)?',
        };
        expect(fromVitest).toEqual([expected]);
        expect(fromJest).toEqual([expected]);
      } finally {
        await Promise.all([vitest.close(), jest.close()]);
      }
    },
    RUN_TIMEOUT,
  );
});
