import { fold, foldWords as words } from './fold-memo.ts';
import { yearsLead } from './leads.ts';
import { readSituation, type Situation } from './situation.ts';
import { yearOf, type AsOfDay } from './as-of.ts';
import { saidOf } from './two-people.ts';
import { has } from './regex-literals.ts';

/** The spouse named first ("chồng tôi", "ông xã tui", "vợ em", "ck e"): who it is. */
const SPOUSE = /\b(?:(chong|vo|ck|vk) (?:toi|em|e|minh|tui)|(ong xa|ba xa)(?: (?:toi|em|e|minh|tui))?)\b/;
/** The asker's own clause after the spouse's ("…; tui 48 tuổi …", ". Tôi sinh năm 1972, …", ", còn em …"). */
const SELF = /(?:^|[,.;:!?] +)(?:con )?(?:toi|tui|em|minh|e) (?=(?:\S+ ){0,2}?(?:sinh|nam nay|\d{2} ?t(?:uoi)?\b|dong|da dong|tham gia|chua dong))/g;
/** The ask is for both ("hai vợ chồng mỗi người", "cả hai", "chúng tôi", "còn tôi thì …"). */
const BOTH_ASKED = /\b(?:hai vo chong|chung (?:toi|tui|em|minh)|vo chong (?:toi|em|minh|tui)? ?(?:moi nguoi|ca hai)|moi nguoi|ca hai|con (?:toi|tui|em|minh) thi)\b/;

/**
 * A husband and wife in one message, each with their own years ("Ông xã tui 52 tuổi, đã đóng bắt buộc 10 năm; tui 48
 * tuổi đóng tự nguyện được 3 năm. Hai vợ chồng mỗi người cần đóng thêm bao lâu?"): each one's years and retirement,
 * read from their own clause. Undefined unless both clauses tell years paid (or none paid) and the ask is for both.
 */
export function coupleLead(text: string, day: AsOfDay): string | undefined {
  const f = fold(text.normalize('NFC'));
  if (!has(BOTH_ASKED, f.replace(/[^a-z0-9 ]+/g, ' '))) return undefined;
  const spouse = SPOUSE.exec(f);
  if (!spouse) return undefined;
  const after = spouse.index + spouse[0].length;
  const self = [...f.matchAll(SELF)].find((m) => m.index >= after);
  if (!self) return undefined;
  // The asker's clause runs to the first question, or to the next sentence about the spouse.
  const rest = f.slice(self.index);
  const end = rest.search(/[?]|[.;] +(?:chong|vo|ong xa|ba xa)\b/);
  const spouseText = f.slice(spouse.index, self.index);
  const selfText = end < 0 ? rest : rest.slice(0, end);
  const husband = ['chong', 'ck', 'ong xa'].includes(spouse[1] ?? spouse[2] ?? '');
  const year = yearOf(day);
  const read = (part: string, sex: 'male' | 'female'): Situation => ({ ...readSituation(part, year, Number(day.slice(5, 7))), sex, year, day });
  const theirs = read(spouseText, husband ? 'male' : 'female');
  const mine = read(selfText.replace(/^[,.;:!? ]+/, ''), husband ? 'female' : 'male');
  const told = (s: Situation): boolean => (s.yearsPaid !== undefined || s.neverPaid === true) && (s.age !== undefined || s.birthYear !== undefined);
  if (!told(theirs) || !told(mine)) return undefined;
  const them = yearsLead(theirs);
  const me = yearsLead(mine);
  if (!them || !me) return undefined;
  const name = husband ? 'chồng' : 'vợ';
  const pronoun = husband ? 'anh ấy' : 'chị ấy';
  const spouseSays = saidOf(them, pronoun);
  return `Phần của ${name}: ${spouseSays} Phần của anh/chị: ${me}`;
}

/** A sentence about a relative, by its subject ("Chồng tôi 62 tuổi …", "Còn bố em …", "Ông xã tôi …"). */
const RELATIVE_SUBJECT = /^(?:(?:con|va|nhung|rieng|the) )?(?:(?:chong|vo|bo|me|cha|ba noi|ba ngoai|ong noi|ong ngoai) (?:toi|em|e|minh|tui)|ong xa|ba xa)\b/;
/** A sentence about the asker, by its subject ("Tôi 56 tuổi …", "Còn em thì …", "Riêng tôi …"). */
const ASKER_SUBJECT = /^(?:(?:con|va|nhung|rieng|the) )?(?:toi|tui|em|minh|e)\b(?! (?:hoi|muon hoi|xin|cam on)\b)/;
/** A fact of one's own in a sentence: a figure, or never having paid. */
const OWN_FACT = /\d|\b(?:chua (?:tung )?(?:dong|tham gia)|nam|nu)\b/;
/** The spouse a sentence opens with. */
const SPOUSE_NAMED = /^(?:(?:con|va|nhung|rieng|the) )?(?:(chong|vo) (?:toi|em|e|minh|tui)|(ong xa|ba xa))\b/;
/** A death told ("… đã mất", "qua đời năm ngoái"). */
const DEATH = /\b(?:mat|qua doi|tu vong|chet|tu tran|hy sinh)\b/;
/** A relative named in an ask ("… chồng tôi có được …?"). */
const RELATIVE_NAMED = /\b(?:(?:chong|vo|bo|me|cha|ong|ba) (?:toi|em|e|minh|tui)|ong xa|ba xa|ong ay|ba ay|anh ay|chi ay)\b/;

/**
 * The relative's story in a letter that asks about them and then turns to the asker ("Mẹ em sinh tháng 7/1969, … tổng 10
 * năm … vậy mẹ em có được không …? … Còn em 25 tuổi, … muốn đóng 6 tháng một lần thì hạn nộp là lúc nào?"): the sentences
 * before the asker's turn, so that the asker's age is not read as the relative's. Undefined otherwise (a relative who
 * died is what the whole letter is about).
 */
export function relativeOwnText(text: string): string | undefined {
  const sentences = text.normalize('NFC').split(/(?<=[.!?;\n])\s+/).filter((x) => x.trim() !== '');
  if (sentences.length < 3) return undefined;
  const opening = sentences.find((x) => has(RELATIVE_SUBJECT, words(x)) || has(ASKER_SUBJECT, words(x)));
  if (!opening || !has(RELATIVE_SUBJECT, words(opening))) return undefined;
  const turn = sentences.findIndex((x, i) => i > 0 && has(/^con (?:toi|tui|em|minh|e)\b/, words(x)) && has(OWN_FACT, words(x)));
  if (turn < 0) return undefined;
  const before = sentences.slice(0, turn);
  if (before.some((x) => has(DEATH, words(x))) || !before.some((x) => x.includes('?') && has(RELATIVE_NAMED, words(x)))) return undefined;
  return before.join(' ');
}

/** Years paid told in a sentence ("đóng … từ tháng 1/2016", "được 4 năm", "đóng 18 năm"). */
const YEARS_TOLD = /\b(?:dong|tham gia)\b(?: \w+){0,6}? (?:tu (?:thang )?(?:\d{1,2} )?(?:19|20)\d\d|\d{1,2} nam)\b|\bduoc \d{1,2} nam\b/;

/**
 * The sentence that tells a member's death with their own years, in a letter that tells someone else's years too ("Bố em …
 * đóng … từ tháng 1/2022 đến tháng 12/2025 được 4 năm thì mất … Mẹ em …, cũng đóng tự nguyện từ tháng 1/2016 đến nay."): the
 * family's allowances are reckoned on the member's years, not on the sum. Undefined otherwise.
 */
export function deceasedOwnText(text: string): string | undefined {
  const sentences = text.normalize('NFC').split(/(?<=[.!?;\n])\s+/).filter((x) => x.trim() !== '');
  // (The member opening their sentence, "Bố em …"; the other years opening with someone else, "Mẹ em …", "Tôi …".)
  const subject = (x: string): string | undefined => (RELATIVE_SUBJECT.exec(words(x))?.[0] ?? ASKER_SUBJECT.exec(words(x))?.[0])?.replace(/^(?:con|va|nhung|rieng|the) /, '');
  // (The member's years told in the sentence after the death, by a pronoun: "Chồng tôi … mất tháng 10/2026 vì tai nạn giao thông.
  // Anh đóng BHXH tự nguyện từ tháng 1/2015 đến tháng 12/2025, tròn 11 năm".)
  const withNext = sentences.map((x, i) => {
    const next = sentences[i + 1];
    return next && !has(YEARS_TOLD, words(x)) && has(/^(?:anh|ong|ba|chi|anh ay|ong ay|ba ay|chi ay)\b/, words(next)) && has(YEARS_TOLD, words(next)) ? `${x} ${next}` : x;
  });
  const death = withNext.find((x) => has(RELATIVE_SUBJECT, words(x)) && has(DEATH, words(x)) && !has(/\b(?:neu|lo|chang may|gia su|den khi)\b/, words(x)) && has(YEARS_TOLD, words(x)));
  const who = death && subject(death);
  // (Another's years told in a sentence that then asks, "Tôi 50 tuổi, cũng đóng tự nguyện được 4 năm, vậy có được cộng …?", count.)
  const toldYears = (x: string): boolean => !x.includes('?') || has(/\b(?:da|cung) (?:\w+ ){0,3}dong (?:\w+ ){0,3}(?:duoc )?\d{1,2} nam\b/, words(x));
  if (!death || !who || !sentences.some((x) => !death.includes(x) && toldYears(x) && has(YEARS_TOLD, words(x)) && subject(x) !== undefined && subject(x) !== who)) return undefined;
  return death;
}

/**
 * The asker's own story in a letter that tells a relative's first ("Chồng tôi 62 tuổi, đã đóng 20 năm và đang hưởng
 * lương hưu. Tôi 56 tuổi, đóng tự nguyện được 13 năm. Tôi có đóng tiếp được không …?"): the message without the
 * relative's sentences (a sentence without a subject of its own goes with the one before), when the asker tells facts
 * of their own after the relative's (told first, alive) and no ask names a relative. Undefined otherwise (the whole message is read).
 */
export function askerOwnText(text: string): { text: string; sex?: 'male' | 'female' } | undefined {
  const sentences = text.normalize('NFC').split(/(?<=[.!?;\n])\s+/).filter((x) => x.trim() !== '');
  if (sentences.length < 3) return undefined;
  let subject: 'asker' | 'relative' | undefined;
  let askerAfter = false;
  // (A husband's story, then the asker's own: the asker is his wife.)
  let spouse: string | undefined;
  let relativeDied = false;
  const kept: string[] = [];
  for (const sentence of sentences) {
    const f = words(sentence);
    if (has(RELATIVE_SUBJECT, f)) {
      // (Told first, and alive: a member who died is what the letter is about.)
      if (subject === 'asker' || has(DEATH, f)) return undefined;
      subject = 'relative';
      const named = SPOUSE_NAMED.exec(f);
      spouse ??= named?.[1] ?? named?.[2];
    } else if (subject === 'relative' && !has(ASKER_SUBJECT, f) && has(DEATH, f) && !has(/\bmat (?:so|the|giay|tien|viec|quyen)\b/, f)) {
      // (The relative's death told in a sentence of its own, "Tháng 9/2026 anh bị tai nạn giao thông mất": the letter is
      // about it, unless the asker then tells years paid of their own.)
      relativeDied = true;
    } else if (has(ASKER_SUBJECT, f)) {
      if (subject === undefined) return undefined;
      subject = 'asker';
      if (has(OWN_FACT, f)) askerAfter = true;
    }
    if (subject !== 'relative') kept.push(sentence);
  }
  const asks = sentences.filter((x) => x.includes('?')).map(words);
  // (Nor when the asker pays for the relative, "Tôi muốn đóng một lần phần còn thiếu cho mẹ đủ 15 năm": the letter is theirs.)
  if (!askerAfter || asks.length === 0 || asks.some((a) => has(RELATIVE_NAMED, a)) || kept.some((x) => has(/\b(?:dong|nop|mua) (?:\w+ ){0,6}cho (?:me|bo|ba|ong|chong|vo|cha)\b/, words(x)))) return undefined;
  const own = kept.join(' ');
  if (relativeDied && !has(/\b(?:dong|tham gia)\b(?: \w+){0,6} \d{1,2} nam\b/, words(kept.filter((x) => !x.includes('?')).join(' ')))) return undefined;
  return spouse === undefined ? { text: own } : { text: own, sex: spouse === 'chong' || spouse === 'ong xa' ? 'female' : 'male' };
}
