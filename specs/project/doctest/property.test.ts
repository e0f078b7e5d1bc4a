import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findDocTests } from '../../../src/doctest/finder.ts';
import { commentLines, parseExamples } from '../../../src/doctest/parser.ts';

/** Comment text built from the pieces that matter to the parser, plus anything at all. */
const piece = fc.oneof(
  fc.constantFrom(
    '>>> ',
    '>>>',
    '... ',
    '...',
    ' * ',
    '\n',
    '\r\n',
    '\t',
    '@example',
    '@param x',
    '<BLANKLINE>',
  ),
  fc.constantFrom(
    'Traceback (most recent call last):',
    'Uncaught ',
    '// doctest: +ELLIPSIS',
    '// doctest: +',
    '```',
    '*/',
  ),
  fc.string(),
);
const commentText = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));

describe('parser properties', () => {
  it('never throws on arbitrary comment text, and every example has source', () => {
    fc.assert(
      fc.property(commentText, fc.integer({ min: 1, max: 10_000 }), (text, line) => {
        const examples = parseExamples(commentLines(`/**${text}*/`, line));
        for (const e of examples) {
          expect(e.source.endsWith('\n')).toBe(true);
          expect(e.line).toBeGreaterThanOrEqual(line);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('the finder never throws on arbitrary source around doc comments', () => {
    fc.assert(
      fc.property(commentText, fc.string(), (text, code) => {
        const found = findDocTests('/p/any.ts', `${code}\n/**${text}*/\n${code}`, '/p');
        expect(Array.isArray(found.tests)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
