/**
 * Jest's `coverageThreshold` check, for coverage Jest did not just produce
 * (the merged shards): Jest cannot check a report it did not write. Keys are
 * `global` or directory/file paths relative to the working directory, as in
 * jest.config.js; globs are not supported here.
 */
import path from 'node:path';
import libCoverage, { type CoverageMap } from 'istanbul-lib-coverage';
import { type Level, METRICS } from '../../coverage-config/thresholds.ts';

export type ThresholdGroups = Record<string, Partial<Level>>;

/** One message per missed metric, worded like Jest's; empty when every group passes. */
export function checkThresholdGroups(
  map: CoverageMap,
  groups: ThresholdGroups,
  root: string = process.cwd(),
): string[] {
  const errors: string[] = [];
  const paths = Object.keys(groups).filter((key) => key !== 'global');
  for (const key of paths) {
    if (/[*?[{]/.test(key))
      throw new Error(`coverage threshold key ${key}: globs are not supported`);
  }
  const resolved = new Map(
    paths.map((key) => {
      const absolute = path.resolve(root, key);
      return [key, /[/\\]$/.test(key) ? `${absolute}${path.sep}` : absolute];
    }),
  );
  const inGroup = (file: string, key: string) => {
    const prefix = resolved.get(key) ?? '';
    return prefix.endsWith(path.sep) ? file.startsWith(prefix) : file === prefix;
  };
  for (const [key, level] of Object.entries(groups)) {
    const files = map
      .files()
      .filter((file) =>
        key === 'global' ? !paths.some((p) => inGroup(file, p)) : inGroup(file, key),
      );
    if (files.length === 0) {
      if (key !== 'global') errors.push(`Coverage data for ${key} was not found.`);
      continue;
    }
    const summary = libCoverage.createCoverageSummary();
    for (const file of files) summary.merge(map.fileCoverageFor(file).toSummary());
    for (const metric of METRICS) {
      const limit = level[metric];
      const actual = summary[metric].pct;
      if (limit !== undefined && actual < limit) {
        const where = key === 'global' ? 'global' : `"${key}"`;
        errors.push(
          `Coverage for ${metric} (${actual}%) does not meet ${where} threshold (${limit}%)`,
        );
      }
    }
  }
  return errors;
}
