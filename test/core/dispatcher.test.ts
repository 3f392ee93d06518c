import { describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import type { Engine } from '../../db/client.ts';
import { ENGINES, engineDb } from '../support/engines.ts';
import { createDispatcher } from '../../src/core/dispatcher.ts';
import { end, goto, stay, type Flow } from '../../src/core/flow.ts';
import { fixedClock } from '../../src/core/clock.ts';
import { createLogger } from '../../src/core/log.ts';
import { addresses, contacts, conversations, inboundMessages, outbox, settings, units } from '../../db/schema/index.ts';
import { createGroupCommit } from '../../src/core/dispatch/group-commit.ts';
import type { InboundEvent } from '../../src/core/message.ts';
import { capabilitiesOf } from '../../src/core/channel.ts';

const log = createLogger({ level: 'silent' });

/** A counter flow: each message adds one; "boom" throws after writing, to prove the write is rolled back. */
function counterFlow(version = 1): Flow {
  return {
    id: 'counter',
    version,
    start: () => stay('counting', { n: 1 }, { text: 'n=1' }),
    async resume(ctx, _step, state) {
      if (ctx.folded === 'boom') {
        await ctx.db.update(units).set({ name: 'CHANGED' }).where(eq(units.code, '01'));
        throw new Error('step failed');
      }
      if (ctx.folded === 'done') return end({ text: 'bye' });
      if (ctx.folded === 'ask') return goto('echo');
      const n = Number(state['n']) + 1;
      return stay('counting', { n }, { text: `n=${n}` });
    },
  };
}
const echoFlow: Flow = { id: 'echo', version: 1, start: (ctx) => end({ text: `echo:${ctx.text}` }), resume: (ctx) => end({ text: `echo:${ctx.text}` }) };
const staffOnly: Flow = {
  id: 'report',
  version: 1,
  roles: ['staff', 'supervisor'],
  command: (ctx) => ctx.folded.startsWith('bc '),
  start: () => end({ text: 'recorded' }),
  resume: () => end({ text: 'recorded' }),
};

async function setup(engine: Engine, version = 1) {
  const db = await engineDb(engine);
  const clock = fixedClock('2026-05-20T03:00:00Z');
  const dispatcher = createDispatcher({
    db,
    clock,
    log,
    flows: [staffOnly, counterFlow(version), echoFlow],
    defaultFlow: { resident: 'counter', staff: 'counter', supervisor: 'counter' },
    menuFlow: 'echo',
    capabilities: capabilitiesOf([]),
  });
  let seq = 0;
  const send = (text: string, providerId = `p${++seq}`): ReturnType<typeof dispatcher.handle> =>
    dispatcher.handle({ kind: 'text', channel: 'telegram', providerId, from: 'telegram:42', text, receivedAt: clock.now() } satisfies InboundEvent);
  const replies = async (ids: number[]) => {
    const rows = await db.select().from(outbox);
    return ids.map((id) => rows.find((r) => r.id === id)?.text);
  };
  return { db, clock, dispatcher, send, replies };
}

describe.each(ENGINES)('on %s', (engine) => {
  describe('dispatcher', () => {
    it('runs one step per message and keeps the conversation state between messages', async () => {
      const { send, replies } = await setup(engine);
      expect(await replies((await send('hi')).outboxIds)).toEqual(['n=1']);
      expect(await replies((await send('again')).outboxIds)).toEqual(['n=2']);
      expect(await replies((await send('more')).outboxIds)).toEqual(['n=3']);
    });

    it('records every inbound message once, with its sender and how it was handled', async () => {
      const { send, db } = await setup(engine);
      const first = await send('hi');
      await send('boom');
      const rows = await db.select().from(inboundMessages);
      expect(rows.map((r) => [r.contactId, r.status])).toEqual([
        [first.contactId, 'handled'],
        [first.contactId, 'failed'],
      ]);
    });

    it('processes a retried delivery once, however late it comes', async () => {
      const { send, clock, db } = await setup(engine);
      expect((await send('hi', 'same')).status).toBe('handled');
      clock.advance(3 * 24 * 3600_000);
      const again = (await send('hi', 'same'));
      expect(again).toEqual({ status: 'duplicate', outboxIds: [] });
      expect((await db.select().from(outbox))).toHaveLength(1);
    });

    it('keeps the old state and database untouched when a step throws, and says "try again"', async () => {
      const { send, replies, db } = await setup(engine);
      (await send('hi'));
      (await send('x'));
      const result = (await send('boom'));
      expect(result.status).toBe('failed');
      expect((await replies(result.outboxIds))[0]).toMatch(/gửi lại sau ít phút/);
      expect((await db.select().from(units).where(eq(units.code, '01')).limit(1))[0]?.name).toBe('Thành phố Hà Nội');
      expect((await db.select().from(conversations).limit(1))[0]?.state).toEqual({ n: 2 });
      expect((await db.select().from(inboundMessages)).at(-1)?.status).toBe('failed');
      expect(await replies((await send('next')).outboxIds)).toEqual(['n=3']);
    });

    it('restarts politely when the saved state was written by another version of the flow', async () => {
      const first = await setup(engine, 1);
      (await first.send('hi'));
      const saved = (await first.db.select().from(conversations).limit(1))[0];
      expect(saved?.version).toBe(1);
      await first.db.update(conversations).set({ version: 0 });
      const ids = (await first.send('again')).outboxIds;
      expect((await first.replies(ids))[0]).toMatch(/vừa được cập nhật/);
    });

    it('hands the same message to another flow on goto', async () => {
      const { send, replies } = await setup(engine);
      (await send('hi'));
      expect(await replies((await send('ask')).outboxIds)).toEqual(['echo:ask']);
    });

    it('refuses a staff command from a resident politely and runs nothing', async () => {
      const { send, replies } = await setup(engine);
      expect((await replies((await send('BC 12')).outboxIds))[0]).toMatch(/chỉ dành cho cán bộ/);
    });

    it('lets staff use the command', async () => {
      const { send, replies, db } = await setup(engine);
      (await send('hi'));
      await db.update(contacts).set({ role: 'staff' });
      expect(await replies((await send('bc 12')).outboxIds)).toEqual(['recorded']);
    });

    it('sends the next message to the default flow once a conversation expired', async () => {
      const { send, replies, clock } = await setup(engine);
      (await send('hi'));
      (await send('x'));
      clock.advance(2 * 3600_000);
      expect(await replies((await send('y')).outboxIds)).toEqual(['n=1']);
    });

    it('links a shared phone number to the contact who already owns it', async () => {
      const { db, dispatcher, clock } = await setup(engine);
      const staff = (await db.insert(contacts).values({ name: 'Lan', phone: '+84912345678', role: 'staff', unitCode: '017', createdAt: clock.now() }).returning())[0]!;
      await dispatcher.handle({ kind: 'text', channel: 'telegram', providerId: 'a', from: 'telegram:77', text: 'hi', receivedAt: clock.now() });
      const r = await dispatcher.handle({ kind: 'phone', channel: 'telegram', providerId: 'b', from: 'telegram:77', phone: '0912 345 678', receivedAt: clock.now() });
      expect(r.contactId).toBe(staff.id);
      const out = (await db.select().from(outbox).where(eq(outbox.id, r.outboxIds[0]!)).limit(1))[0];
      expect(out?.text).toMatch(/Đã liên kết tài khoản với cán bộ Lan/);
    });

    it('marks the address stopped on unsubscribe and replies nothing', async () => {
      const { dispatcher, clock, db, send } = await setup(engine);
      (await send('hi'));
      const r = await dispatcher.handle({ kind: 'unsubscribe', channel: 'telegram', providerId: 'u1', from: 'telegram:42', receivedAt: clock.now() });
      expect(r.outboxIds).toEqual([]);
      const [address] = await db.select({ stoppedAt: addresses.stoppedAt }).from(addresses);
      expect(address?.stoppedAt).toBeInstanceOf(Date);
    });
  });

  describe('staff imported by Telegram username', () => {
    it('are recognised by their first message from that username, once', async () => {
      const { importStaff } = await import('../../flows/report/import-staff.ts');
      const { db, dispatcher, clock } = await setup(engine);
      const r = await importStaff(db, 'name,phone,unit_code,role,telegram\nLan,0912345678,017,staff,@LanBHXH\n', { now: clock.now() });
      expect(r.bad).toEqual([]);
      const first = await dispatcher.handle({ kind: 'text', channel: 'telegram', providerId: 'u1', from: 'telegram:555', username: 'lanbhxh', text: 'hi', receivedAt: clock.now() });
      expect((await db.select().from(contacts).where(eq(contacts.id, first.contactId!)).limit(1))[0]?.role).toBe('staff');
      const other = await dispatcher.handle({ kind: 'text', channel: 'telegram', providerId: 'u2', from: 'telegram:556', username: 'lanbhxh', text: 'hi', receivedAt: clock.now() });
      expect(other.contactId).not.toBe(first.contactId);
    });
  });

  describe('group commit', () => {
    it('handles events submitted together in one transaction, each answered as if alone', async () => {
      const { dispatcher, clock, db } = await setup(engine);
      const ev = (i: number, from: string) =>
        dispatcher.submit({ kind: 'text', channel: 'telegram', providerId: `g${i}`, from: from as `telegram:${string}`, text: 'hi', receivedAt: clock.now() });
      const results = await Promise.all([ev(1, 'telegram:1'), ev(2, 'telegram:2'), ev(1, 'telegram:1'), ev(3, 'telegram:1')]);
      expect(results.map((r) => r.status)).toEqual(['handled', 'handled', 'duplicate', 'handled']);
      // Each contact's replies in the order they were written (the batch may interleave contacts; rows come back
      // in no promised order without ORDER BY, and PostgreSQL moves a row it updates).
      const rows = await db.select().from(outbox).orderBy(outbox.id);
      const byAddress = (address: string) => rows.filter((r) => r.address === address).map((r) => r.text);
      expect(rows).toHaveLength(3);
      expect(byAddress('telegram:1')).toEqual(['n=1', 'n=2']);
      expect(byAddress('telegram:2')).toEqual(['n=1']);
    });

    it('keeps one failing step from spoiling the others in its batch', async () => {
      const { dispatcher, clock, db, send } = await setup(engine);
      (await send('hi', 'a'));
      const fail = dispatcher.submit({ kind: 'text', channel: 'telegram', providerId: 'b', from: 'telegram:42', text: 'boom', receivedAt: clock.now() });
      const ok = dispatcher.submit({ kind: 'text', channel: 'telegram', providerId: 'c', from: 'telegram:43', text: 'hi', receivedAt: clock.now() });
      expect((await fail).status).toBe('failed');
      expect((await ok).status).toBe('handled');
      expect((await db.select().from(units).where(eq(units.code, '01')).limit(1))[0]?.name).toBe('Thành phố Hà Nội');
    });

    it('rolls back only the piece that throws out of its work: the others of the batch are stored and answered', async () => {
      const { db } = await setup(engine);
      const committed: string[] = [];
      const submit = createGroupCommit(
        db,
        async (key: string) => {
          await db.insert(settings).values({ key, value: 'x', updatedAt: new Date() });
          if (key === 'bad') throw new Error('piece failed');
          return key;
        },
        (key) => committed.push(key),
      );
      const outcomes = await Promise.allSettled(['a', 'bad', 'c'].map((k) => submit(k)));
      expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect(committed).toEqual(['a', 'c']);
      const keys = (await db.select().from(settings).where(inArray(settings.key, ['a', 'bad', 'c']))).map((r) => r.key).sort();
      expect(keys).toEqual(['a', 'c']);
    });
  });
});
