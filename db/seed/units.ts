import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from '../client.ts';
import { transaction } from '../client.ts';
import { units } from '../schema/index.ts';
import { foldWords } from '../../src/text/vietnamese.ts';

/** The unit trees shipped with the service: the current one (34 provinces, 3,321 communes since 1 July 2025) and the
 * 2020-era one the plan was written for (63 provinces, 696 districts, as listed on 1 March 2025). */
export const UNIT_TREES = ['2025-07', '2025-03'] as const;
export type UnitTree = (typeof UNIT_TREES)[number];
/** A fresh install seeds the tree in force today. */
export const DEFAULT_UNIT_TREE: UnitTree = '2025-07';

/** Path of a shipped unit tree CSV. */
export function unitTreeCsv(tree: UnitTree): string {
  return join(dirname(fileURLToPath(import.meta.url)), `units-vn-${tree}.csv`);
}

const LEVELS = new Set(['province', 'district', 'commune']);

export interface ImportUnitsResult {
  /** Rows imported (with `dryRun`: rows that would be). */
  imported: number;
  /** Of those, codes that are new to the table (the rest update existing units). */
  added: number;
  bad: { line: number; reason: string }[];
}

/**
 * Load a unit tree from CSV (columns code,name,type,level,parent_code, optional target). Every row is checked
 * first; if any row is bad nothing is imported and every bad row is reported. Existing codes are updated (name,
 * type, level, parent; target only when the file has a target column). `dryRun` checks and counts, writes nothing.
 */
export async function importUnits(db: Db, csvText: string, opts: { dryRun?: boolean } = {}): Promise<ImportUnitsResult> {
  const csv = parseCsv(csvText);
  if ('error' in csv) return { imported: 0, added: 0, bad: [{ line: 0, reason: csv.error }] };
  const { records, header } = csv;
  const bad: ImportUnitsResult['bad'] = [];
  for (const col of ['code', 'name', 'level', 'parent_code']) {
    if (records.length > 0 && !header.includes(col)) bad.push({ line: 1, reason: `missing column "${col}"` });
  }
  if (records.length === 0) bad.push({ line: 1, reason: 'no rows' });
  if (bad.length > 0) return { imported: 0, added: 0, bad };

  const hasTarget = header.includes('target');
  const known = new Set((await db.select({ code: units.code }).from(units)).map((u) => u.code));
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
    const target = parseTargetCell(r['target']);
    if (target === 'bad') bad.push({ line, reason: `target must be a whole number from 0 to 1000000 or empty, not "${r['target'] ?? ''}"` });
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
      ...(hasTarget && { target: target === 'bad' ? null : target }),
    };
  });
  if (bad.length > 0) return { imported: 0, added: 0, bad };
  const added = rows.filter((r) => !known.has(r.code)).length;
  if (opts.dryRun) return { imported: rows.length, added, bad: [] };
  await transaction(db, async () => {
    // Parents before children so foreign-key-like lookups stay valid while reading.
    for (let i = 0; i < rows.length; i += 400) {
      await db
        .insert(units)
        .values(rows.slice(i, i + 400))
        .onConflictDoUpdate({
          target: units.code,
          set: {
            name: sql`excluded.name`,
            type: sql`excluded.type`,
            level: sql`excluded.level`,
            parentCode: sql`excluded.parent_code`,
            nameFolded: sql`excluded.name_folded`,
            ...(hasTarget && { target: sql`excluded.target` }),
          },
        });
    }
  });
  return { imported: rows.length, added, bad: [] };
}

/** A CSV file with a header row: its column names (from the header line itself) and its rows. */
export function parseCsv(csvText: string): { header: string[]; records: Record<string, string>[] } | { error: string } {
  let header: string[] = [];
  try {
    const records = parse(csvText.replace(/^\uFEFF/, ''), {
      columns: (names: string[]) => (header = names.map((n) => n.trim().toLowerCase())),
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
    }) as Record<string, string>[];
    return { header, records };
  } catch (err) {
    return { error: `not a CSV file: ${(err as Error).message}` };
  }
}

/**
 * A target cell: empty = no own target (derived), a whole number 0…1,000,000, else 'bad'.
 * Accepts "1.200" / "1,200" as thousands separators, as spreadsheets in Vietnam write them.
 */
export function parseTargetCell(raw: string | undefined): number | null | 'bad' {
  const text = (raw ?? '').trim().replace(/[.,\s](?=\d{3}(\D|$))/g, '');
  if (text === '') return null;
  if (!/^\d{1,7}$/.test(text)) return 'bad';
  const n = Number(text);
  return n <= 1_000_000 ? n : 'bad';
}

/** Import a shipped tree (default: the current one) when the units table is empty. */
export async function seedDefaultUnits(db: Db, tree: UnitTree = DEFAULT_UNIT_TREE): Promise<number> {
  const [any] = await db.select({ code: units.code }).from(units).limit(1);
  if (any) return 0;
  const result = await importUnits(db, readFileSync(unitTreeCsv(tree), 'utf8'));
  if (result.bad.length > 0) throw new Error(`default unit tree is invalid: ${JSON.stringify(result.bad.slice(0, 3))}`);
  return result.imported;
}
