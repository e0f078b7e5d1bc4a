/** Paths, folders and globs → the source and Markdown files to search, sorted. */
import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';

// A folder's Markdown files too: `tsdoctest docs/` runs the examples of its pages (see markdown.ts).
const SOURCE = '**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs,md,markdown}';
const IGNORE = ['**/node_modules/**', '**/*.d.ts', '**/*.d.mts', '**/*.d.cts'];

/** A bad command-line path: reported in one line with exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Only regular files are read: a FIFO or a device found in a folder would block the run. */
function isRegularFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

export async function collectFiles(paths: readonly string[], cwd: string): Promise<string[]> {
  const found = new Set<string>();
  const add = (matches: string[]) => {
    for (const m of matches) if (isRegularFile(m)) found.add(path.normalize(m));
  };
  for (const given of paths) {
    if (isDynamicPattern(given)) {
      const matches = await glob(given, { cwd, absolute: true, ignore: IGNORE, onlyFiles: true });
      if (matches.length === 0) throw new UsageError(`no files match ${given}`);
      add(matches);
      continue;
    }
    const full = path.resolve(cwd, given);
    let stat: ReturnType<typeof statSync>;
    try {
      stat = statSync(full);
    } catch {
      throw new UsageError(`cannot read ${given}: no such file or directory`);
    }
    if (stat.isDirectory()) {
      add(await glob(SOURCE, { cwd: full, absolute: true, ignore: IGNORE }));
    } else if (stat.isFile()) {
      found.add(full);
    } else {
      throw new UsageError(`cannot read ${given}: not a regular file`);
    }
  }
  // A file reached by several paths (symbolic links) runs once: under its own path if that was
  // found, else the first.
  const byRealPath = new Map<string, string>();
  for (const file of [...found].sort()) {
    const real = realpathSync(file);
    if (!byRealPath.has(real) || file === real) byRealPath.set(real, file);
  }
  return [...byRealPath.values()].sort();
}
