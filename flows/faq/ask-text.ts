import { foldWords } from './fold-memo.ts';
import { has } from './regex-literals.ts';

/**
 * "dk" is mostly "được", but "đăng ký" before what is registered or after a wish or a place ("muốn dk bhxh", "dk ở
 * đâu", "thủ tục dk"): written "dky" then, which the word map expands.
 */
const DK_REGISTER = /\bdk(?= (?:bhxh|bh|bao hiem|tham gia|tn|tu nguyen|o dau|cho (?:me|bo|vo|chong|con|ba|ong)|online|onl|truc tuyen|ho so|lai|moi)\b)|(?<=\b(?:muon|de|di|can|cach|thu tuc|noi|phai|chua|moi|xin|huong dan) )dk\b(?! (?:khong|ko|k|chua|hong|hok)\b)/g;
export const registerDk = (folded: string): string => (folded.includes('dk') ? folded.replace(DK_REGISTER, 'dky') : folded);

/** Chat spellings residents type for the words the ask rules look for (folded, whole words only), by word. */
const SPELLINGS: Readonly<Record<string, readonly string[]>> = {
  khong: ['ko', 'k', 'kg', 'kh', 'khg', 'hok'],
  duoc: ['dc', 'dk'],
  gi: ['j'],
  'bao nhieu': ['bn', 'bnhieu', 'bao nhiu', 'bao nhieo'],
  'nhu the nao': ['ntn'],
  'cong ty': ['cty'],
  'bhxh tu nguyen': ['bhxhtn'],
  'sinh vien': ['sv'],
  'xuat khau lao dong': ['xkld'],
  chong: ['ck'],
  vo: ['vk'],
  luong: ['lg', 'luog'],
  sinh: ['sn'],
  minh: ['mik', 'mk'],
  'hop dong lao dong': ['hdld'],
  truoc: ['trc', 'trk'],
};
const CHAT_WORDS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(SPELLINGS).flatMap(([word, typed]) => typed.map((t) => [t, word] as const)),
);
const CHAT_WORD = new RegExp(`\\b(?:${Object.keys(CHAT_WORDS).join('|')})\\b`, 'g');

/**
 * Chat spellings written out on folded text ("ko" → "khong", "dc" → "duoc", "12nam" → "12 nam"), "lĩnh" (to draw)
 * as "lãnh" before what is drawn ("lĩnh lương hưu"; "đi lính" stays), "1 cục" (in one go) as "một lần", and a baby lost in the womb as "thai chết lưu".
 */
export function spellChatWords(folded: string): string {
  return registerDk(folded)
    .replace(/\bdky\b/g, 'dang ky')
    // Numbers glued to their unit ("12nam", "10nam", "61t5thang"): the rules read "12 nam", "61 tuoi 5 thang".
    .replace(/\b(\d{1,2})(nam|thang|tuoi)(?=\d|\b)/g, '$1 $2')
    // "15n" for 15 years.
    .replace(/\b(\d{1,2})n\b/g, '$1 nam')
    .replace(/\b(\d{2})t(\d{1,2}) ?thang\b/g, '$1 tuoi $2 thang')
    // "t8/2025", "t3.2027": a month and its year.
    .replace(/\bt(\d{1,2}) ((?:19|20)\d\d)\b/g, 'thang $1 $2')
    .replace(CHAT_WORD, (w) => CHAT_WORDS[w] ?? w)
    // "đóng tn", "bhxh tn": voluntary ("tn" alone may be other words).
    .replace(/\b(bhxh|bh|dong|tham gia|mua|sang|chuyen|qua) tn\b/g, '$1 tu nguyen')
    // ("bắt buộc 7 năm + tn 5 năm": before years, too.)
    .replace(/\btn (?=\d{1,2} (?:nam|thang)\b)/g, 'tu nguyen ')
    // ("10 nam bhxh cty va 4 nam tn": after years, too.)
    .replace(/\b(\d{1,2} (?:nam|thang)) tn\b/g, '$1 tu nguyen')
    .replace(/\blinh (?=luong|tien|tro cap|bhxh|mot lan|huu|che do)/g, 'lanh ')
    .replace(/\b(?:1|mot) cuc\b/g, 'mot lan')
    // ("bỏ cấp huyện": the districts done away with, not a father, "bố", which folds the same.)
    .replace(/\bbo (?:cap )?huyen\b/g, 'khong con cap huyen')
    // "Bé mất trong bụng", "thai nhi chết trong bụng mẹ": a stillbirth (the maternity allowance's case), no death in the family.
    .replace(/\b(?:be|con|thai|thai nhi|em be)(?: (?:bi|da))? (?:mat|chet|khong con) (?:\w+ )?trong bung(?: me)?\b/g, 'thai chet luu')
    // ("thai 24 tuần bị lưu trong bụng": a stillbirth told by the fetus kept in the womb.)
    .replace(/\b(?:be|con|thai|thai nhi)(?: \d{1,2} tuan)?(?: bi)? luu (?:\w+ )?trong bung(?: me)?\b/g, 'thai luu')
    // "năm 1966 sinh tháng 4": the birth month after the year, as the rules read it ("sinh tháng 4 năm 1966").
    .replace(/\b(?:nam )?((?:19|20)\d\d) sinh thang (\d{1,2})\b/g, 'sinh thang $2 nam $1');
}

/**
 * The scheme's names in one spelling, on folded text: "bảo hiểm xã hội" and "bảo hiểm tự nguyện" → "bhxh",
 * "bảo hiểm y tế" → "bhyt", "(chế độ) hưu trí" → "lương hưu" (newspapers and residents write either; "trợ cấp
 * hưu trí xã hội" is the social pension and stays).
 */
export function spellSchemeNames(folded: string): string {
  return folded
    // "hưu trí xh"; the old allowance of the over-80s ("trợ cấp 80 tuổi", "trợ cấp người cao tuổi"), which the
    // social pension replaced on 1/7/2025.
    .replace(/\b(huu tri|tro cap) xh\b/g, '$1 xa hoi')
    .replace(/\btro cap (?:xa hoi )?(?:(?:cho )?(?:nguoi )?(?:tu |tren )?(?:80|75) tuoi|(?:cho )?nguoi cao tuoi)\b/g, 'tro cap huu tri xa hoi')
    .replace(/\bbao hiem xa hoi\b/g, 'bhxh')
    .replace(/\bbao hiem y te\b/g, 'bhyt')
    .replace(/\bbao hiem tu nguyen\b/g, 'bhxh tu nguyen')
    .replace(/\b(?:che do )?huu tri\b(?! xa hoi)/g, 'luong huu');
}

const MAX = 512;
const cache = new Map<string, string>();

/**
 * The question's words as the ask rules read them: folded words, the scheme's names in one spelling
 * (spellSchemeNames) and chat spellings written out ("ko" → "khong", "dc" → "duoc"), so that a rule's word
 * window does not depend on which the writer chose. Padded with spaces.
 */
export function askWords(text: string): string {
  const hit = cache.get(text);
  if (hit !== undefined) return hit;
  const out = ` ${spellChatWords(spellSchemeNames(foldWords(text)))} `;
  if (cache.size >= MAX) cache.clear();
  cache.set(text, out);
  return out;
}

/** A message about health insurance that names nothing of social insurance ("hộ cận nghèo mua BHYT đóng bao nhiêu"). */
export const healthCardOnly = (folded: string): boolean =>
  has(/\b(?:bhyt|bao hiem y te)\b/, folded) && !has(/\b(?:bhxh|bao hiem xa hoi|tu nguyen|luong huu)\b/, folded);
