/**
 * Where the browser tests find a Chrome or Chromium: chrome-launcher's finder,
 * which reads `CHROME_PATH` first, then looks for google-chrome(-stable),
 * chromium-browser and chromium on the PATH (Debian's /usr/bin/chromium,
 * GitHub's Ubuntu runners' /usr/bin/google-chrome).
 */
import { Launcher } from 'chrome-launcher';

/** Every browser found, best first (CHROME_PATH first of all); the finder throws when none is. */
export function browserCandidates(): string[] {
  try {
    return Launcher.getInstallations();
  } catch {
    return [];
  }
}

export const findBrowser = (): string | undefined => browserCandidates()[0];

export const NO_BROWSER_HINT =
  'no Chrome or Chromium found: install one ("apt-get install -y chromium") or set CHROME_PATH';
