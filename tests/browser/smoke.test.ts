import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appUrl, expectAccessible, launchBrowser, newContext } from './browser.js';

describe('web app in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the signed-out page with a sign-in button, accessible, in English and French', async () => {
    const context = await newContext(browser, { width: 360 });
    const page = await context.newPage();
    await page.goto(appUrl());
    await page.getByRole('button', { name: 'Sign in' }).waitFor({ timeout: 20_000 });
    await expectAccessible(page, 'signed out');
    await page.getByLabel('Language').selectOption('fr');
    await page.getByRole('button', { name: 'Se connecter' }).waitFor({ timeout: 5_000 });
    expect(await page.evaluate<string>('document.documentElement.lang')).toBe('fr');
    await context.close();
  });
});
