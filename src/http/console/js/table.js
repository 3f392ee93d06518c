// @ts-check
/** A table whose columns sort on click (numbers numerically, text in Vietnamese order). */
import { h, replace } from './dom.js';

/**
 * @template T
 * @typedef {{ key: string, label: string, value: (row: T) => string | number, cell?: (row: T) => Node | string, numeric?: boolean, narrow?: boolean }} Column
 */

const COLLATOR = new Intl.Collator('vi');

/**
 * @template T
 * @param {Column<T>[]} columns
 * @param {T[]} rows
 * @param {{ sortKey?: string, descending?: boolean, id?: string, empty?: string }} [opts]
 * @returns {HTMLElement}
 */
export function sortableTable(columns, rows, opts = {}) {
  let sortKey = opts.sortKey ?? columns[0]?.key ?? '';
  let descending = opts.descending ?? false;
  const tbody = h('tbody');
  const headRow = h('tr');
  const table = h('table', { class: 'sortable', ...(opts.id && { id: opts.id }) }, h('thead', {}, headRow), tbody);

  const draw = () => {
    const col = columns.find((c) => c.key === sortKey);
    const sorted = [...rows];
    if (col) {
      sorted.sort((a, b) => {
        const x = col.value(a);
        const y = col.value(b);
        const order = typeof x === 'number' && typeof y === 'number' ? x - y : COLLATOR.compare(String(x), String(y));
        return descending ? -order : order;
      });
    }
    replace(
      headRow,
      ...columns.map((c) =>
        h(
          'th',
          { scope: 'col', class: [c.numeric ? 'num' : '', c.narrow ? 'narrow' : ''].join(' ').trim() || null, 'aria-sort': c.key === sortKey ? (descending ? 'descending' : 'ascending') : 'none' },
          h('button', { type: 'button', class: 'sort', dataset: { key: c.key }, onclick: () => {
            descending = sortKey === c.key ? !descending : !!c.numeric;
            sortKey = c.key;
            draw();
          } }, c.label, c.key === sortKey ? (descending ? ' ▼' : ' ▲') : ''),
        ),
      ),
    );
    replace(
      tbody,
      ...(sorted.length === 0
        ? [h('tr', {}, h('td', { colspan: columns.length, class: 'muted', text: opts.empty ?? 'Không có dữ liệu.' }))]
        : sorted.map((row) =>
            h('tr', {}, ...columns.map((c) => h('td', { class: [c.numeric ? 'num' : '', c.narrow ? 'narrow' : ''].join(' ').trim() || null }, c.cell ? c.cell(row) : String(c.value(row))))),
          )),
    );
  };
  draw();
  return h('div', { class: 'table-wrap' }, table);
}
