// Watch mode driven by a script: a fake stdin (line mode, or raw keys as on a
// TTY), a real file change on disk, and waits only for printed events.
import { copyFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import stripAnsi from 'strip-ansi';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  exerciseById,
  exercises,
  repoRoot,
  solutionPath,
} from '../../../src/workshop/exercise-lookup.ts';
import { loadState, saveState } from '../../../src/workshop/state.ts';
import { watch } from '../../../src/workshop/watch.ts';
import { Workshop } from '../../../src/workshop/workshop.ts';
import { type TempWorkspace, tempWorkspace } from './temp-workspace.ts';

const RUN_TIMEOUT = 180_000;

/** Collects what watch mode prints and resolves when a pattern shows up. */
class Screen {
  readonly stream = new PassThrough();
  text = '';
  private waiters: Array<{ pattern: RegExp; from: number; resolve: () => void }> = [];

  constructor() {
    this.stream.on('data', (chunk) => {
      this.text += stripAnsi(String(chunk));
      this.waiters = this.waiters.filter((w) => {
        const hit = w.pattern.test(this.text.slice(w.from));
        if (hit) w.resolve();
        return !hit;
      });
    });
  }

  /** Wait for `pattern` in output printed from now on (or from `from`). */
  waitFor(pattern: RegExp, from = this.text.length): Promise<void> {
    if (pattern.test(this.text.slice(from))) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ pattern, from, resolve }));
  }
}

/** Save the exercise's solution as the learner's file, see it accepted, then quit (exit 0). */
async function solveAndQuit(
  screen: Screen,
  file: string,
  id: string,
  session: { stdin: PassThrough; done: Promise<number> },
): Promise<void> {
  const mark = screen.text.length;
  await copyFile(solutionPath(exerciseById(id)), file);
  await screen.waitFor(/next: /, mark);
  expect(screen.text.slice(mark)).toMatch(new RegExp(`accepted: .*${id}`));
  session.stdin.end('q\n');
  await expect(session.done).resolves.toBe(0);
}

let ws: TempWorkspace;
let workshop: Workshop;
beforeEach(async () => {
  ws = await tempWorkspace();
  workshop = new Workshop({ workspace: ws.dir, stateFile: ws.stateFile });
});
afterEach(async () => {
  await workshop.close();
  await ws.remove();
});

describe('watch mode', () => {
  it(
    'verifies on save, moves on when accepted, and answers line commands',
    async () => {
      await saveState(ws.stateFile, { done: [], hintsShown: {}, current: 'side-effect-function' });
      const stdin = new PassThrough();
      const screen = new Screen();
      const errors = new Screen();
      const done = watch(workshop, { stdin, stdout: screen.stream, stderr: errors.stream });

      await screen.waitFor(/rejected: .*side-effect-function/, 0);
      expect(screen.text).toContain('exercise: side-effect-function: A stand-in that computes');
      expect(screen.text).toContain('keys: h hint · n next · l list · r reset · q quit');

      // The learner saves a good test: watch re-verifies, accepts, moves on.
      const mark = screen.text.length;
      await copyFile(
        solutionPath(exerciseById('side-effect-function')),
        workshop.fileOf(exerciseById('side-effect-function')),
      );
      await screen.waitFor(/next: side-effect-exception/, mark);
      expect(screen.text.slice(mark)).toMatch(/accepted: .*side-effect-function/);
      expect(await loadState(ws.stateFile)).toMatchObject({
        done: ['side-effect-function'],
        current: 'side-effect-exception',
      });

      const command = async (line: string, expected: RegExp) => {
        const wait = screen.waitFor(expected);
        stdin.write(`${line}\n`);
        await wait;
      };
      await command('h', /hint 1\/3 for side-effect-exception/);
      await command('list', /\] 1\/14 done/);
      await command('?', /keys: h hint/);
      await command('n', /next: side-effect-sequence/);
      await command('r', /reset side-effect-sequence to the starter.*press y/);
      await command('y', /side-effect-sequence\/salary\.test\.ts is the starter again/);
      stdin.end('q\n'); // q, then the end of input: a quit, not a stop
      await expect(done).resolves.toBe(0);
      expect(errors.text).toBe('');
    },
    RUN_TIMEOUT,
  );

  it(
    'reads single keys in raw mode on a TTY and quits on q',
    async () => {
      await saveState(ws.stateFile, { done: [], hintsShown: {}, current: 'return-value' });
      const stdin = Object.assign(new PassThrough(), {
        isTTY: true,
        setRawMode: vi.fn(),
      });
      const screen = new Screen();
      const done = watch(workshop, { stdin, stdout: screen.stream, stderr: new PassThrough() });
      await screen.waitFor(/rejected: .*return-value/, 0);
      const hint = screen.waitFor(/hint 1\/3 for return-value/);
      stdin.write('h');
      await hint;
      stdin.write('q');
      await expect(done).resolves.toBe(0);
      expect(stdin.setRawMode.mock.calls).toEqual([[true], [false]]);
    },
    RUN_TIMEOUT,
  );

  it(
    'recovers from a test stuck in an endless loop: the next save verifies normally',
    async () => {
      const ex = exerciseById('sinon-stub');
      // Short, so the test is quick; the watchdog is the only wait.
      const impatient = new Workshop({
        workspace: ws.dir,
        stateFile: ws.stateFile,
        timeLimitMs: 4_000,
      });
      try {
        await saveState(ws.stateFile, { done: [], hintsShown: {}, current: ex.id });
        await impatient.ensureLearnerFile(ex);
        await copyFile(
          resolve(repoRoot, 'exercises/samples/endless-loop.test.ts'),
          impatient.fileOf(ex),
        );
        const stdin = new PassThrough();
        const screen = new Screen();
        const done = watch(impatient, { stdin, stdout: screen.stream, stderr: new PassThrough() });
        await screen.waitFor(/did not finish: nothing happened for 4 s.*endless loop/, 0);

        await solveAndQuit(screen, impatient.fileOf(ex), ex.id, { stdin, done });
      } finally {
        await impatient.close();
      }
    },
    RUN_TIMEOUT,
  );

  it(
    'reports a run that fails outright in one line and keeps watching',
    async () => {
      const ex = exerciseById('return-value');
      await saveState(ws.stateFile, { done: [], hintsShown: {}, current: ex.id });
      vi.spyOn(workshop, 'verify').mockRejectedValueOnce(
        new Error('the test runner process ended early (SIGSEGV)'),
      );
      const stdin = new PassThrough();
      const screen = new Screen();
      const done = watch(workshop, { stdin, stdout: screen.stream, stderr: new PassThrough() });
      await screen.waitFor(
        /could not verify return-value: the test runner process ended early \(SIGSEGV\); save again to retry/,
        0,
      );

      await solveAndQuit(screen, workshop.fileOf(ex), ex.id, { stdin, done });
    },
    RUN_TIMEOUT,
  );

  describe('without a terminal', () => {
    const rejected = {
      verdict: { accepted: false, reasons: ['x'], killed: [], survived: [], failedWheats: [] },
      report: 'rejected: stand-in verdict',
    };

    it('says why it stopped when its input ends without a quit, and exits 2', async () => {
      await saveState(ws.stateFile, { done: [], hintsShown: {}, current: 'return-value' });
      vi.spyOn(workshop, 'verify').mockResolvedValue(rejected);
      const screen = new Screen();
      const errors = new Screen();
      const stdin = new PassThrough();
      const done = watch(workshop, { stdin, stdout: screen.stream, stderr: errors.stream });
      await screen.waitFor(/rejected: stand-in verdict/, 0);
      stdin.end();
      await expect(done).resolves.toBe(2);
      expect(errors.text).toBe(
        'workshop: watch stopped: its input ended, and it is not a terminal to read keys from (run it in a terminal, end the input with "q", or use "verify" to check once)\n',
      );
    });

    it('a q that arrives with the end of input is a quit (exit 0, nothing on stderr)', async () => {
      await saveState(ws.stateFile, { done: [], hintsShown: {}, current: 'return-value' });
      vi.spyOn(workshop, 'verify').mockResolvedValue(rejected);
      const errors = new Screen();
      const stdin = new PassThrough();
      stdin.end('q\n');
      await expect(
        watch(workshop, { stdin, stdout: new Screen().stream, stderr: errors.stream }),
      ).resolves.toBe(0);
      expect(errors.text).toBe('');
    });
  });

  it('says so when every exercise is done', async () => {
    await saveState(ws.stateFile, { done: exercises.map((e) => e.id), hintsShown: {} });
    const screen = new Screen();
    await expect(
      watch(workshop, {
        stdin: new PassThrough(),
        stdout: screen.stream,
        stderr: new PassThrough(),
      }),
    ).resolves.toBe(0);
    expect(screen.text).toMatch(/every exercise is done/);
  });
});
