/**
 * What a variant serves: each domain module's source with the variant's
 * edits applied (none for the real code). Both runners serve these texts at
 * the real modules' paths, for every variant alike: a Vite load hook under
 * Vitest, a transformer under Jest.
 */
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import type { Edit } from '../../exercises/exercises.ts';
import { repoRoot } from './exercise-lookup.ts';
import type { Variant } from './types.ts';

/** A patch that no longer fits the source it edits: a maintainer must update it. */
export class PatchError extends Error {
  override name = 'PatchError';
}

const occurrences = (text: string, part: string) => text.split(part).length - 1;

/** Apply `edits` in order; each `find` must occur exactly once at its turn. */
export function applyEdits(source: string, edits: Edit[], what: string): string {
  let text = source;
  for (const { find, replace } of edits) {
    const count = occurrences(text, find);
    if (count !== 1) {
      throw new PatchError(
        `${what} no longer applies: ${JSON.stringify(find)} occurs ${count} times, not once (update the patch in exercises/exercises.ts)`,
      );
    }
    // A function, so `$` in the replacement is taken literally.
    text = text.replace(find, () => replace);
  }
  return text;
}

/** The text of each domain module the variant serves, by absolute path. */
export async function servedSources(variant: Variant): Promise<Record<string, string>> {
  const served: Record<string, string> = {};
  for (const [file, edits] of Object.entries(variant.patches)) {
    const what = `the variant ${variant.name} of ${relative(repoRoot, file)}`;
    served[file] = applyEdits(await readFile(file, 'utf8'), edits, what);
  }
  return served;
}
