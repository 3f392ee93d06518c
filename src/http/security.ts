import type { Server } from 'node:http';
import type { Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';
import { createRateWindow } from '../core/rate-window.ts';
import { HttpError } from './errors.ts';

/**
 * Security headers on every response: a Content-Security-Policy that allows no inline code and no other origin,
 * no framing, no MIME sniffing, no referrer, HSTS only when the service is reached over https.
 */
export function securityHeaders(opts: { https: boolean }): RequestHandler {
  // helmet decides the headers; they are the same for every response, so they are worked out once and each
  // response gets them in one step (a dozen chained middlewares per request showed on the message path).
  const headers = headersOf(
    helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: opts.https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    xFrameOptions: { action: 'deny' },
    }),
  );
  return (_req, res, next) => {
    for (const [name, value] of headers) res.setHeader(name, value);
    next();
  };
}

/** The headers a middleware sets on a response (run once against a recording response). */
function headersOf(middleware: RequestHandler): [string, string][] {
  const set = new Map<string, string>();
  const recorder = {
    setHeader: (name: string, value: unknown) => void set.set(name, String(value)),
    removeHeader: (name: string) => void set.delete(name),
    getHeader: (name: string) => set.get(name),
  };
  let done = false;
  void middleware({} as Request, recorder as unknown as Response, (err?: unknown) => {
    if (err) throw err instanceof Error ? err : new Error(String(err));
    done = true;
  });
  if (!done) throw new Error('security headers: the middleware did not finish synchronously');
  return [...set];
}

/** A per-client-address limit on a route (web chat): 429 with Retry-After past `perMinute` (0 = no limit). */
export function perClientLimit(perMinute: number, now: () => number = Date.now): RequestHandler {
  const window = createRateWindow(perMinute, 60_000);
  return (req, res, next) => {
    const key = req.socket.remoteAddress ?? 'unknown';
    const t = now();
    if (window.hit(key, t)) return next();
    res.set('Retry-After', String(window.retryAfter(key, t)));
    next(new HttpError(429, 'too many messages: please wait a moment'));
  };
}

/**
 * Timeouts and a connection cap, so slow or idle clients cannot hold the server: headers within 15 s, a whole
 * request within 30 s, idle keep-alive sockets closed after 5 s.
 */
export function hardenServer(server: Server, opts: { maxConnections: number }): void {
  server.headersTimeout = 15_000;
  server.requestTimeout = 30_000;
  server.keepAliveTimeout = 5_000;
  server.maxConnections = opts.maxConnections;
  server.maxHeadersCount = 100;
}
