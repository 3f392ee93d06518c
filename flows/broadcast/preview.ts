import { sql } from 'drizzle-orm';
import { row, type Db } from '../../db/client.ts';
import type { AudienceFilter } from '../../db/queries/broadcasts.ts';
import { prepareSms } from '../../src/text/sms.ts';
import { countAudience, type AudienceCount } from './count.ts';
import { loadRecipient, renderFor } from './render.ts';

/** Settings keys (table `settings`) of the prices used for cost estimates, in đồng, and their defaults. */
export const PRICE_SETTINGS = {
  smsSegment: { key: 'price.sms-segment-vnd', default: 800 },
  zaloMessage: { key: 'price.zalo-message-vnd', default: 300 },
} as const;

/** Prices for the estimate: per SMS segment and per Zalo message, in đồng (settings, else the defaults). */
export async function readPrices(db: Db): Promise<{ smsSegment: number; zaloMessage: number }> {
  const read = async (s: { key: string; default: number }) => {
    const found = await row<{ value: string }>(db, sql`SELECT value FROM settings WHERE key = ${s.key}`);
    const n = found ? Number(found.value) : NaN;
    return Number.isFinite(n) && n >= 0 ? n : s.default;
  };
  return { smsSegment: await read(PRICE_SETTINGS.smsSegment), zaloMessage: await read(PRICE_SETTINGS.zaloMessage) };
}

/** What a broadcast would do before it is confirmed. */
export interface BroadcastPreview {
  /** People in the audience, and per channel of the address they would get it on ('none' = unreachable). */
  recipients: number;
  byChannel: Record<string, number>;
  /** The message as one sample recipient per channel would read it. */
  samples: { channel: string; text: string }[];
  /** SMS: what is sent (unaccented unless kept), its encoding and segments, and segments in total (estimate). */
  sms: { text: string; encoding: string; segments: number; totalSegments: number } | null;
  /** Estimated cost in đồng, from the settings' prices. */
  cost: { smsVnd: number; zaloVnd: number; totalVnd: number; prices: { smsSegment: number; zaloMessage: number } };
}

/** The template of a preview, with the campaign's launch and hotline. */
export interface TemplateInput {
  text: string;
  keepDiacritics: boolean;
  launchAt: Date | null;
  hotline: string | null;
}

/** Audience size by channel, a rendered sample per channel, SMS encoding and segments, and the estimated cost. */
export async function previewBroadcast(db: Db, input: TemplateInput, audience: AudienceFilter): Promise<BroadcastPreview> {
  return previewFromCount(db, input, await countAudience(db, audience));
}

/** The preview from a finished count (flows/broadcast/count.ts). */
export async function previewFromCount(db: Db, input: TemplateInput, counts: AudienceCount): Promise<BroadcastPreview> {
  const template = { text: input.text, launchAt: input.launchAt?.getTime() ?? null, hotline: input.hotline };
  const samples: { channel: string; text: string }[] = [];
  const firsts = Object.entries(counts.firstByChannel)
    .filter(([channel]) => channel !== 'none')
    .sort(([a], [b]) => a.localeCompare(b));
  for (const [channel, contactId] of firsts) samples.push({ channel, text: renderFor(template, await loadRecipient(db, contactId), channel) });
  const smsCount = counts.byChannel['sms'] ?? 0;
  const smsSample = samples.find((s) => s.channel === 'sms')?.text ?? (smsCount > 0 ? undefined : renderFor(template, { name: null, unitName: null }, 'sms'));
  const prepared = smsSample === undefined ? null : prepareSms(smsSample, { keepDiacritics: input.keepDiacritics });
  const sms = prepared && { text: prepared.text, encoding: prepared.encoding, segments: prepared.segments, totalSegments: prepared.segments * smsCount };
  const prices = await readPrices(db);
  const smsVnd = (sms?.totalSegments ?? 0) * prices.smsSegment;
  const zaloVnd = (counts.byChannel['zalo'] ?? 0) * prices.zaloMessage;
  return {
    recipients: counts.total,
    byChannel: { ...counts.byChannel },
    samples,
    sms,
    cost: { smsVnd, zaloVnd, totalVnd: smsVnd + zaloVnd, prices },
  };
}
