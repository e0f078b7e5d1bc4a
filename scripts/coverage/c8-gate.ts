/**
 * Run a command under c8 with one level of coverage-config/thresholds.json:
 *
 *   tsx scripts/coverage/c8-gate.ts --level tsdoctest --include src/domain \
 *     --reports-dir coverage/tsdoctest -- tsdoctest src/domain
 *
 * Exits non-zero when the command fails or a threshold is missed.
 */
import { Option } from 'commander';
import { LEVEL_NAMES, type LevelName } from '../../coverage-config/thresholds.ts';
import { createProgram } from '../../src/cli/usage.ts';
import { runC8Gate } from './c8.ts';

function main(argv: string[]): void {
  const program = createProgram('c8-gate', 'Run a command under c8 with the agreed thresholds.')
    .addOption(
      new Option('--level <name>', 'threshold level from coverage-config/thresholds.json')
        .choices(LEVEL_NAMES)
        .default('tsdoctest'),
    )
    .option(
      '--include <glob>',
      'files to measure (repeatable)',
      (value: string, previous: string[]) => [...previous, value],
      [] as string[],
    )
    .option('--reports-dir <dir>', 'where the reports go', 'coverage/tsdoctest')
    .argument('<command...>', 'the command to measure, after --')
    .parse(argv);
  const opts = program.opts<{ level: LevelName; include: string[]; reportsDir: string }>();
  process.exitCode = runC8Gate(
    { ...opts, include: opts.include.length > 0 ? opts.include : ['src/domain'] },
    program.args,
  );
}

main(process.argv);
