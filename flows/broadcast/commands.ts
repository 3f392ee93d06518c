/**
 * Supervisors' chat commands (Telegram, Zalo, any channel), with or without diacritics:
 * `GUI <nhóm> [mã đơn vị] <nội dung>` → a draft and its preview; `GUI OK` confirms the latest draft, `GUI HUY`
 * drops it; `LICH` lists what is coming; `HUY GUI <mã>` cancels; `TK <mã>` gives statistics. Only within the
 * supervisor's own subtree. Every command is stateless: the draft waits in the database, not in the conversation.
 */
import { and, desc, eq, gt } from 'drizzle-orm';
import { broadcastStats, upcomingBroadcasts } from '../../db/queries/broadcasts.ts';
import { findUnit } from '../../db/queries/staff.ts';
import { broadcasts, type Role } from '../../db/schema/index.ts';
import { principalForContact, roleAllows } from '../../src/core/access.ts';
import { end, type Flow, type FlowContext, type StepOutcome } from '../../src/core/flow.ts';
import { foldWords } from '../../src/text/vietnamese.ts';
import { BroadcastError, cancelBroadcast, confirmBroadcast, createDraft, findBroadcast, type Sender } from './lifecycle.ts';
import { drainQueue } from './queue.ts';
import { BROADCAST_TEXTS as T } from './texts.ts';

/** Group words (folded) → the roles they reach. */
const GROUPS: [string, Role[]][] = [
  ['nguoi dan', ['resident']],
  ['can bo', ['staff']],
  ['giam sat', ['supervisor']],
  ['tat ca', ['resident', 'staff', 'supervisor']],
  ['tatca', ['resident', 'staff', 'supervisor']],
  ['dan', ['resident']],
  ['cb', ['staff']],
  ['gs', ['supervisor']],
];
/** A draft made in chat waits this long for GUI OK. */
const DRAFT_TTL_MS = 60 * 60_000;

type Command =
  | { kind: 'send'; rest: string }
  | { kind: 'confirm' }
  | { kind: 'drop' }
  | { kind: 'cancel'; code: string }
  | { kind: 'schedule' }
  | { kind: 'stats'; code: string };

/** Recognise a command from the folded text. */
export function parseCommand(folded: string): Command | null {
  if (folded === 'gui ok') return { kind: 'confirm' };
  if (folded === 'gui huy' || folded === 'huy gui' || folded === 'huy ban nhap') return { kind: 'drop' };
  if (folded === 'lich' || folded === 'lich gui') return { kind: 'schedule' };
  let m = /^huy gui (\d{1,9})$/.exec(folded);
  if (m?.[1]) return { kind: 'cancel', code: m[1] };
  m = /^tk (\d{1,9})$/.exec(folded);
  if (m?.[1]) return { kind: 'stats', code: m[1] };
  if (folded === 'gui' || folded.startsWith('gui ')) return { kind: 'send', rest: '' };
  return null;
}

/** Split "GUI DAN 017 Nội dung" (original text, diacritics kept) into roles, unit code and content. */
export function parseSend(text: string): { roles: Role[]; unitCode?: string; content: string } | null {
  const words = text.trim().split(/\s+/).slice(1); // drop GUI / GỬI
  for (const [group, roles] of GROUPS) {
    const n = group.split(' ').length;
    if (foldWords(words.slice(0, n).join(' ')) !== group) continue;
    let rest = words.slice(n);
    let unitCode: string | undefined;
    if (rest[0] && /^\d{2,5}$/.test(rest[0])) {
      unitCode = rest[0];
      rest = rest.slice(1);
    }
    const content = rest.join(' ').trim();
    return content ? { roles, ...(unitCode && { unitCode }), content } : null;
  }
  return null;
}

/** Who may broadcast from this chat contact (the access layer's principal), or null. */
function chatSender(ctx: FlowContext): Sender | null {
  const p = principalForContact(ctx.db, ctx.contact.id);
  return p && roleAllows(p.role, 'broadcasts.write') ? p : null;
}

function latestDraft(ctx: FlowContext) {
  return ctx.db
    .select()
    .from(broadcasts)
    .where(and(eq(broadcasts.createdByContactId, ctx.contact.id), eq(broadcasts.status, 'draft'), gt(broadcasts.createdAt, new Date(ctx.now.getTime() - DRAFT_TTL_MS))))
    .orderBy(desc(broadcasts.id))
    .get();
}

function run(ctx: FlowContext, cmd: Command, sender: Sender): StepOutcome {
  const { db, now } = ctx;
  switch (cmd.kind) {
    case 'send': {
      const parsed = parseSend(ctx.text);
      if (!parsed) return end({ text: T.usage });
      if (parsed.unitCode && !findUnit(db, parsed.unitCode)) return end({ text: T.notFound(parsed.unitCode) });
      const audience = { roles: parsed.roles, ...(parsed.unitCode && { unitCode: parsed.unitCode }) };
      const { broadcast, preview } = createDraft(db, { text: parsed.content, audience, keepDiacritics: false }, sender, now);
      return end({ text: T.preview(broadcast.id, preview), quickReplies: ['GUI OK', 'GUI HUY'] });
    }
    case 'confirm': {
      const draft = latestDraft(ctx);
      if (!draft) return end({ text: T.noDraft });
      const b = confirmBroadcast(db, draft, now);
      if (b.status === 'sending') void drainQueue(db, b.id, { now: () => now, log: ctx.log });
      return end({ text: T.confirmed(b) });
    }
    case 'drop': {
      const draft = latestDraft(ctx);
      if (!draft) return end({ text: T.noDraft });
      return end({ text: T.cancelled(draft.id, cancelBroadcast(db, draft, now).dropped) });
    }
    case 'cancel': {
      const b = findBroadcast(db, Number(cmd.code), sender.unitScope);
      if (!b) return end({ text: T.notFound(cmd.code) });
      return end({ text: T.cancelled(b.id, cancelBroadcast(db, b, now).dropped) });
    }
    case 'schedule': {
      const rows = upcomingBroadcasts(db, sender.unitScope, 10);
      return end({ text: rows.length > 0 ? T.schedule(rows) : T.nothingPlanned });
    }
    case 'stats': {
      const b = findBroadcast(db, Number(cmd.code), sender.unitScope);
      if (!b) return end({ text: T.notFound(cmd.code) });
      return end({ text: T.stats(b, broadcastStats(db, b.id)) });
    }
    default: {
      const never: never = cmd;
      throw new Error(`unknown command ${String(never)}`);
    }
  }
}

/** The supervisors' broadcast commands, hooked into the command registry like the report flow's BC. */
export function createBroadcastCommandsFlow(): Flow {
  const start = (ctx: FlowContext): StepOutcome => {
    const cmd = parseCommand(ctx.folded);
    const sender = chatSender(ctx);
    if (!cmd || !sender) return end({ text: T.notAllowed });
    try {
      return run(ctx, cmd, sender);
    } catch (err) {
      if (err instanceof BroadcastError) return end({ text: err.message });
      throw err;
    }
  };
  return {
    id: 'broadcast',
    version: 1,
    // Only people who may broadcast: a resident's "gửi hồ sơ ở đâu" is a question, not a command.
    command: (ctx) => parseCommand(ctx.folded) !== null && chatSender(ctx) !== null,
    start,
    resume: (ctx) => start(ctx),
  };
}
