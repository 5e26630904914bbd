import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { LIVE_COURSE_ID } from '../../shared/demo/live-course.js';
import { launchBrowser } from '../../tests/browser/chromium.js';
import type { BenchRow, BenchScenario } from '../bench-types.js';

const DIST = join(import.meta.dirname, '..', '..', 'web', 'dist');
const STUDENT = 'hugo.dubois@students.example';
const RUNS = 7;

/** The JS and CSS the first page loads (index.html's script and stylesheets), gzipped at level 9. */
const firstPageBytes = (): { js: number; css: number } => {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const assets = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(js|css))"/g)];
  let js = 0;
  let css = 0;
  for (const [, file = '', kind] of assets) {
    const size = gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length;
    if (kind === 'js') js += size;
    else css += size;
  }
  return { js, css };
};

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
};

/** Time from navigation to the student home being usable: its heading shown, its data loaded. */
const studentHomeReady = async (page: Page, url: string): Promise<number> => {
  const started = performance.now();
  await page.goto(url);
  await page.locator('main h1').first().waitFor();
  // Runs in the page (whose CSP forbids evaluating strings); typed here without the DOM library.
  await page.waitForFunction(() => {
    const { document } = globalThis as unknown as { document: { querySelector(s: string): unknown } };
    return !document.querySelector('[role="status"].loading');
  });
  return performance.now() - started;
};

/**
 * The first page's weight and the student home's time to interactive in headless Chromium (Debian's),
 * as a ratio to a blank page loaded from the same origin in the same browser, in this run.
 */
export const scenario: BenchScenario = {
  name: 'web',
  async run(ctx) {
    const rows: BenchRow[] = [];
    const { js, css } = firstPageBytes();
    rows.push({
      scenario: 'web',
      metric: 'first page JS + CSS, gzipped',
      value: Math.round(((js + css) / 1024) * 10) / 10,
      unit: 'KB',
      target: { max: 150, text: '≤ 150 KB' },
      note: `JS ${(js / 1024).toFixed(1)} KB + CSS ${(css / 1024).toFixed(1)} KB`,
    });

    const app = `${ctx.stack.apiUrl}/`;
    const browser = await launchBrowser();
    try {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      // Sign in once through the OIDC flow; the session then lives in this tab's sessionStorage.
      await page.goto(app);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByLabel('Email').fill(STUDENT);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('button', { name: 'Sign out' }).waitFor();

      const blank = `${ctx.stack.apiUrl}/bench-blank.html`;
      await page.route(blank, (route) =>
        route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>blank</title><p>blank</p>' }),
      );
      const home = `${app}#/c/${LIVE_COURSE_ID}`;
      const blankMs: number[] = [];
      const homeMs: number[] = [];
      await studentHomeReady(page, home); // warm: the browser's caches as a returning student has them
      for (let i = 0; i < RUNS; i++) {
        const t0 = performance.now();
        await page.goto(blank, { waitUntil: 'load' });
        blankMs.push(performance.now() - t0);
        homeMs.push(await studentHomeReady(page, home));
      }
      const ratio = median(homeMs) / median(blankMs);
      rows.push({
        scenario: 'web',
        metric: 'student home time to interactive / blank page',
        value: Math.round(ratio * 10) / 10,
        unit: '×',
        detail: `${median(homeMs).toFixed(0)} ms vs ${median(blankMs).toFixed(0)} ms`,
        note: `median of ${RUNS} loads each, alternating, same tab and origin; interactive = the page's h1 shown and no request pending (GET /courses/{id} and /me answered, from the function bundles)`,
      });
    } finally {
      await browser.close();
    }
    return rows;
  },
};
