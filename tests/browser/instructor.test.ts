import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Loose } from '../support/api.js';
import { createCourse, type CourseFixture } from '../support/course-fixture.js';
import { formGroups } from '../support/grade-fixture.js';
import { BOOKING_OPEN, bookingPath, layOut } from '../support/slot-fixture.js';
import {
  expectAccessible,
  expectNoSidewaysScroll,
  launchBrowser,
  newContext,
  screenshot,
  signIn,
} from './browser.js';

/**
 * The instructor's console by clicking, on a phone-sized screen: the dashboard, the groups, the
 * schedule, the grading grid (a report and a presentation grade, the final as the server computes
 * it, the publication after its review, the CSV), the activity. A course of its own with two groups
 * formed and one slot booked through the API (at instants of the demo calendar, sent per request),
 * so no test moves the shared clock; grading and publishing have no deadline.
 */
describe('instructor console in Chromium (360 px)', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let c: CourseFixture;
  let groupIds: string[];
  /** The page's name of the group of students 1–3 ("Group 1" or "Group 2": numbered as the API lists them). */
  let first: string;
  let second: string;
  /** Script errors in the page (a page that throws may still show its heading). */
  const pageErrors: string[] = [];

  beforeAll(async () => {
    [browser, c] = await Promise.all([launchBrowser(), createCourse({ students: 8, prefix: 'ins' })]);
    groupIds = await formGroups(c, [
      { members: [0, 1, 2], paperId: 'ddim' },
      { members: [3, 4, 5], paperId: 'flow-matching' },
    ]);
    await layOut(c, [{ date: '2023-05-15', start: '09:00', end: '11:00', room: 'C103' }]);
    const booked = await c
      .student(0)
      .at(BOOKING_OPEN)
      .put(bookingPath(c, groupIds[0] ?? ''), { slotId: '2023-05-15T09:00', mode: 'in-person' });
    expect(booked.status, booked.text).toBe(201);
    // Both groups were formed at the same instant: the API's order (by creation, then id) decides.
    const listed = await c.teacher.get(`/courses/${c.courseId}/groups`);
    const order = (listed.body as Loose).groups.map((g: Loose) => g.groupId as string);
    const label = (id: string | undefined) => `Group ${order.indexOf(id ?? '') + 1}`;
    [first, second] = [label(groupIds[0]), label(groupIds[1])];
    context = await newContext(browser, { width: 360 });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  /** Every page meets the same bar: axe finds nothing serious, nothing scrolls sideways at 360 px. */
  const check = async (label: string) => {
    await expectAccessible(page, label);
    await expectNoSidewaysScroll(page, label);
  };
  /** README screenshots are taken at a desktop width (only when EXAMDESK_SCREENSHOTS=1). */
  const shot = async (name: string) => {
    if (process.env.EXAMDESK_SCREENSHOTS !== '1') return;
    await page.setViewportSize({ width: 1280, height: 900 });
    // Tables scrolled sideways while typing at 360 px start from their left edge again.
    await page.evaluate("document.querySelectorAll('.table-wrap').forEach((w) => { w.scrollLeft = 0; })");
    await screenshot(page, name);
    await page.setViewportSize({ width: 360, height: 900 });
  };
  const nav = (name: string) => page.getByRole('navigation').getByRole('link', { name, exact: true });
  const heading = (name: string | RegExp) => page.getByRole('heading', { level: 1, name });

  it('signs in and sees the dashboard: groups, the paper load chart, who is missing what', async () => {
    await signIn(page, c.instructor);
    await page.getByRole('link', { name: /final project/ }).click();
    await heading('Dashboard').waitFor();
    await page.getByRole('img', { name: /Groups per paper/ }).waitFor();
    // The chart's numbers are also a table (behind a disclosure).
    await page.getByText('Show as a table').first().click();
    await page.getByRole('rowheader', { name: 'Denoising Diffusion Implicit Models' }).waitFor();
    // Both groups miss the assignment, and so do the two students in no group.
    await page.getByRole('heading', { level: 3, name: /Assignment 4 missing/ }).waitFor();
    expect(await page.locator('.stats strong').allTextContents()).toEqual(['2', '8', '2']);
    await check('instructor dashboard');
    await shot('instructor-dashboard');
  });

  it('lists the groups with members and papers, and the students in none', async () => {
    await nav('Groups').click();
    await heading('Groups').waitFor();
    await page.getByRole('rowheader', { name: first }).waitFor();
    await page.getByText('Student 7').waitFor();
    await page.getByRole('button', { name: 'Remove Student 4' }).click();
    await page.getByRole('heading', { name: `Remove Student 4 from ${second}` }).waitFor();
    await check('instructor groups');
    await page.getByRole('button', { name: 'Cancel' }).click();
  });

  it('shows the schedule as a calendar and printable day sheets', async () => {
    await nav('Schedule').click();
    await heading('Presentation schedule').waitFor();
    const calendar = page.locator('.calendar');
    await calendar.getByText(first).waitFor();
    expect(await calendar.getByText('free').count()).toBe(3);
    await page.getByRole('heading', { level: 3, name: /Monday 15 May/ }).waitFor();
    await page.getByLabel('Date').first().waitFor();
    await check('instructor schedule');
    await shot('instructor-schedule');
  });

  it('grades a group and shows each final exactly as the server computes it', async () => {
    await nav('Grading').click();
    await heading('Grading').waitFor();
    const input = (what: string, component: string) =>
      page.getByLabel(`${what} — ${component}, ${first}`, { exact: true });
    await input('Theoretical', 'Report (G1)').fill('15');
    await input('Methodological', 'Report (G1)').fill('12');
    await input('Experimental', 'Report (G1)').fill('18');
    await input('Score', 'Presentation (G2)').fill('13');
    await page.getByRole('button', { name: `Save (${first})` }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `${first}: saved.` })
      .waitFor();
    const sheet = await c.teacher.get(`/courses/${c.courseId}/groups/${groupIds[0]}/grades`);
    // 2/3 × (15 + 12 + 18)/3 + 1/3 × 13 = 14.333…, rounded once to the course's 0.01.
    const finals = (sheet.body as Loose).members.map((m: Loose) => m.finalText as string);
    expect(finals).toEqual(['14.33', '14.33', '14.33']);
    expect(await page.locator('.final').allTextContents()).toEqual(finals);
    await check('instructor grading');
    await shot('instructor-grading');
  });

  it('reviews what each student receives, publishes, and exports the CSV', async () => {
    await page.getByRole('button', { name: 'Review and publish…' }).click();
    const dialog = page.getByRole('dialog', { name: 'What each student will receive' });
    await dialog.getByRole('rowheader', { name: /Student 1/ }).waitFor();
    const row = (n: number) => dialog.getByRole('row', { name: new RegExp(`Student ${n} `) });
    expect(await row(1).getByText('14.33').count()).toBe(1);
    expect(await row(4).getByText('14.33').count()).toBe(0);
    await expectAccessible(page, 'publish review');
    await dialog.getByRole('button', { name: 'Publish to 8 students' }).click();
    await dialog.getByText(/mails queued/).waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    // The page's own line (the dialog's status may still be on its way out).
    await page.getByText(/^Published .*Later changes/).waitFor();
    const me = await c.student(1).get(`/courses/${c.courseId}/me`);
    expect((me.body as Loose).grades.finalText).toBe('14.33');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${c.courseId}-grades.csv`);
    const csv = await readFile((await download.path()) ?? '', 'utf8');
    expect(csv).toContain('14.33');
  });

  it('shows the audit log, the outbox and the job runs', async () => {
    await nav('Activity').click();
    await heading('Activity').waitFor();
    await page.getByText('grades.publish').waitFor();
    await page.getByLabel('Show').waitFor();
    await check('instructor activity');
    expect(pageErrors).toEqual([]);
  });
});
