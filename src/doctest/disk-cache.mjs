// Values worth keeping between runs (transpiled modules, parsed files), one file
// each in a directory, named by a hash of everything the value was made from.
// Plain JavaScript: the loader hooks use it too, before TypeScript can load.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * Write a cache file so that readers see the old contents or the new, never half of it,
 * even when threads of one process write it at once. write-file-atomic is loaded on the
 * first write, so a run that finds its caches does not pay for it; a cache need not wait
 * for the disk (no fsync).
 */
export function writeAtomically(file, contents) {
  mkdirSync(path.dirname(file), { recursive: true });
  createRequire(import.meta.url)('write-file-atomic').sync(file, contents, { fsync: false });
}

/**
 * The text kept for `inputs` in `dir`, or `make()`'s, kept for next time: at once, or
 * as a promise when `make` gives one.
 */
export function cachedText(dir, inputs, make) {
  const hash = createHash('sha256');
  for (const input of inputs) hash.update(input).update('\0');
  const file = path.join(dir, hash.digest('hex').slice(0, 32));
  try {
    return readFileSync(file, 'utf8');
  } catch {
    // Not made yet.
  }
  const keep = (text) => {
    try {
      writeAtomically(file, text);
    } catch {
      // A read-only cache only costs speed.
    }
    return text;
  };
  const made = make();
  return made instanceof Promise ? made.then(keep) : keep(made);
}
