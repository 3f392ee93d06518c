/**
 * Remind field staff whose units have not reported today. Runs on every tick; does something from the local
 * time `config.reports.reminderAt` (default 16:30) until quiet hours begin. Once per staff member per day: the contacts already
 * reminded today are kept in one settings row (`job:remind-reporters:<day>`) written in the same transaction as
 * their outbox rows, so a second run (or a restart) never queues twice, while staff added later still get one.
 */
import { eq, inArray, like, and, ne } from 'drizzle-orm';
import { transaction, type Db } from '../../db/client.ts';
import { rollUp } from '../../db/queries/progress.ts';
import { addresses, contacts, settings, staffUnits, units } from '../../db/schema/index.ts';
import { pickAddress } from '../core/contacts.ts';
import { REPORT_TEXTS } from '../../flows/report/texts.ts';
import { localDay, localMinutes, parseHhmm } from '../core/clock.ts';
import type { Logger } from '../core/log.ts';
import { queueMessages } from '../core/outbox.ts';
import type { Config } from '../config.ts';

export interface RemindReportersDeps {
  db: Db;
  config: Pick<Config, 'reports' | 'quietHours'>;
  log?: Logger;
}

export interface RemindReportersStats {
  /** False before the reminder hour (or once quiet hours begin): nothing was looked at. */
  due: boolean;
  /** Staff whose units all reported (no reminder needed). */
  upToDate: number;
  /** Reminders queued now. */
  queued: number;
  /** Staff already reminded today by an earlier run. */
  alreadyReminded: number;
  /** Staff with no usable address, opted out, or a bad row. */
  skipped: number;
}

const JOB = 'remind-reporters';

/** One pass of the reminder job at `now`. */
export async function run(deps: RemindReportersDeps, now: Date): Promise<RemindReportersStats> {
  const stats: RemindReportersStats = { due: false, upToDate: 0, queued: 0, alreadyReminded: 0, skipped: 0 };
  if (!isDue(now, deps.config.reports.reminderAt, deps.config.quietHours.start)) return stats;
  stats.due = true;
  const { db } = deps;
  const today = localDay(now);
  return transaction(db, async (tx) => {
    const done = await readDone(tx, JOB, today);
    const rollup = await rollUp(tx, { today });
    const staff = await tx
      .select({ id: contacts.id, unitCode: contacts.unitCode, optedOut: contacts.optedOut })
      .from(contacts)
      .where(inArray(contacts.role, ['staff']));
    const extra = new Map<number, string[]>();
    for (const su of await tx.select().from(staffUnits)) extra.set(su.contactId, [...(extra.get(su.contactId) ?? []), su.unitCode]);
    const addrs = await tx.select().from(addresses);
    const names = new Map((await tx.select({ code: units.code, name: units.name }).from(units)).map((u) => [u.code, u.name]));
    const items: Parameters<typeof queueMessages>[2] = [];
    const newlyDone: number[] = [];
    for (const s of staff) {
      try {
        const codes = [...new Set([...(s.unitCode ? [s.unitCode] : []), ...(extra.get(s.id) ?? [])])];
        const missing = codes.filter((c) => {
          const u = rollup.units.get(c);
          return u !== undefined && (u.level === 'district' || u.level === 'commune') && !u.reportedToday;
        });
        if (missing.length === 0) {
          stats.upToDate++;
          continue;
        }
        if (done.has(s.id)) {
          stats.alreadyReminded++;
          continue;
        }
        const address = s.optedOut ? null : pickAddress(addrs, s.id);
        if (!address) {
          stats.skipped++;
          continue;
        }
        const list = missing.map((code) => ({ code, name: names.get(code) ?? code }));
        items.push({ contactId: s.id, address, text: REPORT_TEXTS.reminder(today, list, codes.length > 1), priority: 'bulk' });
        newlyDone.push(s.id);
      } catch (err) {
        stats.skipped++;
        deps.log?.warn({ err, contactId: s.id }, `${JOB}: skipped a staff member`);
      }
    }
    await queueMessages(tx, now, items);
    stats.queued = items.length;
    await markDone(tx, JOB, today, [...done, ...newlyDone], now);
    deps.log?.info({ job: JOB, ...stats }, `${JOB} done`);
    return stats;
  });
}

/**
 * A daily job is due from `at` (local time) until quiet hours begin: a reminder queued later would wait for the
 * morning and then talk about "today" on the wrong day.
 */
export function isDue(now: Date, at: string, quietStart: string): boolean {
  const minutes = localMinutes(now);
  const from = parseHhmm(at);
  const until = parseHhmm(quietStart);
  return minutes >= from && (until <= from || minutes < until);
}

/** Contacts a daily job already handled on `day` (kept in the settings row `job:<job>:<day>`). */
export async function readDone(db: Db, job: string, day: string): Promise<Set<number>> {
  const [row] = await db.select().from(settings).where(eq(settings.key, `job:${job}:${day}`));
  if (!row) return new Set();
  try {
    const ids = JSON.parse(row.value) as unknown;
    return new Set(Array.isArray(ids) ? ids.filter((v): v is number => typeof v === 'number') : []);
  } catch {
    return new Set();
  }
}

/** Record the contacts handled on `day`, and forget earlier days of the same job. */
export async function markDone(db: Db, job: string, day: string, ids: number[], now: Date): Promise<void> {
  const key = `job:${job}:${day}`;
  const value = JSON.stringify([...new Set(ids)].sort((a, b) => a - b));
  await db.insert(settings).values({ key, value, updatedAt: now }).onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: now } });
  // LIKE on a key written in lower case by this file: case-sensitive on PostgreSQL, the same rows on both engines.
  await db.delete(settings).where(and(like(settings.key, `job:${job}:%`), ne(settings.key, key)));
}
