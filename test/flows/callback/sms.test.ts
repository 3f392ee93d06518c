import { afterEach, describe, expect, it } from 'vitest';
import { callbackHistory } from '../../../db/schema/index.ts';
import { signAndroidWebhook } from '../../support/fakes/android-sms.ts';
import type { BotHarness } from '../../bots/harness.ts';
import { SIGNING_KEY, startSms, type SmsFakes } from '../../bots/sms/setup.ts';
import { addConsoleUser, askForCallback, onlyRequest, referenceIn } from './support.ts';

interface Sms {
  h: BotHarness;
  fakes: SmsFakes;
  secrets: () => string[];
}
let sms: Sms | undefined;
afterEach(async () => {
  await sms?.h.close();
  await sms?.fakes.close();
  sms = undefined;
});

/** The service with the SMS channel sending through the Android gateway fake, without a rate limit. */
async function start(): Promise<Sms> {
  sms = await startSms({ SMS_PROVIDER: 'android', RATE_SMS: '0' });
  return sms;
}

const PHONE = '+84912345678';
let counter = 0;

/** A resident's SMS through the signed SMS Gateway for Android webhook; resolves with the SMS texts sent back. */
async function send(s: Sms, text: string): Promise<string> {
  const { h, fakes } = s;
  const before = fakes.android.calls.length;
  const body = JSON.stringify({
    deviceId: 'ffffffffceb0b1db0000018e937c815b',
    event: 'sms:received',
    id: `evt-${++counter}`,
    payload: { messageId: `msg-${counter}`, message: text, phoneNumber: PHONE, simNumber: 1, receivedAt: h.clock.now().toISOString() },
    webhookId: 'LreFUt-Z3sSq0JufY9uWB',
  });
  const headers = { 'content-type': 'application/json', ...signAndroidWebhook(SIGNING_KEY, body, h.clock.now()) };
  expect((await h.post('/webhooks/android-sms', { headers, body })).status).toBe(200);
  await h.t.service.outbox.runOnce();
  return fakes.android.calls
    .slice(before)
    .filter((c) => (c.body?.['phoneNumbers'] as string[] | undefined)?.includes(PHONE) === true)
    .map((c) => ((c.body?.['textMessage'] as { text?: string } | undefined)?.text ?? ''))
    .join('\n');
}

describe('a callback request by SMS (unaccented, numbered options)', () => {
  it('runs the whole flow by SMS, confirming the number the SMS came from', async () => {
    const s = await start();
    const { h } = s;
    await addConsoleUser(h.db, 'an');
    expect(await send(s, 'goi lai cho toi')).toMatch(/ho ten/);
    const confirm = await send(s, 'Tran Van Ba');
    expect(confirm).toMatch(/Can bo se goi so 0912\*\*\*678/);
    expect(confirm).toMatch(/1\. Goi so nay\n2\. So khac\nSoan 1 hoac 2/);
    expect(await send(s, '1')).toMatch(/xa\/phuong hoac huyen/);
    expect(await send(s, 'me linh')).toMatch(/Noi o: Huyen Me Linh.*\n1\. Buoi sang/);
    await send(s, '4');
    expect(await send(s, 'muc dong')).toMatch(/dong y\?\n1\. Dong y\n2\. Khong dong y/);
    const done = await send(s, '1');
    const ref = referenceIn(done);
    expect(await onlyRequest(h.db)).toMatchObject({ reference: ref, phone: PHONE, name: 'Tran Van Ba', preferredTime: 'any', unitCode: '250' });
    expect(await send(s, `TINH TRANG ${ref}`)).toMatch(new RegExp(`Yeu cau ${ref}: da chuyen cho can bo`));
    const logs = h.logs();
    for (const secret of s.secrets()) expect(logs).not.toContain(secret);
    expect(logs, 'an unmasked phone number reached the logs').not.toMatch(/912345678/);
  });

  it('merges a request made by SMS into the one the same phone made on web chat earlier that day', async () => {
    const s = await start();
    const { h } = s;
    await addConsoleUser(h.db, 'an');
    const ref = referenceIn(await askForCallback(h.t.chat(), { phone: '0912345678', question: 'lương hưu' }));
    h.t.clock.advance(60 * 60_000);
    await send(s, 'goi lai');
    await send(s, 'Tran Van Ba');
    await send(s, '1');
    await send(s, 'me linh');
    await send(s, '1');
    await send(s, 'Bo qua');
    const done = await send(s, 'dong y');
    expect(done).toMatch(new RegExp(`da co yeu cau goi lai ${ref}`));
    expect(await onlyRequest(h.db)).toMatchObject({ reference: ref, preferredTime: 'morning', topic: null });
    expect((await h.db.select().from(callbackHistory)).map((x) => x.event)).toContain('merged');
  });
});
