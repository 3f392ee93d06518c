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
