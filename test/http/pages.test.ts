import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_CHAT_SCRIPT } from '../../bots/web/page.ts';
import { startTestService, type TestService } from '../support/service.ts';

let t: TestService;
beforeAll(async () => {
  t = await startTestService();
});
afterAll(async () => {
  await t.close();
});

describe('the web chat page', () => {
  it('loads its script and stylesheet as files, with no inline code, under a strict CSP', async () => {
    const res = await fetch(`${t.url}/`);
    const html = await res.text();
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('name="viewport"');
    expect(html).not.toMatch(/<script>|<style>|\son[a-z]+=/);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    for (const src of html.match(/(?:src|href)="(\/web\/[^"]+)"/g) ?? []) {
      const path = /"([^"]+)"/.exec(src)?.[1] ?? '';
      expect((await fetch(`${t.url}${path}`)).status, path).toBe(200);
    }
  });

  it('sends the same security headers with every response, the chat API included', async () => {
    const page = await fetch(`${t.url}/`);
    const chat = await fetch(`${t.url}/web/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ session: 'hdr1', text: 'menu' }) });
    const missing = await fetch(`${t.url}/no-such-page`);
    for (const res of [page, chat, missing]) {
      expect(res.headers.get('content-security-policy')).toBe(page.headers.get('content-security-policy'));
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
      expect(res.headers.get('x-powered-by')).toBeNull();
      // Served over plain http here: no HSTS.
      expect(res.headers.get('strict-transport-security')).toBeNull();
    }
  });

  it('makes session ids from the secure random source, and its script parses', () => {
    expect(WEB_CHAT_SCRIPT).toContain('crypto.getRandomValues');
    expect(WEB_CHAT_SCRIPT).not.toContain('Math.random');
    expect(() => new Function(WEB_CHAT_SCRIPT)).not.toThrow();
  });
});

describe('the old dashboard', () => {
  it('sends anyone still opening /dashboard to the console, without a script', async () => {
    const res = await fetch(`${t.url}/dashboard`, { redirect: 'manual' });
    expect([301, 302, 303, 307, 308, 200]).toContain(res.status);
    if (res.status === 200) expect(await res.text()).not.toContain('<script');
    else expect(res.headers.get('location')).toBe('/console');
  });
});
