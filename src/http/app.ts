import express, { type Application } from 'express';
import { pinoHttp } from 'pino-http';
import type { Db } from '../../db/client.ts';
import type { ChannelAdapter } from '../core/channel.ts';
import type { Logger } from '../core/log.ts';
import { errorHandler } from './errors.ts';

export interface HttpAppDeps {
  db: Db;
  log: Logger;
  channels: readonly ChannelAdapter[];
  /** Extra routes (admin API, dashboard) mounted after the channels. */
  extraRoutes?: (app: Application) => void;
}

/** The Express app: channel webhooks, health, extra routes, and the one error mapper. */
export function createHttpApp(deps: HttpAppDeps): Application {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.use(
    pinoHttp({
      logger: deps.log,
      // Query strings can carry tokens or sessions; log the path only.
      serializers: {
        req: (req: { method: string; url: string }) => ({ method: req.method, path: req.url.split('?')[0] }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      autoLogging: { ignore: (req) => req.url === '/healthz' },
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'info' : 'debug'),
    }),
  );
  app.get('/healthz', (_req, res) => {
    try {
      deps.db.$client.prepare('SELECT 1').get();
      res.json({ ok: true, db: 'ok', channels: deps.channels.map((c) => c.outbound.name) });
    } catch (err) {
      deps.log.error({ err }, 'health check: database unavailable');
      res.status(503).json({ ok: false, db: 'unavailable' });
    }
  });
  for (const channel of deps.channels) channel.mount(app);
  deps.extraRoutes?.(app);
  app.use((_req, res) => {
    res.status(404).json({ error: 'not found' });
  });
  app.use(errorHandler(deps.log));
  return app;
}
