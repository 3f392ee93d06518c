/**
 * Does a resident's free text ask to be phoned? Works on folded words (no diacritics, lower case), so "gọi lại cho
 * tôi" and "goi lai cho toi" are the same. A call phrase must be there; a question about something else that merely
 * mentions the phone ("số tổng đài là gì") is left to the answers.
 */

// Short commands and menu labels, matched whole.
const WHOLE = new Set([
  'goi lai', 'goi lai cho toi', 'yeu cau goi lai', 'toi muon duoc goi lai', 'can tu van', 'tu van', 'tu van vien',
  'goi cho toi', 'nho goi lai', 'goilai', 'callback', 'call back', 'call me', 'yeu cau tu van', 'dang ky tu van',
]);

// Phrases that name a call to the person (any one is enough when a wish or request goes with it).
const CALL_PHRASES = [
  /\bgoi lai\b/,
  /\bgoi (?:dien )?(?:cho|toi|lai cho|ve cho) (?:toi|minh|em|chau|tui|tao|me|bo|chung toi)\b/,
  /\bgoi dien (?:de |lai )?tu van\b/,
  /\btu van (?:qua|bang|tren) (?:dien thoai|dt|dthoai)\b/,
  /\b(?:qua|bang) dien thoai de (?:duoc )?tu van\b/,
  /\b(?:lien he|lien lac) lai\b/,
  /\b(?:can bo|tu van vien|nhan vien) (?:goi|lien he|lien lac)\b/,
  /\bso (?:dien thoai |dt )?(?:de|cho) (?:duoc )?tu van\b/,
  /\bduoc goi\b/,
];

// Someone asking about a number to call themselves, not to be called: left to the answers (hotline entry).
const ASKS_FOR_HOTLINE = /\b(?:tong dai|hotline|duong day nong)\b/;

/** True when the folded message asks for a consultant's call. */
export function asksForCallback(folded: string): boolean {
  if (folded === '') return false;
  if (WHOLE.has(folded)) return true;
  if (!CALL_PHRASES.some((re) => re.test(folded))) return false;
  if (ASKS_FOR_HOTLINE.test(folded) && !/\bgoi lai\b/.test(folded)) return false;
  return true;
}

/** Words that ask something of their own ("… bao nhiêu?", "… được không?"). */
const QUESTION_CUE = /\b(?:bao nhieu|the nao|ra sao|o dau|khi nao|bao gio|duoc khong|co duoc|co phai|la gi|gi khong|nhu nao|tinh sao|lam sao)\b/;
/** A call asked inside a longer message that asks something else too: at least this many words. */
const QUESTION_WORDS = 12;

/**
 * The message asks a question of its own beside the call ("… mỗi tháng đóng mức thấp nhất là bao nhiêu? Nhờ cán bộ
 * gọi lại cho tôi số 0912…"): the answers reply to it first, then the callback flow starts with it as the topic.
 */
export function questionBesideCall(folded: string): boolean {
  return asksForCallback(folded) && folded.split(' ').length >= QUESTION_WORDS && QUESTION_CUE.test(folded);
}

/** A mobile number written in the message ("số 0912 345 678", "+84912345678"), as typed. */
export function phoneInText(text: string): string | undefined {
  return /(?<!\d)(?:\+?84|0)(?:[ .-]?\d){9}(?!\d)/.exec(text)?.[0];
}
