// @ts-check
/** The console talks to the same JSON admin API as scripts, with the session cookie and its CSRF token. */

/** @type {string | null} */
let csrfToken = null;
/** @type {() => void} */
let onSignedOut = () => {};

/** An answer of the API that was not 2xx, with the server's message. */
export class ApiError extends Error {
  /** @param {number} status @param {string} message */
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** @param {string | null} token */
export function setCsrf(token) {
  csrfToken = token;
}

/** What to do when a request answers 401 (the session ended). @param {() => void} fn */
export function whenSignedOut(fn) {
  onSignedOut = fn;
}

/**
 * Call the admin API. `json` sends a JSON body, `csv` a text/csv body; writes carry X-CSRF-Token.
 * @param {string} path
 * @param {{ method?: string, json?: unknown, csv?: string, quiet401?: boolean }} [opts]
 * @returns {Promise<any>}
 */
export async function api(path, opts = {}) {
  const method = opts.method ?? 'GET';
  /** @type {Record<string, string>} */
  const headers = { Accept: 'application/json' };
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  /** @type {string | undefined} */
  let body;
  if (opts.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.json);
  } else if (opts.csv !== undefined) {
    headers['Content-Type'] = 'text/csv; charset=utf-8';
    body = opts.csv;
  }
  const res = await fetch(path, { method, headers, body, credentials: 'same-origin' });
  if (res.status === 401 && !opts.quiet401) onSignedOut();
  if (!res.ok) {
    const answer = await res.json().catch(() => ({}));
    throw new ApiError(res.status, typeof answer.error === 'string' ? answer.error : badRows(answer) ?? messageFor(res.status));
  }
  if (res.status === 204) return null;
  return res.json();
}

/** The rows an import refused, one per line ("Dòng 3: …"). @param {{ bad?: { line: number, reason: string }[] }} answer */
function badRows(answer) {
  if (!Array.isArray(answer.bad) || answer.bad.length === 0) return null;
  return `Không ghi gì: ${answer.bad.map((b) => `dòng ${b.line}: ${b.reason}`).join('; ')}`;
}

/** @param {number} status */
function messageFor(status) {
  if (status === 401) return 'Phiên đăng nhập đã hết, vui lòng đăng nhập lại.';
  if (status === 403) return 'Tài khoản của anh/chị không có quyền làm việc này.';
  if (status === 404) return 'Không tìm thấy.';
  if (status === 429) return 'Thử quá nhiều lần, vui lòng đợi một lát.';
  return `Lỗi máy chủ (${status}), vui lòng thử lại.`;
}

/**
 * Read a file the user picked as text.
 * @param {HTMLInputElement} input
 * @returns {Promise<string | null>}
 */
export async function pickedText(input) {
  const file = input.files?.[0];
  return file ? file.text() : null;
}
