import { mkdirSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect, inject } from 'vitest';

export { CHROMIUM, launchBrowser } from './chromium.js';

/** The app's address: the local stack serves it at / on the API's origin. */
export const appUrl = (): string => `${inject('apiUrl')}/`;

/** A phone-sized context (360 px wide) or a desktop one, in a locale. */
export const newContext = (
  browser: Browser,
  options: { width?: number; locale?: string } = {},
): Promise<BrowserContext> =>
  browser.newContext({
    viewport: { width: options.width ?? 1280, height: 900 },
    locale: options.locale ?? 'en-GB',
    timezoneId: 'Europe/Paris',
  });

/**
 * Signs in through the app's real OIDC code + PKCE flow: the app's "Sign in" button, the local
 * provider's sign-in page (type the email, continue), back in the app. `admin` ticks the page's
 * "Sign in as an admin" box: the ID token then carries the "admins" group.
 */
export const signIn = async (page: Page, email: string, options: { admin?: boolean } = {}): Promise<void> => {
  await page.goto(appUrl());
  await page.getByRole('button', { name: /sign in|se connecter/i }).click();
  await page.getByLabel(/email/i).first().fill(email);
  if (options.admin) await page.getByLabel(/as an admin/i).check();
  await page
    .getByRole('button', { name: /continue|sign in|continuer/i })
    .first()
    .click();
  await page.waitForURL((url) => !url.pathname.includes('/_local/oidc') && !url.search.includes('code='));
  // Under load the app's first reads can take seconds: wait as a person would, not a poll's 1 s.
  await page.getByRole('button', { name: /sign out|se déconnecter/i }).waitFor({ timeout: 20_000 });
};

/** axe-core on the page as it is now: no serious or critical violation (WCAG 2.1 A/AA rules). */
export const expectAccessible = async (page: Page, label: string): Promise<void> => {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(bad, `axe on ${label}`).toEqual([]);
};

/** Nothing wider than the window at 360 px: no sideways scrolling of the page itself. */
export const expectNoSidewaysScroll = async (page: Page, label: string): Promise<void> => {
  // A string expression: this file is typed for Node, the expression runs in the page.
  const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
  expect(overflow, `horizontal overflow on ${label}`).toBeLessThanOrEqual(1);
};

/** Screenshots of the main pages for the README: written when EXAMDESK_SCREENSHOTS=1. */
export const screenshot = async (page: Page, name: string): Promise<void> => {
  if (process.env.EXAMDESK_SCREENSHOTS !== '1') return;
  mkdirSync('docs/screenshots', { recursive: true });
  await page.screenshot({ path: `docs/screenshots/${name}.png`, fullPage: true });
};
