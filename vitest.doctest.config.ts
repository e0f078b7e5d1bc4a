// The domain's doc examples (src/domain), run by Vitest through tsdoctest's plugin: a project
// of their own, so that they count neither toward the Vitest lessons' coverage
// (vitest.config.ts) nor their mutation score. `npm run test:vitest:doctest`.
import { defineConfig } from 'vitest/config';
import { NOT_MEASURED } from './coverage-config/reports.ts';
import { tsdoctest } from './src/doctest/vitest.ts';

export default defineConfig({
  plugins: [tsdoctest()],
  test: {
    include: ['src/domain/**/*.ts'],
    // The barrel only re-exports: a test file without tests fails in Vitest.
    exclude: NOT_MEASURED,
    // The settings src/doctest/README.md recommends: each item's examples get pristine
    // built-ins from the plugin, so the files can share one worker and its modules.
    isolate: false,
    pool: 'threads',
    reporters: ['default', ['junit', { outputFile: 'reports/junit/vitest-doctest.xml' }]],
    coverage: {
      provider: 'v8',
      include: ['src/domain/**/*.ts'],
      exclude: NOT_MEASURED,
      reportsDirectory: 'coverage/vitest-doctest',
    },
  },
});
