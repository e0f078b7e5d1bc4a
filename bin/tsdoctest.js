#!/usr/bin/env node
// Start the TypeScript CLI through tsx, so `npx tsdoctest src` needs no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/doctest/cli.ts');
process.exitCode = await main(process.argv);
