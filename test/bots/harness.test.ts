import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { createTelegramChannel } from '../../bots/telegram/index.ts';
import { SendError } from '../../src/core/channel.ts';
import { guardNetwork } from '../support/network-guard.ts';
import { PEOPLE } from '../support/seed.ts';
import { expectNeverLogged, startBotHarness } from './harness.ts';

describe('the channel test harness', () => {
  it('refuses a fetch or an http request that would leave 127.0.0.1, and restores both after', async () => {
    const realFetch = globalThis.fetch;
    const realRequest = http.request;
    const restore = guardNetwork();
    try {
      await expect(fetch('https://api.telegram.org/bot1/getMe')).rejects.toThrow(/only 127.0.0.1/);
      expect(() => http.request({ hostname: 'openapi.zalo.me', path: '/' })).toThrow(/only 127.0.0.1/);
    } finally {
      restore();
    }
    expect(globalThis.fetch).toBe(realFetch);
    expect(http.request).toBe(realRequest);
  });

  it("stops telegraf's own HTTP client too: a bot pointed at the real Bot API cannot reach it", async () => {
    const h = await startBotHarness({ env: { TELEGRAM_BOT_TOKEN: '7000000001:AAFtest', TELEGRAM_WEBHOOK_SECRET: 's' }, create: createTelegramChannel });
    try {
      const err: unknown = await h.channel.send({ id: 1, to: `telegram:${PEOPLE.lan.telegramId}`, text: 'x', priority: 'reply' }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(SendError);
      expect(String((err as SendError).cause)).toMatch(/only 127.0.0.1/);
    } finally {
      await h.close();
    }
  });

  it("fails when a secret or a named person's phone number reached the logs", () => {
    expect(() => expectNeverLogged('{"msg":"token abc123"}', ['abc123'])).toThrow(/reached the logs/);
    expect(() => expectNeverLogged(`{"to":"${PEOPLE.hoa.phone}"}`, [])).toThrow(/reached the logs/);
    expect(() => expectNeverLogged('{"to":"+8491*****78"}', ['abc123'])).not.toThrow();
  });
});
