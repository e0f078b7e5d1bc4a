/**
 * Watch mode: verify the current exercise on every save, move on when it is
 * accepted. Keys (raw mode on a TTY): h hint, n next, l list, r reset (then
 * y to confirm), q quit. Without a TTY the same commands come one per line
 * (`h` or `hint`, ...); input that ends without a quit stops watching with
 * one line on why, and exit code 2 (say, stdin from /dev/null or CI).
 */
import { createInterface } from 'node:readline';
import { type FSWatcher, watch as watchFiles } from 'chokidar';
import pc from 'picocolors';
import type { Exercise } from '../../exercises/exercises.ts';
import { EXIT_USAGE } from '../cli/usage.ts';
import { exerciseById } from './exercise-lookup.ts';
import { saveState } from './state.ts';
import type { Workshop } from './workshop.ts';

/** The terminal the workshop talks to (a test passes its own streams). */
export interface CliIo {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

const KEYS = 'keys: h hint · n next · l list · r reset · q quit';

const COMMANDS: Record<string, string> = {
  h: 'hint',
  hint: 'hint',
  n: 'next',
  next: 'next',
  l: 'list',
  list: 'list',
  r: 'reset',
  reset: 'reset',
  q: 'quit',
  quit: 'quit',
  y: 'yes',
  yes: 'yes',
  '\u0003': 'quit', // Ctrl-C in raw mode
};

export async function watch(workshop: Workshop, io: CliIo): Promise<number> {
  const say = (text: string) => io.stdout.write(`${text}\n`);
  const state = await workshop.state();
  const first = state.current ? exerciseById(state.current) : await workshop.nextPending();
  if (!first) {
    say(pc.green('every exercise is done. Name one with "verify <id>" to try it again.'));
    return 0;
  }

  let current: Exercise = first;
  let watcher: FSWatcher | undefined;
  let confirmingReset = false;
  let queue = Promise.resolve();

  /**
   * Queue a verification of `ex`; dropped if the learner has moved on by then.
   * A run that fails outright (say, its runner process died) is reported in
   * one line and watching goes on: the next save starts a fresh runner.
   */
  const verifyNow = (ex: Exercise) => {
    queue = queue.then(async () => {
      if (ex !== current) return;
      say(pc.dim(`verifying ${current.id} ...`));
      try {
        const { verdict, report } = await workshop.verify(current);
        say(report);
        if (verdict.accepted) await moveTo(await workshop.nextPending(current.id), 'next');
      } catch (err) {
        say(pc.red(`could not verify ${ex.id}: ${(err as Error).message}; save again to retry`));
      }
    });
    return queue;
  };

  async function moveTo(ex: Exercise | undefined, why: string): Promise<void> {
    if (!ex) {
      say(pc.green('every exercise is done. Well caught! Press q to quit.'));
      return;
    }
    current = ex;
    await saveState(workshop.stateFile, { ...(await workshop.state()), current: ex.id });
    const { file, created } = await workshop.ensureLearnerFile(ex);
    await watcher?.close();
    // awaitWriteFinish: one verification per save, not one per write chunk.
    watcher = watchFiles(file, {
      ignoreInitial: true,
      awaitWriteFinish: { stabilityThreshold: 50 },
    });
    watcher.on('change', () => void verifyNow(ex));
    await new Promise<void>((resolve) => watcher?.once('ready', () => resolve()));
    say(
      `\n${pc.cyan(`── ${why}:`)} ${await workshop.task(ex)}${created ? pc.dim(' (new copy of the starter)') : ''}`,
    );
    say(pc.dim(KEYS));
  }

  await moveTo(current, 'exercise');
  await verifyNow(current);

  /** A quit was asked for (set at once: the input may end before it runs). */
  let quitAsked = false;
  /** The input ended without a quit. */
  let inputEnded = false;
  await new Promise<void>((resolve) => {
    const tty = io.stdin.isTTY === true && typeof io.stdin.setRawMode === 'function';
    const stop = () => {
      if (tty) io.stdin.setRawMode?.(false);
      lines?.close();
      io.stdin.off('data', onKey);
      io.stdin.pause();
      resolve();
    };
    const handle = (input: string) => {
      const command = COMMANDS[input.trim().toLowerCase()] ?? COMMANDS[input];
      if (command === 'quit') quitAsked = true;
      queue = queue.then(() => run(command, stop));
    };
    const onKey = (chunk: Buffer | string) => handle(String(chunk));
    let lines: ReturnType<typeof createInterface> | undefined;
    if (tty) {
      io.stdin.setRawMode?.(true);
      io.stdin.on('data', onKey);
      io.stdin.resume();
    } else {
      lines = createInterface({ input: io.stdin });
      lines.on('line', handle);
      lines.on('close', () => {
        inputEnded = !quitAsked;
        queue = queue.then(stop);
      });
    }
  });

  async function run(command: string | undefined, stop: () => void): Promise<void> {
    const wasConfirming = confirmingReset;
    confirmingReset = false;
    switch (command) {
      case 'hint':
        say(await workshop.hint(current));
        break;
      case 'next':
        await moveTo(await workshop.nextPending(current.id), 'next');
        break;
      case 'list':
        say(await workshop.list());
        break;
      case 'reset':
        confirmingReset = true;
        say(`reset ${current.id} to the starter, losing your changes? press y to confirm`);
        break;
      case 'yes':
        if (wasConfirming) say(await workshop.reset(current));
        break;
      case 'quit':
        stop();
        return;
      default:
        say(pc.dim(KEYS));
    }
  }

  await queue;
  await watcher?.close();
  if (!inputEnded) return 0;
  io.stderr.write(
    'workshop: watch stopped: its input ended, and it is not a terminal to read keys from (run it in a terminal, end the input with "q", or use "verify" to check once)\n',
  );
  return EXIT_USAGE;
}
