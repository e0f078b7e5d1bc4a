#!/usr/bin/env node
// Start the TypeScript CLI through tsx, so `npx tsdoctest src` needs no build step.
// The first pool worker boots meanwhile (unreferenced until the pool adopts it).
import module, { createRequire } from 'node:module';
import { startWorker } from '../src/doctest/worker-boot.mjs';

// Node 22.1+ keeps compiled code on disk between runs (Node 20 lacks it: nothing happens).
module.enableCompileCache?.();
// A reader that went away (`tsdoctest -v src | head -1`) ends the run quietly, with the
// status a shell reports for a CLI ended by SIGPIPE (Node ignores the signal itself).
process.stdout.on('error', (error) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(128 + 13);
});
const first = startWorker();
first.unref();
let main;
if (process.argv.some((arg) => arg === '--watch' || arg === '--typecheck')) {
  // These import modules on demand, which takes tsx's ESM hooks.
  (await import('tsx/esm/api')).register();
  ({ main } = await import('../src/doctest/cli.ts'));
} else {
  // tsx's CommonJS hooks run in this thread: no loader thread to start, no round trips.
  const require = createRequire(import.meta.url);
  require('tsx/cjs/api').register();
  ({ main } = require('../src/doctest/cli.ts'));
}
process.exitCode = await main(process.argv, [first]);
