// tsdoctest against CPython 3.13 on the same items: each fixtures/doctest/faithful/X.ts has a
// Python twin X.py, and X.cpython.txt is CPython 3.13's `python -m doctest -v X.py`, recorded
// by `npx tsx scripts/doctest/record-cpython.ts ~/.pyenv/versions/3.13.0/bin/python3`. These
// tests read the recordings: they never need Python.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../../src/doctest/index.ts';
import { cpythonPart, ROOT, structure, tsdoctest } from './helpers.ts';

const FOLDER = path.join(ROOT, 'fixtures/doctest/faithful');
const recorded = (name: string) => readFileSync(path.join(FOLDER, `${name}.cpython.txt`), 'utf8');
/** `tsdoctest ARGS` in the fixtures' folder, so reports name files as CPython's do. */
const run = (...args: string[]) => tsdoctest(args, { cwd: FOLDER });

describe('tsdoctest reports as CPython 3.13 does on the same items', () => {
  it.each([
    ['statements', 0],
    ['imports', 0],
    ['output', 1],
    ['flags', 1],
    ['undocumented', 0],
  ])(
    '%s: the same report, line by line (sources and values aside), and exit %i',
    (name, status) => {
      const ours = run('-v', `${name}.ts`);
      expect(ours.stderr).toBe('');
      expect(ours.status).toBe(status);
      expect(structure(cpythonPart(ours.stdout))).toEqual(structure(recorded(name)));
    },
  );

  it('statements show nothing: each passes, expecting nothing', () => {
    const report = JSON.parse(run('--reporter', 'json', 'statements.ts').stdout) as Report;
    const examples = report.items[0]?.examples ?? [];
    expect(examples.map((e) => [e.status, e.got])).toEqual([
      ...Array.from({ length: 7 }, () => ['passed', '']),
      ['passed', '19\n'],
      ['passed', '11\n'],
    ]);
  });

  it('imports bind for the rest of the comment only; packages import as in the file', () => {
    const report = JSON.parse(
      run('--reporter', 'json', 'imports.ts', 'packages.ts').stdout,
    ) as Report;
    expect(report.failed).toBe(0);
    expect(report.attempted).toBe(7 + 1 + 8);
  });

  it('output without a final newline gets one, so the separator is never glued to it', () => {
    expect(recorded('output')).toContain('Got:\n    b\nTrying:\n');
    expect(run('-v', 'output.ts').stdout).toContain('Got:\n    b\nTrying:\n');
    expect(run('output.ts').stdout).toContain('Expected:\n    c\nGot:\n    b\n****');
  });

  it('REPORT_ONLY_FIRST_FAILURE looks at the previous example, as CPython does', () => {
    const text = run('flags.ts').stdout;
    // 1 + 1 and 3 + 3 are reported (the example before 3 + 3 lacks the flag); 2 + 2 and 4 + 4 are not.
    expect(text.match(/^File "flags\.ts", line \d+, in flags\.onlyFirst$/gm)).toEqual([
      'File "flags.ts", line 9, in flags.onlyFirst',
      'File "flags.ts", line 13, in flags.onlyFirst',
    ]);
    expect(text).toContain('   4 of   4 in flags.onlyFirst\n');
    expect(text).toContain('***Test Failed*** 6 failures and 2 skipped tests.\n');
  });

  describe('a malformed example is an error at file and line, as CPython raises ValueError', () => {
    const ours = run('malformed.ts');
    /** `ValueError: <where> <problem>` → the problem, worded as CPython words it. */
    const problem = (line: string) =>
      /(?:docstring|doctest|doc comment) for \S+ (.*)$/.exec(line)?.[1];

    it('fails the run, never passing with 0 tests', () => {
      expect(ours.status).toBe(1);
      expect(ours.stdout).toContain('4 items had failures:\n');
    });

    it.each([
      ['no_space', 'malformed.ts:2', 'malformed.noSpace'],
      ['unknown_directive', 'malformed.ts:8', 'malformed.unknownDirective'],
      ['continuation', 'malformed.ts:15', 'malformed.continuation'],
      ['indent', 'malformed.ts:22', 'malformed.indent'],
    ])('%s: CPython’s message, at %s', (name, where, item) => {
      const cpython = recorded(`malformed/${name}`).trim();
      const line = ours.stdout
        .split('\n')
        .find((l) => l.startsWith(`    ValueError: ${where}: the doc comment for ${item} `));
      expect(line).toBeDefined();
      expect(problem(line ?? '')).toBe(problem(cpython));
    });
  });
});

describe('values print as Node’s REPL prints them, as the README and --help say', () => {
  it('passes the examples that show it, and the idioms that help', () => {
    const result = run('-v', 'repl-values.ts');
    expect(result.stdout).toContain('10 passed.\nTest passed.\n');
    expect(result.status).toBe(0);
  });

  it('--help tells Python users, and the README says the same', () => {
    const help = run('--help').stdout;
    const readme = readFileSync(path.join(ROOT, 'src/doctest/README.md'), 'utf8');
    for (const text of [help, readme.replace(/\s+/g, ' ')]) {
      for (const phrase of [
        '[ 0, 1, 2 ]',
        'NORMALIZE_WHITESPACE',
        'ELLIPSIS',
        'Uncaught TypeError:',
      ])
        expect(text).toContain(phrase);
    }
  });
});
