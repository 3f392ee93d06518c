import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';

/** One Bot API call the fake received. */
export interface FakeTelegramCall {
  method: string;
  body: Record<string, unknown>;
  /** When the call arrived (ms since the epoch). */
  at: number;
}

/** An error the fake answers the next call of a method with (429s, 403 "blocked", 5xx …). */
export interface FakeTelegramFailure {
  error_code: number;
  description?: string;
  retry_after?: number;
}

export interface FakeTelegram {
  /** Use as TELEGRAM_API_ROOT. */
  url: string;
  /** Use as TELEGRAM_BOT_TOKEN. */
  token: string;
  calls: FakeTelegramCall[];
  /** Answer the next call of `method` with this error (queued: call several times for several failures). */
  failNext(method: string, failure: FakeTelegramFailure): void;
  /** Failures queued but not yet served: a test that leaves some has a mock it never exercised. */
  pendingFailures(): number;
  /** Queue an update for getUpdates (polling mode). */
  pushUpdate(update: Record<string, unknown>): void;
  close(): Promise<void>;
}

const DESCRIPTIONS: Record<number, string> = {
  400: 'Bad Request: chat not found',
  403: 'Forbidden: bot was blocked by the user',
  429: 'Too Many Requests: retry after 1',
};

/**
 * A Bot API on 127.0.0.1 speaking the real wire format: `POST /bot<token>/<method>` with a JSON or form body →
 * `{ok:true, result}` or `{ok:false, error_code, description, parameters?}` with the matching HTTP status.
 */
export async function startFakeTelegram(opts: { port?: number; token?: string } = {}): Promise<FakeTelegram> {
  const token = opts.token ?? `${100000000 + Math.floor(Math.random() * 899999999)}:AA${randomBytes(24).toString('base64url')}`;
  const calls: FakeTelegramCall[] = [];
  const failures = new Map<string, FakeTelegramFailure[]>();
  const updates: Record<string, unknown>[] = [];
  const waiters = new Set<() => void>();
  let nextMessageId = 1;
  let updateOffset = 0;
  const botId = Number(token.slice(0, token.indexOf(':')));

  const reply = (res: ServerResponse, status: number, payload: unknown): void => {
    if (res.writableEnded) return;
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method === 'POST' && req.url === '/fake/updates') {
      // Not part of the Bot API: lets a person feed an update to a service running in polling mode.
      const update = await readBody(req);
      if (typeof update['update_id'] !== 'number') return reply(res, 400, { ok: false, description: 'update_id (a number) is required' });
      pushUpdate(update);
      return reply(res, 200, { ok: true });
    }
    const match = /^\/bot([^/]+)\/(\w+)$/.exec(req.url ?? '');
    if (req.method !== 'POST' && req.method !== 'GET') return reply(res, 405, { ok: false, error_code: 405, description: 'Method Not Allowed' });
    if (!match) return reply(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
    const [, givenToken, method = ''] = match;
    if (givenToken !== token) return reply(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
    const body = await readBody(req);
    calls.push({ method, body, at: Date.now() });
    const failure = failures.get(method)?.shift();
    if (failure) {
      if (failure.error_code >= 500) {
        res.writeHead(failure.error_code, { 'content-type': 'text/html' }).end('<html><body>Bad Gateway</body></html>');
        return;
      }
      return reply(res, failure.error_code, {
        ok: false,
        error_code: failure.error_code,
        description: failure.description ?? DESCRIPTIONS[failure.error_code] ?? 'Bad Request',
        ...(failure.retry_after !== undefined ? { parameters: { retry_after: failure.retry_after } } : {}),
      });
    }
    switch (method) {
      case 'getMe':
        return reply(res, 200, {
          ok: true,
          result: { id: botId, is_bot: true, first_name: 'Fake bot', username: 'fake_bot', can_join_groups: false, can_read_all_group_messages: false, supports_inline_queries: false },
        });
      case 'setWebhook':
      case 'deleteWebhook':
        return reply(res, 200, { ok: true, result: true, description: method === 'setWebhook' ? 'Webhook was set' : 'Webhook was deleted' });
      case 'sendMessage': {
        const chatId = body['chat_id'];
        const text = body['text'];
        if ((typeof chatId !== 'number' && typeof chatId !== 'string') || typeof text !== 'string' || text === '') {
          return reply(res, 400, { ok: false, error_code: 400, description: 'Bad Request: message text is empty' });
        }
        if (text.length > 4096) return reply(res, 400, { ok: false, error_code: 400, description: 'Bad Request: message is too long' });
        return reply(res, 200, {
          ok: true,
          result: {
            message_id: nextMessageId++,
            from: { id: botId, is_bot: true, first_name: 'Fake bot', username: 'fake_bot' },
            chat: { id: Number(chatId), type: 'private' },
            date: Math.floor(Date.now() / 1000),
            text,
          },
        });
      }
      case 'getUpdates': {
        const offset = typeof body['offset'] === 'number' ? body['offset'] : 0;
        updateOffset = Math.max(updateOffset, offset);
        const pending = () => updates.filter((u) => Number(u['update_id']) >= updateOffset);
        const timeoutS = typeof body['timeout'] === 'number' ? Math.min(body['timeout'], 25) : 0;
        if (pending().length === 0 && timeoutS > 0) {
          // Long polling: hold the request until an update arrives, the timeout passes or the client goes away.
          await new Promise<void>((resolve) => {
            const done = () => {
              clearTimeout(timer);
              waiters.delete(done);
              resolve();
            };
            const timer = setTimeout(done, timeoutS * 1000);
            waiters.add(done);
            req.once('close', done);
          });
        }
        return reply(res, 200, { ok: true, result: pending() });
      }
      default:
        return reply(res, 404, { ok: false, error_code: 404, description: 'Not Found: method not found' });
    }
  };

  const pushUpdate = (update: Record<string, unknown>): void => {
    updates.push(update);
    for (const wake of [...waiters]) wake();
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => reply(res, 500, { ok: false, error_code: 500, description: 'Internal Server Error' }));
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    token,
    calls,
    failNext(method, failure) {
      const queue = failures.get(method) ?? [];
      queue.push(failure);
      failures.set(method, queue);
    },
    pendingFailures: () => [...failures.values()].reduce((n, q) => n + q.length, 0),
    pushUpdate,
    close: async () => {
      for (const wake of [...waiters]) wake();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const SAMPLE_UPDATE =
  '{"update_id":1,"message":{"message_id":1,"date":0,"chat":{"id":42,"type":"private"},"from":{"id":42,"is_bot":false,"first_name":"Lan"},"text":"/start"}}';

/** Lines a newcomer needs to point the service at the fake (printed by `npm run fakes`). */
export function describeFakeTelegram(fake: FakeTelegram): string[] {
  return [
    `Fake Telegram Bot API on ${fake.url}`,
    `  TELEGRAM_API_ROOT=${fake.url}`,
    `  TELEGRAM_BOT_TOKEN=${fake.token}`,
    '  TELEGRAM_WEBHOOK_SECRET=local-secret',
    `  try: curl -X POST localhost:3000/webhooks/telegram -H 'content-type: application/json' -H 'X-Telegram-Bot-Api-Secret-Token: local-secret' \\`,
    `         -d '${SAMPLE_UPDATE}'`,
    `  or, with TELEGRAM_POLLING=true: curl -X POST ${fake.url}/fake/updates -H 'content-type: application/json' -d '${SAMPLE_UPDATE}'`,
  ];
}

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (text === '') return {};
  const type = req.headers['content-type'] ?? '';
  if (type.includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(text));
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
