import { sql } from 'drizzle-orm';
import express, { type Application, type RequestHandler } from 'express';
import { row, type Db } from '../../db/client.ts';
import type { Channel } from '../core/channel.ts';
import type { Logger } from '../core/log.ts';
import { errorHandler } from './errors.ts';
import { perClientLimit, securityHeaders } from './security.ts';
import { mountWebhooks, type WebhookDeps } from './webhooks.ts';

export interface HttpAppDeps {
  db: Db;
  log: Logger;
  channels: readonly Channel[];
  /** Dispatches the events the channels' webhooks parse. */
  submit: WebhookDeps['submit'];
  /** Extra routes (admin API, dashboard) mounted after the channels. */
  extraRoutes?: (app: Application) => void;
  /** Served over https (HSTS, Secure cookies). */
  https?: boolean;
  /** Web chat messages per client address per minute (0 = no limit). */
  webChatPerMinute?: number;
}

/**
 * One log line per request, after it finished: method, path (never the query string: it can carry tokens),
 * status and time. Refusals (4xx) at info, failures at error, the rest at debug. Cheaper than a child logger
 * per request, which mattered on the message path.
 */
function requestLogger(log: Logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const status = res.statusCode;
      const level = status >= 500 ? 'error' : status >= 400 ? 'info' : 'debug';
      if (!log.isLevelEnabled(level) || req.path === '/healthz') return;
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      log[level]({ req: { method: req.method, path: req.path }, res: { statusCode: status }, responseTime: Math.round(ms * 10) / 10 }, 'request completed');
    });
    next();
  };
}

/** The Express app: channel webhooks, health, extra routes, and the one error mapper. */
export function createHttpApp(deps: HttpAppDeps): Application {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  // Bodies are small and never cached: skip hashing every response for an ETag.
  app.set('etag', false);
  app.use(requestLogger(deps.log));
  app.use(securityHeaders({ https: deps.https ?? false }));
  if (deps.webChatPerMinute) app.post('/web/chat', perClientLimit(deps.webChatPerMinute));
  app.get('/healthz', async (_req, res) => {
    try {
      await row(deps.db, sql`SELECT 1`);
      res.json({ ok: true, db: 'ok', channels: deps.channels.map((c) => c.name) });
    } catch (err) {
      deps.log.error({ err }, 'health check: database unavailable');
      res.status(503).json({ ok: false, db: 'unavailable' });
    }
  });
  mountWebhooks(app, deps.channels, { submit: deps.submit });
  deps.extraRoutes?.(app);
  app.use((_req, res) => {
    res.status(404).json({ error: 'not found' });
  });
  app.use(errorHandler(deps.log));
  return app;
}
