// The corpus of `npm run bench:doctest` under Vitest, through tsdoctest's plugin: the corpus
// folder is given as `--root`, the settings (isolate, pool) on the command line.
import { defineConfig } from 'vitest/config';
import { tsdoctest } from '../../src/doctest/vitest.ts';

export default defineConfig({ plugins: [tsdoctest()], test: { include: ['**/*.ts'] } });
