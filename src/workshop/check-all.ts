/**
 * The maintainers' gate: every solution is accepted (so it passes every wheat
 * and kills every chaff) and every starter is rejected. One framework process per
 * framework runs all exercises and all their variants.
 */

import type { Exercise } from '../../exercises/exercises.ts';
import { FRAMEWORK_NAMES } from '../../specs/jest/setup/lesson-conventions.ts';
import { ChildRunner } from './child-runner.ts';
import { exercises, solutionPath, starterPath, variantsOf } from './exercise-lookup.ts';
import { unawaitedIn } from './unawaited.ts';
import { judge, type Verdict } from './verify.ts';

export interface ExerciseCheck {
  exercise: Exercise;
  solution: Verdict;
  starter: Verdict;
  /** Problems with this exercise; empty when it is sound. */
  problems: string[];
}

export async function checkAll(
  selected: Exercise[] = exercises,
  timeLimitMs?: number,
): Promise<ExerciseCheck[]> {
  const checks: ExerciseCheck[] = [];
  for (const framework of FRAMEWORK_NAMES) {
    const group = selected.filter((e) => e.framework === framework);
    if (group.length === 0) continue;
    const runner = new ChildRunner(framework, timeLimitMs);
    try {
      const jobs = group.flatMap((ex) => {
        // One variants array per exercise: its starter and solution share projects.
        const variants = variantsOf(ex);
        return [
          { file: solutionPath(ex), variants },
          { file: starterPath(ex), variants },
        ];
      });
      const outcomes = await runner.run(jobs);
      const unawaited = await Promise.all(jobs.map((job) => unawaitedIn(job.file)));
      group.forEach((exercise, i) => {
        const solution = judge(exercise, outcomes[2 * i] ?? [], unawaited[2 * i]);
        const starter = judge(exercise, outcomes[2 * i + 1] ?? [], unawaited[2 * i + 1]);
        const problems = [
          ...solution.reasons.map((r) => `solution rejected: ${r}`),
          ...(starter.accepted ? ['starter accepted: it must be rejected as it stands'] : []),
        ];
        checks.push({ exercise, solution, starter, problems });
      });
    } finally {
      await runner.close();
    }
  }
  return selected.map((ex) => checks.find((c) => c.exercise === ex) as ExerciseCheck);
}
