/**
 * Field-staff flows: "report" (BC …: daily sign-up counts and corrections), "progress" (TIENDO) and "link"
 * (DK <code>: attach a Telegram/Zalo account to imported staff). Steps await the database only and run inside the
 * dispatcher's transaction; writes here use savepoints so a failing step leaves nothing behind.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { recordAudit } from '../../db/queries/audit.ts';
import { queueMessages } from '../../src/core/outbox.ts';
import type { Address, ChannelName } from '../../src/core/message.ts';
import { row, rows, transaction, type Db } from '../../db/client.ts';
import { rollUp, unitStanding, type Rollup } from '../../db/queries/progress.ts';
import { findUnit, isWithin, moveAddress, redeemLinkCode, staffUnitCodes } from '../../db/queries/staff.ts';
import { addresses, linkCodes, signupReports, type UnitRow } from '../../db/schema/index.ts';
import { localDay } from '../../src/core/clock.ts';
import { end, pickChoice, stay, goto, type Flow, type FlowContext, type FlowState, type StepOutcome } from '../../src/core/flow.ts';
import type { Role } from '../../db/schema/index.ts';
import { HINTS, parseReport, recognise, type ReportCommand } from './parse.ts';
import { REPORT_TEXTS, SMS_MAX_CHARS, fit, formatSubtreeProgress, formatUnitProgress, refusal } from './texts.ts';

export { refusal } from './texts.ts';

const STAFF_ROLES: readonly Role[] = ['staff', 'supervisor'];
const CONFIRM_CHOICES = ['OK', 'Không'] as const;

function isStaff(ctx: FlowContext): boolean {
  return STAFF_ROLES.includes(ctx.contact.role);
}

/** Longest reply for this channel: 459 on SMS (3 GSM-7 segments), else the channel's own limit. */
function maxChars(ctx: FlowContext): number {
  return ctx.capabilities.sms ? SMS_MAX_CHARS : ctx.capabilities.maxLength;
}

function say(ctx: FlowContext, text: string): StepOutcome {
  return end({ text: fit(text, maxChars(ctx)) });
}

type UnitChoice = { ok: true; unit: UnitRow } | { ok: false; message: string };

/** Which unit a report is for: the one named ("DV 001"), else the reporter's only unit. */
export async function chooseReportUnit(ctx: FlowContext, requested: string | undefined): Promise<UnitChoice> {
  const { db, contact } = ctx;
  const mine = await staffUnitCodes(db, contact);
  if (requested !== undefined) {
    const unit =
      (await findUnit(db, requested)) ?? (await findUnit(db, requested.padStart(3, '0'))) ?? (await findUnit(db, requested.padStart(2, '0')));
    if (!unit) return { ok: false, message: REPORT_TEXTS.unknownUnit(requested) };
    const allowed =
      mine.includes(unit.code) ||
      (contact.role === 'supervisor' && (contact.unitCode === null || (await isWithin(db, unit.code, contact.unitCode))));
    if (!allowed) return { ok: false, message: REPORT_TEXTS.notYourUnit(unit.code) };
    if (unit.level !== 'district' && unit.level !== 'commune') return { ok: false, message: REPORT_TEXTS.needsDistrict };
    return { ok: true, unit };
  }
  const units: UnitRow[] = [];
  for (const c of mine) {
    const u = await findUnit(db, c);
    if (u) units.push(u);
  }
  const reportable = units.filter((u) => u.level === 'district' || u.level === 'commune');
  if (units.length === 0) return { ok: false, message: REPORT_TEXTS.noUnit };
  if (reportable.length === 1 && units.length === 1) return { ok: true, unit: reportable[0] as UnitRow };
  if (reportable.length === 0) return { ok: false, message: REPORT_TEXTS.needsDistrict };
  return { ok: false, message: REPORT_TEXTS.chooseUnit(reportable) };
}

export interface RecordResult {
  reportId: number;
  /** The reporter's previous count for this unit and day, if any. */
  previous: number | null;
  /** True when this inbound message had already produced the report (a retried webhook). */
  duplicate: boolean;
}

/**
 * Store one report: the reporter's previous report for this unit × day (if any) gets `superseded_by`, so the
 * latest counts and history is kept. One inbound message never creates two reports.
 */
export async function recordReport(
  ctx: Pick<FlowContext, 'db' | 'now' | 'contact' | 'inboundId'>,
  unitCode: string,
  day: string,
  count: number,
): Promise<RecordResult> {
  const { db } = ctx;
  return transaction(db, async (tx) => {
    // This reporter's rows for the unit and day (few; found through reports_unit_day_idx). A retry of the same
    // inbound message carries the same text, so it lands here too.
    const mine = await rows<{ id: number; count: number; inboundId: number | null; supersededBy: number | null }>(
      tx,
      sql`SELECT id, count, inbound_id AS "inboundId", superseded_by AS "supersededBy"
            FROM signup_reports WHERE unit_code = ${unitCode} AND day = ${day} AND reporter_id = ${ctx.contact.id}`,
    );
    const already = mine.find((r) => r.inboundId === ctx.inboundId);
    if (already) {
      const prev = mine.find((r) => r.supersededBy === already.id);
      return { reportId: already.id, previous: prev?.count ?? null, duplicate: true };
    }
    const previous = mine.find((r) => r.supersededBy === null);
    const [inserted] = await tx
      .insert(signupReports)
      .values({ unitCode, reporterId: ctx.contact.id, day, count, inboundId: ctx.inboundId, createdAt: ctx.now })
      .returning({ id: signupReports.id });
    if (!inserted) throw new Error('recordReport: no row inserted');
    if (previous) await tx.update(signupReports).set({ supersededBy: inserted.id }).where(eq(signupReports.id, previous.id));
    return { reportId: inserted.id, previous: previous?.count ?? null, duplicate: false };
  });
}

async function dayTotals(ctx: FlowContext, unitCode: string, day: string): Promise<{ count: number; reporters: number }> {
  const found = await row<{ count: number; reporters: number }>(
    ctx.db,
    sql`SELECT COALESCE(SUM(count), 0) AS count, COUNT(DISTINCT reporter_id) AS reporters
          FROM signup_reports WHERE unit_code = ${unitCode} AND day = ${day} AND superseded_by IS NULL`,
  );
  return { count: found?.count ?? 0, reporters: found?.reporters ?? 0 };
}

async function storeAndReply(ctx: FlowContext, report: Pick<ReportCommand, 'count' | 'day' | 'kind'>, unit: UnitRow): Promise<StepOutcome> {
  const result = await recordReport(ctx, unit.code, report.day, report.count);
  const s = (await unitStanding(ctx.db, unit.code, { districtTarget: ctx.campaign.districtTarget })) ?? { total: 0, target: 0 };
  let text =
    result.previous !== null
      ? REPORT_TEXTS.corrected(report.count, result.previous, report.day, unit.name, s.total, s.target)
      : REPORT_TEXTS.recorded(report.count, report.day, unit.name, s.total, s.target);
  const day = await dayTotals(ctx, unit.code, report.day);
  if (day.reporters > 1) text += REPORT_TEXTS.unitDay(report.day, day.count, day.reporters);
  return say(ctx, text);
}

/** The "report" flow: `BC <count> [dd/mm] [DV <code>] [OK]`, `BC SUA <count>`; asks to confirm counts above the limit. */
export function createReportFlow(opts: { sanityLimit: number }): Flow {
  const parse = (ctx: FlowContext) =>
    parseReport(ctx.text, { today: localDay(ctx.now), campaignStart: ctx.campaign.startsOn, sanityLimit: opts.sanityLimit });

  async function start(ctx: FlowContext): Promise<StepOutcome> {
    // The router refuses by `roles` already; refusing here too keeps a misrouted message from storing anything.
    if (!isStaff(ctx)) return say(ctx, refusal);
    const parsed = parse(ctx);
    if (parsed.ok) {
      if (parsed.kind === 'progress') return goto('progress');
      if (parsed.kind === 'link') return goto('link');
      const unit = await chooseReportUnit(ctx, parsed.unitCode);
      if (!unit.ok) return say(ctx, unit.message);
      return storeAndReply(ctx, parsed, unit.unit);
    }
    if (parsed.error === 'needs_confirm' && parsed.report) {
      const r = parsed.report;
      const unit = await chooseReportUnit(ctx, r.unitCode);
      if (!unit.ok) return say(ctx, unit.message);
      const state: FlowState = { count: r.count, day: r.day, unitCode: unit.unit.code, kind: r.kind };
      return stay('confirm', state, {
        text: fit(REPORT_TEXTS.confirm(r.count, r.day, unit.unit.name, opts.sanityLimit), maxChars(ctx)),
        quickReplies: [...CONFIRM_CHOICES],
      });
    }
    return say(ctx, parsed.error === 'not_command' ? HINTS.syntax : parsed.hint);
  }

  async function resume(ctx: FlowContext, step: string, state: FlowState): Promise<StepOutcome> {
    if (step !== 'confirm') return start(ctx);
    if (!isStaff(ctx)) return say(ctx, refusal);
    const choice = pickChoice(ctx, CONFIRM_CHOICES);
    const yes = choice === 0 || ['ok', 'oke', 'okay', 'co', 'xac nhan', 'dong y', 'yes', 'bc ok'].includes(ctx.folded);
    if (!yes) {
      if (recognise(ctx.text) === 'report') return start(ctx);
      return say(ctx, REPORT_TEXTS.notConfirmed);
    }
    const count = state['count'];
    const day = state['day'];
    const unitCode = state['unitCode'];
    const kind = state['kind'] === 'correction' ? 'correction' : 'report';
    if (typeof count !== 'number' || typeof day !== 'string' || typeof unitCode !== 'string') return say(ctx, REPORT_TEXTS.notConfirmed);
    // Check the unit again: the pending state is up to an hour old.
    const unit = await chooseReportUnit(ctx, unitCode);
    if (!unit.ok) return say(ctx, unit.message);
    return storeAndReply(ctx, { count, day, kind }, unit.unit);
  }

  return {
    id: 'report',
    version: 1,
    roles: STAFF_ROLES,
    command: (ctx) => recognise(ctx.text) === 'report',
    start,
    resume,
  };
}

/** The "progress" flow: TIENDO → staff see their units; supervisors their subtree (total, behind, not reported today). */
export function createProgressFlow(): Flow {
  async function start(ctx: FlowContext): Promise<StepOutcome> {
    if (!isStaff(ctx)) return say(ctx, refusal);
    const today = localDay(ctx.now);
    const parsed = parseReport(ctx.text, { today, campaignStart: ctx.campaign.startsOn, sanityLimit: 999 });
    const requested = parsed.ok && parsed.kind === 'progress' ? parsed.unitCode : undefined;
    const rollup = await rollUp(ctx.db, { today, districtTarget: ctx.campaign.districtTarget });
    const max = maxChars(ctx);
    if (ctx.contact.role === 'supervisor') {
      const scope = ctx.contact.unitCode ?? rollup.root.code;
      let code = scope;
      if (requested !== undefined) {
        const unit = resolveCode(rollup, requested);
        if (!unit) return say(ctx, REPORT_TEXTS.unknownUnit(requested));
        if (scope !== rollup.root.code && !(await isWithin(ctx.db, unit, scope))) return say(ctx, REPORT_TEXTS.notYourUnit(unit));
        code = unit;
      }
      return say(ctx, formatSubtreeProgress(rollup, code, max));
    }
    const codes = await staffUnitCodes(ctx.db, ctx.contact);
    if (codes.length === 0) return say(ctx, REPORT_TEXTS.noUnit);
    const shown = requested !== undefined ? codes.filter((c) => c === resolveCode(rollup, requested)) : codes;
    if (shown.length === 0) return say(ctx, REPORT_TEXTS.notYourUnit(requested ?? ''));
    if (shown.length === 1) {
      const code = shown[0] ?? '';
      const u = rollup.units.get(code);
      if (!u) return say(ctx, REPORT_TEXTS.noUnit);
      // Staff of a province-level unit see it like a supervisor would.
      if (u.level === 'province' || u.level === 'nation') return say(ctx, formatSubtreeProgress(rollup, code, max));
      return say(ctx, `Tiến độ ${formatUnitProgress(u, today)}.`);
    }
    const lines = shown.flatMap((c) => {
      const u = rollup.units.get(c);
      return u ? [`- ${formatUnitProgress(u, today)}`] : [];
    });
    return say(ctx, `Tiến độ:\n${lines.join('\n')}`);
  }
  return {
    id: 'progress',
    version: 1,
    roles: STAFF_ROLES,
    command: (ctx) => recognise(ctx.text) === 'progress',
    start,
    resume: (ctx) => start(ctx),
  };
}

function resolveCode(rollup: Rollup, code: string): string | null {
  for (const c of [code, code.padStart(3, '0'), code.padStart(2, '0')]) if (rollup.units.has(c)) return c;
  return null;
}

/** The "link" flow: `DK 482913` moves this address to the staff contact that owns the one-time code. */
export function createLinkFlow(): Flow {
  async function start(ctx: FlowContext): Promise<StepOutcome> {
    const parsed = parseReport(ctx.text, { today: localDay(ctx.now), campaignStart: ctx.campaign.startsOn, sanityLimit: 999 });
    if (!parsed.ok) return say(ctx, parsed.error === 'bad_code' ? parsed.hint : HINTS.badCode);
    if (parsed.kind !== 'link') return say(ctx, HINTS.badCode);
    const code = parsed.code;
    // A web chat session id is chosen by the client, so it proves nothing and may never carry staff rights.
    if (ctx.channel === 'web') return say(ctx, REPORT_TEXTS.linkNotOnWeb);
    return transaction(ctx.db, async (tx) => {
      const redeemed = await peekOwner(tx, code, ctx.now);
      if (redeemed === 'bad') return say(ctx, REPORT_TEXTS.linkBad);
      if (redeemed.id === ctx.contact.id) return say(ctx, REPORT_TEXTS.linkAlready);
      if (ctx.contact.role !== 'resident') return say(ctx, REPORT_TEXTS.linkOtherStaff);
      const used = await redeemLinkCode(tx, code, ctx.now);
      if (!used.ok) return say(ctx, REPORT_TEXTS.linkBad);
      // Tell the person on the channels they already had, before this one joins them: a stranger who got the
      // code learns nothing, the real owner learns at once.
      const earlier = (
        await tx
          .select({ address: addresses.address })
          .from(addresses)
          .where(and(eq(addresses.contactId, used.contact.id), isNull(addresses.stoppedAt)))
      ).filter((a) => a.address !== ctx.address);
      await queueMessages(
        tx,
        ctx.now,
        earlier.map((a) => ({ contactId: used.contact.id, address: a.address as Address, text: REPORT_TEXTS.linkNotice(channelLabel(ctx.channel), ctx.now), priority: 'reply' as const })),
      );
      await moveAddress(tx, ctx.address, used.contact.id);
      await recordAudit(tx, {
        actor: `chat:${ctx.channel}`,
        action: 'staff.link-account',
        subject: `contact:${used.contact.id}`,
        detail: { channel: ctx.channel, fromContact: ctx.contact.id, notified: earlier.length },
        at: ctx.now,
      });
      const unit = used.contact.unitCode ? await findUnit(tx, used.contact.unitCode) : undefined;
      ctx.log.info({ from: ctx.contact.id, to: used.contact.id, channel: ctx.channel }, 'address linked to staff by code');
      return say(ctx, REPORT_TEXTS.linked(used.contact.name, unit?.name ?? null));
    });
  }
  return {
    id: 'link',
    version: 1,
    command: (ctx) => recognise(ctx.text) === 'link',
    start,
    resume: (ctx) => start(ctx),
  };
}

/** The staff contact a code would link to, without using the code (so a refused attempt does not burn it). */
async function peekOwner(db: Db, code: string, now: Date): Promise<{ id: number } | 'bad'> {
  const [found] = await db
    .select({ id: linkCodes.contactId, expiresAt: linkCodes.expiresAt, usedAt: linkCodes.usedAt })
    .from(linkCodes)
    .where(eq(linkCodes.code, code));
  if (!found || found.usedAt !== null || found.expiresAt.getTime() <= now.getTime()) return 'bad';
  return { id: found.id };
}

/** How a channel is named to the person ("Tài khoản Telegram vừa được liên kết…"). */
function channelLabel(channel: ChannelName): string {
  return { telegram: 'Telegram', zalo: 'Zalo', sms: 'SMS', web: 'web' }[channel];
}
