// The HTML report in a real browser: headless Chrome or Chromium (see support/browser.ts) driven by playwright-core.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { expect, test } from 'vitest';
import { sampleConcepts } from '../../../fixtures/compare/samples/concepts.ts';
import { buildReport } from '../../../src/compare/build.ts';
import { writeReports } from '../../../src/compare/compare.ts';
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

test('the report page shows the JSON, filters and expands in Chromium', async (ctx) => {
  const executablePath = findBrowser();
  if (!executablePath) {
    // In CI the browser is installed by .ci/run or the runner image, so its absence is a failure there.
    if (ci) throw new Error(NO_BROWSER_HINT);
    // Said out loud too: the default reporter does not print skip notes.
    console.warn(`compare browser test skipped: ${NO_BROWSER_HINT}`);
    return ctx.skip(NO_BROWSER_HINT);
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'compare-browser-'));
  const report = buildReport({
    concepts: sampleConcepts,
    runs: (['jest', 'vitest', 'pytest', 'pydoctest', 'tsdoctest'] as const).map((r) =>
      recordedRun(r),
    ),
    selection: { demoFailures: true, columns: [...COLUMNS] },
    root: process.cwd(),
    wallMs: 2500,
    coverage: { available: false, hint: 'coverage: run npm run coverage' },
  });
  await writeReports(report, dir);
  const json = JSON.parse(await readFile(path.join(dir, 'compare.json'), 'utf8')) as CompareReport;
  const browser = await chromium.launchPersistentContext(path.join(dir, 'profile'), {
    executablePath,
    headless: true,
    args: ARGS,
    viewport: { width: 1366, height: 900 },
  });
  try {
    const page = browser.pages()[0] ?? (await browser.newPage());
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(path.join(dir, 'compare.html')).href);

    // Rows and columns are those of the JSON, cell by cell.
    const headers = await page.locator('table.matrix thead th').allTextContents();
    expect(headers).toEqual(['concept', ...json.columns]);
    const rows = page.locator('table.matrix tbody tr');
    expect(await rows.count()).toBe(json.rows.length);
    for (const [i, row] of json.rows.entries()) {
      const tr = rows.nth(i);
      expect(await tr.getAttribute('data-concept')).toBe(row.id);
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
