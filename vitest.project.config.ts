// The project's own tests (specs/project): the domain, tsdoctest, compare, workshop.
import { defineConfig } from 'vitest/config';
import { coverageReporters } from './coverage-config/reports.ts';
import { thresholds } from './coverage-config/thresholds.ts';

export default defineConfig({
  test: {
    include: ['specs/project/**/*.test.ts'],
    restoreMocks: true,
    // JUnit XML for CI test reporting, beside the usual console output.
    reporters: ['default', ['junit', { outputFile: 'reports/junit/project.xml' }]],
    testTimeout: 60_000,
    // Two files at a time: Vitest's default leaves one core for itself (one
    // file at a time on a 2-core machine), but these tests mostly wait on the
    // processes they start. Not more: tests that bound a time need a free core.
    maxWorkers: 2,
    coverage: {
      provider: 'v8',
      include: ['src/doctest/**/*.ts', 'src/compare/**/*.ts', 'src/workshop/**/*.ts'],
      reportsDirectory: 'coverage/project',
      reporter: coverageReporters,
      reportOnFailure: true,
      thresholds: thresholds.levels.global,
    },
  },
});
