/**
 * Build the cross-framework reports from each framework's
 * `coverage/<framework>/coverage-final.json`: the union under
 * `coverage/union/` (lcov, json-summary, HTML) and `coverage/side-by-side.json`.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { Framework } from '../../specs/concepts.ts';
import { type FileLineHits, lineHitsOf, readCoverageMap } from './line-hits.ts';
import { readPythonCoverage } from './python.ts';
import { FRAMEWORKS, type SideBySide, sideBySide } from './side-by-side.ts';
import { lineCoverageMap, unionLineHits } from './union.ts';
import { type Reporter, writeReports } from './write-reports.ts';

export const SIDE_BY_SIDE_FILE = 'side-by-side.json';
const UNION_REPORTERS: Reporter[] = [
  ['lcovonly', {}],
  ['json-summary', {}],
  ['html', {}],
];

/** Where a framework's raw istanbul JSON is. */
export function coverageJson(coverageDir: string, framework: Framework): string {
  return path.join(coverageDir, framework, 'coverage-final.json');
}

/**
 * Read what each framework wrote (a missing file leaves that framework out), and write the union.
 * pytest-cov's figures go beside them; `pythonMissing` says why there are none.
 */
export function writeUnionReports(
  root: string,
  coverageDir: string,
  pythonMissing?: string,
): SideBySide {
  const perFramework: Partial<Record<Framework, FileLineHits>> = {};
  for (const framework of FRAMEWORKS) {
    const file = coverageJson(coverageDir, framework);
    if (existsSync(file)) perFramework[framework] = lineHitsOf(readCoverageMap(file), root);
  }
  const union = unionLineHits(Object.values(perFramework));
  writeReports(lineCoverageMap(union, root), path.join(coverageDir, 'union'), UNION_REPORTERS);
  const python = readPythonCoverage(root, coverageDir);
  const report = sideBySide(
    perFramework,
    union,
    python ?? (pythonMissing ? { unavailable: pythonMissing } : undefined),
  );
  mkdirSync(coverageDir, { recursive: true });
  // Atomic: npm start may read it while a coverage run rewrites it.
  writeFileAtomic.sync(
    path.join(coverageDir, SIDE_BY_SIDE_FILE),
    `${JSON.stringify(report, null, 2)}\n`,
  );
  return report;
}
