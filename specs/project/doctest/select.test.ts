// `-k EXPRESSION`: pytest's grammar over item names, and the command that runs a failed item again.
import { describe, expect, it } from 'vitest';
import { compileSelection, keywordFor } from '../../../src/doctest/select.ts';
import { tsdoctest } from './helpers.ts';

const NAMES = [
  'salary.Salary',
  'salary.Salary.calculationSalary',
  'calculation.Cal.add',
  'calc.<line 3>',
];
const selected = (expression: string) => NAMES.filter(compileSelection(expression));

describe('compileSelection', () => {
  it('matches substrings of the name, ignoring case, as pytest -k does', () => {
    expect(selected('salary')).toEqual(['salary.Salary', 'salary.Salary.calculationSalary']);
    expect(selected('CAL.add')).toEqual(['calculation.Cal.add']);
  });

  it('joins them with and, or, not and parentheses, with pytest’s precedence', () => {
    expect(selected('salary and not calculation')).toEqual(['salary.Salary']);
    expect(selected('add or line')).toEqual(['calculation.Cal.add', 'calc.<line 3>']);
    // `not` binds tighter than `and`, which binds tighter than `or`.
    expect(selected('not salary and calc or Salary.calc')).toEqual([
      'salary.Salary.calculationSalary',
      'calculation.Cal.add',
      'calc.<line 3>',
    ]);
    expect(selected('not (salary or add)')).toEqual(['calc.<line 3>']);
    expect(selected('not not add')).toEqual(['calculation.Cal.add']);
  });

  it('selects everything for an empty expression, as pytest does without -k', () => {
    expect(selected('  ')).toEqual(NAMES);
  });

  it.each([
    [
      'salary and',
      'at column 11: expected not OR left parenthesis OR identifier; got end of input',
    ],
    ['(salary', 'at column 8: expected right parenthesis; got end of input'],
    ['salary)', 'at column 7: expected end of input; got right parenthesis'],
    ['a & b', 'at column 3: unexpected character "&"'],
    ['and', 'at column 1: expected not OR left parenthesis OR identifier; got and'],
  ])('rejects %j with pytest’s message', (expression, message) => {
    expect(() => compileSelection(expression)).toThrow(message);
  });
});

describe('keywordFor', () => {
  it('is the name itself, or its pieces joined by and where it has other characters', () => {
    expect(keywordFor('salary.Salary.calculationSalary')).toBe('salary.Salary.calculationSalary');
    expect(keywordFor('calc.<line 3>')).toBe('calc. and line and 3');
    expect(keywordFor('m.K.#secret')).toBe('m.K. and secret');
    for (const name of NAMES) expect(selected(keywordFor(name))).toContain(name);
  });
});

describe('tsdoctest -k', () => {
  const FLAGS = 'fixtures/doctest/faithful/flags.ts';

  it('runs only the selected items', () => {
    const result = tsdoctest(['-v', '-k', 'trueForOne or skips', FLAGS]);
    expect(result.stdout).toContain('5 tests in 2 items.\n4 passed and 1 failed.\n');
    expect(result.stdout).not.toContain('onlyFirst');
    expect(result.status).toBe(1);
  });

  it('lists, after the summary, a command per failed item that runs it alone', () => {
    const result = tsdoctest([FLAGS]);
    const summary = '***Test Failed*** 6 failures and 2 skipped tests.\n';
    const rerun = result.stdout.slice(result.stdout.indexOf(summary) + summary.length);
    expect(rerun).toBe(
      [
        'To run a failed item again:',
        `    tsdoctest ${FLAGS} -k 'flags.failFast'`,
        `    tsdoctest ${FLAGS} -k 'flags.onlyFirst'`,
        `    tsdoctest ${FLAGS} -k 'flags.trueForOne'`,
        '',
      ].join('\n'),
    );
    const again = tsdoctest([FLAGS, '-k', 'flags.onlyFirst']);
    expect(again.stdout).toContain('1 item had failures:\n   4 of   4 in flags.onlyFirst\n');
  });

  it('excludes the items whose names contain the failed one’s', () => {
    // The module item `flags` fails; -k 'flags' alone would select flags.lines and flags.onlyFirst too.
    const module = tsdoctest([
      '-k',
      'flags',
      'fixtures/doctest/faithful/flags.ts',
      'fixtures/doctest/flags.ts',
    ]);
    expect(module.stdout).toContain(
      "    tsdoctest fixtures/doctest/flags.ts -k 'flags and not flags.lines and not flags.onlyFirst'\n",
    );
    const alone = tsdoctest([
      'fixtures/doctest/flags.ts',
      '-k',
      'flags and not flags.lines and not flags.onlyFirst',
    ]);
    expect(alone.stdout).toContain('1 item had failures:\n   2 of   8 in flags\n');
  });

  it('is a usage error, on one line, for a bad expression', () => {
    const result = tsdoctest(['-k', 'salary and', FLAGS]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      "error: option '-k <expression>' argument 'salary and' is invalid. at column 11: expected not OR left parenthesis OR identifier; got end of input\n",
    );
    expect(result.stdout).toBe('');
  });

  it('exits 5, as pytest does, when it selects no example', () => {
    const result = tsdoctest(['-k', 'nothing-is-named-so', FLAGS]);
    expect([result.status, result.stdout, result.stderr]).toEqual([
      5,
      '',
      'tsdoctest: -k nothing-is-named-so selected no example\n',
    ]);
  });
});
