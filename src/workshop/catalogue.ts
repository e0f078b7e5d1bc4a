/**
 * Where the workshop's pieces live and how to look them up: the exercise
 * catalogue (`exercises/exercises.ts`), each exercise's starter and solution,
 * the chaff modules, and the learner's own copy under `workshop/`.
 */
import { resolve } from 'node:path';
import { chaffs, exercises } from '../../exercises/exercises.ts';
import type { Chaff, ChaffTarget, Exercise, Variant } from './types.ts';

export { chaffs, exercises };

/** The repository root. */
export const repoRoot = resolve(import.meta.dirname, '../..');

/** The domain module each chaff target replaces. */
const targetFiles: Record<ChaffTarget, string> = {
  salary: 'src/domain/salary.ts',
  'bonus-api': 'src/domain/bonus-api.ts',
};

/** A usage problem (unknown id, missing file): the CLI exits 2 on it. */
export class UsageError extends Error {
  override name = 'UsageError';
}

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

export const exerciseDir = (ex: Exercise): string => resolve(repoRoot, 'exercises', ex.id);
export const starterPath = (ex: Exercise): string => resolve(exerciseDir(ex), 'starter.test.ts');
export const solutionPath = (ex: Exercise): string => resolve(exerciseDir(ex), 'solution.test.ts');
export const readmePath = (ex: Exercise): string => resolve(exerciseDir(ex), 'README.md');
export const chaffPath = (chaff: Chaff): string =>
  resolve(repoRoot, 'exercises/chaffs', `${chaff.id}.ts`);

/**
 * The learner's copy of an exercise. It sits two levels below the root,
 * like the starter, so the starter's relative imports work unchanged.
 */
export const learnerPath = (ex: Exercise, workspace: string): string =>
  resolve(workspace, ex.id, ex.testFile);

/** The real code first, then one variant per chaff of the exercise. */
export function variantsOf(ex: Exercise): Variant[] {
  return [
    { name: 'real' },
    ...ex.chaffs.map((id) => {
      const chaff = chaffById(id);
      return {
        name: chaff.id,
        target: resolve(repoRoot, targetFiles[chaff.replaces]),
        replacement: chaffPath(chaff),
      };
    }),
  ];
}
