/**
 * Callback requests: time to store, assign (round-robin over the unit's consultants, walking up to the parent unit
 * when a district has none) and notify (history + outbox row) one new request while 10,000 requests are open.
 * Baseline in the same run: the same code on a database whose queue starts empty; submissions alternate between
 * the two databases so both see the same machine load. Real SQLite files (WAL).
 * Run directly: `node --import tsx bench/callbacks.ts`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { asc, inArray, sql } from 'drizzle-orm';
import { openDb, transaction, type Db } from '../db/client.ts';
import { seedDefaults } from '../db/seed/seed.ts';
import { addresses, adminUsers, callbackHistory, callbackRequests, contacts, outbox, units } from '../db/schema/index.ts';
import { callbackPolicy, submitRequest } from '../flows/callback/workflow.ts';

const OPEN = 10_000;
const MEASURED = 500;
const ROUNDS = 3;
const NOW = new Date('2026-05-20T03:00:00Z');

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
}

interface Fixture {
  db: Db;
  districts: string[];
  /** Next resident to submit (contact id, phone). */
  next(): { contactId: number; phone: string };
}

/** Rows per multi-row INSERT while building the open queue (well under SQLite's bound-parameter limit). */
const CHUNK = 500;

/** 696 districts, two consultants in every other one (the rest fall back to the province's), residents to submit. */
async function build(path: string, open: number): Promise<Fixture> {
  const db = openDb(path);
  await seedDefaults(db, { now: NOW, launchAt: '2026-05-23T08:00' });
  const tree = await db.select({ code: units.code, level: units.level, parent: units.parentCode }).from(units).orderBy(asc(units.code));
  const districts = tree.filter((u) => u.level === 'district').map((d) => d.code);
  const provinces = tree.filter((u) => u.level === 'province').map((p) => p.code);
  const parentOf = new Map(tree.map((u) => [u.code, u.parent ?? '']));
  const consultantsOf = new Map<string, number[]>();
  await transaction(db, async () => {
    let n = 0;
    const consultant = async (unitScope: string) => {
      const phone = `+8490${String(3_000_000 + ++n).padStart(7, '0')}`;
      const [c] = await db.insert(contacts).values({ name: `TVV ${n}`, phone, role: 'staff', createdAt: NOW }).returning({ id: contacts.id });
      await db.insert(addresses).values({ address: `tel:${phone}`, channel: 'sms', contactId: c!.id, lastInboundAt: NOW, createdAt: NOW });
      const [u] = await db
        .insert(adminUsers)
        .values({ name: `TVV ${n}`, role: 'consultant', unitScope, contactId: c!.id, active: true, createdAt: NOW })
        .returning({ id: adminUsers.id });
      consultantsOf.set(unitScope, [...(consultantsOf.get(unitScope) ?? []), u!.id]);
    };
    for (const [i, d] of districts.entries()) if (i % 2 === 0) for (let k = 0; k < 2; k++) await consultant(d);
    for (const p of provinces) await consultant(p);
  });
  let made = 0;
  /** `count` residents with an SMS address, in multi-row inserts. */
  const residents = async (count: number): Promise<{ contactId: number; phone: string }[]> => {
    const out: { contactId: number; phone: string }[] = [];
    for (let from = 0; from < count; from += CHUNK) {
      const phones = Array.from({ length: Math.min(CHUNK, count - from) }, () => `+8491${String(1_000_000 + made++).padStart(7, '0')}`);
      const inserted = await db.insert(contacts).values(phones.map((phone) => ({ phone, createdAt: NOW }))).returning({ id: contacts.id, phone: contacts.phone });
      const people = inserted.map((c) => ({ contactId: c.id, phone: c.phone! }));
      await db.insert(addresses).values(people.map((r) => ({ address: `tel:${r.phone}`, channel: 'sms' as const, contactId: r.contactId, createdAt: NOW })));
      out.push(...people);
    }
    return out;
  };
  // The open queue, written directly (as the flow would have left it): request, two history lines, the notification.
  await transaction(db, async () => {
    const people = await residents(open);
    for (let from = 0; from < open; from += CHUNK) {
      const batch = people.slice(from, from + CHUNK).map((r, k) => {
        const i = from + k;
        const unit = districts[i % districts.length]!;
        const pool = consultantsOf.get(unit) ?? consultantsOf.get(parentOf.get(unit) ?? '') ?? [];
        const at = new Date(NOW.getTime() - (open - i) * 1000);
        // Unique references of the right shape: AQ0000 … AQ9999, BQ0000 …
        const reference = `${String.fromCharCode(65 + Math.floor(i / 10_000))}Q${String(i % 10_000).padStart(4, '0')}`;
        return {
          reference, contactId: r.contactId, address: `tel:${r.phone}`, phone: r.phone, name: 'Nguyễn Văn An', unitCode: unit,
          preferredTime: 'morning' as const, topic: 'mức đóng', consentAt: at, status: 'assigned' as const,
          assigneeId: pool[i % Math.max(1, pool.length)] ?? null, assignedAt: at, deadlineAt: new Date(at.getTime() + 4 * 3_600_000),
          createdAt: at, updatedAt: at,
        };
      });
      const ids = await db.insert(callbackRequests).values(batch).returning({ id: callbackRequests.id, at: callbackRequests.createdAt });
      await db.insert(callbackHistory).values(ids.flatMap(({ id, at }) => (['created', 'assigned'] as const).map((event) => ({ callbackId: id, at, event, actor: 'system' }))));
      await db.insert(outbox).values(
        batch.map((b) => ({ contactId: b.contactId, address: b.address, channel: 'sms', text: 'Yêu cầu gọi lại mới', priority: 0, status: 'sent' as const, nextAttemptAt: b.createdAt, createdAt: b.createdAt })),
      );
    }
  });
  const pending = await transaction(db, () => residents(ROUNDS * MEASURED));
  return { db, districts, next: () => pending.shift()! };
}

/** Measure assign + notify with 10,000 open requests against an empty queue; returns printable lines. */
export async function benchCallbacks(): Promise<{ name: string; lines: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-callbacks-'));
  try {
    const tSeed = performance.now();
    const full = await build(join(dir, 'full.db'), OPEN);
    const empty = await build(join(dir, 'empty.db'), 0);
    const seedMs = performance.now() - tSeed;
    const policy = callbackPolicy({ deadlineHours: 4 }, '1900 9068');
    const submit = async (f: Fixture, i: number): Promise<number> => {
      const { contactId, phone } = f.next();
      const t0 = performance.now();
      await transaction(f.db, () =>
        submitRequest(f.db, NOW, policy, {
          contactId,
          address: `tel:${phone}`,
          name: 'Nguyễn Văn An',
          phone,
          unitCode: f.districts[(i * 7) % f.districts.length]!,
          preferredTime: 'morning',
          topic: 'mức đóng hằng tháng',
          consentText: 'đồng ý',
        }),
      );
      return performance.now() - t0;
    };
    // Warm up statement caches.
    for (let i = 0; i < 7; i++) {
      await submit(full, i);
      await submit(empty, i);
    }
    const rounds: { full: number[]; empty: number[] }[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const a: number[] = [];
      const b: number[] = [];
      for (let i = 0; i < MEASURED - 7; i++) {
        a.push(await submit(full, i));
        b.push(await submit(empty, i));
      }
      rounds.push({ full: a, empty: b });
    }
    const stats = rounds
      .map((r) => ({ f50: percentile(r.full, 50), f99: percentile(r.full, 99), e50: percentile(r.empty, 50), e99: percentile(r.empty, 99) }))
      .sort((x, y) => x.f99 / x.e99 - y.f99 / y.e99);
    const mid = stats[Math.floor(stats.length / 2)]!;
    const [openRow] = await full.db
      .select({ n: sql<number>`count(*)` })
      .from(callbackRequests)
      .where(inArray(callbackRequests.status, ['new', 'assigned', 'taken']));
    const open = Number(openRow?.n ?? 0);
    full.db.$client.close();
    empty.db.$client.close();
    return {
      name: 'Callbacks: assign and notify with 10,000 open requests',
      lines: [
        `${OPEN.toLocaleString('en')} open requests (assigned, with history and notifications) written first; set-up took ${Math.round(seedMs / 1000)} s; ${open.toLocaleString('en')} open at the end.`,
        `${ROUNDS} rounds of ${MEASURED - 7} new requests per database, alternating between the full queue and an empty one (the baseline); the median round by p99 ratio:`,
        '',
        '| one new request: store + round-robin assignment (parent unit when none) + history + notification in the outbox | p50 | p99 |',
        '|---|---|---|',
        `| 10,000 open requests | ${mid.f50.toFixed(2)} ms | ${mid.f99.toFixed(2)} ms |`,
        `| baseline: empty queue | ${mid.e50.toFixed(2)} ms | ${mid.e99.toFixed(2)} ms |`,
        `| ratio | ${(mid.f50 / mid.e50).toFixed(2)}× | ${(mid.f99 / mid.e99).toFixed(2)}× |`,
        '',
        'Each request is one transaction on a SQLite file in WAL mode (synchronous=NORMAL), as in the chat flow. The round-robin',
        'pick is one query (unit chain + each consultant\'s latest assignment through the `(assignee_id, assigned_at)` index), so',
        'the queue\'s size should not show; most of the time is drizzle building SQL for the dozen statements of a request.',
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const r = await benchCallbacks();
  console.log(`## ${r.name}\n\n${r.lines.join('\n')}`);
}
