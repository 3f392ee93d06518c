/**
 * Callback requests: time to store, assign (round-robin over the unit's consultants, walking up to the parent unit
 * when a district has none) and notify (history + outbox row) one new request while 10,000 requests are open.
 * Baseline in the same run: the bare writes (one request row + one outbox row, no lookups). Real SQLite file (WAL).
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
import { queueMessages } from '../src/core/outbox.ts';

const OPEN = 10_000;
const MEASURED = 2_000;
const ROUNDS = 3;

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
}

/** 700 districts, a consultant in every other one (the rest fall back to the province's), 10,000 open requests. */
function setUp(db: Db, now: Date): { districts: string[]; residents: number[] } {
  const districts = (db.$client.prepare(`SELECT code FROM units WHERE level = 'district' ORDER BY code`).all() as { code: string }[]).map((d) => d.code);
  const provinces = (db.$client.prepare(`SELECT code FROM units WHERE level = 'province' ORDER BY code`).all() as { code: string }[]).map((p) => p.code);
  inTransaction(db, () => {
    let n = 0;
    const consultant = (unitScope: string) => {
      n++;
      const phone = `+8490${String(3_000_000 + n).padStart(7, '0')}`;
      const c = db.insert(contacts).values({ name: `TVV ${n}`, phone, role: 'staff', createdAt: now }).returning().get();
      db.insert(addresses).values({ address: `tel:${phone}`, channel: 'sms', contactId: c.id, lastInboundAt: now, createdAt: now }).run();
      db.insert(adminUsers).values({ name: `TVV ${n}`, role: 'consultant', unitScope, contactId: c.id, active: true, createdAt: now }).run();
    };
    districts.forEach((d, i) => i % 2 === 0 && [0, 1].forEach(() => consultant(d)));
    provinces.forEach((p) => consultant(p));
  });
  const residents: number[] = [];
  inTransaction(db, () => {
    for (let i = 0; i < OPEN + ROUNDS * MEASURED * 2; i++) {
      const phone = `+8491${String(1_000_000 + i).padStart(7, '0')}`;
      const c = db.insert(contacts).values({ phone, createdAt: now }).returning().get();
      db.insert(addresses).values({ address: `tel:${phone}`, channel: 'sms', contactId: c.id, createdAt: now }).run();
      residents.push(c.id);
    }
  });
  return { districts, residents };
}

/** Measure assign + notify with 10,000 open requests; returns printable lines. */
export async function benchCallbacks(): Promise<{ name: string; lines: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-callbacks-'));
  try {
    const now = new Date('2026-05-20T03:00:00Z');
    const db = openDb(join(dir, 'bench.db'));
    seedDefaults(db, { now, launchAt: '2026-05-23T08:00' });
    const { districts, residents } = setUp(db, now);
    const policy = callbackPolicy({ deadlineHours: 4 }, '1900 9068');
    let next = 0;
    const submit = (i: number) => {
      const contactId = residents[next++]!;
      const phone = `+8491${String(1_000_000 + next - 1).padStart(7, '0')}`;
      inTransaction(db, () =>
        submitRequest(db, now, policy, {
          contactId,
          address: `tel:${phone}`,
          name: 'Nguyễn Văn An',
          phone,
          unitCode: districts[i % districts.length]!,
          preferredTime: 'morning',
          topic: 'mức đóng hằng tháng',
          consentText: 'đồng ý',
        }),
      );
    };
    const tSeed = performance.now();
    for (let i = 0; i < OPEN; i++) submit(i);
    const seedMs = performance.now() - tSeed;

    const insertBare = db.$client.prepare(
      `INSERT INTO callback_requests (reference, contact_id, phone, unit_code, status, created_at, updated_at) VALUES (?, ?, ?, ?, 'new', ?, ?)`,
    );
    const bare = (i: number) => {
      const contactId = residents[next++]!;
      inTransaction(db, () => {
        insertBare.run(`ZZ${String(next).padStart(6, '0')}`, contactId, `+849${next}`, districts[i % districts.length]!, now.getTime(), now.getTime());
        queueMessages(db, now, [{ contactId, address: 'tel:+84903000001', text: 'Yêu cầu gọi lại mới', priority: 'reply' }]);
      });
    };
    // Alternate rounds so both sides see the same cache and WAL state; report the median round.
    const rounds: { full: number[]; bare: number[] }[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const full: number[] = [];
      const base: number[] = [];
      for (let i = 0; i < MEASURED; i++) {
        let t0 = performance.now();
        submit(i);
        full.push(performance.now() - t0);
        t0 = performance.now();
        bare(i);
        base.push(performance.now() - t0);
      }
      rounds.push({ full, bare: base });
    }
    const p99s = rounds.map((r) => ({ full: percentile(r.full, 99), bare: percentile(r.bare, 99), f50: percentile(r.full, 50), b50: percentile(r.bare, 50) }));
    p99s.sort((a, b) => a.full / a.bare - b.full / b.bare);
    const mid = p99s[Math.floor(p99s.length / 2)]!;
    const open = (db.$client.prepare(`SELECT count(*) AS n FROM callback_requests WHERE status IN ('new','assigned','taken')`).get() as { n: number }).n;
    db.$client.close();
    return {
      name: 'Callbacks: assign and notify with 10,000 open requests',
      lines: [
        `${OPEN.toLocaleString('en')} requests opened first (${Math.round(seedMs)} ms, ${(seedMs / OPEN).toFixed(2)} ms each); ${open.toLocaleString('en')} open at the end.`,
        `${ROUNDS} rounds of ${MEASURED.toLocaleString('en')} new requests, each alternated with the baseline; the median round by ratio:`,
        '',
        '| | p50 | p99 |',
        '|---|---|---|',
        `| store + assign (round-robin, parent fallback) + history + notify (outbox) | ${mid.f50.toFixed(3)} ms | ${mid.full.toFixed(3)} ms |`,
        `| baseline: bare request row + outbox row | ${mid.b50.toFixed(3)} ms | ${mid.bare.toFixed(3)} ms |`,
        `| ratio | ${(mid.f50 / mid.b50).toFixed(1)}× | ${(mid.full / mid.bare).toFixed(1)}× |`,
        '',
        'Each request is one transaction on a SQLite file in WAL mode (synchronous=NORMAL), as in the chat flow.',
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
