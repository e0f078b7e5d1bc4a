/**
 * Where the workshop's pieces live and how to look them up: the exercise
 * catalogue (`exercises/exercises.ts`), each exercise's starter and solution,
 * the variants of the domain code it runs against, and the learner's own
 * copy under `workshop/`.
 */
import { resolve } from 'node:path';
import type { Chaff, ChaffTarget, Edit, Exercise, Wheat } from '../../exercises/exercises.ts';
import { chaffs, exercises, wheats } from '../../exercises/exercises.ts';
import { UsageError } from '../cli/usage.ts';
import type { Variant } from './types.ts';

export { chaffs, exercises, wheats };

/** The repository root. */
export const repoRoot = resolve(import.meta.dirname, '../..');

/** The domain module each target names, by absolute path. */
export const targetFiles: Record<ChaffTarget, string> = {
  salary: resolve(repoRoot, 'src/domain/salary.ts'),
  'bonus-api': resolve(repoRoot, 'src/domain/bonus-api.ts'),
};

export function exerciseById(id: string): Exercise {
  const found = exercises.find((e) => e.id === id);
  if (!found) {
    throw new UsageError(`unknown exercise "${id}" (run "workshop list" to see the ids)`);
  }
  return found;
}

export function chaffById(id: string): Chaff {
  const found = chaffs.find((c) => c.id === id);
  if (!found) throw new Error(`unknown chaff id: ${id}`);
  return found;
}

export function wheatById(id: string): Wheat {
  const found = wheats.find((w) => w.id === id);
  if (!found) throw new Error(`unknown wheat id: ${id}`);
  return found;
}

export const exerciseDir = (ex: Exercise): string => resolve(repoRoot, 'exercises', ex.id);
export const starterPath = (ex: Exercise): string => resolve(exerciseDir(ex), 'starter.test.ts');
export const solutionPath = (ex: Exercise): string => resolve(exerciseDir(ex), 'solution.test.ts');
export const readmePath = (ex: Exercise): string => resolve(exerciseDir(ex), 'README.md');

/**
 * The learner's copy of an exercise. It sits two levels below the root,
 * like the starter, so the starter's relative imports work unchanged.
 */
export const learnerPath = (ex: Exercise, workspace: string): string =>
  resolve(workspace, ex.id, ex.testFile);

/** Every target module with the given edits of one of them (none for the others). */
function patches(target?: ChaffTarget, edits: Edit[] = []): Record<string, Edit[]> {
  const all = Object.entries(targetFiles) as [ChaffTarget, string][];
  return Object.fromEntries(all.map(([t, file]) => [file, t === target ? edits : []]));
}

/**
 * The real code first, then a wheat of each module the exercise's chaffs
 * patch, then one variant per chaff.
 */
export function variantsOf(ex: Exercise): Variant[] {
  const exChaffs = ex.chaffs.map(chaffById);
  const targets = new Set(exChaffs.map((c) => c.replaces));
  return [
    { name: 'real', kind: 'real', patches: patches() },
    ...wheats
      .filter((w) => targets.has(w.replaces))
      .map((w): Variant => ({ name: w.id, kind: 'wheat', patches: patches(w.replaces, w.patch) })),
    ...exChaffs.map(
      (c): Variant => ({ name: c.id, kind: 'chaff', patches: patches(c.replaces, c.patch) }),
    ),
  ];
}
