import { describe, expect, it } from 'vitest';
import { WEB_CHAT_PAGE } from '../../bots/web/page.ts';
import { DASHBOARD_PAGE } from '../../src/http/dashboard-page.ts';

function script(html: string): string {
  const m = /<script>([\s\S]*?)<\/script>/.exec(html);
  if (!m?.[1]) throw new Error('no inline script');
  return m[1];
}

describe('pages', () => {
  it.each([['web chat', WEB_CHAT_PAGE]])('the %s page is one self-contained HTML file whose script parses', (_name, html) => {
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('name="viewport"');
    expect(html).not.toMatch(/<script src=|<link rel="stylesheet"/);
    expect(() => new Function(script(html))).not.toThrow();
  });

  it('sends anything still serving the old dashboard page to the console, without a script', () => {
    expect(DASHBOARD_PAGE).toContain('url=/console');
    expect(DASHBOARD_PAGE).not.toContain('<script');
  });
});
