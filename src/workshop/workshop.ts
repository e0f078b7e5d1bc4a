/**
 * The workshop's verbs as plain async functions over a workspace and a state
 * file, shared by the one-shot CLI and watch mode (which keeps the test
 * runners alive between runs).
 */
import { access, copyFile, mkdir, readFile, rm } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import pc from 'picocolors';
import writeFileAtomic from 'write-file-atomic';
import type { Exercise } from '../../exercises/exercises.ts';
import type { FrameworkName } from '../../specs/jest/setup/lesson-conventions.ts';
import { clip } from '../cli/columns.ts';
import { UsageError } from '../cli/usage.ts';
import { ChildRunner, TimeLimitError } from './child-runner.ts';
import {
  chaffById,
  exercises,
  learnerPath,
  readmePath,
  repoRoot,
  solutionPath,
  starterPath,
  variantsOf,
} from './exercise-lookup.ts';
import { loadState, markDone, saveState, type WorkshopState } from './state.ts';
import type { TestRunner } from './types.ts';
import { unawaitedIn } from './unawaited.ts';
import { judge, stuck, type Verdict } from './verify.ts';

export interface WorkshopOptions {
  /** Where the learner's copies live (default `workshop/`, gitignored). */
  workspace?: string;
  /** The progress file (default `workshop/state.json`). */
  stateFile?: string;
  /** Stop a test run that makes no progress for this long (default 15 s). */
  timeLimitMs?: number;
}

export const DEFAULT_WORKSPACE = resolve(repoRoot, 'workshop');

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

/** A file's text, or undefined when there is none. */
const readText = (file: string) => readFile(file, 'utf8').catch(() => undefined);

const shown = (file: string) => relative(process.cwd(), file) || file;

/** The width `list` fits its lines to: a terminal's smallest usual width. */
const LIST_WIDTH = 80;

export class Workshop {
  readonly workspace: string;
  readonly stateFile: string;
  readonly timeLimitMs: number | undefined;
  private runners = new Map<FrameworkName, TestRunner>();

  constructor(options: WorkshopOptions = {}) {
    this.workspace = options.workspace ?? DEFAULT_WORKSPACE;
    this.stateFile = options.stateFile ?? resolve(this.workspace, 'state.json');
    this.timeLimitMs = options.timeLimitMs;
  }

  state(): Promise<WorkshopState> {
    return loadState(this.stateFile);
  }

  fileOf(ex: Exercise): string {
    return learnerPath(ex, this.workspace);
  }

  /** The learner's copy of the exercise, created from the starter on first use. */
  async ensureLearnerFile(ex: Exercise): Promise<{ file: string; created: boolean }> {
    const file = this.fileOf(ex);
    if (await exists(file)) return { file, created: false };
    await mkdir(dirname(file), { recursive: true });
    await copyFile(starterPath(ex), file);
    return { file, created: true };
  }

  /** The first exercise not done yet, or undefined when all are. */
  async nextPending(after?: string): Promise<Exercise | undefined> {
    const { done } = await this.state();
    const start = after ? exercises.findIndex((e) => e.id === after) + 1 : 0;
    const rest = [...exercises.slice(start), ...exercises.slice(0, start)];
    return rest.find((e) => !done.includes(e.id));
  }

  async list(): Promise<string> {
    const { done, current } = await this.state();
    const width = Math.max(...exercises.map((e) => e.id.length));
    const lines = exercises.map((ex, i) => {
      const mark = done.includes(ex.id) ? pc.green('done   ') : pc.yellow('pending');
      const pointer = ex.id === current ? pc.cyan('›') : ' ';
      const number = String(i + 1).padStart(2);
      // Fitted to 80 columns, as a list is (the full title is in the exercise's README).
      const entry = clip(
        `${pointer}${number}. ${mark}  ${ex.id.padEnd(width)}  ${pc.dim(ex.framework.padEnd(6))}  ${ex.title}`,
        LIST_WIDTH,
      );
      // Under the id: the learner's copy, made from the starter by verify or watch.
      return `${entry}\n${' '.repeat(14)}${pc.dim(shown(this.fileOf(ex)))}`;
    });
    const count = exercises.filter((e) => done.includes(e.id)).length;
    return [...lines, '', progressBar(count, exercises.length)].join('\n');
  }

  /**
   * Run `file` (default: the learner's copy) against the real code and every
   * variant. Only this verdict marks the exercise done: the state is read
   * before the run and written after it, so whatever the learner's test did
   * to the state file meanwhile is undone (and reported).
   */
  async verify(ex: Exercise, file?: string): Promise<{ verdict: Verdict; report: string }> {
    let target = file ? resolve(file) : '';
    let created = false;
    if (!file) ({ file: target, created } = await this.ensureLearnerFile(ex));
    if (!(await exists(target))) throw new UsageError(`no such file: ${shown(target)}`);
    const runner = this.runner(ex.framework);
    const state = await this.state();
    const stateText = await readText(this.stateFile);
    // Read before the run: the source judged is the source that ran.
    const unawaited = await unawaitedIn(target);
    let verdict: Verdict;
    try {
      const [outcomes] = await runner.run([{ file: target, variants: variantsOf(ex) }]);
      verdict = judge(ex, outcomes ?? [], unawaited);
    } catch (err) {
      if (!(err instanceof TimeLimitError)) throw err;
      verdict = stuck(err.limitMs);
    }
    // The runner has ended every process the test started: nothing writes now.
    const tampered = (await readText(this.stateFile)) !== stateText;
    if (verdict.accepted && !file) await saveState(this.stateFile, markDone(state, ex.id));
    else if (tampered && stateText === undefined) await rm(this.stateFile, { force: true });
    else if (tampered) await writeFileAtomic(this.stateFile, stateText as string);
    const notes = [
      ...(created ? [`made ${shown(target)} from the starter: edit it`] : []),
      ...(tampered
        ? [
            `your test changed ${shown(this.stateFile)} during the run: the change was undone (only verify marks an exercise done)`,
          ]
        : []),
    ];
    return {
      verdict,
      report: [...notes, formatVerdict(ex, shown(target), verdict)].join('\n'),
    };
  }

  /**
   * What to do after `ex` was accepted: the next exercise not done, with its
   * file and the command, or that all are done.
   */
  async nextStep(ex: Exercise): Promise<string> {
    const next = await this.nextPending(ex.id);
    if (!next) {
      return pc.green(`all ${exercises.length} exercises done. Well caught!`);
    }
    const file = shown(this.fileOf(next));
    const command = pc.bold(`npm run workshop -- verify ${next.id}`);
    const how = (await exists(this.fileOf(next)))
      ? `edit ${file}, then run ${command}`
      : `run ${command}: it makes ${file} from the starter, for you to edit`;
    return `${pc.cyan('next:')} ${next.id}: ${next.title}\n  ${how}`;
  }

  /** The next hint of the exercise (the last one again once all were shown). */
  async hint(ex: Exercise): Promise<string> {
    const state = await this.state();
    const seen = state.hintsShown[ex.id] ?? 0;
    const index = Math.min(seen, ex.hints.length - 1);
    await saveState(this.stateFile, {
      ...state,
      hintsShown: { ...state.hintsShown, [ex.id]: Math.min(seen + 1, ex.hints.length) },
    });
    return `hint ${index + 1}/${ex.hints.length} for ${ex.id}: ${ex.hints[index]}`;
  }

  /** Put the starter back over the learner's copy. */
  async reset(ex: Exercise): Promise<string> {
    const file = this.fileOf(ex);
    await mkdir(dirname(file), { recursive: true });
    await copyFile(starterPath(ex), file);
    return `${shown(file)} is the starter again`;
  }

  /** The model solution, once the learner has earned it (or with force). */
  async solution(ex: Exercise, force = false): Promise<string> {
    const { done } = await this.state();
    if (!done.includes(ex.id) && !force) {
      throw new UsageError(`finish ${ex.id} first (or pass --force to see the solution anyway)`);
    }
    return readFile(solutionPath(ex), 'utf8');
  }

  /** The task, for watch mode's banner. */
  async task(ex: Exercise): Promise<string> {
    const readme = await readFile(readmePath(ex), 'utf8');
    const firstParagraph = readme
      .split(/\n\s*\n/)
      .find((p) => p.trim() && !p.startsWith('#'))
      ?.trim();
    return [
      pc.bold(`${ex.id}: ${ex.title}`),
      firstParagraph ?? '',
      `edit ${shown(this.fileOf(ex))}  (task: ${shown(readmePath(ex))})`,
    ].join('\n');
  }

  private runner(framework: FrameworkName): TestRunner {
    let runner = this.runners.get(framework);
    if (!runner) {
      runner = new ChildRunner(framework, this.timeLimitMs);
      this.runners.set(framework, runner);
    }
    return runner;
  }

  async close(): Promise<void> {
    const runners = [...this.runners.values()];
    this.runners.clear();
    await Promise.all(runners.map((r) => r.close()));
  }
}

export function progressBar(done: number, total: number, width = 20): string {
  const filled = total === 0 ? 0 : Math.round((done / total) * width);
  return `[${pc.green('#'.repeat(filled))}${'-'.repeat(width - filled)}] ${done}/${total} done`;
}

export function formatVerdict(ex: Exercise, file: string, verdict: Verdict): string {
  if (verdict.accepted) {
    const caught = verdict.killed.map((id) => `  ${pc.green('✓')} caught: ${chaffById(id).bug}`);
    return [pc.green(`accepted: ${file} (${ex.id})`), ...caught].join('\n');
  }
  return [
    pc.red(`rejected: ${file} (${ex.id})`),
    ...verdict.reasons.map((r) => `  ${pc.red('✗')} ${r}`),
    ...verdict.killed.map((id) => `  ${pc.green('✓')} caught: ${chaffById(id).bug}`),
  ].join('\n');
}
