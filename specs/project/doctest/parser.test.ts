import { describe, expect, it } from 'vitest';
import {
  commentLines,
  exceptionMessage,
  expandTabs,
  parseExamples,
} from '../../../src/doctest/parser.ts';

/** Parse a comment written as its text lines, starting at file line 1. */
function parse(...lines: string[]) {
  return parseExamples(lines.map((text, i) => ({ text, line: i + 1 })));
}

describe('parseExamples', () => {
  it('reads source, continuation lines and expected output', () => {
    const [a, b] = parse('intro', '>>> [1,', '... 2]', '[ 1, 2 ]', '', '>>> x', 'y');
    expect(a).toMatchObject({ source: '[1,\n2]\n', want: '[ 1, 2 ]\n', line: 2, excMsg: null });
    expect(b).toMatchObject({ source: 'x\n', want: 'y\n', line: 6 });
  });

  it('ends the expected output at a blank line, the next prompt, a JSDoc tag or a fence', () => {
    const examples = parse(
      '>>> a',
      '1',
      '',
      'text',
      '>>> b',
      '2',
      '>>> c',
      '3',
      '@returns x',
      '>>> d',
      '4',
      '```',
    );
    expect(examples.map((e) => e.want)).toEqual(['1\n', '2\n', '3\n', '4\n']);
  });

  it('makes indentation relative to the prompt', () => {
    const [e] = parse('  >>> f()', '  ...   .g()', '    nested', '  flat');
    expect(e).toMatchObject({ source: 'f()\n  .g()\n', want: '  nested\nflat\n', indent: 2 });
  });

  it('keeps <BLANKLINE> in the expected output for the checker', () => {
    expect(parse('>>> f()', 'a', '<BLANKLINE>', 'b')[0]?.want).toBe('a\n<BLANKLINE>\nb\n');
  });

  it('skips prompts with no code or only a comment, as Python does', () => {
    expect(parse('>>>', '>>> // note', '...', '>>> 1', '1').map((e) => e.source)).toEqual(['1\n']);
  });

  it('makes ">>>x" (no space) an error naming file and line, as CPython raises ValueError', () => {
    const [e, next] = parse('>>>x', 'y', '', '>>> 1', '1');
    expect(e).toMatchObject({ source: '>>>x\n', want: '', line: 1 });
    expect(e?.error).toBe(
      "<comment>:1: the doc comment for <comment> lacks blank after >>>: '>>>x'",
    );
    // The next example of the comment is still read.
    expect(next).toMatchObject({ source: '1\n', want: '1\n', line: 4 });
  });

  it('makes a "...x" continuation an error, at the line of the continuation', () => {
    const [e] = parseExamples(
      [
        { text: '>>> [1,', line: 7 },
        { text: '...2]', line: 8 },
      ],
      { file: 'src/m.ts', name: 'm.f' },
    );
    expect(e?.error).toBe("src/m.ts:8: the doc comment for m.f lacks blank after ...: '...2]'");
  });

  it('makes a line indented less than its prompt an error, source or output', () => {
    expect(parse('  >>> [1,', ' ...  2]')[0]?.error).toBe(
      "<comment>:2: the doc comment for <comment> has inconsistent leading whitespace: ' ...  2]'",
    );
    // As in CPython, the blank after each prompt is checked first, at the prompt's indent.
    expect(parse('  >>> [1,', ' ... 2]')[0]?.error).toBe(
      "<comment>:2: the doc comment for <comment> lacks blank after .. : ' ... 2]'",
    );
    expect(parse('  >>> "a"', "'a'")[0]?.error).toBe(
      `<comment>:2: the doc comment for <comment> has inconsistent leading whitespace: "'a'"`,
    );
  });

  it('makes a directive on a prompt with no code an error, as CPython does', () => {
    expect(parse('>>> // doctest: +ELLIPSIS')[0]?.error).toBe(
      "<comment>:1: the doc comment for <comment> has an option directive on a line with no example: '// doctest: +ELLIPSIS'",
    );
  });

  it('reads Python traceback and Node REPL exception forms', () => {
    const [tb, repl] = parse(
      '>>> f()',
      'Traceback (most recent call last):',
      '  File "x", line 1',
      'TypeError: bad',
      '  second line',
      '>>> g()',
      'Uncaught RangeError: out',
    );
    expect(tb?.excMsg).toBe('TypeError: bad\n  second line\n');
    expect(repl?.excMsg).toBe('RangeError: out\n');
  });

  it('reads directives: flags on and off, REQUIRES(env:NAME)', () => {
    const [e] = parse(
      '>>> f() // doctest: +ELLIPSIS, -NORMALIZE_WHITESPACE +REQUIRES(env:CI)',
      '...',
    );
    expect(e?.changes).toEqual([
      { kind: 'flag', flag: 'ELLIPSIS', on: true },
      { kind: 'flag', flag: 'NORMALIZE_WHITESPACE', on: false },
      { kind: 'requires', env: 'CI', on: true },
    ]);
    expect(e?.error).toBeUndefined();
  });

  it('marks an example with an invalid directive instead of throwing', () => {
    const [e] = parse('>>> f() // doctest: +NOPE', 'x');
    expect(e?.error).toBe(
      "<comment>:1: the doc comment for <comment> has an invalid option: '+NOPE'",
    );
    expect(parse('>>> f() // doctest: ELLIPSIS')[0]?.error).toContain("invalid option: 'ELLIPSIS'");
  });
});

describe('exceptionMessage', () => {
  it('is null without a traceback header or when no message line follows', () => {
    expect(exceptionMessage('42\n')).toBeNull();
    expect(exceptionMessage('Traceback (most recent call last):\n  ...\n')).toBeNull();
    expect(exceptionMessage('Traceback (innermost last):\nE: m\n')).toBe('E: m\n');
  });
});

describe('commentLines', () => {
  it('strips the delimiters and leaders and keeps file line numbers', () => {
    expect(commentLines('/**\n * >>> 1\n *   1\n */', 10)).toEqual([
      { text: '', line: 10 },
      { text: '>>> 1', line: 11 },
      { text: '  1', line: 12 },
      { text: '', line: 13 },
    ]);
  });

  it('handles one-line comments, CRLF and leaderless lines', () => {
    expect(commentLines('/** >>> 1 */', 1).map((l) => l.text)).toEqual(['>>> 1 ']);
    expect(commentLines('/**\r\n * a\r\n */', 1).map((l) => l.text)).toEqual(['', 'a', '']);
    expect(commentLines('/**\n  >>> 1\n*/', 1).map((l) => l.text)).toEqual(['', '>>> 1', '']);
  });

  it('expands tabs to 8-column stops like Python', () => {
    expect(expandTabs('a\tb')).toBe('a       b');
    expect(expandTabs('\t>>> x')).toBe('        >>> x');
    expect(expandTabs('none')).toBe('none');
  });
});
