// @ts-check
/** Callbacks: the queue with filters, assign, change status, and each request's history. */
import { api } from '../api.js';
import { busy, field, h, localTime, notice, replace } from '../dom.js';

const STATUS = /** @type {Record<string, string>} */ ({
  new: 'Mới', assigned: 'Đã giao', taken: 'Đang xử lý', called: 'Đã gọi', unreachable: 'Không liên lạc được', done: 'Xong', cancelled: 'Đã hủy',
});
const CLOSING = ['called', 'unreachable', 'done'];

/**
 * @typedef {{ id: number, reference?: string, status: string, unitCode: string | null, unitName?: string | null, name?: string | null,
 *   phone: string, preferredTime?: string | null, topic?: string | null, assignee?: { id: number, name: string } | string | null, createdAt: string }} Callback
 */

/** @param {HTMLElement} main @param {import('../app.js').PageContext} ctx */
export async function render(main, ctx) {
  const status = /** @type {HTMLSelectElement} */ (h('select', { id: 'cb-status' }, h('option', { value: '', text: 'Mọi trạng thái' }),
    ...Object.entries(STATUS).map(([v, t]) => h('option', { value: v, text: t, selected: v === 'new' }))));
  const units = await api(`/admin/units?parent=${encodeURIComponent(ctx.user.unitCode || 'VN')}`);
  const unit = /** @type {HTMLSelectElement} */ (h('select', { id: 'cb-unit' }, h('option', { value: '', text: units.parent.name }),
    ...units.units.map((/** @type {{ code: string, name: string }} */ u) => h('option', { value: u.code, text: u.name }))));
  const list = h('div', { id: 'cb-list' });
  const detail = h('div', { id: 'cb-detail' });
  const load = async () => {
    const q = new URLSearchParams();
    if (status.value) q.set('status', status.value);
    if (unit.value) q.set('unit', unit.value);
    const answer = await api(`/admin/callbacks?${q}`);
    drawList(list, answer.callbacks ?? [], (id) => void openDetail(detail, id, ctx, load).catch((err) => replace(detail, notice(err.message, 'error'))));
  };
  status.addEventListener('change', () => void load());
  unit.addEventListener('change', () => void load());
  replace(main, h('h1', { text: 'Yêu cầu gọi lại' }), h('div', { class: 'panel row' }, field('Trạng thái', status), field('Đơn vị', unit)), h('div', { class: 'panel' }, list), detail);
  await load();
}

/** @param {HTMLElement} list @param {Callback[]} rows @param {(id: number) => void} open */
function drawList(list, rows, open) {
  if (rows.length === 0) {
    replace(list, h('p', { class: 'muted', text: 'Không có yêu cầu nào.' }));
    return;
  }
  replace(list, h('div', { class: 'table-wrap' }, h('table', { id: 'cb-table' },
    h('thead', {}, h('tr', {}, ...['Mã', 'Người hỏi', 'Đơn vị', 'Nội dung', 'Trạng thái', 'Người xử lý'].map((t) => h('th', { text: t })))),
    h('tbody', {}, ...rows.map((c) => h('tr', {},
      h('td', {}, h('button', { type: 'button', class: 'ghost small', dataset: { id: String(c.id) }, onclick: () => open(c.id) }, c.reference ?? `#${c.id}`)),
      h('td', {}, c.name ?? '', h('br'), h('span', { class: 'muted', text: c.phone })),
      h('td', { text: c.unitName ?? c.unitCode ?? '' }),
      h('td', {}, c.topic ?? '', c.preferredTime ? h('div', { class: 'muted', text: `Giờ gọi: ${c.preferredTime}` }) : null),
      h('td', {}, h('span', { class: `pill ${c.status}`, text: STATUS[c.status] ?? c.status })),
      h('td', { text: assigneeName(c) })))))));
}

/** @param {Callback} c */
function assigneeName(c) {
  return typeof c.assignee === 'string' ? c.assignee : (c.assignee?.name ?? '');
}

/** @param {HTMLElement} box @param {number} id @param {import('../app.js').PageContext} ctx @param {() => Promise<void>} reload */
async function openDetail(box, id, ctx, reload) {
  /** @type {Callback & { history?: { at: string, event: string, actor: string | null, detail?: unknown }[], notes?: string | null }} */
  const c = await api(`/admin/callbacks/${id}`);
  const out = h('div', { class: 'out' });
  const write = ctx.can('callbacks.write');
  const after = async () => {
    await reload();
    await openDetail(box, id, ctx, reload);
  };
  /** @type {(HTMLElement | null)[]} */
  const actions = [];
  if (write && (ctx.user.role === 'supervisor' || ctx.user.role === 'admin')) {
    const people = await api(`/admin/assignees?unit=${encodeURIComponent(c.unitCode ?? ctx.user.unitCode)}`).catch(() => ({ assignees: [] }));
    const who = /** @type {HTMLSelectElement} */ (h('select', { id: 'cb-assignee' }, ...people.assignees.map((/** @type {{ id: number, name: string }} */ p) => h('option', { value: String(p.id), text: p.name }))));
    const assign = /** @type {HTMLButtonElement} */ (h('button', { type: 'button', id: 'cb-assign' }, 'Giao việc'));
    assign.addEventListener('click', () => void busy(assign, out, async () => {
      await api(`/admin/callbacks/${id}/assign`, { method: 'POST', json: { assigneeId: Number(who.value) } });
      await after();
    }));
    actions.push(h('div', { class: 'row' }, field('Giao cho', who), h('div', {}, assign)));
  }
  if (write) {
    const next = /** @type {HTMLSelectElement} */ (h('select', { id: 'cb-next' }, ...['taken', ...CLOSING].map((s) => h('option', { value: s, text: STATUS[s] ?? s }))));
    const note = /** @type {HTMLInputElement} */ (h('input', { id: 'cb-note', maxlength: 2000, placeholder: 'Ghi chú (không bắt buộc)' }));
    const save = /** @type {HTMLButtonElement} */ (h('button', { type: 'button', id: 'cb-save' }, 'Cập nhật'));
    save.addEventListener('click', () => void busy(save, out, async () => {
      await api(`/admin/callbacks/${id}`, { method: 'PATCH', json: { status: next.value, ...(note.value.trim() && { note: note.value.trim() }) } });
      await after();
    }));
    actions.push(h('div', { class: 'row' }, field('Trạng thái mới', next), field('Ghi chú', note), h('div', {}, save)));
  }
  replace(box, h('div', { class: 'panel', id: 'cb-open' },
    h('h2', { text: `${c.reference ?? `#${c.id}`} · ${STATUS[c.status] ?? c.status}` }),
    h('p', {}, `${c.name ?? ''} · ${c.phone} · ${c.unitName ?? c.unitCode ?? ''}`, h('br'), c.topic ?? '', c.preferredTime ? ` · giờ gọi: ${c.preferredTime}` : ''),
    h('p', { class: 'muted', text: `Người xử lý: ${assigneeName(c) || 'chưa giao'}` }),
    ...actions,
    out,
    h('h2', { text: 'Lịch sử' }),
    c.history && c.history.length > 0
      ? h('ol', { class: 'history', id: 'cb-history' }, ...c.history.map((e) => h('li', {}, `${localTime(e.at)} · ${e.event}${e.actor ? ` · ${e.actor}` : ''}`)))
      : h('p', { class: 'muted', text: `Tạo lúc ${localTime(c.createdAt)}.` }),
  ));
}
