import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Application } from 'express';
import { adminRoute, type GuardDeps } from './admin/route.ts';

/**
 * The old one-page dashboard is retired: `/dashboard` now sends people to the console at `/console`. This page
 * is the fallback body for anything still serving it (a meta refresh: no script, so the CSP holds).
 */
export const DASHBOARD_PAGE = `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="0; url=/console">
<title>Bảng điều hành đã chuyển</title>
</head>
<body><p>Bảng điều hành đã chuyển sang <a href="/console">/console</a>.</p></body>
</html>`;

/** Folder of the console's static files (HTML, CSS, ES modules). */
export const CONSOLE_DIR = join(dirname(fileURLToPath(import.meta.url)), 'console');

/** chart.js's browser build, served from node_modules (no CDN). */
function chartJsFile(): string {
  // The package's exports hide dist/; its main entry lives in dist/ beside the UMD build.
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('chart.js')), 'chart.umd.min.js');
}

/**
 * Serve the console at `/console` (static files; every figure on them comes from the admin API) and redirect the
 * retired `/dashboard` there. Mount before the admin API so this `/dashboard` answers first.
 */
export function mountConsolePages(app: Application, deps: GuardDeps): void {
  const index = join(CONSOLE_DIR, 'index.html');
  const chart = chartJsFile();
  const noCache = { headers: { 'Cache-Control': 'no-cache' } };
  // Declared public like every other route: the pages hold no data, the guarded API does.
  adminRoute(app, deps, 'get', '/dashboard', 'public', (_req, res) => res.redirect(301, '/console'));
  adminRoute(app, deps, 'get', '/console', 'public', (_req, res) => res.sendFile(index, noCache));
  adminRoute(app, deps, 'get', '/console/', 'public', (_req, res) => res.sendFile(index, noCache));
  adminRoute(app, deps, 'get', '/console/vendor/chart.umd.js', 'public', (_req, res) => res.type('text/javascript').sendFile(chart, noCache));
  app.use('/console', express.static(CONSOLE_DIR, { index: false, redirect: false, fallthrough: true, setHeaders: (res) => res.set('Cache-Control', 'no-cache') }));
}
