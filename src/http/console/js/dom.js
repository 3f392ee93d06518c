// @ts-check
/** Small DOM helpers: every string goes in through textContent or an attribute, never as HTML. */

/**
 * @typedef {string | number | Node | null | undefined | false} Child
 * @typedef {Record<string, string | number | boolean | null | undefined | EventListener | Record<string, string>>} Attrs
 */

/**
 * Build an element. Attributes named on… become listeners, `dataset` fills data-*, booleans toggle.
 * @param {string} tag
 * @param {Attrs} [attrs]
 * @param {...(Child | Child[])} children
 * @returns {HTMLElement}
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'dataset' && typeof value === 'object') Object.assign(el.dataset, value);
    else if (key === 'text') el.textContent = String(value);
    else if (key === 'value' && 'value' in el) /** @type {HTMLInputElement} */ (el).value = String(value);
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, String(value));
  }
  append(el, children);
  return el;
}

/**
 * Append children (strings become text nodes).
 * @param {Node} el
 * @param {(Child | Child[])[]} children
 */
export function append(el, children) {
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(typeof c === 'object' ? c : document.createTextNode(String(c)));
  }
}

/**
 * Replace an element's content.
 * @param {Element} el
 * @param {...(Child | Child[])} children
 */
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
}

/**
 * Find an element that must exist.
 * @template {Element} [T=HTMLElement]
 * @param {string} selector
 * @param {ParentNode} [root]
 * @returns {T}
 */
export function $(selector, root = document) {
  const el = root.querySelector(selector);
  if (!el) throw new Error(`missing ${selector}`);
  return /** @type {T} */ (el);
}

const NUMBER = new Intl.NumberFormat('vi-VN');

/** @param {number} n */
export function fmt(n) {
  return NUMBER.format(n);
}

/** Whole percent of a target (0 when there is none). @param {number} total @param {number} target */
export function pct(total, target) {
  return target > 0 ? Math.round((total * 100) / target) : 0;
}

/** A date-time as Hà Nội local time, dd/mm/yyyy hh:mm. @param {string | number | Date | null | undefined} value */
export function localTime(value) {
  if (value === null || value === undefined || value === '') return '';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return '';
  return new Intl.DateTimeFormat('vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit',
  }).format(d);
}

/** A message line for errors and confirmations. @param {string} text @param {'error' | 'ok' | 'info'} [kind] */
export function notice(text, kind = 'info') {
  return h('p', { class: `notice ${kind}`, role: kind === 'error' ? 'alert' : 'status', text });
}

/**
 * A labelled form field.
 * @param {string} label
 * @param {HTMLElement} control
 * @param {string} [hint]
 */
export function field(label, control, hint) {
  return h('label', { class: 'field' }, h('span', { class: 'label', text: label }), control, hint ? h('small', { class: 'muted', text: hint }) : null);
}

/**
 * Run an action behind a button: disables it while running, shows failures in `out`.
 * @param {HTMLButtonElement} button
 * @param {Element} out
 * @param {() => Promise<void>} fn
 */
export async function busy(button, out, fn) {
  button.disabled = true;
  try {
    await fn();
  } catch (err) {
    replace(out, notice(err instanceof Error ? err.message : String(err), 'error'));
  } finally {
    button.disabled = false;
  }
}
