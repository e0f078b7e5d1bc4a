/**
 * Markdown file → doc tests, as Python's `doctest.testfile` reads a text file: the `>>>`
 * examples of its fenced `ts`, `typescript`, `js` and `javascript` code blocks, one item per
 * block. An item is named as pytest names a test, `file::place`: the file's name and the
 * anchor of the nearest heading above the block, as GitHub makes it
 * (`README.md::quick-start`; `README.md` alone above the first heading), so that the name
 * is one `-k` word; several blocks there are told apart by their order
 * (`README.md::usage[2]`). In a block, examples may be written bare or inside a
 * `/** ... *\/` doc comment, as in a source file; only the examples run, the code around
 * them is text. Fences follow CommonMark (``` or ~~~, at any indentation, so in list items
 * too; not inside block quotes); headings are ATX (`## Usage`) or setext (underlined).
 */
import path from 'node:path';
import type { DocTest } from './doctest.ts';
import { type CommentLine, commentLines, expandTabs, parseExamples } from './parser.ts';

/** The info strings (first word, any case) of blocks whose examples run. */
const LANGUAGES = new Set(['ts', 'typescript', 'js', 'javascript']);

const FENCE = /^( *)(`{3,}|~{3,})(.*)$/;
const ATX_HEADING = /^ {0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;
/** Lines that cannot be (the last line of) a paragraph, so no setext heading's text. */
const NOT_PARAGRAPH = /^\s*(?:[-*+]\s|\d+[.)]\s|>|\||<)/;
const PROMPT = /^ *>>>/;

/**
 * Each heading's anchor, as GitHub makes it (github-slugger): the text as shown (code
 * spans and links reduced to their text), lower case, without punctuation, spaces as
 * hyphens, and `-1`, `-2`... after the second and later uses of one anchor.
 */
function anchors(): (raw: string) => string {
  const used = new Map<string, number>();
  return (raw) => {
    const slug = raw
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
      .replaceAll(' ', '-');
    const uses = used.get(slug) ?? 0;
    used.set(slug, uses + 1);
    return uses === 0 ? slug : `${slug}-${uses}`;
  };
}

interface Block {
  /** 1-based line of the opening fence. */
  line: number;
  /** The anchor of the nearest heading above it, if any. */
  anchor: string | undefined;
  /** The block's lines, without the fence's indentation. */
  lines: CommentLine[];
}

/** The fenced blocks of the languages that run, with the heading each falls under. */
function codeBlocks(text: string): Block[] {
  const lines = text.split('\n').map((raw) => expandTabs(raw));
  const blocks: Block[] = [];
  const anchorOf = anchors();
  let anchor: string | undefined;
  let paragraph: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const fence = FENCE.exec(line);
    // A backtick fence's info string cannot hold a backtick (that is inline code).
    if (fence && !(fence[2]?.startsWith('`') && fence[3]?.includes('`'))) {
      const [indent, marks, info] = [fence[1]?.length ?? 0, fence[2] ?? '', fence[3] ?? ''];
      const closing = new RegExp(`^ *${marks[0] === '`' ? '`' : '~'}{${marks.length},}[ \\t]*$`);
      const body: CommentLine[] = [];
      const start = i;
      // An unclosed fence runs to the end of the file, as in CommonMark.
      for (i++; i < lines.length && !closing.test(lines[i] as string); i++) {
        // A content line loses as many leading spaces as the fence had, at most.
        const content = lines[i] as string;
        const strip = Math.min(indent, content.length - content.trimStart().length);
        body.push({ text: content.slice(strip), line: i + 1 });
      }
      const language = info.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
      if (LANGUAGES.has(language)) blocks.push({ line: start + 1, anchor, lines: body });
      paragraph = [];
      continue;
    }
    const atx = ATX_HEADING.exec(line);
    if (atx) {
      anchor = anchorOf(atx[1] ?? '');
      paragraph = [];
    } else if (paragraph.length > 0 && SETEXT_UNDERLINE.test(line)) {
      anchor = anchorOf(paragraph.join(' '));
      paragraph = [];
    } else if (line.trim() === '' || NOT_PARAGRAPH.test(line)) {
      paragraph = [];
    } else {
      paragraph.push(line.trim());
    }
  }
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
