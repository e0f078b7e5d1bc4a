/** tsdoctest's programmatic API: `runDoctests({ paths, options })` → the JSON report model. */
export { checkOutput, outputDifference } from './checker.ts';
export type { DocTest } from './doctest.ts';
export type { Example } from './example.ts';
export { type FileJob, runFile } from './execute.ts';
export { type FoundFile, findDocTests } from './finder.ts';
export { FLAG_NAMES, type Flag } from './flags.ts';
export { parseExamples } from './parser.ts';
export { jsonReport } from './reporters/json.ts';
export { junitReport } from './reporters/junit.ts';
export { textReport } from './reporters/text.ts';
export type { ExampleResult, ItemResult, Report } from './results.ts';
export { DEFAULT_TIMEOUT_MS, jobFor, parseFile, type RunOptions, runDoctests } from './runner.ts';
