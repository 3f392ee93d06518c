import { eq, sql } from 'drizzle-orm';
import { row, transaction, type Db } from '../client.ts';
import { units } from '../schema/index.ts';
import { parseCsv, parseTargetCell } from '../seed/units.ts';
import { NATION_CODE, type Rollup, type UnitLevel, type UnitProgress } from './progress.ts';

/** A unit as the console lists it: its own target (null = derived) beside the target in force. */
export interface UnitListing {
  code: string;
  name: string;
  level: UnitLevel;
  parentCode: string | null;
  target: number;
  ownTarget: number | null;
  childCount: number;
}

/** One step of a breadcrumb. */
export interface UnitCrumb {
  code: string;
  name: string;
  level: UnitLevel;
}

interface UnitBasics {
  code: string;
  name: string;
  level: UnitLevel;
  parentCode: string | null;
  target: number | null;
}

/** A unit's own row (the nation has none: it gets a synthetic one). */
export async function unitBasics(db: Db, code: string): Promise<UnitBasics | undefined> {
  if (code === NATION_CODE) return { code: NATION_CODE, name: 'Toàn quốc', level: 'nation', parentCode: null, target: null };
  // Raw SQL: listings ask this once per child unit (a province has up to a few hundred).
  return row<UnitBasics>(db, sql`SELECT code, name, level, parent_code AS "parentCode", target FROM units WHERE code = ${code}`);
}

/** The path from the nation down to `code` (both included), for breadcrumbs with names. */
export async function unitPath(db: Db, code: string): Promise<UnitCrumb[]> {
  const path: UnitCrumb[] = [];
  let current: string | null = code;
  for (let hops = 0; current !== null && current !== NATION_CODE && hops < 8; hops++) {
    const u = await unitBasics(db, current);
    if (!u) break;
    path.unshift({ code: u.code, name: u.name, level: u.level });
    current = u.parentCode;
  }
  path.unshift({ code: NATION_CODE, name: 'Toàn quốc', level: 'nation' });
  return path;
}

/** The direct children of `code` in a roll-up, with own and effective targets, sorted by code. */
export async function childListings(db: Db, rollup: Rollup, code: string): Promise<UnitListing[]> {
  const parent = code === NATION_CODE ? rollup.root : rollup.units.get(code);
  if (!parent) return [];
  const out: UnitListing[] = [];
  for (const c of parent.children) {
    const u = rollup.units.get(c);
    if (u) out.push(await listing(db, u));
  }
  return out;
}

/** One unit of a roll-up as a listing. */
export async function listing(db: Db, u: UnitProgress): Promise<UnitListing> {
  const own = u.level === 'nation' ? null : ((await unitBasics(db, u.code))?.target ?? null);
  return { code: u.code, name: u.name, level: u.level, parentCode: u.parentCode, target: u.target, ownTarget: own, childCount: u.children.length };
}

/** Set (or, with null, clear) a unit's own target; returns the previous own target. */
export async function setUnitTarget(db: Db, code: string, target: number | null): Promise<{ before: number | null }> {
  const before = (await unitBasics(db, code))?.target ?? null;
  await db.update(units).set({ target }).where(eq(units.code, code));
  return { before };
}

/** What a targets import would do or did. */
export interface TargetsImport {
  /** Rows whose target changes. */
  changes: { line: number; code: string; name: string; before: number | null; after: number | null }[];
  unchanged: number;
  bad: { line: number; reason: string }[];
  applied: boolean;
}

/**
 * Import targets from CSV (columns `code` and `target`; other columns such as name are ignored; an empty target
 * clears the unit's own target). Every row is checked first: with a bad row, or `dryRun`, nothing changes.
 * `allowed(code)` says whether the caller may set this unit (codes outside their scope are reported as unknown).
 */
export async function importTargets(
  db: Db,
  csvText: string,
  opts: { dryRun: boolean; allowed: (code: string) => boolean | Promise<boolean> },
): Promise<TargetsImport> {
  const result: TargetsImport = { changes: [], unchanged: 0, bad: [], applied: false };
  const csv = parseCsv(csvText);
  if ('error' in csv) {
    result.bad.push({ line: 0, reason: csv.error });
    return result;
  }
  const { records, header } = csv;
  if (records.length === 0) result.bad.push({ line: 1, reason: 'no rows' });
  for (const col of ['code', 'target']) if (records.length > 0 && !header.includes(col)) result.bad.push({ line: 1, reason: `missing column "${col}"` });
  if (result.bad.length > 0) return result;
  const seen = new Set<string>();
  for (const [i, r] of records.entries()) {
    const line = i + 2;
    const code = (r['code'] ?? '').trim();
    const target = parseTargetCell(r['target']);
    const unit = code === '' ? undefined : await unitBasics(db, code);
    if (!unit || unit.level === 'nation' || !(await opts.allowed(code))) result.bad.push({ line, reason: `unknown unit code "${code}"` });
    else if (seen.has(code)) result.bad.push({ line, reason: `duplicate code ${code}` });
    else if (target === 'bad') result.bad.push({ line, reason: `target must be a whole number from 0 to 1000000 or empty, not "${r['target'] ?? ''}"` });
    else if (target === unit.target) result.unchanged++;
    else result.changes.push({ line, code, name: unit.name, before: unit.target, after: target });
    seen.add(code);
  }
  if (result.bad.length > 0 || opts.dryRun) return result;
  await transaction(db, async (tx) => {
    for (const c of result.changes) await setUnitTarget(tx, c.code, c.after);
  });
  result.applied = true;
  return result;
}
