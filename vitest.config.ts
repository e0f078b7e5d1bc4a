// The Vitest lesson suites (specs/vitest): the mirrors of the course.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['specs/vitest/**/*.test.ts'],
    restoreMocks: true,
    coverage: {
      provider: 'v8',
      include: ['src/domain/**/*.ts'],
      reportsDirectory: 'coverage/vitest',
    },
  },
});
