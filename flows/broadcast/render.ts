import { sql } from 'drizzle-orm';
import { row, type Db } from '../../db/client.ts';
import type { OutboxClaimRow } from '../../db/queries/outbox.ts';
import { formatLocalDateTime } from '../../src/core/clock.ts';

/** Placeholders a broadcast may use; each is filled per recipient when the message is sent. */
export const PLACEHOLDERS = {
  ten: 'the person\'s name ("anh/chị" when unknown)',
  don_vi: 'the person\'s unit: commune, district or province ("địa phương" when unknown)',
  ngay_ra_quan: 'the campaign\'s launch, e.g. "08h00 ngày 23/05/2026"',
  hotline: 'the campaign\'s hotline',
} as const;
export type Placeholder = keyof typeof PLACEHOLDERS;

const PLACEHOLDER_RE = /\{([^{}\s]{1,30})\}/g;

/** Placeholders in a text that do not exist (refused at creation), e.g. ["{tinh}"]. */
export function unknownPlaceholders(text: string): string[] {
  const bad = new Set<string>();
  for (const m of text.matchAll(PLACEHOLDER_RE)) if (!((m[1] ?? '') in PLACEHOLDERS)) bad.add(`{${m[1]}}`);
  return [...bad];
}

/** Fill the placeholders of a template. */
export function fillPlaceholders(text: string, values: Record<Placeholder, string>): string {
  return text.replace(PLACEHOLDER_RE, (all, name: string) => (name in values ? values[name as Placeholder] : all));
}

/** The refusal instruction every bulk message ends with (Decree 91/2020: say how to refuse, and honour it). */
export function withOptOutFooter(text: string, channel: string): string {
  return channel === 'sms' ? `${text}\nSoạn HUY để từ chối nhận tin.` : `${text}\n(Gõ HUY để ngừng nhận tin.)`;
}

/** The launch as people read it: "08h00 ngày 23/05/2026". */
export const formatLaunch = formatLocalDateTime;

interface Recipient {
  name: string | null;
  unitName: string | null;
}
interface Template {
  text: string;
  launchAt: number | null;
  hotline: string | null;
}

/** Render one recipient's message from a broadcast template, for a channel (placeholders, then the footer). */
export function renderFor(template: Template, who: Recipient, channel: string): string {
  const text = fillPlaceholders(template.text, {
    ten: who.name?.trim() || 'anh/chị',
    don_vi: who.unitName ?? 'địa phương',
    ngay_ra_quan: template.launchAt === null ? '' : formatLaunch(new Date(template.launchAt)),
    hotline: template.hotline ?? '',
  });
  return withOptOutFooter(text, channel);
}

/** The template of a broadcast with its campaign's launch and hotline, as stored now. */
export function loadTemplate(db: Db, broadcastId: number): Promise<Template | undefined> {
  return row<Template>(
    db,
    sql`SELECT b.text AS text, c.launch_at AS "launchAt", c.hotline AS hotline
          FROM broadcasts b LEFT JOIN campaigns c ON c.id = coalesce(b.campaign_id, (SELECT id FROM campaigns WHERE active ORDER BY id LIMIT 1))
         WHERE b.id = ${broadcastId}`,
  );
}

/** Name and unit name of a contact, for rendering. */
export async function loadRecipient(db: Db, contactId: number | null): Promise<Recipient> {
  if (contactId === null) return { name: null, unitName: null };
  const r = await row<Recipient>(db, sql`SELECT c.name AS name, u.name AS "unitName" FROM contacts c LEFT JOIN units u ON u.code = c.unit_code WHERE c.id = ${contactId}`);
  return r ?? { name: null, unitName: null };
}

/** Templates are read again after this long (the launch may move while a broadcast is being sent). */
const TEMPLATE_TTL_MS = 30_000;

/** The outbox's renderer for broadcast rows: the text is stored once, on the broadcast, and filled per recipient. */
export function createBroadcastRenderer(db: Db, now: () => number = Date.now): (row: OutboxClaimRow) => Promise<string> {
  const templates = new Map<number, { at: number; template: Template }>();
  return async (row) => {
    const id = row.broadcastId;
    if (id === null) return row.text;
    let entry = templates.get(id);
    if (!entry || now() - entry.at > TEMPLATE_TTL_MS) {
      const template = await loadTemplate(db, id);
      if (!template) throw new Error(`broadcast ${id} not found`);
      if (templates.size > 100) templates.clear();
      entry = { at: now(), template };
      templates.set(id, entry);
    }
    return renderFor(entry.template, await loadRecipient(db, row.contactId), row.channel);
  };
}
