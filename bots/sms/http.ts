/** Small HTTP helpers shared by the two SMS providers' senders. */
import { maskText } from '../../src/core/log.ts';

/** Largest webhook body we read (Twilio and the gateway send a few hundred bytes). */
export const WEBHOOK_BODY_LIMIT = 64 * 1024;

/** How long one provider request may take before we give up and let the outbox retry. */
export const PROVIDER_TIMEOUT_MS = 15_000;

/** `Retry-After` as milliseconds: seconds, or an HTTP date relative to `now`. Undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null | undefined, now: Date): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now.getTime());
}

/** A provider's error text, safe for logs and outbox rows: phone numbers and secrets masked, length capped. */
export function providerDetail(text: string | undefined): string {
  if (!text) return '';
  return maskText(text).slice(0, 300);
}

/** `Authorization: Basic …` for a user and password. */
export function basicAuth(user: string, password: string): string {
  return 'Basic ' + Buffer.from(`${user}:${password}`).toString('base64');
}

/** Join a base URL and a path without doubling or dropping the slash. */
export function joinUrl(base: string, path: string): string {
  return base.replace(/\/+$/, '') + '/' + path.replace(/^\/+/, '');
}
