import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { demoCourse } from '../../shared/demo/demo-course.js';
import type { Loose } from '../support/api.js';
import { createCourse, type CourseFixture } from '../support/course-fixture.js';
import { BEFORE_GROUP_DEADLINE } from '../support/grade-fixture.js';
import { formGroupWithConsent } from '../support/group-formation.js';
import { pdfWithPages } from '../support/pdf-fixtures.js';
import { BOOKING_OPEN, bookingPath, layOut } from '../support/slot-fixture.js';
import { uploadFile } from '../e2e/upload-helpers.js';
import {
  expectAccessible,
  expectNoSidewaysScroll,
  launchBrowser,
  newContext,
  screenshot,
  signIn,
} from './browser.js';

/**
 * The instructor's console by clicking, on a phone-sized screen: the dashboard, the groups (an
 * unanswered invitation withdrawn, a group without a paper, the allocation preview of a course that
 * allocates papers from rankings), the submissions with their contribution statements and the ZIP,
 * the schedule, the grading grid (a report grade refused by its rule and entered with a reason, the
 * final as the server computes it, a peer-rating factor applied through the member adjustment, the
 * publication after its dry run, the exports, the withdrawal), the activity. A course of its own:
 * two groups given papers by the instructor, a third waiting for the allocation with a ranking and
 * an invitation nobody answered, one report with statements, one slot booked, peer ratings — all
 * through the API at instants of the demo calendar sent per request, so no test moves the shared
 * clock; grading and publishing have no deadline.
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
  let third: string;
  /** Script errors in the page (a page that throws may still show its heading). */
  const pageErrors: string[] = [];

  beforeAll(async () => {
    const lead = `lead-${randomUUID().slice(0, 8)}@uni.example`;
    [browser, c] = await Promise.all([
      launchBrowser(),
      createCourse({
        students: 8,
        prefix: 'ins',
        overrides: {
          groups: { paperChoice: 'ranked', peerRating: true },
          // The instructor leads the marking (report anonymous for graders) and answers regrades.
          instructors: [lead],
          grading: { ...demoCourse.grading, regradeDays: 7, markers: { lead, anonymous: ['report'] } },
        },
      }),
    ]);
    const at = (email: string | undefined) => c.api.as(email ?? '').at(BEFORE_GROUP_DEADLINE);
    // Students do not choose papers in a ranked course; the instructor gives two groups theirs.
    const formed = [];
    for (const [members, paperId] of [
      [c.students.slice(0, 3), 'ddim'],
      [c.students.slice(3, 6), 'flow-matching'],
    ] as const) {
      const g = await formGroupWithConsent(c.api, c.courseId, [...members], { at: BEFORE_GROUP_DEADLINE });
      const given = await c.teacher
        .at(BEFORE_GROUP_DEADLINE)
        .patch(`/courses/${c.courseId}/groups/${g.groupId}`, { paperId });
      expect(given.status, given.text).toBe(200);
      formed.push(g.groupId as string);
    }
    // The third: Student 7 invited Student 8, who never answered, and ranked two papers.
    const made = await at(c.students[6]).post(`/courses/${c.courseId}/groups`, {
      members: [c.students[6], c.students[7]],
    });
    expect(made.status, made.text).toBe(201);
    groupIds = [...formed, (made.body as Loose).groupId as string];
    const ranked = await at(c.students[6]).put(`/courses/${c.courseId}/groups/${groupIds[2]}/preferences`, {
      ranking: ['flow-matching', 'ddim'],
    });
    expect(ranked.status, ranked.text).toBe(200);
    await layOut(c, [{ date: '2023-05-15', start: '09:00', end: '11:00', room: 'C103' }]);
    const members = c.students.slice(0, 3);
    const booked = await c
      .student(0)
      .at(BOOKING_OPEN)
      .put(bookingPath(c, groupIds[0] ?? ''), { slotId: '2023-05-15T09:00', mode: 'in-person' });
    expect(booked.status, booked.text).toBe(201);
    // Two of the first group rate (Student 3 contributed less); Student 3 has not rated. One after
    // the other: each rating checks the group's version in its transaction.
    for (const i of [0, 1]) {
      const rated = await c.student(i).put(`/courses/${c.courseId}/groups/${groupIds[0]}/peer-ratings/me`, {
        ratings: Object.fromEntries(members.map((m, j) => [m, j === 2 ? 2 : 4])),
      });
      expect(rated.status, rated.text).toBe(200);
    }
    // The second group's report: Student 6 wrote their own statement, the uploader (Student 4)
    // sends theirs and proposes one for Student 5.
    const own = await c
      .student(5)
      .at('2023-04-20T09:00:00+02:00')
      .put(`/courses/${c.courseId}/deliverables/report/contributions/me`, {
        statement: 'I proofread the proofs.',
      });
    expect(own.status, own.text).toBe(200);
    const { submission } = await uploadFile(c.student(3), c.courseId, 'report', await pdfWithPages(3), {
      fileName: 'report-group-b.pdf',
      contentType: 'application/pdf',
      at: '2023-04-20T10:00:00+02:00',
      contributions: {
        [c.students[3] ?? '']: 'I wrote the method section.',
        [c.students[4] ?? '']: 'Ran the experiments.',
      },
    });
    expect(submission.status).toBe('accepted');
    // Groups were formed at the same instant: the API's order (by creation, then id) decides.
    const listed = await c.teacher.get(`/courses/${c.courseId}/groups`);
    const order = (listed.body as Loose).groups.map((g: Loose) => g.groupId as string);
    const label = (id: string | undefined) => `Group ${order.indexOf(id ?? '') + 1}`;
    [first, second, third] = [label(groupIds[0]), label(groupIds[1]), label(groupIds[2])];
    context = await newContext(browser, { width: 360 });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    // Its first calls start several functions' bundles cold (groups, rankings, ratings, an upload).
  }, 120_000);
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
    // The three groups miss the assignment, and so does the student in none (Student 8, invited).
    await page.getByRole('heading', { level: 3, name: /Assignment 4 missing/ }).waitFor();
    expect(await page.locator('.stats strong').allTextContents()).toEqual(['3', '8', '1']);
    await check('instructor dashboard');
    await shot('instructor-dashboard');
  });

  it('lists the groups with invitations and papers, the allocation preview, and withdraws an invitation', async () => {
    await nav('Groups').click();
    await heading('Groups').waitFor();
    await page.getByRole('rowheader', { name: first }).waitFor();
    const waiting = page.getByRole('row', { name: new RegExp(`^${third}`) });
    await waiting.getByText('no paper yet').waitFor();
    await page.getByText(`Without a paper yet: ${third}.`).waitFor();
    // The invitation lapsed with the group deadline (the real clock is past 2023); it can be withdrawn.
    await waiting.getByText('lapsed').waitFor();
    // The allocation before the group-deadline job: a preview over the current ranking.
    await page.getByRole('heading', { level: 2, name: 'Paper allocation' }).waitFor();
    await page.getByText(/^Preview over the rankings/).waitFor();
    await page.getByText('1st choice: 1 group').waitFor();
    const allocated = page.getByRole('row', { name: new RegExp(`^1 ${third}`) });
    expect(await allocated.getByText('1st choice').count()).toBe(1);
    await page.getByRole('button', { name: 'Remove Student 4' }).click();
    await page.getByRole('heading', { name: `Remove Student 4 from ${second}` }).waitFor();
    await check('instructor groups');
    await shot('instructor-groups');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await waiting.getByRole('button', { name: 'Withdraw the invitation of Student 8' }).click();
    await page.getByText(`The invitation of Student 8 to ${third} was withdrawn`).waitFor();
    const group = await c.teacher.get(`/courses/${c.courseId}/groups/${groupIds[2]}`);
    expect((group.body as Loose).invitations).toEqual([]);
  });

  it('shows each file with its contribution statements, and prepares the ZIP', async () => {
    await nav('Submissions').click();
    await heading('Submissions').waitFor();
    const card = page.locator('.submission').filter({ hasText: 'report-group-b.pdf' });
    await card.getByText('I wrote the method section.').waitFor();
    expect(await card.getByText(/Student 4 \(confirmed/).count()).toBe(1);
    expect(await card.getByText('Student 5 (proposed by Student 4, not confirmed)').count()).toBe(1);
    await card.getByText('Ran the experiments.').waitFor();
    await check('instructor submissions');
    await shot('instructor-submissions');
    await page.getByRole('button', { name: 'Prepare the ZIP' }).click();
    await page.getByText(/The ZIP is ready: 1 files/).waitFor({ timeout: 20_000 });
    await page.getByRole('link', { name: /^Download .*\.zip$/ }).waitFor();
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
    // No report was accepted: the API refuses that grade by its rule (the presentation's is saved);
    // the refusal stands next to the cell, and a reason enters it anyway (audited).
    const reason = page.getByLabel(`Reason to enter it anyway — Report (G1), ${first} (audited)`);
    await reason.waitFor();
    await page.getByText(/has no accepted submission of it/).waitFor();
    expect(await input('Theoretical', 'Report (G1)').inputValue()).toBe('15');
    await check('instructor grading refused by a rule');
    await reason.fill('The report came by email after an upload failure; graded from that copy.');
    await page.getByRole('button', { name: `Save (${first})` }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `${first}: saved.` })
      .waitFor();
    expect(await reason.count()).toBe(0);
    const sheet = await c.teacher.get(`/courses/${c.courseId}/groups/${groupIds[0]}/grades`);
    // 2/3 × (15 + 12 + 18)/3 + 1/3 × 13 = 14.333…, rounded once to the course's 0.01.
    const finals = (sheet.body as Loose).members.map((m: Loose) => m.finalText as string);
    expect(finals).toEqual(['14.33', '14.33', '14.33']);
    expect(await page.locator('.final').allTextContents()).toEqual(finals);
    const audit = await c.teacher.get(`/courses/${c.courseId}/audit`);
    expect(JSON.stringify(audit.body)).toContain('graded from that copy');
    // axe checks the grid with its finals in the next test, with the adjustment filled in.
    await shot('instructor-grading');
  });

  it('fills the member adjustment from a peer-rating factor, applied once confirmed', async () => {
    const peers = await c.teacher.get(`/courses/${c.courseId}/groups/${groupIds[0]}/peer-ratings`);
    const factor = (peers.body as Loose).members.find((m: Loose) => m.email === c.students[2])
      .factorValue as number;
    const sheet = await c.teacher.get(`/courses/${c.courseId}/groups/${groupIds[0]}/grades`);
    const report = (sheet.body as Loose).components.find((x: Loose) => x.componentId === 'report').grade
      .value;
    const expected = Math.round(report * (factor - 1) * 100) / 100;
    expect(expected).toBeLessThan(0);
    const peerGroup = page
      .locator('.peer-group')
      .filter({ has: page.getByRole('heading', { level: 3, name: first, exact: true }) });
    await peerGroup.getByText('Not rated yet (or rated before the group changed): Student 3').waitFor();
    await peerGroup.getByRole('button', { name: 'Apply… Student 3' }).click();
    // The form is filled on the next render: wait for it rather than read at once.
    await expect.poll(() => page.locator('#adjust-amount').inputValue()).toBe(String(expected));
    expect(await page.locator('#adjust-member').inputValue()).toBe(c.students[2]);
    expect(await page.locator('#adjust-reason').inputValue()).toMatch(/^Peer rating \(WebPA\): factor/);
    await check('instructor peer ratings');
    // Nothing was applied by the suggestion itself.
    const before = await c.teacher.get(`/courses/${c.courseId}/groups/${groupIds[0]}/grades`);
    expect((before.body as Loose).members[2].changes).toEqual({});
    await page.getByRole('button', { name: 'Apply the change' }).click();
    await page.getByText(/^Student 3: final now/).waitFor();
    const after = await c.teacher.get(`/courses/${c.courseId}/groups/${groupIds[0]}/grades`);
    expect((after.body as Loose).members[2].changes.report).toMatchObject({
      kind: 'adjustment',
      value: expected,
    });
  });

  it('publishes after a dry run, only the complete grades, exports them, and withdraws them', async () => {
    await page.getByRole('button', { name: 'Review and publish…' }).click();
    const dialog = page.getByRole('dialog', { name: 'What each student will receive' });
    // The dry run: who is emailed what, and who is incomplete and why.
    const mailed = dialog.getByRole('table', { name: 'Emailed now: 3 students' });
    const incomplete = dialog.getByRole('table', { name: 'Incomplete: 5 students' });
    await mailed.waitFor();
    const row = (table: typeof mailed, n: number) =>
      table.getByRole('row', { name: new RegExp(`Student ${n} `) });
    expect(await row(mailed, 1).getByText('14.33').count()).toBe(1);
    expect(await row(incomplete, 4).getByText('sees the grades so far').count()).toBe(1);
    expect(
      await row(incomplete, 4)
        .getByText(/Report|Presentation/)
        .count(),
    ).toBe(1);
    await expectAccessible(page, 'publish dry run');
    await dialog.getByLabel(/^Only complete grades/).check();
    await row(incomplete, 4).getByText('sees nothing yet').waitFor();
    await dialog.getByRole('button', { name: 'Publish the 3 complete grades' }).click();
    await dialog.getByText(/3 mails queued/).waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    // The page's own line (the dialog's status may still be on its way out).
    await page.getByText(/^Published .*Later changes/).waitFor();
    const me = await c.student(1).get(`/courses/${c.courseId}/me`);
    expect((me.body as Loose).grades.finalText).toBe('14.33');
    const other = await c.student(3).get(`/courses/${c.courseId}/me`);
    expect((other.body as Loose).grades).toBeNull();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${c.courseId}-grades.csv`);
    const csv = await readFile((await download.path()) ?? '', 'utf8');
    expect(csv).toContain('14.33');
    const [moodle] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Moodle gradebook (CSV)' }).click(),
    ]);
    expect(moodle.suggestedFilename()).toBe(`${c.courseId}-moodle.csv`);
    expect(await readFile((await moodle.path()) ?? '', 'utf8')).toContain('14.33');

    await page.getByRole('button', { name: 'Unpublish…' }).click();
    // The reason is required (the browser's own check, then the API's).
    const why = page.locator('#unpublish-reason');
    expect(await why.getAttribute('required')).not.toBeNull();
    await why.fill('Published before the second marking.');
    await check('instructor unpublish');
    await page.getByRole('button', { name: 'Withdraw the grades' }).click();
    await page.getByText('The grades were withdrawn: students no longer see them.').waitFor();
    await page.getByText('Not published: students do not see their grades yet.').waitFor();
    const withdrawn = await c.student(1).get(`/courses/${c.courseId}/me`);
    expect((withdrawn.body as Loose).grades).toBeNull();
  });

  it('answers a regrade request, and assigns a grader in the Marking view', async () => {
    // Published again (only the complete grades); Student 2 asks about the report through the API.
    const published = await c.teacher.post(`/courses/${c.courseId}/grades/publish`, { scope: 'complete' });
    expect(published.status, published.text).toBe(200);
    const asked = await c.student(1).post(`/courses/${c.courseId}/regrades`, {
      componentId: 'report',
      reason: 'The experimental section was marked as missing, it is in the appendix.',
    });
    expect(asked.status, asked.text).toBe(201);
    await nav('Regrades').click();
    await heading('Regrade requests').waitFor();
    const request = page.getByRole('listitem').filter({ hasText: 'Student 2: Report (G1)' });
    await request.getByText('it is in the appendix').waitFor();
    // What Student 2 saw: the group's report (15) and their final (14.33).
    await request.getByText('They saw 15 / 20 (final: 14.33 / 20).').waitFor();
    await request.getByLabel('Response to the student').fill('The appendix was read; the grade stands.');
    await check('instructor regrades');
    await request.getByLabel('Keep the grade (upheld)').check();
    await request.getByRole('button', { name: 'Send the answer' }).click();
    await page.getByText('Answer to Student 2 sent.').waitFor();
    await page.getByRole('heading', { level: 2, name: 'Answered (1)' }).waitFor();
    await page.getByText('upheld', { exact: true }).waitFor();

    await nav('Marking').click();
    await heading('Marking').waitFor();
    await page.getByText('Nothing is assigned yet.').waitFor();
    await page.getByLabel('Component', { exact: true }).selectOption('report');
    await page.getByLabel(first, { exact: true }).check();
    await page.getByLabel(c.instructor, { exact: true }).check();
    await page.getByRole('button', { name: 'Assign', exact: true }).click();
    await page.getByText('1 assignments saved.').waitFor();
    // The lead sees names (anonymity is for graders) and the item is graded already.
    await page
      .getByRole('heading', { level: 3, name: new RegExp(`^${first}: Student 1.* — Report \\(G1\\)$`) })
      .waitFor();
    await page.getByText('Graded: 1 of 1 items.').waitFor();
    await check('instructor marking');
  });

  it('shows the audit log, the outbox and the job runs', async () => {
    await nav('Activity').click();
    await heading('Activity').waitFor();
    // Published twice (before and after the withdrawal).
    await page.getByText('grades.publish').first().waitFor();
    await page.getByLabel('Show').waitFor();
    await check('instructor activity');
    expect(pageErrors).toEqual([]);
  });
});
