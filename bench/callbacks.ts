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
import { inTransaction, openDb, type Db } from '../db/client.ts';
import { seedDefaults } from '../db/seed/seed.ts';
import { addresses, adminUsers, contacts } from '../db/schema/index.ts';
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

/** 696 districts, two consultants in every other one (the rest fall back to the province's), residents to submit. */
function build(path: string, open: number): Fixture {
  const db = openDb(path);
  seedDefaults(db, { now: NOW, launchAt: '2026-05-23T08:00' });
  const districts = (db.$client.prepare(`SELECT code FROM units WHERE level = 'district' ORDER BY code`).all() as { code: string }[]).map((d) => d.code);
  const provinces = (db.$client.prepare(`SELECT code FROM units WHERE level = 'province' ORDER BY code`).all() as { code: string }[]).map((p) => p.code);
  const consultantsOf = new Map<string, number[]>();
  inTransaction(db, () => {
    let n = 0;
    const consultant = (unitScope: string) => {
      const phone = `+8490${String(3_000_000 + ++n).padStart(7, '0')}`;
      const c = db.insert(contacts).values({ name: `TVV ${n}`, phone, role: 'staff', createdAt: NOW }).returning().get();
      db.insert(addresses).values({ address: `tel:${phone}`, channel: 'sms', contactId: c.id, lastInboundAt: NOW, createdAt: NOW }).run();
      const u = db.insert(adminUsers).values({ name: `TVV ${n}`, role: 'consultant', unitScope, contactId: c.id, active: true, createdAt: NOW }).returning().get();
      consultantsOf.set(unitScope, [...(consultantsOf.get(unitScope) ?? []), u.id]);
    };
    districts.forEach((d, i) => i % 2 === 0 && [0, 1].forEach(() => consultant(d)));
    provinces.forEach((p) => consultant(p));
  });
  // The open queue, written directly (as the flow would have left it): request, two history lines, the notification.
  const insert = db.$client.prepare(
    `INSERT INTO callback_requests (reference, contact_id, address, phone, name, unit_code, preferred_time, topic, consent_at, status, assignee_id, assigned_at, deadline_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, 'Nguyễn Văn An', ?, 'morning', 'mức đóng', ?, 'assigned', ?, ?, ?, ?, ?)`,
  );
  const history = db.$client.prepare(`INSERT INTO callback_history (callback_id, at, event, actor) VALUES (?, ?, ?, 'system')`);
  const outbox = db.$client.prepare(
    `INSERT INTO outbox (contact_id, address, channel, text, priority, status, next_attempt_at, created_at) VALUES (?, ?, 'sms', 'Yêu cầu gọi lại mới', 0, 'sent', ?, ?)`,
  );
  let made = 0;
  const resident = () => {
    const phone = `+8491${String(1_000_000 + made++).padStart(7, '0')}`;
    const c = db.insert(contacts).values({ phone, createdAt: NOW }).returning().get();
    db.insert(addresses).values({ address: `tel:${phone}`, channel: 'sms', contactId: c.id, createdAt: NOW }).run();
    return { contactId: c.id, phone };
  };
  inTransaction(db, () => {
    for (let i = 0; i < open; i++) {
      const r = resident();
      const unit = districts[i % districts.length]!;
      const parent = db.$client.prepare<[string], { p: string }>('SELECT parent_code AS p FROM units WHERE code = ?').get(unit)?.p ?? '';
      const pool = consultantsOf.get(unit) ?? consultantsOf.get(parent) ?? [];
      const at = NOW.getTime() - (open - i) * 1000;
      // Unique references of the right shape: AQ0000 … AQ9999, BQ0000 …
      const ref = `${String.fromCharCode(65 + Math.floor(i / 10_000))}Q${String(i % 10_000).padStart(4, '0')}`;
      const id = Number(insert.run(ref, r.contactId, `tel:${r.phone}`, r.phone, unit, at, pool[i % Math.max(1, pool.length)] ?? null, at, at + 4 * 3_600_000, at, at).lastInsertRowid);
      history.run(id, at, 'created');
      history.run(id, at, 'assigned');
      outbox.run(r.contactId, `tel:${r.phone}`, at, at);
    }
  });
  const pending: { contactId: number; phone: string }[] = [];
  inTransaction(db, () => {
    for (let i = 0; i < ROUNDS * MEASURED; i++) pending.push(resident());
  });
  return { db, districts, next: () => pending.shift()! };
}

/** Measure assign + notify with 10,000 open requests against an empty queue; returns printable lines. */
export async function benchCallbacks(): Promise<{ name: string; lines: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-callbacks-'));
  try {
    const tSeed = performance.now();
    const full = build(join(dir, 'full.db'), OPEN);
    const empty = build(join(dir, 'empty.db'), 0);
    const seedMs = performance.now() - tSeed;
    const policy = callbackPolicy({ deadlineHours: 4 }, '1900 9068');
    const submit = (f: Fixture, i: number): number => {
      const { contactId, phone } = f.next();
      const t0 = performance.now();
      inTransaction(f.db, () =>
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
      submit(full, i);
      submit(empty, i);
    }
    const rounds: { full: number[]; empty: number[] }[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const a: number[] = [];
      const b: number[] = [];
      for (let i = 0; i < MEASURED - 7; i++) {
        a.push(submit(full, i));
        b.push(submit(empty, i));
      }
      rounds.push({ full: a, empty: b });
    }
    const stats = rounds
      .map((r) => ({ f50: percentile(r.full, 50), f99: percentile(r.full, 99), e50: percentile(r.empty, 50), e99: percentile(r.empty, 99) }))
      .sort((x, y) => x.f99 / x.e99 - y.f99 / y.e99);
    const mid = stats[Math.floor(stats.length / 2)]!;
    const open = (full.db.$client.prepare(`SELECT count(*) AS n FROM callback_requests WHERE status IN ('new','assigned','taken')`).get() as { n: number }).n;
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
