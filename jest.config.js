// The Jest lesson suites (specs/jest). TypeScript is compiled by SWC to
// CommonJS so `jest.mock` works the classic way, without ESM flags.
import { readFileSync } from 'node:fs';

// Coverage numbers live only in coverage-config/thresholds.json (see thresholds.ts).
const { levels } = JSON.parse(
  readFileSync(new URL('./coverage-config/thresholds.json', import.meta.url), 'utf8'),
);
const swc = JSON.parse(
  readFileSync(new URL('./specs/jest/setup/swc.json', import.meta.url), 'utf8'),
);

/** @type {import('jest').Config} */
export default {
  testMatch: ['<rootDir>/specs/jest/**/*.test.ts'],
  // Deliberate failure demos run only with TEST_DOJO_DEMO_FAILURES=1 (npm start -- --demo-failures).
  testPathIgnorePatterns: [
    '/node_modules/',
    ...(process.env.TEST_DOJO_DEMO_FAILURES === '1' ? [] : ['<rootDir>/specs/jest/demo-failures/']),
  ],
  testEnvironment: 'node',
  // Tests run in random order within each file, as pytest-randomly does for
  // pytest, so no test can lean on what another left behind. Jest prints the
  // seed (`Seed:` in the summary); replay a run with `--seed=N`.
  randomize: true,
  restoreMocks: true,
  // Hermetic: loopback-only network, sinon and nock reset after each test.
  setupFilesAfterEnv: ['<rootDir>/specs/jest/setup/hermetic.ts'],
  // The SWC options live in specs/jest/setup/swc.json: the workshop compiles learners' Jest tests alike.
  transform: { '^.+\\.ts$': ['@swc/jest', swc] },
  // Source imports name `.ts` files explicitly (Node ESM style); Jest resolves them as-is.
  moduleFileExtensions: ['ts', 'js', 'json'],
  coverageProvider: 'v8',
  // The barrel only re-exports: left out everywhere (NOT_MEASURED in coverage-config/reports.ts).
  collectCoverageFrom: ['src/domain/**/*.ts', '!src/domain/index.ts'],
  coverageDirectory: 'coverage/jest',
  // The same reports as coverage-config/reports.ts gives Vitest.
  coverageReporters: [
    'text',
    ['text', { file: 'coverage.txt' }],
    'html',
    'lcovonly',
    'json-summary',
    'json',
  ],
  coverageThreshold: { './src/domain/': levels.domain },
  // JUnit XML for CI test reporting, beside the usual console output.
  reporters: [
    'default',
    ['jest-junit', { outputDirectory: 'reports/junit', outputName: 'jest.xml' }],
  ],
};
