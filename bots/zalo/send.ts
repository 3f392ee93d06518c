import { eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { Db } from '../../db/client.ts';
import { addresses } from '../../db/schema/index.ts';
import { SendError, type Clock, type SendResult } from '../../src/core/channel.ts';
import type { Logger } from '../../src/core/log.ts';
import { addressId, type OutboundMessage } from '../../src/core/message.ts';
import { ZALO_MAX_TEXT, ZaloApiError, ZaloHttpError, type ZaloClient } from './client.ts';
import { ZaloRefreshTokenMissing, type ZaloTokenStore } from './tokens.ts';

/** Zalo refuses CS messages to a user with no interaction in this long. */
export const ZALO_CS_WINDOW_MS = 7 * 24 * 3600_000;
const TIMEZONE = 'Asia/Ho_Chi_Minh';
/** -32: 4,000 requests a minute per app; wait out the minute. */
const RATE_LIMIT_WAIT_MS = 60_000;

export interface ZaloSendDeps {
  db: Db;
  clock: Clock;
  log: Logger;
  client: ZaloClient;
  tokens: ZaloTokenStore;
}

/** Send one CS text (split on word boundaries when longer than 2,000 characters); failures become SendErrors. */
export async function sendZaloText(deps: ZaloSendDeps, message: OutboundMessage): Promise<SendResult> {
  await assertWithinCsWindow(deps, message);
  const userId = addressId(message.to);
  let messageId: string | undefined;
  for (const part of splitText(message.text, ZALO_MAX_TEXT)) {
    messageId = (await sendPart(deps, userId, part)).messageId;
  }
  return messageId === undefined ? {} : { providerId: messageId };
}

/** The 7-day rule, checked before calling Zalo: no inbound on this address for 7 days → try another channel. */
async function assertWithinCsWindow(deps: ZaloSendDeps, message: OutboundMessage): Promise<void> {
  const [row] = await deps.db.select({ lastInboundAt: addresses.lastInboundAt }).from(addresses).where(eq(addresses.address, message.to)).limit(1);
  const last = row?.lastInboundAt?.getTime();
  if (last === undefined || deps.clock.now().getTime() - last > ZALO_CS_WINDOW_MS) {
    throw new SendError('fallback', 'no interaction in 7 days', { providerCode: '7-day-rule' });
  }
}

async function sendPart(deps: ZaloSendDeps, userId: string, text: string): Promise<{ messageId: string | undefined }> {
  let token: string;
  try {
    token = await deps.tokens.accessToken();
  } catch (err) {
    throw toSendError(deps, err);
  }
  try {
    return await deps.client.sendText(token, userId, text);
  } catch (err) {
    if (!isTokenRefused(err)) throw toSendError(deps, err);
  }
  // The token was refused (-216 invalid / -220 expired): refresh once, in one flight, and retry once.
  try {
    const fresh = await deps.tokens.refresh(token);
    return await deps.client.sendText(fresh, userId, text);
  } catch (err) {
    throw toSendError(deps, err);
  }
}

function isTokenRefused(err: unknown): boolean {
  return err instanceof ZaloApiError && (err.code === -216 || err.code === -220);
}

/** Map a Zalo failure to what the outbox should do (error codes from DESIGN.md, "Zalo Official Account"). */
export function toSendError(deps: Pick<ZaloSendDeps, 'clock' | 'log'>, err: unknown): SendError {
  if (err instanceof SendError) return err;
  if (err instanceof ZaloRefreshTokenMissing) {
    deps.log.error('Zalo refresh token missing, alert operator: set ZALO_REFRESH_TOKEN');
    return new SendError('fatal', err.message, { cause: err });
  }
  if (err instanceof ZaloHttpError) {
    if (err.status >= 500 || err.status === 429) return new SendError('retry', `Zalo server error (HTTP ${err.status}); retry later`, { cause: err });
    return new SendError('fatal', `${err.message}; do not retry`, { providerCode: `http-${err.status}`, cause: err });
  }
  if (!(err instanceof ZaloApiError)) return new SendError('retry', 'Zalo unreachable; retry later', { cause: err });
  const providerCode = String(err.code);
  const opts = { providerCode, cause: err };
  switch (err.code) {
    case -32:
      return new SendError('retry', 'Zalo rate limit (4,000 requests/min); retry later', { ...opts, retryAfterMs: RATE_LIMIT_WAIT_MS });
    case -216:
    case -220:
      return new SendError('retry', 'Zalo refused a freshly refreshed access token; retry later', opts);
    case -213:
    case -227:
    case -244:
      return new SendError('stopped', `contact unreachable on Zalo (${err.code}: not following, banned or restricted); mark the address stopped`, opts);
    case -230:
    case -232:
      return new SendError('fallback', 'no interaction in 7 days (Zalo refused the CS message); send by SMS if the phone is known', opts);
    case -234:
      return new SendError('retry', 'Zalo sends no CS messages at night; retry after 06:00 (Asia/Ho_Chi_Minh)', {
        ...opts,
        retryAfterMs: msUntilSixAm(deps.clock.now()),
      });
    case -201:
      return new SendError('fatal', 'Zalo says the request is invalid (-201): a bug, do not retry', opts);
    case -211:
    case -320:
    case -321:
      deps.log.error({ providerCode }, 'Zalo quota or OA account problem: alert operator');
      return new SendError('fatal', `Zalo quota or OA account problem (${err.code}); alert operator`, opts);
    default:
      if (err.code <= -14000) {
        // OAuth errors (-14xxx): the refresh token was refused; only an operator can issue a new one.
        deps.log.error({ providerCode }, 'Zalo refused the refresh token, alert operator: set a new ZALO_REFRESH_TOKEN');
        return new SendError('fatal', 'Zalo refused the refresh token; set a new ZALO_REFRESH_TOKEN', opts);
      }
      return new SendError('fatal', `Zalo error ${err.code}; do not retry`, opts);
  }
}

/** Milliseconds from `now` to the next 06:00 in Asia/Ho_Chi_Minh. */
export function msUntilSixAm(now: Date): number {
  const local = DateTime.fromJSDate(now, { zone: TIMEZONE });
  let six = local.set({ hour: 6, minute: 0, second: 0, millisecond: 0 });
  if (six <= local) six = six.plus({ days: 1 });
  return six.toMillis() - local.toMillis();
}

/** Split a text into parts of at most `max` characters, on whitespace where possible. */
export function splitText(text: string, max: number): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const cut = rest.lastIndexOf(' ', max);
    const at = cut > max / 2 ? cut : max;
    parts.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  parts.push(rest);
  return parts;
}
