import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCourse } from '../../shared/demo/demo-course.js';
import { anonymousLabel } from '../../shared/domain/marking-rules.js';
import { createCourse, type CourseFixture } from '../support/course-fixture.js';
import { formGroups } from '../support/grade-fixture.js';
import { pdfWithPages } from '../support/pdf-fixtures.js';
import { contributionsOf, uploadFile } from '../e2e/upload-helpers.js';
import {
  appUrl,
  expectAccessible,
  expectNoSidewaysScroll,
  launchBrowser,
  newContext,
  screenshot,
  signIn,
} from './browser.js';

const APRIL = '2023-04-20T10:00:00+02:00';

/**
 * Second marking of an anonymous report, end to end in the app at 360 px: a grader kept anonymous
 * sees only Marking, the report by its label (the link it opens serves the PDF), no student name,
 * and enters their mark; the second grader marks through the API; the lead sees both marks and the
 * names, and agrees the mean. One course, one group written straight into the table, one report.
 */
describe('second marking in Chromium (360 px)', () => {
  let browser: Browser;
  let c: CourseFixture;
  let groupId: string;
  let label: string;
  const tag = randomUUID().slice(0, 8);
  const [lead, g1, g2] = ['lead', 'g1', 'g2'].map((n) => `${n}-${tag}@uni.example`) as [
    string,
    string,
    string,
  ];
  const contexts: BrowserContext[] = [];
  let graderPage: Page;
  let leadPage: Page;
  /** Script errors in the pages (a page that throws may still show its heading). */
  const pageErrors: string[] = [];
  const open = async (email: string): Promise<Page> => {
    const context = await newContext(browser, { width: 360 });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await signIn(page, email);
    return page;
  };
  const marking = (): string => `${appUrl()}#/c/${c.courseId}/marking`;

  /** The course, its group, the report and the assignment, all through the API or the table. */
  const setUp = async () => {
    c = await createCourse({
      students: 3,
      prefix: 'mark',
      overrides: {
        instructors: [lead, g1, g2],
        grading: {
          ...demoCourse.grading,
          markers: { lead, secondMarking: { components: ['report'], threshold: 2 }, anonymous: ['report'] },
        },
      },
    });
    [groupId = ''] = await formGroups(c, [{ members: [0, 1, 2], paperId: 'ddim' }]);
    label = anonymousLabel(c.courseId, groupId);
    const up = await uploadFile(c.student(0), c.courseId, 'report', await pdfWithPages(2), {
      fileName: 'Student-1-report.pdf',
      contentType: 'application/pdf',
      at: APRIL,
      contributions: contributionsOf(c.students),
    });
    expect(up.submission.status).toBe('accepted');
    const assigned = await c.api.as(lead).put(`/courses/${c.courseId}/marking/assignments`, {
      assignments: [
        { groupId, componentId: 'report', graders: [g1, g2] },
        // Single-marked, by the lead: its grade is entered from the queue.
        { groupId, componentId: 'presentation', graders: [lead] },
      ],
    });
    expect(assigned.status, assigned.text).toBe(200);
  };

  beforeAll(async () => {
    // Signing in needs no course: both sign-ins run while the course is made.
    await Promise.all([
      setUp(),
      launchBrowser().then(async (b) => {
        browser = b;
        [graderPage, leadPage] = await Promise.all([open(g1), open(lead)]);
      }),
    ]);
  }, 120_000);
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
  });

  it('a grader kept anonymous marks by label; the lead sees both marks and names and agrees the mean', async () => {
    // The grader: the course's home is not theirs (the dashboard would be 403): they land on Marking.
    const page = graderPage;
    await page.goto(`${appUrl()}#/c/${c.courseId}`);
    await page.waitForURL(/\/marking$/);
    await page.getByRole('heading', { level: 1, name: 'Marking' }).waitFor();
    const nav = page.getByRole('navigation');
    await nav.getByRole('link', { name: 'Marking', exact: true }).waitFor();
    for (const name of ['Dashboard', 'Groups', 'Submissions', 'Grading', 'Activity', 'Settings', 'Roster'])
      expect(await nav.getByRole('link', { name, exact: true }).count(), name).toBe(0);
    await page.getByRole('heading', { level: 3, name: `${label} — Report (G1)` }).waitFor();
    const shown = await page.locator('main').innerText();
    for (const text of ['Student', '@students.example', groupId, 'Group 1'])
      expect(shown, text).not.toContain(text);
    await expectAccessible(page, 'grader marking page');
    await expectNoSidewaysScroll(page, 'grader marking page');
    if (process.env.EXAMDESK_SCREENSHOTS === '1') {
      // README screenshots are taken at a desktop width, as the other browser tests do.
      await page.setViewportSize({ width: 1280, height: 900 });
      await screenshot(page, 'marking-anonymous');
      await page.setViewportSize({ width: 360, height: 900 });
    }

    // The report: a new tab on the link, which stays shown under the neutral name.
    const [tab] = await Promise.all([
      page.context().waitForEvent('page'),
      page.getByRole('button', { name: `Read the report of ${label}` }).click(),
    ]);
    await tab.close();
    const link = page.getByRole('link', { name: `${label}.pdf` });
    await page.getByText(/^2 pages, received 20 Apr 2023, 10:00;/).waitFor();
    const pdf = await fetch((await link.getAttribute('href')) ?? '');
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(new TextDecoder().decode((await pdf.arrayBuffer()).slice(0, 5))).toBe('%PDF-');

    // Their mark, first (the other's would be shown only once theirs is in).
    await page.getByRole('button', { name: `Marks: ${label}, Report (G1)` }).click();
    await page.getByText('Enter your own mark first').waitFor();
    await page.getByLabel('Theoretical (/ 20)').fill('14');
    await page.getByLabel('Methodological (/ 20)').fill('15');
    await page.getByLabel('Experimental (/ 20)').fill('16');
    await page.getByRole('button', { name: 'Save my mark' }).click();
    await page.getByText('Your mark is saved.').waitFor();
    await page.getByText(`Mark of ${g1}`).waitFor();

    // Another page's address anyway: the API's refusal, said plainly.
    await page.goto(`${appUrl()}#/c/${c.courseId}/groups`);
    await page
      .getByRole('alert')
      .getByText(/anonymous until grades are published/)
      .waitFor();

    // The second grader, through the API (by label: the group id is refused to them).
    const second = await c.api.as(g2).put(`/courses/${c.courseId}/marking/groups/${label}/marks/report`, {
      aspects: { theoretical: 15, methodological: 16, experimental: 17 },
    });
    expect(second.status, second.text).toBe(200);

    // The lead: names, both marks within the threshold, the mean agreed (15 and 16: 15.5).
    await leadPage.goto(marking());
    await leadPage
      .getByRole('heading', { level: 3, name: /Student 1, Student 2, Student 3 — Report/ })
      .waitFor();
    await leadPage.getByRole('button', { name: /^Marks: Group 1: Student 1/ }).click();
    await leadPage.getByText(`Mark of ${g1}`, { exact: true }).waitFor();
    await leadPage.getByText(`Mark of ${g2}`, { exact: true }).waitFor();
    await leadPage.getByText('Within the threshold.').waitFor();
    expect(await leadPage.getByLabel('The mean of the two marks').isChecked()).toBe(true);
    await leadPage.getByRole('button', { name: 'Agree this final' }).click();
    await leadPage.getByText('Agreed final: 15.5 (exactly 31/2).').waitFor();
    await leadPage.getByText('The final is agreed').waitFor();
    // The single-marked presentation, from the queue: its rule (not presented yet) asks for a reason.
    const presentation = leadPage.locator('li.card').filter({ hasText: 'Presentation (G2)' });
    await presentation.getByLabel('Score (/ 20)').fill('12');
    await presentation.getByRole('button', { name: 'Save the grade' }).click();
    await presentation.getByLabel(/^Reason to enter it/).fill('Presented on a day off the calendar.');
    await presentation.getByRole('button', { name: 'Save the grade' }).click();
    await presentation.getByText('The grade is saved: 12 / 20.').waitFor();
    const grades = await c.api.as(lead).get(`/courses/${c.courseId}/groups/${groupId}/grades`);
    expect(grades.text).toContain('"exact":"31/2"');
    expect(grades.text).toContain('"score":12');
    expect(pageErrors).toEqual([]);
  }, 60_000);
});
