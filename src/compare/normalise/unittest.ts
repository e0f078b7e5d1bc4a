/**
 * unittest, run by `src/compare/python/unittest_report.py`: a JSON report with,
 * for each test, its outcome and unittest's own text (the `-v` line, and the
 * FAIL or ERROR block it prints at the end). A module that does not import
 * is a `_FailedTest` in unittest's words, a file error here.
 */
import type { Normalised, TestResult } from '../model.ts';
import { firstLine, toRepoPath } from './text.ts';

interface UnittestRecord {
  id: string;
  status: TestResult['status'];
  message: string | null;
  durationMs: number;
  line: number | null;
  output: string;
}

interface UnittestReport {
  modules: string[];
  tests: UnittestRecord[];
  /** Errors outside any test (setUpClass, setUpModule). */
  errors: { id: string; output: string }[];
}

/** How unittest names a module it could not import: `unittest.loader._FailedTest.<module>`. */
const FAILED_IMPORT = 'unittest.loader._FailedTest.';

/** @param cwd where the helper ran, relative to `root` (module names are relative to it). */
export function normaliseUnittest(json: string, root: string, cwd: string): Normalised {
  const report = JSON.parse(json) as Partial<UnittestReport>;
  if (!Array.isArray(report.modules) || !Array.isArray(report.tests)) {
    throw new Error('no modules or tests in the unittest report');
  }
  // Longest first, so `pkg.test_a` is not taken for a module `pkg`.
  const modules = [...report.modules].sort((a, b) => b.length - a.length);
  const fileOf = (module: string) => toRepoPath(root, `${cwd}/${module.split('.').join('/')}.py`);
  const tests: TestResult[] = [];
  const fileErrors: Normalised['fileErrors'] = [];
  for (const t of report.tests) {
    if (t.id.startsWith(FAILED_IMPORT)) {
      fileErrors.push({ file: fileOf(t.id.slice(FAILED_IMPORT.length)), message: t.output.trim() });
      continue;
    }
    const module = modules.find((m) => t.id.startsWith(`${m}.`));
    if (!module) continue;
    tests.push({
      file: fileOf(module),
      name: t.id.slice(module.length + 1).split('.'),
      status: t.status,
      durationMs: t.durationMs,
      message: t.message === null ? undefined : firstLine(t.message),
      output: t.output.replace(/\n+$/, ''),
      line: t.line ?? undefined,
    });
  }
  for (const e of report.errors ?? []) {
    // `setUpClass (module.Class)`: the class's tests did not run.
    const module = modules.find((m) => e.id.includes(`(${m}.`) || e.id.includes(`(${m})`));
    if (module) fileErrors.push({ file: fileOf(module), message: e.output.trim() });
  }
  return { tests, fileErrors };
}
