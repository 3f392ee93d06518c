/**
 * The shape of a drizzle schema as plain data, engine words translated to one vocabulary, so the SQLite schema
 * (db/schema) and its PostgreSQL mirror (db/pg/schema) can be compared with one toEqual. See
 * test/db/pg-schema-mirror.test.ts.
 */
import { getTableName, is, type SQL } from 'drizzle-orm';
import { getTableConfig as pgTableConfig, PgDialect, PgTable } from 'drizzle-orm/pg-core';
import { getTableConfig as sqliteTableConfig, SQLiteSyncDialect, SQLiteTable } from 'drizzle-orm/sqlite-core';

/** What a column holds, as JavaScript sees it through drizzle. */
export type ColumnKind = 'integer' | 'text' | 'boolean' | 'epoch-ms' | 'json';

export interface ColumnShape {
  name: string;
  kind: ColumnKind;
  notNull: boolean;
  primary: boolean;
  /** Numbered by the database (SQLite AUTOINCREMENT, PostgreSQL identity). */
  generated: boolean;
  default: unknown;
  enumValues: readonly string[] | undefined;
  unique: string | false;
}

export interface TableShape {
  name: string;
  columns: Record<string, ColumnShape>;
  indexes: Record<string, { columns: string[]; unique: boolean; where: string | null }>;
  foreignKeys: Record<string, { columns: string[]; foreignTable: string; foreignColumns: string[]; onDelete: string; onUpdate: string }>;
  primaryKeys: string[][];
  uniqueConstraints: Record<string, string[]>;
}

export type SchemaShape = Record<string, TableShape>;

type AnyColumn = { name: string; columnType: string; notNull: boolean; primary: boolean; default: unknown; enumValues?: readonly string[]; isUnique: boolean; uniqueName?: string; getSQLType(): string };

function sqliteKind(col: AnyColumn): ColumnKind {
  switch (col.columnType) {
    case 'SQLiteInteger':
      return 'integer';
    case 'SQLiteText':
      return 'text';
    case 'SQLiteTextJson':
      return 'json';
    case 'SQLiteBoolean':
      return 'boolean';
    case 'SQLiteTimestamp':
      if ((col as unknown as { mode: string }).mode === 'timestamp_ms') return 'epoch-ms';
  }
  throw new Error(`SQLite column ${col.name} (${col.columnType}) has no PostgreSQL equivalent in the mirror rules: add one`);
}

/**
 * The mirror's rules: bigint is only used for millisecond times (custom `epochMs`) or, with mode 'number', for ids
 * that may pass 2^31 (SQLite's integer is 64 bits); a custom text column is `jsonText`.
 */
function pgKind(col: AnyColumn): ColumnKind {
  switch (col.columnType) {
    case 'PgInteger':
    case 'PgBigInt53':
      return 'integer';
    case 'PgText':
      return 'text';
    case 'PgBoolean':
      return 'boolean';
    case 'PgCustomColumn':
      if (col.getSQLType() === 'bigint') return 'epoch-ms';
      if (col.getSQLType() === 'text') return 'json';
  }
  throw new Error(`PostgreSQL column ${col.name} (${col.columnType}, ${col.getSQLType()}) is outside the mirror rules`);
}

function columnShape(col: AnyColumn, kind: ColumnKind, generated: boolean): ColumnShape {
  return {
    name: col.name,
    kind,
    notNull: col.notNull,
    primary: col.primary,
    generated,
    default: col.default,
    enumValues: col.enumValues,
    unique: col.isUnique ? (col.uniqueName ?? true).toString() : false,
  };
}

type AnyConfig = ReturnType<typeof pgTableConfig> | ReturnType<typeof sqliteTableConfig>;

function tableShape(cfg: AnyConfig, columnsByKey: Record<string, ColumnShape>, render: (where: SQL) => string): TableShape {
  const indexes: TableShape['indexes'] = {};
  for (const idx of cfg.indexes) {
    const c = idx.config as { name?: string; columns: { name?: string }[]; unique: boolean; where?: SQL };
    indexes[c.name ?? '?'] = { columns: c.columns.map((x) => x.name ?? '<expression>'), unique: c.unique, where: c.where ? render(c.where) : null };
  }
  const foreignKeys: TableShape['foreignKeys'] = {};
  for (const fk of cfg.foreignKeys) {
    const ref = fk.reference();
    foreignKeys[fk.getName()] = {
      columns: ref.columns.map((x) => x.name),
      foreignTable: getTableName(ref.foreignTable),
      foreignColumns: ref.foreignColumns.map((x) => x.name),
      onDelete: fk.onDelete ?? 'no action',
      onUpdate: fk.onUpdate ?? 'no action',
    };
  }
  const uniqueConstraints: Record<string, string[]> = {};
  for (const u of cfg.uniqueConstraints) uniqueConstraints[u.getName() ?? '?'] = u.columns.map((x) => x.name);
  return {
    name: cfg.name,
    columns: columnsByKey,
    indexes,
    foreignKeys,
    primaryKeys: cfg.primaryKeys.map((pk) => pk.columns.map((x) => x.name)),
    uniqueConstraints,
  };
}

/** Columns keyed by their JavaScript property, so both schemas must also use the same property names. */
function byKey<T extends { name: string }>(table: Record<string, unknown>, columns: T[], shape: (c: T) => ColumnShape): Record<string, ColumnShape> {
  const out: Record<string, ColumnShape> = {};
  for (const [key, value] of Object.entries(table)) {
    const col = columns.find((c) => c === value);
    if (col) out[key] = shape(col);
  }
  return out;
}

interface Engine {
  isTable(value: unknown): boolean;
  config(table: never): AnyConfig;
  kind(col: AnyColumn): ColumnKind;
  generated(col: AnyColumn): boolean;
  render(where: SQL): string;
}

function schemaShape(schema: Record<string, unknown>, engine: Engine): SchemaShape {
  const out: SchemaShape = {};
  for (const [key, table] of Object.entries(schema)) {
    if (!engine.isTable(table)) continue;
    const cfg = engine.config(table as never);
    const cols = byKey(table as Record<string, unknown>, cfg.columns as unknown as AnyColumn[], (c) => columnShape(c, engine.kind(c), engine.generated(c)));
    out[key] = tableShape(cfg, cols, engine.render);
  }
  return out;
}

const sqliteDialect = new SQLiteSyncDialect();
const pgDialect = new PgDialect();

export function sqliteSchemaShape(schema: Record<string, unknown>): SchemaShape {
  return schemaShape(schema, {
    isTable: (t) => is(t, SQLiteTable),
    config: sqliteTableConfig,
    kind: sqliteKind,
    generated: (c) => Boolean((c as unknown as { autoIncrement?: boolean }).autoIncrement),
    render: (w) => sqliteDialect.sqlToQuery(w).sql,
  });
}

export function pgSchemaShape(schema: Record<string, unknown>): SchemaShape {
  return schemaShape(schema, {
    isTable: (t) => is(t, PgTable),
    config: pgTableConfig,
    kind: pgKind,
    generated: (c) => (c as unknown as { generatedIdentity?: unknown }).generatedIdentity !== undefined,
    render: (w) => pgDialect.sqlToQuery(w).sql,
  });
}
