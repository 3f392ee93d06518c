import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { addresses, contacts, outbox, signupReports, staffUnits, units, type ContactRow } from '../../../db/schema/index.ts';
import { createDispatcher } from '../../../src/core/dispatcher.ts';
import { fixedClock } from '../../../src/core/clock.ts';
import { createLogger } from '../../../src/core/log.ts';
import { channelOf, type Address, type ChannelName } from '../../../src/core/message.ts';
import { end, type Flow } from '../../../src/core/flow.ts';
import { createLinkFlow, createProgressFlow, createReportFlow } from '../../../flows/report/flow.ts';
import { freshDb } from '../../support/db.ts';
import { capabilitiesOf } from '../../../src/core/channel.ts';
import { renderReplyText } from '../../../src/core/outbox.ts';

export const silentLog = createLogger({ level: 'silent' });

/** 2026-05-21 10:00 in Asia/Ho_Chi_Minh (campaign month: May 2026, launch 23/05). */
export const THURSDAY_10AM = '2026-05-21T03:00:00Z';

/** A named staff member or supervisor on a unit, reachable on `web:<key>` and by phone. */
export async function addPerson(
  db: Db,
  key: string,
  p: { name: string; phone: string; role: ContactRow['role']; unitCode: string | null; extraUnits?: readonly string[] },
): Promise<ContactRow> {
  const now = new Date('2026-05-01T00:00:00Z');
  const [c] = await db.insert(contacts).values({ name: p.name, phone: p.phone, role: p.role, unitCode: p.unitCode, createdAt: now }).returning();
  if (!c) throw new Error(`addPerson: ${key} not inserted`);
  await db.insert(addresses).values({ address: `web:${key}`, channel: 'web', contactId: c.id, createdAt: now });
  await db.insert(addresses).values({ address: `tel:${p.phone}`, channel: 'sms', contactId: c.id, createdAt: now });
  for (const u of p.extraUnits ?? []) await db.insert(staffUnits).values({ contactId: c.id, unitCode: u });
  return c;
}

/** Named people on the default tree: Hà Nội (01) → Ba Đình (001), Hoàn Kiếm (002), Đông Anh (017) … */
export const CAST = {
  lan: { name: 'Nguyễn Thị Lan', phone: '+84912345678', role: 'staff', unitCode: '017' },
  tuan: { name: 'Phạm Văn Tuấn', phone: '+84912000111', role: 'staff', unitCode: '017' },
  hai: { name: 'Đỗ Văn Hải', phone: '+84912000222', role: 'staff', unitCode: '001', extraUnits: ['002'] },
  minh: { name: 'Trần Văn Minh', phone: '+84987654321', role: 'supervisor', unitCode: '01' },
  hoa: { name: 'Lê Thị Hoa', phone: '+84911222333', role: 'resident', unitCode: null },
} as const;

export type CastKey = keyof typeof CAST;

/** What createWorld makes. */
export type World = Awaited<ReturnType<typeof createWorld>>;

/** A world for flow tests: a fresh seeded db, the real dispatcher with the report flows, a fixed clock. */
export async function createWorld(now = THURSDAY_10AM, opts: { sanityLimit?: number } = {}) {
  const db = await freshDb(new Date(now));
  const clock = fixedClock(now);
  const fallback: Flow = { id: 'menu', version: 1, start: () => end({ text: 'MENU' }), resume: () => end({ text: 'MENU' }) };
  const dispatcher = createDispatcher({
    db,
    clock,
    log: silentLog,
    flows: [createReportFlow({ sanityLimit: opts.sanityLimit ?? 200 }), createProgressFlow(), createLinkFlow(), fallback],
    defaultFlow: { resident: 'menu', staff: 'menu', supervisor: 'menu' },
    menuFlow: 'menu',
    capabilities: capabilitiesOf([]),
  });
  const people = new Map<string, ContactRow>();
  let seq = 0;
  const world = {
    db,
    clock,
    dispatcher,
    /** Create a cast member (once). */
    async person(key: CastKey): Promise<ContactRow> {
      const existing = people.get(key);
      if (existing) return existing;
      const c = await addPerson(db, key, CAST[key]);
      people.set(key, c);
      return c;
    },
    /** Send a text as someone on an address; returns the reply texts. `id` is the provider message id. */
    async send(from: Address, text: string, id?: string): Promise<string[]> {
      const result = await dispatcher.handle({
        kind: 'text',
        channel: channelOf(from),
        providerId: id ?? `m${++seq}`,
        from,
        text,
        receivedAt: clock.now(),
      });
      if (result.outboxIds.length === 0) return [];
      return (await db.select().from(outbox))
        .filter((r) => result.outboxIds.includes(r.id))
        // As the sender renders a row for a channel that declares the core's default capabilities.
        .map((r) => renderReplyText({ text: r.text, ...(r.quickReplies && { quickReplies: r.quickReplies }) }, capabilitiesOf([])(r.channel as ChannelName)));
    },
    /** Send on web chat as a cast member (created on first use). */
    async as(key: CastKey, text: string, id?: string): Promise<string> {
      await world.person(key);
      return (await world.send(`web:${key}`, text, id)).join('\n');
    },
    /** Current (not superseded) reports, oldest first. */
    async currentReports() {
      return (await db.select().from(signupReports)).filter((r) => r.supersededBy === null);
    },
    async allReports() {
      return db.select().from(signupReports);
    },
    async setTarget(code: string, target: number | null) {
      await db.update(units).set({ target }).where(eq(units.code, code));
    },
  };
  return world;
}

/** A small tree for roll-up tests, in its own fresh db with no default units. */
export async function smallTree(db: Db): Promise<void> {
  await db.delete(units);
  const rows: { code: string; name: string; level: 'province' | 'district' | 'commune'; parentCode: string | null; target?: number }[] = [
    { code: 'P1', name: 'Tỉnh Một', level: 'province', parentCode: null },
    { code: 'D11', name: 'Huyện Một Một', level: 'district', parentCode: 'P1' },
    { code: 'D12', name: 'Huyện Một Hai', level: 'district', parentCode: 'P1', target: 80 },
    { code: 'C121', name: 'Xã Một Hai Một', level: 'commune', parentCode: 'D12' },
    { code: 'P2', name: 'Tỉnh Hai', level: 'province', parentCode: null, target: 300 },
    { code: 'D21', name: 'Huyện Hai Một', level: 'district', parentCode: 'P2' },
  ];
  for (const r of rows) await db.insert(units).values({ ...r, target: r.target ?? null });
}
