// tsdoctest as a user runs it: `node src/doctest/bin/tsdoctest.js ...` in a child process (worker pool and all).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ItemResult, Report } from '../../../src/doctest/index.ts';
import { cpythonPart, ROOT, structure, tsdoctest } from './helpers.ts';

const CLASSIC = 'fixtures/doctest/classic-failures.ts';

/** CPython's report on the equivalent module: run python3 when it is here, else the recorded one. */
function cpythonReport(): string {
  const python = spawnSync('python3', ['-m', 'doctest', 'fixtures/python/classic_failures.py'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (python.status === 1 && python.stdout.startsWith('*****')) return python.stdout;
  // Recorded from `python3 -m doctest fixtures/python/classic_failures.py` (CPython 3.11.7) on the
  // machine tsdoctest was built on; for this module 3.11 and 3.13 print the same lines.
  return readFileSync(path.join(ROOT, 'fixtures/doctest/classic-failures.cpython.txt'), 'utf8');
}

describe('tsdoctest CLI', () => {
  const scratch = mkdtempSync(path.join(tmpdir(), 'tsdoctest-cli-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  const classic = tsdoctest([CLASSIC]);

  it('prints the classic lesson report exactly as the golden file, exit 1', () => {
    expect(classic.stdout).toBe(
      readFileSync(path.join(ROOT, 'fixtures/doctest/classic-failures.golden.txt'), 'utf8'),
    );
    expect(classic.status).toBe(1);
    expect(classic.stderr).toBe('');
  });

  it('has the structure of CPython’s report on the same lesson, line by line', () => {
    const ours = structure(cpythonPart(classic.stdout));
    expect(ours).toEqual(structure(cpythonReport()));
    expect(ours).toContain(
      'File "classicfailures", line 17, in classicfailures.cal.addnumanddouble',
    );
    expect(ours.filter((l) => l === '*'.repeat(70))).toHaveLength(4);
  });

  it('passes on the domain, silently, exit 0', () => {
    const result = tsdoctest(['src/domain']);
    expect([result.status, result.stdout, result.stderr]).toEqual([0, '', '']);
  });

  it('ends every hostile example as a reported failure or a pass, and completes', () => {
    const result = tsdoctest([
      '--timeout',
      '1500',
      '--reporter',
      'json',
      'fixtures/doctest/hostile',
    ]);
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as Report;
    const byName = new Map<string, ItemResult>(report.items.map((i) => [i.name, i]));
    const statuses = (name: string) => byName.get(name)?.examples.map((e) => e.status);
    expect(statuses('async-loop.never')).toEqual(['failed', 'passed']);
    expect(statuses('async-loop.busy')).toEqual(['failed']);
    expect(byName.get('async-loop.busy')?.examples[0]?.exception).toBe(
      'TimeoutError: example did not finish within 1500 ms; its worker was stopped\n',
    );
    expect(statuses('async-loop.answer')).toEqual(['passed']);
    // The worker running a synchronous loop is stopped: the rest of that comment is not run.
    expect(statuses('sync-loop.spin')).toEqual(['failed', 'skipped']);
    expect(statuses('process-exit.quit')).toEqual(['failed', 'failed', 'passed']);
    expect(statuses('syntax-error.syntax')).toEqual(['failed', 'passed', 'passed']);
    expect(statuses('thrown-values.thrown')).toEqual([
      'passed',
      'failed',
      'failed',
      'failed',
      'failed',
      'failed',
    ]);
    expect(statuses('huge-values.huge')).toEqual([
      'passed',
      'passed',
      'passed',
      'passed',
      'passed',
    ]);
    expect(statuses('bigint-symbol.big')).toEqual([
      'passed',
      'passed',
      'passed',
      'passed',
      'passed',
    ]);
    expect(statuses('empty-prompt.empty')).toEqual(['passed', 'passed']);
    expect(statuses('crlf.crlf')).toEqual(['passed', 'passed']);
    expect(statuses('tabs.tabs')).toEqual(['passed', 'passed', 'failed']);
    expect(statuses('unterminated.<line 3>')).toEqual(['failed']);
    expect(report.failed).toBe(1 + 1 + 1 + 2 + 1 + 5 + 1 + 1);
  });

  it('shows a stack trimmed to the example’s frames, at .ts lines', () => {
    const result = tsdoctest(['fixtures/doctest/hostile/process-exit.ts']);
    expect(result.stdout).toContain(
      '      File "fixtures/doctest/hostile/process-exit.ts", line 10, in quit\n        process.exit(0);\n    SystemExit: process.exit(0) called\n',
    );
    expect(result.stdout).not.toContain('src/doctest');
  });

  it.each([
    [
      ['--timeout', 'soon'],
      "error: option '--timeout <ms>' argument 'soon' is invalid. not an integer.",
    ],
    [['-o', 'NOPE'], 'unknown option flag "NOPE".'],
    [['--reporter', 'xml'], "argument 'xml' is invalid. Allowed choices are text, json, junit."],
    [['no/such/dir'], 'tsdoctest: cannot read no/such/dir: no such file or directory'],
    [['no/*.such'], 'tsdoctest: no files match no/*.such'],
  ])('exits 2 with a one-line message for %j', (args, message) => {
    const result = tsdoctest(args);
    expect(result.status).toBe(2);
    expect(result.stderr.split('\n')[0]).toContain(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('writes JUnit XML to --output and the text report to stdout', () => {
    const out = path.join(scratch, 'junit.xml');
    const result = tsdoctest([
      '--reporter',
      'junit',
      '--output',
      out,
      '--concurrency',
      '1',
      '-o',
      'ELLIPSIS',
      CLASSIC,
    ]);
    expect(result.status).toBe(1);
    expect(cpythonPart(result.stdout)).toBe(cpythonPart(classic.stdout));
    // The commands that run a failed item again keep the options that change its outcome.
    expect(result.stdout).toContain(
      "\n    tsdoctest -o ELLIPSIS fixtures/doctest/classic-failures.ts -k 'classic-failures.addNum'\n",
    );
    const xml = readFileSync(out, 'utf8');
    expect(xml).toContain('<testsuites name="tsdoctest" tests="5" failures="3" skipped="0">');
  });

  it('--typecheck fails examples with type errors at their own line; @ts-expect-error works', () => {
    const result = tsdoctest(['--typecheck', 'fixtures/doctest/typecheck.ts']);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(
      "File \"fixtures/doctest/typecheck.ts\", line 11, in typecheck.double\nFailed example:\n    const s: string = double(1) // a type error, though it runs\nException raised:\n    error TS2322: Type 'number' is not assignable to type 'string'.\n",
    );
    expect(result.stdout).toContain('   1 of   5 in typecheck.double\n');
  });

  it('--typecheck on src/domain: examples are separate statements (no ASI joins), so the domain passes', () => {
    // `const err = new X()` then `[err.name]` once type-checked as `new X()[err.name]`;
    // the one example that passes a string on purpose says so with @ts-expect-error.
    const result = tsdoctest(['--typecheck', 'src/domain']);
    expect(result.stdout).not.toMatch(/error TS\d+/);
    expect(result.status).toBe(0);
  });

  it('ends quietly, as on SIGPIPE, when the reader closes stdout early', () => {
    // `true` exits at once: every write of the report meets a closed pipe (EPIPE).
    const result = spawnSync(
      'bash',
      [
        '-c',
        `"${process.execPath}" src/doctest/bin/tsdoctest.js -v fixtures/doctest/typecheck.ts | true; echo "\${PIPESTATUS[0]}"`,
      ],
      { cwd: ROOT, encoding: 'utf8', timeout: 120_000 },
    );
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('141\n');
  });

  it('runs examples as TypeScript, even where they parse as JavaScript too', () => {
    // `new Map<string, number>(…)` once ran as `new Map < string, number > (…)`.
    const result = tsdoctest(['-v', 'fixtures/doctest/ts-syntax.ts']);
    expect(result.stdout).toContain('16 passed.\nTest passed.\n');
    expect(result.status).toBe(0);
  });

  it('runs the same file without --typecheck as plain (type-stripped) code', () => {
    expect(tsdoctest(['fixtures/doctest/typecheck.ts']).status).toBe(0);
  });
});
