/**
 * Parsed files on disk, as Python keeps bytecode in `__pycache__`: a file whose
 * text has not changed is not parsed again, so a run over unchanged files never
 * loads the TypeScript compiler. An entry is keyed by everything the parse
 * depends on: the file's path and text, the working directory (report paths
 * are relative to it), the TypeScript version and tsdoctest's own code.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cachedText } from './disk-cache.mjs';
import type { FoundFile } from './finder.ts';
import type { Runnable } from './runnable.ts';

/** A file's doc tests, and for each test with examples, each example's prepared code. */
export interface ParsedFile {
  found: FoundFile;
  runnables: Runnable[][];
}

let parserVersion: string | undefined;

/** The TypeScript version, and a hash of the files beside this one (tsdoctest, or its bundle). */
function version(): string {
  if (parserVersion === undefined) {
    const require = createRequire(import.meta.url);
    const hash = createHash('sha256').update(require('typescript/package.json').version);
    const dir = path.dirname(fileURLToPath(import.meta.url));
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isFile()) hash.update(entry.name).update(readFileSync(path.join(dir, entry.name)));
    }
    parserVersion = hash.digest('hex');
  }
  return parserVersion;
}

/** The file as parsed from this very text before, or `parse()` now (and kept). */
export function cachedParse(
  dir: string,
  { file, source, cwd }: { file: string; source: string; cwd: string },
  parse: () => ParsedFile,
): ParsedFile {
  const inputs = [version(), cwd, file, source];
  return JSON.parse(cachedText(dir, inputs, () => JSON.stringify(parse()))) as ParsedFile;
}
