import { readFileSync } from 'node:fs';
import { asc, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Db } from '../../../db/client.ts';
import { importUnits } from '../../../db/seed/units.ts';
import { addresses, adminUsers, callbackRequests, contacts, outbox, type CallbackRequestRow, type UserRole } from '../../../db/schema/index.ts';
import { createApiToken } from '../../../src/core/accounts.ts';
import type { ChatScript, TestService } from '../../support/service.ts';
import { channelOf, type Address, type Reply } from '../../../src/core/message.ts';

/**
 * A console user linked to a chat contact reachable at `telegram:<id>` and `tel:<phone>` (notifications go to tel:,
 * the address last used). Never a web chat session: those are anonymous residents by design.
 */
export interface ConsoleUser {
  userId: number;
  contactId: number;
  phone: string;
  key: string;
  address: Address;
}

/** Console people on the default tree: Hà Nội (01) → Mê Linh (250), Đông Anh (017); Hải Phòng (31). */
export const STAFF = {
  an: { name: 'Tư vấn viên An', role: 'consultant', unitScope: '250', phone: '+84903000001' },
  binh: { name: 'Tư vấn viên Bình', role: 'consultant', unitScope: '250', phone: '+84903000002' },
  cuong: { name: 'Tư vấn viên Cường', role: 'consultant', unitScope: '01', phone: '+84903000003' },
  dung: { name: 'Tư vấn viên Dũng', role: 'consultant', unitScope: '31', phone: '+84903000004' },
  giang: { name: 'Giám sát Giang', role: 'supervisor', unitScope: '01', phone: '+84903000005' },
  hanh: { name: 'Giám sát Hạnh', role: 'supervisor', unitScope: '31', phone: '+84903000006' },
  viet: { name: 'Xem Việt', role: 'viewer', unitScope: '01', phone: '+84903000007' },
} as const satisfies Record<string, { name: string; role: UserRole; unitScope: string; phone: string }>;

export type StaffKey = keyof typeof STAFF;

/** Add a console user (and their chat contact) from STAFF. */
export async function addConsoleUser(db: Db, key: StaffKey, overrides: { active?: boolean } = {}): Promise<ConsoleUser> {
  const p = STAFF[key];
  const now = new Date('2026-05-01T00:00:00Z');
  const [contact] = await db.insert(contacts).values({ name: p.name, phone: p.phone, role: 'staff', createdAt: now }).returning();
  if (!contact) throw new Error('contact insert returned no row');
  await db.insert(addresses).values({ address: `telegram:${7_000_000 + contact.id}`, channel: 'telegram', contactId: contact.id, createdAt: now });
  await db.insert(addresses).values({ address: `tel:${p.phone}`, channel: 'sms', contactId: contact.id, lastInboundAt: now, createdAt: now });
  const [user] = await db
    .insert(adminUsers)
    .values({ name: p.name, role: p.role, unitScope: p.unitScope, phone: p.phone, contactId: contact.id, active: overrides.active ?? true, createdAt: now })
    .returning();
  if (!user) throw new Error('admin user insert returned no row');
  return { userId: user.id, contactId: contact.id, phone: p.phone, key, address: `telegram:${7_000_000 + contact.id}` };
}

let messageIds = 0;

/** A staff member's chat on a provider channel, through the dispatcher as the channel adapter hands messages over. */
export class StaffChat {
  last: Reply[] = [];
  constructor(
    readonly t: TestService,
    readonly address: Address,
  ) {}

  async send(text: string): Promise<Reply[]> {
    const result = await this.t.service.dispatcher.submit({
      kind: 'text',
      channel: channelOf(this.address),
      providerId: `staff-${++messageIds}`,
      from: this.address,
      text,
      receivedAt: this.t.clock.now(),
    });
    this.last = result.replies ?? [];
    return this.last;
  }

  get text(): string {
    return this.last.map((r) => r.text).join('\n');
  }
}

/** The chat of a console user (on Telegram) or of any address. */
export function staffChat(t: TestService, who: ConsoleUser | Address): StaffChat {
  return new StaffChat(t, typeof who === 'string' ? who : who.address);
}

/** An API token for a console user (Authorization: Bearer …). */
export async function tokenFor(db: Db, userId: number): Promise<string> {
  return (await createApiToken(db, userId, { label: 'test', days: 30, actor: 'test', now: new Date('2026-05-01T00:00:00Z') })).token;
}

/** Import a sample of the July 2025 tree (communes named Tân Lập or Mê Linh). */
export async function addCommunes(db: Db): Promise<void> {
  const csv = readFileSync(new URL('../../fixtures/units/communes-2025-07-sample.csv', import.meta.url), 'utf8');
  expect((await importUnits(db, csv)).bad).toEqual([]);
}

/** What a resident answers, step by step. */
export interface Answers {
  start?: string;
  name?: string;
  phone?: string;
  place?: string;
  time?: string;
  question?: string;
  consent?: string;
}

/** Run the whole resident flow through the chat and return the last reply text. */
export async function askForCallback(chat: ChatScript, a: Answers = {}): Promise<string> {
  await chat.send(a.start ?? 'tôi muốn được cán bộ gọi lại tư vấn');
  expect(chat.text).toMatch(/họ tên/);
  await chat.send(a.name ?? 'Nguyễn Văn An');
  if (/xác nhận/.test(chat.text)) await chat.send('Gọi số này');
  else await chat.send(a.phone ?? '0912345678');
  expect(chat.text).toMatch(/xã\/phường hoặc huyện/);
  await chat.send(a.place ?? 'huyen me linh');
  expect(chat.text).toMatch(/lúc nào/);
  await chat.send(a.time ?? 'Buổi sáng');
  await chat.send(a.question ?? 'mức đóng hằng tháng');
  expect(chat.text).toMatch(/đồng ý/);
  await chat.send(a.consent ?? 'Đồng ý');
  return chat.text;
}

/** The only request in the database (fails when there is not exactly one). */
export async function onlyRequest(db: Db): Promise<CallbackRequestRow> {
  const rows = await db.select().from(callbackRequests);
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

/** Texts queued for an address, oldest first. */
export async function queuedTo(db: Db, address: string): Promise<string[]> {
  return (await db.select({ text: outbox.text }).from(outbox).where(eq(outbox.address, address)).orderBy(asc(outbox.id))).map((r) => r.text);
}

/** The reference in a confirmation text. */
export function referenceIn(text: string): string {
  const m = /\b([A-Z]{2}[0-9]{4})\b/.exec(text);
  expect(m, `no reference in: ${text}`).not.toBeNull();
  return m![1]!;
}
