/**
 * Two instances on one PostgreSQL: a message that reaches the instance that does not lead is answered at once, not
 * at the leader's next tick. The leader's tick is set to a minute here, so only the wake (pg_notify from the
 * follower, LISTEN on the leader: db/pg/outbox-wake.ts, wired in src/service.ts) can send the reply in time.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/core/log.ts';
import { createService, type Service } from '../../src/service.ts';
import { startFakeTelegram, type FakeTelegram } from '../support/fakes/telegram.ts';
import { captureLog } from '../support/service.ts';
import { hasPg, useTestDatabase } from '../support/pg.ts';
import { until as waitUntil } from '../support/until.ts';

const SECRET = 'wake-test-secret';
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

const until = (what: string, ok: () => boolean, ms: number) => waitUntil(what, ok, ms, 20);

describe.skipIf(!hasPg)('a message to the instance that does not lead', () => {
  const database = useTestDatabase();
  const services: Service[] = [];
  let fake: FakeTelegram | undefined;
  afterAll(async () => {
    for (const s of services) await s.close();
    await fake?.close();
  });

  async function instance(telegram: FakeTelegram) {
    const captured = captureLog();
    const config = loadConfig({
      DATABASE_URL: database.url(),
      LOG_LEVEL: 'info',
      OUTBOX_TICK_MS: '60000',
      LEADER_RETRY_SECONDS: '1',
      TELEGRAM_BOT_TOKEN: telegram.token,
      TELEGRAM_API_ROOT: telegram.url,
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      QUIET_HOURS: '00:00-00:00',
    });
    const service = await createService(config, { log: createLogger({ level: 'info', destination: captured.stream }) });
    services.push(service);
    const port = await service.listen(0, '127.0.0.1');
    return { port, logs: captured.text };
  }

  it('is answered by the leader as soon as the follower has stored it', async () => {
    fake = await startFakeTelegram();
    const telegram = fake;
    const a = await instance(telegram);
    await until('the first instance to lead', () => a.logs().includes('this instance leads'), 10_000);
    const b = await instance(telegram);
    // The leader's first passes (after its one-window hold-off) are over: its loop now sleeps for the tick.
    await pause(2_500);
    expect(b.logs()).not.toContain('this instance leads');

    const sent = Date.now();
    const res = await fetch(`http://127.0.0.1:${b.port}/webhooks/telegram`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
      body: JSON.stringify({
        update_id: 4242,
        message: { message_id: 1, date: Math.floor(sent / 1000), chat: { id: 777, type: 'private' }, from: { id: 777, is_bot: false, first_name: 'A' }, text: 'menu' },
      }),
    });
    expect(res.ok).toBe(true);
    const reply = () => telegram.calls.find((c) => c.method === 'sendMessage' && Number(c.body['chat_id']) === 777);
    // A minute's tick would miss this by far; the wake arrives in milliseconds (10 s allows for a busy machine).
    await until('the reply', () => reply() !== undefined, 10_000);
    expect(reply()!.at - sent).toBeLessThan(10_000);
  }, 30_000);
});
