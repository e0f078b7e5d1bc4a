// The workshop CLI in-process: a temporary workspace and state file, fake
// stdin/stdout, and process.exit turned into an exception for usage errors.
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import stripAnsi from 'strip-ansi';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { stringWidth } from '../../../src/cli/columns.ts';
import { buildProgram } from '../../../src/workshop/cli.ts';
import {
  exerciseById,
  exercises,
  repoRoot,
  solutionPath,
  starterPath,
} from '../../../src/workshop/exercise-lookup.ts';
import { loadState, saveState } from '../../../src/workshop/state.ts';
import { Workshop } from '../../../src/workshop/workshop.ts';
import { type TempWorkspace, tempWorkspace } from './temp-workspace.ts';

const RUN_TIMEOUT = 120_000;

class Exit extends Error {
  constructor(readonly code: number | undefined) {
    super(`exit ${code}`);
  }
}

let ws: TempWorkspace;
beforeEach(async () => {
  ws = await tempWorkspace();
  vi.spyOn(process, 'exit').mockImplementation((code) => {
    throw new Exit(code === undefined || code === null ? undefined : Number(code));
  });
});
afterEach(async () => {
  process.exitCode = undefined;
  await ws.remove();
});

/** Run one command line; resolves to its exit code and what it printed. */
async function cli(args: string[], input?: string, tty = false) {
  const stdin = Object.assign(new PassThrough(), { isTTY: tty });
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => {
    out += String(d);
  });
  stderr.on('data', (d) => {
    err += String(d);
  });
  if (input !== undefined) stdin.end(input);
  const program = buildProgram(
    { workspace: ws.dir, stateFile: ws.stateFile },
    { stdin, stdout, stderr },
  );
  let code: number | undefined;
  try {
    await program.parseAsync(args, { from: 'user' });
    code = Number(process.exitCode ?? 0);
  } catch (e) {
    if (!(e instanceof Exit)) throw e;
    code = e.code;
  } finally {
    process.exitCode = undefined;
  }
  return { code, out: stripAnsi(out), err: stripAnsi(err) };
}

const learnerFile = (id: string) => `${ws.dir}/${id}/${exerciseById(id).testFile}`;

describe('list', () => {
  it('shows every exercise pending and an empty progress bar', async () => {
    const { code, out } = await cli(['list']);
    expect(code).toBe(0);
    expect(out).toMatch(/ 1\. pending {2}return-value/);
    expect(out).toMatch(/14\. pending {2}fake-timers/);
    expect(out).toContain('[--------------------] 0/14 done');
  });

  it('fits every line to 80 columns, a long title cut with …', async () => {
    const { out } = await cli(['list']);
    const entries = out.split('\n').filter((line) => / pending {2}/.test(line));
    expect(entries).toHaveLength(14);
    expect(Math.max(...entries.map((line) => stringWidth(line)))).toBeLessThanOrEqual(80);
    expect(entries.some((line) => line.endsWith('…'))).toBe(true);
  });

  it("shows each exercise's file, the learner's copy, under its id", async () => {
    const { out } = await cli(['list']);
    const lines = out.split('\n');
    for (const ex of exercises) {
      const entry = lines.findIndex((line) => line.includes(`  ${ex.id} `));
      const file = relative(process.cwd(), learnerFile(ex.id));
      expect(lines[entry + 1]).toBe(`${' '.repeat(14)}${file}`);
      expect(lines[entry]?.indexOf(ex.id)).toBe(14);
    }
    expect(lines[1]).toMatch(/^ {14}workshop-test-\w+\/return-value\/salary\.test\.ts$/);
  });

  it('shows progress and the exercise in progress', async () => {
    await saveState(ws.stateFile, { done: ['return-value'], hintsShown: {}, current: 'call-args' });
    const { out } = await cli(['list']);
    expect(out).toMatch(/ 1\. done {5}return-value/);
    expect(out).toMatch(/› 2\. pending {2}call-args/);
    expect(out).toContain('] 1/14 done');
  });
});

describe('hint', () => {
  it('gets more specific each time, then repeats the last', async () => {
    const shown = [];
    for (let i = 0; i < 4; i++) shown.push((await cli(['hint', 'call-args'])).out);
    expect(shown.map((s) => s.slice(0, 22))).toEqual([
      'hint 1/3 for call-args',
      'hint 2/3 for call-args',
      'hint 3/3 for call-args',
      'hint 3/3 for call-args',
    ]);
    expect((await loadState(ws.stateFile)).hintsShown).toEqual({ 'call-args': 3 });
  });

  it('without an id, hints for the exercise in progress, else the first pending', async () => {
    expect((await cli(['hint'])).out).toMatch(/^hint 1\/3 for return-value/);
    await saveState(ws.stateFile, { done: [], hintsShown: {}, current: 'spec-class' });
    expect((await cli(['hint'])).out).toMatch(/^hint 1\/3 for spec-class/);
  });
});

describe('reset', () => {
  it('puts the starter back with --yes', async () => {
    const { code, out } = await cli(['reset', 'nock-query', '--yes']);
    expect(code).toBe(0);
    expect(out).toContain('is the starter again');
    const starter = await readFile(starterPath(exerciseById('nock-query')), 'utf8');
    expect(await readFile(learnerFile('nock-query'), 'utf8')).toBe(starter);
  });

  it('asks first, and keeps the file unless the answer is yes', async () => {
    await cli(['reset', 'call-args', '--yes']);
    await writeFile(learnerFile('call-args'), '// my work\n');
    const no = await cli(['reset', 'call-args'], 'n\n');
    expect(no.code).toBe(1);
    expect(no.out).toContain('losing your changes? [y/N]');
    expect(no.out).toContain('not reset');
    expect(await readFile(learnerFile('call-args'), 'utf8')).toBe('// my work\n');
    expect((await cli(['reset', 'call-args'], '')).code).toBe(1);
    expect((await cli(['reset', 'call-args'], 'yes\n')).code).toBe(0);
    expect(await readFile(learnerFile('call-args'), 'utf8')).toContain('TODO');
  });
});

describe('solution', () => {
  it('is withheld until the exercise is done, unless forced', async () => {
    const withheld = await cli(['solution', 'spec-class']);
    expect(withheld.code).toBe(2);
    expect(withheld.err).toBe(
      'workshop: finish spec-class first (or pass --force to see the solution anyway)\n',
    );
    const forced = await cli(['solution', 'spec-class', '--force']);
    expect(forced.code).toBe(0);
    expect(forced.out).toContain("jest.mock('../../src/domain/bonus-api.ts')");
    await saveState(ws.stateFile, { done: ['spec-class'], hintsShown: {} });
    expect((await cli(['solution', 'spec-class'])).code).toBe(0);
  });
});

describe('usage errors exit 2 with a one-line message', () => {
  it.each([
    [
      ['verify', 'nope'],
      'workshop: unknown exercise "nope" (run "workshop list" to see the ids)\n',
    ],
    [
      ['verify', 'call-args', '--file', 'missing.test.ts'],
      'workshop: no such file: missing.test.ts\n',
    ],
    [['hint', 'nope'], 'workshop: unknown exercise "nope" (run "workshop list" to see the ids)\n'],
  ])('%j', async (args, message) => {
    const { code, err } = await cli(args);
    expect(code).toBe(2);
    expect(err).toBe(message);
  });

  it('a file outside any exercise folder needs an id', async () => {
    const { code, err } = await cli(['verify', '--file', 'package.json']);
    expect(code).toBe(2);
    expect(err).toMatch(/^workshop: cannot tell which exercise package\.json is for/);
  });

  it('an unknown option', async () => {
    const { code, err } = await cli(['list', '--bogus']);
    expect(code).toBe(2);
    expect(err).toContain("unknown option '--bogus'");
  });

  it('reports other failures with exit 1, e.g. a corrupt state file', async () => {
    await writeFile(ws.stateFile, '{');
    const { code, err } = await cli(['list']);
    expect(code).toBe(1);
    expect(err).toMatch(/^workshop: the workshop state file .* is not valid JSON/);
  });

  it('when every exercise is done, hint needs an id', async () => {
    const all = (await import('../../../src/workshop/exercise-lookup.ts')).exercises.map(
      (e) => e.id,
    );
    await saveState(ws.stateFile, { done: all, hintsShown: {} });
    const { code, err } = await cli(['hint']);
    expect(code).toBe(2);
    expect(err).toContain('every exercise is done');
  });
});

describe('no verb', () => {
  it('lists when stdin is not a terminal, rather than wait on it', async () => {
    const { code, out } = await cli([]);
    expect(code).toBe(0);
    expect(out).toContain('0/14 done');
  });

  it.each([[[]], [['watch']]])(
    '%j watches on a terminal (nothing to do when all is done)',
    async (args) => {
      const all = (await import('../../../src/workshop/exercise-lookup.ts')).exercises.map(
        (e) => e.id,
      );
      await saveState(ws.stateFile, { done: all, hintsShown: {} });
      const { code, out } = await cli(args, undefined, true);
      expect(code).toBe(0);
      expect(out).toMatch(/every exercise is done/);
    },
  );
});

describe('verify', () => {
  it(
    'makes a copy of the starter, rejects it, then accepts a real test and records it',
    async () => {
      const first = await cli(['verify', 'return-value']);
      expect(first.code).toBe(1);
      expect(first.out).toMatch(/made .*return-value\/salary\.test\.ts from the starter/);
      expect(first.out).toContain(
        'your test did not notice: Salary asks for the bonus but never adds it',
      );

      await copyFile(solutionPath(exerciseById('return-value')), learnerFile('return-value'));
      const second = await cli(['verify']);
      expect(second.code).toBe(0);
      expect(second.out).toMatch(/^accepted: .*return-value/);
      expect(second.out).toContain('caught: Salary forgets to await the bonus');
      expect((await loadState(ws.stateFile)).done).toEqual(['return-value']);
      // What to do next: the next exercise, its command, and the copy it will make.
      const copy = relative(process.cwd(), learnerFile('call-args'));
      expect(second.out).toContain(
        `next: call-args: ${exerciseById('call-args').title}\n  run npm run workshop -- verify call-args: it makes ${copy} from the starter, for you to edit\n`,
      );
    },
    RUN_TIMEOUT,
  );

  it(
    'checks any file with --file, telling the exercise from its folder, without recording it',
    async () => {
      const file = solutionPath(exerciseById('call-args'));
      const { code, out } = await cli(['verify', '--file', file]);
      expect(code).toBe(0);
      expect(out).toMatch(/^accepted: .*call-args\/solution\.test\.ts \(call-args\)/);
      expect((await loadState(ws.stateFile)).done).toEqual([]);
      // Not the learner's copy, so nothing is done and there is no next step.
      expect(out).not.toContain('next:');
    },
    RUN_TIMEOUT,
  );
});

describe('the next step after an accepted exercise', () => {
  const nextStep = (id: string) =>
    new Workshop({ workspace: ws.dir, stateFile: ws.stateFile }).nextStep(exerciseById(id));

  it('names the next exercise not done, wrapping around, and its copy once made', async () => {
    await saveState(ws.stateFile, { done: ['return-value', 'fake-timers'], hintsShown: {} });
    await cli(['reset', 'call-args', '--yes']);
    expect(stripAnsi(await nextStep('fake-timers'))).toBe(
      `next: call-args: ${exerciseById('call-args').title}\n  edit ${relative(process.cwd(), learnerFile('call-args'))}, then run npm run workshop -- verify call-args`,
    );
  });

  it('says when every exercise is done', async () => {
    await saveState(ws.stateFile, { done: exercises.map((e) => e.id), hintsShown: {} });
    expect(stripAnsi(await nextStep('fake-timers'))).toBe('all 14 exercises done. Well caught!');
  });
});

describe('verify a test stuck in an endless loop', () => {
  it(
    'stops it after --time-limit and rejects it, without a stack dump',
    async () => {
      const loop = resolve(repoRoot, 'exercises/samples/endless-loop.test.ts');
      const args = ['verify', 'sinon-stub', '--file', loop, '--time-limit', '2'];
      const { code, out, err } = await cli(args);
      expect(code).toBe(1);
      expect(err).toBe('');
      expect(out).toMatch(/^rejected: .*endless-loop\.test\.ts \(sinon-stub\)\n/);
      expect(out).toContain(
        'your test did not finish: nothing happened for 2 s, so it was stopped. Is there an endless loop',
      );
    },
    RUN_TIMEOUT,
  );

  it('--time-limit takes whole seconds from 1', async () => {
    const { code, err } = await cli(['verify', 'sinon-stub', '--time-limit', '0']);
    expect(code).toBe(2);
    expect(err).toContain("option '--time-limit <seconds>' argument '0' is invalid");
  });
});

describe('check-all', () => {
  it(
    'passes for sound exercises in both frameworks',
    async () => {
      const { code, out } = await cli([
        'check-all',
        'side-effect-function',
        'side-effect-exception',
      ]);
      expect(out).toMatch(
        /ok {3}side-effect-function +vitest 2\/2 chaffs caught, 1\/1 wheats passed/,
      );
      expect(out).toMatch(
        /ok {3}side-effect-exception +jest +3\/3 chaffs caught, 1\/1 wheats passed/,
      );
      expect(out).toContain('all 2 exercises sound');
      expect(code).toBe(0);
    },
    RUN_TIMEOUT,
  );
});
