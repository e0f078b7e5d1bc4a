// A throw-away learner workspace one level below the repository root (like
// `workshop/`), so starters' relative imports work; `/workshop*/` is gitignored.
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { repoRoot } from '../../../src/workshop/exercise-lookup.ts';

export interface TempWorkspace {
  dir: string;
  stateFile: string;
  remove(): Promise<void>;
}

export async function tempWorkspace(): Promise<TempWorkspace> {
  const dir = await mkdtemp(join(repoRoot, 'workshop-test-'));
  return {
    dir,
    stateFile: join(dir, 'state.json'),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
