import { describe, expect, it } from 'vitest';
import {
  checkOutput,
  ellipsisMatch,
  indent,
  outputDifference,
  stripExceptionDetails,
} from '../../../src/doctest/checker.ts';

describe('checkOutput', () => {
  it('needs an exact match with no flags', () => {
    expect(checkOutput('1\n', '1\n', [])).toBe(true);
    expect(checkOutput('1\n', '2\n', [])).toBe(false);
    expect(checkOutput('a  b\n', 'a b\n', [])).toBe(false);
  });

  it('accepts true for 1 and false for 0, as CPython does, unless DONT_ACCEPT_TRUE_FOR_1', () => {
    expect(checkOutput('1\n', 'true\n', [])).toBe(true);
    expect(checkOutput('0\n', 'false\n', [])).toBe(true);
    expect(checkOutput('1\n', 'true\n', ['DONT_ACCEPT_TRUE_FOR_1'])).toBe(false);
    expect(checkOutput('0\n', 'false\n', ['DONT_ACCEPT_TRUE_FOR_1'])).toBe(false);
    // The whole output only, and not the other way round.
    expect(checkOutput('1\n1\n', 'true\ntrue\n', [])).toBe(false);
    expect(checkOutput('true\n', '1\n', [])).toBe(false);
    expect(checkOutput('0\n', 'true\n', [])).toBe(false);
  });

  it('accepts <BLANKLINE> for an empty line unless DONT_ACCEPT_BLANKLINE', () => {
    expect(checkOutput('a\n<BLANKLINE>\nb\n', 'a\n\nb\n', [])).toBe(true);
    expect(checkOutput('a\n<BLANKLINE>\nb\n', 'a\n  \nb\n', [])).toBe(true);
    expect(checkOutput('a\n<BLANKLINE>\nb\n', 'a\n\nb\n', ['DONT_ACCEPT_BLANKLINE'])).toBe(false);
  });

  it('NORMALIZE_WHITESPACE treats every run of whitespace as one space', () => {
    expect(checkOutput('[1, 2,\n 3]\n', '[1,  2, 3]\n', ['NORMALIZE_WHITESPACE'])).toBe(true);
    expect(checkOutput('[1, 2]\n', '[1,2]\n', ['NORMALIZE_WHITESPACE'])).toBe(false);
  });

  it('ELLIPSIS lets ... match any text, across lines', () => {
    expect(checkOutput('http://127.0.0.1:.../x\n', 'http://127.0.0.1:4321/x\n', ['ELLIPSIS'])).toBe(
      true,
    );
    expect(checkOutput('a...\n', 'a\nb\nc\n', ['ELLIPSIS'])).toBe(true);
    expect(checkOutput('a...z\n', 'a b\n', ['ELLIPSIS'])).toBe(false);
    expect(checkOutput('a...\n', 'b\n', [])).toBe(false);
  });

  it('combines NORMALIZE_WHITESPACE and ELLIPSIS', () => {
    expect(
      checkOutput('[0, 1, ..., 9]\n', '[0,\n 1, 2, 3, 4, 5, 6, 7, 8,\n 9]\n', [
        'ELLIPSIS',
        'NORMALIZE_WHITESPACE',
      ]),
    ).toBe(true);
  });
});

describe('ellipsisMatch', () => {
  it('follows CPython, including overlapping ends', () => {
    expect(ellipsisMatch('aa...aa', 'aaa')).toBe(false);
    expect(ellipsisMatch('aa...aa', 'aaaa')).toBe(true);
    expect(ellipsisMatch('...', '')).toBe(true);
    expect(ellipsisMatch('a...b...c', 'a1b2c')).toBe(true);
    expect(ellipsisMatch('a...b...c', 'a1c2b')).toBe(false);
    expect(ellipsisMatch('x...', 'yx')).toBe(false);
    expect(ellipsisMatch('...x', 'xy')).toBe(false);
    expect(ellipsisMatch('plain', 'plain')).toBe(true);
  });
});

describe('stripExceptionDetails', () => {
  it('keeps only the exception name, without module path or message', () => {
    expect(stripExceptionDetails('TypeError: bad\n')).toBe('TypeError');
    expect(stripExceptionDetails('http.client.HTTPException: x')).toBe('HTTPException');
    expect(stripExceptionDetails('Plain\nmore: x')).toBe('Plain');
  });
});

// The expected texts below are what CPython 3.11's OutputChecker.output_difference prints for the
// same inputs (checked with python3 on this machine).
describe('outputDifference', () => {
  it('prints Expected/Got, or "nothing", indented by 4', () => {
    expect(outputDifference('5\n', '4\n', [])).toBe('Expected:\n    5\nGot:\n    4\n');
    expect(outputDifference('5\n', '', [])).toBe('Expected:\n    5\nGot nothing\n');
    expect(outputDifference('', '4\n', [])).toBe('Expected nothing\nGot:\n    4\n');
    expect(outputDifference('', '', [])).toBe('Expected nothing\nGot nothing\n');
  });

  it('shows empty output lines as <BLANKLINE> unless DONT_ACCEPT_BLANKLINE', () => {
    expect(outputDifference('x\n', 'a\n\nb\n', [])).toBe(
      'Expected:\n    x\nGot:\n    a\n    <BLANKLINE>\n    b\n',
    );
    expect(outputDifference('x\n', 'a\n\nb\n', ['DONT_ACCEPT_BLANKLINE'])).toBe(
      'Expected:\n    x\nGot:\n    a\n\n    b\n',
    );
  });

  const want = 'a\nb\nc\nd\ne\n';
  const got = 'a\nB\nc\nd\ne\nf\n';

  it('REPORT_UDIFF prints a unified diff of 2 context lines', () => {
    expect(outputDifference(want, got, ['REPORT_UDIFF'])).toBe(
      'Differences (unified diff with -expected +actual):\n' +
        '    @@ -1,5 +1,6 @@\n     a\n    -b\n    +B\n     c\n     d\n     e\n    +f\n',
    );
  });

  it('REPORT_CDIFF prints a context diff', () => {
    expect(outputDifference(want, got, ['REPORT_CDIFF'])).toBe(
      'Differences (context diff with expected followed by actual):\n' +
        '    ***************\n    *** 1,5 ****\n      a\n    ! b\n      c\n      d\n      e\n' +
        '    --- 1,6 ----\n      a\n    ! B\n      c\n      d\n      e\n    + f\n',
    );
  });

  it('REPORT_CDIFF leaves out a side with no changes', () => {
    expect(outputDifference('a\nb\nc\n', 'a\nb\nc\nd\n', ['REPORT_CDIFF'])).toBe(
      'Differences (context diff with expected followed by actual):\n' +
        '    ***************\n    *** 2,3 ****\n    --- 2,4 ----\n      b\n      c\n    + d\n',
    );
  });

  it('REPORT_NDIFF marks changed characters', () => {
    expect(outputDifference('abc\n', 'abd\n', ['REPORT_NDIFF'])).toBe(
      'Differences (ndiff with -expected +actual):\n    - abc\n    ?   ^\n    + abd\n    ?   ^\n',
    );
    expect(outputDifference('a\n', 'a\nb\n', ['REPORT_NDIFF'])).toBe(
      'Differences (ndiff with -expected +actual):\n      a\n    + b\n',
    );
    expect(outputDifference('ab\n', 'abx\n', ['REPORT_NDIFF'])).toContain('    ?   +\n');
    expect(outputDifference('abx\n', 'ab\n', ['REPORT_NDIFF'])).toContain('    ?   -\n');
  });

  it('uses Expected/Got for short outputs even with UDIFF or CDIFF, as CPython does', () => {
    expect(outputDifference('1\n', '2\n', ['REPORT_UDIFF'])).toBe(
      'Expected:\n    1\nGot:\n    2\n',
    );
  });
});

describe('indent', () => {
  it('indents non-empty lines only', () => {
    expect(indent('a\n\nb\n')).toBe('    a\n\n    b\n');
  });
});
