// @ts-check
/** Broadcasts: compose with a live preview per channel (SMS encoding and segments as you type, audience size,
 * estimated cost), schedule or send after a confirmation, the list with statistics, cancel. */
import { api } from '../api.js';
import { busy, field, fmt, h, localTime, notice, replace } from '../dom.js';

const CHANNELS = [['sms', 'SMS'], ['zalo', 'Zalo'], ['telegram', 'Telegram'], ['web', 'Web chat']];
const ROLES = [['resident', 'Người dân đã đăng ký'], ['staff', 'Cán bộ cơ sở'], ['supervisor', 'Giám sát']];
const STATUS = /** @type {Record<string, string>} */ ({
  draft: 'Bản nháp', scheduled: 'Đã hẹn giờ', sending: 'Đang gửi', queued: 'Đã xếp hàng', sent: 'Đã gửi', cancelled: 'Đã hủy',
});

/** @param {HTMLElement} main @param {import('../app.js').PageContext} ctx */
export async function render(main, ctx) {
  const write = ctx.can('broadcasts.write');
  const list = h('div', { id: 'bc-list' });
  replace(main, h('h1', { text: 'Gửi tin chiến dịch' }), write ? await composer(ctx, () => loadList(list, write)) : null, h('div', { class: 'panel' }, h('h2', { text: 'Các tin đã tạo' }), list));
  await loadList(list, write);
}

/** @param {import('../app.js').PageContext} ctx @param {() => Promise<void>} refresh */
async function composer(ctx, refresh) {
  const units = await api(`/admin/units?parent=${encodeURIComponent(ctx.user.unitCode || 'VN')}`);
  const text = /** @type {HTMLTextAreaElement} */ (h('textarea', { id: 'bc-text', maxlength: 2000, placeholder: 'Nội dung tin; {ten} là tên người nhận' }));
  const unit = /** @type {HTMLSelectElement} */ (h('select', { id: 'bc-unit' },
    h('option', { value: units.parent.code, text: units.parent.name }),
    ...units.units.map((/** @type {{ code: string, name: string }} */ u) => h('option', { value: u.code, text: u.name }))));
  const roleBoxes = ROLES.map(([value, label]) => checkbox(`bc-role-${value}`, value, label ?? '', value === 'resident'));
  const channelBoxes = CHANNELS.map(([value, label]) => checkbox(`bc-ch-${value}`, value, label ?? '', true));
  const keep = checkbox('bc-keep', 'keep', 'Giữ dấu tiếng Việt trong SMS (tốn gấp đôi)', false);
  const when = /** @type {HTMLInputElement} */ (h('input', { id: 'bc-send-at', type: 'datetime-local' }));
  const out = h('div', { class: 'out', id: 'bc-out' });
  const live = h('div', { class: 'preview', id: 'bc-preview' });
  const size = h('p', { id: 'bc-audience', class: 'muted' });
  const smsLine = h('p', { id: 'bc-sms' });
  const create = /** @type {HTMLButtonElement} */ (h('button', { type: 'button', id: 'bc-create' }, 'Tạo bản nháp'));

  const audience = () => ({
    roles: roleBoxes.filter((b) => b.input.checked).map((b) => b.input.value),
    unitCode: unit.value,
    channels: channelBoxes.filter((b) => b.input.checked).map((b) => b.input.value),
  });
  let seq = 0;
  const update = async () => {
    const mine = ++seq;
    const body = { text: text.value, keepDiacritics: keep.input.checked };
    if (text.value.trim() === '') {
      replace(smsLine, 'SMS: chưa có nội dung.');
      replace(live);
      return;
    }
    const [measure, preview] = await Promise.all([
      api('/admin/sms/measure', { method: 'POST', json: body }),
      api('/admin/broadcasts/preview', { method: 'POST', json: { text: text.value, audience: audience(), keepDiacritics: keep.input.checked } }).catch(() => null),
    ]);
    if (mine !== seq) return; // a later keystroke already asked again
    const sms = measure.sms;
    replace(smsLine, 'SMS: ', h('strong', { id: 'sms-encoding', text: sms.encoding }), ' · ', h('strong', { id: 'sms-segments', text: String(sms.segments) }),
      ' tin/người · ', h('span', { id: 'sms-chars', text: `${fmt(sms.characters)} ký tự` }),
      measure.asWritten.encoding !== sms.encoding ? h('span', { class: 'muted', text: ` (giữ dấu: ${measure.asWritten.encoding}, ${measure.asWritten.segments} tin)` }) : null);
    const samples = preview?.samples ?? [];
    replace(live, ...CHANNELS.filter(([c]) => audience().channels.includes(c ?? '')).map(([c, label]) => {
      const sample = samples.find((/** @type {{ channel: string }} */ s) => s.channel === c)?.text ?? (c === 'sms' ? sms.text : text.value);
      return h('div', {}, h('div', { class: 'muted', text: label ?? '' }), h('div', { class: 'bubble', dataset: { channel: c ?? '' }, text: sample }));
    }));
    if (preview) {
      const cost = preview.cost ? ` · chi phí ước tính ${fmt(preview.cost.totalVnd)} đ` : '';
      const total = preview.sms?.totalSegments !== undefined ? ` · tổng ${fmt(preview.sms.totalSegments)} tin SMS` : '';
      replace(size, `Người nhận: `, h('strong', { id: 'audience-size', text: fmt(preview.recipients) }),
        ` (${Object.entries(preview.byChannel ?? {}).map(([k, v]) => `${k}: ${fmt(Number(v))}`).join(', ')})${total}${cost}`);
    }
  };
  let timer = 0;
  const soon = () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void update().catch((err) => replace(out, notice(String(err.message ?? err), 'error'))), 150);
  };
  text.addEventListener('input', soon);
  for (const el of [unit, keep.input, ...roleBoxes.map((b) => b.input), ...channelBoxes.map((b) => b.input)]) el.addEventListener('change', soon);

  create.addEventListener('click', () => void busy(create, out, async () => {
    if (text.value.trim() === '') throw new Error('Hãy nhập nội dung tin.');
    const draft = await api('/admin/broadcasts', { method: 'POST', json: { text: text.value, audience: audience(), keepDiacritics: keep.input.checked, ...(when.value && { sendAt: when.value }) } });
    const p = draft.preview ?? {};
    const confirm = /** @type {HTMLButtonElement} */ (h('button', { type: 'button', id: 'bc-confirm' }, when.value ? 'Xác nhận hẹn giờ' : 'Xác nhận gửi'));
    confirm.addEventListener('click', () => void busy(confirm, out, async () => {
      const done = await api(`/admin/broadcasts/${draft.id}/confirm`, { method: 'POST' });
      replace(out, notice(`Tin #${draft.id}: ${STATUS[done.status] ?? done.status}.`, 'ok'));
      await refresh();
    }));
    replace(out, notice(`Bản nháp #${draft.id}: ${fmt(p.recipients ?? 0)} người nhận${p.sms ? `, SMS ${p.sms.encoding} ${p.sms.segments} tin/người` : ''}. Kiểm tra rồi xác nhận.`, 'info'),
      draft.status === 'draft' ? confirm : null);
    await refresh();
  }));

  return h('div', { class: 'panel form', id: 'bc-compose' },
    h('h2', { text: 'Soạn tin' }),
    field('Nội dung', text, 'Tin SMS gửi không dấu (rẻ hơn) trừ khi chọn giữ dấu.'),
    smsLine,
    h('div', { class: 'row' },
      field('Gửi cho đơn vị', unit),
      h('fieldset', { class: 'field' }, h('legend', { class: 'label', text: 'Đối tượng' }), ...roleBoxes.map((b) => b.label)),
      h('fieldset', { class: 'field' }, h('legend', { class: 'label', text: 'Kênh' }), ...channelBoxes.map((b) => b.label))),
    keep.label,
    size,
    h('h2', { text: 'Xem trước theo kênh' }),
    live,
    field('Hẹn giờ (để trống: gửi ngay khi xác nhận)', when),
    h('div', { class: 'actions' }, create),
    out);
}

/** @param {string} id @param {string} value @param {string} text @param {boolean} checked */
function checkbox(id, value, text, checked) {
  const input = /** @type {HTMLInputElement} */ (h('input', { type: 'checkbox', id, value, checked }));
  return { input, label: h('label', { class: 'check', for: id }, input, ` ${text}`) };
}

/** @param {HTMLElement} list @param {boolean} write */
async function loadList(list, write) {
  const answer = await api('/admin/broadcasts');
  const rows = /** @type {Record<string, any>[]} */ (answer.broadcasts ?? []);
  if (rows.length === 0) {
    replace(list, h('p', { class: 'muted', text: 'Chưa có tin nào.' }));
    return;
  }
  const out = h('div', { class: 'out' });
  replace(list, h('div', { class: 'table-wrap' }, h('table', { id: 'bc-table' },
    h('thead', {}, h('tr', {}, ...['#', 'Nội dung', 'Trạng thái', 'Gửi lúc', 'Thống kê', ''].map((t) => h('th', { text: t })))),
    h('tbody', {}, ...rows.map((b) => {
      const stats = b.stats ? Object.entries(b.stats).filter(([, v]) => typeof v === 'number').map(([k, v]) => `${k}: ${fmt(Number(v))}`).join(', ') : b.queuedCount ? `đã xếp ${fmt(b.queuedCount)}` : '';
      const cancel = /** @type {HTMLButtonElement} */ (h('button', { type: 'button', class: 'ghost small', dataset: { id: String(b.id) } }, 'Hủy'));
      cancel.addEventListener('click', () => void busy(cancel, out, async () => {
        await api(`/admin/broadcasts/${b.id}`, { method: 'DELETE' });
        await loadList(list, write);
      }));
      const open = ['draft', 'scheduled', 'sending', 'queued'].includes(String(b.status));
      return h('tr', {}, h('td', { text: String(b.id) }), h('td', { text: String(b.text ?? '').slice(0, 120) }), h('td', {}, h('span', { class: 'pill', text: STATUS[b.status] ?? String(b.status) })),
        h('td', { text: localTime(b.sendAt) }), h('td', { class: 'muted', text: stats }), h('td', {}, write && open ? cancel : null));
    })))), out);
}
