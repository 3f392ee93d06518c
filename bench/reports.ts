/**
 * Roll-up benchmark: 700 districts × 31 days × 2 reports a day (two reporters per district), goal < 50 ms for
 * the full roll-up units → provinces → nation. Run directly: `node --import tsx bench/reports.ts`.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { openDb, type Db } from '../db/client.ts';
import { countsByUnitDay, rollUp } from '../db/queries/progress.ts';
import { seedDefaults } from '../db/seed/seed.ts';
import { addresses, contacts, units } from '../db/schema/index.ts';
import { buildProgressTable } from '../flows/report/export-progress.ts';
import { createLinkFlow, createProgressFlow, createReportFlow } from '../flows/report/flow.ts';
import { fixedClock } from '../src/core/clock.ts';
import { createDispatcher } from '../src/core/dispatcher.ts';
import { end, type Flow } from '../src/core/flow.ts';
import { createLogger } from '../src/core/log.ts';
import { capabilitiesOf } from '../src/core/channel.ts';

const DISTRICTS = 700;
const DAYS = 31;
const GOAL_MS = 50;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

async function time(runs: number, fn: () => Promise<unknown>): Promise<{ median: number; max: number }> {
  await fn(); // warm up statement caches
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  return { median: median(ms), max: Math.max(...ms) };
}

/** Measure the roll-up on a realistic month of reports; returns printable lines. */
export async function benchReports(): Promise<{ name: string; lines: string[] }> {
  const now = new Date('2026-06-01T03:00:00Z');
  const db = openDb(':memory:');
  await seedDefaults(db, { now, launchAt: '2026-05-23T08:00' });
  // The default tree has 696 districts; add a few under the first province to reach 700.
  let districts = db.$client.prepare(`SELECT code FROM units WHERE level = 'district'`).all() as { code: string }[];
  for (let i = 0; districts.length + i < DISTRICTS; i++) {
    db.insert(units).values({ code: `X${i}`, name: `Huyện thử ${i}`, level: 'district', parentCode: '01' }).run();
  }
  districts = (db.$client.prepare(`SELECT code FROM units WHERE level = 'district'`).all() as { code: string }[]).slice(0, DISTRICTS);
  const reporterA = db.insert(contacts).values({ name: 'A', role: 'staff', createdAt: now }).returning().get().id;
  const reporterB = db.insert(contacts).values({ name: 'B', role: 'staff', createdAt: now }).returning().get().id;
  const insert = db.$client.prepare(
    'INSERT INTO signup_reports (unit_code, reporter_id, day, count, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  let rows = 0;
  const tSeed = performance.now();
  db.$client.transaction(() => {
    for (const d of districts) {
      for (let day = 1; day <= DAYS; day++) {
        const iso = `2026-05-${String(day).padStart(2, '0')}`;
        insert.run(d.code, reporterA, iso, (day * 7 + d.code.length) % 13, now.getTime());
        insert.run(d.code, reporterB, iso, (day * 3) % 5, now.getTime());
        rows += 2;
      }
    }
  })();
  const seedMs = performance.now() - tSeed;
  db.$client.exec('ANALYZE');

  const roll = await time(30, () => rollUp(db, { today: '2026-05-31' }));
  const perDay = await time(10, () => countsByUnitDay(db));
  const table = await time(5, () => buildProgressTable(db, { now }));
  const check = await rollUp(db, { today: '2026-05-31' });
  const throughput = await reportsThroughput(db, districts.map((d) => d.code));
  db.$client.close();
  const verdict = roll.median < GOAL_MS ? 'ok' : 'SLOW';
  return {
    name: 'reports roll-up',
    lines: [
      `${districts.length} districts × ${DAYS} days × 2 reports/day = ${rows} reports (seeded in ${seedMs.toFixed(0)} ms)`,
      `rollUp (units → provinces → nation): median ${roll.median.toFixed(1)} ms, max ${roll.max.toFixed(1)} ms — goal < ${GOAL_MS} ms: ${verdict}`,
      `countsByUnitDay (export rows): median ${perDay.median.toFixed(1)} ms`,
      `buildProgressTable (export table, ${check.units.size} units): median ${table.median.toFixed(1)} ms`,
      `nation total ${check.root.total} / target ${check.root.target}`,
      `"BC <n>" through the dispatcher (SMS address, no HTTP): ${throughput.toFixed(0)} reports/s on a db holding ${rows} reports`,
    ],
  };
}

/** Reports per second through the real dispatcher and report flow (dedupe, contact, step, queue reply). */
async function reportsThroughput(db: Db, districtCodes: string[]): Promise<number> {
  const now = new Date('2026-05-31T03:00:00Z');
  const staff = districtCodes.slice(0, 200).map((code, i) => {
    const phone = `+8491${String(2000000 + i).padStart(7, '0')}`;
    const c = db.insert(contacts).values({ name: `Staff ${i}`, phone, role: 'staff', unitCode: code, createdAt: now }).returning().get();
    db.insert(addresses).values({ address: `tel:${phone}`, channel: 'sms', contactId: c.id, createdAt: now }).run();
    return `tel:${phone}` as const;
  });
  const menu: Flow = { id: 'menu', version: 1, start: () => end({ text: 'MENU' }), resume: () => end({ text: 'MENU' }) };
  const dispatcher = createDispatcher({
    db,
    clock: fixedClock(now),
    log: createLogger({ level: 'silent' }),
    flows: [createReportFlow({ sanityLimit: 200 }), createProgressFlow(), createLinkFlow(), menu],
    defaultFlow: { resident: 'menu', staff: 'menu', supervisor: 'menu' },
    menuFlow: 'menu',
    capabilities: capabilitiesOf([]),
  });
  const n = 3000;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const from = staff[i % staff.length] ?? 'tel:+84912000000';
    await dispatcher.handle({ kind: 'text', channel: 'sms', providerId: `bench-${i}`, from, text: `BC ${i % 90}`, receivedAt: now });
  }
  return n / ((performance.now() - t0) / 1000);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const r = await benchReports();
  console.log(`## ${r.name}\n\n${r.lines.join('\n')}`);
}
