// @ts-check
/** Users (admins): console accounts (create, disable, enable) and API tokens (create: shown once; revoke). */
import { api } from '../api.js';
import { busy, field, h, localTime, notice, replace } from '../dom.js';
import { ROLE_NAMES } from '../session.js';
import { sortableTable } from '../table.js';

/** @param {HTMLElement} main @param {import('../app.js').PageContext} ctx */
export async function render(main, ctx) {
  const users = h('div', { id: 'users-list' });
  const tokens = h('div', { id: 'tokens-list' });
  const reload = async () => {
    await Promise.all([drawUsers(users, ctx, reload), drawTokens(tokens, reload)]);
  };
  replace(main, h('h1', { text: 'Tài khoản' }), creator(reload), h('div', { class: 'panel' }, h('h2', { text: 'Người dùng' }), users),
    h('div', { class: 'panel' }, h('h2', { text: 'Mã API cho công cụ' }), tokenCreator(reload), tokens));
  await reload();
}

/** @param {HTMLElement} box @param {import('../app.js').PageContext} ctx @param {() => Promise<void>} reload */
async function drawUsers(box, ctx, reload) {
  const answer = await api('/admin/users');
  const out = h('div', { class: 'out' });
  replace(box, sortableTable(
    [
      { key: 'name', label: 'Tên', value: (/** @type {Record<string, any>} */ u) => u.name },
      { key: 'login', label: 'Đăng nhập', value: (u) => u.email ?? u.phone ?? '', narrow: true },
      { key: 'role', label: 'Vai trò', value: (u) => ROLE_NAMES[u.role] ?? u.role },
      { key: 'unit', label: 'Phạm vi', value: (u) => u.unitCode },
      { key: 'active', label: 'Trạng thái', value: (u) => (u.active ? 'đang dùng' : 'đã khóa') },
      { key: 'act', label: '', value: () => '', cell: (u) => {
        if (u.id === ctx.user.id) return '';
        const toggle = /** @type {HTMLButtonElement} */ (h('button', { type: 'button', class: 'ghost small' }, u.active ? 'Khóa' : 'Mở khóa'));
        toggle.addEventListener('click', () => void busy(toggle, out, async () => {
          await api(`/admin/users/${u.id}`, { method: 'PATCH', json: { active: !u.active } });
          await reload();
        }));
        return toggle;
      } },
    ],
    answer.users,
    { id: 'users-table' },
  ), out);
}

/** @param {() => Promise<void>} reload */
function creator(reload) {
  const name = /** @type {HTMLInputElement} */ (h('input', { id: 'user-name', required: true }));
  const email = /** @type {HTMLInputElement} */ (h('input', { id: 'user-email', type: 'email' }));
  const phone = /** @type {HTMLInputElement} */ (h('input', { id: 'user-phone', inputmode: 'tel' }));
  const role = /** @type {HTMLSelectElement} */ (h('select', { id: 'user-role' }, ...['supervisor', 'consultant', 'viewer', 'admin'].map((r) => h('option', { value: r, text: ROLE_NAMES[r] ?? r }))));
  const unit = /** @type {HTMLInputElement} */ (h('input', { id: 'user-unit', placeholder: 'mã đơn vị, ví dụ 01; VN = toàn quốc' }));
  const password = /** @type {HTMLInputElement} */ (h('input', { id: 'user-password', type: 'password', autocomplete: 'new-password' }));
  const out = h('div', { class: 'out' });
  const create = /** @type {HTMLButtonElement} */ (h('button', { type: 'button', id: 'user-create' }, 'Tạo tài khoản'));
  create.addEventListener('click', () => void busy(create, out, async () => {
    const user = await api('/admin/users', { method: 'POST', json: {
      name: name.value.trim(), role: role.value, ...(unit.value.trim() && { unit: unit.value.trim() }), ...(email.value.trim() && { email: email.value.trim() }),
      ...(phone.value.trim() && { phone: phone.value.trim() }), ...(password.value && { password: password.value }),
    } });
    password.value = '';
    replace(out, notice(`Đã tạo tài khoản ${user.name}.`, 'ok'));
    await reload();
  }));
  return h('div', { class: 'panel form' }, h('h2', { text: 'Tạo tài khoản' }),
    h('div', { class: 'row' }, field('Tên', name), field('E-mail', email), field('Điện thoại', phone)),
    h('div', { class: 'row' }, field('Vai trò', role), field('Phạm vi đơn vị', unit), field('Mật khẩu', password)),
    h('div', { class: 'actions' }, create), out);
}

/** @param {() => Promise<void>} reload */
function tokenCreator(reload) {
  const label = /** @type {HTMLInputElement} */ (h('input', { id: 'token-label', placeholder: 'dùng cho…' }));
  const out = h('div', { class: 'out' });
  const create = /** @type {HTMLButtonElement} */ (h('button', { type: 'button', id: 'token-create' }, 'Tạo mã'));
  create.addEventListener('click', () => void busy(create, out, async () => {
    const t = await api('/admin/tokens', { method: 'POST', json: label.value.trim() ? { label: label.value.trim() } : {} });
    replace(out, notice('Mã chỉ hiện một lần, hãy lưu lại ngay:', 'ok'), h('code', { class: 'bubble', id: 'token-value', text: t.token }));
    await reload();
  }));
  return h('div', { class: 'row' }, field('Nhãn', label), h('div', {}, create), out);
}

/** @param {HTMLElement} box @param {() => Promise<void>} reload */
async function drawTokens(box, reload) {
  const answer = await api('/admin/tokens');
  const out = h('div', { class: 'out' });
  replace(box, h('div', { class: 'table-wrap' }, h('table', { id: 'tokens-table' },
    h('thead', {}, h('tr', {}, ...['Mã', 'Nhãn', 'Người dùng', 'Hết hạn', ''].map((t) => h('th', { text: t })))),
    h('tbody', {}, ...answer.tokens.map((/** @type {Record<string, any>} */ t) => {
      const revoke = /** @type {HTMLButtonElement} */ (h('button', { type: 'button', class: 'ghost small' }, 'Thu hồi'));
      revoke.addEventListener('click', () => void busy(revoke, out, async () => {
        await api(`/admin/tokens/${encodeURIComponent(t.id)}`, { method: 'DELETE' });
        await reload();
      }));
      return h('tr', {}, h('td', { text: t.id }), h('td', { text: t.label ?? '' }), h('td', { text: t.userName ?? '' }),
        h('td', { text: t.revokedAt ? 'đã thu hồi' : localTime(t.expiresAt) }), h('td', {}, t.revokedAt ? null : revoke));
    })))), out);
}
