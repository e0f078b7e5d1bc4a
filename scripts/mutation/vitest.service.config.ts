/**
 * The project's Vitest config cut down to the service's own tests, for the
 * mutation run over src/domain/bonus-server.ts (Stryker options:
 * `vitest: { configFile: this file, related: false }`, no `testFiles`).
 * Stryker 9.6's `testFiles` leaves static mutants (those reached from module
 * scope or a `beforeAll`) switched off, so they pass as survived
 * (stryker-js#6209); `related` finds only files that import the mutated one.
 */
import path from 'node:path';
import { defineConfig } from 'vitest/config';
import projectConfig from '../../vitest.project.config.ts';
import { SERVICE_TESTS } from './config.ts';

export default defineConfig({
  ...projectConfig,
  test: {
    ...projectConfig.test,
    root: path.resolve(import.meta.dirname, '../..'),
    include: SERVICE_TESTS,
    reporters: ['default'],
  },
});
