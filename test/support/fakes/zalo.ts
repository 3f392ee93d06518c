import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { listenLocal } from './local-server.ts';

/** One request the fake received (OA API or OAuth). Header values that carry secrets are kept for assertions. */
export interface FakeZaloCall {
  path: string;
  headers: { access_token?: string; secret_key?: string; 'content-type'?: string };
  /** The raw body text, exactly as sent. */
  raw: string;
  /** JSON body (OA API) or form fields (OAuth). */
  body: unknown;
}

export interface FakeZalo {
  /** Use as ZALO_API_BASE and ZALO_OAUTH_BASE (one server serves both). */
  url: string;
  appId: string;
  /** ZALO_APP_SECRET: the OAuth `secret_key` header. */
  appSecret: string;
  /** ZALO_OA_SECRET_KEY: signs webhook events. */
  oaSecretKey: string;
  /** The first refresh token (ZALO_REFRESH_TOKEN); single-use like the real one. */
  refreshToken: string;
  calls: FakeZaloCall[];
  /** Refreshes served successfully. */
  refreshCount(): number;
  /** The refresh token currently valid (the one Zalo would accept next). */
  validRefreshToken(): string | undefined;
  /** Answer the next CS send that passes the token check with this Zalo error code (queued). */
  failNext(code: number, message?: string): void;
  /** Answer the next CS send with this HTTP status and a non-JSON body (queued with failNext). */
  failNextHttp(status: number): void;
  pendingFailures(): number;
  /** Make every access token issued so far expire now (Zalo then answers -216). */
  expireAccessTokens(): void;
  /** Issue an access token directly (as if an earlier refresh had produced it). */
  issueAccessToken(ttlMs?: number): string;
  /** Called for each request before it is answered (e.g. to check what the service stored at that moment). */
  onRequest(fn: (call: FakeZaloCall) => void | Promise<void>): void;
  close(): Promise<void>;
}

const MESSAGES: Record<number, string> = {
  [-32]: 'Request exceeds rate limit',
  [-201]: 'Parameters are invalid',
  [-211]: 'Out of quota',
  [-213]: 'User has not followed OA',
  [-216]: 'Access token is invalid',
  [-220]: 'Access token has expired',
  [-227]: 'User is banned or has been inactive for more than 45 days',
  [-230]: 'User has not interacted with the OA in the last 7 days',
  [-232]: 'User has not interacted with the OA in the last 7 days',
  [-234]: 'Sending messages at night (22:00-06:00) is not allowed',
  [-244]: 'User has restricted messages from the OA',
  [-320]: 'Your app needs to connect with Zalo Cloud Account to use paid features',
  [-321]: 'Zalo Cloud Account ran out of funds',
};

/**
 * The Zalo OA API (`POST /v3.0/oa/message/cs`) and OAuth v4 (`POST /v4/oa/access_token`) on 127.0.0.1, with
 * expiring access tokens, single-use refresh tokens and error codes on demand. Errors come back as HTTP 200
 * with a negative `error`, as Zalo does.
 */
export async function startFakeZalo(
  opts: { port?: number; appId?: string; appSecret?: string; oaSecretKey?: string; accessTokenTtlMs?: number; refreshDelayMs?: number } = {},
): Promise<FakeZalo> {
  const appId = opts.appId ?? String(1000000000000000000n + BigInt(Math.floor(Math.random() * 1e15)));
  const appSecret = opts.appSecret ?? `appsecret_${randomBytes(12).toString('hex')}`;
  const oaSecretKey = opts.oaSecretKey ?? `oasecret_${randomBytes(12).toString('hex')}`;
  const ttlMs = opts.accessTokenTtlMs ?? 90_000_000;
  const accessTokens = new Map<string, number>();
  let refreshToken = `refresh_${randomBytes(16).toString('hex')}`;
  const firstRefreshToken = refreshToken;
  let validRefresh: string | undefined = refreshToken;
  let refreshes = 0;
  const calls: FakeZaloCall[] = [];
  const failures: ({ code: number; message: string } | { http: number })[] = [];
  const observers: ((call: FakeZaloCall) => void | Promise<void>)[] = [];

  const issueAccessToken = (ttl = ttlMs): string => {
    const token = `access_${randomBytes(16).toString('hex')}`;
    accessTokens.set(token, Date.now() + ttl);
    return token;
  };
  const json = (res: ServerResponse, payload: unknown): void => {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
  };
  const zaloError = (res: ServerResponse, code: number, message?: string): void =>
    json(res, { error: code, message: message ?? MESSAGES[code] ?? 'Unknown error' });

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const header = (name: string) => {
      const v = req.headers[name];
      return typeof v === 'string' ? v : undefined;
    };
    const isForm = (header('content-type') ?? '').includes('application/x-www-form-urlencoded');
    let body: unknown;
    try {
      body = isForm ? Object.fromEntries(new URLSearchParams(raw)) : raw === '' ? undefined : JSON.parse(raw);
    } catch {
      body = undefined;
    }
    const call: FakeZaloCall = {
      path,
      headers: {
        ...(header('access_token') !== undefined ? { access_token: header('access_token') } : {}),
        ...(header('secret_key') !== undefined ? { secret_key: header('secret_key') } : {}),
        ...(header('content-type') !== undefined ? { 'content-type': header('content-type') } : {}),
      },
      raw,
      body,
    };
    calls.push(call);
    // Observers finish before the request is answered (one that reads the database must not outlive the test); one
    // that throws fails the request, so that the test sees it.
    try {
      for (const fn of observers) await fn(call);
    } catch (err) {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(`observer: ${(err as Error).message}`);
      return;
    }

    if (req.method === 'POST' && path === '/v4/oa/access_token') {
      const form = (body ?? {}) as Record<string, string>;
      if (header('secret_key') !== appSecret) {
        return json(res, { error: -14002, error_name: 'Invalid app secret', error_description: 'secret_key is invalid' });
      }
      if (form['app_id'] !== appId || form['grant_type'] !== 'refresh_token') {
        return json(res, { error: -14001, error_name: 'Invalid parameter', error_description: 'app_id or grant_type is invalid' });
      }
      if (!form['refresh_token'] || form['refresh_token'] !== validRefresh) {
        return json(res, { error: -14014, error_name: 'Invalid refresh token', error_description: 'Refresh token is invalid or used' });
      }
      if (opts.refreshDelayMs) await new Promise((r) => setTimeout(r, opts.refreshDelayMs));
      refreshes++;
      refreshToken = `refresh_${randomBytes(16).toString('hex')}`;
      validRefresh = refreshToken; // single use: the one just spent is no longer accepted
      return json(res, { access_token: issueAccessToken(), refresh_token: refreshToken, expires_in: String(Math.floor(ttlMs / 1000)) });
    }

    if (req.method === 'POST' && path === '/v3.0/oa/message/cs') {
      const token = header('access_token');
      const expiresAt = token === undefined ? undefined : accessTokens.get(token);
      if (expiresAt === undefined || expiresAt <= Date.now()) return zaloError(res, -216);
      const failure = failures.shift();
      if (failure && 'http' in failure) {
        res.writeHead(failure.http, { 'content-type': 'text/html' }).end('<html>Service Unavailable</html>');
        return;
      }
      if (failure) return zaloError(res, failure.code, failure.message);
      const b = body as { recipient?: { user_id?: unknown }; message?: { text?: unknown } } | undefined;
      const userId = b?.recipient?.user_id;
      const text = b?.message?.text;
      if (typeof userId !== 'string' || typeof text !== 'string' || text === '' || text.length > 2000) return zaloError(res, -201);
      return json(res, { data: { message_id: randomBytes(16).toString('hex'), user_id: userId }, error: 0, message: 'Success' });
    }
    res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: -404, message: 'Not found' }));
  };

  const server = await listenLocal(handle, opts.port);

  return {
    url: server.url,
    appId,
    appSecret,
    oaSecretKey,
    refreshToken: firstRefreshToken,
    calls,
    refreshCount: () => refreshes,
    validRefreshToken: () => validRefresh,
    failNext: (code, message) => void failures.push({ code, message: message ?? MESSAGES[code] ?? 'Unknown error' }),
    failNextHttp: (status) => void failures.push({ http: status }),
    pendingFailures: () => failures.length,
    expireAccessTokens: () => {
      for (const token of accessTokens.keys()) accessTokens.set(token, 0);
    },
    issueAccessToken,
    onRequest: (fn) => void observers.push(fn),
    close: async () => {
      await server.close();
    },
  };
}

/** Headers Zalo would send with this raw body: `X-ZEvent-Signature: mac=sha256(app_id + body + timestamp + OA secret)`. */
export function signZaloEvent(
  keys: { appId: string; oaSecretKey: string },
  rawBody: string,
  timestamp: string,
  where: 'header' | 'body' = 'header',
): Record<string, string> {
  const mac = createHash('sha256').update(keys.appId + rawBody + timestamp + keys.oaSecretKey).digest('hex');
  return {
    'content-type': 'application/json',
    'x-zevent-signature': `mac=${mac}`,
    ...(where === 'header' ? { 'x-zevent-timestamp': timestamp } : {}),
  };
}

/** Lines a newcomer needs to point the service at the fake, with a signed sample webhook (printed by `npm run fakes`). */
export function describeFakeZalo(fake: FakeZalo, serviceUrl = 'http://localhost:3000'): string[] {
  const timestamp = String(Date.now());
  const body = `{"app_id":"${fake.appId}","event_name":"user_send_text","sender":{"id":"8427315641292839145"},"recipient":{"id":"2921835610734293862"},"message":{"text":"bhxh tu nguyen la gi","msg_id":"sample-${timestamp}"},"timestamp":"${timestamp}","user_id_by_app":"5523847723945792911"}`;
  const headers = signZaloEvent(fake, body, timestamp, 'body');
  return [
    `Fake Zalo OA API + OAuth on ${fake.url}`,
    `  ZALO_API_BASE=${fake.url}`,
    `  ZALO_OAUTH_BASE=${fake.url}`,
    `  ZALO_APP_ID=${fake.appId}`,
    `  ZALO_APP_SECRET=${fake.appSecret}`,
    `  ZALO_OA_SECRET_KEY=${fake.oaSecretKey}`,
    `  ZALO_REFRESH_TOKEN=${fake.refreshToken}`,
    `  try: curl -X POST ${serviceUrl}/webhooks/zalo -H 'content-type: application/json' -H 'X-ZEvent-Signature: ${headers['x-zevent-signature'] ?? ''}' \\`,
    `         --data-raw '${body}'`,
  ];
}
