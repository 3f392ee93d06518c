import { describe, expect, it } from 'vitest';
import type { Channel, ChannelRequest, RefusalReason } from '../../src/core/channel.ts';
import { WebhookRefusal } from '../../src/core/channel.ts';
import { ACK_OK } from '../../bots/shared/body.ts';
import { startBotHarness, type BotHarness } from '../bots/harness.ts';

// The one webhook module, through the real service, with a channel made for the test: a body's first word says
// what the channel does with it. The module must verify before parsing, map each refusal to one status, dispatch
// the events in order, and survive a channel that throws.

const KEY = 'test-key-2b9e';

/** A channel whose behaviour the request spells out; `seen` records which steps ran. */
function scriptedChannel(seen: string[]): Channel {
  const text = (r: ChannelRequest) => r.rawBody.toString('utf8');
  return {
    name: 'telegram',
    capabilities: { quickReplies: true, maxLength: 100, sms: false },
    ratePerSecond: 0,
    routes: [
      { method: 'POST', path: '/hooks/body', maxBodyBytes: 1024 },
      { method: 'POST', path: '/hooks/header', maxBodyBytes: 1024, verifies: 'headers' },
    ],
    verify(request) {
      seen.push(`verify ${request.rawBody.length}`);
      if (request.headers['x-key'] !== KEY) throw new WebhookRefusal('unauthorized', 'wrong key');
    },
    parse(request) {
      seen.push('parse');
      const [word, ...rest] = text(request).split(' ');
      if (word === 'refuse') throw new WebhookRefusal(rest[0] as RefusalReason, `refused: ${rest[0]}`);
      if (word === 'crash') throw new Error('a bug in the channel');
      const from = 'telegram:42' as const;
      const receivedAt = new Date();
      return { events: rest.map((id) => ({ kind: 'text', channel: 'telegram', providerId: id, from, text: 'menu', receivedAt })) };
    },
    ack({ results }) {
      seen.push(`ack ${results.map((r) => r.status).join(',')}`);
      return ACK_OK;
    },
    send: () => Promise.resolve({}),
  };
}

async function withChannel(fn: (h: BotHarness, seen: string[]) => Promise<void>): Promise<void> {
  const seen: string[] = [];
  const h = await startBotHarness({ env: {}, create: () => scriptedChannel(seen) });
  try {
    await fn(h, seen);
  } finally {
    await h.close();
  }
}

const post = (h: BotHarness, path: string, body: string, key = KEY) =>
  h.post(path, { headers: { 'content-type': 'text/plain', ...(key && { 'x-key': key }) }, body });

describe('the webhook module', () => {
  it.each([
    ['unauthorized', 403],
    ['malformed', 400],
    ['too-large', 413],
    ['unsupported-media', 415],
  ])('answers a %s refusal with %i and a JSON error, dispatching nothing', (reason, status) =>
    withChannel(async (h) => {
      const res = await post(h, '/hooks/body', `refuse ${reason}`);
      expect(res.status).toBe(status);
      expect(JSON.parse(res.body)).toEqual({ error: `refused: ${reason}` });
      expect(h.dispatched).toHaveLength(0);
    }),
  );

  it('verifies before it parses, and parses nothing a wrong key sent', () =>
    withChannel(async (h, seen) => {
      expect((await post(h, '/hooks/body', 'ok m1', 'wrong')).status).toBe(403);
      expect(seen).toEqual(['verify 5']);
    }),
  );

  it('dispatches the events in order and hands ack what the dispatcher did with each', () =>
    withChannel(async (h, seen) => {
      expect((await post(h, '/hooks/body', 'ok m1 m2 m1')).status).toBe(200);
      expect(h.dispatched.map((d) => [d.event.providerId, d.result.status])).toEqual([
        ['m1', 'handled'],
        ['m2', 'handled'],
        ['m1', 'duplicate'],
      ]);
      expect(seen.at(-1)).toBe('ack handled,handled,duplicate');
    }),
  );

  it('on a route verified by headers, refuses an unauthenticated body before reading it, and a signed oversize one with 413', () =>
    withChannel(async (h, seen) => {
      const big = `ok ${'x'.repeat(2000)}`;
      expect((await post(h, '/hooks/header', big, 'wrong')).status).toBe(403);
      expect(seen).toEqual(['verify 0']);
      expect((await post(h, '/hooks/header', big)).status).toBe(413);
      expect(seen).not.toContain('parse');
    }),
  );

  it('answers a body over the route limit with 413 before the channel sees it', () =>
    withChannel(async (h, seen) => {
      expect((await post(h, '/hooks/body', `ok ${'x'.repeat(2000)}`)).status).toBe(413);
      expect(seen).toEqual([]);
    }),
  );

  it('answers a channel that throws with 500, logs it, and keeps serving', () =>
    withChannel(async (h) => {
      expect((await post(h, '/hooks/body', 'crash')).status).toBe(500);
      expect(h.logs()).toMatch(/a bug in the channel/);
      expect((await post(h, '/hooks/body', 'ok m9')).status).toBe(200);
    }),
  );
});
