import { WebhookRefusal, type ChannelResponse } from '../../src/core/channel.ts';

/** Read a JSON body (with `parse`, e.g. one that keeps long ids), or refuse the request as malformed (400). */
export function readJson(rawBody: Buffer, parse: (text: string) => unknown = JSON.parse): unknown {
  try {
    return parse(rawBody.toString('utf8'));
  } catch {
    throw new WebhookRefusal('malformed', 'malformed body: not JSON');
  }
}

/** Read an `application/x-www-form-urlencoded` body into its fields (a repeated field keeps its last value). */
export function readForm(rawBody: Buffer): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(rawBody.toString('utf8')));
}

/** The acknowledgement most providers expect: 200 with a small JSON body. */
export const ACK_OK: ChannelResponse = { status: 200, contentType: 'application/json; charset=utf-8', body: '{"ok":true}' };
