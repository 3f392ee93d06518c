import type { IncomingMessage, ServerResponse } from 'node:http';
import { listenLocal } from './local-server.ts';
import { createHmac, randomBytes } from 'node:crypto';

/** One API call the fake received. */
export interface FakeAndroidSmsCall {
  method: string;
  path: string;
  /** The JSON body as sent (`{textMessage:{text}, phoneNumbers:[…]}`), or null when it was not JSON. */
  body: Record<string, unknown> | null;
  authorized: boolean;
}

/** What the next send request is answered with (401, 429, 500 …). */
export interface FakeAndroidSmsFailure {
  status: number;
  message?: string;
  /** Seconds, sent as `Retry-After`. */
  retryAfter?: number;
}

export interface FakeAndroidSms {
  /** Use as ANDROID_SMS_URL (local mode: the phone's server root). */
  url: string;
  /** Use as ANDROID_SMS_USER / ANDROID_SMS_PASSWORD. */
  user: string;
  password: string;
  calls: FakeAndroidSmsCall[];
  failNext(failure: FakeAndroidSmsFailure): void;
  pendingFailures(): number;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** A 21-character id like the app's NanoId ids. */
function nanoId(): string {
  const alphabet = '_-0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  return Array.from(randomBytes(21), (b) => alphabet[b % 64]).join('');
}

/**
 * SMS Gateway for Android's local server on 127.0.0.1: `POST /message` (and its aliases `/messages`, and the cloud
 * paths under `/3rdparty/v1`) with basic auth and `{textMessage:{text}, phoneNumbers}` → 202
 * `{id, deviceId, state:'Pending', isHashed, isEncrypted, recipients:[{phoneNumber, state:'Pending', error:null}], states}`;
 * errors are `{message}` with the HTTP status (as in the app's MessagesRoutes.kt).
 */
export async function startFakeAndroidSms(opts: { port?: number; user?: string; password?: string } = {}): Promise<FakeAndroidSms> {
  const user = opts.user ?? 'sms';
  const password = opts.password ?? randomBytes(12).toString('base64url');
  const deviceId = randomBytes(16).toString('hex');
  const calls: FakeAndroidSmsCall[] = [];
  const failures: FakeAndroidSmsFailure[] = [];
  const expectedAuth = 'Basic ' + Buffer.from(`${user}:${password}`).toString('base64');

  const reply = (res: ServerResponse, status: number, payload: unknown, headers: Record<string, string> = {}): void => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(payload));
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = (req.url ?? '').split('?')[0] ?? '';
    if (!/^(\/3rdparty\/v1)?\/messages?$/.test(path)) return reply(res, 404, { message: 'Not Found' });
    if (req.method !== 'POST') return reply(res, 405, { message: 'Method Not Allowed' });
    const raw = await readBody(req);
    let body: Record<string, unknown> | null = null;
    try {
      const parsed: unknown = JSON.parse(raw);
      body = parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
    } catch {
      body = null;
    }
    const authorized = req.headers.authorization === expectedAuth;
    calls.push({ method: req.method, path, body, authorized });
    if (!authorized) return reply(res, 401, { message: 'Unauthorized' });

    const failure = failures.shift();
    if (failure) {
      return reply(res, failure.status, { message: failure.message ?? `HTTP ${failure.status}` }, failure.retryAfter !== undefined ? { 'retry-after': String(failure.retryAfter) } : {});
    }
    if (!body) return reply(res, 400, { message: 'Invalid JSON' });
    const textMessage = body['textMessage'] as { text?: unknown } | undefined;
    const text = textMessage?.text ?? body['message'];
    if (typeof text !== 'string' || text === '') return reply(res, 400, { message: 'Text message is empty' });
    const phoneNumbers = body['phoneNumbers'];
    if (!Array.isArray(phoneNumbers) || phoneNumbers.length === 0) return reply(res, 400, { message: 'phoneNumbers is empty' });
    if (!phoneNumbers.every((p) => typeof p === 'string' && /^\+[1-9]\d{6,14}$/.test(p))) {
      return reply(res, 400, { message: 'Invalid phone number' });
    }

    const id = typeof body['id'] === 'string' ? body['id'] : nanoId();
    reply(res, 202, {
      id,
      deviceId,
      state: 'Pending',
      isHashed: false,
      isEncrypted: false,
      recipients: (phoneNumbers as string[]).map((phoneNumber) => ({ phoneNumber, state: 'Pending', error: null })),
      states: { Pending: new Date().toISOString() },
    });
  };

  const server = await listenLocal(handle, opts.port);
  return {
    url: server.url,
    user,
    password,
    calls,
    failNext: (failure) => void failures.push(failure),
    pendingFailures: () => failures.length,
    close: server.close,
  };
}

/**
 * Headers the gateway app signs a webhook with: `X-Timestamp` (Unix seconds) and
 * `X-Signature` = hex HMAC-SHA256(signing key, rawBody + X-Timestamp).
 */
export function signAndroidWebhook(signingKey: string, rawBody: string, at: Date = new Date()): { 'x-signature': string; 'x-timestamp': string } {
  const timestamp = String(Math.floor(at.getTime() / 1000));
  const signature = createHmac('sha256', signingKey).update(rawBody + timestamp).digest('hex');
  return { 'x-signature': signature, 'x-timestamp': timestamp };
}
