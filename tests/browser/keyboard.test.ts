import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCourse, liveDates, type CourseFixture } from '../support/course-fixture.js';
import { appUrl, launchBrowser, newContext } from './browser.js';

/** What has the focus, as a screen reader would name it: role-ish tag, label or text. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const { document } = globalThis as unknown as {
      document: {
        activeElement: {
          tagName: string;
          textContent: string | null;
          getAttribute(n: string): string | null;
          labels?: { textContent: string | null }[];
        } | null;
      };
    };
    const el = document.activeElement;
    if (!el) return '';
    const label = el.labels?.[0]?.textContent ?? el.getAttribute('aria-label') ?? el.textContent ?? '';
    return `${el.tagName.toLowerCase()}:${label.trim()}`;
  });

/** Presses Tab until the focused element matches (at most 80 times): what a keyboard user does. */
const tabTo = async (page: Page, target: RegExp): Promise<void> => {
  const seen: string[] = [];
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    if (target.test(now)) return;
    seen.push(now);
  }
  throw new Error(`Tab never reached ${target}; went through: ${seen.join(' | ')}`);
};

/**
 * Keyboard alone, no mouse: sign in through the OIDC page, open the course, form a group. Each
 * control is reached with Tab and used with Enter or typing, as a keyboard user would.
 */
describe('web app by keyboard alone in Chromium', () => {
  let browser: Browser;
  let c: CourseFixture;
  beforeAll(async () => {
    [browser, c] = await Promise.all([
      launchBrowser(),
      createCourse({
        students: 3,
        prefix: 'kbd',
        overrides: liveDates(),
      }),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('signs in, opens the course and forms a group with Tab, typing and Enter', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(appUrl());
    await page.getByRole('button', { name: 'Sign in' }).waitFor();

    await tabTo(page, /^button:Sign in$/);
    await page.keyboard.press('Enter');
    await page.getByLabel('Email').first().waitFor();
    await tabTo(page, /^input:Email$/);
    await page.keyboard.type(c.students[0] ?? '');
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: /live demo/ }).waitFor();

    await tabTo(page, /^a:.*live demo/);
    await page.keyboard.press('Enter');
    await page.getByRole('navigation').getByRole('link', { name: 'Group', exact: true }).waitFor();
    await tabTo(page, /^a:Group$/);
    await page.keyboard.press('Enter');
    await page.getByLabel('Classmate 1 (email)').waitFor();

    await tabTo(page, /^input:Classmate 1/);
    await page.keyboard.type(c.students[1] ?? '');
    await tabTo(page, /^input:Classmate 2/);
    await page.keyboard.type(c.students[2] ?? '');
    await tabTo(page, /^select:Paper/);
    // A native select: arrow keys choose (from "Choose later" to the first paper), as with any form.
    await page.keyboard.press('ArrowDown');
    await tabTo(page, /^button:Form the group$/);
    await page.keyboard.press('Enter');
    await page.getByText('Your classmates are invited: they join when they accept.').waitFor();

    // The caller is the one member; the two classmates are invited until they accept.
    const me = await c.student(0).get(`/courses/${c.courseId}/me`);
    expect(me.body.group?.members?.length).toBe(1);
    expect(me.body.group?.invitations?.map((i: { email: string }) => i.email)).toEqual(c.students.slice(1));
    await context.close();
  });
});
