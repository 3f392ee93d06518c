/**
 * Several instances on one PostgreSQL, sending: the scenario of test/db/pg-instances.test.ts (three `serve`
 * processes, signed webhooks each posted to two instances at once, 10,000 bulk messages to a counting fake Bot API
 * limited to 250/s, the leader killed with SIGKILL mid-send), run BENCH_INSTANCE_RUNS times (default 3), each on a
 * fresh database. Reported against the limit in the same run: the rate after the hand-over (goal: within 5 %), the
 * peak one-second window (never over), the duplicates (within the in-flight window) and the hand-over gap.
 */
import { OUTBOX_IN_FLIGHT } from '../src/jobs/send-outbox.ts';
import { runInstances, type InstancesOutcome } from '../test/support/instances.ts';
import { createBenchDatabase, skippedLine } from './pg-database.ts';

const PEOPLE = 10_000;
const RATE = 250;
const UPDATES = 300;
const LEASE_SECONDS = 15;

const pct = (x: number): string => `${x >= 0 ? '+' : '−'}${Math.abs(x * 100).toFixed(1)} %`;

export async function benchInstances(): Promise<{ name: string; lines: string[] }> {
  const name = 'Several instances on PostgreSQL: sending at the limit through a leader that dies';
  const runs = Number(process.env['BENCH_INSTANCE_RUNS'] ?? 3);
  const results: InstancesOutcome[] = [];
  for (let i = 0; i < runs; i++) {
    let database;
    try {
      database = await createBenchDatabase();
    } catch (err) {
      return { name, lines: [skippedLine(err)] };
    }
    try {
      results.push(await runInstances(database.url, { people: PEOPLE, rate: RATE, updates: UPDATES, leaseSeconds: LEASE_SECONDS }));
    } finally {
      await database.drop();
    }
  }
  const steady = results.map((r) => r.steady).sort((a, b) => a - b);
  const median = steady[Math.floor(steady.length / 2)]!;
  const worstPeak = Math.max(...results.map((r) => r.peak));
  const lost = results.reduce((n, r) => n + (PEOPLE - r.people), 0);
  const twice = results.reduce((n, r) => n + (r.inbound - UPDATES), 0);
  return {
    name,
    lines: [
      `Three \`serve\` processes on one PostgreSQL; ${UPDATES} signed webhooks each posted to two instances at once; ${PEOPLE.toLocaleString('en')} bulk messages to a counting fake Bot API limited to ${RATE}/s; the leader killed with SIGKILL once about 1,500 have gone; \`OUTBOX_LEASE_SECONDS=${LEASE_SECONDS}\`, \`LEADER_RETRY_SECONDS=1\`. Rates are the fake's arrival times.`,
      '',
      '| run | people reached | duplicates | rows leased by the dead leader | hand-over gap | peak 1-s window | steady after the hand-over | vs limit |',
      '|---|---|---|---|---|---|---|---|',
      ...results.map(
        (r, i) =>
          `| ${i + 1} | ${r.people.toLocaleString('en')} | ${r.duplicates} | ${r.leased.length} | ${(r.gapMs / 1000).toFixed(1)} s | ${r.peak}/s | ${r.steady.toFixed(1)}/s | ${pct(r.steady / RATE - 1)} |`,
      ),
      '',
      `Steady rate after the hand-over, median of ${runs}: **${median.toFixed(1)}/s, ${pct(median / RATE - 1)}** against ${RATE}/s (goal within 5 %: **${median >= RATE * 0.95 ? 'met' : 'not met'}**); ` +
        `peak ${worstPeak}/s (never over ${RATE}/s: ${worstPeak <= RATE ? 'held' : 'NOT held'}); ` +
        `duplicates at most ${Math.max(...results.map((r) => r.duplicates))} (in-flight window ${OUTBOX_IN_FLIGHT}); ${lost} people not reached; ${twice} webhooks processed twice. (Duplicates count any chat that got a message twice, a reply in flight at the kill included.)`,
    ],
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchInstances();
  console.log(`## ${r.name}\n\n${r.lines.join('\n')}`);
}
