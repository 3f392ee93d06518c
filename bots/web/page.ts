/**
 * The web chat page: HTML, a stylesheet and a script served as separate files (the Content-Security-Policy allows
 * no inline code), usable on a phone screen, no external assets.
 */
export const WEB_CHAT_PAGE = `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Hỏi đáp BHXH tự nguyện</title>
<link rel="stylesheet" href="/web/chat.css">
</head>
<body>
<header><h1>Hỏi đáp BHXH tự nguyện</h1><p>Gõ câu hỏi, có dấu hay không dấu đều được · Tổng đài 1900 9068</p></header>
<main id="log" aria-live="polite"></main>
<form id="f" autocomplete="off"><input id="t" name="text" maxlength="4000" placeholder="Nhập tin nhắn…" aria-label="Tin nhắn"><button>Gửi</button></form>
<script src="/web/chat.js" defer></script>
</body>
</html>`;

/** The page's stylesheet, served at /web/chat.css. */
export const WEB_CHAT_STYLE = `  :root { --blue:#0b5cab; --bg:#f3f6fa; }
  * { box-sizing: border-box; }
  body { margin:0; font: 16px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; background: var(--bg); height: 100dvh; display:flex; flex-direction:column; }
  header { background: var(--blue); color:#fff; padding: 10px 14px; }
  header h1 { font-size: 17px; margin:0; }
  header p { margin: 2px 0 0; font-size: 13px; opacity: .9; }
  #log { flex:1; overflow-y:auto; padding: 12px; display:flex; flex-direction:column; gap:8px; }
  .msg { max-width: 85%; padding: 8px 12px; border-radius: 14px; white-space: pre-wrap; word-wrap: break-word; }
  .me { align-self:flex-end; background: var(--blue); color:#fff; border-bottom-right-radius: 4px; }
  .bot { align-self:flex-start; background:#fff; border:1px solid #dde3ea; border-bottom-left-radius: 4px; }
  .quick { display:flex; flex-wrap:wrap; gap:6px; align-self:flex-start; max-width: 95%; }
  .quick button { border:1px solid var(--blue); color: var(--blue); background:#fff; border-radius: 16px; padding: 6px 12px; font-size: 14px; cursor:pointer; }
  form { display:flex; gap:8px; padding: 10px; background:#fff; border-top:1px solid #dde3ea; }
  input { flex:1; font-size:16px; padding: 10px 12px; border:1px solid #c7d0da; border-radius: 20px; }
  form button { background: var(--blue); color:#fff; border:0; border-radius: 20px; padding: 0 18px; font-size:16px; }
  .err { align-self:center; color:#a40000; font-size: 13px; }
`;

/** The page's script, served at /web/chat.js. */
export const WEB_CHAT_SCRIPT = `(function () {
  var key = 'bhxh-session';
  var session = localStorage.getItem(key);
  if (!session) {
    // A session id nobody can guess: 16 bytes from the browser's secure random source.
    var bytes = new Uint8Array(16); crypto.getRandomValues(bytes);
    session = 'w' + Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
    localStorage.setItem(key, session);
  }
  var log = document.getElementById('log'), input = document.getElementById('t');
  function add(text, cls) { var d = document.createElement('div'); d.className = 'msg ' + cls; d.textContent = text; log.appendChild(d); log.scrollTop = log.scrollHeight; return d; }
  function quick(options) {
    var old = document.querySelectorAll('.quick'); old.forEach(function (q) { q.remove(); });
    if (!options || !options.length) return;
    var box = document.createElement('div'); box.className = 'quick';
    options.forEach(function (o) { var b = document.createElement('button'); b.type = 'button'; b.textContent = o; b.onclick = function () { send(o); }; box.appendChild(b); });
    log.appendChild(box); log.scrollTop = log.scrollHeight;
  }
  function show(replies) { replies.forEach(function (r) { add(r.text, 'bot'); }); var last = replies[replies.length - 1]; if (last) quick(last.quickReplies); }
  function send(text, silent) {
    if (!text.trim()) return;
    if (!silent) add(text, 'me');
    quick([]);
    fetch('/web/chat', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ session: session, text: text }) })
      .then(function (r) { return r.json().then(function (b) { if (!r.ok) throw new Error(b.error || r.status); return b; }); })
      .then(function (b) { show(b.replies); })
      .catch(function (e) { add('Không gửi được: ' + e.message, 'err'); });
  }
  document.getElementById('f').onsubmit = function (e) { e.preventDefault(); var t = input.value; input.value = ''; send(t); };
  setInterval(function () { fetch('/web/chat?session=' + session).then(function (r) { return r.json(); }).then(function (b) { if (b.replies) show(b.replies); }).catch(function () {}); }, 15000);
  send('menu', true);
})();
`;
