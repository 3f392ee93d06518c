import { fold } from './fold-memo.ts';
import { yearsLead } from './leads.ts';
import { readSituation, type Situation } from './situation.ts';
import { yearOf, type AsOfDay } from './as-of.ts';

/** The spouse named first ("chồng tôi", "ông xã tui", "vợ em"): who it is. */
const SPOUSE = /\b(?:(chong|vo) (?:toi|em|e|minh|tui)|(ong xa|ba xa)(?: (?:toi|em|e|minh|tui))?)\b/;
/** The asker's own clause after the spouse's ("…; tui 48 tuổi …", ". Tôi sinh năm 1972, …", ", còn em …"). */
const SELF = /(?:^|[,.;:!?] +)(?:con )?(?:toi|tui|em|minh|e) (?=(?:\S+ ){0,2}?(?:sinh|nam nay|\d{2} ?t(?:uoi)?\b|dong|da dong|tham gia|chua dong))/g;
/** The ask is for both ("hai vợ chồng mỗi người", "cả hai", "còn tôi thì …"). */
const BOTH_ASKED = /\b(?:hai vo chong|vo chong (?:toi|em|minh|tui)? ?(?:moi nguoi|ca hai)|moi nguoi|ca hai|con (?:toi|tui|em|minh) thi)\b/;

/**
 * A husband and wife in one message, each with their own years ("Ông xã tui 52 tuổi, đã đóng bắt buộc 10 năm; tui 48
 * tuổi đóng tự nguyện được 3 năm. Hai vợ chồng mỗi người cần đóng thêm bao lâu?"): each one's years and retirement,
 * read from their own clause. Undefined unless both clauses tell years paid (or none paid) and the ask is for both.
 */
export function coupleLead(text: string, day: AsOfDay): string | undefined {
  const f = fold(text.normalize('NFC'));
  if (!BOTH_ASKED.test(f.replace(/[^a-z0-9 ]+/g, ' '))) return undefined;
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
  const husband = (spouse[1] ?? spouse[2]) === 'chong' || spouse[2] === 'ong xa';
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
  const spouseSays = them.replace(/Anh\/chị/g, pronoun.charAt(0).toUpperCase() + pronoun.slice(1)).replace(/anh\/chị/g, pronoun);
  return `Phần của ${name}: ${spouseSays} Phần của anh/chị: ${me}`;
}
