#!/usr/bin/env node
// Start the TypeScript CLI through tsx, so `npx tsdoctest src` needs no build step.
// The first pool worker boots meanwhile (unreferenced until the pool adopts it).
import { startWorker } from '../src/doctest/worker-boot.mjs';

const first = startWorker();
first.unref();
const { register } = await import('tsx/esm/api');
register();
const { main } = await import('../src/doctest/cli.ts');
process.exitCode = await main(process.argv, [first]);
