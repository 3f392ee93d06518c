// @ts-check
/** Progress: units against target (chart + sortable table), drill-down with named breadcrumbs, the daily line,
 * units that have not reported today, and exports of the subtree shown. */
import { api } from '../api.js';
import { dailyChart, unitsChart } from '../charts.js';
import { fmt, h, pct, replace } from '../dom.js';
import { sortableTable } from '../table.js';

/**
 * @typedef {{ code: string, name: string, level: string, target: number, total: number, todayCount: number, reportedToday: boolean, childCount: number }} UnitRow
 * @typedef {{ today: string, path: { code: string, name: string }[], unit: UnitRow, children: UnitRow[], daily: { day: string, count: number }[],
 *   missing: { count: number, units: { code: string, name: string, parentName: string }[] } }} Summary
 */

/** @type {import('../charts.js').ChartHandle[]} */
let charts = [];

/** @param {HTMLElement} main @param {import('../app.js').PageContext} ctx */
export async function render(main, ctx) {
  const code = ctx.args[0] || ctx.user.unitCode || 'VN';
  /** @type {Summary} */
  const s = await api(`/admin/progress/summary?unit=${encodeURIComponent(code)}`);
  for (const c of charts) c.destroy();
  charts = [];
  const open = (/** @type {string} */ c) => ctx.go(`#/progress/${encodeURIComponent(c)}`);
  // The caller's scope is the top of their breadcrumb: a province supervisor never sees the nation.
  const scopeAt = s.path.findIndex((p) => p.code === (ctx.user.unitCode || 'VN'));
  const crumbs = s.path.slice(Math.max(0, scopeAt));
  const u = s.unit;

  const unitsCanvas = /** @type {HTMLCanvasElement} */ (h('canvas', { id: 'units-chart', 'aria-label': 'Biểu đồ lũy kế so với chỉ tiêu theo đơn vị', role: 'img' }));
  const dailyCanvas = /** @type {HTMLCanvasElement} */ (h('canvas', { id: 'daily-chart', 'aria-label': 'Biểu đồ số người tham gia theo ngày', role: 'img' }));
  const drillable = s.children.length > 0;
  const exportHref = (/** @type {string} */ format) => `/admin/progress/export?unit=${encodeURIComponent(u.code)}&format=${format}`;

  replace(main, 
    h('nav', { class: 'crumbs', 'aria-label': 'Cấp đơn vị', id: 'crumbs' },
      ...crumbs.map((p, i) => (i === crumbs.length - 1 ? h('span', { class: 'here', text: p.name }) : h('a', { href: `#/progress/${encodeURIComponent(p.code)}`, text: p.name })))),
    h('div', { class: 'cards' },
      card('Lũy kế / chỉ tiêu', `${fmt(u.total)} / ${fmt(u.target)}`, `${pct(u.total, u.target)}%`),
      card(`Hôm nay (${dayMonth(s.today)})`, fmt(u.todayCount), u.reportedToday ? 'đã có báo cáo' : 'chưa có báo cáo'),
      card('Chưa báo cáo hôm nay', fmt(s.missing.count), 'đơn vị cơ sở'),
    ),
    h('div', { class: 'actions' },
      h('a', { class: 'button ghost', href: exportHref('csv'), download: `tien-do-${u.code}.csv`, id: 'export-csv' }, 'Tải CSV'),
      h('a', { class: 'button ghost', href: exportHref('xlsx'), download: `tien-do-${u.code}.xlsx`, id: 'export-xlsx' }, 'Tải Excel')),
    drillable
      ? h('div', { class: 'panel' }, h('h2', { text: `Các đơn vị của ${u.name}` }),
          h('div', { class: 'chart units', style: null, dataset: { rows: String(s.children.length) } }, unitsCanvas))
      : null,
    h('div', { class: 'panel' }, h('h2', { text: 'Theo ngày' }),
      s.daily.length > 0 ? h('div', { class: 'chart daily' }, dailyCanvas) : h('p', { class: 'muted', text: 'Chưa có báo cáo nào.' })),
    drillable
      ? h('div', { class: 'panel' }, h('h2', { text: 'Bảng tiến độ' }), sortableTable(
          [
            { key: 'name', label: 'Đơn vị', value: (/** @type {UnitRow} */ r) => r.name,
              cell: (r) => (r.childCount > 0 ? h('a', { href: `#/progress/${encodeURIComponent(r.code)}`, text: r.name }) : r.name) },
            { key: 'total', label: 'Lũy kế', numeric: true, value: (r) => r.total, cell: (r) => fmt(r.total) },
            { key: 'target', label: 'Chỉ tiêu', numeric: true, value: (r) => r.target, cell: (r) => fmt(r.target) },
            { key: 'pct', label: '%', numeric: true, value: (r) => pct(r.total, r.target), cell: (r) => `${pct(r.total, r.target)}%` },
            { key: 'today', label: 'Hôm nay', numeric: true, value: (r) => (r.reportedToday ? r.todayCount : -1),
              cell: (r) => (r.reportedToday ? fmt(r.todayCount) : h('span', { class: 'warn', text: 'chưa' })) },
          ],
          s.children,
          { sortKey: 'pct', descending: false, id: 'units-table' },
        ))
      : null,
    h('div', { class: 'panel' }, h('h2', { text: `Chưa báo cáo hôm nay (${fmt(s.missing.count)})` }),
      s.missing.count === 0
        ? h('p', { class: 'muted', text: 'Mọi đơn vị đã báo cáo.' })
        : h('ul', { class: 'missing', id: 'missing' },
            ...s.missing.units.map((m) => h('li', {}, m.name, m.parentName ? h('span', { class: 'muted', text: ` · ${m.parentName}` }) : null)),
            s.missing.count > s.missing.units.length ? h('li', { class: 'muted', text: `… và ${fmt(s.missing.count - s.missing.units.length)} đơn vị khác` }) : null)),
  );
  if (drillable) {
    // Room for every bar: the chart grows with the number of units, so names stay readable on a phone.
    const box = unitsCanvas.parentElement;
    if (box) box.style.height = `${Math.max(220, s.children.length * 26 + 60)}px`;
    charts.push(unitsChart(unitsCanvas, s.children, open));
  }
  if (s.daily.length > 0) charts.push(dailyChart(dailyCanvas, s.daily));
}

/** @param {string} label @param {string} value @param {string} sub */
function card(label, value, sub) {
  return h('div', { class: 'card stat' }, h('div', { class: 'label', text: label }), h('div', { class: 'value', text: value }), h('div', { class: 'muted', text: sub }));
}

/** @param {string} day YYYY-MM-DD */
function dayMonth(day) {
  return `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
}
