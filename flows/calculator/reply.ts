/**
 * Building the calculator's replies from lines: on SMS the optional lines are dropped (last first) until the text
 * fits three segments; elsewhere the channel's own length limit applies.
 */
import type { FlowContext } from '../../src/core/flow.ts';
import type { Reply } from '../../src/core/message.ts';

/** Longest SMS reply: three GSM-7 segments of 153 characters (the SMS channel sends it unaccented). */
export const SMS_MAX_CHARS = 459;


/** Lines of a reply; on SMS the optional ones are dropped (last first) until the text fits. */
export interface Line {
  text: string;
  /** Shorter wording for SMS; the full text is used elsewhere. */
  sms?: string;
  optional?: boolean;
}

/** Rough length SMS numbering adds for quick replies ("1. Hộ nghèo" per option and "Soạn 1, 2 hoặc 3"). */
function quickReplyOverhead(quickReplies: readonly string[] | undefined): number {
  if (!quickReplies || quickReplies.length === 0) return 0;
  return quickReplies.reduce((n, q) => n + q.length + 5, 0) + 24;
}

export function reply(ctx: FlowContext, lines: Line[], quickReplies?: readonly string[]): Reply {
  let text: string;
  if (ctx.capabilities.sms) {
    const budget = SMS_MAX_CHARS - quickReplyOverhead(quickReplies);
    const kept = lines.map((l) => ({ ...l, text: l.sms ?? l.text }));
    text = kept.map((l) => l.text).join('\n');
    for (let i = kept.length - 1; i >= 0 && text.length > budget; i -= 1) {
      if (kept[i]?.optional) {
        kept.splice(i, 1);
        text = kept.map((l) => l.text).join('\n');
      }
    }
    if (text.length > SMS_MAX_CHARS) text = `${text.slice(0, SMS_MAX_CHARS - 1)}…`;
  } else {
    text = lines.map((l) => l.text).join('\n');
    if (text.length > ctx.capabilities.maxLength) text = `${text.slice(0, ctx.capabilities.maxLength - 1)}…`;
  }
  return quickReplies ? { text, quickReplies: [...quickReplies] } : { text };
}

/** The first two parts of a citation, for SMS. */
export function shortSource(source: string): string {
  return source.split('; ').slice(0, 2).join('; ');
}
