/** `--reporter junit`: JUnit XML for CI, one testsuite per item and one testcase per example. */
import { createRequire } from 'node:module';
import type { Report } from '../results.ts';
import { failureText } from './text.ts';

function firstLine(text: string): string {
  return text.split('\n')[0] ?? '';
}

export function junitReport(report: Report): string {
  const suites = report.items.map((item) => ({
    '@_name': item.name,
    '@_file': item.file,
    '@_tests': item.examples.length,
    '@_failures': item.failed,
    '@_skipped': item.skipped,
    testcase: item.examples.map((example) => {
      const testcase: Record<string, unknown> = {
        '@_classname': item.name,
        '@_name': `line ${example.line}: ${firstLine(example.source)}`,
        '@_file': item.file,
        '@_line': example.line,
      };
      if (example.status === 'failed') {
        const message = example.exception
          ? firstLine(example.exception.trimEnd().split('\n').at(-1) ?? '')
          : 'output differs';
        testcase.failure = { '@_message': message, '#text': failureText(item, example) };
      } else if (example.status === 'skipped') {
        testcase.skipped = { '@_message': example.skipReason ?? 'skipped' };
      }
      return testcase;
    }),
  }));
  // CommonJS, one file, loaded only for this reporter (the ESM build is some forty modules).
  const { XMLBuilder } = createRequire(import.meta.url)(
    'fast-xml-parser',
  ) as typeof import('fast-xml-parser');
  const builder = new XMLBuilder({
    ignoreAttributes: false,
    format: true,
    suppressEmptyNode: true,
  });
  const xml = builder.build({
    testsuites: {
      '@_name': 'tsdoctest',
      '@_tests': report.attempted + report.skipped,
      '@_failures': report.failed,
      '@_skipped': report.skipped,
      testsuite: suites,
    },
  }) as string;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${xml}`;
}
