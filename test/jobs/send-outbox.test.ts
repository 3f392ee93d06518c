import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { freshDb } from '../support/db.ts';
import { fakeChannel, SendError } from '../support/fake-channel.ts';
import { createOutboxWorker } from '../../src/jobs/send-outbox.ts';
import { outboxQueries } from '../../db/queries/outbox.ts';
import { queueMessages } from '../../src/core/outbox.ts';
import { fixedClock } from '../../src/core/clock.ts';
import { createLogger } from '../../src/core/log.ts';
import { addresses, contacts, outbox } from '../../db/schema/index.ts';
import type { ChannelName } from '../../src/core/message.ts';
import type { OutboundChannel } from '../../src/core/channel.ts';
import type { Db } from '../../db/client.ts';

const log = createLogger({ level: 'silent' });
// 10:00 in Hà Nội: outside quiet hours.
const NOON = '2026-05-20T03:00:00Z';

async function setup(channels: OutboundChannel[], now = NOON) {
  const db = await freshDb();
  const clock = fixedClock(now);
  const map = new Map<ChannelName, OutboundChannel>(channels.map((c) => [c.name as ChannelName, c]));
  const worker = createOutboxWorker({
    db,
    log,
    clock,
    config: { quietHours: { start: '21:00', end: '07:00' }, bulkDailyCap: 3, outbox: { tickMs: 50, maxAttempts: 3 } },
    channels: map,
  });
  return { db, clock, worker };
}

async function person(db: Db, phone: string | null = null) {
  const c = (await db.insert(contacts).values({ role: 'resident', phone, subscribed: true, createdAt: new Date(NOON) }).returning())[0]!;
  return c;
}

const row = async (db: Db, id: number) => (await db.select().from(outbox).where(eq(outbox.id, id)).limit(1))[0];

describe('outbox', () => {
  it('sends due rows and records the provider id', async () => {
    const web = fakeChannel('web');
    const { db, clock, worker } = await setup([web]);
    const c = await person(db);
    const [id] = await queueMessages(db, clock.now(), [{ contactId: c.id, address: 'web:a', text: 'hello', priority: 'reply' }]);
    const stats = await worker.runOnce();
    expect(stats.sent).toBe(1);
    expect(web.sent.map((m) => m.text)).toEqual(['hello']);
    expect(await row(db, id!)).toMatchObject({ status: 'sent', providerId: `web-${id}`, attempts: 1 });
  });

  it("renders quick replies with the sending channel's declared capabilities: buttons where it has them, numbered options where not", async () => {
    const tg = fakeChannel('telegram');
    // A Zalo channel declaring a narrower rendering than the core's default table: its own declaration wins.
    const zalo = { ...fakeChannel('zalo'), capabilities: { quickReplies: false, maxLength: 500, sms: false } };
    const { db, clock, worker } = await setup([tg, zalo]);
    const c = await person(db);
    const [tgId] = await queueMessages(db, clock.now(), [{ contactId: c.id, address: 'telegram:1', text: 'Chọn:', quickReplies: ['Có', 'Không'], priority: 'reply' }]);
    await queueMessages(db, clock.now(), [{ contactId: c.id, address: 'zalo:1', text: 'Chọn:', quickReplies: ['Có', 'Không'], priority: 'reply' }]);
    await worker.runOnce();
    expect(tg.sent[0]).toMatchObject({ text: 'Chọn:', quickReplies: ['Có', 'Không'] });
    expect(zalo.sent[0]!.text).toBe('Chọn:\n1. Có\n2. Không\nSoạn 1 hoặc 2');
    // The row keeps what the flow wrote; rendering belongs to the channel that sends it.
    expect(await row(db, tgId!)).toMatchObject({ text: 'Chọn:', quickReplies: ['Có', 'Không'] });
  });

  it('sends replies before bulk messages', async () => {
    // 20/s bursts to two messages at once.
    const tg = fakeChannel('telegram', 20);
    const { db, clock, worker } = await setup([tg]);
    const c = await person(db);
    await queueMessages(db, clock.now(), [
      { contactId: c.id, address: 'telegram:1', text: 'bulk-1', priority: 'bulk' },
      { contactId: c.id, address: 'telegram:1', text: 'bulk-2', priority: 'bulk' },
    ]);
    await queueMessages(db, clock.now(), [{ contactId: c.id, address: 'telegram:1', text: 'reply', priority: 'reply' }]);
    await worker.runOnce();
    expect(tg.sent.map((m) => m.text)).toEqual(['reply', 'bulk-1']);
  });

  it('bursts to at most a tenth of a second of the limit', async () => {
    const tg = fakeChannel('telegram', 30);
    const { db, clock, worker } = await setup([tg]);
    const c = await person(db);
    await queueMessages(db, clock.now(), Array.from({ length: 40 }, (_, i) => ({ contactId: c.id, address: 'telegram:1' as const, text: `m${i}`, priority: 'reply' as const })));
    await worker.runOnce();
    expect(tg.sent).toHaveLength(3);
    clock.advance(1000);
    await worker.runOnce();
    expect(tg.sent).toHaveLength(6);
  });

  it('keeps to the channel rate limit', async () => {
    const sms = fakeChannel('sms', 1);
    const { db, clock, worker } = await setup([sms]);
    const c = await person(db);
    await queueMessages(db, clock.now(), Array.from({ length: 5 }, (_, i) => ({ contactId: c.id, address: 'tel:+84912345678' as const, text: `m${i}`, priority: 'reply' as const })));
    await worker.runOnce();
    expect(sms.sent).toHaveLength(1);
    await worker.runOnce();
    expect(sms.sent).toHaveLength(1);
    clock.advance(2000);
    await worker.runOnce();
    expect(sms.sent).toHaveLength(2);
  });

  it('pauses the channel for the retry-after of a 429, without counting the attempt, then sends', async () => {
    const tg = fakeChannel('telegram');
    const { db, clock, worker } = await setup([tg]);
    const c = await person(db);
    const [id] = await queueMessages(db, clock.now(), [{ contactId: c.id, address: 'telegram:1', text: 'x', priority: 'reply' }]);
    tg.failNext(new SendError('retry', '429 Too Many Requests', { retryAfterMs: 7000 }));
    expect((await worker.runOnce()).deferred).toBe(1);
    expect(await row(db, id!)).toMatchObject({ status: 'queued', error: '429 Too Many Requests', attempts: 0, reason: 'provider_error' });
    expect((await row(db, id!))?.nextAttemptAt.getTime()).toBe(clock.now().getTime() + 7000);
    clock.advance(6000);
    expect((await worker.runOnce()).sent).toBe(0);
    clock.advance(1500);
    expect((await worker.runOnce()).sent).toBe(1);
    expect((await row(db, id!))?.status).toBe('sent');
  });

  it('gives up on a message the provider keeps refusing after the maximum number of attempts, and records why', async () => {
    const tg = fakeChannel('telegram');
    const { db, clock, worker } = await setup([tg]);
    const c = await person(db);
    const [id] = await queueMessages(db, clock.now(), [{ contactId: c.id, address: 'telegram:1', text: 'x', priority: 'reply' }]);
    for (let i = 0; i < 3; i++) {
      tg.failNext(new SendError('retry', 'token refused', { providerCode: '-216' }));
      await worker.runOnce();
      clock.advance(3600_000);
    }
    expect(await row(db, id!)).toMatchObject({ status: 'failed' });
    expect((await row(db, id!))?.error).toMatch(/gave up after 3 attempts/);
  });

  it('records a fatal error without retrying', async () => {
    const tg = fakeChannel('telegram');
    const { db, clock, worker } = await setup([tg]);
    const [id] = await queueMessages(db, clock.now(), [{ contactId: (await person(db)).id, address: 'telegram:1', text: 'x', priority: 'reply' }]);
    tg.failNext(new SendError('fatal', 'Bad Request: message text is empty'));
    await worker.runOnce();
    expect(await row(db, id!)).toMatchObject({ status: 'failed', error: 'Bad Request: message text is empty' });
  });

  it('marks the address stopped when the person blocked us', async () => {
    const tg = fakeChannel('telegram');
    const { db, clock, worker } = await setup([tg]);
    const c = await person(db);
    await db.insert(addresses).values({ address: 'telegram:1', channel: 'telegram', contactId: c.id, createdAt: clock.now() });
    const [id] = await queueMessages(db, clock.now(), [{ contactId: c.id, address: 'telegram:1', text: 'x', priority: 'reply' }]);
    tg.failNext(new SendError('stopped', 'Forbidden: bot was blocked by the user'));
    expect((await worker.runOnce()).stopped).toBe(1);
    expect((await row(db, id!))?.status).toBe('failed');
    expect((await db.select().from(addresses).limit(1))[0]?.stoppedAt).not.toBeNull();
  });

  it('falls back to SMS when Zalo cannot deliver and the phone is known', async () => {
    const zalo = fakeChannel('zalo');
    const sms = fakeChannel('sms');
    const { db, clock, worker } = await setup([zalo, sms]);
    const c = await person(db, '+84912345678');
    await db.insert(addresses).values({ address: 'tel:+84912345678', channel: 'sms', contactId: c.id, createdAt: clock.now() });
    const [id] = await queueMessages(db, clock.now(), [{ contactId: c.id, address: 'zalo:8427000000000000001', text: 'x', priority: 'bulk' }]);
    zalo.failNext(new SendError('fallback', 'no interaction in 7 days'));
    expect((await worker.runOnce()).fellBack).toBe(1);
    await worker.runOnce();
    expect(sms.sent.map((m) => m.to)).toEqual(['tel:+84912345678']);
    expect(await row(db, id!)).toMatchObject({ status: 'sent', channel: 'sms' });
  });

  it('skips with the reason when there is nothing to fall back to', async () => {
    const zalo = fakeChannel('zalo');
    const { db, clock, worker } = await setup([zalo]);
    const [id] = await queueMessages(db, clock.now(), [{ contactId: (await person(db)).id, address: 'zalo:1', text: 'x', priority: 'bulk' }]);
    zalo.failNext(new SendError('fallback', 'no interaction in 7 days'));
    await worker.runOnce();
    expect(await row(db, id!)).toMatchObject({ status: 'skipped', error: 'no interaction in 7 days; no SMS number to fall back to' });
  });

  it('holds bulk messages during quiet hours but still sends replies', async () => {
    const tg = fakeChannel('telegram');
    // 22:30 in Hà Nội
    const { db, clock, worker } = await setup([tg], '2026-05-20T15:30:00Z');
    const c = await person(db);
    const [bulk] = await queueMessages(db, clock.now(), [{ contactId: c.id, address: 'telegram:1', text: 'bulk', priority: 'bulk' }]);
    await queueMessages(db, clock.now(), [{ contactId: c.id, address: 'telegram:1', text: 'reply', priority: 'reply' }]);
    const stats = await worker.runOnce();
    expect(tg.sent.map((m) => m.text)).toEqual(['reply']);
    expect(stats.deferred).toBe(1);
    // 07:00 next morning local = 00:00 UTC
    expect((await row(db, bulk!))?.nextAttemptAt.toISOString()).toBe('2026-05-21T00:00:00.000Z');
  });

  it('skips bulk messages to people who opted out', async () => {
    const tg = fakeChannel('telegram');
    const { db, clock, worker } = await setup([tg]);
    const c = (await db.insert(contacts).values({ role: 'resident', optedOut: true, createdAt: clock.now() }).returning())[0]!;
    const [id] = await queueMessages(db, clock.now(), [{ contactId: c.id, address: 'telegram:1', text: 'bulk', priority: 'bulk' }]);
    await worker.runOnce();
    expect(await row(db, id!)).toMatchObject({ status: 'skipped', error: 'opted out' });
    expect(tg.sent).toHaveLength(0);
  });

  it('caps bulk messages per person per day', async () => {
    const tg = fakeChannel('telegram');
    const { db, clock, worker } = await setup([tg]);
    const c = await person(db);
    await queueMessages(db, clock.now(), Array.from({ length: 4 }, (_, i) => ({ contactId: c.id, address: 'telegram:1' as const, text: `b${i}`, priority: 'bulk' as const })));
    for (let i = 0; i < 4; i++) await worker.runOnce();
    expect(tg.sent.map((m) => m.text)).toEqual(['b0', 'b1', 'b2']);
  });

  it('loses no row across a crash: rows in flight are queued again on start', async () => {
    const web = fakeChannel('web');
    const first = await setup([web]);
    const c = await person(first.db);
    const ids = await queueMessages(first.db, first.clock.now(), [
      { contactId: c.id, address: 'web:a', text: 'one', priority: 'reply' },
      { contactId: c.id, address: 'web:a', text: 'two', priority: 'reply' },
    ]);
    // Simulate a crash mid-send: rows claimed, never resolved.
    await first.db.update(outbox).set({ status: 'sending', attempts: 1 });
    const restarted = createOutboxWorker({
      db: first.db,
      log,
      clock: first.clock,
      config: { quietHours: { start: '21:00', end: '07:00' }, bulkDailyCap: 3, outbox: { tickMs: 50, maxAttempts: 3 } },
      channels: new Map([['web', web]]),
    });
    expect(await restarted.recover()).toBe(2);
    await restarted.runOnce();
    expect(web.sent.map((m) => m.text).sort()).toEqual(['one', 'two']);
    expect(await Promise.all(ids.map(async (id) => (await row(first.db, id))?.status))).toEqual(['sent', 'sent']);
  });

  it('renders quick replies as numbered options on channels without buttons', async () => {
    const sms = fakeChannel('sms');
    const { db, clock, worker } = await setup([sms]);
    await queueMessages(db, clock.now(), [{ contactId: null, address: 'tel:+84912345678', text: 'Chọn:', quickReplies: ['A', 'B', 'C'], priority: 'reply' }]);
    await worker.runOnce();
    expect(sms.sent.map((m) => m.text)).toEqual(['Chọn:\n1. A\n2. B\n3. C\nSoạn 1, 2 hoặc 3']);
  });
  it('does not poll the database while idle: an empty outbox is looked at once per tick, not every 10 ms', async () => {
    // Channels with room under their limit used to wake the loop every 10 ms, 100 claims a second per channel.
    const { db, worker } = await setup([fakeChannel('telegram', 30), fakeChannel('sms', 1)]);
    const q = outboxQueries(db);
    const claim = q.claim.bind(q);
    let claims = 0;
    q.claim = (...args) => {
      claims++;
      return claim(...args);
    };
    await worker.start();
    await new Promise((r) => setTimeout(r, 500));
    await worker.stop();
    // 500 ms at a 50 ms tick is about ten passes of two channels; polling every 10 ms would be about a hundred.
    expect(claims).toBeGreaterThan(0);
    expect(claims).toBeLessThanOrEqual(30);
  });
});
