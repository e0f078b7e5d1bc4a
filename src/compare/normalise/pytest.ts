/**
 * pytest (the pytest-style references; unittest ones run under unittest): outcomes from its
 * JUnit XML (`-o junit_family=xunit1`, which adds `file` and `line`), verbatim
 * output from `pytest -v`: the test's own result line plus the failure text
 * pytest puts in the XML (the same text as its FAILURES section).
 */
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import stripAnsi from 'strip-ansi';
import type { Normalised, TestResult, TestStatus } from '../model.ts';
import { firstLine, toRepoPath } from './text.ts';

interface Outcome {
  '@_message'?: string;
  '#text'?: string;
}

interface TestCase {
  '@_classname': string;
  '@_name': string;
  '@_file'?: string;
  '@_line'?: string;
  '@_time'?: string;
  failure?: Outcome;
  error?: Outcome;
  skipped?: Outcome;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  htmlEntities: true,
  isArray: (name) => name === 'testsuite' || name === 'testcase',
});

/**
 * @param xml the JUnit XML pytest wrote
 * @param stdout what `pytest -v` printed
 * @param cwd the directory pytest ran in, relative to `root` (used when stdout names no rootdir)
 */
export function normalisePytest(
  xml: string,
  stdout: string,
  root: string,
  cwd: string,
): Normalised {
  const doc = parser.parse(xml) as {
    testsuites?: { testsuite?: { testcase?: TestCase[] }[] };
    testsuite?: { testcase?: TestCase[] }[];
  };
  const suites = doc.testsuites?.testsuite ?? doc.testsuite;
  if (!suites) throw new Error('no testsuite in the JUnit XML');
  const lines = stripAnsi(stdout).split('\n');
  // `file` attributes are relative to pytest's rootdir (where its ini file is), which it prints.
  const rootdir = lines
    .map((l) => l.match(/^rootdir: (.+?)(, (configfile|testpaths): .*)?$/)?.[1])
    .find(Boolean);
  const base = rootdir ?? path.join(root, cwd);
  const tests: TestResult[] = [];
  const fileErrors: Normalised['fileErrors'] = [];
  for (const tc of suites.flatMap((s) => s.testcase ?? [])) {
    const relFile = tc['@_file'] ?? moduleFile(tc['@_classname'], tc['@_name']);
    const file = toRepoPath(root, path.resolve(base, relFile));
    if (tc.error && tc['@_classname'] === '') {
      // A collection error: the module did not import, so none of its tests ran.
      fileErrors.push({ file, message: text(tc.error) });
      continue;
    }
    const module = relFile.replace(/\.py$/, '').split('/').join('.');
    const classes = tc['@_classname'].startsWith(`${module}.`)
      ? tc['@_classname'].slice(module.length + 1).split('.')
      : [];
    const name = [...classes, tc['@_name']];
    const status: TestStatus = tc.skipped
      ? 'skipped'
      : tc.failure || tc.error
        ? 'failed'
        : 'passed';
    const failure = tc.failure ?? tc.error;
    const nodeId = `${relFile}::${name.join('::')}`;
    const resultLine = lines
      .find((l) => {
        // -v names the test relative to where pytest ran, which may be below its rootdir.
        const id = l.split(' ')[0] ?? '';
        return id === nodeId || (id.includes('::') && nodeId.endsWith(`/${id}`));
      })
      ?.replace(/\s+\[\s*\d+%\]$/, '');
    tests.push({
      file,
      name,
      status,
      durationMs: tc['@_time'] === undefined ? undefined : Number(tc['@_time']) * 1000,
      message: tc.skipped
        ? plain(tc.skipped['@_message'] ?? '')
        : failure
          ? firstLine(plain(failure['@_message'] ?? text(failure)))
          : undefined,
      output: [resultLine, failure ? `\n${text(failure)}` : undefined]
        .filter((l) => l !== undefined)
        .join('\n'),
      line: tc['@_line'] === undefined ? undefined : Number(tc['@_line']) + 1,
    });
  }
  return { tests, fileErrors };
}

function text(outcome: Outcome | string): string {
  const raw =
    typeof outcome === 'string' ? outcome : (outcome['#text'] ?? outcome['@_message'] ?? '');
  return plain(raw);
}

/** Colours pytest wrote anyway (PY_COLORS, FORCE_COLOR), raw or as XML escapes of ESC. */
function plain(raw: string): string {
  return stripAnsi(raw.replace(/#x1B(?=\[)/g, '\u001b'));
}

/** Without `file` attributes (xunit2), guess the module file from the class name. */
function moduleFile(classname: string, name: string): string {
  return classname === '' ? `${name}.py` : `${classname.split('.')[0]}.py`;
}
