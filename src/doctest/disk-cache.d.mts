/** Write a cache file so that readers see the old contents or the new, never half of it. */
export function writeAtomically(file: string, contents: string | Uint8Array): void;
/**
 * The text kept for `inputs` in `dir`, or `make()`'s, kept for next time: at once, or
 * as a promise when `make` gives one.
 */
export function cachedText(dir: string, inputs: readonly string[], make: () => string): string;
export function cachedText(
  dir: string,
  inputs: readonly string[],
  make: () => Promise<string>,
): Promise<string>;
