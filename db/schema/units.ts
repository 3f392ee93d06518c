import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';

/** An organisational unit: the nation, a province, a district (or, after 2025, a commune). */
export const units = sqliteTable(
  'units',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    /** Free-text kind as the source lists it (Quận, Huyện, Thị xã, Tỉnh …). */
    type: text('type').notNull().default(''),
    level: text('level', { enum: ['nation', 'province', 'district', 'commune'] }).notNull(),
    parentCode: text('parent_code'),
    /** New voluntary members targeted for the campaign; null = derived (districts default, provinces sum). */
    target: integer('target'),
    /** Folded name for matching ("huyen dong anh"). */
    nameFolded: text('name_folded').notNull().default(''),
  },
  (t) => [index('units_parent_idx').on(t.parentCode), index('units_level_idx').on(t.level)],
);

export type UnitRow = typeof units.$inferSelect;
