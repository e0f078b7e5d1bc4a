// Shared helpers of the tsdoctest tests: run the CLI as a user would.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const BIN = path.join(ROOT, 'src/doctest/bin/tsdoctest.js');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Run `tsdoctest args...` in the project root (or `cwd`). */
export function tsdoctest(
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, ...options.env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * The shape of a doctest report: separators, headers, counts and summary kept;
 * example source, values and stack lines (the indented blocks) reduced to one marker;
 * names and paths reduced to letters, so `classic_failures.add_num` ≡ `classic-failures.addNum`.
 */
export function structure(report: string): string[] {
  const name = (n: string) => n.toLowerCase().replace(/[-_]/g, '');
  const out: string[] = [];
  let listing = false;
  for (const line of report.split('\n')) {
    const header = /^File "(.*)", line (\d+), in (.*)$/.exec(line);
    const count = /^ +(\d+) of +(\d+) in (.*)$/.exec(line);
    const passed = /^ +(\d+) tests? in (.*)$/.exec(line);
    if (header)
      out.push(
        `File "${name(path.parse(header[1] ?? '').name)}", line ${header[2]}, in ${name(header[3] ?? '')}`,
      );
    else if (count) out.push(`${count[1]} of ${count[2]} in ${name(count[3] ?? '')}`);
    else if (passed) out.push(`${passed[1]} in ${name(passed[2] ?? '')}`);
    else if (listing && line.startsWith('    ')) out.push(`    ${name(line.trim())}`);
    else if (line.startsWith('    ')) {
      if (out.at(-1) !== '<block>') out.push('<block>');
    } else out.push(line);
    // The names under "N items had no tests:" are kept, not reduced to a block.
    if (!line.startsWith('    ')) listing = / had no tests:$/.test(line);
  }
  return out;
}

/** The part of tsdoctest's text report that CPython's has too: all but the re-run commands. */
export function cpythonPart(report: string): string {
  const at = report.indexOf('To run a failed item again:\n');
  return at < 0 ? report : report.slice(0, at);
}
