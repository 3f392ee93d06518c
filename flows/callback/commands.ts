import { and, asc, inArray } from 'drizzle-orm';
import { callbackRequests, OPEN_CALLBACK_STATUSES, type CallbackRequestRow } from '../../db/schema/index.ts';
import { openRequestsOf, requestByReference } from '../../db/queries/callbacks.ts';
import { recordAudit } from '../../db/queries/audit.ts';
import { inSubtree } from '../../db/queries/unit-scope.ts';
import { can, principalForContact, type Principal } from '../../src/core/access.ts';
import { end, type Flow, type FlowContext, type StepOutcome } from '../../src/core/flow.ts';
import { localPhone } from './phone.ts';
import { WINDOW_LABELS } from './texts.ts';
import { closeRequest, notReached, takeRequest, type CallbackPolicy } from './workflow.ts';

/** Flow id of the consultants' chat commands. */
export const CALLBACK_COMMANDS_FLOW_ID = 'callback-commands';
const NOTE_MAX = 500;

type Verb = 'nhan' | 'xong' | 'kll';
// On folded text: "nhan gl4821", "XONG GL 4821 đã tư vấn", "kll gl4821".
const ACT = /^(nhan|xong|kll) ([a-z]{2}) ?(\d{4})(?: |$)/;
const LIST = new Set(['ds', 'danh sach', 'ds goi lai', 'danh sach goi lai']);

function parse(ctx: Pick<FlowContext, 'folded' | 'text'>): { verb: Verb; reference: string; note: string | null } | { verb: 'ds' } | null {
  if (LIST.has(ctx.folded)) return { verb: 'ds' };
  const m = ACT.exec(ctx.folded);
  if (!m) return null;
  // The note keeps the consultant's own writing (diacritics and all): everything after the reference.
  const note = /^\s*\S+\s+[A-Za-z]{2}\s?\d{4}\s*([\s\S]*)$/u.exec(ctx.text)?.[1]?.trim() ?? '';
  return { verb: m[1] as Verb, reference: `${m[2]}${m[3]}`.toUpperCase(), note: note === '' ? null : note.slice(0, NOTE_MAX) };
}

function say(text: string): StepOutcome {
  return end({ text });
}

function listLine(r: CallbackRequestRow): string {
  const state = r.status === 'taken' ? 'đã nhận' : 'chưa nhận';
  const window = r.preferredTime ? WINDOW_LABELS[r.preferredTime] : '';
  return `${r.reference} · ${r.name ?? ''} · ${localPhone(r.phone)} · ${window} · ${state}${r.attempts > 0 ? ` · gọi hụt ${r.attempts}` : ''}`;
}

async function list(ctx: FlowContext, p: Principal): Promise<StepOutcome> {
  const rows =
    p.role === 'consultant' && p.userId !== null
      ? await openRequestsOf(ctx.db, p.userId)
      : await ctx.db
          .select()
          .from(callbackRequests)
          .where(and(inArray(callbackRequests.status, OPEN_CALLBACK_STATUSES), inSubtree(callbackRequests.unitCode, p.unitScope)))
          .orderBy(asc(callbackRequests.createdAt))
          .limit(20);
  if (rows.length === 0) return say('Không có yêu cầu gọi lại nào đang mở.');
  return say(`Yêu cầu gọi lại đang mở (${rows.length}):\n${rows.map(listLine).join('\n')}`);
}

/**
 * Consultants' chat commands: NHAN <mã> (take it), XONG <mã> [ghi chú] (called), KLL <mã> (could not reach),
 * DS (my open requests). Only the assignee or a supervisor of the request's unit may act; a consultant of the unit
 * may also take a request nobody holds.
 */
export function createCallbackCommandsFlow(opts: { policy: (ctx: FlowContext) => CallbackPolicy }): Flow {
  async function act(ctx: FlowContext, p: Principal | null, verb: Verb, reference: string, note: string | null): Promise<StepOutcome> {
    if (!p || !(await can(ctx.db, p, 'callbacks.write'))) return say('Lệnh NHAN, XONG, KLL chỉ dành cho cán bộ tư vấn đã được cấp quyền.');
    const r = await requestByReference(ctx.db, reference);
    // A request outside the caller's units is "not found": its existence is not revealed.
    if (!r || !(await can(ctx.db, p, 'callbacks.write', r.unitCode))) return say(`Không tìm thấy yêu cầu ${reference} trong đơn vị của anh/chị.`);
    if (!(OPEN_CALLBACK_STATUSES as readonly string[]).includes(r.status)) return say(`Yêu cầu ${reference} đã đóng (${r.status}).`);
    const isAssignee = p.userId !== null && r.assigneeId === p.userId;
    const isSupervisor = p.role === 'supervisor' || p.role === 'admin';
    const mayTakeFree = verb === 'nhan' && r.assigneeId === null;
    if (!isAssignee && !isSupervisor && !mayTakeFree) {
      return say(`Yêu cầu ${reference} đang giao cho cán bộ khác; chỉ người được giao hoặc giám sát của đơn vị mới xử lý được.`);
    }
    const actor = { userId: p.userId, name: p.name };
    const policy = opts.policy(ctx);
    let reply: string;
    switch (verb) {
      case 'nhan': {
        await takeRequest(ctx.db, ctx.now, r, actor);
        reply = `Đã nhận yêu cầu ${reference}. Gọi ${localPhone(r.phone)} (${r.name ?? ''}). Xong soạn XONG ${reference} [ghi chú]; không liên lạc được soạn KLL ${reference}.`;
        break;
      }
      case 'xong':
        await closeRequest(ctx.db, ctx.now, policy, r, 'called', actor, note);
        reply = `Đã ghi nhận: yêu cầu ${reference} đã gọi xong${note ? ' (có ghi chú)' : ''}. Người dân sẽ được báo.`;
        break;
      case 'kll': {
        const updated = await notReached(ctx.db, ctx.now, policy, r, actor);
        reply =
          updated.status === 'unreachable'
            ? `Đã ghi nhận lần gọi thứ ${updated.attempts} không liên lạc được; yêu cầu ${reference} đã đóng và người dân được báo.`
            : `Đã ghi nhận lần ${updated.attempts} không liên lạc được. Yêu cầu ${reference} sẽ được nhắc lại vào ngày làm việc tiếp theo.`;
        break;
      }
    }
    await recordAudit(ctx.db, { actor: p.userId === null ? p.name : `${p.name} (#${p.userId})`, action: `callback.${verb}`, subject: `callback:${r.id}`, detail: { via: 'chat' }, at: ctx.now });
    return say(reply);
  }

  return {
    id: CALLBACK_COMMANDS_FLOW_ID,
    version: 1,
    async command(ctx) {
      const cmd = parse(ctx);
      if (!cmd) return false;
      // DS from a resident is not a command (it goes on to the answers); NHAN/XONG/KLL with a reference always is.
      return cmd.verb !== 'ds' || (await principalForContact(ctx.db, ctx.contact.id)) !== null;
    },
    async start(ctx) {
      const cmd = parse(ctx);
      const p = await principalForContact(ctx.db, ctx.contact.id);
      if (!cmd) return say('Lệnh gọi lại: NHAN <mã>, XONG <mã> [ghi chú], KLL <mã>, DS.');
      if (cmd.verb === 'ds') return p && (await can(ctx.db, p, 'callbacks.read')) ? list(ctx, p) : say('Lệnh DS chỉ dành cho cán bộ tư vấn.');
      return act(ctx, p, cmd.verb, cmd.reference, cmd.note);
    },
    resume(ctx) {
      return this.start(ctx);
    },
  };
}
