// The project's own tests (specs/project): the domain, tsdoctest, compare, workshop.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['specs/project/**/*.test.ts'],
    restoreMocks: true,
    testTimeout: 60_000,
    coverage: {
      provider: 'v8',
      include: ['src/doctest/**/*.ts', 'src/compare/**/*.ts', 'src/workshop/**/*.ts'],
      reportsDirectory: 'coverage/project',
    },
  },
});
