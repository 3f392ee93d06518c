import { afterEach, describe, expect, it } from 'vitest';
import { callbackHistory } from '../../../db/schema/index.ts';
import type { BotHarness } from '../../bots/harness.ts';
import { expectNeverLogged } from '../../bots/harness.ts';
import { SIGNING_KEY, startSms, type SmsFakes } from '../../bots/sms/setup.ts';
import { signAndroidWebhook } from '../../support/fakes/android-sms.ts';
import { addConsoleUser, askForCallback, onlyRequest, referenceIn } from './support.ts';

/** The service with the SMS channel sending through the Android gateway fake, and that fake. */
interface SmsHarness {
  t: BotHarness['t'];
  h: BotHarness;
  fakes: SmsFakes;
  secrets(): string[];
  close(): Promise<void>;
}

async function startSmsHarness(env: Record<string, string>): Promise<SmsHarness> {
  const { h: bot, fakes, secrets } = await startSms({ SMS_PROVIDER: 'android', ...env });
  return {
    t: bot.t,
    h: bot,
    fakes,
    secrets,
    close: async () => {
      await bot.close();
      await fakes.close();
    },
  };
}

let h: SmsHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const PHONE = '+84912345678';
let counter = 0;

/** A resident's SMS through the signed SMS Gateway for Android webhook; resolves with the SMS texts sent back. */
async function sms(harness: SmsHarness, text: string): Promise<string> {
  const before = harness.fakes.android.calls.length;
  const body = JSON.stringify({
    deviceId: 'ffffffffceb0b1db0000018e937c815b',
    event: 'sms:received',
    id: `evt-${++counter}`,
    payload: { messageId: `msg-${counter}`, message: text, phoneNumber: PHONE, simNumber: 1, receivedAt: harness.t.clock.now().toISOString() },
    webhookId: 'LreFUt-Z3sSq0JufY9uWB',
  });
  // Signed at the service's own (fixed, advanceable) time, as the gateway would sign it then.
  const headers = { 'content-type': 'application/json', ...signAndroidWebhook(SIGNING_KEY, body, harness.t.clock.now()) };
  expect((await harness.h.post('/webhooks/android-sms', { headers, body })).status).toBe(200);
  await harness.t.service.outbox.runOnce();
  return harness.fakes.android.calls
    .slice(before)
    .filter((c) => (c.body?.['phoneNumbers'] as string[] | undefined)?.includes(PHONE))
    .map((c) => ((c.body?.['textMessage'] as { text?: string } | undefined)?.text ?? ''))
    .join('\n');
}

describe('a callback request by SMS (unaccented, numbered options)', () => {
  it('runs the whole flow by SMS, confirming the number the SMS came from', async () => {
    h = await startSmsHarness({ RATE_SMS: '0' });
    addConsoleUser(h.t.service.db, 'an');
    expect(await sms(h, 'goi lai cho toi')).toMatch(/ho ten/);
    const confirm = await sms(h, 'Tran Van Ba');
    expect(confirm).toMatch(/Can bo se goi so 0912\*\*\*678/);
    expect(confirm).toMatch(/1\. Goi so nay\n2\. So khac\nSoan 1 hoac 2/);
    expect(await sms(h, '1')).toMatch(/xa\/phuong hoac huyen/);
    expect(await sms(h, 'me linh')).toMatch(/Noi o: Huyen Me Linh.*\n1\. Buoi sang/);
    await sms(h, '4');
    expect(await sms(h, 'muc dong')).toMatch(/dong y\?\n1\. Dong y\n2\. Khong dong y/);
    const done = await sms(h, '1');
    const ref = referenceIn(done);
    expect(onlyRequest(h.t.service.db)).toMatchObject({ reference: ref, phone: PHONE, name: 'Tran Van Ba', preferredTime: 'any', unitCode: '250' });
    expect(await sms(h, `TINH TRANG ${ref}`)).toMatch(new RegExp(`Yeu cau ${ref}: da chuyen cho can bo`));
    expectNeverLogged(h.h.logs(), h.secrets());
  });

  it('merges a request made by SMS into the one the same phone made on web chat earlier that day', async () => {
    h = await startSmsHarness({ RATE_SMS: '0' });
    addConsoleUser(h.t.service.db, 'an');
    const ref = referenceIn(await askForCallback(h.t.chat(), { phone: '0912345678', question: 'lương hưu' }));
    h.t.clock.advance(60 * 60_000);
    await sms(h, 'goi lai');
    await sms(h, 'Tran Van Ba');
    await sms(h, '1');
    await sms(h, 'me linh');
    await sms(h, '1');
    await sms(h, 'Bo qua');
    const done = await sms(h, 'dong y');
    expect(done).toMatch(new RegExp(`da co yeu cau goi lai ${ref}`));
    expect(onlyRequest(h.t.service.db)).toMatchObject({ reference: ref, preferredTime: 'morning', topic: null });
    expect(h.t.service.db.select().from(callbackHistory).all().map((x) => x.event)).toContain('merged');
  });
});
