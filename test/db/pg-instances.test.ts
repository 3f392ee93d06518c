/**
 * Several instances on one PostgreSQL, as real processes (`bhxh-outreach serve` with DATABASE_URL; the scenario is
 * test/support/instances.ts, also run by `npm run bench -- instances`):
 * - signed Telegram webhooks spread over three instances, each delivered twice (to two instances at once):
 *   every update is processed once and answered once;
 * - 10,000 bulk messages sent through a counting fake Bot API with a rate limit: only the leader sends, so the
 *   deployment never goes over the limit;
 * - the leader is killed with SIGKILL mid-send and started again: another instance takes over, nobody is lost, the
 *   rows the dead leader had claimed are sent again only once their lease has expired, duplicates stay within the
 *   in-flight window (OUTBOX_IN_FLIGHT), and the restarted instance answers its health check again.
 */
import { describe, expect, it } from 'vitest';
import { OUTBOX_IN_FLIGHT } from '../../src/jobs/send-outbox.ts';
import { runInstances } from '../support/instances.ts';
import { createTestDatabase, hasPg } from '../support/pg.ts';

const PEOPLE = 10_000;
const RATE = 250;
const UPDATES = 300;
const LEASE_SECONDS = 15;

describe.skipIf(!hasPg)('three instances on one PostgreSQL', () => {
  it('process each webhook once, send each message once (within the in-flight window), hold the rate limit, and survive the leader dying', async () => {
    const database = await createTestDatabase();
    try {
      const r = await runInstances(database.url, { people: PEOPLE, rate: RATE, updates: UPDATES, leaseSeconds: LEASE_SECONDS });
      expect(r.failedPosts).toBe(0);
      expect(r.sentBeforeKill).toBeLessThan(PEOPLE);
      expect(r.restarted).toBe(true);
      // The dead leader's leases run from before its death to at most a lease after it.
      expect(r.leased.every((l) => l.until > r.killedAt && l.until <= r.killedAt + LEASE_SECONDS * 1000)).toBe(true);
      expect(r.people).toBe(PEOPLE);
      expect(r.duplicates).toBeLessThanOrEqual(OUTBOX_IN_FLIGHT);
      // Never sent again while the dead leader's lease covered them; sent once it had expired.
      for (const l of r.leased) expect(r.lastSendTo.get(l.chat), `chat ${l.chat}`).toBeGreaterThanOrEqual(l.until);
      // One sender at a time: the whole deployment never goes over the channel's limit (the sender counts each
      // request until a second after the provider answered it; 5 % kept for clock jitter), and it sends close to
      // the limit after the hand-over. The goal (within 5 %) is measured by `npm run bench -- instances` on a quiet
      // machine (docs/BENCHMARKS.md); this test shares the machine with the rest of the suite, so it holds a floor.
      expect(r.peak).toBeLessThanOrEqual(RATE * 1.05);
      expect(r.steady).toBeGreaterThanOrEqual(RATE * 0.85);
      process.stderr.write(
        `three instances: ${PEOPLE} sent to ${r.people} people, ${r.duplicates} duplicates (in-flight window ${OUTBOX_IN_FLIGHT}), ` +
          `${r.leased.length} rows leased by the dead leader, hand-over gap ${r.gapMs} ms, steady ${r.steady.toFixed(1)}/s and peak ${r.peak}/s against ${RATE}/s\n`,
      );
      // Every update processed once and answered once, whichever instances received it.
      expect(r.inbound).toBe(UPDATES);
      expect(r.replyChats).toBe(UPDATES);
      // A reply in flight when the leader died may go twice, like a bulk message: counted in the duplicates above.
      expect(r.replies - UPDATES).toBeLessThanOrEqual(r.duplicates);
    } finally {
      await database.drop();
    }
  }, 240_000);
});
