// The browser tests look for Chrome or Chromium by the usual names and CHROME_PATH,
// so they run on Debian (chromium) and on GitHub's Ubuntu runners (google-chrome) alike.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test, vi } from 'vitest';
import { browserCandidates, findBrowser } from '../support/browser.ts';

const dir = mkdtempSync(join(tmpdir(), 'browser-finder-'));
afterEach(() => vi.unstubAllEnvs());
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

function fakeBrowser(name: string): string {
  const file = join(dir, name);
  writeFileSync(file, '#!/bin/sh\n');
  chmodSync(file, 0o755);
  return file;
}

test('CHROME_PATH names the browser to use', () => {
  const chrome = fakeBrowser('my-chrome');
  vi.stubEnv('CHROME_PATH', chrome);
  expect(findBrowser()).toBe(chrome);
});

test("google-chrome on the PATH is a candidate, as on GitHub's Ubuntu runners", () => {
  const chrome = fakeBrowser('google-chrome');
  vi.stubEnv('CHROME_PATH', '');
  vi.stubEnv('PATH', `${dir}:${process.env.PATH}`);
  expect(browserCandidates()).toContain(chrome);
});
