#!/usr/bin/env node
// Run the CLI from the bundle of its sources (see src/doctest/bundle.mjs). The first
// pool worker boots while this thread loads the CLI (unreferenced until the pool adopts it).
import { fileURLToPath } from 'node:url';
import { bundleDirectory } from '../src/doctest/bundle.mjs';

// A reader that went away (`tsdoctest -v src | head -1`) ends the run quietly, with the
// status a shell reports for a CLI ended by SIGPIPE (Node ignores the signal itself).
process.stdout.on('error', (error) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(128 + 13);
});
const bundle = await bundleDirectory();
// Parsed and transpiled files are kept with the bundle: a change to tsdoctest starts afresh.
// (The first worker starts before the CLI parses its options, hence the look at argv.)
const cacheDir = process.argv.includes('--no-cache')
  ? undefined
  : fileURLToPath(new URL('cache', bundle));
const { startWorker } = await import(new URL('worker-boot.mjs', bundle).href);
const first = startWorker(cacheDir);
first.unref();
const { main } = await import(new URL('cli.mjs', bundle).href);
process.exitCode = await main(process.argv, { startedWorkers: [first], cacheDir });
