// @ts-check
/** The sign-in form: e-mail or phone and password; POST /admin/session. */
import { api } from '../api.js';
import { field, h, notice, replace } from '../dom.js';

/**
 * @param {HTMLElement} main
 * @param {{ message?: string, onSignedIn: (user: import('../session.js').User, csrf: string | null) => void }} opts
 */
export function renderSignIn(main, opts) {
  const login = /** @type {HTMLInputElement} */ (h('input', { name: 'login', id: 'login', autocomplete: 'username', required: true, inputmode: 'email' }));
  const password = /** @type {HTMLInputElement} */ (h('input', { name: 'password', id: 'password', type: 'password', autocomplete: 'current-password', required: true }));
  const out = h('div', { class: 'out' }, opts.message ? notice(opts.message, 'info') : null);
  const submit = /** @type {HTMLButtonElement} */ (h('button', { type: 'submit' }, 'Đăng nhập'));
  const form = h(
    'form',
    {
      class: 'card signin',
      onsubmit: async (/** @type {Event} */ e) => {
        e.preventDefault();
        submit.disabled = true;
        try {
          const session = await api('/admin/session', { method: 'POST', json: { login: login.value.trim(), password: password.value }, quiet401: true });
          password.value = '';
          opts.onSignedIn(session.user, session.csrfToken);
        } catch (err) {
          const status = err && typeof err === 'object' && 'status' in err ? err.status : 0;
          replace(out, notice(status === 401 ? 'Sai tên đăng nhập hoặc mật khẩu.' : err instanceof Error ? err.message : String(err), 'error'));
        } finally {
          submit.disabled = false;
        }
      },
    },
    h('h1', { text: 'Đăng nhập' }),
    field('E-mail hoặc số điện thoại', login),
    field('Mật khẩu', password),
    submit,
    out,
  );
  replace(main, form);
  login.focus();
}
