/** `--reporter junit`: JUnit XML for CI, one testsuite per item and one testcase per example. */
import { createRequire } from 'node:module';
import type { Report } from '../results.ts';
import { failureText } from './text.ts';

function firstLine(text: string): string {
  return text.split('\n')[0] ?? '';
}

/** Characters XML 1.0 cannot hold, even escaped: control characters, U+FFFE/U+FFFF, lone surrogates. */
const NOT_XML = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

/** Text for XML: each character it cannot hold written as a JavaScript escape (`\x1b`). */
function xmlText(text: string): string {
  return text.replace(NOT_XML, (c) => {
    const code = c.codePointAt(0) ?? 0;
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16)}`;
  });
}

export function junitReport(report: Report): string {
  const suites = report.items.map((item) => ({
    '@_name': xmlText(item.name),
    '@_file': xmlText(item.file),
    '@_tests': item.examples.length,
    '@_failures': item.failed,
    '@_skipped': item.skipped,
    testcase: item.examples.map((example) => {
      const testcase: Record<string, unknown> = {
        '@_classname': xmlText(item.name),
        '@_name': xmlText(`line ${example.line}: ${firstLine(example.source)}`),
        '@_file': xmlText(item.file),
        '@_line': example.line,
      };
      if (example.status === 'failed') {
        const message = example.exception
          ? firstLine(example.exception.trimEnd().split('\n').at(-1) ?? '')
          : 'output differs';
        testcase.failure = {
          '@_message': xmlText(message),
          '#text': xmlText(failureText(item, example)),
        };
      } else if (example.status === 'skipped') {
        testcase.skipped = { '@_message': xmlText(example.skipReason ?? 'skipped') };
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
