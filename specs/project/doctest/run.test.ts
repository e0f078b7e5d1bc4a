// Runs tsdoctest in this thread (`inProcess`), so coverage sees the runner, executor and reporters.
import { describe, expect, it } from 'vitest';
import {
  jsonReport,
  junitReport,
  type Report,
  runDoctests,
  textReport,
} from '../../../src/doctest/index.ts';
import { ROOT } from './helpers.ts';

function run(
  paths: string[],
  options: Parameters<typeof runDoctests>[0]['options'] = {},
): Promise<Report> {
  return runDoctests({
    paths,
    options: { inProcess: true, cwd: ROOT, timeoutMs: 2000, ...options },
  });
}

function statuses(report: Report, name: string): string[] {
  return report.items.find((i) => i.name === name)?.examples.map((e) => e.status) ?? [];
}

describe('runDoctests (in process)', () => {
  it('passes the domain examples', async () => {
    const report = await run(['src/domain']);
    expect(report.failed).toBe(0);
    expect(report.attempted).toBeGreaterThanOrEqual(28);
    expect(report.items.map((i) => i.name)).toContain('calculation.Cal.addNumAndDouble');
  });

  it('counts the classic lesson: 5 examples, 3 failures', async () => {
    const report = await run(['fixtures/doctest/classic-failures.ts']);
    expect([report.attempted, report.failed, report.skipped]).toEqual([5, 3, 0]);
    const [first, second] = report.items;
    expect(first?.examples.map((e) => e.failure ?? e.status)).toEqual([
      'passed',
      'output',
      'passed',
      'exception',
    ]);
    expect(first?.examples[3]?.exception).toMatch(
      /TypeError: unsupported operand types for \+: 'string' and 'number'\n$/,
    );
    expect(second).toMatchObject({
      name: 'classic-failures.addNum',
      file: 'fixtures/doctest/classic-failures.ts',
      attempted: 1,
      failed: 1,
    });
  });

  it('shares declarations within a comment only, and sees private module names', async () => {
    const report = await run(['fixtures/doctest/scope.ts']);
    expect(report.failed).toBe(0);
    expect(report.attempted).toBe(24);
    expect(statuses(report, 'scope.receiver')).toEqual(Array(7).fill('passed'));
  });

  it('applies each flag', async () => {
    const report = await run(['fixtures/doctest/flags.ts'], { flags: [] });
    expect(statuses(report, 'flags')).toEqual([
      'passed',
      'passed',
      'passed',
      'failed',
      'passed',
      'failed',
      'skipped',
      'skipped',
    ]);
    expect(report.items.find((i) => i.name === 'flags')).toMatchObject({
      attempted: 6,
      failed: 2,
      skipped: 2,
    });
  });

  it('runs REQUIRES(env:NAME) examples when the variable is set', async () => {
    process.env.TSDOCTEST_FLAG_TEST = 'on';
    try {
      const report = await run(['fixtures/doctest/flags.ts']);
      expect(statuses(report, 'flags')[7]).toBe('passed');
    } finally {
      delete process.env.TSDOCTEST_FLAG_TEST;
    }
  });

  it('REPORT_ONLY_FIRST_FAILURE reports one failure and counts both', async () => {
    const report = await run(['fixtures/doctest/flags.ts']);
    const text = textReport({
      ...report,
      items: report.items.filter((i) => i.name === 'flags.onlyFirst'),
    });
    expect(text.match(/Failed example:/g)).toHaveLength(1);
    expect(text).toContain('   2 of   2 in flags.onlyFirst\n');
  });

  it('run-wide flags (-o) reach every example', async () => {
    const report = await run(['fixtures/doctest/flags.ts'], { flags: ['REPORT_UDIFF'] });
    const item = report.items.find((i) => i.name === 'flags.lines');
    expect(textReport({ ...report, items: item ? [item] : [] })).toContain(
      'Differences (unified diff with -expected +actual):\n    @@ -1,3 +1,3 @@\n     one\n    -TWO\n    +two\n     three\n',
    );
  });

  it('FAIL_FAST stops at the first failing example of the run', async () => {
    const report = await run(['fixtures/doctest/classic-failures.ts'], { failFast: true });
    expect(report.items).toHaveLength(1);
    expect([report.attempted, report.failed]).toEqual([2, 1]);
  });

  it('reports hostile examples as failures and goes on', async () => {
    // (thrown-values.ts leaves a rejected promise behind, which the test runner would catch: see cli.test.ts.)
    const report = await run(
      [
        'fixtures/doctest/hostile/process-exit.ts',
        'fixtures/doctest/hostile/sync-loop.ts',
        'fixtures/doctest/hostile/syntax-error.ts',
      ],
      { timeoutMs: 300 },
    );
    expect(statuses(report, 'process-exit.quit')).toEqual(['failed', 'failed', 'passed']);
    expect(statuses(report, 'sync-loop.spin')).toEqual(['failed', 'passed']);
    expect(statuses(report, 'syntax-error.syntax')).toEqual(['failed', 'passed', 'passed']);
    const exceptions = report.items.flatMap((i) => i.examples.map((e) => e.exception ?? ''));
    expect(exceptions.join('')).toContain('SystemExit: process.exit(3) called');
    expect(exceptions.join('')).toContain('Script execution timed out after 300ms');
    expect(exceptions.join('')).toContain('SyntaxError: Unexpected end of input');
  });

  it('fails every example of a module that cannot load', async () => {
    const report = await run(['fixtures/doctest/hostile/unterminated.ts']);
    expect(report.failed).toBe(1);
    // Node's own type stripping reports the error where Node has it; esbuild elsewhere.
    const { typescript } = process.features as { typescript?: string };
    expect(report.items[0]?.examples[0]?.exception).toContain(
      typescript
        ? 'SyntaxError: Unterminated block comment'
        : 'SyntaxError: Expected "*/" to terminate multi-line comment (fixtures/doctest/hostile/unterminated.ts:8:1)',
    );
  });

  it('writes the JSON shape of the issue, without items that have no examples', async () => {
    const report = await run(['fixtures/doctest/classic-failures.ts']);
    const json = JSON.parse(jsonReport(report));
    expect(Object.keys(json)).toEqual(['attempted', 'failed', 'skipped', 'items']);
    expect(json.items.map((i: { name: string }) => i.name)).toEqual([
      'classic-failures.Cal.addNumAndDouble',
      'classic-failures.addNum',
    ]);
    expect(json.items[1]).toMatchObject({
      name: 'classic-failures.addNum',
      file: 'fixtures/doctest/classic-failures.ts',
      line: 27,
      attempted: 1,
      failed: 1,
      skipped: 0,
      examples: [
        {
          line: 28,
          source: 'addNum(1, 1)\n',
          want: '3\n',
          got: '2\n',
          status: 'failed',
          exception: null,
        },
      ],
    });
  });

  it("gives each JSON item the text report's words for it: -v transcript, else its failures", async () => {
    const report = await run(['fixtures/doctest/classic-failures.ts', 'fixtures/doctest/flags.ts']);
    const texts = (verbose: boolean): string[] =>
      JSON.parse(jsonReport(report, { verbose })).items.map((i: { text: string }) => i.text);
    const verbose = texts(true);
    expect(verbose[1]).toBe(
      'Trying:\n    addNum(1, 1)\nExpecting:\n    3\n' +
        '**********************************************************************\n' +
        'File "fixtures/doctest/classic-failures.ts", line 28, in classic-failures.addNum\n' +
        'Failed example:\n    addNum(1, 1)\nExpected:\n    3\nGot:\n    2\n',
    );
    // Joined, they are the text report before its summary (REPORT_ONLY_FIRST_FAILURE included).
    const full = textReport(report, { verbose: true });
    expect(full.startsWith(verbose.join(''))).toBe(true);
    expect(full.slice(verbose.join('').length)).toMatch(/^\d+ items had no tests:\n/);
    const quiet = texts(false);
    expect(quiet[1]).toBe(verbose[1]?.slice(verbose[1].indexOf('*')));
    expect(quiet.filter((t) => t === '').length).toBe(
      report.items.filter((i) => i.failed === 0).length,
    );
    expect(textReport(report).startsWith(quiet.join(''))).toBe(true);
  });

  it('writes JUnit XML with one testcase per example', async () => {
    const xml = junitReport(
      await run(['fixtures/doctest/classic-failures.ts', 'fixtures/doctest/flags.ts']),
    );
    expect(
      xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="tsdoctest"'),
    ).toBe(true);
    expect(xml.match(/<testcase /g)).toHaveLength(5 + 8 + 2 + 1);
    expect(xml).toContain(
      '<failure message="TypeError: unsupported operand types for +: &apos;string&apos; and &apos;number&apos;">',
    );
    expect(xml).toContain('<skipped message="SKIP"');
    expect(xml).toContain(
      '<testcase classname="classic-failures.addNum" name="line 28: addNum(1, 1)"',
    );
  });

  it('prints the verbose report with Trying/Expecting/ok and the full summary', async () => {
    const text = textReport(await run(['fixtures/doctest/classic-failures.ts']), { verbose: true });
    expect(
      text.startsWith(
        'Trying:\n    const c = new Cal()\nExpecting nothing\nok\nTrying:\n    c.addNumAndDouble(1, 1)\nExpecting:\n    5\n****',
      ),
    ).toBe(true);
    expect(
      text.endsWith(
        '2 items had no tests:\n    classic-failures\n    classic-failures.Cal\n' +
          '**********************************************************************\n' +
          '2 items had failures:\n   2 of   4 in classic-failures.Cal.addNumAndDouble\n   1 of   1 in classic-failures.addNum\n' +
          '5 tests in 4 items.\n2 passed and 3 failed.\n***Test Failed*** 3 failures.\n' +
          'To run a failed item again:\n' +
          "    tsdoctest fixtures/doctest/classic-failures.ts -k 'classic-failures.Cal.addNumAndDouble'\n" +
          "    tsdoctest fixtures/doctest/classic-failures.ts -k 'classic-failures.addNum'\n",
      ),
    ).toBe(true);
  });

  it('says "Test passed." in verbose mode and nothing otherwise when all pass', async () => {
    const report = await run(['src/domain/calculation.ts']);
    expect(textReport(report)).toBe('');
    expect(textReport(report, { verbose: true })).toMatch(
      /\n1 item passed all tests:\n|\d+ items passed all tests:\n/,
    );
    expect(
      textReport(report, { verbose: true }).endsWith(
        '8 tests in 5 items.\n8 passed.\nTest passed.\n',
      ),
    ).toBe(true);
  });

  it('reports skipped tests in the failure line, singular and plural as CPython 3.13', async () => {
    const text = textReport(await run(['fixtures/doctest/flags.ts']));
    expect(text).toContain(
      '   2 of   8 in flags\n   1 of   1 in flags.lines\n   2 of   2 in flags.onlyFirst\n' +
        '***Test Failed*** 5 failures and 2 skipped tests.\nTo run a failed item again:\n',
    );
  });
});
