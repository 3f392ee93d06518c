import { parseJsonKeepingLongIds } from './json.ts';
import { ApiReply, OAuthReply } from './schema.ts';

export const DEFAULT_ZALO_API_BASE = 'https://openapi.zalo.me';
export const DEFAULT_ZALO_OAUTH_BASE = 'https://oauth.zaloapp.com';
/** Longest CS text Zalo takes in one message. */
export const ZALO_MAX_TEXT = 2000;

/** The API answered, and said no: `code` is Zalo's negative error code. */
export class ZaloApiError extends Error {
  readonly code: number;
  constructor(code: number, message: string) {
    super(`Zalo error ${code}: ${message}`);
    this.name = 'ZaloApiError';
    this.code = code;
  }
}

/** The HTTP exchange itself failed (non-2xx status or a body that is not Zalo's JSON). */
export class ZaloHttpError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.name = 'ZaloHttpError';
    this.status = status;
  }
}

export interface ZaloClientOptions {
  apiBase: string;
  oauthBase: string;
  appId: string;
  appSecret: string;
  /** Injected in tests; defaults to the global fetch. */
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export interface ZaloTokens {
  accessToken: string;
  refreshToken: string;
  /** Seconds the access token lives (Zalo says "90000", i.e. 25 h). */
  expiresInS: number;
}

/** A small typed client for the two Zalo calls we make: a CS text and the OAuth v4 token refresh. */
export interface ZaloClient {
  /** `POST /v3.0/oa/message/cs`; throws ZaloApiError on `error != 0` (which arrives with HTTP 200). */
  sendText(accessToken: string, userId: string, text: string): Promise<{ messageId: string | undefined }>;
  /** `POST /v4/oa/access_token` with grant_type=refresh_token. The refresh token given is spent even if we crash after. */
  refreshAccessToken(refreshToken: string): Promise<ZaloTokens>;
}

export function createZaloClient(opts: ZaloClientOptions): ZaloClient {
  const doFetch = opts.fetch ?? fetch;
  const timeoutMs = opts.timeoutMs ?? 10_000;

  async function call(url: string, init: RequestInit): Promise<unknown> {
    const res = await doFetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    const text = await res.text();
    if (!res.ok) throw new ZaloHttpError(res.status, `Zalo answered HTTP ${res.status}`);
    try {
      return parseJsonKeepingLongIds(text);
    } catch {
      throw new ZaloHttpError(res.status, 'Zalo answered with a body that is not JSON');
    }
  }

  return {
    async sendText(accessToken, userId, text) {
      const body = await call(new URL('/v3.0/oa/message/cs', opts.apiBase).href, {
        method: 'POST',
        headers: { 'content-type': 'application/json', access_token: accessToken },
        // userId is kept as a string: Zalo accepts string ids, and a 19-digit number would be rounded.
        body: JSON.stringify({ recipient: { user_id: userId }, message: { text } }),
      });
      const reply = ApiReply.safeParse(body);
      if (!reply.success) throw new ZaloHttpError(200, 'Zalo answered with an unexpected body');
      if (reply.data.error !== 0) throw new ZaloApiError(reply.data.error, reply.data.message ?? 'unknown error');
      return { messageId: reply.data.data?.message_id };
    },
    async refreshAccessToken(refreshToken) {
      const form = new URLSearchParams({ app_id: opts.appId, grant_type: 'refresh_token', refresh_token: refreshToken });
      const body = await call(new URL('/v4/oa/access_token', opts.oauthBase).href, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', secret_key: opts.appSecret },
        body: form.toString(),
      });
      const reply = OAuthReply.safeParse(body);
      if (!reply.success) throw new ZaloHttpError(200, 'Zalo OAuth answered with an unexpected body');
      if ('error' in reply.data) {
        throw new ZaloApiError(reply.data.error, reply.data.error_description ?? reply.data.error_name ?? 'token refresh refused');
      }
      return { accessToken: reply.data.access_token, refreshToken: reply.data.refresh_token, expiresInS: reply.data.expires_in };
    },
  };
}
