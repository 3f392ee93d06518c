import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { AckInput, Channel, ChannelCapabilities, ChannelDeps, ChannelRequest, ChannelResponse, ParsedRequest } from '../../src/core/channel.ts';
import { WebhookRefusal } from '../../src/core/channel.ts';
import type { OutboundMessage } from '../../src/core/message.ts';
import { readJson } from '../shared/body.ts';
import { parsePayload } from '../shared/issues.ts';
import type { WebEnv } from './config.ts';
import { collectWebMessages } from '../../src/core/outbox.ts';
import { WEB_CHAT_PAGE, WEB_CHAT_SCRIPT, WEB_CHAT_STYLE } from './page.ts';

/** Longest message a person may send through the web chat. */
export const MAX_TEXT = 4000;

/** What the web chat renders: buttons for quick replies, long texts. */
export const WEB_CAPABILITIES: ChannelCapabilities = { quickReplies: true, maxLength: MAX_TEXT, sms: false };

const CHAT_PATH = '/web/chat';
const SESSION = /^[A-Za-z0-9_-]{1,64}$/;

const ChatBody = z.object({
  session: z.string().regex(SESSION, 'session must be 1-64 characters: letters, digits, _ or -'),
  text: z.string({ message: 'text must be a string' }),
  /** Optional client message id: the same id twice is processed once. */
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).optional(),
});

/** One message as the page shows it. */
export interface WebReply {
  text: string;
  quickReplies: string[];
}

/**
 * A UUID version 7 (RFC 9562): the time in milliseconds, then random bits. Ids made one after another sort one after
 * another, so recording them appends to the dedupe index instead of writing a random page of it per message.
 */
export function uuidV7(now = Date.now()): string {
  // The random part comes from randomUUID (node keeps a pool of random bytes for it: no system call per id),
  // whose variant bits are the ones version 7 has too; its first 48 bits give way to the time.
  const time = now.toString(16).padStart(12, '0');
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${randomUUID().slice(15)}`;
}

/** The page and its files, by path. */
const STATIC: Record<string, { type: string; body: string }> = {
  '/': { type: 'html', body: WEB_CHAT_PAGE },
  '/web/chat.js': { type: 'text/javascript; charset=utf-8', body: WEB_CHAT_SCRIPT },
  '/web/chat.css': { type: 'text/css; charset=utf-8', body: WEB_CHAT_STYLE },
};

const json = (body: unknown): ChannelResponse => ({ status: 200, contentType: 'application/json; charset=utf-8', body: JSON.stringify(body) });

/** The built-in web chat: a page at `/`, `POST /web/chat` (the black-box test entry point), and polling for bulk messages. */
export function createWebChannel(deps: Pick<ChannelDeps, 'clock' | 'db'>, env: WebEnv): Channel {
  // Messages for a session outside a request wait in the outbox (durable) until the page collects them; they
  // become delivered only then.
  const collect = (session: string): Promise<WebReply[]> => collectWebMessages(deps.db, `web:${session}`);

  function parseChat(request: ChannelRequest): ParsedRequest {
    if (!/json/i.test(request.headers['content-type'] ?? '')) {
      throw new WebhookRefusal('unsupported-media', 'send a JSON body with Content-Type: application/json');
    }
    const { session, text, id } = parsePayload(ChatBody, readJson(request.rawBody), 'chat message');
    if (text.length > MAX_TEXT) throw new WebhookRefusal('too-large', `text is longer than ${MAX_TEXT} characters`);
    const event = {
      kind: 'text',
      channel: 'web',
      providerId: id ? `${session}:${id}` : uuidV7(),
      from: `web:${session}`,
      text,
      receivedAt: deps.clock.now(),
    } as const;
    return { events: [event], options: { deliverNow: true, collectWaiting: true } };
  }

  /** The session a poll asks for. */
  function pollSession(request: ChannelRequest): string {
    const session = request.query['session'] ?? '';
    if (!SESSION.test(session)) throw new WebhookRefusal('malformed', 'session query parameter required');
    return session;
  }

  return {
    name: 'web',
    capabilities: WEB_CAPABILITIES,
    ratePerSecond: env.RATE_WEB,
    routes: [
      { method: 'GET', path: '/', maxBodyBytes: 0 },
      // The page's script and styles are files: the Content-Security-Policy allows no inline code.
      { method: 'GET', path: '/web/chat.js', maxBodyBytes: 0 },
      { method: 'GET', path: '/web/chat.css', maxBodyBytes: 0 },
      { method: 'POST', path: CHAT_PATH, maxBodyBytes: 64 * 1024 },
      // Messages that arrived for a session outside a request (broadcasts, reminders, a consultant's note).
      { method: 'GET', path: CHAT_PATH, maxBodyBytes: 0 },
    ],
    verify() {
      // The web chat is open to anyone: a session id is all it has.
    },
    parse(request) {
      if (request.method === 'POST') return parseChat(request);
      if (request.path === CHAT_PATH) pollSession(request);
      return { events: [] };
    },
    async ack({ request, results }: AckInput): Promise<ChannelResponse> {
      const asset = STATIC[request.path];
      if (asset) return { status: 200, contentType: asset.type, body: asset.body, headers: { 'Cache-Control': 'no-cache' } };
      if (request.method === 'GET') return json({ replies: await collect(pollSession(request)) });
      const result = results[0];
      // The HTTP response is the delivery of this message's replies; anything else that arrived for the
      // session meanwhile (broadcasts, reminders), handed over by the dispatcher, comes first, in order.
      const replies = [...(result?.waiting ?? []), ...(result?.replies ?? []).map((r) => ({ text: r.text, quickReplies: r.quickReplies ?? [] }))];
      return json({ replies, ...(result?.status === 'duplicate' && { duplicate: true }) });
    },
    // "Sent" here means stored for the page; the row becomes delivered when the page collects it.
    send(message: OutboundMessage) {
      return Promise.resolve({ providerId: `web-${message.id}` });
    },
  };
}
