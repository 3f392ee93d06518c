import { Writable } from 'node:stream';
import { loadConfig } from '../../src/config.ts';
import { createService, type Service, type ServiceOptions } from '../../src/service.ts';
import { fixedClock } from '../../src/core/clock.ts';
import { createLogger } from '../../src/core/log.ts';
import type { WebReply } from '../../bots/web/index.ts';
import type { UnitTree } from '../../db/seed/units.ts';
import { SERVICE_ENGINE, pgServiceDatabase } from './engines.ts';

/** A log sink tests can read, to check what reached the logs (and that secrets did not). */
export function captureLog(): { stream: Writable; text(): string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      chunks.push(String(chunk));
      cb();
    },
  });
  return { stream, text: () => chunks.join('') };
}

export interface TestService {
  service: Service;
  url: string;
  clock: ReturnType<typeof fixedClock>;
  logs(): string;
  /** A chat through `POST /web/chat`, the same entry point the web page uses. */
  chat(session?: string): ChatScript;
  close(): Promise<void>;
}

/**
 * A whole service on 127.0.0.1 with its own in-memory database built from the real migrations: nothing is
 * shared between tests. The clock is fixed (default 2026-05-20 10:00 Asia/Ho_Chi_Minh) so tests never sleep.
 */
export async function startTestService(
  opts: { now?: string; env?: Record<string, string>; options?: ServiceOptions } = {},
): Promise<TestService> {
  const clock = fixedClock(opts.now ?? '2026-05-20T03:00:00Z');
  const captured = captureLog();
  const log = createLogger({ level: 'debug', destination: captured.stream });
  // The 2020-era tree (districts) unless a test asks for another with UNIT_TREE.
  // Questions are answered on the event loop unless a test asks for answer workers (FAQ_WORKERS).
  const env = { LOG_LEVEL: 'debug', CAMPAIGN_LAUNCH_AT: '2026-05-23T08:00', UNIT_TREE: '2025-03', WEB_CHAT_RATE_PER_MINUTE: '0', FAQ_WORKERS: '0', ...opts.env };
  // The PostgreSQL pass (TEST_ENGINE=pg) gives each service a database of its own; else a private in-memory SQLite.
  const onPg = SERVICE_ENGINE === 'pg';
  const config = loadConfig({ ...env, ...(onPg && { DATABASE_URL: await pgServiceDatabase(env.UNIT_TREE as UnitTree) }) });
  const service = await createService(config, { log, clock, ...(!onPg && { dbPath: ':memory:' }), ...opts.options });
  const port = await service.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}`;
  let counter = 0;
  return {
    service,
    url,
    clock,
    logs: captured.text,
    chat: (session) => new ChatScript(url, session ?? `t${++counter}`),
    close: () => service.close(),
  };
}

/** Chat script: `await chat.send("BC 12")` returns the replies; `expectReply` asserts on the last ones. */
export class ChatScript {
  last: WebReply[] = [];
  constructor(
    readonly url: string,
    readonly session: string,
  ) {}

  /** Send one message; resolves with the replies it produced. */
  async send(text: string, id?: string): Promise<WebReply[]> {
    const res = await fetch(`${this.url}/web/chat`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ session: this.session, text, ...(id && { id }) }),
    });
    const body = (await res.json()) as { replies?: WebReply[]; error?: string };
    if (!res.ok) throw new Error(`POST /web/chat ${res.status}: ${body.error ?? ''}`);
    this.last = body.replies ?? [];
    return this.last;
  }

  /** The text of all replies of the last send, joined. */
  get text(): string {
    return this.last.map((r) => r.text).join('\n');
  }
}
