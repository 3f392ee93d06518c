import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb, MIGRATIONS_DIR } from '../../db/client.ts';

describe('migrations', () => {
  it('apply to an empty database file, with WAL and foreign keys on', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bhxh-mig-'));
    const db = openDb(join(dir, 'nested', 'x.db'));
    const tables = (db.$client.prepare("SELECT name FROM sqlite_master WHERE type='table'").all() as { name: string }[]).map((t) => t.name);
    for (const t of ['units', 'contacts', 'addresses', 'inbound_messages', 'conversations', 'outbox', 'campaigns', 'broadcasts', 'callback_requests', 'signup_reports', 'admin_users', 'audit_log']) {
      expect(tables).toContain(t);
    }
    expect(db.$client.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.$client.pragma('foreign_keys', { simple: true })).toBe(1);
    db.$client.close();
    // Opening again applies nothing twice.
    const again = openDb(join(dir, 'nested', 'x.db'));
    again.$client.close();
  });

  it('are committed as generated SQL', () => {
    expect(readdirSync(MIGRATIONS_DIR).some((f) => f.endsWith('.sql'))).toBe(true);
  });
});
