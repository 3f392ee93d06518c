import { eq, getTableColumns } from 'drizzle-orm';
import { getTableConfig, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import { INSERT_INBOUND_SQL, INSERT_OUTBOX_SQL, messagePathQueries, UPSERT_CONVERSATION_SQL, WEB_WAITING_SQL, webWaitingAt } from '../../db/queries/message-path.ts';
import { openDb } from '../../db/client.ts';
import { addresses, contacts, conversations, inboundMessages, outbox } from '../../db/schema/index.ts';

/** The column list of a hand-written `INSERT INTO table (a, b, …) VALUES (?, …)` and its number of `?`. */
function insertShape(source: string): { table: string; columns: string[]; placeholders: number } {
  const m = /INSERT INTO\s+(\w+)\s*\(([^)]*)\)\s*VALUES\s*\(([^)]*)\)/i.exec(source);
  if (!m) throw new Error(`not an INSERT: ${source}`);
  return {
    table: m[1]!,
    columns: m[2]!.split(',').map((c) => c.trim()),
    placeholders: (m[3]!.match(/\?/g) ?? []).length,
  };
}

/** Every column name the drizzle schema declares for a table. */
function schemaColumns(table: SQLiteTable): string[] {
  return Object.values(getTableColumns(table)).map((c) => c.name);
}

// Columns an insert deliberately leaves out: filled by SQLite (id), or written later in the row's life. A column
// added to the schema must be listed either in the statement or here, so nobody forgets the positional SQL.
const LEFT_OUT: Record<string, string[]> = {
  inbound_messages: ['id', 'status'],
  outbox: ['id', 'provider_id', 'error', 'encoding', 'segments', 'sent_via', 'reason', 'claimed_until'],
};

describe('the hand-written message-path inserts follow the drizzle schema', () => {
  const cases = [
    { name: 'insertInbound', source: INSERT_INBOUND_SQL, table: inboundMessages },
    { name: 'insertOutbox', source: INSERT_OUTBOX_SQL, table: outbox },
    { name: 'upsertConversation', source: UPSERT_CONVERSATION_SQL, table: conversations },
  ];

  for (const c of cases) {
    it(`${c.name} writes to the schema's table, names only schema columns, and has one placeholder per column`, () => {
      const shape = insertShape(c.source);
      expect(shape.table).toBe(getTableConfig(c.table).name);
      const known = schemaColumns(c.table);
      for (const column of shape.columns) expect(known, `${c.name}: column "${column}" is not in the schema`).toContain(column);
      expect(new Set(shape.columns).size).toBe(shape.columns.length);
      expect(shape.placeholders).toBe(shape.columns.length);
    });

    it(`${c.name} covers every schema column except the ones deliberately left to defaults or later writes`, () => {
      const shape = insertShape(c.source);
      const leftOut = LEFT_OUT[shape.table] ?? [];
      const expected = schemaColumns(c.table).filter((col) => !leftOut.includes(col));
      expect([...shape.columns].sort()).toEqual(expected.sort());
    });
  }
});

describe('the web chat pickup check, asked on every web chat request', () => {
  it('is answered from the partial index outbox_web_pickup_idx, with status and channel as literals (no re-planning per run)', () => {
    const db = openDb(':memory:');
    const built = db.select({ id: outbox.id }).from(outbox).where(webWaitingAt('web:s1')).limit(1).toSQL();
    // A bound status or channel would still find the index, but SQLite would prepare the statement again each time.
    expect(built.params).toEqual(['web:s1', 1]);
    expect(WEB_WAITING_SQL.match(/\?/g)).toHaveLength(1);
    for (const [source, params] of [
      [WEB_WAITING_SQL, ['web:s1']],
      [built.sql, built.params],
    ] as const) {
      const plan = db.$client.prepare(`EXPLAIN QUERY PLAN ${source}`).all(...params) as { detail: string }[];
      expect(plan.map((p) => p.detail).join('; ')).toContain('outbox_web_pickup_idx');
    }
    db.$client.close();
  });
});

describe('the plain message-path statements read rows as drizzle does', () => {
  it('decodes an address with its contact, and a conversation, exactly like drizzle selects (dates, booleans, JSON)', async () => {
    const db = openDb(':memory:');
    const q = messagePathQueries(db);
    const at = new Date('2026-05-23T01:00:00.123Z');
    const contact = await q.insertContact({ name: 'Lan', phone: '+84912345678', createdAt: at });
    await q.insertAddress({ address: 'web:s1', channel: 'web', contactId: contact.id, lastInboundAt: at, createdAt: at });
    await q.upsertConversation({ contactId: contact.id, flow: 'calculator', step: 'age', state: { age: 40, tags: ['a'], poor: false }, version: 3, expiresAt: at, updatedAt: at });
    const both = await q.addressWithContact('web:s1');
    expect(both?.address).toEqual((await db.select().from(addresses).where(eq(addresses.address, 'web:s1')))[0]);
    expect(both?.contact).toEqual((await db.select().from(contacts).where(eq(contacts.id, contact.id)))[0]);
    expect(both?.contact.subscribed).toBeTypeOf('boolean');
    const conversation = await q.conversationOf(contact.id);
    expect(conversation).toEqual((await db.select().from(conversations).where(eq(conversations.contactId, contact.id)))[0]);
    expect(conversation?.expiresAt).toEqual(at);
    expect(await q.addressWithContact('web:nobody')).toBeUndefined();
    await q.deleteConversation(contact.id);
    expect(await q.conversationOf(contact.id)).toBeUndefined();
    db.$client.close();
  });
});
