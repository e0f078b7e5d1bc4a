// tsdoctest on Markdown: the `>>>` examples of fenced ts/js blocks, one item per block.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findDocTests } from '../../../src/doctest/finder.ts';
import { type Report, runDoctests } from '../../../src/doctest/index.ts';
import { ROOT, tsdoctest } from './helpers.ts';

const DIR = 'fixtures/doctest/markdown';
const GUIDE = `${DIR}/guide.md`;
const FAILING = `${DIR}/failing.md`;

/** The items found in a Markdown text: name, line and each example's line, source and want. */
function items(text: string, file = '/docs/notes.md') {
  return findDocTests(file, text, '/docs').tests.map((t) => ({
    name: t.name,
    line: t.line,
    examples: t.examples.map((e) => [e.line, e.source, e.want]),
  }));
}

function run(
  paths: string[],
  options: Parameters<typeof runDoctests>[0]['options'] = {},
): Promise<Report> {
  return runDoctests({
    paths,
    options: { inProcess: true, cwd: ROOT, timeoutMs: 2000, ...options },
  });
}

describe('Markdown files: which examples, under which names', () => {
  it('finds one item per ts/js block with examples, named by file and heading anchor, at its fence', () => {
    const found = findDocTests(
      path.join(ROOT, GUIDE),
      readFileSync(path.join(ROOT, GUIDE), 'utf8'),
      ROOT,
    );
    expect(found.scopeNames).toEqual([]);
    expect(found.tests.map((t) => [t.name, t.file, t.line, t.examples.map((e) => e.line)])).toEqual(
      [
        ['guide.md', GUIDE, 3, [4]],
        ['guide.md::quick-start', GUIDE, 12, [13, 14, 16, 17]],
        ['guide.md::two-blocks[1]', GUIDE, 44, [45]],
        ['guide.md::two-blocks[2]', GUIDE, 51, [53, 55, 56]],
        ['guide.md::quick-start-1', GUIDE, 66, [67]],
        ['guide.md::in-a-list', GUIDE, 84, [85, 87]],
      ],
    );
  });

  it('ignores other languages, blocks without a language, fenced text and inner fences', () => {
    const sources = findDocTests(
      path.join(ROOT, GUIDE),
      readFileSync(path.join(ROOT, GUIDE), 'utf8'),
      ROOT,
    ).tests.flatMap((t) => t.examples.map((e) => e.source));
    expect(sources.filter((s) => /1 \+ 1|echo|no language|never run/.test(s))).toEqual([]);
  });

  it('reads a doc comment in a block without its leaders, and an indented block without its indentation', () => {
    const text = [
      '# Doc',
      '',
      '- item',
      '',
      '    ```ts',
      '    /**',
      '     * >>> [1,',
      '     * ...  2]',
      '     * [ 1, 2 ]',
      '     */',
      '    export const x = 1;',
      '    >>> x',
      '    1',
      '    ```',
    ].join('\n');
    expect(items(text)).toEqual([
      {
        name: 'notes.md::doc',
        line: 5,
        examples: [
          [7, '[1,\n 2]\n', '[ 1, 2 ]\n'],
          [12, 'x\n', '1\n'],
        ],
      },
    ]);
  });

  it('reads an unclosed doc comment to the end of its block', () => {
    expect(items('```ts\n/**\n * >>> 1\n * 1\n```\n>>> 2\n2\n')).toEqual([
      { name: 'notes.md', line: 1, examples: [[3, '1\n', '1\n']] },
    ]);
  });

  it('ends a block at a closing fence of its own kind and length, or at the end of the file', () => {
    const text = [
      '``` `ts` is inline code, not a fence',
      '>>> 0',
      '0',
      '```ts title="a.ts"',
      '>>> 1',
      '1',
      '~~~',
      '>>> 2',
      '2',
      '``',
      '>>> 3',
      '3',
      '````',
      '```ts',
      '>>> 4',
      '4',
    ].join('\r\n');
    expect(items(text).map((i) => [i.name, i.examples.map((e) => e[0])])).toEqual([
      ['notes.md[1]', [5, 8, 11]],
      ['notes.md[2]', [15]],
    ]);
  });

  it('names by the nearest heading: code spans and links as text, punctuation dropped, repeats numbered', () => {
    const block = '```js\n>>> 1\n1\n```';
    const text = [
      '# Getting `started`, quickly!',
      block,
      '## [The API](api.md) — 日本語',
      block,
      '## Getting started, quickly',
      '```sh',
      '# not a heading',
      '```',
      block,
      'Setext\n===',
      block,
    ].join('\n\n');
    expect(items(text).map((i) => i.name)).toEqual([
      'notes.md::getting-started-quickly',
      'notes.md::the-api--日本語',
      'notes.md::getting-started-quickly-1',
      'notes.md::setext',
    ]);
  });

  it('is one item with no examples when no block has any, as testfile reports a file', () => {
    expect(items('# Notes\n\n```ts\nconst x = 1;\n```\n\n    >>> 1\n    2\n')).toEqual([
      { name: 'notes.md', line: 1, examples: [] },
    ]);
  });

  it('says a malformed example is in a code block', () => {
    const [test] = findDocTests('/docs/bad.md', '# Bad\n\n```ts\n>>>x\n```\n', '/docs').tests;
    expect(test?.examples[0]?.error).toBe(
      "bad.md:4: the code block for bad.md::bad lacks blank after >>>: '>>>x'",
    );
  });
});

describe('Markdown files: running their examples', () => {
  it('passes the guide: imports from the file’s folder, each block starting afresh', async () => {
    const report = await run([GUIDE]);
    expect(report.items.map((i) => [i.name, i.attempted, i.failed])).toEqual([
      ['guide.md', 1, 0],
      ['guide.md::quick-start', 4, 0],
      ['guide.md::two-blocks[1]', 1, 0],
      ['guide.md::two-blocks[2]', 3, 0],
      ['guide.md::quick-start-1', 1, 0],
      ['guide.md::in-a-list', 2, 0],
    ]);
  });

  it('passes the examples of tsdoctest’s own README', async () => {
    const report = await run(['src/doctest/README.md']);
    expect(report.failed).toBe(0);
    expect(report.attempted).toBeGreaterThanOrEqual(9);
    expect(report.items.map((i) => i.name)).toContain('README.md::tsdoctest');
  });

  it('applies -o flags and -k to Markdown items', async () => {
    const skipped = await run([GUIDE], { flags: ['SKIP'] });
    expect([skipped.attempted, skipped.failed, skipped.skipped]).toEqual([0, 0, 12]);
    const selected = await run([GUIDE], { select: 'quick-start' });
    expect(selected.items.map((i) => i.name)).toEqual([
      'guide.md::quick-start',
      'guide.md::quick-start-1',
    ]);
  });

  it('reports failures at the Markdown file’s lines, with a command per failed item', () => {
    const result = tsdoctest([FAILING]);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('');
    const headers = result.stdout.split('\n').filter((l) => l.startsWith('File '));
    expect(headers).toEqual([
      `File "${FAILING}", line 4, in failing.md::failing`,
      `File "${FAILING}", line 6, in failing.md::failing`,
      `File "${FAILING}", line 14, in failing.md::malformed`,
      `File "${FAILING}", line 25, in failing.md::no-module`,
    ]);
    expect(result.stdout).toContain(
      `ValueError: ${FAILING}:14: the code block for failing.md::malformed lacks blank after >>>: '>>>x'`,
    );
    expect(result.stdout).toContain('ReferenceError: greet is not defined');
    expect(result.stdout).toContain(
      [
        '3 items had failures:',
        '   2 of   2 in failing.md::failing',
        '   1 of   2 in failing.md::malformed',
        '   1 of   2 in failing.md::no-module',
        '***Test Failed*** 4 failures.',
        'To run a failed item again:',
        `    tsdoctest ${FAILING} -k 'failing.md::failing'`,
        `    tsdoctest ${FAILING} -k 'failing.md::malformed'`,
        `    tsdoctest ${FAILING} -k 'failing.md::no-module'`,
        '',
      ].join('\n'),
    );
  });

  it('takes a folder’s Markdown files with its sources, and reports them in JUnit', () => {
    const result = tsdoctest(['--reporter', 'junit', DIR]);
    expect(result.status).toBe(1);
    const suites = [...result.stdout.matchAll(/<testsuite name="([^"]*)" file="([^"]*)"/g)].map(
      (m) => `${m[2]} ${m[1]}`,
    );
    expect(suites).toEqual([
      `${FAILING} failing.md::failing`,
      `${FAILING} failing.md::malformed`,
      `${FAILING} failing.md::no-module`,
      `${GUIDE} guide.md`,
      `${GUIDE} guide.md::quick-start`,
      `${GUIDE} guide.md::two-blocks[1]`,
      `${GUIDE} guide.md::two-blocks[2]`,
      `${GUIDE} guide.md::quick-start-1`,
      `${GUIDE} guide.md::in-a-list`,
      `${DIR}/lib/greet.ts greet.greet`,
      `${DIR}/typed.md typed.md::typed`,
    ]);
  });

  it('type-checks Markdown examples as a module beside the file (--typecheck)', () => {
    const result = tsdoctest(['--typecheck', `${DIR}/typed.md`]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(
      [
        `File "${DIR}/typed.md", line 9, in typed.md::typed`,
        'Failed example:',
        '    greet(42)',
        'Exception raised:',
        "    error TS2345: Argument of type 'number' is not assignable to parameter of type 'string'.",
      ].join('\n'),
    );
    expect(result.stdout).toContain('   1 of   3 in typed.md::typed');
  });

  describe('with a hanging example', () => {
    const scratch = mkdtempSync(path.join(tmpdir(), 'tsdoctest-markdown-'));
    afterAll(() => rmSync(scratch, { recursive: true, force: true }));

    it('fails it at its line after --timeout, and runs the next block in a fresh worker', () => {
      const file = path.join(scratch, 'hang.md');
      writeFileSync(
        file,
        '# Hang\n\n```js\n>>> while (true) {}\n>>> 1\n1\n```\n\n# After\n\n```js\n>>> 2\n2\n```\n',
      );
      const result = tsdoctest(['--timeout', '500', '--reporter', 'json', 'hang.md'], {
        cwd: scratch,
      });
      expect(result.status).toBe(1);
      const report = JSON.parse(result.stdout) as Report;
      expect(report.items.map((i) => [i.name, i.examples.map((e) => [e.line, e.status])])).toEqual([
        [
          'hang.md::hang',
          [
            [4, 'failed'],
            [5, 'skipped'],
          ],
        ],
        ['hang.md::after', [[12, 'passed']]],
      ]);
      expect(report.items[0]?.examples[0]?.exception).toContain('TimeoutError');
    });
  });
});
