import { desc, gte, and, lte, type SQL } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { auditLog } from '../schema/index.ts';

/** One audited write: who (a display name with its id), what, on which subject, with before/after where it matters. */
export interface AuditEntry {
  actor: string;
  action: string;
  subject?: string | null;
  detail?: unknown;
  at: Date;
}

/** Record a write in the audit log (inside the caller's transaction when there is one). */
export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db
    .insert(auditLog)
    .values({ actor: entry.actor, action: entry.action, subject: entry.subject ?? null, detail: entry.detail ?? null, at: entry.at });
}

/** The audit log, newest first, optionally within [from, to]. */
export async function listAudit(db: Db, opts: { from?: Date; to?: Date; limit?: number } = {}): Promise<(typeof auditLog.$inferSelect)[]> {
  const where: SQL[] = [];
  if (opts.from) where.push(gte(auditLog.at, opts.from));
  if (opts.to) where.push(lte(auditLog.at, opts.to));
  return db
    .select()
    .from(auditLog)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(Math.min(opts.limit ?? 1000, 50_000));
}
