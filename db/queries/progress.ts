import type { Statement } from 'better-sqlite3';
import type { Db } from '../client.ts';
import type { UnitRow } from '../schema/index.ts';

/**
 * Progress against targets. "Current" counts are the latest report per unit × day × reporter: storing a report
 * sets `superseded_by` on the reporter's previous one for that unit and day, so current = `superseded_by IS NULL`
 * and the roll-up is one SQL aggregate plus one pass over the unit tree in JS.
 */

/** Code of the root when the unit table has no nation row (the default tree has provinces at the top). */
export const NATION_CODE = 'VN';
/** The default district target when no campaign is given (the plan: at least 50 new members per district). */
export const DEFAULT_DISTRICT_TARGET = 50;

export type UnitLevel = UnitRow['level'];

/** One unit's standing. Totals include every unit below it. */
export interface UnitProgress {
  code: string;
  name: string;
  level: UnitLevel;
  parentCode: string | null;
  /** Explicit `units.target`, else district default, province/nation = sum of their children, commune 0. */
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

/** A prepared statement cached per connection: report handling runs a few hundred times a second. */
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

/** The district default target of the active campaign (or 50). */
export function activeDistrictTarget(db: Db): number {
  const row = cached(db, 'SELECT district_target AS t FROM campaigns WHERE active = 1 ORDER BY id LIMIT 1').get() as
    | { t: number }
    | undefined;
  return row?.t ?? DEFAULT_DISTRICT_TARGET;
}

/**
 * Roll current counts up units → provinces → nation. `today` (YYYY-MM-DD) decides who has reported today.
 * One aggregate query over signup_reports, one over units, one pass in JS.
 */
export function rollUp(db: Db, opts: { today: string; districtTarget?: number }): Rollup {
  const districtTarget = opts.districtTarget ?? activeDistrictTarget(db);
  const unitRows = cached(
    db,
    'SELECT code, name, level, parent_code AS parentCode, target FROM units')
    .all() as { code: string; name: string; level: UnitLevel; parentCode: string | null; target: number | null }[];
  const counts = cached(
    db,
    
      `SELECT unit_code AS unitCode, SUM(count) AS total,
              SUM(CASE WHEN day = ? THEN count ELSE 0 END) AS todayCount,
              MAX(day = ?) AS reportedToday
         FROM signup_reports WHERE superseded_by IS NULL GROUP BY unit_code`,
    )
    .all(opts.today, opts.today) as { unitCode: string; total: number; todayCount: number; reportedToday: number }[];

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
    u.target =
      own ?? (u.level === 'district' ? districtTarget : u.level === 'commune' ? 0 : (childTargets.get(u.code) ?? 0));
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

/** The units that receive reports: districts (communes roll into their district). */
export function reportingUnits(rollup: Rollup, code: string): UnitProgress[] {
  const self = rollup.units.get(code);
  const below = descendants(rollup, code).filter((u) => u.level === 'district');
  return self?.level === 'district' ? [self] : below;
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

/** Districts under `code` (or `code` itself) with no report today. */
export function notReportedToday(rollup: Rollup, code: string): UnitProgress[] {
  return reportingUnits(rollup, code).filter((u) => !u.reportedToday);
}

/** One district's (or commune's) cumulative total and target, without rolling up the whole tree. */
export function unitStanding(db: Db, code: string, opts: { districtTarget?: number } = {}): { code: string; name: string; total: number; target: number } | null {
  const unit = cached(db, 'SELECT code, name, level, target FROM units WHERE code = ?').get(code) as
    | { code: string; name: string; level: UnitLevel; target: number | null }
    | undefined;
  if (!unit) return null;
  const row = cached(
    db,
    
      // IN (… UNION ALL …) rather than OR, so SQLite seeks reports_current_idx per unit instead of scanning.
      `SELECT COALESCE(SUM(count), 0) AS total FROM signup_reports
        WHERE superseded_by IS NULL
          AND unit_code IN (SELECT ? UNION ALL SELECT code FROM units WHERE parent_code = ?)`,
    )
    .get(code, code) as { total: number };
  const target =
    unit.target ??
    (unit.level === 'district' ? (opts.districtTarget ?? activeDistrictTarget(db)) : unit.level === 'commune' ? 0 : sumDistrictTargets(db, code, opts.districtTarget));
  return { code: unit.code, name: unit.name, total: row.total, target };
}

function sumDistrictTargets(db: Db, code: string, districtTarget?: number): number {
  const dt = districtTarget ?? activeDistrictTarget(db);
  const row = cached(
    db,
    `SELECT COALESCE(SUM(COALESCE(target, ?)), 0) AS t FROM units WHERE parent_code = ? AND level = 'district'`)
    .get(dt, code) as { t: number };
  return row.t;
}

/** One row of the export: a unit's current count on one day. */
export interface UnitDayCount {
  unitCode: string;
  day: string;
  count: number;
}

/** Current counts per unit × day (the latest report per unit × day × reporter, summed over reporters). */
export function countsByUnitDay(db: Db, opts: { from?: string; to?: string } = {}): UnitDayCount[] {
  return cached(
    db,
    `SELECT unit_code AS unitCode, day, SUM(count) AS count
       FROM signup_reports
      WHERE superseded_by IS NULL AND day >= ? AND day <= ?
      GROUP BY unit_code, day
      ORDER BY unit_code, day`,
  ).all(opts.from ?? '0000-00-00', opts.to ?? '9999-99-99') as UnitDayCount[];
}
