import type { IncomingMessage, ServerResponse } from 'node:http';
import { listenLocal } from './local-server.ts';
import { randomBytes } from 'node:crypto';
import twilio from 'twilio';
import { SegmentedMessage } from 'sms-segments-calculator';

/** One REST call the fake received. */
export interface FakeTwilioCall {
  method: string;
  path: string;
  /** The form fields as sent (`To`, `Body`, `MessagingServiceSid` or `From`, `StatusCallback` …). */
  form: Record<string, string>;
  /** Whether the basic auth matched the account SID and auth token. */
  authorized: boolean;
}

/** What the next Messages request is answered with (429, 5xx, 21610 …). */
export interface FakeTwilioFailure {
  status: number;
  code?: number;
  message?: string;
  /** Seconds, sent as `Retry-After`. */
  retryAfter?: number;
}

export interface FakeTwilio {
  /** Use as TWILIO_API_BASE. */
  url: string;
  /** Use as TWILIO_ACCOUNT_SID / TWILIO_AUTH_TOKEN. */
  accountSid: string;
  authToken: string;
  calls: FakeTwilioCall[];
  /** Answer the next Messages request with this error (queued: call several times for several failures). */
  failNext(failure: FakeTwilioFailure): void;
  /** Failures queued but not yet served. */
  pendingFailures(): number;
  close(): Promise<void>;
}

/** Twilio's wording for the errors tests ask for (https://www.twilio.com/docs/api/errors). */
const MESSAGES: Record<number, string> = {
  20003: 'Authenticate',
  20429: 'Too Many Requests',
  21211: "The 'To' number is not a valid phone number.",
  21602: 'Message body is required.',
  21604: "A 'To' phone number is required.",
  21610: 'Attempt to send to unsubscribed recipient',
  21614: "'To' number is not a valid mobile number",
  21617: 'The concatenated message body exceeds the 1600 character limit.',
};

/** RFC 2822 date as Twilio writes it ("Wed, 25 Nov 2026 22:30:00 +0000"). */
function rfc2822(d: Date): string {
  return d.toUTCString().replace('GMT', '+0000');
}

async function readForm(req: IncomingMessage): Promise<Record<string, string>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const form: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(Buffer.concat(chunks).toString('utf8'))) form[k] = v;
  return form;
}

/**
 * The Twilio REST API on 127.0.0.1, for the Messages resource: `POST /2010-04-01/Accounts/{sid}/Messages.json`
 * with a form body and basic auth → 201 with a message resource (sid `SM…`), or Twilio's error JSON
 * `{code, message, more_info, status}` with the matching HTTP status.
 */
export async function startFakeTwilio(opts: { port?: number; accountSid?: string; authToken?: string } = {}): Promise<FakeTwilio> {
  const accountSid = opts.accountSid ?? `AC${randomBytes(16).toString('hex')}`;
  const authToken = opts.authToken ?? randomBytes(16).toString('hex');
  const calls: FakeTwilioCall[] = [];
  const failures: FakeTwilioFailure[] = [];
  const expectedAuth = 'Basic ' + Buffer.from(`${accountSid}:${authToken}`).toString('base64');

  const reply = (res: ServerResponse, status: number, payload: unknown, headers: Record<string, string> = {}): void => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers }).end(JSON.stringify(payload));
  };
  const error = (res: ServerResponse, status: number, code: number | undefined, message?: string, retryAfter?: number): void => {
    reply(
      res,
      status,
      {
        code: code ?? null,
        message: message ?? (code !== undefined ? MESSAGES[code] : undefined) ?? `HTTP ${status}`,
        more_info: code !== undefined ? `https://www.twilio.com/docs/errors/${code}` : null,
        status,
      },
      retryAfter !== undefined ? { 'retry-after': String(retryAfter) } : {},
    );
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = (req.url ?? '').split('?')[0] ?? '';
    const match = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/.exec(path);
    if (!match) return error(res, 404, 20404, 'The requested resource was not found');
    if (req.method !== 'POST') return error(res, 405, undefined, 'Method not allowed');
    const form = await readForm(req);
    const authorized = req.headers.authorization === expectedAuth && match[1] === accountSid;
    calls.push({ method: req.method, path, form, authorized });
    if (!authorized) return error(res, 401, 20003);

    const failure = failures.shift();
    if (failure) return error(res, failure.status, failure.code, failure.message, failure.retryAfter);

    const to = form['To'];
    const body = form['Body'];
    if (!to) return error(res, 400, 21604);
    if (!body) return error(res, 400, 21602);
    if (body.length > 1600) return error(res, 400, 21617);
    if (!/^\+[1-9]\d{6,14}$/.test(to)) return error(res, 400, 21211);
    const serviceSid = form['MessagingServiceSid'] ?? null;
    const from = form['From'] ?? null;
    if (!serviceSid && !from) return error(res, 400, 21603, "A 'From' phone number is required.");

    const sid = `SM${randomBytes(16).toString('hex')}`;
    const now = rfc2822(new Date());
    const uri = `/2010-04-01/Accounts/${accountSid}/Messages/${sid}.json`;
    reply(res, 201, {
      account_sid: accountSid,
      api_version: '2010-04-01',
      body,
      date_created: now,
      date_sent: null,
      date_updated: now,
      direction: 'outbound-api',
      error_code: null,
      error_message: null,
      from,
      messaging_service_sid: serviceSid,
      num_media: '0',
      num_segments: String(new SegmentedMessage(body).segmentsCount),
      price: null,
      price_unit: 'USD',
      sid,
      status: serviceSid ? 'accepted' : 'queued',
      subresource_uris: { media: uri.replace('.json', '/Media.json'), feedback: uri.replace('.json', '/Feedback.json') },
      to,
      uri,
    });
  };

  const server = await listenLocal(handle, opts.port);
  return {
    url: server.url,
    accountSid,
    authToken,
    calls,
    failNext: (failure) => void failures.push(failure),
    pendingFailures: () => failures.length,
    close: server.close,
  };
}

/** The `X-Twilio-Signature` Twilio would send for a webhook to `url` with these form fields. */
export function signTwilioWebhook(authToken: string, url: string, params: Record<string, string>): string {
  return twilio.getExpectedTwilioSignature(authToken, url, params);
}

/** A realistic Twilio MessageSid. */
export function fakeMessageSid(): string {
  return `SM${randomBytes(16).toString('hex')}`;
}
