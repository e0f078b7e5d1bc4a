/**
 * Markdown file → doc tests, as Python's `doctest.testfile` reads a text file: the `>>>`
 * examples of its fenced `ts`, `typescript`, `js` and `javascript` code blocks, one item per
 * block. An item is named as pytest names a test, `file::place`: the file's name and the
 * anchor of the nearest heading above the block, as GitHub makes it
 * (`README.md::quick-start`; `README.md` alone above the first heading), so that the name
 * is one `-k` word; several blocks there are told apart by their order
 * (`README.md::usage[2]`). In a block, examples may be written bare or inside a
 * `/** ... *\/` doc comment, as in a source file; only the examples run, the code around
 * them is text. markdown-it reads the Markdown (CommonMark: fences in list items and block
 * quotes too) and github-slugger makes the anchors.
 */
import path from 'node:path';
import GithubSlugger from 'github-slugger';
import MarkdownIt from 'markdown-it';
import type { DocTest } from './doctest.ts';
import { type CommentLine, commentLines, expandTabs, parseExamples } from './parser.ts';

/** The info strings (first word, any case) of blocks whose examples run. */
const LANGUAGES = new Set(['ts', 'typescript', 'js', 'javascript']);
const PROMPT = /^ *>>>/;
/** Token types whose text a heading shows (so its anchor's words). */
const SHOWN = new Set(['text', 'code_inline', 'image']);

interface Block {
  /** 1-based line of the opening fence. */
  line: number;
  /** The anchor of the nearest heading above it, if any. */
  anchor: string | undefined;
  /** The block's lines, as markdown-it gives its content (the fence's indentation gone). */
  lines: CommentLine[];
}

/** The fenced blocks of the languages that run, with the heading each falls under. */
function codeBlocks(text: string): Block[] {
  const tokens = new MarkdownIt().parse(text, {});
  const slugger = new GithubSlugger();
  const blocks: Block[] = [];
  let anchor: string | undefined;
  tokens.forEach((token, i) => {
    if (token.type === 'heading_open') {
      const shown = (tokens[i + 1]?.children ?? []).filter((t) => SHOWN.has(t.type));
      anchor = slugger.slug(shown.map((t) => t.content).join(''));
    } else if (token.type === 'fence' && token.map) {
      const language = token.info.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
      if (!LANGUAGES.has(language)) return;
      const open = token.map[0] + 1;
      const lines = token.content
        .replace(/\n$/, '')
        .split('\n')
        .map((raw, k) => ({ text: expandTabs(raw), line: open + 1 + k }));
      blocks.push({ line: open, anchor, lines });
    }
  });
  return blocks;
}

/**
 * A block's lines as the parser reads them: a `/** ... *\/` doc comment in it loses its
 * delimiters and ` * ` leaders, as in a source file; other lines stay as written.
 */
function exampleLines(block: Block): CommentLine[] {
  const out: CommentLine[] = [];
  const { lines } = block;
  for (let i = 0; i < lines.length; i++) {
    const first = lines[i] as CommentLine;
    const opens = first.text.trimStart();
    if (!opens.startsWith('/**') || opens.startsWith('/**/')) {
      out.push(first);
      continue;
    }
    // The comment runs to the first `*/` after its `/**` (or, unclosed, to the block's end).
    const raw = [opens.slice(3)];
    let close = (raw[0] as string).indexOf('*/');
    while (close < 0 && i + 1 < lines.length) {
      i++;
      raw.push((lines[i] as CommentLine).text);
      close = (raw.at(-1) as string).indexOf('*/');
    }
    if (close >= 0) raw[raw.length - 1] = (raw.at(-1) as string).slice(0, close);
    out.push(...commentLines(raw.join('\n'), first.line));
  }
  return out;
}

/**
 * The items of a Markdown file (its text with `\n` line ends), in the order of the file.
 * A file with no examples is one item with none, as `testfile` reports it.
 */
export function findMarkdownTests(text: string, shownFile: string): DocTest[] {
  const base = path.basename(shownFile);
  const prompted = codeBlocks(text)
    .map((block) => ({
      block,
      lines: exampleLines(block),
      name: block.anchor === undefined ? base : `${base}::${block.anchor}`,
    }))
    .filter(({ lines }) => lines.some((l) => PROMPT.test(l.text)));
  const count = new Map<string, number>();
  for (const { name } of prompted) count.set(name, (count.get(name) ?? 0) + 1);
  const seen = new Map<string, number>();
  const tests = prompted.map(({ block, lines, name }): DocTest => {
    const nth = (seen.get(name) ?? 0) + 1;
    seen.set(name, nth);
    const unique = (count.get(name) ?? 0) > 1 ? `${name}[${nth}]` : name;
    const examples = parseExamples(lines, { file: shownFile, name: unique, what: 'code block' });
    return { name: unique, file: shownFile, line: block.line, examples };
  });
  const run = tests.filter((test) => test.examples.length > 0);
  return run.length > 0 ? run : [{ name: base, file: shownFile, line: 1, examples: [] }];
}
