/**
 * Merge the coverage of Jest's `--shard` runs, write the usual reports and
 * apply jest.config.js's `coverageThreshold` to the merged whole:
 *
 *   tsx scripts/coverage/merge-jest-shards.ts [--shards coverage/jest-shards] [--out coverage/jest]
 */
import type { CoverageMap } from 'istanbul-lib-coverage';
import { createProgram } from '../../src/cli/usage.ts';
import { checkThresholdGroups } from './check-thresholds.ts';
import { jestThresholds, mergeShards } from './jest-shards.ts';
import { writeReports } from './write-reports.ts';

async function main(argv: string[]): Promise<void> {
  const program = createProgram('merge-jest-shards', 'Merge Jest shard coverage and gate it.')
    .option(
      '--shards <dir>',
      'folder holding one coverage folder per shard',
      'coverage/jest-shards',
    )
    .option('--out <dir>', 'where the merged reports go', 'coverage/jest')
    .parse(argv);
  const { shards, out } = program.opts<{ shards: string; out: string }>();
  let merged: CoverageMap;
  try {
    merged = mergeShards(shards);
  } catch (err) {
    console.error(`merge-jest-shards: ${(err as Error).message}`);
    process.exitCode = 1;
    return;
  }
  writeReports(merged, out);
  const errors = checkThresholdGroups(merged, await jestThresholds());
  for (const error of errors) console.error(`Jest (merged shards): ${error}`);
  process.exitCode = errors.length > 0 ? 1 : 0;
}

await main(process.argv);
