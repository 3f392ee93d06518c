/**
 * A throw-away database for a PostgreSQL benchmark, on the server of BENCH_DATABASE_URL (default
 * postgres://postgres@127.0.0.1:5432/postgres). `create` fails when there is no server: the benchmark then says in
 * one line that it was skipped.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const BENCH_SERVER = process.env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function onServer(query: string): Promise<void> {
  const client = new pg.Client({ connectionString: BENCH_SERVER });
  await client.connect();
  try {
    await client.query(query);
  } finally {
    await client.end();
  }
}

export interface BenchDatabase {
  url: string;
  drop(): Promise<void>;
}

/** Create an empty database; its URL is the server's with the new name. */
export async function createBenchDatabase(): Promise<BenchDatabase> {
  const name = `bhxh_bench_${randomBytes(4).toString('hex')}`;
  await onServer(`CREATE DATABASE ${name}`);
  const u = new URL(BENCH_SERVER);
  u.pathname = `/${name}`;
  return { url: u.toString(), drop: () => onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined) };
}

/** The line a benchmark prints when there is no PostgreSQL to run on. */
export const skippedLine = (err: unknown): string => `Skipped: no PostgreSQL at ${new URL(BENCH_SERVER).host} (${(err as Error).message}).`;
