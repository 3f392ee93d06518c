// @ts-check
/** Campaign: launch date and time, messages, the default target; targets per unit (edit or import a CSV with a
 * `target` column, dry run first); the unit tree (import with a dry run, national admins). */
import { api, pickedText } from '../api.js';
import { busy, field, fmt, h, localTime, notice, replace } from '../dom.js';

/** @param {HTMLElement} main @param {import('../app.js').PageContext} ctx */
export async function render(main, ctx) {
  const campaign = await api('/admin/campaign');
  const editCampaign = ctx.can('campaign.write');
  const editTargets = ctx.can('units.write');
  const code = ctx.args[0] || ctx.user.unitCode || 'VN';
  const units = await api(`/admin/units?parent=${encodeURIComponent(code)}`);
  replace(main, 
    h('h1', { text: campaign.name }),
    settings(campaign, editCampaign),
    targets(units, editTargets, ctx),
    editTargets ? csvImport('Nhập chỉ tiêu từ CSV (cột code, target)', '/admin/units/targets', 'targets', (r) => `${r.changes.length} đơn vị thay đổi, ${r.unchanged} giữ nguyên.`) : null,
    ctx.user.role === 'admin' && ctx.user.unitCode === 'VN'
      ? csvImport('Nhập cây đơn vị (code, name, type, level, parent_code)', '/admin/units/import', 'tree', (r) => `${fmt(r.imported)} đơn vị, ${fmt(r.added)} mới.`)
      : null,
  );
}

/** @param {Record<string, any>} c @param {boolean} write */
function settings(c, write) {
  const launch = /** @type {HTMLInputElement} */ (h('input', { id: 'cp-launch', type: 'datetime-local', value: toLocalInput(c.launchAt), disabled: !write }));
  const target = /** @type {HTMLInputElement} */ (h('input', { id: 'cp-target', type: 'number', min: 0, value: c.defaultTarget, disabled: !write }));
  const messages = /** @type {HTMLTextAreaElement} */ (h('textarea', { id: 'cp-messages', disabled: !write, rows: 12 }));
  messages.value = c.messages.join('\n');
  const out = h('div', { class: 'out' });
  const save = /** @type {HTMLButtonElement} */ (h('button', { type: 'button', id: 'cp-save' }, 'Lưu'));
  save.addEventListener('click', () => void busy(save, out, async () => {
    const updated = await api('/admin/campaign', { method: 'PATCH', json: {
      launchAt: launch.value, defaultTarget: Number(target.value), messages: messages.value.split('\n').map((m) => m.trim()).filter((m) => m !== ''),
    } });
    replace(out, notice(`Đã lưu. Lễ ra quân: ${localTime(updated.launchAt)}.`, 'ok'));
  }));
  return h('div', { class: 'panel form' },
    h('h2', { text: 'Thiết lập' }),
    h('p', { class: 'muted', text: `Chủ đề: ${c.theme} · Đường dây nóng ${c.hotline}` }),
    h('div', { class: 'row' }, field('Lễ ra quân (giờ Hà Nội)', launch), field('Chỉ tiêu mặc định mỗi đơn vị cơ sở', target)),
    field('Các thông điệp (mỗi dòng một thông điệp)', messages),
    write ? h('div', { class: 'actions' }, save) : null, out);
}

/** @param {Record<string, any>} units @param {boolean} write @param {import('../app.js').PageContext} ctx */
function targets(units, write, ctx) {
  const out = h('div', { class: 'out' });
  return h('div', { class: 'panel' },
    h('h2', { text: `Chỉ tiêu: ${units.parent.name} (${fmt(units.parent.target)})` }),
    h('nav', { class: 'crumbs' }, ...units.path.map((/** @type {{ code: string, name: string }} */ p) => h('a', { href: `#/campaign/${encodeURIComponent(p.code)}`, text: p.name }))),
    h('div', { class: 'table-wrap' }, h('table', { id: 'targets-table' },
      h('thead', {}, h('tr', {}, h('th', { text: 'Đơn vị' }), h('th', { class: 'num', text: 'Chỉ tiêu' }), h('th', { text: 'Đặt riêng' }))),
      h('tbody', {}, ...units.units.map((/** @type {Record<string, any>} */ u) => {
        const input = /** @type {HTMLInputElement} */ (h('input', { type: 'number', min: 0, value: u.ownTarget ?? '', placeholder: 'tự tính', disabled: !write, dataset: { code: u.code }, 'aria-label': `Chỉ tiêu riêng của ${u.name}` }));
        input.addEventListener('change', () => void busy(/** @type {any} */ (input), out, async () => {
          const value = input.value.trim() === '' ? null : Number(input.value);
          const saved = await api(`/admin/units/${encodeURIComponent(u.code)}/target`, { method: 'PUT', json: { target: value } });
          replace(out, notice(`${saved.name}: chỉ tiêu ${fmt(saved.target)}.`, 'ok'));
        }));
        return h('tr', {},
          h('td', {}, u.childCount > 0 ? h('a', { href: `#/campaign/${encodeURIComponent(u.code)}`, text: u.name }) : u.name),
          h('td', { class: 'num', text: fmt(u.target) }), h('td', {}, input));
      })))),
    out, ctx.can('units.write') ? null : h('p', { class: 'muted', text: 'Chỉ xem.' }));
}

/**
 * @param {string} title @param {string} path @param {string} id
 * @param {(r: Record<string, any>) => string} summary
 */
function csvImport(title, path, id, summary) {
  const file = /** @type {HTMLInputElement} */ (h('input', { type: 'file', id: `${id}-file`, accept: '.csv,text/csv' }));
  const out = h('div', { class: 'out', id: `${id}-report` });
  const check = /** @type {HTMLButtonElement} */ (h('button', { type: 'button', id: `${id}-check` }, 'Kiểm tra (chưa ghi)'));
  check.addEventListener('click', () => void busy(check, out, async () => {
    const csv = await pickedText(file);
    if (!csv) throw new Error('Hãy chọn tệp CSV.');
    const dry = await api(`${path}?dryRun=1`, { method: 'POST', csv }).catch((err) => ({ failed: err }));
    if ('failed' in dry) throw dry.failed;
    const apply = /** @type {HTMLButtonElement} */ (h('button', { type: 'button', id: `${id}-apply` }, 'Áp dụng'));
    apply.addEventListener('click', () => void busy(apply, out, async () => {
      const done = await api(path, { method: 'POST', csv });
      replace(out, notice(`Đã áp dụng: ${summary(done)}`, 'ok'));
    }));
    replace(out, notice(`Kiểm tra: ${summary(dry)}`, 'info'), apply);
  }));
  return h('div', { class: 'panel form' }, h('h2', { text: title }), field('Tệp', file), h('div', { class: 'actions' }, check), out);
}

/** An ISO instant as the value of a datetime-local input, in Hà Nội time. @param {string} iso */
function toLocalInput(iso) {
  const d = new Date(new Date(iso).getTime() + 7 * 3_600_000);
  return d.toISOString().slice(0, 16);
}
