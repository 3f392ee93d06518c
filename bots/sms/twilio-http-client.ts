/**
 * A `fetch`-based HTTP client for the twilio SDK (its `httpClient` option). It sends the SDK's requests to
 * `TWILIO_API_BASE` when set (a fake on 127.0.0.1: the SDK's `edge`/`region` options can only rewrite the
 * twilio.com host name, never point at localhost), and it keeps what the SDK's own client throws away on errors:
 * the `Retry-After` header, the HTTP status and the Twilio error code, as a TwilioApiError.
 */
import type twilio from 'twilio';
import { PROVIDER_TIMEOUT_MS, basicAuth, parseRetryAfter } from './http.ts';
import { TwilioErrorBodySchema } from './schemas.ts';

/** A non-2xx answer of the Twilio REST API. */
export class TwilioApiError extends Error {
  readonly status: number;
  readonly code: number | undefined;
  readonly retryAfterMs: number | undefined;
  constructor(status: number, code: number | undefined, message: string, retryAfterMs: number | undefined) {
    super(message);
    this.name = 'TwilioApiError';
    this.status = status;
    this.code = code;
    this.retryAfterMs = retryAfterMs;
  }
}

/** The part of the SDK's RequestClient.request options we read. */
interface SdkRequest {
  method: string;
  uri: string;
  username?: string;
  password?: string;
  authStrategy?: { getAuthString(): Promise<string> };
  headers?: Record<string, string>;
  params?: object;
  data?: unknown;
  timeout?: number;
}

/** What the SDK expects back (it JSON-parses `body` itself). */
interface SdkResponse {
  statusCode: number;
  body: string;
  headers: Record<string, string>;
}

/** Form-encode like the SDK's own client (qs with arrayFormat "repeat"): `a=1&a=2`; nulls and undefined dropped. */
function formEncode(data: unknown): URLSearchParams {
  const out = new URLSearchParams();
  if (data === null || typeof data !== 'object') return out;
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    const values = Array.isArray(value) ? (value as unknown[]) : [value];
    for (const v of values) {
      if (v === undefined || v === null) continue;
      out.append(key, v instanceof Date ? v.toISOString() : String(v));
    }
  }
  return out;
}

/** Build the SDK's httpClient. `apiBase` replaces `https://api.twilio.com` (and every other Twilio host). */
export function createTwilioHttpClient(opts: { apiBase?: string; clock?: { now(): Date } }): twilio.RequestClient {
  const now = () => opts.clock?.now() ?? new Date();
  const client = {
    async request(req: SdkRequest): Promise<SdkResponse> {
      const original = new URL(req.uri);
      const target = opts.apiBase ? new URL(opts.apiBase.replace(/\/+$/, '') + original.pathname + original.search) : original;
      const query = formEncode(req.params);
      for (const [k, v] of query) target.searchParams.append(k, v);

      const headers: Record<string, string> = { ...(req.headers ?? {}) };
      if (req.authStrategy) headers['Authorization'] = await req.authStrategy.getAuthString();
      else if (req.username && req.password) headers['Authorization'] = basicAuth(req.username, req.password);
      const method = req.method.toUpperCase();
      const body = method === 'GET' || method === 'DELETE' ? undefined : formEncode(req.data).toString();

      const res = await fetch(target, {
        method,
        headers,
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(req.timeout ?? PROVIDER_TIMEOUT_MS),
      });
      const text = await res.text();
      if (res.status >= 400) {
        let parsed: ReturnType<typeof TwilioErrorBodySchema.safeParse> | undefined;
        try {
          parsed = TwilioErrorBodySchema.safeParse(JSON.parse(text));
        } catch {
          parsed = undefined;
        }
        const code = parsed?.success ? parsed.data.code : undefined;
        const message = (parsed?.success ? parsed.data.message : undefined) ?? `HTTP ${res.status}`;
        throw new TwilioApiError(res.status, code, message, parseRetryAfter(res.headers.get('retry-after'), now()));
      }
      return { statusCode: res.status, body: text, headers: Object.fromEntries(res.headers) };
    },
  };
  // The SDK types `httpClient` as its concrete axios-based class; it only ever calls `request()` on it.
  return client as unknown as twilio.RequestClient;
}
