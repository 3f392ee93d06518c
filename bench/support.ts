import { spawn, type ChildProcess } from 'node:child_process';
import autocannon from 'autocannon';

/** A server in its own process (so the load generator does not steal its event loop). */
export interface ChildServer {
  url: string;
  child: ChildProcess;
  /** Peak resident memory of the child, sampled from /proc while it runs (MiB). */
  peakRssMiB(): number;
  stop(): Promise<void>;
}

export async function startChild(script: string, env: Record<string, string> = {}): Promise<ChildServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let buf = '';
    child.stdout?.on('data', (d) => {
      buf += String(d);
      const m = /PORT (\d+)/.exec(buf);
      if (m) resolve(Number(m[1]));
    });
    child.on('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
  let peak = 0;
  const { readFileSync } = await import('node:fs');
  const sample = setInterval(() => {
    try {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
      peak = Math.max(peak, kb / 1024);
    } catch {
      /* process gone */
    }
  }, 200);
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    peakRssMiB: () => Math.round(peak),
    async stop() {
      clearInterval(sample);
      const done = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await done;
    },
  };
}

export interface LoadResult {
  requestsPerSec: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

/** POST JSON bodies to a URL with autocannon; `body(i)` gives the i-th body (sessions rotate). */
export async function load(
  url: string,
  opts: { path: string; seconds: number; connections: number; rate?: number; body: (i: number) => string },
): Promise<LoadResult> {
  let i = 0;
  const result = await autocannon({
    url: url + opts.path,
    method: 'POST',
    connections: opts.connections,
    duration: opts.seconds,
    ...(opts.rate && { overallRate: opts.rate }),
    headers: { 'content-type': 'application/json' },
    requests: [{ setupRequest: (req) => ({ ...req, body: opts.body(i++) }) }],
  });
  return summarise(result);
}

/** The figures the benchmarks report from one autocannon run. */
export function summarise(result: autocannon.Result): LoadResult & { total: number; ok2xx: number } {
  return {
    requestsPerSec: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
    total: result.requests.total,
    ok2xx: result['2xx'],
  };
}

/** Alternating rounds of the service against a bare Express handler, and the median ratio of their req/s. */
export interface AgainstBare<T> {
  pairs: { bare: LoadResult; svc: LoadResult }[];
  /** Service req/s over bare req/s per round, ascending. */
  ratios: number[];
  median: number;
  peakRssMiB: number;
  /** What `more` measured on the service before it stopped. */
  extra: T;
}

/**
 * Start bare Express and the service in their own processes, warm both up, then measure them in alternating
 * rounds (a burst of load from elsewhere on the machine hits both alike); `more` may measure the service further.
 */
export async function againstBareExpress<T>(
  body: (i: number) => string,
  opts: { seconds: number; rounds: number; serviceEnv?: Record<string, string> },
  more: (svc: ChildServer) => Promise<T>,
): Promise<AgainstBare<T>> {
  const bare = await startChild('bench/servers/bare.ts');
  // One load generator on 127.0.0.1 is one "client": the per-address web chat limit would refuse it.
  const svc = await startChild('bench/servers/service.ts', { WEB_CHAT_RATE_PER_MINUTE: '0', ...opts.serviceEnv });
  try {
    await load(bare.url, { path: '/web/chat', seconds: 2, connections: 10, body });
    await load(svc.url, { path: '/web/chat', seconds: 2, connections: 10, body });
    const pairs: { bare: LoadResult; svc: LoadResult }[] = [];
    for (let r = 0; r < opts.rounds; r++) {
      const b = await load(bare.url, { path: '/web/chat', seconds: opts.seconds, connections: 10, body });
      const s = await load(svc.url, { path: '/web/chat', seconds: opts.seconds, connections: 10, body });
      pairs.push({ bare: b, svc: s });
    }
    const extra = await more(svc);
    const ratios = pairs.map((p) => p.svc.requestsPerSec / p.bare.requestsPerSec).sort((a, b) => a - b);
    return { pairs, ratios, median: ratios[Math.floor(ratios.length / 2)] ?? 0, peakRssMiB: svc.peakRssMiB(), extra };
  } finally {
    await bare.stop();
    await svc.stop();
  }
}

/** One markdown row of a load result. */
export const loadRow = (label: string, x: LoadResult): string => `| ${label} | ${x.requestsPerSec} | ${x.p50} | ${x.p99} | ${x.errors} | ${x.non2xx} |`;
