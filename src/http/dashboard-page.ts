/**
 * The supervisors' dashboard: one self-contained page over the admin API (progress by unit with drill-down,
 * the callback queue, broadcasts with a preview). The admin token is typed in and kept in this tab only.
 */
export const DASHBOARD_PAGE = `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Tiến độ BHXH tự nguyện</title>
<style>
  body { margin:0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; background:#f3f6fa; color:#1d2733; }
  header { background:#0b5cab; color:#fff; padding:10px 16px; display:flex; gap:12px; align-items:center; flex-wrap:wrap; }
  header h1 { font-size:18px; margin:0; flex:1; }
  header input { padding:6px 8px; border-radius:6px; border:0; min-width:220px; }
  main { max-width:1100px; margin:0 auto; padding:12px; display:grid; gap:12px; }
  section { background:#fff; border:1px solid #dde3ea; border-radius:10px; padding:12px; overflow-x:auto; }
  h2 { font-size:16px; margin:0 0 8px; }
  table { border-collapse:collapse; width:100%; }
  th, td { text-align:left; padding:6px 8px; border-bottom:1px solid #eef1f5; white-space:nowrap; }
  tr.unit { cursor:pointer; } tr.unit:hover { background:#f0f6ff; }
  .bar { background:#e6ebf1; border-radius:4px; height:10px; width:160px; overflow:hidden; }
  .bar span { display:block; height:100%; background:#2e8b57; }
  .low span { background:#d9822b; }
  .crumbs a { color:#0b5cab; cursor:pointer; margin-right:6px; }
  button { background:#0b5cab; color:#fff; border:0; border-radius:6px; padding:6px 10px; cursor:pointer; }
  button.ghost { background:#fff; color:#0b5cab; border:1px solid #0b5cab; }
  textarea { width:100%; min-height:70px; font:inherit; box-sizing:border-box; }
  .muted { color:#687685; font-size:13px; } .err { color:#a40000; }
</style>
</head>
<body>
<header><h1>Tiến độ Tháng vận động BHXH tự nguyện</h1>
  <input id="token" type="password" placeholder="Mã quản trị (ADMIN_TOKEN)" aria-label="Mã quản trị"><button id="go">Xem</button></header>
<main>
  <section><h2>Tiến độ <span id="today" class="muted"></span></h2><div class="crumbs" id="crumbs"></div>
    <div id="summary" class="muted"></div>
    <table><thead><tr><th>Đơn vị</th><th>Lũy kế / chỉ tiêu</th><th></th><th>%</th><th>Hôm nay</th></tr></thead><tbody id="units"></tbody></table>
    <p><button class="ghost" id="csv">Tải CSV</button> <button class="ghost" id="xlsx">Tải Excel</button></p></section>
  <section><h2>Yêu cầu gọi lại (mới)</h2>
    <table><thead><tr><th>#</th><th>Số điện thoại</th><th>Thời gian</th><th>Nội dung</th><th></th></tr></thead><tbody id="callbacks"></tbody></table></section>
  <section><h2>Gửi tin chiến dịch</h2>
    <textarea id="btext" maxlength="1000" placeholder="Nội dung tin (gửi cho người đã đăng ký nhận tin)"></textarea>
    <p><button class="ghost" id="preview">Xem trước</button> <button id="send">Gửi</button> <button class="ghost" id="remind">Lên lịch nhắc trước lễ ra quân (7, 3, 1 ngày)</button></p>
    <div id="bresult" class="muted"></div></section>
  <p id="error" class="err"></p>
</main>
<script>
(function () {
  var $ = function (id) { return document.getElementById(id); };
  var token = sessionStorage.getItem('bhxh-admin') || '';
  $('token').value = token;
  var path = ['VN'];
  function esc(s) { return String(s == null ? '' : s).replace(/[&<>"]/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]; }); }
  function api(url, opts) {
    opts = opts || {}; opts.headers = Object.assign({ Authorization: 'Bearer ' + token }, opts.headers || {});
    return fetch(url, opts).then(function (r) {
      if (!r.ok) return r.json().catch(function () { return {}; }).then(function (b) { throw new Error(b.error || ('HTTP ' + r.status)); });
      return r;
    });
  }
  function fail(e) { $('error').textContent = e.message; }
  function pct(u) { return u.target ? Math.round(u.total * 100 / u.target) : 0; }
  function loadUnit() {
    var code = path[path.length - 1];
    api('/admin/progress?unit=' + encodeURIComponent(code)).then(function (r) { return r.json(); }).then(function (b) {
      $('error').textContent = '';
      $('today').textContent = '— ngày ' + b.today;
      $('summary').textContent = b.unit.name + ': ' + b.unit.total + '/' + b.unit.target + ' (' + pct(b.unit) + '%)';
      $('crumbs').innerHTML = path.map(function (c, i) { return '<a data-i="' + i + '">' + (i === 0 ? 'Toàn quốc' : esc(c)) + '</a>'; }).join('›');
      $('crumbs').querySelectorAll('a').forEach(function (a) { a.onclick = function () { path = path.slice(0, Number(a.dataset.i) + 1); loadUnit(); }; });
      var rows = b.children.slice().sort(function (x, y) { return pct(x) - pct(y); });
      $('units').innerHTML = rows.map(function (u) {
        var p = pct(u);
        return '<tr class="unit" data-code="' + esc(u.code) + '"><td>' + esc(u.name) + '</td><td>' + u.total + ' / ' + u.target + '</td><td><div class="bar ' + (p < 50 ? 'low' : '') +
          '"><span style="width:' + Math.min(100, p) + '%"></span></div></td><td>' + p + '%</td><td>' + (u.reportedToday ? '✓ ' + u.todayCount : '<span class="err">chưa báo cáo</span>') + '</td></tr>';
      }).join('') || '<tr><td colspan="5" class="muted">Không có đơn vị cấp dưới</td></tr>';
      $('units').querySelectorAll('tr.unit').forEach(function (tr) { tr.onclick = function () { path.push(tr.dataset.code); loadUnit(); }; });
    }).catch(fail);
  }
  function loadCallbacks() {
    api('/admin/callbacks?status=new').then(function (r) { return r.json(); }).then(function (b) {
      $('callbacks').innerHTML = b.callbacks.map(function (c) {
        return '<tr><td>' + c.id + '</td><td>' + esc(c.phone) + '</td><td>' + esc(c.preferredTime) + '</td><td>' + esc(c.topic) + '</td><td><button data-id="' + c.id + '">Đã gọi</button></td></tr>';
      }).join('') || '<tr><td colspan="5" class="muted">Không có yêu cầu mới</td></tr>';
      $('callbacks').querySelectorAll('button').forEach(function (btn) {
        btn.onclick = function () { api('/admin/callbacks/' + btn.dataset.id, { method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ status: 'called' }) }).then(loadCallbacks).catch(fail); };
      });
    }).catch(fail);
  }
  function download(format) {
    api('/admin/progress.' + format).then(function (r) { return r.blob(); }).then(function (blob) {
      var a = document.createElement('a'); a.href = URL.createObjectURL(blob); a.download = 'tien-do.' + format; a.click();
    }).catch(fail);
  }
  function broadcast(url) {
    var text = $('btext').value.trim();
    if (!text) return;
    api(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ text: text }) }).then(function (r) { return r.json(); }).then(function (b) {
      var p = b.preview || b;
      $('bresult').textContent = (url.indexOf('preview') > 0 ? 'Sẽ gửi' : 'Đã xếp hàng gửi') + ' cho ' + p.recipients + ' người ' + JSON.stringify(p.byChannel) + '. SMS: ' + p.sms.encoding + ', ' + p.sms.segments + ' tin/người.';
    }).catch(fail);
  }
  $('go').onclick = function () { token = $('token').value.trim(); sessionStorage.setItem('bhxh-admin', token); loadUnit(); loadCallbacks(); };
  $('csv').onclick = function () { download('csv'); };
  $('xlsx').onclick = function () { download('xlsx'); };
  $('preview').onclick = function () { broadcast('/admin/broadcasts/preview'); };
  $('send').onclick = function () { if (confirm('Gửi tin này cho tất cả người đã đăng ký?')) broadcast('/admin/broadcasts'); };
  $('remind').onclick = function () {
    api('/admin/reminders', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' }).then(function (r) { return r.json(); })
      .then(function (b) { $('bresult').textContent = 'Đã lên lịch ' + b.reminders.length + ' tin nhắc' + (b.skippedDaysBefore ? ' (bỏ qua ' + b.skippedDaysBefore.join(', ') + ' ngày: đã qua)' : '') + '.'; }).catch(fail);
  };
  if (token) { loadUnit(); loadCallbacks(); }
})();
</script>
</body>
</html>`;
