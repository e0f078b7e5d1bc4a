/**
 * Append the side-by-side coverage table, as markdown, to the GitHub Actions
 * job summary (`$GITHUB_STEP_SUMMARY`), or print it when that is not set.
 * Reads `coverage/side-by-side.json`, written by `npm run coverage`.
 */
import { appendFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createProgram } from '../../src/cli/usage.ts';
import type { SideBySide } from './side-by-side.ts';
import { renderMarkdown } from './table.ts';
import { SIDE_BY_SIDE_FILE } from './union-report.ts';

const program = createProgram('coverage-summary', 'Write the coverage table to the job summary.')
  .option('--from <file>', 'the side-by-side report', path.join('coverage', SIDE_BY_SIDE_FILE))
  .parse(process.argv);
const { from } = program.opts<{ from: string }>();

let report: SideBySide;
try {
  report = JSON.parse(readFileSync(from, 'utf8')) as SideBySide;
} catch (err) {
  console.error(
    `coverage-summary: cannot read ${from} (run npm run coverage first): ${(err as Error).message}`,
  );
  process.exit(1);
}
const markdown = `## Line coverage of src/domain per framework\n\nUncovered lines in brackets; *union* counts a line as covered when any framework ran it.\n\n${renderMarkdown(report)}\n`;
const target = process.env.GITHUB_STEP_SUMMARY;
if (target) appendFileSync(target, markdown);
else process.stdout.write(markdown);
