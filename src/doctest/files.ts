/** Paths, folders and globs → the source files to search, sorted. */
import { statSync } from 'node:fs';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';

const SOURCE = '**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}';
const IGNORE = ['**/node_modules/**', '**/*.d.ts', '**/*.d.mts', '**/*.d.cts'];

/** A bad command-line path: reported in one line with exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export async function collectFiles(paths: readonly string[], cwd: string): Promise<string[]> {
  const found = new Set<string>();
  for (const given of paths) {
    if (isDynamicPattern(given)) {
      const matches = await glob(given, { cwd, absolute: true, ignore: IGNORE, onlyFiles: true });
      if (matches.length === 0) throw new UsageError(`no files match ${given}`);
      for (const m of matches) found.add(path.normalize(m));
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
      const matches = await glob(SOURCE, { cwd: full, absolute: true, ignore: IGNORE });
      for (const m of matches) found.add(path.normalize(m));
    } else {
      found.add(full);
    }
  }
  return [...found].sort();
}
