// @ts-check
/** Staff: import a CSV (the dry-run report first), the list, link codes, deactivate. */
import { api, pickedText } from '../api.js';
import { busy, field, h, notice, replace } from '../dom.js';
import { sortableTable } from '../table.js';

/** @param {HTMLElement} main @param {import('../app.js').PageContext} ctx */
export async function render(main, ctx) {
  const write = ctx.can('staff.write');
  const list = h('div', { id: 'staff-list' });
  const load = async () => {
    const answer = await api('/admin/staff');
    const out = h('div', { class: 'out' });
    replace(list, sortableTable(
      [
        { key: 'name', label: 'Họ tên', value: (/** @type {Record<string, any>} */ s) => s.name ?? '' },
        { key: 'phone', label: 'Điện thoại', value: (s) => s.phone ?? '', narrow: true },
        { key: 'unit', label: 'Đơn vị', value: (s) => s.unitName ?? s.unitCode ?? '' },
        { key: 'channels', label: 'Kênh', value: (s) => s.channels.join(', '), narrow: true },
        { key: 'act', label: '', value: () => '', cell: (s) => (write ? actions(s, out, load) : '') },
      ],
      answer.staff,
      { id: 'staff-table', empty: 'Chưa có cán bộ nào. Hãy nhập tệp CSV.' },
    ), out);
  };
  replace(main, h('h1', { text: 'Cán bộ cơ sở' }), write ? importer(load) : null, h('div', { class: 'panel' }, list));
  await load();
}

/** @param {Record<string, any>} s @param {HTMLElement} out @param {() => Promise<void>} reload */
function actions(s, out, reload) {
  const code = /** @type {HTMLButtonElement} */ (h('button', { type: 'button', class: 'ghost small' }, 'Mã liên kết'));
  code.addEventListener('click', () => void busy(code, out, async () => {
    const answer = await api('/admin/link-codes', { method: 'POST', json: { phone: s.phone } });
    replace(out, notice(`${s.name}: ${answer.message ?? answer.code}`, 'ok'));
  }));
  const off = /** @type {HTMLButtonElement} */ (h('button', { type: 'button', class: 'ghost small' }, 'Ngừng'));
  off.addEventListener('click', () => void busy(off, out, async () => {
    if (!window.confirm(`Ngừng nhận báo cáo từ ${s.name}?`)) return;
    await api(`/admin/staff/${s.id}/deactivate`, { method: 'POST' });
    await reload();
  }));
  return h('span', { class: 'actions' }, s.phone ? code : null, off);
}

/** @param {() => Promise<void>} reload */
function importer(reload) {
  const file = /** @type {HTMLInputElement} */ (h('input', { type: 'file', id: 'staff-file', accept: '.csv,text/csv' }));
  const out = h('div', { class: 'out', id: 'staff-report' });
  const check = /** @type {HTMLButtonElement} */ (h('button', { type: 'button', id: 'staff-check' }, 'Kiểm tra (chưa ghi)'));
  check.addEventListener('click', () => void busy(check, out, async () => {
    const csv = await pickedText(file);
    if (!csv) throw new Error('Hãy chọn tệp CSV.');
    const dry = await api('/admin/staff/import?dryRun=1', { method: 'POST', csv }).catch((err) => ({ error: err }));
    if ('error' in dry) throw dry.error;
    const apply = /** @type {HTMLButtonElement} */ (h('button', { type: 'button', id: 'staff-apply' }, 'Nhập'));
    apply.addEventListener('click', () => void busy(apply, out, async () => {
      const done = await api('/admin/staff/import', { method: 'POST', csv });
      replace(out, notice(`Đã nhập ${done.imported} người mới, cập nhật ${done.updated}.`, 'ok'));
      await reload();
    }));
    replace(out, notice(`Sẽ nhập ${dry.imported} người mới, cập nhật ${dry.updated}.`, 'info'), apply);
  }));
  return h('div', { class: 'panel form' }, h('h2', { text: 'Nhập danh sách (CSV: name, phone, unit_code, role)' }), field('Tệp', file), h('div', { class: 'actions' }, check), out);
}
