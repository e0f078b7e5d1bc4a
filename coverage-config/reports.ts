/**
 * The coverage reports every framework writes under `coverage/<framework>/`:
 * the term-missing table on the console and in `coverage.txt`, HTML, lcov,
 * json-summary, and the raw istanbul JSON the union report reads.
 * (jest.config.js, plain JavaScript, lists the same reporters.)
 */
export const TEXT_REPORT_FILE = 'coverage.txt';

/**
 * Left out of every coverage figure (Vitest, Jest, c8 around tsdoctest, so
 * the union too): the domain's barrel only re-exports, so its figure says
 * whether a tool happened to load it (tsdoctest's examples import the modules
 * themselves: 0%; the lessons import the barrel: 100%), nothing about a test.
 * jest.config.js, plain JavaScript, lists the same.
 */
export const NOT_MEASURED = ['src/domain/index.ts'];

export const coverageReporters: [string, Record<string, unknown>][] = [
  ['text', {}],
  ['text', { file: TEXT_REPORT_FILE }],
  ['html', {}],
  ['lcovonly', {}],
  ['json-summary', {}],
  ['json', {}],
];
