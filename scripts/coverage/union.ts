/**
 * The union of several tools' coverage, at line level: a line is covered if
 * any tool ran it. Statement maps are never merged across tools (they
 * disagree on what a statement is, and merging them inflates the totals);
 * the union is rebuilt as one synthetic statement per line so istanbul's
 * reporters can write it.
 *
 * Which lines count at all: those that every tool measuring the file counts
 * as executable. The tools disagree here too: V8's line mapping (Jest, c8)
 * counts comment lines and closing braces, and counts every line of a file
 * it never loaded, while Vitest's AST-aware remapping counts statements
 * only. Counting a line any one tool counted would let one tool's notion of
 * a line drag the union below what another tool alone reports.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import libCoverage, { type CoverageMap, type FileCoverageData } from 'istanbul-lib-coverage';
import type { FileLineHits, LineHits } from './line-hits.ts';

export function unionLineHits(sources: readonly FileLineHits[]): FileLineHits {
  const files = [...new Set(sources.flatMap((source) => [...source.keys()]))].sort();
  const union: FileLineHits = new Map();
  for (const file of files) {
    const seen = sources.flatMap((source) => source.get(file) ?? []);
    const [first, ...rest] = seen;
    const merged: LineHits = new Map();
    for (const line of [...(first?.keys() ?? [])].sort((a, b) => a - b)) {
      if (!rest.every((hits) => hits.has(line))) continue;
      merged.set(
        line,
        seen.reduce((sum, hits) => sum + (hits.get(line) ?? 0), 0),
      );
    }
    union.set(file, merged);
  }
  return union;
}

/** Line lengths of a source file, so the synthetic statements span whole lines in the HTML. */
function lineLengths(file: string): string[] {
  try {
    return readFileSync(file, 'utf8').split(/\r?\n/);
  } catch {
    return [];
  }
}

/** An istanbul coverage map with one statement per executable line (paths resolved against `root`). */
export function lineCoverageMap(hits: FileLineHits, root: string): CoverageMap {
  const map = libCoverage.createCoverageMap({});
  for (const [file, lines] of hits) {
    const absolute = path.resolve(root, file);
    const source = lineLengths(absolute);
    const data: FileCoverageData = {
      path: absolute,
      statementMap: {},
      s: {},
      fnMap: {},
      f: {},
      branchMap: {},
      b: {},
    };
    [...lines.keys()]
      .sort((a, b) => a - b)
      .forEach((line, index) => {
        const end = source[line - 1]?.length ?? 0;
        data.statementMap[index] = { start: { line, column: 0 }, end: { line, column: end } };
        data.s[index] = lines.get(line) ?? 0;
      });
    map.addFileCoverage(data);
  }
  return map;
}
