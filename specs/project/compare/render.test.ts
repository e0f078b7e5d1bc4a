// The terminal table, --show and --list, and the HTML page, from a report built on the recordings.
import stripAnsi from 'strip-ansi';
import { describe, expect, test } from 'vitest';
import { sampleConcepts } from '../../../fixtures/compare/samples/concepts.ts';
import { stringWidth } from '../../../src/cli/columns.ts';
import { buildReport } from '../../../src/compare/catalogue-join.ts';
import { COLUMNS, type CompareReport } from '../../../src/compare/model.ts';
import { renderHtml } from '../../../src/compare/render/html.ts';
import { renderShow } from '../../../src/compare/render/show.ts';
import { renderList, renderTerminal } from '../../../src/compare/render/terminal.ts';
import { recordedRun } from './recorded.ts';

/** A run that went wrong, as the terminal and the page show it. */
function troubledReport(): CompareReport {
  return buildReport({
    concepts: [],
    runs: [
      recordedRun('jest', { crashed: 'no report written (exit code 1)\n\nSyntaxError: x' }),
      recordedRun('pytest', { available: false, unavailable: 'python3 not found', tests: [] }),
    ],
    selection: { demoFailures: false, columns: ['python', 'jest'] },
    root: process.cwd(),
    wallMs: 800,
    coverage: { available: false, hint: 'coverage: run npm run coverage' },
  });
}

function sampleReport(demoFailures: boolean): CompareReport {
  return buildReport({
    concepts: sampleConcepts.filter((c) => Boolean(c.demo) === demoFailures),
    runs: (['jest', 'vitest', 'pytest', 'unittest', 'pydoctest', 'tsdoctest'] as const).map((r) =>
      recordedRun(r),
    ),
    selection: { demoFailures, columns: [...COLUMNS] },
    root: process.cwd(),
    wallMs: 2500,
    coverage: {
      available: true,
      columns: {
        jest: {
          linesPct: 100,
          files: { 'src/domain/salary.ts': { linesPct: 100, uncoveredLines: '' } },
        },
        vitest: {
          linesPct: 97.5,
          files: { 'src/domain/salary.ts': { linesPct: 90, uncoveredLines: '12, 40' } },
        },
      },
      union: { linesPct: 100, files: {} },
    },
  });
}

describe('terminal', () => {
  const plain = (report: CompareReport, width = 100) =>
    renderTerminal(report, { colors: false, width });
  const lessons = plain(sampleReport(false));
  const demos = plain(sampleReport(true));

  test.each([80, 160])('no line is wider than %i columns, colours or not', (width) => {
    const long = sampleReport(false);
    // A title longer than any terminal: cut with … to leave room for the cells.
    const first = long.rows.find((r) => r.id === 'sample-pass');
    if (first) first.title = `A very long title ${'that goes on '.repeat(20)}`;
    for (const report of [long, sampleReport(true), troubledReport()]) {
      for (const colors of [false, true]) {
        const text = stripAnsi(renderTerminal(report, { colors, width }));
        const widest = Math.max(...text.split('\n').map((l) => stringWidth(l)));
        expect(widest).toBeLessThanOrEqual(width);
      }
    }
    const text = plain(long, width);
    expect(text).toMatch(/^ {2}A very long title that goes on .*…/m);
    // The cells of the long title's line are there in full after the cut.
    expect(text).toMatch(/… ✓ {7}✓ {7}✓ {7}—/);
  });

  test('one line per concept under its section, in the course order; ids from 160 columns', () => {
    const narrow = plain(sampleReport(false), 80);
    expect(narrow.split('\n').slice(0, 7)).toEqual([
      expect.stringMatching(/^ +python {2}jest {4}vitest {2}tsdoctest$/),
      'doctest: examples in docstrings, replayed',
      expect.stringMatching(/^ {2}Doctest items +✗ +✓ +✓ +✓$/),
      'unittest: test classes, setUp and tearDown, assertions, skips',
      expect.stringMatching(/^ {2}A passing test +✓ +✓ +✓ +—$/),
      'pytest: plain assert, fixtures, conftest and --os-name',
      expect.stringMatching(/^ {2}A skipped test +skip +skip +skip +—$/),
    ]);
    expect(narrow).not.toContain('sample-pass');
    // The skip reasons are for --show, not the table.
    expect(narrow).not.toContain('not on this release');
    const wide = plain(sampleReport(false), 160);
    expect(wide).toMatch(/^ {2}A passing test +✓ +✓ +✓ +— +sample-pass$/m);
    expect(wide).toMatch(/^ +python {2}jest {4}vitest {2}tsdoctest {2}id$/m);
  });

  test('runs, coverage and the verdict stay, framework names as --frameworks takes them', () => {
    expect(lessons).toMatch(/^ {2}vitest +1 passed, 2 failed, 2 skipped {2}1\.2 s, exit 1$/m);
    expect(lessons).toMatch(/^ {2}python \(unittest\) +2 passed, 3 failed, 2 skipped/m);
    expect(lessons).toMatch(/^ {2}python \(doctest\) +1 passed, 1 failed, 1 skipped/m);
    expect(lessons).toMatch(/^ {2}vitest +97\.5%$/m);
    expect(lessons).toMatch(/^ {2}union +100\.0%$/m);
    expect(lessons).toContain('Every cell matches its expected outcome (3 concepts).');
  });

  test('a cell that differs from the catalogue is marked without colour, and listed', () => {
    expect(demos).toMatch(
      /^ {2}A module that does not load error! {2}error! {2}error! {2}— +sample-crash$/m,
    );
    expect(demos).toMatch(/^ {2}A wrong expected value +✗ +✗ +✗ +— +sample-wrong-expected$/m);
    expect(demos).toContain('3 cell(s) differ from the catalogue:');
    expect(demos).toContain(
      '  sample-crash [jest] expected failed, got error\n    fixtures/compare/samples/jest/crash.test.ts failed to load: suite failed to load\n',
    );
  });

  test('only the frameworks that ran get a column', () => {
    const text = plain({
      ...sampleReport(false),
      options: { demoFailures: false, columns: ['jest'] },
    });
    expect(text).toMatch(/^ +jest {4}id$/m);
    expect(text).toMatch(/^ {2}A passing test ✓ {7}sample-pass$/m);
  });

  test('a crashed run, a missing tool, no concepts and no coverage are each said in words', () => {
    const text = plain(troubledReport());
    expect(text).toContain('No concepts to compare.');
    expect(text).toMatch(
      /^ {2}jest +1\.2 s, exit 1 {2}crashed: no report written \(exit code 1\)$/m,
    );
    expect(text).toMatch(/^ {2}python \(pytest\) +not available: python3 not found$/m);
    expect(text).toMatch(/^ {2}wall +0\.8 s$/m);
    expect(text).toMatch(/\(lines\)\n {2}coverage: run npm run coverage\n/);
    expect(text).toContain('Every cell matches its expected outcome (0 concepts).');
  });

  test('colours when asked', () => {
    const coloured = renderTerminal(sampleReport(false), { colors: true, width: 100 });
    expect(coloured).not.toBe(stripAnsi(coloured));
    expect(stripAnsi(coloured)).toBe(lessons);
  });
});

describe('--show', () => {
  const demo = sampleReport(true).rows.filter((r) => r.id === 'sample-wrong-expected');
  const show = (width: number, code = true) =>
    renderShow(demo, { colors: false, width, columns: [...COLUMNS], code });

  test("each framework in turn: the test's code and what the framework printed", () => {
    const text = show(100);
    expect(text).toMatch(
      /^sample-wrong-expected: A wrong expected value\n─+\nThe deliberate failure/,
    );
    const order = ['python (pytest)', 'python (unittest)', 'jest', 'vitest', 'tsdoctest'].map(
      (name) => text.search(new RegExp(`^${name.replace(/[()]/g, '\\$&')}  `, 'm')),
    );
    expect(order.every((at, i) => at >= 0 && (i === 0 || at > (order[i - 1] ?? 0)))).toBe(true);
    // Code, then the framework's own words, for each.
    expect(text).toContain(
      'the test:\n  def test_wrong_expected(self):\n      self.assertEqual(add_num(1, 1), 3)\nunittest said:',
    );
    expect(text).toContain('  AssertionError: 2 != 3');
    expect(text).toContain("the test:\n  test('wrong expected value', () => {");
    expect(text).toMatch(/jest said:\n.*\n.*● Cal › wrong expected value/);
    expect(text).toContain('      Expected: 3\n      Received: 4');
    expect(text).toMatch(/vitest said:[\s\S]*- Expected\n {2}\+ Received\n\n {2}- 3\n {2}\+ 4/);
    expect(text).toContain('expected to fail: AssertionError: 2 != 3');
    expect(text).toContain('tsdoctest  — not mirrored');
  });

  test('from 160 columns, two frameworks side by side, no line wider than the terminal', () => {
    const text = show(160);
    expect(text).toMatch(/^python \(pytest\) {2}✗ failed +│ python \(unittest\) {2}✗ failed$/m);
    expect(text).toMatch(/^jest {2}✗ failed +│ vitest {2}✗ failed$/m);
    expect(Math.max(...text.split('\n').map((l) => stringWidth(l)))).toBeLessThanOrEqual(160);
    expect(show(159)).not.toContain(' │ ');
  });

  test("the catalogue's prose is word-wrapped to the block, whole words kept", () => {
    const text = show(30);
    const lines = text.split('\n');
    // At 30 columns "expected to fail: AssertionError: 2 != 3" breaks between words.
    const at = lines.indexOf('expected to fail:');
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 1]).toBe('AssertionError: 2 != 3');
  });

  test('where each test is (file › describe › test) is wrapped to the block too', () => {
    const paths = show(30)
      .split('\n')
      .filter((l) => /^(specs|fixtures|src)\//.test(l));
    expect(paths.length).toBeGreaterThan(0);
    expect(Math.max(...paths.map((l) => stringWidth(l)))).toBeLessThanOrEqual(30);
  });

  test('the failure texts of the demos: no code, every framework in its own words', () => {
    const text = show(100, false);
    expect(text).not.toContain('the test:');
    expect(text).toContain('AssertionError: 2 != 3');
    expect(text).toContain('Expected: 3');
  });

  test('--list: the ids with their titles by section, the demos last, fitted to the width', () => {
    const text = renderList(sampleConcepts, { colors: false, width: 40 });
    expect(text.split('\n').slice(0, 2)).toEqual([
      'doctest: examples in docstrings, replay…',
      '  sample-doctest         Doctest items',
    ]);
    expect(text).toMatch(/failure demos.*\n {2}sample-wrong-expected {2}A wrong expect…\n/);
    expect(Math.max(...text.split('\n').map((l) => stringWidth(l)))).toBeLessThanOrEqual(40);
  });
});

describe('HTML', () => {
  const report = sampleReport(true);
  const html = renderHtml(report);

  test('is self-contained: no external scripts, styles, images or fonts', () => {
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=/i);
    expect(html).not.toMatch(/url\(|@import|https?:\/\//);
    expect(html).toContain('<style>');
    expect(html).toContain('@media print');
  });

  test('escapes what the frameworks printed', () => {
    // pytest prints object reprs such as <calculation.Cal object at 0x...>.
    expect(html).toContain('&#60;calculation.Cal object at');
    expect(html).not.toContain('<calculation.Cal');
  });

  test('labels every status in words, not colour alone, and marks mismatches', () => {
    const cells = html.match(/<td data-column=/g) ?? [];
    expect(cells).toHaveLength(report.rows.length * COLUMNS.length);
    expect(html.match(/class="status">✗ failed</g)).toHaveLength(3);
    expect(html.match(/class="error mismatch"/g)).toHaveLength(3);
    expect(html).toContain('3 cell(s) differ from the catalogue.');
  });

  test('a crashed run, a missing tool and no coverage file are said in words', () => {
    const page = renderHtml(troubledReport());
    expect(page).toContain(
      '<tr data-runner="jest"><td data-label="framework">jest</td><td data-label="result">crashed: no report written (exit code 1)</td>',
    );
    expect(page).toContain(
      '<td data-label="framework">python (pytest)</td><td data-label="result">not available: python3 not found</td>',
    );
    expect(page).toContain('<p class="note">coverage: run npm run coverage</p>');
  });

  test('coverage without a union or per-file figures shows the totals only', () => {
    const page = renderHtml({
      ...report,
      coverage: { available: true, columns: { jest: { linesPct: 88.8, files: {} } } },
    });
    expect(page).toMatch(/<tr data-runner="jest">.*?<td data-label="coverage">88\.8%<\/td>/);
    expect(page).not.toContain('(union)');
    expect(page).not.toContain('src/domain/salary.ts');
  });

  test('shows coverage per framework and file, with the lines no test ran, and the union', () => {
    expect(html).toContain('Lines of src/domain/ run by any framework (union): 100.0%.');
    expect(html).toContain(
      '<tr><td data-label="file"><code>src/domain/salary.ts</code></td><td data-label="jest">100.0%</td><td data-label="vitest">90.0% <span class="note">missing 12, 40</span></td><td data-label="union">–</td></tr>',
    );
  });
});
