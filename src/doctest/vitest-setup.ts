/**
 * The plugin's setup file: Vitest runs it in the test worker before each test
 * file, which it then imports. For a documented file, one Vitest test per doc
 * comment (item), named by the item; it runs the item's examples in the module
 * Vitest loaded, in a `vm` context of their own (pristine built-ins, whatever
 * ran before in this worker), and fails with tsdoctest's report of the item.
 */
import { expect, test } from 'vitest';
import { type FileJob, type ItemResult, runFile, textReport } from './index.ts';
import { JOB_PREFIX } from './vitest-job.ts';

/** A failed item: its message is tsdoctest's report; its stack points at the first failure. */
class DocTestFailure extends Error {
  override name = 'DocTestFailure';
}

function failure(item: ItemResult, file: string): DocTestFailure {
  const report = textReport({
    attempted: item.attempted,
    failed: item.failed,
    skipped: item.skipped,
    items: [item],
  });
  const error = new DocTestFailure(report);
  const line = item.examples.find((e) => e.status === 'failed')?.line ?? item.line;
  // Vitest shows the source around the first frame: here, the failing example.
  error.stack = `${error.name}: ${report}\n    at ${item.name} (${file}:${line}:1)`;
  return error;
}

/** One test per item of the file; each runs in the module Vitest loaded as the test file. */
function declareTests(job: FileJob): void {
  for (const [t, doc] of job.tests.entries()) {
    test(doc.name, async (context) => {
      // The test file itself, with the export of its bindings that the plugin appended.
      const module = await import(/* @vite-ignore */ job.file);
      const [item] = await runFile(
        { ...job, tests: [doc], runnables: [job.runnables[t] ?? []], syncTimeout: true },
        { importModule: async () => module },
      );
      if (!item) throw new Error(`tsdoctest: ${doc.name} gave no result`);
      if (item.failed > 0) throw failure(item, job.file);
      if (item.attempted === 0) context.skip('every example of this item is skipped');
    });
  }
}

const file = expect.getState().testPath;
if (file) {
  // A fresh answer for each run: the file may have changed (watch mode), and a worker keeps
  // the modules it loaded from one test file to the next (isolate: false).
  const url = `${JOB_PREFIX}${file}?${Date.now()}`;
  const { default: job } = (await import(/* @vite-ignore */ url)) as { default: FileJob | null };
  if (job) declareTests(job);
}
