import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createCourse } from '../support/course-fixture.js';
import { appUrl, launchBrowser, newContext, signIn } from './browser.js';

/**
 * The session as a student lives it: an ID token that expires while the app is open is renewed
 * with the refresh token (no new sign-in), and signing out ends it at the provider too.
 */
describe('web app session in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('renews an expired ID token with the refresh token, then signs out', async () => {
    const course = await createCourse({ prefix: 'session', students: 3 });
    const student = course.students[0] ?? '';
    const authority = `${inject('apiUrl')}/_local/oidc`;
    const set = await fetch(`${authority}/settings`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: student, idTokenSeconds: 3 }),
    });
    expect(set.status).toBe(200);

    const context = await newContext(browser);
    const page = await context.newPage();
    const grants: string[] = [];
    page.on('request', (request) => {
      if (request.url() === `${authority}/token`)
        grants.push(new URLSearchParams(request.postData() ?? '').get('grant_type') ?? '');
    });
    await signIn(page, student);
    await page.getByText(course.courseId, { exact: true }).waitFor({ timeout: 15_000 });
    // The sign-in's grant first; the app may already be renewing (a 3 s token is always "expiring").
    expect(grants[0]).toBe('authorization_code');

    // Past the token's 3 s: the app still reads the course, with a renewed token.
    await page.waitForTimeout(4000);
    await page.goto(`${appUrl()}#/c/${course.courseId}`);
    await page.locator('main h1').first().waitFor({ timeout: 15_000 });
    await expect
      .poll(() => grants.filter((g) => g === 'refresh_token').length, { timeout: 15_000 })
      .toBeGreaterThan(0);
    expect(await page.getByRole('button', { name: 'Sign in' }).count()).toBe(0);
    expect(await page.locator('.problem').count()).toBe(0);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor({ timeout: 15_000 });
    await page.goto(`${appUrl()}#/c/${course.courseId}`);
    await page.getByRole('button', { name: 'Sign in' }).waitFor({ timeout: 15_000 });
    await context.close();
  });
});
