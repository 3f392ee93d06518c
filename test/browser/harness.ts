import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's chromium: the browser tests use it and never download one. */
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

/** Where the tests save the screenshots the README shows. */
export const SCREENSHOTS = join(import.meta.dirname, '..', '..', 'docs', 'screenshots');

const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A browser with a fresh profile, and what its pages reported that a test must not ignore. */
export interface BrowserRun {
  context: BrowserContext;
  /** Console errors, page errors and CSP violations seen so far (expected ones filtered out). */
  problems: string[];
  newPage(width: number): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Launch chromium headless with a fresh --user-data-dir. Every page records console errors, uncaught errors and
 * Content-Security-Policy violations; `allow` lists console errors the test expects (e.g. the 401 of "am I signed in?").
 */
export async function launchBrowser(opts: { allow?: RegExp[] } = {}): Promise<BrowserRun> {
  const profile = mkdtempSync(join(tmpdir(), 'bhxh-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    acceptDownloads: true,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  const problems: string[] = [];
  const allowed = (text: string) => (opts.allow ?? []).some((re) => re.test(text));
  const watch = (page: Page) => {
    page.on('console', (msg) => {
      const where = msg.location().url;
      const text = `${msg.text()} (${where})`;
      if (msg.type() === 'error' && !allowed(text)) problems.push(`console: ${text}`);
    });
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  };
  // A CSP violation also fires an event in the page: record it where the test can read it.
  await context.addInitScript({
    content: "document.addEventListener('securitypolicyviolation', (e) => console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI));",
  });
  for (const p of context.pages()) watch(p);
  context.on('page', watch);
  return {
    context,
    problems,
    async newPage(width: number) {
      const page = context.pages().find((p) => p.url() === 'about:blank') ?? (await context.newPage());
      await page.setViewportSize({ width, height: width < 600 ? 844 : 900 });
      return page;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The page is no wider than the screen (nothing runs off to the right on a phone). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
}
