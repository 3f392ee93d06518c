import type { Statement } from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import { row, rows, type Db } from '../client.ts';
import type { UnitRow } from '../schema/index.ts';

/**
 * Progress against targets. "Current" counts are the latest report per unit × day × reporter: storing a report
 * sets `superseded_by` on the reporter's previous one for that unit and day, so current = `superseded_by IS NULL`
 * and the roll-up is one SQL aggregate plus one pass over the unit tree in JS.
 */

/** Code of the root when the unit table has no nation row (the default tree has provinces at the top). */
export const NATION_CODE = 'VN';
/**
 * The default target of a lowest-level unit (district on the 2020-era tree, commune on the current one) when no
 * campaign is given: the plan's "at least 50 new members" per unit.
 */
export const DEFAULT_DISTRICT_TARGET = 50;

export type UnitLevel = UnitRow['level'];

/** One unit's standing. Totals include every unit below it. */
export interface UnitProgress {
  code: string;
  name: string;
  level: UnitLevel;
  parentCode: string | null;
  /** Explicit `units.target`, else the campaign default for a lowest-level unit, else the sum of its children. */
  target: number;
  /** Cumulative current count. */
  total: number;
  /** Current count for `today`. */
  todayCount: number;
  /** Some unit in this subtree (or the unit itself) has a current report for `today` (a "BC 0" counts). */
  reportedToday: boolean;
  /** Codes of the direct children. */
  children: string[];
}

/** The whole tree's standing on one day. */
export interface Rollup {
  today: string;
  root: UnitProgress;
  units: Map<string, UnitProgress>;
}

const statements = new WeakMap<object, Map<string, Statement<unknown[], unknown>>>();

/**
 * A prepared statement cached per connection (SQLite only). Nothing in the reports area uses it any more (raw SQL
 * goes through `rows`/`row` of db/client.ts, whose statements SQLite caches per connection too); it stays until
 * flows/broadcast (schedule, render, preview) move off it, then goes.
 */
export function cached(db: Db, text: string): Statement<unknown[], unknown> {
  let perDb = statements.get(db.$client);
  if (!perDb) {
    perDb = new Map();
    statements.set(db.$client, perDb);
  }
  let st = perDb.get(text);
  if (!st) {
    st = db.$client.prepare<unknown[], unknown>(text);
    perDb.set(text, st);
  }
  return st;
}

const DEPTH: Record<UnitLevel, number> = { nation: 0, province: 1, district: 2, commune: 3 };

/** Whole-number percent of target (0 when the target is 0). */
export function percentOf(total: number, target: number): number {
  return target > 0 ? Math.round((total * 100) / target) : 0;
}

/** The default target per lowest-level unit of the active campaign (or 50); the column keeps the plan's name. */
export async function activeDistrictTarget(db: Db): Promise<number> {
  // `active` is a boolean column: compared with TRUE, which SQLite reads as 1.
  const found = await row<{ t: number }>(db, sql`SELECT district_target AS t FROM campaigns WHERE active = TRUE ORDER BY id LIMIT 1`);
  return found?.t ?? DEFAULT_DISTRICT_TARGET;
}

/**
 * Roll current counts up units → provinces → nation. `today` (YYYY-MM-DD) decides who has reported today.
 * One aggregate query over signup_reports, one over units, one pass in JS.
 */
export async function rollUp(db: Db, opts: { today: string; districtTarget?: number }): Promise<Rollup> {
  const districtTarget = opts.districtTarget ?? (await activeDistrictTarget(db));
  // Raw SQL with quoted camel-case aliases: PostgreSQL folds unquoted aliases to lower case.
  const unitRows = await rows<{ code: string; name: string; level: UnitLevel; parentCode: string | null; target: number | null }>(
    db,
    sql`SELECT code, name, level, parent_code AS "parentCode", target FROM units`,
  );
  // reportedToday is 0/1 on both engines (a CASE, not a boolean: PostgreSQL has no MAX over booleans).
  const counts = await rows<{ unitCode: string; total: number; todayCount: number; reportedToday: number }>(
    db,
    sql`SELECT unit_code AS "unitCode", SUM(count) AS total,
               SUM(CASE WHEN day = ${opts.today} THEN count ELSE 0 END) AS "todayCount",
               MAX(CASE WHEN day = ${opts.today} THEN 1 ELSE 0 END) AS "reportedToday"
          FROM signup_reports WHERE superseded_by IS NULL GROUP BY unit_code`,
  );

  const units = new Map<string, UnitProgress>();
  const explicit = new Map<string, number | null>();
  const nationRow = unitRows.find((u) => u.level === 'nation');
  const root: UnitProgress = nationRow
    ? node(nationRow.code, nationRow.name, 'nation', null)
    : node(NATION_CODE, 'Toàn quốc', 'nation', null);
  units.set(root.code, root);
  explicit.set(root.code, nationRow?.target ?? null);
  for (const u of unitRows) {
    if (u.level === 'nation') continue;
    units.set(u.code, node(u.code, u.name, u.level, u.parentCode ?? root.code));
    explicit.set(u.code, u.target);
  }
  for (const u of units.values()) {
    if (u === root) continue;
    const parent = u.parentCode !== null ? units.get(u.parentCode) : undefined;
    if (parent) parent.children.push(u.code);
    else u.parentCode = root.code; // an orphan still counts toward the nation
    if (!parent) root.children.push(u.code);
  }
  for (const c of counts) {
    const u = units.get(c.unitCode);
    if (!u) continue;
    u.total += c.total;
    u.todayCount += c.todayCount;
    u.reportedToday ||= c.reportedToday === 1;
  }
  // Deepest first, so every child is final before its parent reads it.
  const ordered = [...units.values()].sort((a, b) => DEPTH[b.level] - DEPTH[a.level]);
  const childTargets = new Map<string, number>();
  for (const u of ordered) {
    const own = explicit.get(u.code) ?? null;
    // The default applies to each lowest-level unit without its own target; a parent sums its children.
    const isLeaf = u.children.length === 0 && u !== root;
    u.target = own ?? (isLeaf ? districtTarget : (childTargets.get(u.code) ?? 0));
    if (u === root || u.parentCode === null) continue;
    const parent = units.get(u.parentCode);
    if (!parent) continue;
    parent.total += u.total;
    parent.todayCount += u.todayCount;
    parent.reportedToday ||= u.reportedToday;
    childTargets.set(parent.code, (childTargets.get(parent.code) ?? 0) + u.target);
  }
  for (const u of units.values()) u.children.sort();
  return { today: opts.today, root, units };
}

function node(code: string, name: string, level: UnitLevel, parentCode: string | null): UnitProgress {
  return { code, name, level, parentCode, target: 0, total: 0, todayCount: 0, reportedToday: false, children: [] };
}

/** Every unit below `code` (not itself), parents before children. */
export function descendants(rollup: Rollup, code: string): UnitProgress[] {
  const out: UnitProgress[] = [];
  const stack = [...(rollup.units.get(code)?.children ?? [])].reverse();
  while (stack.length > 0) {
    const c = stack.pop();
    const u = c !== undefined ? rollup.units.get(c) : undefined;
    if (!u) continue;
    out.push(u);
    for (let i = u.children.length - 1; i >= 0; i--) stack.push(u.children[i] ?? '');
  }
  return out;
}

/** A unit field staff report for: a district or commune (whichever tree is loaded). */
export function isReportingLevel(level: UnitLevel): boolean {
  return level === 'district' || level === 'commune';
}

/**
 * The units expected to report under `code`: the lowest-level units of the subtree (districts on the 2020-era
 * tree, communes on the current one; on a mixed tree, a district's communes roll into it and count as one).
 */
export function reportingUnits(rollup: Rollup, code: string): UnitProgress[] {
  const self = rollup.units.get(code);
  if (self && isReportingLevel(self.level)) return [self];
  const out: UnitProgress[] = [];
  for (const u of descendants(rollup, code)) {
    if (!isReportingLevel(u.level)) continue;
    const parent = u.parentCode !== null ? rollup.units.get(u.parentCode) : undefined;
    if (parent && isReportingLevel(parent.level)) continue; // counted through its district
    out.push(u);
  }
  return out;
}

/** Direct children of `code` furthest behind (lowest % of target, then lowest total), at most `n`. */
export function furthestBehind(rollup: Rollup, code: string, n: number): UnitProgress[] {
  const children = (rollup.units.get(code)?.children ?? []).flatMap((c) => {
    const u = rollup.units.get(c);
    return u ? [u] : [];
  });
  const ratio = (u: UnitProgress) => (u.target > 0 ? u.total / u.target : Number.POSITIVE_INFINITY);
  return children.sort((a, b) => ratio(a) - ratio(b) || a.total - b.total || a.code.localeCompare(b.code)).slice(0, n);
}

/** Reporting units under `code` (or `code` itself) with no report today. */
export function notReportedToday(rollup: Rollup, code: string): UnitProgress[] {
  return reportingUnits(rollup, code).filter((u) => !u.reportedToday);
}

/**
 * One unit's cumulative total and target without rolling up the whole tree: the report path asks this for the
 * unit just reported, usually a leaf (two indexed lookups); a parent is summed over its subtree.
 */
export async function unitStanding(
  db: Db,
  code: string,
  opts: { districtTarget?: number } = {},
): Promise<{ code: string; name: string; total: number; target: number } | null> {
  const unit = await row<{ code: string; name: string; level: UnitLevel; target: number | null }>(
    db,
    sql`SELECT code, name, level, target FROM units WHERE code = ${code}`,
  );
  if (!unit) return null;
  const hasChildren = (await row<{ one: number }>(db, sql`SELECT 1 AS one FROM units WHERE parent_code = ${code} LIMIT 1`)) !== undefined;
  const defaultTarget = opts.districtTarget ?? (await activeDistrictTarget(db));
  if (!hasChildren) {
    const own = await row<{ total: number }>(
      db,
      sql`SELECT COALESCE(SUM(count), 0) AS total FROM signup_reports WHERE superseded_by IS NULL AND unit_code = ${code}`,
    );
    return { code: unit.code, name: unit.name, total: own?.total ?? 0, target: unit.target ?? defaultTarget };
  }
  // The subtree, parents before children (breadth first), with each unit's own target.
  const subtree = await rows<{ code: string; parent: string; target: number | null }>(
    db,
    sql`WITH RECURSIVE down(code, parent, target) AS (
          SELECT code, parent_code, target FROM units WHERE parent_code = ${code}
          UNION ALL
          SELECT u.code, u.parent_code, u.target FROM units u JOIN down ON u.parent_code = down.code
        )
        SELECT code, parent, target FROM down`,
  );
  const total = await row<{ total: number }>(db, sql`${subtreeCte(code)}
     SELECT COALESCE(SUM(r.count), 0) AS total FROM signup_reports r JOIN down ON r.unit_code = down.code WHERE r.superseded_by IS NULL`);
  return { code: unit.code, name: unit.name, total: total?.total ?? 0, target: unit.target ?? derivedTarget(code, subtree, defaultTarget) };
}

/**
 * `WITH RECURSIVE down(code)`: the unit `code` and every unit below it. The first row is selected from units, not
 * a bare parameter, so the column has the table's type on both engines (PostgreSQL may not infer a bare
 * parameter's type, and a recursive CTE needs both terms to agree). Callers ask only for units that exist.
 */
function subtreeCte(code: string) {
  return sql`WITH RECURSIVE down(code) AS (
       SELECT code FROM units WHERE code = ${code}
       UNION ALL
       SELECT u.code FROM units u JOIN down ON u.parent_code = down.code
     )`;
}

/** A parent's target from its subtree (parents listed before children): the same rule as `rollUp`. */
function derivedTarget(code: string, subtree: { code: string; parent: string; target: number | null }[], defaultTarget: number): number {
  const childSums = new Map<string, number>();
  for (let i = subtree.length - 1; i >= 0; i--) {
    const u = subtree[i];
    if (!u) continue;
    const sum = childSums.get(u.code);
    const target = u.target ?? sum ?? defaultTarget;
    childSums.set(u.parent, (childSums.get(u.parent) ?? 0) + target);
  }
  return childSums.get(code) ?? 0;
}

/** One row of the export: a unit's current count on one day. */
export interface UnitDayCount {
  unitCode: string;
  day: string;
  count: number;
}

/** Current counts per unit × day (the latest report per unit × day × reporter, summed over reporters). */
export async function countsByUnitDay(db: Db, opts: { from?: string; to?: string } = {}): Promise<UnitDayCount[]> {
  return rows<UnitDayCount>(
    db,
    sql`SELECT unit_code AS "unitCode", day, SUM(count) AS count
          FROM signup_reports
         WHERE superseded_by IS NULL AND day >= ${opts.from ?? '0000-00-00'} AND day <= ${opts.to ?? '9999-99-99'}
         GROUP BY unit_code, day
         ORDER BY unit_code, day`,
  );
}

/** One day of a subtree's daily line: the current count reported for that day. */
export interface DayCount {
  day: string;
  count: number;
}

/** Current counts per day for the subtree of `code` (the nation: everything), oldest day first. */
export async function dailyCounts(db: Db, code: string, opts: { from?: string; to?: string } = {}): Promise<DayCount[]> {
  const from = opts.from ?? '0000-00-00';
  const to = opts.to ?? '9999-99-99';
  if (code === NATION_CODE) {
    return rows<DayCount>(
      db,
      sql`SELECT day, SUM(count) AS count FROM signup_reports WHERE superseded_by IS NULL AND day >= ${from} AND day <= ${to} GROUP BY day ORDER BY day`,
    );
  }
  return rows<DayCount>(
    db,
    sql`${subtreeCte(code)}
        SELECT r.day AS day, SUM(r.count) AS count FROM signup_reports r JOIN down ON r.unit_code = down.code
         WHERE r.superseded_by IS NULL AND r.day >= ${from} AND r.day <= ${to} GROUP BY r.day ORDER BY r.day`,
  );
}
