/**
 * Column types that make PostgreSQL hand JavaScript exactly what SQLite hands it, so one code path reads both.
 *
 * - `epochMs`: SQLite stores times as integer milliseconds (`integer({ mode: 'timestamp_ms' })`). PostgreSQL keeps
 *   the same numbers in a `bigint` (an `integer` is 32 bits and overflows in 1970 + 25 days), and drizzle maps them
 *   to and from `Date` as the SQLite column does. Raw SQL sees the same numbers on both engines (the pool parses
 *   int8 as a JavaScript number, see db/pg/client.ts), so `sent_at >= ?` with a millisecond bound works on both.
 * - `jsonText`: SQLite's json mode is text that drizzle stringifies and parses. PostgreSQL keeps it as `text` too,
 *   not `jsonb`: jsonb reorders object keys and drops duplicate ones, and node-postgres parses json/jsonb in raw
 *   queries, where SQLite returns the string (the outbox sender JSON.parses `quick_replies` itself). Text gives
 *   identical values through drizzle and through raw SQL. No query reads inside these documents today.
 */
import { customType } from 'drizzle-orm/pg-core';

export const epochMs = customType<{ data: Date; driverData: number | string }>({
  dataType: () => 'bigint',
  toDriver: (value) => value.getTime(),
  fromDriver: (value) => new Date(Number(value)),
});

/** A JSON document stored as text; `.$type<T>()` narrows it as on the SQLite side. */
export const jsonText = customType<{ data: unknown; driverData: string }>({
  dataType: () => 'text',
  toDriver: (value) => JSON.stringify(value),
  fromDriver: (value) => JSON.parse(value) as unknown,
});
