import type { z } from 'zod';
import { WebhookRefusal } from '../../src/core/channel.ts';

/** The first issue of a zod error as `path: message`, saying what is wrong without echoing the payload. */
export function describeIssue(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.map(String).join('.') || 'body'}: ${issue.message}` : 'invalid payload';
}

/** Validate a provider payload, or refuse the request as malformed (400) naming what is wrong. */
export function parsePayload<T extends z.ZodType>(schema: T, value: unknown, what: string): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new WebhookRefusal('malformed', `malformed ${what}: ${describeIssue(parsed.error)}`);
  return parsed.data;
}
