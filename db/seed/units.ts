import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from '../client.ts';
import { inTransaction } from '../client.ts';
import { units } from '../schema/index.ts';
import { foldWords } from '../../src/text/vietnamese.ts';

/** The default unit tree: 63 provinces and 696 districts as of 1 March 2025 (GSO codes). */
export const DEFAULT_UNITS_CSV = join(dirname(fileURLToPath(import.meta.url)), 'units-vn-2025-03.csv');

const LEVELS = new Set(['province', 'district', 'commune']);

export interface ImportUnitsResult {
  imported: number;
  bad: { line: number; reason: string }[];
}

/**
 * Load a unit tree from CSV (columns code,name,type,level,parent_code). Every row is checked first; if any row
 * is bad nothing is imported and every bad row is reported. Existing codes are updated (name, type, level, parent).
 */
export function importUnits(db: Db, csvText: string): ImportUnitsResult {
  let records: Record<string, string>[];
  try {
    records = parse(csvText.replace(/^\uFEFF/, ''), { columns: true, skip_empty_lines: true, trim: true, relax_column_count: true });
  } catch (err) {
    return { imported: 0, bad: [{ line: 0, reason: `not a CSV file: ${(err as Error).message}` }] };
  }
  const bad: ImportUnitsResult['bad'] = [];
  const header = records[0] ? Object.keys(records[0]) : [];
  for (const col of ['code', 'name', 'level', 'parent_code']) {
    if (records.length > 0 && !header.includes(col)) bad.push({ line: 1, reason: `missing column "${col}"` });
  }
  if (records.length === 0) bad.push({ line: 1, reason: 'no rows' });
  if (bad.length > 0) return { imported: 0, bad };

  const known = new Set(db.select({ code: units.code }).from(units).all().map((u) => u.code));
  const inFile = new Map<string, number>();
  records.forEach((r, i) => {
    const code = r['code'] ?? '';
    if (code !== '' && !inFile.has(code)) inFile.set(code, i + 2);
  });
  const rows = records.map((r, i) => {
    const line = i + 2; // header is line 1
    const code = (r['code'] ?? '').trim();
    const name = (r['name'] ?? '').normalize('NFC').trim();
    const level = (r['level'] ?? '').trim();
    const parent = (r['parent_code'] ?? '').trim();
    if (!/^[A-Za-z0-9_.-]{1,20}$/.test(code)) bad.push({ line, reason: `bad code "${code}"` });
    else if (inFile.get(code) !== line) bad.push({ line, reason: `duplicate code ${code}` });
    if (name === '') bad.push({ line, reason: 'empty name' });
    if (!LEVELS.has(level)) bad.push({ line, reason: `level must be province, district or commune, not "${level}"` });
    if (level === 'province' && parent !== '') bad.push({ line, reason: 'a province has no parent_code' });
    if (level !== 'province' && parent === '') bad.push({ line, reason: `a ${level} needs a parent_code` });
    if (parent !== '' && !inFile.has(parent) && !known.has(parent)) bad.push({ line, reason: `unknown parent_code ${parent}` });
    return {
      code,
      name,
      type: (r['type'] ?? '').trim(),
      level: level as 'province' | 'district' | 'commune',
      parentCode: parent === '' ? null : parent,
      nameFolded: foldWords(name),
    };
  });
  if (bad.length > 0) return { imported: 0, bad };
  inTransaction(db, () => {
    // Parents before children so foreign-key-like lookups stay valid while reading.
    for (let i = 0; i < rows.length; i += 400) {
      db.insert(units)
        .values(rows.slice(i, i + 400))
        .onConflictDoUpdate({
          target: units.code,
          set: {
            name: sql`excluded.name`,
            type: sql`excluded.type`,
            level: sql`excluded.level`,
            parentCode: sql`excluded.parent_code`,
            nameFolded: sql`excluded.name_folded`,
          },
        })
        .run();
    }
  });
  return { imported: rows.length, bad: [] };
}

/** Import the default tree when the units table is empty. */
export function seedDefaultUnits(db: Db): number {
  const count = db.select({ n: sql<number>`count(*)` }).from(units).get()?.n ?? 0;
  if (count > 0) return 0;
  const result = importUnits(db, readFileSync(DEFAULT_UNITS_CSV, 'utf8'));
  if (result.bad.length > 0) throw new Error(`default unit tree is invalid: ${JSON.stringify(result.bad.slice(0, 3))}`);
  return result.imported;
}
