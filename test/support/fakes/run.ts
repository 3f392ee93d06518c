// `npm run fakes`: local fake providers on 127.0.0.1 that speak the real wire formats, so a newcomer can try every
// channel without credentials. Prints the variables to start the service with, and signed sample webhooks.
import { startFakeTelegram, describeFakeTelegram } from './telegram.ts';
import { startFakeZalo, describeFakeZalo } from './zalo.ts';
import { startFakeTwilio, signTwilioWebhook, fakeMessageSid } from './twilio.ts';
import { startFakeAndroidSms, signAndroidWebhook } from './android-sms.ts';

const SERVICE = process.env['SERVICE_URL'] ?? 'http://localhost:3000';
const base = Number(process.env['FAKES_PORT'] ?? 9001);

const telegram = await startFakeTelegram({ port: base, token: '123456789:local-fake-token-aaaaaaaaaaaaaaaaaaaaaaaa' });
const zalo = await startFakeZalo({ port: base + 1, appId: '1234567890', appSecret: 'local-app-secret', oaSecretKey: 'local-oa-secret' });
const twilio = await startFakeTwilio({ port: base + 2, accountSid: 'AC00000000000000000000000000000000', authToken: 'local-twilio-token' });
const android = await startFakeAndroidSms({ port: base + 3, user: 'sms', password: 'local-sms-password' });
const signingKey = 'local-android-signing-key';

const twilioParams = { MessageSid: fakeMessageSid(), From: '+84912345678', To: '+15005550006', Body: 'BC 12' };
const twilioSig = signTwilioWebhook(twilio.authToken, `${SERVICE}/webhooks/twilio`, twilioParams);
const androidBody = JSON.stringify({
  deviceId: 'local-phone',
  event: 'sms:received',
  id: `evt${Date.now()}`,
  payload: { messageId: `m${Date.now()}`, message: 'tiendo', phoneNumber: '+84912345678', simNumber: 1, receivedAt: new Date().toISOString() },
  webhookId: 'local',
});
const androidHeaders = signAndroidWebhook(signingKey, androidBody);

const lines = [
  ...describeFakeTelegram(telegram),
  '',
  ...describeFakeZalo(zalo, SERVICE),
  '',
  `Fake Twilio REST API on ${twilio.url}`,
  `  TWILIO_API_BASE=${twilio.url}`,
  `  TWILIO_ACCOUNT_SID=${twilio.accountSid}`,
  `  TWILIO_AUTH_TOKEN=${twilio.authToken}`,
  '  TWILIO_FROM=+15005550006',
  `  PUBLIC_BASE_URL=${SERVICE}`,
  `  try: curl -X POST ${SERVICE}/webhooks/twilio -H 'X-Twilio-Signature: ${twilioSig}' \\`,
  `         ${Object.entries(twilioParams).map(([k, v]) => `--data-urlencode '${k}=${v}'`).join(' ')}`,
  '',
  `Fake SMS Gateway for Android on ${android.url}`,
  `  ANDROID_SMS_URL=${android.url}`,
  `  ANDROID_SMS_USER=${android.user}`,
  `  ANDROID_SMS_PASSWORD=${android.password}`,
  `  ANDROID_SMS_SIGNING_KEY=${signingKey}`,
  '  SMS_PROVIDER=android',
  `  try (within 5 minutes): curl -X POST ${SERVICE}/webhooks/android-sms -H 'content-type: application/json' \\`,
  `         -H 'X-Signature: ${androidHeaders['x-signature']}' -H 'X-Timestamp: ${androidHeaders['x-timestamp']}' --data-raw '${androidBody}'`,
  '',
  'Start the service with all of the variables above (one shell line):',
  `  env ${[
    `TELEGRAM_API_ROOT=${telegram.url}`,
    `TELEGRAM_BOT_TOKEN=${telegram.token}`,
    'TELEGRAM_WEBHOOK_SECRET=local-secret',
    `ZALO_API_BASE=${zalo.url}`,
    `ZALO_OAUTH_BASE=${zalo.url}`,
    `ZALO_APP_ID=${zalo.appId}`,
    `ZALO_APP_SECRET=${zalo.appSecret}`,
    `ZALO_OA_SECRET_KEY=${zalo.oaSecretKey}`,
    `ZALO_REFRESH_TOKEN=${zalo.refreshToken}`,
    `TWILIO_API_BASE=${twilio.url}`,
    `TWILIO_ACCOUNT_SID=${twilio.accountSid}`,
    `TWILIO_AUTH_TOKEN=${twilio.authToken}`,
    'TWILIO_FROM=+15005550006',
    `PUBLIC_BASE_URL=${SERVICE}`,
    `ANDROID_SMS_URL=${android.url}`,
    `ANDROID_SMS_USER=${android.user}`,
    `ANDROID_SMS_PASSWORD=${android.password}`,
    `ANDROID_SMS_SIGNING_KEY=${signingKey}`,
    'SMS_PROVIDER=android',
  ].join(' ')} npm start`,
  '',
  'The fakes log every request they receive below. Ctrl-C stops them.',
];
console.log(lines.join('\n'));

// Print what the service sends to each fake, so a newcomer sees the replies arrive.
const seen = { telegram: 0, zalo: 0, twilio: 0, android: 0 };
const short = (text: unknown) => String(text ?? '').replace(/\s+/g, ' ').slice(0, 120);
setInterval(() => {
  for (const c of telegram.calls.slice(seen.telegram)) console.log(`[telegram] ${c.method} chat ${String(c.body['chat_id'] ?? '')}: ${short(c.body['text'])}`);
  seen.telegram = telegram.calls.length;
  for (const c of zalo.calls.slice(seen.zalo)) console.log(`[zalo] ${c.path} ${short(c.raw)}`);
  seen.zalo = zalo.calls.length;
  for (const c of twilio.calls.slice(seen.twilio)) console.log(`[twilio] ${c.method} ${c.path} To=${c.form['To'] ?? ''}: ${short(c.form['Body'])}`);
  seen.twilio = twilio.calls.length;
  for (const c of android.calls.slice(seen.android)) console.log(`[android] ${c.method} ${c.path} ${short(JSON.stringify(c.body))}`);
  seen.android = android.calls.length;
}, 500).unref();

const stop = async () => {
  await Promise.all([telegram.close(), zalo.close(), twilio.close(), android.close()]);
  process.exit(0);
};
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
