/**
 * The PostgreSQL schema (db/pg/schema) mirrors the SQLite one (db/schema) table by table, column by column, index
 * by index, so one code path reads both. A column or index added to one engine's schema fails here until it is
 * added to the other (then `npm run db:generate` and `npm run db:generate:pg` write the migrations).
 */
import { describe, expect, it } from 'vitest';
import * as sqliteSchema from '../../db/schema/index.ts';
import * as pgSchema from '../../db/pg/schema/index.ts';
import { pgSchemaShape, sqliteSchemaShape } from '../support/pg-schema-shape.ts';

describe('the PostgreSQL schema mirrors the SQLite schema', () => {
  const sqlite = sqliteSchemaShape(sqliteSchema);
  const pg = pgSchemaShape(pgSchema);

  it('has the same tables, exported under the same names', () => {
    expect(Object.keys(pg).sort()).toEqual(Object.keys(sqlite).sort());
    expect(Object.keys(sqlite).length).toBeGreaterThan(15);
  });

  for (const key of Object.keys(sqliteSchemaShape(sqliteSchema))) {
    it(`${key}: same columns, indexes, keys and references`, () => {
      const s = sqlite[key];
      const p = pg[key];
      expect(p, `table ${key} is missing from db/pg/schema`).toBeDefined();
      if (!s || !p) return;
      expect(p.name).toBe(s.name);
      // Column by column first, so a failure names the column.
      expect(Object.keys(p.columns).sort(), `columns of ${s.name}`).toEqual(Object.keys(s.columns).sort());
      for (const col of Object.keys(s.columns)) expect(p.columns[col], `${s.name}.${col}`).toEqual(s.columns[col]);
      expect(p.indexes, `indexes of ${s.name}`).toEqual(s.indexes);
      expect(p.foreignKeys, `foreign keys of ${s.name}`).toEqual(s.foreignKeys);
      expect(p.primaryKeys).toEqual(s.primaryKeys);
      expect(p.uniqueConstraints).toEqual(s.uniqueConstraints);
    });
  }
});
