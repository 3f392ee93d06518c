import { requestByReference, workerById } from '../../db/queries/callbacks.ts';
import { can, principalForContact } from '../../src/core/access.ts';
import { end, type Flow, type FlowContext, type StepOutcome } from '../../src/core/flow.ts';
import { statusLine } from './texts.ts';

/** Flow id of "tình trạng GL4821". */
export const CALLBACK_STATUS_FLOW_ID = 'callback-status';

// On folded text: "tinh trang gl4821", "trang thai yeu cau GL 4821", "kiem tra ma gl4821".
const ASKED = /^(?:tinh trang|trang thai|kiem tra|tra cuu|xem)(?: yeu cau)?(?: goi lai)?(?: ma)? ([a-z]{2}) ?(\d{4})$/;
const BARE = /^([a-z]{2})(\d{4})$/;

function referenceIn(folded: string): { reference: string; bare: boolean } | null {
  const asked = ASKED.exec(folded);
  if (asked) return { reference: `${asked[1]}${asked[2]}`.toUpperCase(), bare: false };
  const bare = BARE.exec(folded);
  return bare ? { reference: `${bare[1]}${bare[2]}`.toUpperCase(), bare: true } : null;
}

/**
 * Where does my request stand? The resident who made it (same contact or same phone) gets its status; consultants
 * and supervisors of its unit also see who holds it. Anyone else learns nothing about it.
 */
export function createCallbackStatusFlow(): Flow {
  async function answer(ctx: FlowContext): Promise<StepOutcome> {
    const ref = referenceIn(ctx.folded);
    if (!ref) return end({ text: 'Soạn TINH TRANG và mã yêu cầu, ví dụ: TINH TRANG GL4821.' });
    const r = await requestByReference(ctx.db, ref.reference);
    const own = r && (r.contactId === ctx.contact.id || (ctx.contact.phone !== null && r.phone === ctx.contact.phone));
    if (r && own) return end({ text: statusLine(r) });
    const p = await principalForContact(ctx.db, ctx.contact.id);
    if (r && p && (await can(ctx.db, p, 'callbacks.read', r.unitCode))) {
      const who = r.assigneeId ? ((await workerById(ctx.db, r.assigneeId))?.name ?? `#${r.assigneeId}`) : 'chưa giao';
      return end({ text: `${statusLine(r)} Người được giao: ${who}. Số lần gọi hụt: ${r.attempts}.` });
    }
    return end({
      text: `Không tìm thấy yêu cầu ${ref.reference} của anh/chị. Mã gồm 2 chữ cái và 4 chữ số (ví dụ GL4821), có trong tin xác nhận. Soạn GOI LAI để gửi yêu cầu mới.`,
    });
  }
  return {
    id: CALLBACK_STATUS_FLOW_ID,
    version: 1,
    async command(ctx) {
      const ref = referenceIn(ctx.folded);
      if (!ref) return false;
      // A bare code counts only when such a request exists (it could be anything else otherwise).
      return !ref.bare || (await requestByReference(ctx.db, ref.reference)) !== undefined;
    },
    start: answer,
    resume: answer,
  };
}
