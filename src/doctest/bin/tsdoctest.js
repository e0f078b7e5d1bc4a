#!/usr/bin/env node
// The `tsdoctest` command: Node's own loader, with tsdoctest's hooks, loads its TypeScript.
import { existsSync, fstatSync } from 'node:fs';
import module from 'node:module';
import findCacheDirectory from 'find-cache-directory';

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
// Parsed and transpiled files are kept in the node_modules/.cache/tsdoctest of the project
// tsdoctest runs in (the nearest package.json above the working directory, or $CACHE_DIR/
// tsdoctest), and workers keep the code they compile (your modules) where Node can (22.1 and
// later), unless `--no-cache` (the CLI parses its options later, hence the look at argv) or
// no such folder can be written. This thread compiles only tsdoctest and the packages it
// uses: it keeps their code always, as `python3 -B` still reads the standard library's.
const cacheDir = process.argv.includes('--no-cache')
  ? undefined
  : findCacheDirectory({ name: 'tsdoctest' });
module.enableCompileCache?.();
// Installed from its tarball, tsdoctest runs the JavaScript that `npm pack` built (Node refuses
// to strip types under node_modules). From its sources, where Node strips types itself, it loads
// its own TypeScript (and keeps the result in its compile cache); Node 20 runs a bundle of it
// (see bundle.mjs).
let cli = new URL('../cli.ts', import.meta.url);
if (!existsSync(cli)) cli = new URL('../dist/cli.js', import.meta.url);
else if (!process.features.typescript) {
  const { bundleDirectory } = await import('../bundle.mjs');
  cli = new URL('cli.mjs', await bundleDirectory());
}
const { main } = await import(cli.href);
process.exitCode = await main(process.argv, { cacheDir });
