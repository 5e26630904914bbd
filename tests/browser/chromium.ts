import { chromium, type Browser } from 'playwright-core';

/**
 * Playwright driving Debian's Chromium (the registry's browser download is not reachable here;
 * .ci/run installs the `chromium` package). No outside network: background traffic is off.
 * Shared by the browser tests and the bench (no vitest here, so the bench can import it).
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
