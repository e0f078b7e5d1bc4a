/**
 * The coverage reports every framework writes under `coverage/<framework>/`:
 * the term-missing table on the console and in `coverage.txt`, HTML, lcov,
 * json-summary, and the raw istanbul JSON the union report reads.
 * (jest.config.js, plain JavaScript, lists the same reporters.)
 */
export const TEXT_REPORT_FILE = 'coverage.txt';

export const coverageReporters: [string, Record<string, unknown>][] = [
  ['text', {}],
  ['text', { file: TEXT_REPORT_FILE }],
  ['html', {}],
  ['lcovonly', {}],
  ['json-summary', {}],
  ['json', {}],
];
