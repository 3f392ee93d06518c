import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { startTestService, type TestService } from '../support/service.ts';
import { seedPerson } from '../support/seed.ts';
import { addresses, broadcasts, campaigns, contacts, outbox } from '../../db/schema/index.ts';
import { insertUser } from '../../db/queries/users.ts';
import { createApiToken } from '../../src/core/accounts.ts';
import { queueingSettled } from '../../flows/broadcast/queue.ts';
import { run as fireBroadcasts } from '../../src/jobs/fire-broadcasts.ts';

const TOKEN = 'test-admin-token-0123456789';
let t: TestService;
beforeEach(async () => {
  // 2026-05-20 10:00 in Hà Nội, three days before the launch on 23/5 08:00.
  t = await startTestService({ env: { ADMIN_TOKEN: TOKEN }, options: { manualOutbox: true } });
});
afterEach(async () => {
  await t.close();
});

function call(path: string, body?: unknown, method = 'POST', token = TOKEN) {
  return fetch(`${t.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
}

/** An API token of a console supervisor of one unit. */
async function supervisorToken(unitScope: string): Promise<string> {
  const user = await insertUser(t.service.db, { name: `GS ${unitScope}`, role: 'supervisor', unitScope }, t.clock.now());
  return (await createApiToken(t.service.db, user.id, { days: 30, actor: 'test', now: t.clock.now() })).token;
}

async function subscribe(session: string) {
  const chat = t.chat(session);
  await chat.send('DANG KY');
  return chat;
}

/** Hoa (resident of Đông Anh, 017) subscribed, reachable by web chat and SMS. */
async function hoaSubscribed() {
  const hoa = await seedPerson(t.service.db, 'hoa');
  await t.service.db.update(contacts).set({ subscribed: true, unitCode: '017' }).where(eq(contacts.id, hoa.id));
  return hoa;
}

type Created = { id: number; status: string; preview: { recipients: number; byChannel: Record<string, number>; samples: { channel: string; text: string }[]; sms: { encoding: string; segments: number; totalSegments: number; text: string }; cost: { smsVnd: number; zaloVnd: number; totalVnd: number } } };

describe('broadcasts over the admin API', () => {
  it('creates a draft with its preview: audience by channel, a rendered sample per channel, SMS segments and cost; nothing is queued', async () => {
    await hoaSubscribed();
    const res = await call('/admin/broadcasts', { text: 'Chào {ten} ở {don_vi}: Lễ ra quân {ngay_ra_quan}, hỏi {hotline}.', audience: { channels: ['sms'] } });
    expect(res.status).toBe(201);
    const body = (await res.json()) as Created;
    expect(body.status).toBe('draft');
    expect(body.preview.recipients).toBe(1);
    expect(body.preview.byChannel).toEqual({ sms: 1 });
    expect(body.preview.samples[0]?.text).toBe('Chào Lê Thị Hoa ở Huyện Đông Anh: Lễ ra quân 08h00 ngày 23/05/2026, hỏi 1900 9068.\nSoạn HUY để từ chối nhận tin.');
    expect(body.preview.sms).toMatchObject({ encoding: 'GSM-7', segments: 1, totalSegments: 1 });
    expect(body.preview.sms.text).toMatch(/^Chao Le Thi Hoa o Huyen Dong Anh/);
    expect(body.preview.cost).toEqual({ smsVnd: 800, zaloVnd: 0, totalVnd: 800, prices: { smsSegment: 800, zaloMessage: 300 } });
    expect(await t.service.db.select().from(outbox).where(eq(outbox.priority, 1))).toHaveLength(0);
  });

  it('sends on confirm: one row per subscribed person, never the opted-out, text rendered per person when sent', async () => {
    const hoa = await hoaSubscribed();
    await subscribe('a');
    await t.chat('c').send('menu'); // not subscribed
    const optedOut = await subscribe('d');
    await optedOut.send('HUY');
    const { id } = (await (await call('/admin/broadcasts', { text: 'Kính gửi {ten}: tham gia BHXH tự nguyện.', audience: { channels: ['web'] } })).json()) as Created;
    const confirmed = await call(`/admin/broadcasts/${id}/confirm`);
    expect(((await confirmed.json()) as { status: string }).status).toBe('sending');
    await queueingSettled(t.service.db);
    const rows = await t.service.db.select().from(outbox).where(eq(outbox.broadcastId, id));
    expect(rows.map((r) => r.address).sort()).toEqual(['web:a', 'web:hoa']);
    expect(rows.every((r) => r.text === '')).toBe(true);
    await t.service.outbox.runOnce();
    const [sentToHoa] = await t.service.db.select().from(outbox).where(eq(outbox.contactId, hoa.id));
    expect(sentToHoa).toMatchObject({ status: 'sent', text: 'Kính gửi Lê Thị Hoa: tham gia BHXH tự nguyện.\n(Gõ HUY để ngừng nhận tin.)' });
    const got = (await (await call(`/admin/broadcasts/${id}`, undefined, 'GET')).json()) as { stats: { byStatus: Record<string, number>; byChannel: Record<string, Record<string, number>> } };
    expect(got.stats.byStatus).toMatchObject({ sent: 2, queued: 0 });
    expect(got.stats.byChannel).toEqual({ web: { sent: 2 } });
    expect((await fireBroadcasts({ db: t.service.db }, t.clock.now())).done).toBe(1);
    expect((await t.service.db.select().from(broadcasts).where(eq(broadcasts.id, id)).limit(1))[0]?.status).toBe('done');
  });

  /** A subscribed web chat session, and a broadcast stored for its page (outbox row `sent`). Returns the broadcast id. */
  async function broadcastWaitingFor(session: string): Promise<number> {
    await subscribe(session);
    const { id } = (await (await call('/admin/broadcasts', { text: 'Tin chiến dịch' })).json()) as Created;
    await call(`/admin/broadcasts/${id}/confirm`);
    await queueingSettled(t.service.db);
    await t.service.outbox.runOnce();
    return id;
  }

  it('marks a web chat message delivered only when the page collects it', async () => {
    const id = await broadcastWaitingFor('a');
    const row = async () => (await t.service.db.select().from(outbox).where(eq(outbox.broadcastId, id)).limit(1))[0];
    expect((await row())?.status).toBe('sent');
    const page = (await (await fetch(`${t.url}/web/chat?session=a`)).json()) as { replies: { text: string }[] };
    expect(page.replies.map((r) => r.text)).toEqual(['Tin chiến dịch\n(Gõ HUY để ngừng nhận tin.)']);
    expect((await row())?.status).toBe('delivered');
    expect(((await (await fetch(`${t.url}/web/chat?session=a`)).json()) as { replies: unknown[] }).replies).toEqual([]);
  });

  it('hands a waiting web chat message over with the reply to the next message the person sends, once', async () => {
    const id = await broadcastWaitingFor('b');
    const chat = t.chat('b');
    const replies = await chat.send('menu');
    expect(replies.map((r) => r.text)[0]).toBe('Tin chiến dịch\n(Gõ HUY để ngừng nhận tin.)');
    expect(replies).toHaveLength(2);
    expect(replies[1]?.quickReplies.length).toBeGreaterThan(0);
    expect((await t.service.db.select().from(outbox).where(eq(outbox.broadcastId, id)).limit(1))[0]?.status).toBe('delivered');
    expect((await chat.send('menu')).map((r) => r.text)).not.toContain('Tin chiến dịch\n(Gõ HUY để ngừng nhận tin.)');
  });

  it('refuses an unknown placeholder, a time in the past, and both kinds of time, with a message', async () => {
    const unknown = await call('/admin/broadcasts', { text: 'Chào {tinh}' });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { error: string }).error).toMatch(/unknown placeholder \{tinh\}/);
    const past = await call('/admin/broadcasts', { text: 'x', sendAt: '2026-05-20T09:00' });
    expect(past.status).toBe(400);
    expect(((await past.json()) as { error: string }).error).toMatch(/already passed/);
    expect((await call('/admin/broadcasts', { text: 'x', sendAt: '2026-05-22T09:00', launchOffset: { daysBefore: 1 } })).status).toBe(400);
    expect((await call('/admin/broadcasts', { text: '' })).status).toBe(400);
    expect((await call('/admin/broadcasts', { text: 'x', audience: { roles: ['martian'] } })).status).toBe(400);
    expect((await call('/admin/broadcasts', { text: 'x', sendAt: 'tomorrow' })).status).toBe(400);
  });

  it('schedules relative to the launch, including launch day, and follows the launch when it moves', async () => {
    const res = await call('/admin/broadcasts', { text: 'Hôm nay ra quân {ngay_ra_quan}', launchOffset: { daysBefore: 0, at: '07:00' } });
    const { id, sendAt } = (await res.json()) as Created & { sendAt: string };
    expect(sendAt).toBe('2026-05-23T00:00:00.000Z');
    expect(((await (await call(`/admin/broadcasts/${id}/confirm`)).json()) as { status: string }).status).toBe('scheduled');
    await t.service.db.update(campaigns).set({ launchAt: new Date('2026-05-30T01:00:00Z') });
    expect((await fireBroadcasts({ db: t.service.db }, t.clock.now())).replanned).toBe(1);
    expect((await t.service.db.select().from(broadcasts).where(eq(broadcasts.id, id)).limit(1))[0]?.sendAt?.toISOString()).toBe('2026-05-30T00:00:00.000Z');
  });

  it('plans the launch reminders once however often it is asked, and skips days already past', async () => {
    await subscribe('a');
    for (let i = 0; i < 2; i++) {
      const res = await call('/admin/reminders', { daysBefore: [7, 2, 1, 0], at: '09:00' });
      expect(res.status).toBe(201);
      const body = (await res.json()) as { reminders: { sendAt: string; text: string }[]; skippedDaysBefore: number[] };
      expect(body.skippedDaysBefore).toEqual([7]);
      expect(body.reminders.map((r) => r.sendAt)).toEqual(['2026-05-21T02:00:00.000Z', '2026-05-22T02:00:00.000Z', '2026-05-23T02:00:00.000Z']);
      expect(body.reminders[0]?.text).toMatch(/^Còn 2 ngày đến Lễ ra quân .*\(\{ngay_ra_quan\}\)/);
      expect(body.reminders[2]?.text).toMatch(/^Hôm nay là Lễ ra quân/);
    }
    expect(await t.service.db.select().from(broadcasts)).toHaveLength(3);
    expect(await fireBroadcasts({ db: t.service.db }, new Date('2026-05-21T02:00:30Z'))).toMatchObject({ due: 1, missed: [] });
    await queueingSettled(t.service.db);
    expect(await t.service.db.select().from(outbox).where(eq(outbox.priority, 1))).toHaveLength(1);
  });

  it('plans the reminders once when the same plan arrives several times at once, answering each request alike', async () => {
    await subscribe('a');
    const plan = { daysBefore: [2, 1, 0], at: '09:00' };
    const answers = await Promise.all(Array.from({ length: 4 }, () => call('/admin/reminders', plan)));
    expect(answers.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    const bodies = (await Promise.all(answers.map((r) => r.json()))) as { reminders: { id: number; sendAt: string }[] }[];
    const planned = await t.service.db.select().from(broadcasts);
    expect(planned).toHaveLength(3);
    for (const body of bodies) expect(body.reminders.map((r) => r.id).sort()).toEqual(planned.map((b) => b.id).sort());
    expect(planned.map((b) => b.status)).toEqual(['scheduled', 'scheduled', 'scheduled']);
  });

  it('skips and reports a broadcast whose time passed while the service was down, never sending it late', async () => {
    await subscribe('a');
    const { id } = (await (await call('/admin/broadcasts', { text: 'Nhắc', sendAt: '2026-05-20T11:00' })).json()) as Created;
    await call(`/admin/broadcasts/${id}/confirm`);
    const stats = await fireBroadcasts({ db: t.service.db }, new Date('2026-05-20T04:30:00Z'));
    expect(stats).toMatchObject({ due: 0, missed: [id] });
    const b = (await t.service.db.select().from(broadcasts).where(eq(broadcasts.id, id)).limit(1))[0];
    expect(b).toMatchObject({ status: 'missed' });
    expect(b?.note).toMatch(/passed while the service was not running/);
    expect(await t.service.db.select().from(outbox).where(eq(outbox.priority, 1))).toHaveLength(0);
  });

  it('cancels: a draft or scheduled one never goes, and a sending one drops its unsent rows', async () => {
    await subscribe('a');
    await subscribe('b');
    const created = (await (await call('/admin/broadcasts', { text: 'x', sendAt: '2026-05-22T09:00' })).json()) as Created;
    expect((await call(`/admin/broadcasts/${created.id}`, undefined, 'DELETE')).status).toBe(200);
    expect((await call(`/admin/broadcasts/${created.id}`, undefined, 'DELETE')).status).toBe(409);
    const now = (await (await call('/admin/broadcasts', { text: 'y' })).json()) as Created;
    await call(`/admin/broadcasts/${now.id}/confirm`);
    await queueingSettled(t.service.db);
    const cancelled = (await (await call(`/admin/broadcasts/${now.id}`, undefined, 'DELETE')).json()) as { status: string; dropped: number };
    expect(cancelled).toEqual({ id: now.id, status: 'cancelled', dropped: 2 });
    expect(await t.service.db.select().from(outbox).where(eq(outbox.broadcastId, now.id))).toHaveLength(0);
  });

  it('keeps its statistics (counters per broadcast) equal to its rows through queueing, sending, a stop and a cancel', async () => {
    const hoa = await hoaSubscribed(); // web and SMS: reached on the newest address
    await subscribe('a');
    await subscribe('b');
    await subscribe('c');
    const c = (await t.service.db.select().from(addresses).where(eq(addresses.address, 'web:c')).limit(1))[0];
    await t.service.db.update(addresses).set({ stoppedAt: t.clock.now() }).where(eq(addresses.contactId, c?.contactId ?? 0)); // unreachable
    const truth = async (id: number) => {
      const stats = { byStatus: {} as Record<string, number>, byChannel: {} as Record<string, Record<string, number>>, byReason: {} as Record<string, number> };
      for (const r of await t.service.db.select().from(outbox).where(eq(outbox.broadcastId, id))) {
        stats.byStatus[r.status] = (stats.byStatus[r.status] ?? 0) + 1;
        const ch = (stats.byChannel[r.channel] ??= {});
        ch[r.status] = (ch[r.status] ?? 0) + 1;
        if (r.reason) stats.byReason[r.reason] = (stats.byReason[r.reason] ?? 0) + 1;
      }
      return stats;
    };
    const stats = async (id: number) => {
      const got = (await (await call(`/admin/broadcasts/${id}`, undefined, 'GET')).json()) as { stats: { byStatus: Record<string, number>; byReason: Record<string, number> } };
      // The API lists every status (zeros included); the rows only those that occur.
      return { ...got.stats, byStatus: Object.fromEntries(Object.entries(got.stats.byStatus).filter(([, n]) => n > 0)) };
    };
    const { id } = (await (await call('/admin/broadcasts', { text: 'Nhắc {ten}' })).json()) as Created;
    await call(`/admin/broadcasts/${id}/confirm`);
    await queueingSettled(t.service.db);
    expect(await stats(id)).toEqual(await truth(id));
    expect((await stats(id)).byReason).toEqual({ no_address: 1 });
    // Sending moves rows queued → sending → sent (web) and whatever the SMS fake decides; the counts follow.
    await t.service.outbox.runOnce();
    expect(await stats(id)).toEqual(await truth(id));
    expect((await stats(id)).byStatus['sent']).toBeGreaterThanOrEqual(2);
    // A row put back in the queue (held) and a row cancelled before it went.
    await t.service.db.update(outbox).set({ status: 'queued', reason: 'quiet_hours', sentAt: null }).where(eq(outbox.contactId, hoa.id));
    expect(await stats(id)).toEqual(await truth(id));
    expect((await call(`/admin/broadcasts/${id}`, undefined, 'DELETE')).status).toBe(200);
    expect(await stats(id)).toEqual(await truth(id));
    expect((await stats(id)).byStatus['queued']).toBeUndefined();
  });

  it('keeps a supervisor to their own subtree: their audience, their broadcasts', async () => {
    await seedPerson(t.service.db, 'lan'); // staff of 017 (in 01)
    await seedPerson(t.service.db, 'minh'); // supervisor of 01
    const hn = await supervisorToken('01');
    const preview = await call('/admin/broadcasts/preview', { text: 'Nhắc báo cáo', audience: { roles: ['staff', 'supervisor'] } }, 'POST', hn);
    expect(((await preview.json()) as { recipients: number }).recipients).toBe(2);
    expect((await call('/admin/broadcasts', { text: 'x', audience: { roles: ['staff'], unitCode: '79' } }, 'POST', hn)).status).toBe(404);
    const national = (await (await call('/admin/broadcasts', { text: 'toàn quốc' })).json()) as Created;
    expect((await call(`/admin/broadcasts/${national.id}`, undefined, 'GET', hn)).status).toBe(404);
    expect((await call(`/admin/broadcasts/${national.id}/confirm`, undefined, 'POST', hn)).status).toBe(404);
    const own = (await (await call('/admin/broadcasts', { text: 'Hà Nội', audience: { roles: ['staff'] } }, 'POST', hn)).json()) as Created & { audience: { unitCode: string } };
    expect(own.audience.unitCode).toBe('01');
  });
});
