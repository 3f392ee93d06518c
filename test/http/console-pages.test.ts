import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_DIR, DASHBOARD_PAGE } from '../../src/http/dashboard-page.ts';
import { startTestService, type TestService } from '../support/service.ts';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

describe('the console\'s files', () => {
  let t: TestService;
  beforeAll(async () => {
    t = await startTestService();
  });
  afterAll(() => t.close());

  it('serves the console page at /console with its stylesheet, modules and chart.js from node_modules', async () => {
    const page = await fetch(`${t.url}/console`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const html = await page.text();
    for (const src of ['/console/console.css', '/console/js/app.js', '/console/vendor/chart.umd.js']) {
      expect(html).toContain(src);
      const res = await fetch(`${t.url}${src}`);
      expect(res.status, src).toBe(200);
    }
    expect((await fetch(`${t.url}/console/vendor/chart.umd.js`)).headers.get('content-type')).toMatch(/javascript/);
    expect(await (await fetch(`${t.url}/console/vendor/chart.umd.js`)).text()).toMatch(/Chart\.js v4/);
  });

  it('sends the retired /dashboard to /console', async () => {
    const res = await fetch(`${t.url}/dashboard`, { redirect: 'manual' });
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/console');
  });

  it('sends anything still serving the old dashboard page to the console, without a script', () => {
    expect(DASHBOARD_PAGE).toContain('url=/console');
    expect(DASHBOARD_PAGE).not.toContain('<script');
  });

  it('answers 404 for a console file that does not exist', async () => {
    expect((await fetch(`${t.url}/console/js/nope.js`)).status).toBe(404);
  });

  it('has no inline script or style, and builds no HTML from strings', () => {
    for (const file of files(CONSOLE_DIR)) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
      if (file.endsWith('.html')) {
        expect(text, file).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
        expect(text, file).not.toMatch(/<style|\sstyle=|\son[a-z]+=/i);
      }
    }
  });
});
