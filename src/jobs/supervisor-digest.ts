/**
 * Send each supervisor a digest of their subtree (total and % of target, the five units furthest behind, the
 * districts with no report today) once the local time reaches `config.reports.digestAt` (default 18:00).
 * Once per supervisor per day, recorded like the reminder job (`job:supervisor-digest:<day>` in settings).
 */
import { eq } from 'drizzle-orm';
import { transaction, type Db } from '../../db/client.ts';
import { rollUp } from '../../db/queries/progress.ts';
import { pickAddress } from '../core/contacts.ts';
import { addresses, contacts } from '../../db/schema/index.ts';
import { SMS_MAX_CHARS, formatSubtreeProgress } from '../../flows/report/texts.ts';
import { capabilitiesOf, type ChannelCapabilities } from '../core/channel.ts';
import { localDay } from '../core/clock.ts';
import type { Logger } from '../core/log.ts';
import { channelOf, type ChannelName } from '../core/message.ts';
import { queueMessages } from '../core/outbox.ts';
import type { Config } from '../config.ts';
import { isDue, markDone, readDone } from './remind-reporters.ts';

export interface SupervisorDigestDeps {
  db: Db;
  config: Pick<Config, 'reports' | 'quietHours'>;
  log?: Logger;
  /** What each channel can render, as the channels declare it (default: the core's assumptions). */
  capabilities?: (channel: ChannelName) => ChannelCapabilities;
}

export interface SupervisorDigestStats {
  /** False before the digest hour (or once quiet hours begin): nothing was looked at. */
  due: boolean;
  queued: number;
  alreadySent: number;
  /** No usable address, opted out, unknown unit, or a bad row. */
  skipped: number;
}

const JOB = 'supervisor-digest';

/** One pass of the digest job at `now`. */
export async function run(deps: SupervisorDigestDeps, now: Date): Promise<SupervisorDigestStats> {
  const stats: SupervisorDigestStats = { due: false, queued: 0, alreadySent: 0, skipped: 0 };
  if (!isDue(now, deps.config.reports.digestAt, deps.config.quietHours.start)) return stats;
  stats.due = true;
  const { db } = deps;
  const capabilities = deps.capabilities ?? capabilitiesOf([]);
  const today = localDay(now);
  return transaction(db, async (tx) => {
    const done = await readDone(tx, JOB, today);
    const supervisors = await tx.select().from(contacts).where(eq(contacts.role, 'supervisor'));
    if (supervisors.length === 0) return stats;
    const rollup = await rollUp(tx, { today });
    const addrs = await tx.select().from(addresses);
    const items: Parameters<typeof queueMessages>[2] = [];
    const newlyDone: number[] = [];
    for (const s of supervisors) {
      try {
        if (done.has(s.id)) {
          stats.alreadySent++;
          continue;
        }
        const code = s.unitCode ?? rollup.root.code;
        const address = s.optedOut ? null : pickAddress(addrs, s.id);
        if (!address || !rollup.units.has(code)) {
          stats.skipped++;
          continue;
        }
        const channel = channelOf(address);
        const max = channel === 'sms' ? SMS_MAX_CHARS : capabilities(channel).maxLength;
        items.push({ contactId: s.id, address, text: formatSubtreeProgress(rollup, code, max, 'Tổng hợp cuối ngày:'), priority: 'bulk' });
        newlyDone.push(s.id);
      } catch (err) {
        stats.skipped++;
        deps.log?.warn({ err, contactId: s.id }, `${JOB}: skipped a supervisor`);
      }
    }
    await queueMessages(tx, now, items);
    stats.queued = items.length;
    await markDone(tx, JOB, today, [...done, ...newlyDone], now);
    deps.log?.info({ job: JOB, ...stats }, `${JOB} done`);
    return stats;
  });
}
