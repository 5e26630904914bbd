import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCourse } from '../../shared/demo/demo-course.js';
import { liveSlotLayout } from '../../shared/demo/live-course.js';
import { createCourse, liveDates, type CourseFixture } from '../support/course-fixture.js';
import { pdfWithPages } from '../support/pdf-fixtures.js';
import {
  expectAccessible,
  expectNoSidewaysScroll,
  launchBrowser,
  newContext,
  screenshot,
  signIn,
} from './browser.js';

/**
 * A student's whole journey through the web app, by clicking (and typing emails), on a phone-sized
 * screen: opt in to the looking list, form a group that invites two classmates (one accepts on their
 * own home page, the other through the API), invite and withdraw a classmate from the looking list,
 * rate the members, see the papers, upload the report and see its verdict and the contribution
 * statements, book a slot, see that grades are not out, then read the published feedback. A course
 * of its own with peer rating, dated from today like the live demo course (groups, uploads and
 * booking all open now, slots laid out), so no test moves the shared clock.
 */
describe('student portal in Chromium (360 px)', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let c: CourseFixture;
  let groupId = '';

  beforeAll(async () => {
    const live = liveDates();
    [browser, c] = await Promise.all([
      launchBrowser(),
      createCourse({
        students: 4,
        prefix: 'web',
        overrides: {
          ...live,
          groups: { ...live.groups, peerRating: true },
          grading: { ...demoCourse.grading, regradeDays: 7 },
        },
      }),
    ]);
    const [slots, looking] = await Promise.all([
      c.teacher.put(`/courses/${c.courseId}/slots`, liveSlotLayout(DateTime.now())),
      c.student(3).put(`/courses/${c.courseId}/me/looking`, { looking: true, note: 'Keen on flows' }),
    ]);
    expect(slots.status, slots.text).toBe(200);
    expect(looking.status, looking.text).toBe(200);
    context = await newContext(browser, { width: 360 });
    page = await context.newPage();
    // A step that does not happen fails with the step's locator, well before the test's timeout.
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (e) => console.error('page error:', e.message));
    page.on('console', (m) => m.type() === 'error' && console.error('console:', m.text()));
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  /** Every student page meets the same bar: axe finds nothing serious, nothing scrolls sideways. */
  const check = async (label: string) => {
    await expectAccessible(page, label);
    await expectNoSidewaysScroll(page, label);
  };
  const nav = (name: string) => page.getByRole('navigation').getByRole('link', { name, exact: true });
  const heading = (name: string | RegExp) => page.getByRole('heading', { level: 1, name });

  it('signs in and sees what is next and every deadline', async () => {
    await signIn(page, c.students[0] ?? '');
    await page.getByRole('link', { name: /live demo/ }).click();
    await heading(/live demo/).waitFor();
    await page.getByText('Form a group of 3 to 4 and choose a paper.').waitFor();
    await page.getByText('Groups and paper choice').waitFor();
    // Countdowns: every future deadline says how far away it is.
    expect(await page.getByText(/^in \d+ days?$/).count()).toBeGreaterThanOrEqual(4);
    await check('student home');
    await screenshot(page, 'student-home');
  });

  it('forms a group that invites; invites from the looking list and withdraws', async () => {
    await nav('Group').click();
    await heading('Your group').waitFor();
    await page.getByText('A group has 3 to 4 members, you included.').waitFor();
    // The looking list: a classmate's note, and the caller opts in with one of their own.
    await page.getByText('Keen on flows').waitFor();
    await page.getByLabel('A note for your classmates (optional)').fill('Diffusion, please');
    await page.getByRole('button', { name: 'List me as looking for a group' }).click();
    await page.getByText('You are on the list; classmates can invite you.').waitFor();
    await page.getByRole('button', { name: 'Remove me from the list' }).waitFor();
    await check('group form with the looking list');
    await page.getByLabel('Classmate 1 (email)').fill(c.students[1] ?? '');
    await page.getByLabel('Classmate 2 (email)').fill('nobody@students.example');
    await page.getByLabel('Paper', { exact: true }).selectOption('ddim');
    await page.getByRole('button', { name: 'Form the group' }).click();
    const second = page.getByLabel('Classmate 2 (email)');
    await expect.poll(() => second.getAttribute('aria-invalid'), { timeout: 10_000 }).toBe('true');
    const errorId = (await second.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`[id="${errorId}"]`).textContent()).toContain('not on the roster');

    await second.fill(c.students[2] ?? '');
    await page.getByRole('button', { name: 'Form the group' }).click();
    await page.getByText('Your classmates are invited: they join when they accept.').waitFor();
    const invited = page.getByRole('list').filter({ hasText: 'pending' });
    await invited.getByText('Student 3', { exact: true }).waitFor();
    expect(await invited.getByText('pending', { exact: true }).count()).toBe(2);
    await page.getByText('Denoising Diffusion Implicit Models', { exact: true }).waitFor();
    // Inviting from the looking list, then withdrawing that invitation.
    await page.getByRole('button', { name: 'Invite Student 4' }).click();
    await page.getByText('Student 4 is invited: they join when they accept.').waitFor();
    await page.getByRole('button', { name: 'Withdraw the invitation to Student 4' }).click();
    await page.getByText('The invitation to Student 4 is withdrawn.').waitFor();
    await expect.poll(() => invited.getByText('pending', { exact: true }).count()).toBe(2);
    await check('group with invitations');
    groupId = (await c.student(0).get(`/courses/${c.courseId}/me`)).body.group.groupId as string;
  }, 60_000);

  it('an invitee accepts on their home page; once all joined, members rate each other', async () => {
    const other = await newContext(browser, { width: 360 });
    try {
      const invitee = await other.newPage();
      invitee.setDefaultTimeout(10_000);
      await signIn(invitee, c.students[1] ?? '');
      await invitee.getByRole('link', { name: /live demo/ }).click();
      await invitee.getByText(`Invitation from ${c.students[0]}`).waitFor();
      await invitee.getByText('Paper: Denoising Diffusion Implicit Models').waitFor();
      await expectAccessible(invitee, 'home with an invitation');
      await invitee.getByRole('button', { name: /^Accept the invitation/ }).click();
      await invitee.getByText('You joined the group; your other invitations are withdrawn.').waitFor();
      await invitee.getByText(/^Your group has 2 of the 3 members/).waitFor();
    } finally {
      await other.close();
    }
    const accepted = await c.student(2).post(`/courses/${c.courseId}/groups/${groupId}/accept`);
    expect(accepted.status, accepted.text).toBe(200);

    await nav('Home').click();
    await nav('Group').click();
    await page.getByText('complete', { exact: true }).waitFor();
    await page.getByRole('heading', { name: 'Rate each member’s contribution' }).waitFor();
    await page.getByLabel('Student 1 (you)').selectOption('3');
    await page.getByLabel('Student 2', { exact: true }).selectOption('4');
    await page.getByRole('button', { name: 'Send my rating' }).click();
    // The member left unscored is named next to its select.
    const third = page.getByLabel('Student 3', { exact: true });
    await expect.poll(() => third.getAttribute('aria-invalid')).toBe('true');
    await third.selectOption('3');
    await page.getByRole('button', { name: 'Send my rating' }).click();
    await page.getByText(/^Your rating is recorded/).waitFor();
    await check('group with peer rating');
    await screenshot(page, 'student-group');
  }, 60_000);

  it('sees every paper with the groups that took it', async () => {
    await nav('Papers').click();
    await heading('Papers').waitFor();
    const ddim = page.getByRole('listitem').filter({ hasText: 'Denoising Diffusion Implicit Models' });
    await ddim.getByText('1 group', { exact: true }).waitFor();
    await ddim.getByText('Your group’s paper').waitFor();
    expect(await page.getByText('No group yet').count()).toBe(5);
    await check('papers');
  });

  it('uploads the report and sees it accepted with its pages and SHA-256', async () => {
    await nav('Uploads').click();
    await heading('Uploads').waitFor();
    await check('uploads');
    await page.getByRole('link', { name: /^Report/ }).click();
    await heading(/^Report/).waitFor();
    for (const [i, email] of c.students.slice(0, 3).entries())
      await page
        .getByLabel(new RegExp(`Contribution of .*${email.replace(/[.]/g, '\\.')}`))
        .fill(`Member ${i + 1}: wrote section ${i + 1} and ran the experiments.`);
    // The file input (the keyboard's way) checks the type before anything is sent.
    const input = page.getByLabel('File to upload');
    await input.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('notes') });
    await expect.poll(() => input.getAttribute('aria-invalid'), { timeout: 10_000 }).toBe('true');
    await page.getByText('notes.txt is not an accepted type (PDF).').first().waitFor();
    // The report itself is dropped on the drop zone, as a mouse user would.
    const pdf = Buffer.from(await pdfWithPages(3, { label: 'Browser report' }));
    const files = await page.evaluateHandle(
      // A string: this file is typed for Node, the expression runs in the page.
      `(() => {
        const bytes = Uint8Array.from(atob('${pdf.toString('base64')}'), (ch) => ch.charCodeAt(0));
        const data = new DataTransfer();
        data.items.add(new File([bytes], 'report.pdf', { type: 'application/pdf' }));
        return data;
      })()`,
    );
    await page.locator('.st-drop').dispatchEvent('drop', { dataTransfer: files });
    await page.getByText('Selected: report.pdf').waitFor();
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    const verdict = page.getByRole('region', { name: 'Result' });
    await verdict.getByText('Accepted, on time.').waitFor({ timeout: 30_000 });
    await verdict.getByText('3 pages').waitFor();
    const sha = createHash('sha256').update(pdf).digest('hex');
    await verdict.getByText(sha).waitFor();
    // The history lists it as the version that counts, with a download button.
    await page.getByRole('heading', { name: /Version 1/ }).waitFor();
    await page.getByRole('button', { name: 'Download report.pdf' }).waitFor();
    // The statements: the uploader's own is confirmed, the others' are proposed by the uploader.
    const statements = page.getByRole('region', { name: 'Contribution statements' });
    await statements.getByText(/^confirmed on /).waitFor();
    expect(await statements.getByText('proposed by Student 1').count()).toBe(2);
    await page.getByLabel('Your statement').fill('Member 1: wrote section 1 and the appendix.');
    await page.getByRole('button', { name: 'Save my statement' }).click();
    await page.getByText('Your statement is saved and confirmed.').waitFor();
    await statements.getByText('Member 1: wrote section 1 and the appendix.').waitFor();
    await check('upload report');
    await screenshot(page, 'student-uploads');
  }, 60_000);

  it('books a slot, sees it as theirs with its change deadline, and gets the .ics', async () => {
    await nav('Presentation').click();
    await heading('Presentation').waitFor();
    await page.getByText('No slot booked yet.').waitFor();
    await page.getByRole('radio', { name: 'remote' }).check();
    const first = page.getByRole('button', { name: /^Book / }).first();
    const name = (await first.textContent()) ?? '';
    await first.click();
    await page.getByText(/^Booked: /).waitFor();
    await page.getByText('your slot', { exact: true }).waitFor();
    await page.getByText('You can move or cancel it until').waitFor();
    // The booked slot's own button is gone: it shows as yours.
    expect(await page.getByRole('button', { name, exact: true }).count()).toBe(0);
    await check('slots');
    await screenshot(page, 'student-slots');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Add to calendar (.ics)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`presentation-${c.courseId}.ics`);
  });

  it('sees that grades are not published yet, and the home says the presentation is booked', async () => {
    await nav('Grades').click();
    await heading('Grades').waitFor();
    await page.getByText(/Grades are not published yet/).waitFor();
    await check('grades');
    // The same page in French: every string has its translation.
    await page.getByLabel('Language').selectOption('fr');
    await heading('Notes').waitFor();
    await page.getByText(/Les notes ne sont pas encore publiées/).waitFor();
    await page.getByLabel('Langue').selectOption('en');
    await nav('Home').click();
    await page.getByText(/^Your presentation: /).waitFor();
    expect(await page.getByText('Form a group of 3 to 4 and choose a paper.').count()).toBe(0);
  });

  it('reads the published feedback: aspect scores and the grader’s comment', async () => {
    const graded = await c.teacher.put(`/courses/${c.courseId}/groups/${groupId}/grades/report`, {
      aspects: { theoretical: 15, methodological: 14, experimental: 16 },
      comment: 'Clear derivations; the ablation is thin.',
    });
    expect(graded.status, graded.text).toBe(200);
    const published = await c.teacher.post(`/courses/${c.courseId}/grades/publish`, { scope: 'all' });
    expect(published.status, published.text).toBe(200);
    await nav('Grades').click();
    await heading('Grades').waitFor();
    await page.getByText(/^Not every component is graded yet/).waitFor();
    const report = page.getByRole('region', { name: /^Report \(G1\)/ });
    await report.getByRole('heading', { name: 'Report (G1): 15 / 20' }).waitFor();
    await report.getByRole('row', { name: /Methodological .* 14 \/ 20/ }).waitFor();
    await report.getByText('Clear derivations; the ablation is thin.').waitFor();
    await check('grades with feedback');
  });

  it('requests a regrade of the report, then reads the answer', async () => {
    await page.getByText(/^You may request a regrade of a component until /).waitFor();
    const report = page.getByRole('region', { name: /^Report \(G1\)/ });
    await report.getByText('Request a regrade').click();
    const reason = report.getByLabel('Why should Report (G1) be looked at again?');
    await report.getByRole('button', { name: 'Send the request' }).click();
    // An empty reason: the API's issue stands next to the field.
    await expect.poll(() => reason.getAttribute('aria-invalid')).toBe('true');
    await reason.fill('The ablation is in appendix B.');
    await report.getByRole('button', { name: 'Send the request' }).click();
    await page.getByText(/^Your request is sent/).waitFor();
    await report.getByText('waiting for an answer', { exact: true }).waitFor();
    expect(await report.getByText('Request a regrade').count()).toBe(0);
    await check('grades with a regrade request');
    const list = await c.teacher.get(`/courses/${c.courseId}/regrades`);
    const regradeId = (list.body as { regradeId: string }[])[0]?.regradeId ?? '';
    const answered = await c.teacher.post(
      `/courses/${c.courseId}/regrades/${encodeURIComponent(regradeId)}/answer`,
      {
        decision: 'upheld',
        response: 'Appendix B was read; the grade stands.',
      },
    );
    expect(answered.status, answered.text).toBe(200);
    await nav('Home').click();
    await nav('Grades').click();
    await report.getByText('Appendix B was read; the grade stands.').waitFor();
    await report.getByText('grade kept', { exact: true }).waitFor();
    // A new request may follow an answer: the form is back.
    await report.getByText('Request a regrade').waitFor();
  });
});
