import { defineConfig } from 'drizzle-kit';

/** PostgreSQL migrations (several instances, DATABASE_URL); drizzle.config.ts generates the SQLite ones. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/pg/schema/index.ts',
  out: './db/pg/migrations',
});
