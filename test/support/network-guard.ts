import http from 'node:http';
import https from 'node:https';

/** Hosts a test may reach: the service and the fake providers all listen on 127.0.0.1. */
const LOCAL = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

function refuse(host: string): Error {
  return new Error(`test tried to reach ${host}: only 127.0.0.1 is allowed`);
}

/** The host an `http.request(url | options, …)` call is aimed at. */
function hostOf(target: unknown): string {
  if (typeof target === 'string' || target instanceof URL) return new URL(String(target)).hostname;
  const o = (target ?? {}) as { hostname?: string | null; host?: string | null };
  return (o.hostname ?? o.host ?? 'localhost').replace(/:\d+$/, '');
}

let depth = 0;
let restoreAll: (() => void) | undefined;

/**
 * Refuse every request that would leave 127.0.0.1, through global fetch (undici: our own clients, the Twilio
 * httpClient) and through node:http/https (node-fetch inside telegraf), until the returned function is called.
 * Nested guards share one installation.
 */
export function guardNetwork(): () => void {
  if (depth++ === 0) {
    const realFetch = globalThis.fetch;
    globalThis.fetch = (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      if (!LOCAL.has(url.hostname)) return Promise.reject(refuse(url.host));
      return realFetch(input, init);
    };
    const patched: [typeof http | typeof https, 'request' | 'get', (typeof http)['request']][] = [];
    for (const mod of [http, https]) {
      for (const name of ['request', 'get'] as const) {
        const real = mod[name] as (typeof http)['request'];
        patched.push([mod, name, real]);
        (mod as { [k: string]: unknown })[name] = (...args: Parameters<(typeof http)['request']>) => {
          const host = hostOf(args[0]);
          if (!LOCAL.has(host)) throw refuse(host);
          return real(...args);
        };
      }
    }
    restoreAll = () => {
      globalThis.fetch = realFetch;
      for (const [mod, name, real] of patched) (mod as { [k: string]: unknown })[name] = real;
    };
  }
  let restored = false;
  return () => {
    if (restored) return;
    restored = true;
    if (--depth === 0) restoreAll?.();
  };
}
