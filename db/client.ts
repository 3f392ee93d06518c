import Database from 'better-sqlite3';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { SQL } from 'drizzle-orm';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as schema from './schema/index.ts';
import { openPgDb, type PgDb } from './pg/client.ts';
import type { PgTx } from './pg/contact-lock.ts';

/** Which engine a handle talks to: the SQLite file (the embedded default) or PostgreSQL (DATABASE_URL). */
export type Engine = 'sqlite' | 'pg';

/** PostgreSQL handles made by `pgHandle`, with the pool-backed drizzle database behind each. */
const pgBases = new WeakMap<object, PgDb>();
/** The PostgreSQL transaction an async chain is inside: the handle sends its queries there. */
const pgTransaction = new AsyncLocalStorage<PgTx>();

/** The engine behind a handle. */
export function engineOf(db: Db): Engine {
  return pgBases.has(db) ? 'pg' : 'sqlite';
}

/**
 * A PostgreSQL database as the `Db` every part of the service takes. Our queries are written once against the
 * table definitions in db/schema and awaited; drizzle's PostgreSQL dialect builds them (its SQL, its placeholders),
 * and the columns map values the same way on both engines (db/pg/schema mirrors the tables for migrations, and a
 * test keeps the two equal). Inside `transaction(…)` the handle sends every query to that transaction's connection.
 */
export function pgHandle(base: PgDb): Db {
  const handle = new Proxy(base, {
    get(target, prop) {
      const current: object = pgTransaction.getStore() ?? target;
      const value: unknown = Reflect.get(current, prop, current);
      return typeof value === 'function' ? value.bind(current) : value;
    },
  });
  pgBases.set(handle, base);
  return handle as unknown as Db;
}

/** The pool-backed drizzle database behind a PostgreSQL handle (for the engine-specific places: locks, claims). */
export function pgBaseOf(db: Db): PgDb | undefined {
  return pgBases.get(db);
}

/** The typed database handle every part of the service receives through its deps. */
export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

/**
 * Open (creating if needed) the SQLite file, switch on WAL and foreign keys, and apply the committed migrations.
 * `path` ':memory:' gives a private in-memory database (one per test).
 */
export function openDb(path: string): Db {
  if (path !== ':memory:') protectFiles(path);
  const sqlite = new Database(path);
  // SQLite's default 4 KiB pages: a commit writes each page it changed to the WAL, two write calls a page, and the
  // appended rows of a group commit (replies of several hundred bytes each) fill fewer 4 KiB pages than 1 KiB
  // ones: measured on the web chat, a commit took 140 µs against 215 µs. (Only takes effect when a file is created.)
  sqlite.pragma('page_size = 4096');
  sqlite.pragma('journal_mode = WAL');
  // NORMAL is durable across process crashes in WAL mode; only an OS crash can lose the last commits.
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Checkpoints run in a worker thread (db/checkpointer.ts); when the WAL reaches this size (~16 MB) the
  // writer's own checkpoint finds the frames already copied and only restarts the WAL.
  if (path !== ':memory:') sqlite.pragma('wal_autocheckpoint = 4000');
  const db = drizzle(withStatementCache(sqlite), { schema }) as Db;
  migrate(db, { migrationsFolder: MIGRATIONS_DIR });
  if (path !== ':memory:') for (const f of [`${path}-wal`, `${path}-shm`]) if (existsSync(f)) chmodOwn(f, 0o600);
  return db;
}

/**
 * The database a configuration names: PostgreSQL when it has a DATABASE_URL, else the SQLite file. Migrated on open;
 * the service and every CLI command open it this way, so an administrator's command reaches the same database.
 */
export async function openDatabase(config: { databaseUrl?: string | undefined; dbPath: string }, opts: { onIdleError?: (err: Error) => void } = {}): Promise<Db> {
  if (config.databaseUrl) return pgHandle(await openPgDb(config.databaseUrl, opts));
  return openDb(config.dbPath);
}

/** Where a configuration's database is, for messages (never the URL's password). */
export function databaseLabel(config: { databaseUrl?: string | undefined; dbPath: string }): string {
  if (!config.databaseUrl) return config.dbPath;
  const u = new URL(config.databaseUrl);
  return `PostgreSQL ${u.host}${u.pathname}`;
}

/** Close a handle: the SQLite file, or the PostgreSQL pool (waiting for connections in use). */
export async function closeDb(db: Db): Promise<void> {
  const base = pgBases.get(db);
  if (base) await base.$client.end();
  else db.$client.close();
}

/** chmod a path we own (a folder or file made by someone else is left alone). */
function chmodOwn(path: string, mode: number): void {
  if (statSync(path).uid === process.getuid?.()) chmodSync(path, mode);
}

/**
 * The data folder holds phones, names, messages and the Zalo refresh token: only the service's user may read it.
 * The folder is 0700 and the database 0600 (SQLite gives its -wal and -shm files the database file's mode).
 */
function protectFiles(path: string): void {
  const dir = dirname(path);
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodOwn(dir, 0o700);
  if (!existsSync(path)) closeSync(openSync(path, 'a', 0o600));
  chmodOwn(path, 0o600);
}

/** Statements kept per connection; drizzle asks for the same few dozen SQL strings over and over. */
const STATEMENT_CACHE_SIZE = 500;

/**
 * drizzle prepares a new statement for every query, and SQLite's prepare dominates a small query's cost.
 * This wraps `prepare` with a per-connection cache keyed by SQL text. drizzle may switch a statement to raw
 * mode (`values()`); a cached statement is switched back before it is handed out again. Safe because
 * better-sqlite3 is synchronous and drizzle never keeps an iterator open.
 */
function withStatementCache(sqlite: Database.Database): Database.Database {
  const cache = new Map<string, Database.Statement>();
  const prepare = sqlite.prepare.bind(sqlite);
  sqlite.prepare = ((source: string) => {
    const hit = cache.get(source);
    if (hit) {
      if (hit.reader) hit.raw(false);
      return hit;
    }
    const stmt = prepare(source);
    if (cache.size >= STATEMENT_CACHE_SIZE) {
      const oldest = cache.keys().next().value;
      if (oldest !== undefined) cache.delete(oldest);
    }
    cache.set(source, stmt);
    return stmt;
  }) as typeof sqlite.prepare;
  return sqlite;
}

/** Run a transaction-control statement, prepared once per connection (the statement cache) rather than parsed each time. */
const control = (client: Database.Database, statement: string): void => void client.prepare(statement).run();

/** The transaction an async chain is inside, per connection (savepoints nest inside it). */
const openTransaction = new AsyncLocalStorage<{ client: Database.Database; depth: number }>();
/** Per connection, the promise the next outermost transaction waits for: one outermost transaction at a time. */
const transactionQueue = new WeakMap<Database.Database, Promise<void>>();

/**
 * Run `fn` in one transaction and resolve with its result once committed; if it throws (or rejects), everything it
 * wrote is rolled back. Called inside another transaction (the same async chain) it runs in a savepoint: a failure
 * undoes only its own writes. Outermost transactions on one connection run one after another.
 *
 * `fn` receives the handle to query through (on SQLite the connection itself). While it runs it may await the
 * database only: SQLite has one connection, so a step that awaited a network call would hold every writer.
 */
export async function transaction<T>(db: Db, fn: (tx: Db) => Promise<T> | T): Promise<T> {
  const base = pgBases.get(db);
  if (base) {
    // drizzle opens a savepoint when asked inside a transaction.
    const runner = (pgTransaction.getStore() ?? base) as PgDb;
    return runner.transaction((tx) => pgTransaction.run(tx, async () => fn(db)));
  }
  const client = db.$client;
  const open = openTransaction.getStore();
  if (open && open.client === client) {
    const name = `sp${++open.depth}`;
    control(client, `SAVEPOINT ${name}`);
    try {
      const result = await fn(db);
      control(client, `RELEASE ${name}`);
      return result;
    } catch (err) {
      control(client, `ROLLBACK TO ${name}`);
      control(client, `RELEASE ${name}`);
      throw err;
    } finally {
      open.depth--;
    }
  }
  const before = transactionQueue.get(client) ?? Promise.resolve();
  let done!: () => void;
  const mine = new Promise<void>((resolve) => (done = resolve));
  transactionQueue.set(client, before.then(() => mine));
  await before;
  try {
    return await openTransaction.run({ client, depth: 0 }, async () => {
      control(client, 'BEGIN IMMEDIATE');
      try {
        const result = await fn(db);
        control(client, 'COMMIT');
        return result;
      } catch (err) {
        if (client.inTransaction) control(client, 'ROLLBACK');
        throw err;
      }
    });
  } finally {
    done();
  }
}

/**
 * Run `fn` inside the caller's transaction when there is one, without a savepoint of its own (if it throws, its
 * writes are undone with the caller's), else in a transaction of its own. For writes that only ever succeed or
 * fail together with their caller, such as queueing a message's replies.
 */
export async function withinTransaction<T>(db: Db, fn: (tx: Db) => Promise<T> | T): Promise<T> {
  const inside = pgBases.has(db) ? pgTransaction.getStore() !== undefined : openTransaction.getStore()?.client === db.$client;
  return inside ? fn(db) : transaction(db, fn);
}

// Raw SQL that runs on either engine. Queries built with drizzle's builder are awaited as they are
// (`await db.select()…`, `const [row] = await db.select()….limit(1)`, `await db.update(…)…`); raw `sql` goes through
// these three, so nothing outside db/ calls an engine's own methods (`.all()`, `.get()`, `.run()`, `$client`).

/** The rows of a raw query. */
export async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  if (engineOf(db) === 'pg') return (await pgExecute(db, query)).rows as T[];
  return db.all<T>(query);
}

/** The first row of a raw query, or undefined. */
export async function row<T>(db: Db, query: SQL): Promise<T | undefined> {
  if (engineOf(db) === 'pg') return (await pgExecute(db, query)).rows[0] as T | undefined;
  return db.get<T>(query);
}

/** Run a raw statement; resolves with the number of rows it changed. */
export async function execute(db: Db, query: SQL): Promise<number> {
  if (engineOf(db) === 'pg') return (await pgExecute(db, query)).rowCount ?? 0;
  return db.run(query).changes;
}

function pgExecute(db: Db, query: SQL): Promise<{ rows: unknown[]; rowCount: number | null }> {
  return (db as unknown as PgDb).execute(query);
}

/** How many rows an awaited insert, update or delete changed (the engines answer in different shapes). */
export function changedRows(result: unknown): number {
  const r = result as { changes?: number; rowCount?: number | null };
  return r.changes ?? r.rowCount ?? 0;
}
