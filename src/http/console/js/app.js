// @ts-check
/** The console shell: sign-in, the navigation of the pages a role may use, and a hash router (#/page/arg). */
import { api, setCsrf, whenSignedOut } from './api.js';
import { $, h, replace, notice } from './dom.js';
import { can, ROLE_NAMES } from './session.js';
import { renderSignIn } from './pages/signin.js';

/**
 * @typedef {import('./session.js').User} User
 * @typedef {{ user: User, args: string[], go: (hash: string) => void, can: (action: string) => boolean }} PageContext
 * @typedef {{ render: (main: HTMLElement, ctx: PageContext) => Promise<void> | void }} PageModule
 */

/** @type {{ id: string, label: string, action: string, load: () => Promise<PageModule> }[]} */
const PAGES = [
  { id: 'progress', label: 'Tiến độ', action: 'progress.read', load: () => import('./pages/progress.js') },
  { id: 'callbacks', label: 'Gọi lại', action: 'callbacks.read', load: () => import('./pages/callbacks.js') },
  { id: 'broadcasts', label: 'Gửi tin', action: 'broadcasts.read', load: () => import('./pages/broadcasts.js') },
  { id: 'staff', label: 'Cán bộ', action: 'staff.read', load: () => import('./pages/staff.js') },
  { id: 'campaign', label: 'Chiến dịch', action: 'campaign.read', load: () => import('./pages/campaign.js') },
  { id: 'users', label: 'Tài khoản', action: 'users.read', load: () => import('./pages/users.js') },
];

/** @type {User | null} */
let user = null;
const main = /** @type {HTMLElement} */ ($('#main'));

async function start() {
  whenSignedOut(() => {
    if (user) signedOut('Phiên đăng nhập đã hết, vui lòng đăng nhập lại.');
  });
  try {
    const session = await api('/admin/session', { quiet401: true });
    signedIn(session.user, session.csrfToken);
  } catch {
    signedOut();
  }
  window.addEventListener('hashchange', () => void route());
}

/** @param {User} who @param {string | null} csrf */
function signedIn(who, csrf) {
  user = who;
  setCsrf(csrf);
  const nav = $('#nav');
  replace(nav, ...PAGES.filter((p) => can(who, p.action)).map((p) => h('a', { href: `#/${p.id}`, dataset: { page: p.id }, text: p.label })));
  nav.hidden = false;
  const who$ = $('#who');
  replace(
    who$,
    h('span', { class: 'who-name', text: `${who.name} · ${ROLE_NAMES[who.role] ?? who.role} · ${who.unitName}` }),
    h('button', { type: 'button', class: 'ghost small', id: 'sign-out', onclick: () => void signOut() }, 'Đăng xuất'),
  );
  who$.hidden = false;
  void route();
}

/** @param {string} [message] */
function signedOut(message) {
  user = null;
  setCsrf(null);
  $('#nav').hidden = true;
  $('#who').hidden = true;
  renderSignIn(main, { message, onSignedIn: (u, csrf) => signedIn(u, csrf) });
}

async function signOut() {
  try {
    await api('/admin/session', { method: 'DELETE' });
  } finally {
    history.replaceState(null, '', '#/');
    signedOut('Đã đăng xuất.');
  }
}

async function route() {
  if (!user) return;
  const who = user;
  const [id = '', ...args] = location.hash.replace(/^#\/?/, '').split('/').map((s) => decodeURIComponent(s));
  const allowed = PAGES.filter((p) => can(who, p.action));
  const page = allowed.find((p) => p.id === id) ?? allowed[0];
  for (const a of document.querySelectorAll('#nav a')) a.classList.toggle('active', a instanceof HTMLElement && a.dataset['page'] === page?.id);
  if (!page) {
    replace(main, notice('Tài khoản này không dùng bảng điều hành (chỉ dùng lệnh qua tin nhắn).', 'info'));
    return;
  }
  const mod = await page.load();
  const section = h('section', { class: 'page', id: `page-${page.id}` });
  replace(main, section);
  try {
    await mod.render(section, {
      user: who,
      args: page.id === id ? args : [],
      go: (hash) => {
        location.hash = hash;
      },
      can: (action) => can(who, action),
    });
  } catch (err) {
    section.append(notice(err instanceof Error ? err.message : String(err), 'error'));
  }
}

void start();
