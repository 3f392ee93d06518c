/**
 * Supervisors' chat commands (Telegram, Zalo, any channel), with or without diacritics:
 * `GUI <nhóm> [mã đơn vị] <nội dung>` → a draft and its preview; `GUI OK` confirms the latest draft, `GUI HUY`
 * (or a plain `HUY`) drops it; `LICH` lists what is coming; `HUY GUI <mã>` cancels; `TK <mã>` gives statistics.
 * Only within the supervisor's own subtree. The draft waits in the database; while it waits the conversation stays
 * at the `preview` step, so that a plain "huỷ" there cancels the draft (the flow's `cancel`) instead of being read
 * as the global opt-out, as inside any other flow (src/core/global-words.ts).
 */
import { and, desc, eq, gt } from 'drizzle-orm';
import { broadcastStats, upcomingBroadcasts } from '../../db/queries/broadcasts.ts';
import { findUnit } from '../../db/queries/staff.ts';
import { broadcasts, type BroadcastRow, type Role } from '../../db/schema/index.ts';
import { principalForContact, roleAllows } from '../../src/core/access.ts';
import { end, pickChoice, type Flow, type FlowContext, type FlowState, type StepOutcome } from '../../src/core/flow.ts';
import { foldWords } from '../../src/text/vietnamese.ts';
import { BroadcastError, cancelBroadcast, confirmBroadcast, createDraft, findBroadcast, type Sender } from './lifecycle.ts';
import { chatPreview, PREVIEW_QUICK_REPLIES } from './chat-preview.ts';
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
/** A draft made in chat waits this long for GUI OK (and the conversation at the preview step as long). */
const DRAFT_TTL_MINUTES = 60;
const DRAFT_TTL_MS = DRAFT_TTL_MINUTES * 60_000;
/** The step a supervisor's conversation waits at while their chat draft is pending. */
export const PREVIEW_STEP = 'preview';
/** At the preview step, plain answers also work: "ok"/"gửi"/"đồng ý" confirm, "không"/"thôi"/"bỏ" drop. */
const CONFIRM_WORDS = new Set(['ok', 'gui', 'dong y', 'co', 'xac nhan']);
const DROP_WORDS = new Set(['khong', 'thoi', 'bo', 'bo qua', 'khong gui']);

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
async function chatSender(ctx: FlowContext): Promise<Sender | null> {
  const p = await principalForContact(ctx.db, ctx.contact.id);
  return p && roleAllows(p.role, 'broadcasts.write') ? p : null;
}

async function latestDraft(ctx: FlowContext): Promise<BroadcastRow | undefined> {
  const [draft] = await ctx.db
    .select()
    .from(broadcasts)
    .where(and(eq(broadcasts.createdByContactId, ctx.contact.id), eq(broadcasts.status, 'draft'), gt(broadcasts.createdAt, new Date(ctx.now.getTime() - DRAFT_TTL_MS))))
    .orderBy(desc(broadcasts.id))
    .limit(1);
  return draft;
}

/** Reply and wait at the preview step for GUI OK or HUY. */
function waitForAnswer(draftId: number, text: string): StepOutcome & { kind: 'stay' } {
  return { kind: 'stay', step: PREVIEW_STEP, state: { draftId }, replies: [{ text, quickReplies: PREVIEW_QUICK_REPLIES }], ttlMinutes: DRAFT_TTL_MINUTES };
}

/** The chat draft a preview step waits on, if it is still a draft of this supervisor. */
async function pendingDraft(ctx: FlowContext, state: FlowState): Promise<BroadcastRow | undefined> {
  const id = typeof state['draftId'] === 'number' ? state['draftId'] : null;
  if (id === null) return undefined;
  const [b] = await ctx.db.select().from(broadcasts).where(eq(broadcasts.id, id));
  return b && b.status === 'draft' && b.createdByContactId === ctx.contact.id ? b : undefined;
}

async function run(ctx: FlowContext, cmd: Command, sender: Sender): Promise<StepOutcome> {
  const { db, now } = ctx;
  switch (cmd.kind) {
    case 'send': {
      const parsed = parseSend(ctx.text);
      if (!parsed) return end({ text: T.usage });
      if (parsed.unitCode && !(await findUnit(db, parsed.unitCode))) return end({ text: T.notFound(parsed.unitCode) });
      const audience = { roles: parsed.roles, ...(parsed.unitCode && { unitCode: parsed.unitCode }) };
      // One pending chat draft per supervisor: a new GUI replaces the one still waiting.
      const previous = await latestDraft(ctx);
      if (previous) await cancelBroadcast(db, previous, now);
      const { broadcast } = await createDraft(db, { text: parsed.content, audience, keepDiacritics: false }, sender, now);
      return waitForAnswer(broadcast.id, await chatPreview(ctx, broadcast));
    }
    case 'confirm': {
      const draft = await latestDraft(ctx);
      if (!draft) return end({ text: T.noDraft });
      const b = await confirmBroadcast(db, draft, now);
      if (b.status === 'sending') void drainQueue(db, b.id, { now: () => now, log: ctx.log });
      return end({ text: T.confirmed(b) });
    }
    case 'drop': {
      const draft = await latestDraft(ctx);
      if (!draft) return end({ text: T.noDraft });
      return end({ text: T.cancelled(draft.id, (await cancelBroadcast(db, draft, now)).dropped) });
    }
    case 'cancel': {
      const b = await findBroadcast(db, Number(cmd.code), sender.unitScope);
      if (!b) return end({ text: T.notFound(cmd.code) });
      return end({ text: T.cancelled(b.id, (await cancelBroadcast(db, b, now)).dropped) });
    }
    case 'schedule': {
      const rows = await upcomingBroadcasts(db, sender.unitScope, 10);
      return end({ text: rows.length > 0 ? T.schedule(rows) : T.nothingPlanned });
    }
    case 'stats': {
      const b = await findBroadcast(db, Number(cmd.code), sender.unitScope);
      if (!b) return end({ text: T.notFound(cmd.code) });
      return end({ text: T.stats(b, await broadcastStats(db, b.id)) });
    }
    default: {
      const never: never = cmd;
      throw new Error(`unknown command ${String(never)}`);
    }
  }
}

/** Run a command, showing a refusal as the answer. */
async function attempt(ctx: FlowContext, cmd: Command | null): Promise<StepOutcome> {
  const sender = await chatSender(ctx);
  if (!cmd || !sender) return end({ text: T.notAllowed });
  let outcome: StepOutcome;
  try {
    outcome = await run(ctx, cmd, sender);
  } catch (err) {
    if (!(err instanceof BroadcastError)) throw err;
    outcome = end({ text: err.message });
  }
  return keepWaiting(ctx, outcome);
}

/**
 * While a chat draft is pending, every command answer keeps the conversation at the preview step (LICH or TK
 * between GUI and GUI OK included): a plain "huỷ" then still means "drop the draft", never "stop all news".
 */
async function keepWaiting(ctx: FlowContext, outcome: StepOutcome): Promise<StepOutcome> {
  if (outcome.kind !== 'end') return outcome;
  const draft = await latestDraft(ctx);
  if (!draft) return outcome;
  const left = Math.max(1, Math.ceil((draft.createdAt.getTime() + DRAFT_TTL_MS - ctx.now.getTime()) / 60_000));
  return { kind: 'stay', step: PREVIEW_STEP, state: { draftId: draft.id }, replies: outcome.replies, ttlMinutes: left };
}

/** A message at the preview step that is no command (commands are routed before the conversation). */
async function answerAtPreview(ctx: FlowContext, state: FlowState): Promise<StepOutcome> {
  const draft = await pendingDraft(ctx, state);
  if (!draft) return end({ text: T.noDraft });
  // Channels without buttons show the quick replies numbered: "1" is GUI OK, "2" is HUY.
  const picked = pickChoice(ctx, PREVIEW_QUICK_REPLIES);
  if (picked === 0 || CONFIRM_WORDS.has(ctx.folded)) return attempt(ctx, { kind: 'confirm' });
  if (picked === 1 || DROP_WORDS.has(ctx.folded)) return attempt(ctx, { kind: 'drop' });
  return waitForAnswer(draft.id, T.stillWaiting(draft.id));
}

/** The supervisors' broadcast commands, hooked into the command registry like the report flow's BC. */
export function createBroadcastCommandsFlow(): Flow {
  return {
    id: 'broadcast',
    version: 2,
    // Only people who may broadcast: a resident's "gửi hồ sơ ở đâu" is a question, not a command.
    command: async (ctx) => parseCommand(ctx.folded) !== null && (await chatSender(ctx)) !== null,
    start: (ctx) => attempt(ctx, parseCommand(ctx.folded)),
    resume: (ctx, step, state) => (step === PREVIEW_STEP ? answerAtPreview(ctx, state) : attempt(ctx, parseCommand(ctx.folded))),
    // A plain "huỷ" at the preview step: the pending draft is cancelled (nobody is opted out; the menu answers).
    async cancel(ctx, step, state) {
      if (step !== PREVIEW_STEP) return;
      const draft = await pendingDraft(ctx, state);
      if (draft) await cancelBroadcast(ctx.db, draft, ctx.now);
    },
  };
}
