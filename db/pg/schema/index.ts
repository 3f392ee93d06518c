/** The PostgreSQL schema: the same tables, columns and indexes as db/schema/ (SQLite), in the pg dialect. */
export * from './units.ts';
export * from './contacts.ts';
export * from './messages.ts';
export * from './campaigns.ts';
export * from './callbacks.ts';
export * from './reports.ts';
export * from './admin.ts';
