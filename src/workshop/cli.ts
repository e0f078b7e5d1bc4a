/**
 * `npm run workshop -- <verb>`: the mocking workshop's runner.
 *
 *   (no verb)                 watch on a terminal, else list
 *   list                      exercises, done/pending, progress bar
 *   verify [id] [--file P]    accepted (exit 0) / rejected (exit 1); usage errors exit 2
 *   watch                     re-verify on save; keys h n l r q
 *   hint [id]                 the next hint
 *   reset <id> [--yes]        restore the starter
 *   solution <id> [--force]   the model solution, once done
 *   check-all [ids...]        maintainers: every solution accepted (wheats passed, chaffs
 *                             caught), every starter rejected
 *
 *   --time-limit <s>          stop a test run that makes no progress for this long (default 15)
 */
import { basename, dirname, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import type { Command } from 'commander';
import pc from 'picocolors';
import type { Exercise } from '../../exercises/exercises.ts';
import { createProgram, EXIT_USAGE, integerIn, UsageError } from '../cli/usage.ts';
import { checkAll } from './check-all.ts';
import { exerciseById, exercises, variantsOf } from './exercise-lookup.ts';
import type { CliIo } from './watch.ts';
import { Workshop, type WorkshopOptions } from './workshop.ts';

const defaultIo: CliIo = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };

/** The exercise a file belongs to, from its folder name (`.../<id>/file.test.ts`). */
function exerciseOfFile(file: string): Exercise {
  const id = basename(dirname(resolve(file)));
  if (exercises.some((e) => e.id === id)) return exerciseById(id);
  throw new UsageError(
    `cannot tell which exercise ${file} is for: name it, e.g. "verify <id> --file ${file}"`,
  );
}

/** The named exercise, else the one in progress, else the first pending one. */
async function pick(workshop: Workshop, id: string | undefined): Promise<Exercise> {
  if (id) return exerciseById(id);
  const { current } = await workshop.state();
  if (current) return exerciseById(current);
  const next = await workshop.nextPending();
  if (!next) throw new UsageError('every exercise is done: name one to work on it again');
  return next;
}

/** Ask a yes/no question; anything but yes, or the end of input, is a no. */
function confirm(io: CliIo, question: string): Promise<boolean> {
  const rl = createInterface({ input: io.stdin, output: io.stdout });
  return new Promise((resolve) => {
    rl.once('close', () => resolve(false));
    rl.question(`${question} [y/N] `, (answer) => {
      resolve(/^y(es)?$/i.test(answer.trim()));
      rl.close();
    });
  });
}

/**
 * Build the program. Each action sets `process.exitCode`; usage errors go
 * through commander (exit 2), our own `UsageError`s are reported the same way.
 */
export function buildProgram(options: WorkshopOptions = {}, io: CliIo = defaultIo): Command {
  const say = (text: string) => io.stdout.write(`${text}\n`);
  let workshop = new Workshop(options);

  /** Run one verb: our usage errors exit 2, anything else 1, runners closed. */
  const act =
    <A extends unknown[]>(body: (...args: A) => Promise<number | undefined>) =>
    async (...args: A) => {
      try {
        process.exitCode = (await body(...args)) ?? 0;
      } catch (err) {
        io.stderr.write(`workshop: ${(err as Error).message}\n`);
        process.exitCode = err instanceof UsageError ? EXIT_USAGE : 1;
      } finally {
        await workshop.close();
      }
    };

  // Loaded on demand: its file watcher is not needed for a one-shot verb.
  const watchMode = async () => (await import('./watch.ts')).watch(workshop, io);

  const program = createProgram(
    'workshop',
    'The mocking workshop: write tests that catch broken code.',
  )
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })
    .option(
      '--time-limit <seconds>',
      'stop a test run after this many seconds without progress, e.g. an endless loop (default 15; keep it above the 5 s test timeout)',
      integerIn(1, 3600),
    )
    .hook('preAction', () => {
      const { timeLimit } = program.opts<{ timeLimit?: number }>();
      if (timeLimit) workshop = new Workshop({ ...options, timeLimitMs: timeLimit * 1000 });
    });
  // No verb: watch on a terminal; otherwise (a pipe, CI) list instead of waiting on stdin.
  program.action(
    act(async () => {
      if (io.stdin.isTTY) return watchMode();
      say(await workshop.list());
      return 0;
    }),
  );

  program
    .command('list')
    .description('exercises with their state and a progress bar')
    .action(
      act(async () => {
        say(await workshop.list());
        return 0;
      }),
    );

  program
    .command('verify [id]')
    .description('run your test against the real code and every chaff')
    .option('--file <path>', 'verify this file instead of your copy of the exercise')
    .action(
      act(async (id: string | undefined, opts: { file?: string }) => {
        const ex = id
          ? exerciseById(id)
          : opts.file
            ? exerciseOfFile(opts.file)
            : await pick(workshop, id);
        const { verdict, report } = await workshop.verify(ex, opts.file);
        say(report);
        // Only the learner's own copy counts as done.
        if (verdict.accepted && !opts.file) say(await workshop.nextStep(ex));
        return verdict.accepted ? 0 : 1;
      }),
    );

  program
    .command('watch')
    .description('re-verify the current exercise on every save')
    .action(act(watchMode));

  program
    .command('hint [id]')
    .description('show the next hint (gentle first, then specific)')
    .action(
      act(async (id: string | undefined) => {
        say(await workshop.hint(await pick(workshop, id)));
        return 0;
      }),
    );

  program
    .command('reset <id>')
    .description('put the starter back (asks first unless --yes)')
    .option('--yes', 'do not ask for confirmation')
    .action(
      act(async (id: string, opts: { yes?: boolean }) => {
        const ex = exerciseById(id);
        const question = `reset ${workshop.fileOf(ex)} to the starter, losing your changes?`;
        if (!opts.yes && !(await confirm(io, question))) {
          say('not reset');
          return 1;
        }
        say(await workshop.reset(ex));
        return 0;
      }),
    );

  program
    .command('solution <id>')
    .description('show the model solution (once the exercise is done, or with --force)')
    .option('--force', 'show it even though the exercise is not done')
    .action(
      act(async (id: string, opts: { force?: boolean }) => {
        say(await workshop.solution(exerciseById(id), opts.force));
        return 0;
      }),
    );

  program
    .command('check-all [ids...]')
    .description('maintainers: every solution accepted, every starter rejected')
    .action(
      act(async (ids: string[]) => {
        const selected = ids.length > 0 ? ids.map(exerciseById) : exercises;
        const checks = await checkAll(selected, workshop.timeLimitMs);
        for (const check of checks) {
          const mark = check.problems.length === 0 ? pc.green('ok  ') : pc.red('FAIL');
          const wheats = variantsOf(check.exercise).filter((v) => v.kind === 'wheat').length;
          const passed = wheats - check.solution.failedWheats.length;
          const caught = `${check.solution.killed.length}/${check.exercise.chaffs.length} chaffs caught, ${passed}/${wheats} wheats passed`;
          say(
            `${mark} ${check.exercise.id.padEnd(22)} ${check.exercise.framework.padEnd(6)} ${caught}`,
          );
          for (const problem of check.problems) say(`       ${problem}`);
        }
        const failed = checks.filter((c) => c.problems.length > 0).length;
        say(failed === 0 ? `all ${checks.length} exercises sound` : `${failed} exercise(s) broken`);
        return failed === 0 ? 0 : 1;
      }),
    );

  return program;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await buildProgram().parseAsync();
}
