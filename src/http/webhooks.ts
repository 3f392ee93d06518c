/**
 * The one HTTP module for every channel's webhooks (courier's server, grammY's frameworks.ts): it mounts each
 * channel's routes, turns the Express request into the neutral ChannelRequest, reads the raw body within the
 * route's limit, runs verify → parse → dispatch → ack, and maps refusals to HTTP statuses in one place.
 * Channels never see Express.
 */
import express, { type Application, type Request, type RequestHandler, type Response } from 'express';
import type { Channel, ChannelRequest, ChannelResponse, ChannelRoute, DispatchOptions, DispatchResult, RefusalReason } from '../core/channel.ts';
import { WebhookRefusal } from '../core/channel.ts';
import type { InboundEvent } from '../core/message.ts';
import { HttpError } from './errors.ts';

/** The HTTP status of each refusal reason. */
const REFUSAL_STATUS: Record<RefusalReason, number> = {
  unauthorized: 403,
  malformed: 400,
  'too-large': 413,
  'unsupported-media': 415,
};

export interface WebhookDeps {
  /** Dispatch one event (the dispatcher's group commit); resolves once it is stored and handled. */
  submit(event: InboundEvent, opts?: DispatchOptions): Promise<DispatchResult>;
}

const EMPTY = Buffer.alloc(0);

/** The neutral view of an Express request. */
function toChannelRequest(req: Request, path: string, rawBody: Buffer = Buffer.isBuffer(req.body) ? req.body : EMPTY): ChannelRequest {
  return {
    method: req.method,
    path,
    url: req.originalUrl,
    // Node joins repeated headers with ", " (only set-cookie stays an array, and no provider sends it to us).
    headers: req.headers as Record<string, string | undefined>,
    // Read on demand: webhooks never look at it, and it costs a parse per request.
    get query() {
      const query: Record<string, string | undefined> = {};
      for (const [key, value] of Object.entries(req.query)) if (typeof value === 'string') query[key] = value;
      return query;
    },
    rawBody,
  };
}

/** Run a channel step; a WebhookRefusal becomes an HttpError with the reason's status. */
function refusing<T>(step: () => T): T {
  try {
    return step();
  } catch (err) {
    if (err instanceof WebhookRefusal) throw new HttpError(REFUSAL_STATUS[err.reason], err.message);
    throw err;
  }
}

function send(res: Response, answer: ChannelResponse): void {
  if (answer.headers) res.set(answer.headers);
  res.status(answer.status).type(answer.contentType).send(answer.body);
}

/** verify (unless done on the headers already) → parse → dispatch each event → ack. */
function handle(channel: Channel, route: ChannelRoute, deps: WebhookDeps): RequestHandler {
  return async (req, res) => {
    const request = toChannelRequest(req, route.path);
    if (route.verifies !== 'headers') refusing(() => channel.verify(request));
    const parsed = refusing(() => channel.parse(request));
    const results: DispatchResult[] = [];
    for (const event of parsed.events) results.push(await deps.submit(event, parsed.options));
    send(res, await channel.ack({ request, events: parsed.events, results }));
  };
}

/** Verify on the headers alone, before the body is read: an unauthenticated request is never read. */
function verifyHeaders(channel: Channel, route: ChannelRoute): RequestHandler {
  return (req, _res, next) => {
    refusing(() => channel.verify(toChannelRequest(req, route.path, EMPTY)));
    next();
  };
}

/** Mount every route of every channel. Body-reader failures (too large, bad encoding) go to the app's error mapper. */
export function mountWebhooks(app: Application, channels: readonly Channel[], deps: WebhookDeps): void {
  for (const channel of channels) {
    for (const route of channel.routes) {
      const steps: RequestHandler[] = [];
      if (route.verifies === 'headers') steps.push(verifyHeaders(channel, route));
      // Raw bytes whatever the Content-Type: signatures cover the body exactly as sent.
      if (route.method === 'POST') steps.push(express.raw({ type: () => true, limit: route.maxBodyBytes }));
      steps.push(handle(channel, route, deps));
      if (route.method === 'GET') app.get(route.path, ...steps);
      else app.post(route.path, ...steps);
    }
  }
}
