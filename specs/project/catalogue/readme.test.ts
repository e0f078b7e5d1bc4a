/**
 * The README is the learner's page: its path through the course is what
 * scripts/readme/path.ts generates from the catalogue now (so no file path
 * is kept by hand twice), it stays under 2,000 words, and no link of the
 * README, CONTRIBUTING.md or docs/ points at a file that is not there.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  conceptSteps,
  currentBlock,
  END,
  ROOT,
  renderedWords,
  renderPath,
  replaceBlock,
  START,
} from '../../../scripts/readme/path.ts';
import { type Concept, concepts, LESSONS } from '../../concepts.ts';

const MAX_WORDS = 2000;
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
const readme = read('README.md');

describe('the README', () => {
  test('holds the path the catalogue generates now (npm run readme:path writes it)', () => {
    expect(currentBlock(readme)).toBe(renderPath());
  });

  test(`has at most ${MAX_WORDS} words as rendered`, () => {
    expect(renderedWords(readme)).toBeLessThanOrEqual(MAX_WORDS);
  });

  test('walks the sections in the course order, then npm test after coverage and the workshop last', () => {
    const headings = [...renderPath().matchAll(/^### \d+\. (.+?):/gm)].map((m) => m[1]);
    const course = [...LESSONS] as string[];
    course.splice(course.indexOf('coverage') + 1, 0, 'npm test');
    expect(headings).toEqual([...course, 'workshop']);
  });

  test('every concept is in the path with its files and its --show command', () => {
    const block = renderPath();
    for (const c of concepts) {
      expect(block).toContain(c.title);
      expect(block).toMatch(new RegExp(`(--show |\`)${c.id}\``));
      for (const m of Object.values(c.mirrors)) expect(block).toContain(`](${m.file})`);
    }
  });

  test('links the maintainers to CONTRIBUTING.md and docs/', () => {
    expect(readme).toContain('](CONTRIBUTING.md)');
    expect(readme).toContain('](docs/');
  });
});

describe('links', () => {
  const docs = readdirSync(path.join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`);
  test.each(['README.md', 'CONTRIBUTING.md', ...docs])(
    '%s links only to files that exist',
    (file) => {
      const targets = [...read(file).matchAll(/\]\(([^)\s]+)\)/g)]
        .map((m) => (m[1] ?? '').split('#')[0] ?? '')
        .filter((t) => t !== '' && !/^[a-z]+:/.test(t));
      expect(targets.length).toBeGreaterThan(0);
      const missing = targets.filter(
        (t) => !existsSync(path.resolve(ROOT, path.dirname(file), decodeURI(t))),
      );
      expect(missing).toEqual([]);
    },
  );
});

describe('the generator', () => {
  const base = concepts.find((c) => c.id === 'unittest-setup-teardown') as Concept;

  test('refuses a step none of whose concepts has a notice, naming them', () => {
    const { notice: _, ...bare } = base;
    expect(() => conceptSteps([bare, { ...bare, id: 'unittest-other' }])).toThrow(
      /no notice for the README step of unittest-setup-teardown, unittest-other/,
    );
  });

  test('groups consecutive concepts with the same files into one step, and splits on other files', () => {
    const other = {
      ...base,
      id: 'unittest-elsewhere',
      mirrors: { ...base.mirrors, jest: { ...base.mirrors.jest, file: 'specs/jest/x.test.ts' } },
    };
    const steps = conceptSteps([base, { ...base, id: 'unittest-same' }, other]);
    expect(steps.map((s) => s.run)).toEqual([
      '`npm start -- --show unittest-setup-teardown` (then `unittest-same`)',
      '`npm start -- --show unittest-elsewhere`',
    ]);
  });

  test('replaces only what is between the markers, and says so when they are missing', () => {
    const page = `intro\n${START}\nold\n${END}\noutro\n`;
    expect(replaceBlock(page, `${START}\nnew\n${END}`)).toBe(
      `intro\n${START}\nnew\n${END}\noutro\n`,
    );
    expect(() => replaceBlock('no markers', 'x')).toThrow(/README.md has no/);
    expect(currentBlock('no markers')).toBeUndefined();
  });

  test('counts words as rendered: no comments, link targets or table rules; code counts', () => {
    const page = [
      '<!-- a comment of five words -->',
      '# Title',
      'Read [the docs](docs/a-very/long/path.md) then run `npm start`.',
      '| a | b |',
      '| --- | :-: |',
      '- · —',
    ].join('\n');
    // Title, Read, the, docs, then, run, `npm, start`., a, b
    expect(renderedWords(page)).toBe(10);
  });
});
