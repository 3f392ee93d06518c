import type { Db } from '../client.ts';
import { parseCsv, parseTargetCell } from '../seed/units.ts';
import { cached, NATION_CODE, type Rollup, type UnitLevel, type UnitProgress } from './progress.ts';

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
export function unitBasics(db: Db, code: string): UnitBasics | undefined {
  if (code === NATION_CODE) return { code: NATION_CODE, name: 'Toàn quốc', level: 'nation', parentCode: null, target: null };
  return cached(db, 'SELECT code, name, level, parent_code AS parentCode, target FROM units WHERE code = ?').get(code) as UnitBasics | undefined;
}

/** The path from the nation down to `code` (both included), for breadcrumbs with names. */
export function unitPath(db: Db, code: string): UnitCrumb[] {
  const path: UnitCrumb[] = [];
  let current: string | null = code;
  for (let hops = 0; current !== null && current !== NATION_CODE && hops < 8; hops++) {
    const u = unitBasics(db, current);
    if (!u) break;
    path.unshift({ code: u.code, name: u.name, level: u.level });
    current = u.parentCode;
  }
  path.unshift({ code: NATION_CODE, name: 'Toàn quốc', level: 'nation' });
  return path;
}

/** The direct children of `code` in a roll-up, with own and effective targets, sorted by code. */
export function childListings(db: Db, rollup: Rollup, code: string): UnitListing[] {
  const parent = code === NATION_CODE ? rollup.root : rollup.units.get(code);
  if (!parent) return [];
  return parent.children.flatMap((c) => {
    const u = rollup.units.get(c);
    return u ? [listing(db, u)] : [];
  });
}

/** One unit of a roll-up as a listing. */
export function listing(db: Db, u: UnitProgress): UnitListing {
  const own = u.level === 'nation' ? null : (unitBasics(db, u.code)?.target ?? null);
  return { code: u.code, name: u.name, level: u.level, parentCode: u.parentCode, target: u.target, ownTarget: own, childCount: u.children.length };
}

/** Set (or, with null, clear) a unit's own target; returns the previous own target. */
export function setUnitTarget(db: Db, code: string, target: number | null): { before: number | null } {
  const before = unitBasics(db, code)?.target ?? null;
  cached(db, 'UPDATE units SET target = ? WHERE code = ?').run(target, code);
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
export function importTargets(db: Db, csvText: string, opts: { dryRun: boolean; allowed: (code: string) => boolean }): TargetsImport {
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
  records.forEach((r, i) => {
    const line = i + 2;
    const code = (r['code'] ?? '').trim();
    const target = parseTargetCell(r['target']);
    const unit = code === '' ? undefined : unitBasics(db, code);
    if (!unit || unit.level === 'nation' || !opts.allowed(code)) result.bad.push({ line, reason: `unknown unit code "${code}"` });
    else if (seen.has(code)) result.bad.push({ line, reason: `duplicate code ${code}` });
    else if (target === 'bad') result.bad.push({ line, reason: `target must be a whole number from 0 to 1000000 or empty, not "${r['target'] ?? ''}"` });
    else if (target === unit.target) result.unchanged++;
    else result.changes.push({ line, code, name: unit.name, before: unit.target, after: target });
    seen.add(code);
  });
  if (result.bad.length > 0 || opts.dryRun) return result;
  db.$client.transaction(() => {
    for (const c of result.changes) setUnitTarget(db, c.code, c.after);
  })();
  result.applied = true;
  return result;
}
