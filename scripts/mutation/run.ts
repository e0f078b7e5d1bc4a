/**
 * `npm run mutation [-- SUITE...] [--concurrency N]`: one StrykerJS run per
 * suite (jest, vitest, tsdoctest, project; all by default), each writing its
 * HTML and JSON reports under reports/mutation/<suite>/, then one table of the
 * scores side by side and reports/mutation/summary.json for `npm start`
 * (suites not run this time keep their last score there).
 * Exits 1 when a suite's score is under its break threshold (StrykerJS's own
 * verdict) or a suite could not run, 2 on a usage error.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Stryker } from '@stryker-mutator/core';
import { Argument } from 'commander';
import { thresholds } from '../../coverage-config/thresholds.ts';
import { createProgram, integerIn } from '../../src/cli/usage.ts';
import { MUTATION_SUMMARY_FILE, type MutationScore } from '../../src/compare/mutation.ts';
import {
  jsonReportFile,
  MUTATION_SUITES,
  type MutationSuite,
  type SuiteOptions,
  strykerOptions,
} from './config.ts';
import {
  mergeSummary,
  renderTable,
  type StrykerReport,
  type SuiteOutcome,
  scoreReport,
} from './summary.ts';

function parse(argv: string[]): { suites: MutationSuite[]; concurrency: number } {
  const program = createProgram(
    'mutation',
    'One StrykerJS run per suite, then the scores side by side.',
  )
    .addArgument(
      new Argument('[suite...]', 'the suites to run (default: all)').choices(MUTATION_SUITES),
    )
    .option('--concurrency <n>', 'parallel test runners', integerIn(1, 64), 2)
    .parse(argv, { from: 'user' });
  const chosen = program.processedArgs[0] as MutationSuite[];
  const { concurrency } = program.opts<{ concurrency: number }>();
  return {
    suites: MUTATION_SUITES.filter((s) => chosen.length === 0 || chosen.includes(s)),
    concurrency,
  };
}

async function runSuite(suite: MutationSuite, options: SuiteOptions): Promise<SuiteOutcome> {
  const started = Date.now();
  // StrykerJS says "under the break threshold" by setting the exit code; read it per run.
  process.exitCode = 0;
  try {
    await new Stryker(strykerOptions(suite, options)).runMutationTest();
  } catch (err) {
    return {
      suite,
      wallMs: Date.now() - started,
      error: (err as Error).message.split('\n')[0] ?? '',
    };
  }
  const passed = process.exitCode === 0;
  const report = JSON.parse(readFileSync(jsonReportFile(suite), 'utf8')) as StrykerReport;
  const score: MutationScore = scoreReport(report, thresholds.mutation[suite], passed);
  return { suite, wallMs: Date.now() - started, score };
}

async function main(): Promise<void> {
  const { suites, concurrency } = parse(process.argv.slice(2));
  // The deliberate failure demos must never count as tests here (jest.config.js, vitest.config.ts).
  delete process.env.TEST_DOJO_DEMO_FAILURES;
  const tty = Boolean(process.stdout.isTTY);
  const colors = tty && !process.env.NO_COLOR;
  const started = Date.now();
  const outcomes: SuiteOutcome[] = [];
  for (const suite of suites) outcomes.push(await runSuite(suite, { concurrency, tty, colors }));

  const scores = Object.fromEntries(
    outcomes.flatMap((o) => ('score' in o ? [[o.suite, o.score] as const] : [])),
  );
  const before = existsSync(MUTATION_SUMMARY_FILE)
    ? readFileSync(MUTATION_SUMMARY_FILE, 'utf8')
    : undefined;
  mkdirSync(path.dirname(MUTATION_SUMMARY_FILE), { recursive: true });
  writeFileSync(
    MUTATION_SUMMARY_FILE,
    `${JSON.stringify(mergeSummary(before, suites, scores), null, 2)}\n`,
  );

  process.stdout.write(`\nMutation scores (StrykerJS)\n${renderTable(outcomes, colors)}\n`);
  process.stdout.write(
    `wall ${((Date.now() - started) / 1000).toFixed(0)} s; reports: reports/mutation/<suite>/mutation.html, ${MUTATION_SUMMARY_FILE}\n`,
  );
  const failed = outcomes.some((o) => !('score' in o) || !o.score.passed);
  process.exitCode = failed ? 1 : 0;
}

await main();
