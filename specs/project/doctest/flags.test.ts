import { describe, expect, it } from 'vitest';
import { applyChanges, flagNamed, parseDirective, skipReason } from '../../../src/doctest/flags.ts';

describe('flags', () => {
  it('names flags like CPython, with CDIFF/NDIFF/UDIFF aliases', () => {
    expect(flagNamed('ellipsis')).toBe('ELLIPSIS');
    expect(flagNamed('NDIFF')).toBe('REPORT_NDIFF');
    expect(flagNamed('CDIFF')).toBe('REPORT_CDIFF');
    expect(flagNamed('UDIFF')).toBe('REPORT_UDIFF');
    expect(flagNamed('NOPE')).toBeUndefined();
  });

  it('parses directives and reports the bad option', () => {
    expect(parseDirective('+SKIP').changes).toEqual([{ kind: 'flag', flag: 'SKIP', on: true }]);
    expect(parseDirective('+ELLIPSIS, +BOGUS').error).toBe("invalid option: '+BOGUS'");
    expect(parseDirective('  ').changes).toEqual([]);
  });

  it('applies changes over the run options in a stable order', () => {
    const base = { flags: ['NORMALIZE_WHITESPACE' as const], requiresEnv: ['A'] };
    const { changes } = parseDirective(
      '-NORMALIZE_WHITESPACE +ELLIPSIS +DONT_ACCEPT_BLANKLINE -REQUIRES(env:A) +REQUIRES(env:B)',
    );
    expect(applyChanges(base, changes)).toEqual({
      flags: ['DONT_ACCEPT_BLANKLINE', 'ELLIPSIS'],
      requiresEnv: ['B'],
    });
  });

  it('skips for SKIP and for missing environment variables', () => {
    expect(skipReason({ flags: ['SKIP'], requiresEnv: [] }, {})).toBe('SKIP');
    expect(skipReason({ flags: [], requiresEnv: ['X', 'Y'] }, { X: '1' })).toBe('REQUIRES(env:Y)');
    expect(skipReason({ flags: [], requiresEnv: ['X'] }, { X: '1' })).toBeUndefined();
  });
});
