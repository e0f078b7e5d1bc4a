// The HTML report in a real browser: headless Chrome or Chromium (see support/browser.ts) driven by
// playwright-core: the page against the JSON, its filters, and its layout at 1280 and 390 px.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { expect, test } from 'vitest';
import { sampleConcepts } from '../../../fixtures/compare/samples/concepts.ts';
import { buildReport } from '../../../src/compare/catalogue-join.ts';
import { reportFiles, writeReports } from '../../../src/compare/compare.ts';
import { COLUMNS, type CompareReport } from '../../../src/compare/model.ts';
import { findBrowser, NO_BROWSER_HINT } from '../support/browser.ts';
import { recordedRun } from './recorded.ts';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const SCREENSHOT = 'reports/compare-browser.png';
const ci = process.env.CI === 'true' || process.env.CI === '1';

/** The browser, or a skip (a failure in CI) when there is none. */
function browserOrSkip(ctx: { skip: (note: string) => void }): string | undefined {
  const executablePath = findBrowser();
  if (executablePath) return executablePath;
  // In CI the browser is installed by .ci/run or the runner image, so its absence is a failure there.
  if (ci) throw new Error(NO_BROWSER_HINT);
  // Said out loud too: the default reporter does not print skip notes.
  console.warn(`compare browser test skipped: ${NO_BROWSER_HINT}`);
  ctx.skip(NO_BROWSER_HINT);
  return undefined;
}

/** The failure demos of the samples, one output with a line longer than any screen. */
function demoReport(): CompareReport {
  const report = buildReport({
    concepts: sampleConcepts,
    runs: (['jest', 'vitest', 'pytest', 'unittest', 'pydoctest', 'tsdoctest'] as const).map((r) =>
      recordedRun(r),
    ),
    selection: { demoFailures: true, columns: [...COLUMNS] },
    root: process.cwd(),
    wallMs: 2500,
    coverage: {
      available: true,
      columns: {
        jest: {
          linesPct: 95,
          files: { 'src/domain/bonus-server.ts': { linesPct: 95, uncoveredLines: '70-76' } },
        },
      },
    },
  });
  const cell = report.rows.find((r) => r.id === 'sample-wrong-expected')?.cells.vitest;
  if (cell) cell.output += `\n${'an-unbroken-token-'.repeat(40)}`;
  return report;
}

async function openPage(executablePath: string, dir: string, width: number) {
  const browser = await chromium.launchPersistentContext(path.join(dir, `profile-${width}`), {
    executablePath,
    headless: true,
    args: ARGS,
    viewport: { width, height: 900 },
  });
  const page = browser.pages()[0] ?? (await browser.newPage());
  return { browser, page };
}

test('the report page shows the JSON, filters and expands in Chromium', async (ctx) => {
  const executablePath = browserOrSkip(ctx);
  if (!executablePath) return;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'compare-browser-'));
  const report = demoReport();
  await writeReports(report, dir);
  const files = reportFiles(report, dir);
  const json = JSON.parse(await readFile(files.json, 'utf8')) as CompareReport;
  const { browser, page } = await openPage(executablePath, dir, 1280);
  try {
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(files.html).href);

    // Rows and columns are those of the JSON, cell by cell.
    const headers = await page.locator('table.matrix thead th').allTextContents();
    expect(headers).toEqual(['concept', ...json.columns]);
    const rows = page.locator('table.matrix tbody tr[data-concept]');
    expect(await rows.count()).toBe(json.rows.length);
    // Under the course's sections, in the course's order.
    const sections = await page
      .locator('tr.section')
      .evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.section));
    expect(sections).toEqual(['doctest', 'unittest', 'pytest']);
    for (const row of json.rows) {
      const tr = page.locator(`tr[data-concept="${row.id}"]`);
      expect(await tr.getAttribute('data-section')).toBe(row.lesson);
      const outcomes = await tr
        .locator('td[data-column]')
        .evaluateAll((tds) => tds.map((td) => (td as HTMLElement).dataset.outcome));
      expect(outcomes).toEqual(json.columns.map((c) => row.cells[c].outcome));
    }

    // Filter by status: only rows with a failed cell stay.
    await page.selectOption('select[name=status]', 'failed');
    const failing = json.rows.filter((r) =>
      json.columns.some((c) => r.cells[c].outcome === 'failed'),
    );
    await expect
      .poll(() => page.locator('tbody tr[data-concept]:visible').count())
      .toBe(failing.length);
    expect(await page.locator('#shown-count').textContent()).toBe(String(failing.length));
    // Filter by framework: the tsdoctest column goes.
    await page.uncheck('input[name=framework][value=tsdoctest]');
    expect(await page.locator('th[data-column=tsdoctest]').isVisible()).toBe(false);
    expect(await page.locator('th[data-column=jest]').isVisible()).toBe(true);

    // Expand a cell: Jest's own failure report and the test's code appear.
    const cell = page.locator('tr[data-concept=sample-wrong-expected] td[data-column=jest]');
    const output = cell.locator('pre.output');
    expect(await output.isVisible()).toBe(false);
    await cell.locator('summary').click();
    expect(await output.isVisible()).toBe(true);
    expect(await output.textContent()).toContain('Expected: 3');
    expect(await cell.locator('pre.code').textContent()).toContain("test('wrong expected value'");

    await mkdir('reports', { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(existsSync(SCREENSHOT)).toBe(true);
    // Printing: every cell opens and the filters go.
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    const details = page.locator('details');
    expect(await page.locator('details[open]').count()).toBe(await details.count());
    expect(await page.locator('form.filters').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });

    // Nothing but the page itself was loaded.
    expect(requests.every((u) => u.startsWith('file://'))).toBe(true);
  } finally {
    await browser.close();
    await rm(dir, { recursive: true, force: true });
  }
});

test.for([1280, 390])(
  'at %i px a whole row opens, its output wraps, and nothing scrolls sideways',
  async (width, ctx) => {
    const executablePath = browserOrSkip(ctx);
    if (!executablePath) return;
    const dir = await mkdtemp(path.join(os.tmpdir(), 'compare-browser-'));
    const report = demoReport();
    await writeReports(report, dir);
    const { browser, page } = await openPage(executablePath, dir, width);
    try {
      await page.goto(pathToFileURL(reportFiles(report, dir).html).href);
      const overflow = () =>
        page.evaluate(() => {
          const root = document.documentElement;
          return root.scrollWidth - root.clientWidth;
        });
      expect(await overflow()).toBe(0);

      // The explanation is on the page, its inline code as code.
      const row = page.locator('tr[data-concept=sample-wrong-expected]');
      expect(await row.locator('.explanation').isVisible()).toBe(true);
      const first = page.locator('tr[data-concept=sample-pass] .explanation');
      expect(await first.textContent()).toBe('Every framework passes.');

      // One button opens every cell of the row.
      await row.locator('button.open-row').click();
      const details = row.locator('details');
      expect(await details.count()).toBeGreaterThan(2);
      expect(await row.locator('details[open]').count()).toBe(await details.count());
      expect(await row.locator('button.open-row').textContent()).toBe('close row');
      await page.locator('tr[data-concept=sample-crash] button.open-row').click();
      expect(await overflow()).toBe(0);

      // Output wraps inside its cell: the unbroken line is all there, not cut or scrolled.
      const output = row.locator('td[data-column=vitest] pre.output');
      expect(await output.textContent()).toContain('an-unbroken-token-'.repeat(40));
      const clipped = await output.evaluate((pre) => pre.scrollWidth - pre.clientWidth);
      expect(clipped).toBe(0);

      // Below 700 px the cells stack: jest sits under python, not beside it.
      const box = async (column: string) =>
        (await row.locator(`td[data-column=${column}]`).boundingBox()) ?? { x: -1, y: -1 };
      const [python, jest] = [await box('python'), await box('jest')];
      if (width < 700) {
        expect(jest.x).toBe(python.x);
        expect(jest.y).toBeGreaterThan(python.y);
      } else {
        expect(jest.x).toBeGreaterThan(python.x);
        expect(jest.y).toBe(python.y);
      }
      await page.screenshot({ path: `reports/compare-browser-${width}.png`, fullPage: true });

      // The button closes the row again.
      await row.locator('button.open-row').click();
      expect(await row.locator('details[open]').count()).toBe(0);
    } finally {
      await browser.close();
      await rm(dir, { recursive: true, force: true });
    }
  },
);
