import express, { type Application } from 'express';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { ChannelAdapter, ChannelDeps, OutboundChannel } from '../../src/core/channel.ts';
import { DEFAULT_CAPABILITIES } from '../../src/core/channel.ts';
import type { OutboundMessage } from '../../src/core/message.ts';
import { collectWebMessages } from '../../src/core/outbox.ts';
import { HttpError } from '../../src/http/errors.ts';
import { WEB_CHAT_PAGE } from './page.ts';

/** Longest message a person may send through the web chat. */
export const MAX_TEXT = 4000;
const ChatBody = z.object({
  session: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'session must be 1-64 characters: letters, digits, _ or -'),
  text: z.string({ message: 'text must be a string' }),
  /** Optional client message id: the same id twice is processed once. */
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).optional(),
});

export interface WebReply {
  text: string;
  quickReplies: string[];
}

/** The built-in web chat: a page at `/`, `POST /web/chat` (the black-box test entry point), and polling for bulk messages. */
export function createWebChannel(deps: ChannelDeps): ChannelAdapter {
  // Messages for a session outside a request wait in the outbox (durable) until the page collects them.
  const collect = (session: string): WebReply[] => collectWebMessages(deps.db, `web:${session}`);

  const outbound: OutboundChannel = {
    name: 'web',
    capabilities: DEFAULT_CAPABILITIES.web,
    ratePerSecond: deps.config.rates.web,
    // "Sent" here means stored for the page; the row becomes delivered when the page collects it.
    send(message: OutboundMessage) {
      return Promise.resolve({ providerId: `web-${message.id}` });
    },
  };

  function mount(app: Application): void {
    app.get('/', (_req, res) => {
      res.type('html').set('Cache-Control', 'no-cache').send(WEB_CHAT_PAGE);
    });
    app.post('/web/chat', express.json({ limit: '64kb' }), async (req, res, next) => {
      try {
        if (req.body === undefined) throw new HttpError(415, 'send a JSON body with Content-Type: application/json');
        const parsed = ChatBody.safeParse(req.body);
        if (!parsed.success) throw new HttpError(400, parsed.error.issues.map((i) => i.message).join('; '));
        const { session, text, id } = parsed.data;
        if (text.length > MAX_TEXT) throw new HttpError(413, `text is longer than ${MAX_TEXT} characters`);
        const result = await deps.submit({
          kind: 'text',
          channel: 'web',
          providerId: id ? `${session}:${id}` : randomUUID(),
          from: `web:${session}`,
          text,
          receivedAt: deps.clock.now(),
        }, { deliverNow: true });
        // The HTTP response is the delivery of this message's replies; anything else that arrived for the
        // session meanwhile (broadcasts, reminders) comes first, in order.
        const replies = [...collect(session), ...(result.replies ?? []).map((r) => ({ text: r.text, quickReplies: r.quickReplies ?? [] }))];
        res.json({ replies, ...(result.status === 'duplicate' && { duplicate: true }) });
      } catch (err) {
        next(err);
      }
    });
    // Messages that arrived for a session outside a request (broadcasts, reminders, a consultant's note).
    app.get('/web/chat', (req, res, next) => {
      const session = typeof req.query['session'] === 'string' ? req.query['session'] : '';
      if (!/^[A-Za-z0-9_-]{1,64}$/.test(session)) {
        next(new HttpError(400, 'session query parameter required'));
        return;
      }
      res.json({ replies: collect(session) });
    });
  }

  return { outbound, mount };
}
