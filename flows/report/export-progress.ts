/**
 * `export-progress --format csv|xlsx` and the admin API: one row per district with its count on each day,
 * total, target and percent; a total row after each province's districts and a nation total at the end.
 * CSV starts with a UTF-8 BOM so Excel shows Vietnamese correctly.
 */
import { stringify } from 'csv-stringify/sync';
import type { Db } from '../../db/client.ts';
import { countsByUnitDay, percentOf, rollUp, type UnitProgress } from '../../db/queries/progress.ts';
import { localDay } from '../../src/core/clock.ts';
import { dayMonthYear } from './parse.ts';

export interface ExportProgressOptions {
  format: 'csv' | 'xlsx';
  /** Only days in [from, to] (YYYY-MM-DD). */
  from?: string;
  to?: string;
  /** "Today" for the roll-up (default: the local day now). */
  now?: Date;
  /** Default target of a district (default: the active campaign's). */
  districtTarget?: number;
  /** Only rows of this unit's subtree (default: the nation). A province's export has no nation total. */
  scope?: string;
}

/** How a lowest-level row is labelled: districts on the 2020-era tree, communes since 1 July 2025. */
const LEVEL_LABEL: Partial<Record<UnitProgress['level'], string>> = { district: 'Huyện', commune: 'Xã/phường' };

/** The table both formats share: header plus rows of cells. */
export interface ProgressTable {
  days: string[];
  header: string[];
  rows: (string | number)[][];
}

/** Build the export table (exposed for the admin API's JSON and for tests). */
export async function buildProgressTable(db: Db, opts: Omit<ExportProgressOptions, 'format'> = {}): Promise<ProgressTable> {
  const rollup = await rollUp(db, {
    today: localDay(opts.now ?? new Date()),
    ...(opts.districtTarget !== undefined && { districtTarget: opts.districtTarget }),
  });
  const counts = await countsByUnitDay(db, { ...(opts.from && { from: opts.from }), ...(opts.to && { to: opts.to }) });
  const days = [...new Set(counts.map((c) => c.day))].sort();
  const dayIndex = new Map(days.map((d, i) => [d, i]));
  // Per-day counts of every unit, rolled up to its ancestors.
  const perDay = new Map<string, number[]>();
  const rowOf = (code: string) => {
    let r = perDay.get(code);
    if (!r) {
      r = days.map(() => 0);
      perDay.set(code, r);
    }
    return r;
  };
  for (const c of counts) {
    const i = dayIndex.get(c.day);
    if (i === undefined) continue;
    let code: string | null = c.unitCode;
    for (let hops = 0; code !== null && hops < 8; hops++) {
      const r = rowOf(code);
      r[i] = (r[i] ?? 0) + c.count;
      code = rollup.units.get(code)?.parentCode ?? null;
    }
  }
  const header = ['Cấp', 'Mã tỉnh', 'Tỉnh', 'Mã đơn vị', 'Đơn vị', ...days.map(dayMonthYear), 'Tổng', 'Chỉ tiêu', 'Tỷ lệ (%)'];
  const line = (u: UnitProgress, level: string, province: UnitProgress | undefined): (string | number)[] => {
    const d = perDay.get(u.code) ?? days.map(() => 0);
    const total = d.reduce((a, b) => a + b, 0);
    return [level, province?.code ?? '', province?.name ?? '', u.code, u.name, ...d, total, u.target, percentOf(total, u.target)];
  };
  const scope = opts.scope && opts.scope !== rollup.root.code ? opts.scope : null;
  const inScope = (code: string): boolean => {
    if (scope === null) return true;
    for (let c: string | null = code, hops = 0; c !== null && hops < 8; hops++) {
      if (c === scope) return true;
      c = rollup.units.get(c)?.parentCode ?? null;
    }
    return false;
  };
  const rows: (string | number)[][] = [];
  for (const pc of rollup.root.children) {
    const province = rollup.units.get(pc);
    if (!province) continue;
    for (const dc of province.children) {
      const district = rollup.units.get(dc);
      if (district && inScope(district.code)) rows.push(line(district, LEVEL_LABEL[district.level] ?? 'Đơn vị', province));
    }
    if (inScope(province.code)) rows.push(line(province, 'Tổng tỉnh', province));
  }
  if (scope === null) rows.push(line(rollup.root, 'Toàn quốc', undefined));
  return { days, header, rows };
}

/** The progress export as a file: CSV (UTF-8 with BOM) or XLSX. */
export async function exportProgress(db: Db, opts: ExportProgressOptions): Promise<Buffer> {
  const table = await buildProgressTable(db, opts);
  if (opts.format === 'csv') {
    return Buffer.from(stringify([table.header, ...table.rows], { bom: true }), 'utf8');
  }
  // exceljs is large; load it only when someone asks for a spreadsheet.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.created = opts.now ?? new Date();
  const ws = wb.addWorksheet('Tiến độ', { views: [{ state: 'frozen', xSplit: 5, ySplit: 1 }] });
  ws.addRow(table.header).font = { bold: true };
  for (const r of table.rows) {
    const row = ws.addRow(r);
    if (r[0] !== 'Huyện' && r[0] !== 'Xã/phường') row.font = { bold: true };
  }
  ws.getColumn(3).width = 24;
  ws.getColumn(5).width = 28;
  const out = await wb.xlsx.writeBuffer();
  return Buffer.from(out);
}
