// The terminal table and the HTML page, from a report built on the recordings.
import stripAnsi from 'strip-ansi';
import { describe, expect, test } from 'vitest';
import { sampleConcepts } from '../../../fixtures/compare/samples/concepts.ts';
import { buildReport } from '../../../src/compare/build.ts';
import { COLUMNS, type CompareReport } from '../../../src/compare/model.ts';
import { renderHtml } from '../../../src/compare/render/html.ts';
import { renderTerminal } from '../../../src/compare/render/terminal.ts';
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
          files: { 'src/domain/salary.ts': { linesPct: 90, uncoveredLines: '12,40' } },
        },
      },
      union: { linesPct: 100, files: {} },
    },
  });
}

describe('terminal', () => {
  const lessons = renderTerminal(sampleReport(false), false);
  const demos = renderTerminal(sampleReport(true), false);

  test('fits 100 columns and has no colour codes when colours are off', () => {
    for (const text of [lessons, demos]) {
      expect(text).toBe(stripAnsi(text));
      const widest = Math.max(...text.split('\n').map((l) => l.length));
      expect(widest).toBeLessThanOrEqual(100);
    }
  });

  test('shows a row per concept with labelled cells, then runs, coverage and the verdict', () => {
    expect(lessons).toMatch(/│ sample-pass +│ ✓ passed +│ ✓ passed +│ ✓ passed +│ · not +│/);
    expect(lessons).toMatch(/│ sample-skip +│ ○ skipped +│ ○ skipped +│/);
    expect(lessons).toMatch(/^ {2}vitest +1 passed, 2 failed, 2 skipped {2}1\.2 s, exit 1$/m);
    expect(lessons).toMatch(/^ {2}vitest +97\.5%$/m);
    expect(lessons).toMatch(/^ {2}union +100\.0%$/m);
    expect(lessons).toContain('Every cell matches its expected outcome (3 concepts).');
  });

  test('lists every mismatch with what was expected', () => {
    expect(demos).toContain('3 cell(s) differ from the catalogue:');
    expect(demos).toContain(
      '  sample-crash [jest] expected failed, got error\n    fixtures/compare/samples/jest/crash.test.ts failed to load: suite failed to load\n',
    );
    expect(demos).toMatch(/│ sample-wrong-expected +│ ✗ failed +│ ✗ failed +│ ✗ failed/);
    expect(demos).toMatch(/as expected/);
  });

  test('a crashed run, a missing tool, no concepts and no coverage are each said in words', () => {
    const text = renderTerminal(troubledReport(), false);
    expect(text).toContain('No concepts to compare.');
    expect(text).toMatch(
      /^ {2}jest +crashed: no report written \(exit code 1\) {2}1\.2 s, exit 1$/m,
    );
    expect(text).toMatch(/^ {2}pytest +not available: python3 not found$/m);
    expect(text).toMatch(/^ {2}wall +0\.8 s$/m);
    expect(text).toMatch(/\(lines\)\n {2}coverage: run npm run coverage\n/);
    expect(text).toContain('Every cell matches its expected outcome (0 concepts).');
  });

  test('colours when asked', () => {
    const coloured = renderTerminal(sampleReport(false), true);
    expect(coloured).not.toBe(stripAnsi(coloured));
    expect(stripAnsi(coloured)).toBe(lessons);
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
      '<tr data-runner="jest"><td>jest</td><td>crashed: no report written (exit code 1)</td>',
    );
    expect(page).toContain('<td>not available: python3 not found</td>');
    expect(page).toContain('<p class="note">coverage: run npm run coverage</p>');
  });

  test('coverage without a union or per-file figures shows the totals only', () => {
    const page = renderHtml({
      ...report,
      coverage: { available: true, columns: { jest: { linesPct: 88.8, files: {} } } },
    });
    expect(page).toMatch(/<tr data-runner="jest">.*?<td>88\.8%<\/td>/);
    expect(page).not.toContain('(union)');
    expect(page).not.toContain('src/domain/salary.ts');
  });

  test('shows coverage per framework and file, with the lines no test ran, and the union', () => {
    expect(html).toContain('Lines of src/domain/ run by any framework (union): 100.0%.');
    expect(html).toContain(
      '<tr><td><code>src/domain/salary.ts</code></td><td>100.0%</td><td>90.0% <span class="note">missing 12,40</span></td><td>–</td></tr>',
    );
  });
});
