// The Jest lesson suites (specs/jest). TypeScript is compiled by SWC to
// CommonJS so `jest.mock` works the classic way, without ESM flags.
/** @type {import('jest').Config} */
export default {
  testMatch: ['<rootDir>/specs/jest/**/*.test.ts'],
  testEnvironment: 'node',
  restoreMocks: true,
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
        module: { type: 'commonjs' },
      },
    ],
  },
  // Source imports name `.ts` files explicitly (Node ESM style); Jest resolves them as-is.
  moduleFileExtensions: ['ts', 'js', 'json'],
  coverageProvider: 'v8',
  collectCoverageFrom: ['src/domain/**/*.ts'],
  coverageDirectory: 'coverage/jest',
};
