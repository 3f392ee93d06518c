import { pgTable, text, integer, index } from 'drizzle-orm/pg-core';

/** PostgreSQL mirror of db/schema/units.ts (test/db/pg-schema-mirror.test.ts keeps them equal). */
export const units = pgTable(
  'units',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    type: text('type').notNull().default(''),
    level: text('level', { enum: ['nation', 'province', 'district', 'commune'] }).notNull(),
    parentCode: text('parent_code'),
    target: integer('target'),
    nameFolded: text('name_folded').notNull().default(''),
  },
  (t) => [index('units_parent_idx').on(t.parentCode), index('units_level_idx').on(t.level)],
);

export type UnitRow = typeof units.$inferSelect;
