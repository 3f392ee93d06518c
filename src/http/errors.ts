import type { ErrorRequestHandler } from 'express';
import type { Logger } from '../core/log.ts';

/** An error that already knows its HTTP status and a message safe to show the caller. */
export class HttpError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
  }
}

/** The one place that maps errors to HTTP responses. Unknown errors are logged and answered 500, never rethrown. */
export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    const e = err as { status?: number; statusCode?: number; type?: string; message?: string };
    let status = err instanceof HttpError ? err.status : (e.status ?? e.statusCode ?? 500);
    let message = err instanceof HttpError ? err.message : 'internal error';
    // body-parser errors: malformed JSON, oversize bodies, bad encodings.
    if (e.type === 'entity.parse.failed') [status, message] = [400, 'malformed body: ' + (e.message ?? 'cannot parse')];
    else if (e.type === 'entity.too.large') [status, message] = [413, 'body too large'];
    else if (e.type === 'encoding.unsupported' || e.type === 'charset.unsupported') [status, message] = [415, 'unsupported encoding'];
    else if (status >= 400 && status < 500 && !(err instanceof HttpError)) message = e.message ?? 'bad request';
    if (status >= 500) log.error({ err, path: req.path }, 'request failed');
    else log.debug({ status, path: req.path, reason: message }, 'request refused');
    if (res.headersSent) return;
    res.status(status).json({ error: message });
  };
}
