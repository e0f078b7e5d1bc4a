// Only verify's own verdict marks an exercise done: a learner's test that
// writes the state file, and leaves a process behind to write it again after
// the run, changes nothing (exercises/samples/forges-state.test.ts).
import { copyFile, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import stripAnsi from 'strip-ansi';
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { ChildRunner } from '../../../src/workshop/child-runner.ts';
import { exerciseById, repoRoot } from '../../../src/workshop/exercise-lookup.ts';
import { loadState, saveState } from '../../../src/workshop/state.ts';
import { Workshop } from '../../../src/workshop/workshop.ts';
import { type TempWorkspace, tempWorkspace } from './temp-workspace.ts';

const RUN_TIMEOUT = 120_000;

/** Is `pid` a live process (not a zombie waiting to be reaped)? */
async function alive(pid: number): Promise<boolean> {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  return !/\) Z /.test(stat);
}

let ws: TempWorkspace;
let pids: number[] = [];
beforeEach(async () => {
  ws = await tempWorkspace();
});
afterEach(async () => {
  // Should the runner have missed one, do not leave it writing forever.
  for (const pid of pids) if (await alive(pid)) process.kill(pid, 'SIGKILL');
  pids = [];
  await ws.remove();
});

describe('a learner test that forges the state file', () => {
  it(
    'has its changes undone and reported, and its processes ended with the run',
    async () => {
      const ex = exerciseById('sinon-stub');
      const workshop = new Workshop({ workspace: ws.dir, stateFile: ws.stateFile });
      const before = { done: ['return-value'], hintsShown: { 'sinon-stub': 1 } };
      await saveState(ws.stateFile, before);
      const copy = workshop.fileOf(ex);
      await workshop.ensureLearnerFile(ex);
      await copyFile(resolve(repoRoot, 'exercises/samples/forges-state.test.ts'), copy);

      let report: string;
      try {
        ({ report } = await workshop.verify(ex));
      } finally {
        await workshop.close();
      }
      pids = (await readFile(resolve(copy, '../forger.pids'), 'utf8'))
        .trim()
        .split('\n')
        .map(Number);
      // One forger per variant: the real code, the wheat, three chaffs.
      expect(pids).toHaveLength(5);
      for (const pid of pids) expect(await alive(pid), `forger ${pid}`).toBe(false);

      expect(stripAnsi(report)).toMatch(
        /^your test changed .*state\.json during the run: the change was undone \(only verify marks an exercise done\)\nrejected: /,
      );
      expect(await loadState(ws.stateFile)).toEqual(before);
      await expect(workshop.solution(ex)).rejects.toThrow('finish sinon-stub first');
    },
    RUN_TIMEOUT,
  );

  it('when accepted, is marked done from the state read before the run', async () => {
    const ex = exerciseById('return-value');
    const workshop = new Workshop({ workspace: ws.dir, stateFile: ws.stateFile });
    await saveState(ws.stateFile, { done: [], hintsShown: {} });
    // The run itself forges the file, as the learner's test would.
    const run = vi.spyOn(ChildRunner.prototype, 'run').mockImplementation(async () => {
      await saveState(ws.stateFile, { done: ['spec-class'], hintsShown: {} });
      const passed = { status: 'passed', passed: 1, failed: 0, skipped: 0 } as const;
      const failed = { status: 'failed', passed: 0, failed: 1, skipped: 0 } as const;
      return [
        [
          { variant: 'real', ...passed },
          { variant: 'salary-rewritten', ...passed },
          ...ex.chaffs.map((variant) => ({ variant, ...failed })),
        ],
      ];
    });
    onTestFinished(() => run.mockRestore());
    const { verdict, report } = await workshop.verify(ex);
    expect(verdict.accepted).toBe(true);
    expect(stripAnsi(report)).toContain('the change was undone');
    expect((await loadState(ws.stateFile)).done).toEqual(['return-value']);
  });
});
