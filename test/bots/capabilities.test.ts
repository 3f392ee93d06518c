import { describe, expect, it } from 'vitest';
import { SMS_CAPABILITIES } from '../../bots/sms/index.ts';
import { TELEGRAM_CAPABILITIES } from '../../bots/telegram/index.ts';
import { WEB_CAPABILITIES } from '../../bots/web/index.ts';
import { ZALO_CAPABILITIES } from '../../bots/zalo/index.ts';
import { DEFAULT_CAPABILITIES, capabilitiesOf, type OutboundChannel } from '../../src/core/channel.ts';

const declared = { web: WEB_CAPABILITIES, telegram: TELEGRAM_CAPABILITIES, zalo: ZALO_CAPABILITIES, sms: SMS_CAPABILITIES };

describe('channel capabilities', () => {
  it.each(Object.entries(declared))('%s declares what the core renders its replies with (buttons or numbered options, length)', (name, capabilities) => {
    expect(DEFAULT_CAPABILITIES[name as keyof typeof declared]).toEqual(capabilities);
  });

  it("are looked up from the channels themselves, falling back to the core's table for a channel that is off", () => {
    const narrow: OutboundChannel = { name: 'zalo', capabilities: { quickReplies: false, maxLength: 500, sms: false }, ratePerSecond: 0, send: () => Promise.resolve({}) };
    const lookup = capabilitiesOf([narrow]);
    expect(lookup('zalo').maxLength).toBe(500);
    expect(lookup('sms')).toEqual(SMS_CAPABILITIES);
  });
});
