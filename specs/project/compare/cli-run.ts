/** Run the comparison CLI (what `npm start` runs) in a child process, as a user would. */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { CompareReport } from '../../../src/compare/model.ts';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  outDir: string;
  report(): Promise<CompareReport>;
  html(): Promise<string>;
}

export async function runCompare(args: string[], timeoutMs = 300_000): Promise<CliRun> {
  const outDir = await mkdtemp(path.join(os.tmpdir(), 'compare-cli-'));
  const env = { ...process.env, NO_COLOR: '1', CI: 'true' };
  const result = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/compare/cli.ts', '--out-dir', outDir, ...args],
      { env, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
  // The reports are where the command says it wrote them.
  const written = /^reports: (\S+\.html), (\S+\.json)$/m.exec(result.stdout);
  const file = (i: 1 | 2) => path.resolve(written?.[i] ?? path.join(outDir, 'none'));
  return {
    ...result,
    outDir,
    report: async () => JSON.parse(await readFile(file(2), 'utf8')) as CompareReport,
    html: () => readFile(file(1), 'utf8'),
  };
}
