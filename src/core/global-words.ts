/** Words that work everywhere, whatever conversation is active. Matched on folded text (no diacritics, lower-case). */
export type GlobalWord = 'opt_out' | 'opt_in' | 'help' | 'menu';

const OPT_OUT = new Set(['huy', 'tu choi', 'dung', 'stop', 'huy dang ky', 'ngung', 'ngung nhan tin', 'unsubscribe', 'stop all']);
const OPT_IN = new Set(['dang ky', 'bat dau', 'start', 'dang ky lai', 'subscribe']);
const HELP = new Set(['help', 'tro giup', 'huong dan', 'giup', 'giup do', 'hd', 'h']);
const MENU = new Set(['menu', '0', 'trang chu', 'quay lai', 've menu', 'thoat', 'exit']);

/**
 * Recognise a global word. `raw` is the NFC text (to see "/stop" and "?"), `folded` its folded words.
 * Only whole messages count: "dừng lại thì có mất tiền không" is a question, not an opt-out.
 */
export function globalWord(raw: string, folded: string): GlobalWord | null {
  const t = raw.trim().toLowerCase();
  if (t === '/stop') return 'opt_out';
  if (t === '/help' || t === '?') return 'help';
  if (t === '/menu') return 'menu';
  if (OPT_OUT.has(folded) && !meansSomethingElse(t)) return 'opt_out';
  if (OPT_IN.has(folded)) return 'opt_in';
  if (HELP.has(folded)) return 'help';
  if (MENU.has(folded)) return 'menu';
  return null;
}

/**
 * Folding makes some everyday words collide with opt-out words: "đúng" (right, yes) folds to "dung" like "dừng"
 * (stop). Written with diacritics, we can tell them apart; unaccented "DUNG" stays an opt-out (SMS users write
 * without diacritics, and a refusal must be honoured).
 */
function meansSomethingElse(lowerRaw: string): boolean {
  const t = lowerRaw.normalize('NFC').replace(/[.!?\s]+$/u, '');
  return t === 'đúng' || t === 'đúng rồi' || t === 'dúng' || t === 'đúng vậy';
}
