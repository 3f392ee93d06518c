/**
 * Twilio (twilio@6): inbound webhooks (verify X-Twilio-Signature → decode form → normalised event → empty TwiML)
 * and one outbound send through the REST API. Twilio cannot do two-way SMS in Vietnam: see README.md.
 */
import express, { type Application, type Request } from 'express';
import twilio from 'twilio';
import type { ChannelDeps } from '../../src/core/channel.ts';
import { SendError } from '../../src/core/channel.ts';
import { HttpError } from '../../src/http/errors.ts';
import type { VietnameseMobile } from '../../src/text/sms.ts';
import { normalisePhone } from '../../src/text/sms.ts';
import { normaliseInbound } from '../../src/text/vietnamese.ts';
import { WEBHOOK_BODY_LIMIT, providerDetail } from './http.ts';
import { TwilioInboundSchema, TwilioStatusSchema } from './schemas.ts';
import { TwilioApiError, createTwilioHttpClient } from './twilio-http-client.ts';

export const TWILIO_INBOUND_PATH = '/webhooks/twilio';
export const TWILIO_STATUS_PATH = '/webhooks/twilio/status';

/** An empty TwiML answer: "received, nothing to say" (replies go through the outbox). */
const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response/>';

export interface TwilioSettings {
  accountSid: string;
  authToken: string;
  messagingServiceSid: string | undefined;
  from: string | undefined;
  apiBase: string | undefined;
  /** PUBLIC_BASE_URL without the trailing slash: the URL Twilio signs is this + the route path, exactly. */
  publicBaseUrl: string | undefined;
}

/** Twilio MessageStatus → our delivery status; statuses before "sent" (queued, accepted, sending…) are ignored. */
const STATUS_MAP = new Map<string, 'sent' | 'delivered' | 'failed'>([
  ['sent', 'sent'],
  ['delivered', 'delivered'],
  ['read', 'delivered'],
  ['undelivered', 'failed'],
  ['failed', 'failed'],
]);

/** Twilio error 21610: the recipient replied STOP to this sender. */
const OPTED_OUT = '21610';

/** Throw 403 unless the request carries Twilio's signature of `url` + its form fields. */
function verifyTwilioSignature(req: Request, authToken: string, url: string): void {
  const signature = req.header('x-twilio-signature');
  if (!signature) throw new HttpError(403, 'missing X-Twilio-Signature');
  const params = (req.body ?? {}) as Record<string, unknown>;
  if (!twilio.validateRequest(authToken, signature, url, params)) throw new HttpError(403, 'invalid X-Twilio-Signature');
}

/** First issue of a zod error, for a 400 that says what is wrong without echoing the payload. */
function firstIssue(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.map(String).join('.') || 'body'}: ${issue.message}` : 'invalid payload';
}

/** Mount `POST /webhooks/twilio` and `POST /webhooks/twilio/status`. Needs PUBLIC_BASE_URL (the signed URL). */
export function mountTwilioWebhooks(app: Application, deps: ChannelDeps, settings: TwilioSettings & { publicBaseUrl: string }): void {
  const log = deps.log.child({ channel: 'sms', provider: 'twilio' });
  const form = express.urlencoded({ extended: false, limit: WEBHOOK_BODY_LIMIT, parameterLimit: 200 });

  app.post(TWILIO_INBOUND_PATH, form, async (req, res) => {
    verifyTwilioSignature(req, settings.authToken, settings.publicBaseUrl + TWILIO_INBOUND_PATH);
    const parsed = TwilioInboundSchema.safeParse(req.body);
    if (!parsed.success) throw new HttpError(400, `malformed Twilio webhook: ${firstIssue(parsed.error)}`);
    const fields = parsed.data;
    const from = normalisePhone(fields.From);
    const text = normaliseInbound(fields.Body);
    if (!from || text === '') {
      log.debug({ reason: from ? 'empty body' : 'sender is not a Vietnamese mobile number' }, 'inbound SMS ignored');
    } else {
      const result = await deps.submit({
        kind: 'text',
        channel: 'sms',
        providerId: fields.MessageSid,
        from: `tel:${from}`,
        text,
        receivedAt: deps.clock.now(),
      });
      log.debug({ providerId: fields.MessageSid, status: result.status }, 'inbound SMS dispatched');
    }
    res.status(200).type('text/xml').send(EMPTY_TWIML);
  });

  app.post(TWILIO_STATUS_PATH, form, async (req, res) => {
    verifyTwilioSignature(req, settings.authToken, settings.publicBaseUrl + TWILIO_STATUS_PATH);
    const parsed = TwilioStatusSchema.safeParse(req.body);
    if (!parsed.success) throw new HttpError(400, `malformed Twilio status callback: ${firstIssue(parsed.error)}`);
    const { MessageSid, MessageStatus, ErrorCode } = parsed.data;
    const status = STATUS_MAP.get(MessageStatus);
    if (!status) {
      log.debug({ providerId: MessageSid, messageStatus: MessageStatus }, 'status callback ignored');
    } else {
      const stopped = ErrorCode === OPTED_OUT;
      const result = await deps.submit({
        kind: 'status',
        channel: 'sms',
        providerId: `${MessageSid}:${MessageStatus}`,
        messageId: MessageSid,
        status,
        ...(stopped && { stopped: true }),
        ...(ErrorCode && { error: `Twilio error ${ErrorCode}` }),
        receivedAt: deps.clock.now(),
      });
      log.debug({ providerId: MessageSid, status, result: result.status }, 'status callback dispatched');
    }
    res.status(200).type('text/xml').send(EMPTY_TWIML);
  });
}

/** What to do about a Twilio error code (https://www.twilio.com/docs/api/errors). */
function sendErrorForTwilio(err: TwilioApiError | { status: number; code?: number; message?: string }): SendError {
  const code = err.code !== undefined ? String(err.code) : undefined;
  const detail = providerDetail(err.message);
  const retryAfterMs = err instanceof TwilioApiError ? err.retryAfterMs : undefined;
  const opts = { ...(code && { providerCode: code }), cause: err };
  if (err.status === 429 || code === '20429') {
    return new SendError('retry', `Twilio is throttling this account (HTTP 429): retry later`, { ...opts, ...(retryAfterMs !== undefined && { retryAfterMs }) });
  }
  if (err.status >= 500) {
    return new SendError('retry', `Twilio had a server error (HTTP ${err.status}): retry later`, { ...opts, ...(retryAfterMs !== undefined && { retryAfterMs }) });
  }
  switch (code) {
    case OPTED_OUT:
      return new SendError('stopped', 'the person replied STOP to this sender (Twilio 21610): no SMS reaches them until they reply START', opts);
    case '21211':
    case '21614':
      return new SendError('stopped', `Twilio says the number cannot receive SMS (${code}: ${detail}): fix the contact's phone number`, opts);
    case '20003':
    case '20404':
      return new SendError('fatal', `Twilio refused the credentials or account (${code}): check TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN`, opts);
    case '21408':
    case '21612':
      return new SendError('fatal', `Twilio cannot send to this country from this sender (${code}): enable Vietnam in Messaging Geo Permissions and check the sender`, opts);
    case '21606':
    case '21659':
    case '21660':
    case '21703':
    case '21704':
      return new SendError('fatal', `Twilio refused the sender (${code}: ${detail}): check TWILIO_FROM or TWILIO_MESSAGING_SERVICE_SID`, opts);
    default:
      return new SendError('fatal', `Twilio refused the message (HTTP ${err.status}${code ? `, code ${code}` : ''}: ${detail}); not retried`, opts);
  }
}

/** Map anything messages.create threw to a SendError. */
function toSendError(err: unknown): SendError {
  if (err instanceof SendError) return err;
  if (err instanceof TwilioApiError) return sendErrorForTwilio(err);
  // The SDK's RestException (if a response ever reaches its own check): {status, code, message}.
  if (err instanceof Error && 'status' in err && typeof err.status === 'number') {
    const code = 'code' in err && typeof err.code === 'number' ? err.code : undefined;
    return sendErrorForTwilio({ status: err.status, message: err.message, ...(code !== undefined && { code }) });
  }
  const timeout = err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
  return new SendError('retry', timeout ? 'Twilio did not answer in time: retry later' : 'could not reach Twilio (network error): retry later', { cause: err });
}

/** One outbound SMS (one provider message) through Twilio. */
export interface TwilioSender {
  sendOne(to: VietnameseMobile, body: string): Promise<string>;
}

/** Build the Twilio sender: messages.create with MessagingServiceSid (preferred) or From, and a StatusCallback. */
export function createTwilioSender(settings: TwilioSettings, deps: Pick<ChannelDeps, 'clock'>): TwilioSender {
  const httpClient = createTwilioHttpClient({ ...(settings.apiBase && { apiBase: settings.apiBase }), clock: deps.clock });
  const client = twilio(settings.accountSid, settings.authToken, { httpClient, autoRetry: false });
  const sender = settings.messagingServiceSid ? { messagingServiceSid: settings.messagingServiceSid } : { from: settings.from ?? '' };
  const statusCallback = settings.publicBaseUrl ? settings.publicBaseUrl + TWILIO_STATUS_PATH : undefined;
  return {
    async sendOne(to, body) {
      try {
        const msg = await client.messages.create({ to, body, ...sender, ...(statusCallback && { statusCallback }) });
        return msg.sid;
      } catch (err) {
        throw toSendError(err);
      }
    },
  };
}
