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
