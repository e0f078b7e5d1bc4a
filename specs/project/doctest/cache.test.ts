// What tsdoctest keeps between runs: parsed files (parse-cache.ts) and transpiled
// modules (the loader hooks), both through disk-cache.mjs.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { LoadFnOutput, LoadHookContext } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cachedText } from '../../../src/doctest/disk-cache.mjs';
import { initialize, load } from '../../../src/doctest/loader-hooks.mjs';
import { cachedParse, type ParsedFile } from '../../../src/doctest/parse-cache.ts';
import { ROOT } from './helpers.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'tsdoctest-cache-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('cachedText', () => {
  it('makes the text once per set of inputs', async () => {
    const make = vi.fn(() => 'made');
    expect(cachedText(dir, ['a', 'b'], make)).toBe('made');
    expect(cachedText(dir, ['a', 'b'], () => 'not again')).toBe('made');
    expect(cachedText(dir, ['a', 'c'], () => 'other')).toBe('other');
    // Inputs are separated: ['ab'] is not ['a', 'b'].
    expect(cachedText(dir, ['ab'], () => 'joined')).toBe('joined');
    expect(make).toHaveBeenCalledTimes(1);
    // A maker that answers later: a promise of the text, kept all the same.
    await expect(cachedText(dir, ['later'], async () => 'promised')).resolves.toBe('promised');
    expect(cachedText(dir, ['later'], () => 'not again')).toBe('promised');
  });

  it('still answers when the cache cannot be written', () => {
    const file = path.join(dir, 'a-file');
    writeFileSync(file, '');
    expect(cachedText(path.join(file, 'below'), ['x'], () => 'made anyway')).toBe('made anyway');
  });
});

describe('cachedParse', () => {
  const parsed: ParsedFile = {
    found: { file: '/p/m.ts', shownFile: 'm.ts', module: 'm', tests: [], scopeNames: ['a'] },
    runnables: [[{ code: '1', isAsync: false, declared: [], constants: [] }]],
  };
  const input = { file: '/p/m.ts', source: '/** >>> 1 */', cwd: '/p' };

  it('parses a text once; another text or working directory is parsed again', async () => {
    const parse = vi.fn(() => parsed);
    expect(await cachedParse(dir, input, parse)).toEqual(parsed);
    expect(await cachedParse(dir, input, parse)).toEqual(parsed);
    expect(parse).toHaveBeenCalledTimes(1);
    await cachedParse(dir, { ...input, source: '/** >>> 2 */' }, parse);
    await cachedParse(dir, { ...input, cwd: '/elsewhere' }, parse);
    expect(parse).toHaveBeenCalledTimes(3);
  });
});

describe('the loader hooks with a cache directory', () => {
  afterEach(() => initialize({}));

  it('transpile a file once, and read it back while its text is unchanged', async () => {
    initialize({ cacheDir: dir });
    // Node strips scope.ts itself where it can: this one needs esbuild on every Node.
    const url = pathToFileURL(path.join(ROOT, 'fixtures/doctest/modules/transformed.ts')).href;
    const context = {} as LoadHookContext;
    const first = (await load(url, context, (() => {}) as never)) as LoadFnOutput;
    const [entry] = readdirSync(path.join(dir, 'transpiled'));
    const kept = path.join(dir, 'transpiled', entry as string);
    expect(readFileSync(kept, 'utf8')).toBe(first.source);
    writeFileSync(kept, 'export const fromTheCache = true;\n');
    const second = (await load(url, context, (() => {}) as never)) as LoadFnOutput;
    expect(second.source).toBe('export const fromTheCache = true;\n');
  });

  it("keeps Node's verdict on a file that only looks like syntax Node refuses", async () => {
    initialize({ cacheDir: dir });
    const file = path.join(dir, 'looks.ts');
    // A constructor, and `readonly` elsewhere: no parameter property, yet worth a look.
    writeFileSync(file, 'export class A {\n  readonly a = 1;\n  constructor(b: number) {}\n}\n');
    const out = (await load(
      pathToFileURL(file).href,
      {} as LoadHookContext,
      (() => {}) as never,
    )) as LoadFnOutput;
    const [entry] = readdirSync(path.join(dir, 'transpiled'));
    const kept = readFileSync(path.join(dir, 'transpiled', entry as string), 'utf8');
    const { typescript } = process.features as { typescript?: string };
    // Node strips it (an empty entry says so); Node 20 has esbuild's JavaScript.
    expect(out.format).toBe(typescript ? 'module-typescript' : 'module');
    expect(kept).toBe(typescript ? '' : out.source);
  });
});
