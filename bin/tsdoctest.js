#!/usr/bin/env node
// The `tsdoctest` command: Node's own loader, with tsdoctest's hooks, loads its TypeScript.
import { fstatSync } from 'node:fs';
import module from 'node:module';
import { fileURLToPath } from 'node:url';

// A reader that went away (`tsdoctest -v src | head -1`) ends the run quietly, with the
// status a shell reports for a CLI ended by SIGPIPE (Node ignores the signal itself).
process.stdout.on('error', (error) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(128 + 13);
});
// An example that reads a standard input kept open (`readFileSync(0)`) would block its worker
// where no timeout can stop it, and the process with it. Opening stdin as a stream makes a pipe
// non-blocking (libuv does), so that such a read fails at once (EAGAIN).
try {
  const stdin = fstatSync(0);
  if (stdin.isFIFO() || stdin.isSocket()) process.stdin.pause();
} catch {
  // No standard input: nothing to read.
}
// Parsed and transpiled files are kept here, and workers keep the code they compile (your
// modules) where Node can (22.1 and later), unless `--no-cache` (the CLI parses its options
// later, hence the look at argv). This thread compiles only tsdoctest and the packages it
// uses: it keeps their code always, as `python3 -B` still reads the standard library's.
const cacheDir = process.argv.includes('--no-cache')
  ? undefined
  : fileURLToPath(new URL('../node_modules/.cache/tsdoctest', import.meta.url));
module.enableCompileCache?.();
// Where Node strips types itself, it loads tsdoctest's own TypeScript (and keeps the result in
// its compile cache); Node 20 runs a bundle of it (see src/doctest/bundle.mjs).
let cli = new URL('../src/doctest/cli.ts', import.meta.url);
if (!process.features.typescript) {
  const { bundleDirectory } = await import('../src/doctest/bundle.mjs');
  cli = new URL('cli.mjs', await bundleDirectory());
}
const { main } = await import(cli.href);
process.exitCode = await main(process.argv, { cacheDir });
