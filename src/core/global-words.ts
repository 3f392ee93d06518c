import { foldWords } from '../text/vietnamese.ts';
/** Words that work everywhere, whatever conversation is active. Matched on folded text (no diacritics, lower-case). */
export type GlobalWord = 'opt_out' | 'opt_in' | 'help' | 'menu';

/**
 * What a short message means where the person is: a global word, or — inside a conversation — "yes" to the
 * question being asked ("đúng"/"dung") or "cancel this" ("huỷ"/"huy").
 */
export type WordInContext = GlobalWord | 'yes' | 'cancel_flow';

/** The step the person's active conversation waits at (flow id and step name). */
export interface ActiveStep {
  flow: string;
  step: string;
}

const OPT_OUT = new Set(['huy', 'tu choi', 'dung', 'stop', 'huy dang ky', 'ngung', 'ngung nhan tin', 'unsubscribe', 'stop all']);
const OPT_IN = new Set(['dang ky', 'bat dau', 'start', 'dang ky lai', 'subscribe']);
const HELP = new Set(['help', 'tro giup', 'huong dan', 'giup', 'giup do', 'hd', 'h']);
const MENU = new Set(['menu', '0', 'trang chu', 'quay lai', 've menu', 'thoat', 'exit']);

// Pieces of the sentences below, on folded words: who asks, words between the verb and the messages, the messages,
// and what may close the sentence.
const WHO = '(?:(?:toi|em|minh|tui|chau|ban|ad|admin|cho (?:toi|em|minh)) )?(?:(?:oi|a|muon|xin|vui long|lam on|hay|can|la) )*';
const MID = '(?: (?:dang ky|viec|nhan|gui|cho (?:toi|em|minh)))*';
const MESSAGES = ' (?:cac |nhung )?(?:tin|tin nhan|thong bao|tin tuc)';
const TAIL =
  '(?: (?:ve|cua|chien dich|bhxh|tu nguyen|quang cao|tuyen truyen|khuyen mai|qua (?:zalo|sms|dien thoai|tin nhan)|zalo|sms|den (?:toi|em|minh|so (?:toi|em|minh|nay))|vao (?:so|may) (?:toi|em|minh|nay)|nay|do|nua|a|nhe|nha|di|giup (?:toi|em|minh)|cho (?:toi|em|minh)|cam on|xin cam on))*';
const NOT = '(?:khong|ko|k|kg)';
/**
 * An opt-out said in a sentence ("tôi muốn hủy đăng ký nhận tin", "không muốn nhận tin nhắn nữa", "đừng gửi tin
 * nữa"): the whole message asks to stop the messages. It must name the messages (tin, tin nhắn, thông báo), so that
 * "hủy đăng ký BHXH tự nguyện" or "dừng đóng thì sao" stay questions.
 */
const OPT_OUT_SENTENCES = [
  // "hủy/ngừng/dừng/thôi/bỏ/tắt (đăng ký) (nhận) tin", "đừng gửi tin nữa"
  new RegExp(`^${WHO}(?:huy|ngung|dung|thoi|bo|tat)${MID}${MESSAGES}${TAIL}$`),
  // "(thôi) không muốn/cần nhận tin (nữa)"
  new RegExp(`^${WHO}(?:thoi )?${NOT} (?:muon|can)${MID}${MESSAGES}${TAIL}$`),
  // "không nhận tin nhắn nữa" ("không nhận tin" alone may be a complaint that none came)
  new RegExp(`^${WHO}(?:thoi )?${NOT}${MID}${MESSAGES}(?: \\w+)* nua(?: (?:a|nhe|nha|di))*$`),
];
/**
 * A clause that refuses without naming the messages ("tôi ko muốn nhận nữa", "làm phiền quá"): an opt-out only next
 * to a clause that names them ("đừng gửi tin nhắn tuyên truyền nữa, tôi ko muốn nhận nữa").
 */
const BARE_REFUSAL = new RegExp(`^${WHO}(?:thoi )?(?:${NOT} (?:muon|can|thich) (?:nhan|doc|xem)(?: (?:nua|them|a|nhe|nha|dau))*|lam phien(?: qua| lam)?(?: (?:a|nhe|nha))*|phien qua)$`);

/** Each clause of a message of several ("…, …"), folded: the whole of it asks to stop when every clause does. */
function clausesOptOut(raw: string): boolean {
  const clauses = raw
    .split(/[,.;!?\n]+/u)
    .map((c) => foldWords(c))
    .filter((c) => c !== '');
  if (clauses.length < 2) return false;
  const named = clauses.filter((c) => OPT_OUT_SENTENCES.some((re) => re.test(c)));
  return named.length > 0 && clauses.every((c) => named.includes(c) || BARE_REFUSAL.test(c));
}

/** Asking for the messages in a sentence ("tôi muốn đăng ký nhận tin", "cho tôi nhận tin về chiến dịch"). */
const OPT_IN_SENTENCE = new RegExp(
  `^${WHO}(?:dang ky|nhan|dang ky nhan)(?: (?:them|lai|nhan))*${MESSAGES}${TAIL}$` +
    // "làm sao đăng ký nhận tin về BHXH tự nguyện qua Zalo (vậy)": asking how to get the messages is asking for them.
    `|^(?:lam (?:sao|the nao) (?:de )?|cach |muon )(?:dang ky|dang ky nhan|nhan)${MESSAGES}${TAIL}(?: (?:vay|the nao|ntn|duoc khong|dc khong|ko|khong))*$`,
);

/**
 * A message asking to receive the campaign's messages, in a sentence: the subscription flow starts on it (it asks
 * for consent, then the place), as on "ĐĂNG KÝ NHẬN TIN".
 */
export function asksForMessages(folded: string): boolean {
  return OPT_IN_SENTENCE.test(folded);
}

/** "Right", "yes, that's it": folded, so "dung" is both "đúng" and "dừng" — only a yes/no question tells them apart. */
const YES_WORDS = new Set(['dung', 'dung roi', 'dung vay', 'dung a', 'dung the', 'dung la vay', 'chinh xac']);
/** "Cancel": inside a flow it cancels the flow (the person is then asked whether to stop the news too). */
const CANCEL_WORDS = new Set(['huy', 'huy bo', 'thoi huy']);

/**
 * Steps that wait for a yes or a no, and the answer their flow reads as "yes". Inside one of them "đúng"
 * (or unaccented "dung") is that yes, never an opt-out.
 */
const YES_NO_STEPS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  subscription: { consent: 'Đồng ý' },
  report: { confirm: 'OK' },
  callback: { confirm: 'Gọi số này' },
  menu: { 'stop-news': 'Có' },
  faq: { 'clarify-yes-no': 'Có' },
};

/** The answer the active step reads as "yes", or null when it does not ask a yes/no question. */
export function yesAnswerAt(active: ActiveStep | null): string | null {
  if (!active) return null;
  return YES_NO_STEPS[active.flow]?.[active.step] ?? null;
}

/**
 * Recognise a global word. `raw` is the NFC text (to see "/stop" and "?"), `folded` its folded words.
 * Only whole messages count: "dừng lại thì có mất tiền không" is a question, not an opt-out.
 */
export function globalWord(raw: string, folded: string): GlobalWord | null {
  const t = raw.trim().toLowerCase();
  if (t === '/stop') return 'opt_out';
  if (t === '/help' || t === '?') return 'help';
  if (t === '/menu') return 'menu';
  if ((OPT_OUT.has(folded) && !meansSomethingElse(t)) || ((OPT_OUT_SENTENCES.some((re) => re.test(folded)) || clausesOptOut(raw)) && !/^đúng\b/u.test(t))) return 'opt_out';
  if (OPT_IN.has(folded)) return 'opt_in';
  if (HELP.has(folded)) return 'help';
  if (MENU.has(folded)) return 'menu';
  return null;
}

/**
 * A global word read where the person is. With no active conversation it is `globalWord`. Inside a yes/no
 * question, "đúng"/"dung" is yes. Inside any flow, a bare "huỷ"/"huy" cancels that flow rather than ending
 * the news subscription; the explicit words (TU CHOI, STOP, HUY DANG KY, /stop, "dừng" with its marks) still
 * opt out everywhere.
 */
export function wordInContext(raw: string, folded: string, active: ActiveStep | null): WordInContext | null {
  if (active) {
    if (YES_WORDS.has(folded) && yesAnswerAt(active) !== null && !isWrittenStop(raw)) return 'yes';
    if (CANCEL_WORDS.has(folded)) return 'cancel_flow';
  }
  return globalWord(raw, folded);
}

/** "dừng" written with its marks is unambiguous: stop. */
function isWrittenStop(raw: string): boolean {
  return /^dừng\b/u.test(raw.normalize('NFC').trim().toLowerCase());
}

/**
 * Folding makes some everyday words collide with opt-out words: "đúng" (right, yes) folds to "dung" like "dừng"
 * (stop). Written with diacritics, we can tell them apart; unaccented "DUNG" outside a yes/no question stays an
 * opt-out (SMS users write without diacritics, and a refusal must be honoured).
 */
function meansSomethingElse(lowerRaw: string): boolean {
  const t = lowerRaw.normalize('NFC').replace(/[.!?\s]+$/u, '');
  return t === 'đúng' || t === 'đúng rồi' || t === 'dúng' || t === 'đúng vậy';
}
