/**
 * Jest's `--shard` runs, put back together: each shard runs with thresholds
 * off (it sees only part of the suite), so the merged coverage is where the
 * Jest gate bites in CI. Shards come from one tool with one statement map,
 * so merging them is sound. The command line is merge-jest-shards.ts.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import libCoverage, { type CoverageMap } from 'istanbul-lib-coverage';
import { globSync } from 'tinyglobby';
import type { ThresholdGroups } from './check-thresholds.ts';
import { readCoverageMap } from './line-hits.ts';

/** Merge every `coverage-final.json` under `shardsDir`; throws when there is none. */
export function mergeShards(shardsDir: string): CoverageMap {
  const files = globSync('**/coverage-final.json', { cwd: shardsDir, absolute: true }).sort();
  if (files.length === 0) throw new Error(`no coverage-final.json under ${shardsDir}`);
  const merged = libCoverage.createCoverageMap({});
  for (const file of files) merged.merge(readCoverageMap(file));
  return merged;
}

/** jest.config.js's `coverageThreshold`, read from the config itself so the groups cannot drift. */
export async function jestThresholds(): Promise<ThresholdGroups> {
  const url = pathToFileURL(path.resolve('jest.config.js')).href;
  const config = (await import(url)) as { default: { coverageThreshold?: ThresholdGroups } };
  return config.default.coverageThreshold ?? {};
}
