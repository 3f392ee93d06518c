import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR } from '../../../db/client.ts';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('the callbacks migration on a database that already has requests', () => {
  it('gives old requests references, keeps their free-text assignee in the notes and lets the deadline job offer the new ones', () => {
    dir = mkdtempSync(join(tmpdir(), 'callbacks-migration-'));
    // The migrations as they were before this one.
    const before = join(dir, 'before');
    cpSync(MIGRATIONS_DIR, before, { recursive: true });
    const journalPath = join(before, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
    journal.entries = journal.entries.filter((e) => e.tag !== '0004_callbacks');
    writeFileSync(journalPath, JSON.stringify(journal));
    const sqlite = new Database(join(dir, 'db.sqlite'));
    const db = drizzle(sqlite);
    migrate(db, { migrationsFolder: before });
    sqlite.prepare(`INSERT INTO contacts (id, created_at) VALUES (1, 0)`).run();
    const old = sqlite.prepare(
      `INSERT INTO callback_requests (contact_id, phone, status, assignee, notes, created_at, updated_at) VALUES (1, ?, ?, ?, ?, 1000, 2000)`,
    );
    old.run('+84912345678', 'new', null, null);
    old.run('+84912345679', 'called', 'Chị Hà', 'Đã gọi');

    migrate(db, { migrationsFolder: MIGRATIONS_DIR });
    const rows = sqlite.prepare(`SELECT id, reference, status, notes, deadline_at AS deadline FROM callback_requests ORDER BY id`).all();
    expect(rows).toEqual([
      { id: 1, reference: 'AA0001', status: 'new', notes: null, deadline: 2000 },
      { id: 2, reference: 'AA0002', status: 'called', notes: 'Đã gọi (người nhận cũ: Chị Hà)', deadline: null },
    ]);
    expect(() => sqlite.prepare(`INSERT INTO callback_requests (reference, contact_id, phone, created_at, updated_at) VALUES ('AA0001', 1, 'x', 0, 0)`).run()).toThrow(/UNIQUE/);
    sqlite.close();
  });
});
