/**
 * Per-file line hits, the one measure the three tools can be compared on:
 * their statement and branch maps differ (V8 through v8-to-istanbul for Jest
 * and c8, Vitest's AST-aware remapping), but every istanbul file coverage
 * can say how often each line ran.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import libCoverage, { type CoverageMap, type CoverageMapData } from 'istanbul-lib-coverage';

/** Line number (1-based) → how many times it ran. Only executable lines appear. */
export type LineHits = Map<number, number>;

/** Repository-relative POSIX path → that file's line hits. */
export type FileLineHits = Map<string, LineHits>;

/** A path as the reports show it: relative to `root`, with forward slashes. */
export function repoPath(file: string, root: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}

export function lineHitsOf(map: CoverageMap, root: string): FileLineHits {
  const result: FileLineHits = new Map();
  for (const file of map.files().sort()) {
    const lines = map.fileCoverageFor(file).getLineCoverage();
    const hits: LineHits = new Map();
    for (const [line, count] of Object.entries(lines)) hits.set(Number(line), count);
    result.set(repoPath(file, root), hits);
  }
  return result;
}

/** Read a tool's `coverage-final.json` (the istanbul `json` reporter). */
export function readCoverageMap(file: string): CoverageMap {
  const data = JSON.parse(readFileSync(file, 'utf8')) as CoverageMapData;
  return libCoverage.createCoverageMap(data);
}
