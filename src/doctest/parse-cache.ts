/**
 * Parsed files on disk, as Python keeps bytecode in `__pycache__`: a file whose
 * text has not changed is not parsed again, so a run over unchanged files never
 * loads the TypeScript compiler. An entry is keyed by everything the parse
 * depends on: the file's path and text, the working directory (report paths
 * are relative to it) and the TypeScript version. The command keeps the cache
 * inside its bundle's directory, so a change to tsdoctest itself starts afresh.
 */
import { createRequire } from 'node:module';
import { cachedText } from './disk-cache.mjs';
import type { FoundFile } from './finder.ts';
import type { Runnable } from './runnable.ts';

/** A file's doc tests, and for each test with examples, each example's prepared code. */
export interface ParsedFile {
  found: FoundFile;
  runnables: Runnable[][];
}

let typescriptVersion: string | undefined;

function compilerVersion(): string {
  typescriptVersion ??= (
    createRequire(import.meta.url)('typescript/package.json') as { version: string }
  ).version;
  return typescriptVersion;
}

/** The file as parsed from this very text before, or `parse()` now (and kept). */
export async function cachedParse(
  dir: string,
  { file, source, cwd }: { file: string; source: string; cwd: string },
  parse: () => ParsedFile,
): Promise<ParsedFile> {
  const inputs = [compilerVersion(), cwd, file, source];
  return JSON.parse(await cachedText(dir, inputs, () => JSON.stringify(parse()))) as ParsedFile;
}
