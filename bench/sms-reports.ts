/**
 * Staff reports ("BC <n>") through the Android SMS gateway webhook, end to end: signed requests → the real service
 * in a child process (bench/servers/channels-service.ts, fake providers in the child) → dispatcher → report flow →
 * SQLite; replies queued for the fake gateway. Staff are imported first (importStaff) with their phones.
 * Afterwards the SQLite file is opened read-only to check that every accepted webhook stored exactly one report.
 *
 * Run directly: `node --import tsx bench/sms-reports.ts` (BENCH_SECONDS shortens the paced run, BENCH_REPORTS sets
 * the size of the flat-out run).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import autocannon from 'autocannon';
import { CHANNEL_SERVER, androidReceived, startGuarded, type SignedRequest } from './signed-requests.ts';
import { staffPhoneE164 } from './servers/channels-service.ts';

const STAFF = 3000;
const GOAL = 500;
const ADMIN_TOKEN = 'bench-admin-token-0123456789';

interface CountedRun {
  requests: number;
  ok2xx: number;
  non2xx: number;
  errors: number;
  perSec: number;
  p50: number;
  p99: number;
}

/** A fixed number of requests (so every response is counted: nothing is left in flight at the end). */
async function run(
  url: string,
  opts: { amount: number; connections: number; rate?: number; make: () => SignedRequest },
): Promise<CountedRun> {
  const t0 = performance.now();
  const result = await autocannon({
    url,
    method: 'POST',
    connections: opts.connections,
    amount: opts.amount,
    ...(opts.rate && { overallRate: opts.rate }),
    requests: [
      {
        setupRequest: (req) => {
          const r = opts.make();
          return { ...req, method: 'POST', path: r.path, headers: r.headers, body: r.body };
        },
      },
    ],
  });
  const ms = performance.now() - t0;
  return {
    requests: result.requests.total,
    ok2xx: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    perSec: Math.round((result['2xx'] / ms) * 1000),
    p50: result.latency.p50,
    p99: result.latency.p99,
  };
}

export async function benchSmsReports(): Promise<{ name: string; lines: string[] }> {
  const seconds = Number(process.env['BENCH_SECONDS'] ?? 10);
  const flatOut = Number(process.env['BENCH_REPORTS'] ?? 10000);
  const dataDir = mkdtempSync(join(tmpdir(), 'bhxh-bench-sms-reports-'));
  const runId = Date.now();
  let i = 0;
  // Staff rotate; counts stay under the sanity limit so no confirmation is asked for.
  const make = (): SignedRequest => {
    const k = i++;
    return androidReceived(staffPhoneE164(k % STAFF), `BC ${k % 60}`, `bench${runId}r${k}`);
  };
  try {
    const t0 = performance.now();
    const svc = await startGuarded(CHANNEL_SERVER, {
      BENCH_MODE: 'service',
      BENCH_DATA_DIR: dataDir,
      BENCH_STAFF: String(STAFF),
      CAMPAIGN_LAUNCH_AT: '2026-05-23T08:00',
      ADMIN_TOKEN,
      LOG_LEVEL: 'error',
    });
    const startMs = Math.round(performance.now() - t0);
    let warm: CountedRun, max: CountedRun, paced: CountedRun;
    let progress: { total?: number } | undefined;
    let rss = 0;
    try {
      warm = await run(svc.url, { amount: 1000, connections: 10, make });
      max = await run(svc.url, { amount: flatOut, connections: 10, make });
      paced = await run(svc.url, { amount: GOAL * seconds, connections: 10, rate: GOAL, make });
      const res = await fetch(`${svc.url}/admin/progress`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
      if (res.ok) progress = ((await res.json()) as { unit?: { total?: number } }).unit;
      rss = svc.peakRssMiB();
    } finally {
      await svc.stop();
    }

    // Verify in the database (read-only, after the service closed it cleanly).
    const db = new Database(join(dataDir, 'bhxh-outreach.db'), { readonly: true, fileMustExist: true });
    const stored = (db.prepare('SELECT COUNT(*) AS n FROM signup_reports').get() as { n: number }).n;
    const current = db.prepare('SELECT COUNT(*) AS n, COALESCE(SUM(count), 0) AS total FROM signup_reports WHERE superseded_by IS NULL').get() as {
      n: number;
      total: number;
    };
    const inbound = (db.prepare(`SELECT COUNT(*) AS n FROM inbound_messages WHERE channel = 'sms'`).get() as { n: number }).n;
    const replies = (db.prepare(`SELECT COUNT(*) AS n FROM outbox WHERE channel = 'sms'`).get() as { n: number }).n;
    db.close();

    const sent = warm.requests + max.requests + paced.requests;
    const accepted = warm.ok2xx + max.ok2xx + paced.ok2xx;
    const verdict = max.perSec >= GOAL ? 'ok' : 'SLOW';
    const match = stored === accepted ? 'equal' : 'MISMATCH';
    return {
      name: 'SMS reports: "BC <n>" through the Android gateway webhook, end to end',
      lines: [
        `${STAFF} field staff imported (one phone each, communes in turn); service child started in ${startMs} ms (import included). Each request is a signed \`sms:received\` with a unique messageId, "BC <0–59>", staff rotating; 10 connections.`,
        '',
        '| run | requests | reports/s | p50 ms | p99 ms | non-2xx | errors |',
        '|---|---|---|---|---|---|---|',
        `| warm-up | ${warm.requests} | ${warm.perSec} | ${warm.p50} | ${warm.p99} | ${warm.non2xx} | ${warm.errors} |`,
        `| flat out | ${max.requests} | **${max.perSec}** | ${max.p50} | ${max.p99} | ${max.non2xx} | ${max.errors} |`,
        `| paced at ${GOAL}/s for ${seconds} s | ${paced.requests} | ${paced.perSec} | ${paced.p50} | ${paced.p99} | ${paced.non2xx} | ${paced.errors} |`,
        '',
        `Flat out: **${max.perSec} reports/s** (goal ≥ ${GOAL}/s: ${verdict}).`,
        `Check: ${sent} webhooks sent, ${accepted} accepted (2xx); ${stored} reports stored (${match}); ${inbound} inbound SMS rows; ${replies} SMS replies queued; ${current.n} current reports (one per staff × unit × day) summing to ${current.total}${progress?.total !== undefined ? `, nation total from GET /admin/progress: ${progress.total}` : ''}. Peak RSS of the service: ${rss} MiB.`,
      ],
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchSmsReports();
  console.log(`## ${r.name}\n\n${r.lines.join('\n')}`);
  process.exit(0);
}
