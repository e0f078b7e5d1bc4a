// The Vitest lesson suites (specs/vitest): the mirrors of the course.
import { configDefaults, defineConfig } from 'vitest/config';
import { coverageReporters, NOT_MEASURED } from './coverage-config/reports.ts';
import { isShard, thresholds } from './coverage-config/thresholds.ts';

export default defineConfig({
  test: {
    include: ['specs/vitest/**/*.test.ts'],
    // Deliberate failure demos run only with TEST_DOJO_DEMO_FAILURES=1 (npm start -- --demo-failures).
    exclude: [
      ...configDefaults.exclude,
      ...(process.env.TEST_DOJO_DEMO_FAILURES === '1' ? [] : ['specs/vitest/demo-failures/**']),
    ],
    restoreMocks: true,
    // Files and tests run in random order, as pytest-randomly does for pytest,
    // so no test can lean on what another left behind. Vitest prints the seed
    // (`Running tests with seed "N"`); replay a run with `--sequence.seed=N`.
    sequence: { shuffle: true },
    // Hermetic: loopback-only network, sinon and nock reset after each test.
    setupFiles: ['specs/vitest/setup/hermetic.ts'],
    // JUnit XML for CI test reporting, beside the usual console output.
    reporters: ['default', ['junit', { outputFile: 'reports/junit/vitest.xml' }]],
    coverage: {
      provider: 'v8',
      include: ['src/domain/**/*.ts'],
      exclude: NOT_MEASURED,
      reportsDirectory: 'coverage/vitest',
      reporter: coverageReporters,
      reportOnFailure: true,
      thresholds: isShard ? {} : { 'src/domain/**': thresholds.levels.domain },
    },
  },
});
