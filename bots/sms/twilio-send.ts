/**
 * Twilio (twilio@6), outbound: one provider message through the REST API (`messages.create`, MessagingServiceSid or
 * From, a StatusCallback), and what each Twilio error means for the outbox.
 */
import twilio from 'twilio';
import type { Clock } from '../../src/core/channel.ts';
import { SendError } from '../../src/core/channel.ts';
import type { VietnameseMobile } from '../../src/text/sms.ts';
import { providerDetail } from './http.ts';
import { TwilioApiError, createTwilioHttpClient } from './twilio-http-client.ts';
import { TWILIO_OPTED_OUT, TWILIO_STATUS_PATH } from './twilio-webhooks.ts';

/** Longest body Twilio accepts in one Messages request (error 21617 above it). */
export const TWILIO_MAX_BODY = 1600;

export interface TwilioSettings {
  accountSid: string;
  authToken: string;
  messagingServiceSid: string | undefined;
  from: string | undefined;
  apiBase: string | undefined;
  /** PUBLIC_BASE_URL without the trailing slash: the URL Twilio signs is this + the route path, exactly. */
  publicBaseUrl: string | undefined;
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
    case TWILIO_OPTED_OUT:
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
export function createTwilioSender(settings: TwilioSettings, deps: { clock: Clock }): TwilioSender {
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
