/**
 * The learner's progress, kept in one small JSON file (gitignored) so it
 * survives restarts: which exercises are done, how many hints were shown,
 * and which exercise watch mode is on.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import writeFileAtomic from 'write-file-atomic';

export interface WorkshopState {
  /** Ids of accepted exercises. */
  done: string[];
  /** How many hints of each exercise the learner has seen. */
  hintsShown: Record<string, number>;
  /** The exercise watch mode works on. */
  current?: string;
}

export const emptyState = (): WorkshopState => ({ done: [], hintsShown: {} });

/** Read the state; a missing file is a fresh start, a corrupt one is an error. */
export async function loadState(file: string): Promise<WorkshopState> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return emptyState();
    throw err;
  }
  let data: Partial<WorkshopState>;
  try {
    data = JSON.parse(text) as Partial<WorkshopState>;
  } catch {
    throw new Error(`the workshop state file ${file} is not valid JSON: delete it to start afresh`);
  }
  return {
    done: Array.isArray(data.done) ? data.done.filter((d) => typeof d === 'string') : [],
    hintsShown: typeof data.hintsShown === 'object' && data.hintsShown ? data.hintsShown : {},
    ...(typeof data.current === 'string' ? { current: data.current } : {}),
  };
}

/** Written atomically, so a crash never leaves half a file. */
export async function saveState(file: string, state: WorkshopState): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFileAtomic(file, `${JSON.stringify(state, null, 2)}\n`);
}

export function markDone(state: WorkshopState, id: string): WorkshopState {
  return state.done.includes(id) ? state : { ...state, done: [...state.done, id] };
}
