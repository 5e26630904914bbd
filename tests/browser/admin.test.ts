import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ADMIN } from '../../shared/demo/demo-course.js';
import { checkRosterCsv } from '../../web/src/pages/admin/roster-csv.js';
import { Api } from '../support/api.js';
import {
  expectAccessible,
  expectNoSidewaysScroll,
  launchBrowser,
  newContext,
  screenshot,
  signIn,
} from './browser.js';

/**
 * An admin by clicking, on a phone-sized screen: the list of courses, a course created from the
 * form (a bad time zone is named next to its field first), its roster imported from a CSV whose bad
 * line the preview names before anything is written, and the course's settings.
 */
describe('admin pages in Chromium (360 px)', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const courseId = `adm-${randomUUID().slice(0, 8)}`;
  const admin = new Api().as(DEMO_ADMIN, { groups: ['admins'] });

  beforeAll(async () => {
    browser = await launchBrowser();
    context = await newContext(browser, { width: 360 });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  const check = async (label: string) => {
    await expectAccessible(page, label);
    await expectNoSidewaysScroll(page, label);
  };
  const heading = (name: string | RegExp) => page.getByRole('heading', { level: 1, name });

  it('lists every course and creates one from the form, a bad field named next to it', async () => {
    await signIn(page, DEMO_ADMIN, { admin: true });
    await page.getByRole('link', { name: 'Administration' }).click();
    await heading('All courses').waitFor();
    await page
      .getByRole('link', { name: /genmod-2023|Generative Modeling/ })
      .first()
      .waitFor();
    await check('admin courses');

    await page.getByRole('link', { name: 'Create a course' }).click();
    await heading('Create a course').waitFor();
    await page.getByLabel('Course id').fill(courseId);
    await page.locator('#course-title').fill('Browser-made course');
    await page.getByLabel('Time zone').fill('Mars/Olympus_Mons');
    await page.locator('#paper-0-id').fill('ddim');
    await page.locator('#paper-0-title').fill('Denoising Diffusion Implicit Models');
    await page.locator('#paper-0-url').fill('https://arxiv.org/abs/2010.02502');
    await page.getByRole('button', { name: 'Create the course' }).click();
    // The server's message sits under the field, which points at it.
    const zone = page.getByLabel('Time zone');
    await expect.poll(() => zone.getAttribute('aria-invalid'), { timeout: 10_000 }).toBe('true');
    const error = page.locator(`#${await zone.getAttribute('id')}-error`);
    expect(await error.textContent()).toContain('unknown IANA time zone');
    expect((await admin.get(`/courses/${courseId}`)).status).toBe(404);
    await check('new course with a field error');
    if (process.env.EXAMDESK_SCREENSHOTS === '1') {
      await page.setViewportSize({ width: 1280, height: 900 });
      await screenshot(page, 'admin-course');
      await page.setViewportSize({ width: 360, height: 900 });
    }

    await zone.fill('Europe/Paris');
    await page.getByRole('button', { name: 'Create the course' }).click();
    await heading('Roster').waitFor();
    const created = await admin.get(`/courses/${courseId}`);
    expect(created.status).toBe(200);
    expect(created.body.config.timeZone).toBe('Europe/Paris');
  });

  it('previews a roster CSV, names its bad line before anything is written, then imports it', async () => {
    const csv = [
      'email,name,studentId',
      'ada@students.example,"Lovelace, Ada",1',
      'not-an-email,Grace Hopper,2',
      'alan@students.example,Alan Turing,3',
    ].join('\n');
    await page.getByLabel('Or paste the CSV').fill(csv);
    await page.getByText('1 line has a problem: fix it before importing.').waitFor();
    const bad = page.getByRole('row', { name: /^3 not a valid email address/ });
    await bad.waitFor();
    expect(await page.getByRole('button', { name: 'Import 3 students' }).isDisabled()).toBe(true);
    expect((await admin.get(`/courses/${courseId}/roster`)).body).toEqual([]);
    await check('roster preview');

    await page.getByLabel('Or paste the CSV').fill(csv.replace('not-an-email', 'grace@students.example'));
    await page.getByText(/3 students, no problem found/).waitFor();
    await page.getByRole('button', { name: 'Import 3 students' }).click();
    await page.getByText('Imported: 3 added, 0 updated, 0 removed, 0 unchanged.').waitFor();
    await page.getByRole('rowheader', { name: 'Lovelace, Ada' }).waitFor();
    const roster = await admin.get(`/courses/${courseId}/roster`);
    expect(roster.body.map((s: { email: string }) => s.email).sort()).toEqual([
      'ada@students.example',
      'alan@students.example',
      'grace@students.example',
    ]);
  });

  it('edits the course settings, with its version', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Settings', exact: true }).click();
    await heading('Course settings').waitFor();
    await page.getByText('Version 1').waitFor();
    expect(await page.locator('#course-title').inputValue()).toBe('Browser-made course');
    await page.getByText('JSON', { exact: true }).click();
    expect(await page.getByLabel('The course as JSON').inputValue()).toContain('"timeZone": "Europe/Paris"');
    await check('course settings');
  });
});

/**
 * The preview reads a roster CSV in the browser; the server reads it with csv-parse. Both must see
 * the same students on the same lines, or the preview would name the wrong line.
 */
describe('roster preview reads a CSV as the server does', () => {
  // Line breaks inside quotes as spreadsheets write them (LF); csv-parse numbers a quoted CR
  // oddly, and a name holding one is refused anyway (a control character).
  const cell = fc.string({
    unit: fc.constantFrom('a', 'é', ' ', ',', '"', '\n', '@', '.'),
    maxLength: 12,
  });
  it('same records and line numbers as csv-parse (header, trim, empty lines skipped)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(cell, cell, cell), { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        (rows, blankLines) => {
          let csv = stringify([['email', 'name', 'studentId'], ...rows], { eof: false });
          if (blankLines) csv = csv.replace(/\n(?=[a-z])/, '\n\n');
          const server = parse(csv, {
            columns: (h: string[]) => h.map((x) => x.trim().toLowerCase()),
            skip_empty_lines: true,
            trim: true,
            info: true,
          }) as { record: Record<string, string>; info: { lines: number } }[];
          const browser = checkRosterCsv(csv);
          expect(browser.fileProblems).toEqual([]);
          expect(browser.lines.map((l) => [l.line, l.email, l.name, l.studentId])).toEqual(
            server.map((r) => [
              r.info.lines,
              (r.record.email ?? '').toLowerCase(),
              r.record.name,
              r.record.studentid,
            ]),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
