import { describe, expect, it } from 'vitest';
import { createLogger, maskText, maskAddress } from '../../src/core/log.ts';
import { captureLog } from '../support/service.ts';

describe('logs', () => {
  it.each([
    ['call 0912345678 now', 'call 091*****78 now'],
    ['+84912345678', '+8491*****78'],
    ['token=abc123secret&x=1', 'token=***&x=1'],
    ['https://api.telegram.org/bot123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/sendMessage', 'https://api.telegram.org/bot***:***/sendMessage'],
    ['connect to postgres://bhxh:S3cret-pw@db.internal:5432/bhxh failed', 'connect to postgres://bhxh:***@db.internal:5432/bhxh failed'],
  ])('masks %j', (input, expected) => {
    expect(maskText(input)).toBe(expected);
  });

  it('masks phone addresses but keeps chat-app ids', () => {
    expect(maskAddress('tel:+84912345678')).toBe('tel:+8491*****78');
    expect(maskAddress('telegram:42')).toBe('telegram:42');
  });

  it('never writes phone numbers, names or texts given as fields, nor numbers inside messages', () => {
    const sink = captureLog();
    const log = createLogger({ level: 'debug', destination: sink.stream });
    log.info({ contact: { phone: '+84912345678', name: 'Lan', text: 'BC 12' } }, 'user 0987654321 wrote');
    log.error({ err: new Error('failed for +84912345678') }, 'send failed');
    const out = sink.text();
    expect(out).not.toMatch(/912345678|987654321|Lan|BC 12/);
  });
});
