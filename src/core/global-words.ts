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
  if (OPT_OUT.has(folded)) return 'opt_out';
  if (OPT_IN.has(folded)) return 'opt_in';
  if (HELP.has(folded)) return 'help';
  if (MENU.has(folded)) return 'menu';
  return null;
}
