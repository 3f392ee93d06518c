import { fold } from '../../src/text/vietnamese.ts';
import { foldWords as words } from './fold-memo.ts';
import { has } from './regex-literals.ts';

/** Who a clause of a letter is about: the asker, or a relative named "… tôi" (one key per relative). */
export type Person = 'asker' | 'chong' | 'vo' | 'bo' | 'me' | 'anh' | 'chi' | 'emtrai' | 'emgai' | 'em' | 'ong' | 'ba' | 'contrai' | 'congai' | 'con' | 'conre' | 'condau' | 'chu' | 'thim' | 'chidau' | 'anhre';

/** One person's turn in a letter about two: their own sentences and the asks about them (shared ones included). */
export interface PersonTurn {
  who: Person;
  /** The letter's sentences about this person (and the ones about no one, such as "Vợ chồng tôi làm nông"), in order. */
  story: string[];
  asks: string[];
  /** Where the first ask about them stands in the letter (the reply answers in that order). */
  firstAsk: number;
}

/** How a reply names a relative. */
export const PERSON_NAME: Readonly<Record<Exclude<Person, 'asker'>, string>> = {
  chong: 'chồng anh/chị',
  vo: 'vợ anh/chị',
  bo: 'bố anh/chị',
  me: 'mẹ anh/chị',
  anh: 'anh trai của anh/chị',
  chi: 'chị gái của anh/chị',
  emtrai: 'em trai của anh/chị',
  emgai: 'em gái của anh/chị',
  em: 'em của anh/chị',
  ong: 'ông của anh/chị',
  ba: 'bà của anh/chị',
  contrai: 'con trai của anh/chị',
  congai: 'con gái của anh/chị',
  con: 'con của anh/chị',
  conre: 'con rể của anh/chị',
  condau: 'con dâu của anh/chị',
  chu: 'chú của anh/chị',
  thim: 'thím của anh/chị',
  chidau: 'chị dâu của anh/chị',
  anhre: 'anh rể của anh/chị',
};
/** How a reply speaks of a relative in their own answer ("Anh ấy đã đóng 18 năm"). */
export const PERSON_PRONOUN: Readonly<Record<Exclude<Person, 'asker'>, string>> = { chong: 'anh ấy', vo: 'chị ấy', bo: 'ông', me: 'bà', anh: 'anh ấy', chi: 'chị ấy', emtrai: 'anh ấy', emgai: 'chị ấy', em: 'em ấy', ong: 'ông', ba: 'bà', contrai: 'cháu', congai: 'cháu', con: 'cháu', conre: 'anh ấy', condau: 'chị ấy', chu: 'chú', thim: 'thím', chidau: 'chị ấy', anhre: 'anh ấy' };
/** A name or pronoun opening a sentence ("chồng anh/chị" → "Chồng anh/chị"). */
export const upperFirst = (x: string): string => x.charAt(0).toUpperCase() + x.slice(1);
/** A sentence said to the asker, said of someone else instead ("Anh/chị đã đóng 12 năm" → "Anh ấy đã đóng 12 năm"). */
/** The kin word a sentence may name its person by ("Vợ anh/chị đã đóng 6 năm …"), with that person's pronoun. */
const KIN_PRONOUN: Readonly<Record<string, string>> = { Vợ: 'chị ấy', Chồng: 'anh ấy', Bố: 'ông', Mẹ: 'bà' };
export const saidOf = (text: string, pronoun: string): string =>
  text
    // (Their own kin word said to the asker, "Vợ anh/chị đã đóng …" in the wife's part, is the person themself.)
    .replace(/\b(Vợ|Chồng|Bố|Mẹ) anh\/chị/gu, (m, kin: string) => (KIN_PRONOUN[kin] === pronoun ? upperFirst(pronoun) : m))
    .replace(/Anh\/chị/g, upperFirst(pronoun))
    .replace(/anh\/chị/g, pronoun);
/** The sex of each relative, and of the asker beside a spouse. */
export const PERSON_SEX: Readonly<Record<Exclude<Person, 'asker'>, 'male' | 'female' | undefined>> = { chong: 'male', vo: 'female', bo: 'male', me: 'female', anh: 'male', chi: 'female', emtrai: 'male', emgai: 'female', em: undefined, ong: 'male', ba: 'female', contrai: 'male', congai: 'female', con: undefined, conre: 'male', condau: 'female', chu: 'male', thim: 'female', chidau: 'female', anhre: 'male' };

/** Words a clause may open with before its subject ("Xin hỏi …", "Còn …", "Năm 2026 này …"). */
const LEAD_IN = /^(?:(?:xin hoi|cho (?:toi|em|minh|chau|con) hoi|toi xin hoi|vay|va|conn|nhung|rieng|the|hien nay|hien tai|nay|nam nay|nam \d{4}(?: nay)?|thang \d{1,2}(?: \d{4})?)[ ,:]+)+/;
/** Where a letter's asks begin ("Em muốn hỏi: …", "Cho em hỏi …"). */
const ASKS_OPEN = /\b(?:xin hoi|cho (?:toi|em|minh|chau|con|e) hoi|(?:toi|em|minh|chau|con|e) (?:muon |xin )?hoi)\b/;
// ("Chào cán bộ, tôi …": the official greeted is no father.)
// ("Thưa anh chị tư vấn, tôi nam …" too.)
const GREETING = /^(?:(?:xin )?chao|kinh gui|gui|thua|kinh thua) (?:\w+ ){0,4}?(?=(?:toi|tui|em|minh)\b|(?<!\bcan )(?:chong|vo|bo|me|cha)\b)/;
// (Not "bà tôi": unaccented "ba toi" may be a grandmother or, in the south, the father; such letters are read whole.)
// ("Bà nội tôi 72 tuổi …", "Ông ngoại …": a grandparent, by "nội" or "ngoại".)
// ("Con rể tôi …", "con dâu em …": a child's spouse; "Ông chú tôi …", "Vợ chú …": an uncle and his wife.)
const RELATIVE = /^(?:(chong|vo|bo|me|cha|ong xa|ba xa) (?:toi|em|minh|tui|e)|(ong xa|ba xa)|(ong|ba) (?:noi|ngoai)(?: (?:toi|em|minh|tui|e))?|con (re|dau)(?: (?:toi|em|minh|tui|e))?|(?:ong )?(chu|thim) (?:toi|em|minh|tui|e)|vo (chu)(?: (?:toi|em|minh|tui|e))?|(chi dau|anh re) (?:toi|em|minh|tui|e))\b/;
/**
 * A brother or sister ("anh tôi", "chị gái tôi", "em trai tôi"): not "anh em tôi" or "chị em tôi" (both of them), and a
 * younger one only with "trai" or "gái" ("em" alone is the asker).
 */
const SIBLING = /\b(?:(anh|chi)(?: (?:trai|gai|ca|hai|ruot|ho))?(?: cua)? (?:toi|minh|tui)|(anh) trai(?: cua)? em|(chi) gai(?: cua)? em|em (trai|gai)(?: ruot)?(?: cua)?(?: (?:toi|minh|tui|em))?)\b/;
/** A grandparent opening a clause with the marks ("Ông tôi …", "Bà tôi …", "Xin hỏi bà tôi …"). */
const GRANDPARENT = /^(?:(?:xin hỏi|cho tôi hỏi|còn|và|nhưng)[ ,:]+)?(ông|bà) (?:tôi|em|mình)(?=[\s,.?])/iu;
const SIBLING_RANK = /^(?:(anh|chi) (?:ca|hai|ba|lon|thu hai|thu ba)|(em) (ut|trai|gai|nho|thu \w+))\b/;
const SIBLING_AT_START = new RegExp(`^${SIBLING.source.slice(2)}`);
const siblingOf = (m: RegExpExecArray): Person => (m[4] === 'trai' ? 'emtrai' : m[4] === 'gai' ? 'emgai' : ((m[1] ?? m[2] ?? m[3]) as Person));
// ("e sinh 6/1969 …", "mik 20t …": chat's "em", "mình".)
const ASKER = /^(?:toi|tui|em|minh|e|mik|mk)\b/;
/** An ask about both ("cả hai chúng tôi", "hai vợ chồng", "mỗi người", "bố mẹ tôi … ai được"). */
const BOTH = /\b(?:ca hai|ca 2|ca ba nguoi|ca 3 nguoi|ca nha|chu thim|hai vo chong|2 vo chong|vo chong (?:toi|em|minh|e)|(?:hai|2) (?:me|bo) con|(?:me|bo) con (?:toi|em|minh)|moi nguoi|bo me (?:toi|em|minh)|ca bo (?:va|lan) me|hai (?:ong ba|bo me)|(?:hai|2) (?:anh|chi) em|(?:anh|chi) em (?:toi|minh|tui)|ai (?:duoc|se duoc|co the)|ai (?:rut|nhan|lanh|huong|dong|tham gia) (?:duoc|dc)|nguoi nao)\b/;
/** A birth told: one allowance for the couple's child, answered whole. */
const BIRTH = /\b(?:mang thai|co thai|song thai|du sinh|sap sinh|sinh con|thai san|co bau|mang bau)\b/;
/** What the asker heard or knows of the rules ("Nghe nói …", "Theo tôi biết …"): about everyone in the letter. */
const HEARD = /^(?:(?:toi|em|minh) )?(?:nghe noi|nghe bao|nghe nguoi ta noi|duoc biet|theo (?:toi|em|minh) (?:duoc )?biet)\b/;
/** An ask told without a question mark, of a relative ("Bố muốn biết đã đủ tuổi hưu chưa.", "Anh hỏi được lương hưu mấy %."). */
const TOLD_ASK = /^(?:(?:toi|minh|tui) |(?:bo|me|cha|anh|chi|em|ong|ba|vo|chong|con)(?: (?:trai|gai|ho))?(?: (?:toi|em|minh|tui))? )?(?:cung |con )?(?:muon biet|muon hoi|hoi(?! (?:\d+|truoc|do|nay|xua|nho|con|ay|moi|tre|dau|nam|thang)\b)|nho (?:toi|em|minh) hoi|thac mac)\b/;
/** A fact told: a figure, or never having paid. */
export const FACT = /\d|\bchua (?:tung |bao gio |he )?(?:dong|tham gia)\b|\b(?:nguoi|dan toc) (?:mong|tay|thai|dao|nung|kinh|hoa|khmer|muong|ede|gia rai|ba na|cham|xo dang|san chay|co ho|h mong)\b|\bho (?:ngheo|can ngheo|binh thuong)\b|\b(?:dang dong (?:bhxh |bao hiem (?:xa hoi )?)?bat buoc|(?:khong|ko|chua) (?:co |ky )?hop dong lao dong)\b/;
/** A death told: the letter is about what the family gets, which the usual answer reads whole. */
// (A death's month, "52 tuổi, mất tháng 9/2026 vì đột quỵ"; the one who died named after "thì", "đóng tới tháng 8/2026 thì anh mất".)
export const DEATH = /\b(?:qua doi|tu vong|chet|tu tran|hy sinh)\b|\bmat (?:vao )?(?:ngay \d{1,2} )?thang \d{1,2} (?:nam )?(?:19|20)\d\d\b|\b(?:thi|roi) (?:anh|chi|ong|ba) mat\b(?! (?:viec|tien|so|the|giay|het|trang|quyen|thoi gian|suc|khong|ko|k|chua|di|luon|nhung|cac|gi|bao nhieu|nhieu|it)\b)|\b(?:(?:bo|me|cha|chong|vo|ong|ba|chau|con(?: trai| gai)?)(?: (?:toi|em|minh|tui))?(?: (?:da|vua|moi|bi))?|da|vua|moi|bi|thi|anh ay|chi ay) mat\b(?! (?:viec|tien|so|the|giay|het|trang|quyen|thoi gian|suc|khong|ko|k|chua|di|luon|nhung|cac|gi|bao nhieu|nhieu|it)\b)(?!$)/;

/**
 * An ask by its words alone, in a letter written without question marks ("anh ấy rút ngay được không hay phải đợi 1 năm", "tôi
 * đóng thêm 1 năm nữa được không, đóng kiểu gì", "được mấy tháng lương").
 */
const UNMARKED_ASK =
  /\b(?:duoc|co|phai|kip) (?:\w+ ){0,8}?(?:khong|ko|k|chua)(?: (?:a|vay|nhi|ha|hay (?:phai|la|van) (?:\w+ ){0,6}\w+))?$|\b(?:co nen|nen|co duoc) (?:\w+ ){0,8}?(?:khong|ko|k)\b(?! (?:co|duoc|phai|dong|rut|lam)\b)|\b(?:duoc|co) (?:khong|ko|k) ,|\b(?:bao nhieu|bao gio|khi nao|the nao|ra sao|o dau|kieu gi|cach nao|(?:duoc|nhan|lanh) may (?:thang|nam)(?: \w+)?)$|\b(?:vay |the )?(?:khi nao|bao gio|luc nao|bao lau)(?: \w+){1,8}$/;
/** A comma before another person's ask ("…, mẹ tôi đóng …", "…, còn vợ em thì …", "…, con trai tôi có …", "…, và vợ chồng tôi …"). */
const KIN_ASK =
  /,\s+(?=(?:và\s+|va\s+)?(?:(?:còn|con)\s+)?(?:(?:vợ\s+chồng|vo\s+chong|bố|mẹ|cha|vợ|chồng|bo|me|vo|chong|con\s+trai|con\s+gái|con\s+gai|ông|bà)\s+(?:tôi|toi|em|mình|minh|tui|e)|(?:cả\s+|ca\s+)?hai\s+(?:vợ\s+chồng|vo\s+chong)|(?:còn|con)\s+(?:tôi|toi|mình|minh|tui))\s)/iu;

/**
 * A child opening a clause ("Con trai tôi 35 tuổi …", "Con gái em …", "Con gái út 14 tuổi …"); "con tôi" alone only with its
 * marks (unaccented, it may be "còn tôi").
 */
const CHILD = /^con(?: (trai|gai)(?: (?:ca|ut|lon|ruot))?| ca| ut| lon)? (?:cua )?(?:toi|tui|minh|em)\b|^con (trai|gai) (?:ut|ca|lon|thu hai|thu ba)\b/;

/** The person a clause opens with, if any. */
function subjectOf(clause: string, kinTold: boolean, parentsTold = false, grandparentsTold = false): Person | undefined {
  // ("Còn tôi …" is the asker's turn; "Con tôi …", the child's: told apart by the marks only. Unaccented, beside a
  // spouse's, a brother's or a sister's story, "con toi" is read as the asker's turn.)
  const marked = words(clause.replace(/(^|\s)còn(?=\s)/giu, '$1conn'));
  // ("Chào chuyên mục, tôi 34 tuổi …", "Kính gửi quý báo. Tôi …": the greeting is not the subject.)
  // (Beside a parent's story too: "Mẹ tôi năm nay 76 tuổi … Con toi vua la nguoi dan toc …" unaccented is the asker's turn.)
  const f = ((kinTold || parentsTold) && !has(/[^\x00-\x7f]/, clause) ? marked.replace(/^con (?=(?:toi|tui|em|minh|e)\b|(?:vo|chong) (?:toi|em|minh|tui|e)\b)/, 'conn ') : marked)
    .replace(GREETING, '')
    .replace(LEAD_IN, '')
    // ("Thằng con trai tôi …", "đứa con gái …": the child.)
    .replace(/^(?:thang|dua|con be|cu|be) (?=con (?:trai|gai)\b)/, '');
  // ("Ông tôi 68 tuổi …", "Bà tôi sinh tháng 4/1965 …": a grandparent, told apart from "ba tôi" by the marks.)
  const grand = GRANDPARENT.exec(clause.normalize('NFC'));
  if (grand) return grand[1]!.toLowerCase() === 'ông' ? 'ong' : 'ba';
  // (After "Ông bà tôi …", each by the bare name: "Xin hỏi ông có đóng được không".)
  const bare = grandparentsTold ? /^(ong|ba) (?:co|thi|duoc|da|dang|sinh|nam|la|muon|can|nay)\b/.exec(f) : null;
  if (bare) return bare[1] as Person;
  // ("Vợ bảo tôi đóng thêm …", "Mẹ khuyên em …": the asker's own matter, told through another's advice.)
  // ("Con gái tôi bảo lãnh tôi sang Úc định cư": what a relative does for the asker is the asker's story.)
  if (has(/^(?:vo|chong|bo|me|cha|con(?: (?:trai|gai))?|ong xa|ba xa)(?: (?:toi|em|minh|tui|e))? (?:da |dang |vua |se )?(?:bao|khuyen|noi|keu|giuc|bat|xui|bao lanh|don|dua|ru|moi) (?:toi|em|minh|tui|e)\b/, f)) return 'asker';
  // (Beside "Vợ chồng tôi …", the spouse by the bare kin word and a birth or an age: "Tôi sinh tháng 3/1966, vợ sinh tháng 8/1972".)
  const spouse = kinTold ? /^(vo|chong) (?:sinh|sn|nam nay|\d{2} ?(?:t|tuoi))\b/.exec(f) : null;
  if (spouse) return spouse[1] as Person;
  const r = RELATIVE.exec(f);
  if (r) {
    if (r[4]) return r[4] === 're' ? 'conre' : 'condau';
    // (An uncle, "Ông chú tôi …", or his wife, "thím tôi", "Vợ chú …".)
    if (r[5]) return r[5] as Person;
    if (r[6]) return 'thim';
    if (r[7]) return r[7] === 'chi dau' ? 'chidau' : 'anhre';
    const key = r[1] ?? r[2] ?? r[3]!;
    return key === 'ong xa' ? 'chong' : key === 'ba xa' ? 'vo' : key === 'cha' ? 'bo' : (key as Person);
  }
  const sib = SIBLING_AT_START.exec(f);
  if (sib) return siblingOf(sib);
  // (Siblings by their rank, "Anh cả 50 tuổi …", "Chị hai …", "Em út 19 tuổi …".)
  const rank = SIBLING_RANK.exec(f);
  if (rank) return rank[1] === 'anh' ? 'anh' : rank[1] === 'chi' ? 'chi' : rank[3] === 'trai' ? 'emtrai' : rank[3] === 'gai' ? 'emgai' : 'em';
  // ("Bố mẹ tôi ở Tây Ninh. Bố sinh tháng 6/1966, … Mẹ sinh tháng 9/1970 …": each parent by their bare name.)
  // (Or by their age first, "bố 52t làm bảo vệ …, mẹ 50t …".)
  const parent = parentsTold ? /^(bo|me|cha) (?:sinh|nam|da|dang|la|dong|co|nay|thi|muon|cung|hien|tham|\d)/.exec(f) : /^(bo|me|cha) \d{2} ?(?:t|tuoi)\b/.exec(f);
  if (parent) return parent[1] === 'cha' ? 'bo' : (parent[1] as Person);
  const child = CHILD.exec(f);
  const kind = child?.[1] ?? child?.[2];
  if (child && (kind !== undefined || has(/[^\x00-\x7f]/, clause))) return kind === 'trai' ? 'contrai' : kind === 'gai' ? 'congai' : 'con';
  if (has(ASKER, f)) return 'asker';
  // ("Năm tới nhà tôi có việc lớn nên tôi định tạm ngưng đóng …", "Bây giờ tôi đang cần tiền …": the writer's plan or state,
  // after a few words of time or cause.)
  // (No relative anywhere in it: "Nhà tôi tính cho chồng rút …" is the husband's; "phần còn thiếu" names no child.)
  const plan = /^(?:\w+ ){0,8}?(?:toi|tui|minh) (?:dinh|tinh|du dinh|muon|se|phai|can|dang|da|van|vua|moi|cung)\b/.exec(f);
  return plan && !has(/\b(?:vo|chong|bo|me|cha|con|ong|ba|anh|chi)\b/, f.replace(/\bcon (?:thieu|lai|no|nua|duoc|phai)\b/g, ' ')) ? 'asker' : undefined;
}

/** A letter opening with its writer speaking of herself or himself as "chị", "cô", "anh" or "chú" ("Chị năm nay 45 tuổi. … Chồng chị …"). */
const SPEAKER_OPENS = /^(?:(?:chào|xin chào|chao|xin chao) [^.,!?]{1,30}[.,!]\s*)?(?:(Chị|Cô|Anh|Chú) (?:năm nay|nay|\d{1,2} tuổi|sinh|đóng|ở|là|đang|có|tên|làm|bán|buôn|trồng|nuôi|chạy|may|giúp|mới|vừa)|(Chi|Anh|Chu) (?:nam nay|nay|\d{1,2} tuoi|sinh|dong|o|la|dang|ten|lam|ban|buon|trong|nuoi|chay|giup|moi|vua)\b)/u;

/** The sex of a letter's writer who speaks of herself as "chị" or "cô", himself as "anh" or "chú" (undefined otherwise). */
export function speakerSex(text: string): 'male' | 'female' | undefined {
  const opening = SPEAKER_OPENS.exec(text.normalize('NFC'));
  const speaker = (opening?.[1] ?? opening?.[2])?.toLowerCase();
  return speaker === undefined ? undefined : speaker === 'anh' || speaker === 'chú' || speaker === 'chu' ? 'male' : 'female';
}

/**
 * Such a letter in the first person ("Tôi năm nay 45 tuổi. … Chồng tôi …"), so that the writer's sentences are theirs and a
 * spouse's are the spouse's (unaccented, "Chi nam nay 45 tuoi", not "co", which is also "có"). Other letters unchanged. With
 * `children`, "con trai chị" too (for reading the writer's own facts; a grown child's turn is read apart otherwise).
 */
export function asFirstPerson(text: string, children = false): string {
  const opening = SPEAKER_OPENS.exec(text);
  const speaker = opening?.[1] ?? opening?.[2];
  if (!speaker) return text;
  const self = speaker.toLowerCase();
  const marked = opening?.[1] !== undefined;
  const spouse = self === 'chị' || self === 'cô' || self === 'chi' ? (marked ? 'chồng' : 'chong') : marked ? 'vợ' : 'vo';
  return text
    // (After a numbered ask's mark too: "… 2) Anh giờ mới bắt đầu đóng …".)
    .replace(new RegExp(`(^|[.!?;]\\s+|\\d[).]\\s+)${speaker} (?=\\S)`, 'gu'), '$1Tôi ')
    .replace(new RegExp(`(^|[\\s,.;:!?(])(${spouse}|con|${children ? (marked ? 'con trai|con gái|' : 'con trai|con gai|') : ''}${marked ? 'bố|mẹ|nhà|của' : 'bo|me|nha|cua'}) ${self}(?![\\p{L}\\p{N}])`, 'giu'), '$1$2 tôi');
}

/** A comma before another person's age ("…, mẹ 58 tuổi …", "…, vợ tôi 40t …", "…, tôi 32t, con trai lớn 15t …"). */
const KIN_AGED = /,\s+(?=(?:(?:bố|mẹ|cha|vợ|chồng|bo|me|vo|chong)(?:\s+(?:tôi|toi|em|mình|minh|tui))?|tôi|toi|mình|minh|con\s+(?:trai|gái|gai)(?:\s+(?:lớn|lon|út|ut|cả|ca))?)\s+\d{1,2}\s*(?:tuổi|tuoi|t)(?![\p{L}\p{N}]))/iu;

/** How a letter names its people (subjectOf reads a clause's subject by them), on its folded words. */
function namedTogether(all: string): { kinTold: boolean; parentsTold: boolean; grandparentsTold: boolean } {
  return {
    // A spouse, a brother or a sister telling their story (subjectOf reads unaccented "con toi" beside it as "còn tôi").
    kinTold: has(/\b(?:chong|vo|ck|vk) (?:toi|em|minh|tui|e)\b|\b(?:ong|ba) xa\b/, all) || has(SIBLING, all),
    // (Both parents named together first: "Bố mẹ tôi …".)
    parentsTold: has(/\b(?:bo me|cha me|ba me) (?:toi|em|minh|tui)\b/, all),
    grandparentsTold: has(/\bong ba (?:toi|em|minh|tui)\b/, all),
  };
}

/**
 * Each person's sentences in a letter that tells of several, asks and all ("Con gái tôi 24t …. Con rể tôi …. Bà ngoại 80t
 * …"), a sentence without a subject of its own going with the one before; in the order they are first told. For an ask
 * about them all ("Người nào trong nhà tham gia được").
 */
export function storiesOf(text: string): Array<{ who: Person; story: string[] }> {
  const told = new Map<Person, string[]>();
  for (const { clause, who } of clausesByPerson(text)) if (who !== undefined) told.set(who, [...(told.get(who) ?? []), clause]);
  return [...told].map(([who, story]) => ({ who, story }));
}

/**
 * Each clause of a letter, in order, with the person it tells of: the one it opens with (`named`), else the one before's
 * (undefined before anyone is named).
 */
export function clausesByPerson(text: string): Array<{ clause: string; who: Person | undefined; named: boolean }> {
  const { kinTold, parentsTold, grandparentsTold } = namedTogether(words(text));
  const seen = new Set<Person>();
  const out: Array<{ clause: string; who: Person | undefined; named: boolean }> = [];
  let current: Person | undefined;
  // (Two relatives' ages in one sentence, "Bố 63 tuổi đang hưởng lương hưu, mẹ 58 tuổi chưa đóng gì": a clause each.)
  for (const clause of clausesOf(text).flatMap((c) => c.split(KIN_AGED))) {
    const subject = subjectOf(clause, kinTold, parentsTold || seen.has('bo') || seen.has('me'), grandparentsTold);
    current = subject ?? current;
    if (current !== undefined) seen.add(current);
    out.push({ clause, who: current, named: subject !== undefined });
  }
  return out;
}

/** A letter's clauses: its sentences, a person's clause after a comma ("…, còn vợ tôi …"), two people's asks in one sentence apart. */
function clausesOf(text: string): string[] {
  return asFirstPerson(text.normalize('NFC'))
    // (A column's opening, "Bạn đọc Nguyễn Thị H. (Quảng Ngãi) hỏi: Chồng tôi …": the letter begins after it.)
    .replace(/^(?:bạn đọc|ban doc|độc giả|doc gia)\b[^:?]{0,80}?\b(?:hỏi|hoi)\s*:\s*/iu, '')
    // ("Ba em", written with its marks and without the grave accent of "bà", is the father, as "bố em".)
    .replace(/(^|[\s,.;:!?(])([Bb])a (tôi|em|mình)(?![\p{L}\p{N}])/gu, (_m, pre: string, b: string, who: string) => `${pre}${b === 'B' ? 'B' : 'b'}ố ${who}`)
    // ("ck tôi", "vk em": the spouse, as chat writes it; "vc e": the couple.)
    .replace(/(^|[\s,.;:!?(])([Cc]k|[Vv]k) (tôi|toi|em|mình|minh|tui|e)(?![\p{L}\p{N}])/gu, (_m, pre: string, k: string, who: string) => `${pre}${k.toLowerCase() === 'ck' ? 'chồng' : 'vợ'} ${who}`)
    .replace(/(^|[\s,.;:!?(])[Vv]c (tôi|toi|em|mình|minh|tui|e)(?![\p{L}\p{N}])/gu, '$1vợ chồng $2')
    // ("Ông nhà tôi", "bà nhà tôi": the spouse.)
    .replace(/(^|[\s,.;:!?(])([ÔôOo])ng nh[àa] (tôi|toi|em|mình|minh)(?![\p{L}\p{N}])/gu, (_m, pre: string, o: string, who: string) => `${pre}${o === 'Ô' || o === 'O' ? 'Chồng' : 'chồng'} ${who}`)
    .replace(/(^|[\s,.;:!?(])([Bb])[àa] nh[àa] (tôi|toi|em|mình|minh)(?![\p{L}\p{N}])/gu, (_m, pre: string, b: string, who: string) => `${pre}${b === 'B' ? 'Vợ' : 'vợ'} ${who}`)
    // (A spouse's age told after the asker's in one sentence, "Tôi 45 tuổi, chủ tiệm tạp hóa, vợ tôi 40 tuổi, người dân
    // tộc Tày": a clause of hers; "Tôi sinh tháng 3/1966, vợ sinh tháng 8/1972" too, and the other way round.)
    .split(/(?<=[.!?;])\s+|,\s+(?=còn\s+(?:tôi|toi|em|mình|minh|tui|vợ|vo|chồng|chong|bố|bo|mẹ|me|cha|anh|chị|chi|con|ông|ong|bà|ba)(?=[\s,])|con\s(?:toi|em|chong|vo|bo|me)\b|(?:tôi|toi)\s+(?:\d|(?:là|la)\s+(?:người|nguoi)\s)|(?:vợ|chồng|vo|chong)\s+(?:tôi|toi|em|mình|minh)\s+\d|(?:vợ|chồng|vo|chong|tôi|toi|em|mình|minh)\s+(?:sinh|sn)\s+(?:(?:ngày|ngay|tháng|thang|năm|nam)\s+)?\d)/iu)
    .map((x) => x.trim())
    .filter((x) => x !== '')
    // (Two people's asks in one sentence, "Bố tôi đóng tiếp bao lâu thì có lương hưu, mẹ tôi đóng mức thấp nhất mỗi tháng
    // bao nhiêu?": an ask each, when both halves are asks of a few words.)
    .flatMap((x) => {
      if (!x.includes('?')) return [x];
      const m = KIN_ASK.exec(x);
      // (Not after a clause of time or condition: "Khi nhận lương hưu, hai vợ chồng có được cấp thẻ BHYT không?".)
      if (!m || words(x.slice(0, m.index)).split(' ').length < 4 || words(x.slice(m.index)).split(' ').length < 5 || has(/^(?:(?:xin hoi|cho (?:toi|em) hoi|vay) )?(?:khi|neu|sau khi|truoc khi|luc|den khi|trong khi|de|hoac)\b/, words(x))) return [x];
      return [`${x.slice(0, m.index)}?`, x.slice(m.index + m[0].length)];
    });
}

/** An opening that asks for a relative, up to its colon ("Tôi hỏi giùm ba tôi:", "Em hỏi hộ mẹ em:"). */
const PROXY_OPENING = /^\s*(?:\S+\s+){0,3}?hoi (?:giup|gium|ho|dum|dum cho|giup cho|gium cho|cho) (?:bo|me|ba|ma|cha|ong|ba noi|ong noi|ba ngoai|ong ngoai|vo|chong)(?: (?:toi|em|minh|tui|e|con))?\s*:\s*/;

/**
 * A letter about two people, each with their own facts and asks ("Chồng tôi sinh 1/1965, … 18 năm. Tôi sinh 6/1969,
 * … 11 năm. Xin hỏi chồng tôi đã đủ điều kiện chưa …? Còn tôi thiếu 4 năm thì …?"), split into each one's turn: their
 * sentences and the asks about them (an ask about both goes to each). Undefined unless exactly two people tell facts
 * and each has an ask, and no death or birth is told.
 */
export function splitByPerson(text: string): PersonTurn[] | undefined {
  const clauses = clausesOf(text);
  // ("Tôi hỏi giùm ba tôi: ba sinh tháng 3/1965, …": the opening names whom the letter is about; what follows is theirs.)
  const proxy = clauses.length > 0 ? PROXY_OPENING.exec(fold(clauses[0]!)) : null;
  if (proxy) clauses[0] = clauses[0]!.slice(proxy[0].length);
  const all = words(text);
  const { kinTold, parentsTold, grandparentsTold } = namedTogether(all);
  // (Nor a birth told only in a grown child's own sentences, "Con gái tôi … đang mang thai, dự sinh tháng 5/2027 …": hers.)
  const childsBirth = (): boolean => clauses.every((c) => !has(BIRTH, words(c)) || ['congai', 'contrai', 'con'].includes(subjectOf(c, kinTold) ?? ''));
  // (A stillbirth, "thai chết lưu", is no death in the family.)
  if (clauses.length < 3 || has(DEATH, all.replace(/\b(?:thai |be |con )?(?:chet luu|luu thai)\b/g, ' '))) return undefined;
  // (A birth is a couple's affair, read whole; beside a brother's or a sister's story, "Chị gái em … định cư … Còn em … dự
  // sinh tháng 4/2027", it is the asker's own. Beside a parent's or a child's story the couple is one turn, read whole, and
  // the other has their own.)
  const couplesBirth = has(BIRTH, all) && !has(SIBLING, all) && !childsBirth();
  const shared: number[] = [];
  const told = new Map<Person, number[]>();
  const asked = new Map<Person, number[]>();
  let current: Person | undefined;
  let lastAsk: Person | 'both' | undefined;
  // (Whether a story was told after the last ask: an ask with no subject of its own is then that story's person's.)
  let toldSinceAsk = false;
  // (A letter without question marks, "Em muốn hỏi: bố em … được không, …; mẹ em thì … có đủ 15 năm không; …": from its
  // ask's opening on, each clause is an ask.)
  const unmarked = !text.includes('?');
  let asking = false;
  clauses.forEach((clause, i) => {
    if (unmarked && has(ASKS_OPEN, words(clause))) asking = true;
    const f = words(clause);
    // ("… bố muốn đóng thêm tự nguyện để tăng lương hưu, lại hỏi có phải mua BHYT hộ gia đình nữa không.": an ask told.)
    const isAsk = clause.includes('?') || asking || has(TOLD_ASK, f.replace(LEAD_IN, '')) || has(/\b(?:hoi|muon biet)\b(?: \w+){1,25} (?:khong|chua)(?: a)?$/, f) || (unmarked && has(UNMARKED_ASK, f));
    // ("Nghe nói từ giữa năm 2025 có chế độ … cho người già": what was heard is about both.)
    // ("Cả hai chúng tôi bắt đầu đóng … từ tháng 1/2019": told of both.)
    // (Unless it tells the asker's own age: "Chào chương trình, tôi năm nay 55 tuổi, nhờ tư vấn giúp hai vợ chồng.")
    if (!isAsk && (has(HEARD, f) || has(BOTH, f) || has(/\bchung toi\b/, f)) && !(has(/\b(?:toi|em|minh)(?: nam nay| nay)? \d{2} tuoi\b/, f) && !has(/\b(?:vo|chong|bo|me|con) (?:toi|em|minh) (?:\w+ )?\d{2} tuoi\b/, f))) {
      shared.push(i);
      return;
    }
    // (The ask's opening is not its subject: "Em muốn hỏi: bố em như vậy …" is about the father.)
    const opening = unmarked && asking ? /^(?:\S+\s+){0,2}?(?:muon |xin )?hoi\s*:?\s*/.exec(fold(clause)) : null;
    // (A parent told of by "Mẹ tôi …" is then "mẹ" alone: "mẹ đã quá tuổi hưu, muốn đóng một lần …".)
    // ("Em trai tôi 16 tuổi …" then "Em tôi còn đi học thì …": the brother, not the asker.)
    const younger = (['emtrai', 'emgai'] as Person[]).find((p) => told.has(p));
    // ("Chồng tôi 63 tuổi …" then "Xin hỏi anh có được đóng thêm không": the husband, by "anh" alone.)
    const bare = f.replace(LEAD_IN, '');
    const spouseByPronoun = told.has('chong') && has(/^(?:anh|anh ay|ong ay|ong xa) (?:co|thi|duoc|da|dang|muon|can|nay|cung|dong|tham gia)\b/, bare) ? 'chong' : told.has('vo') && has(/^(?:chi ay|ba ay|ba xa|co ay) (?:co|thi|duoc|da|dang|muon|can|nay|cung|dong|tham gia)\b/, bare) ? 'vo' : undefined;
    const brother = younger && has(/^(?:(?:xin hoi|con|vay) )?em (?:toi|minh|tui)\b/, f) ? younger : undefined;
    const who = spouseByPronoun ?? brother ?? subjectOf(opening ? clause.slice(opening[0].length) : clause, kinTold, parentsTold || told.has('bo') || told.has('me'), grandparentsTold);
    if (!isAsk) {
      if (who) {
        current = who;
        toldSinceAsk = true;
      }
      if (current === undefined) shared.push(i);
      else told.set(current, [...(told.get(current) ?? []), i]);
      return;
    }
    // (An ask that tells its person's facts, "Tôi 62 tuổi, đã đóng 13 năm, có được … không?", is their story too.)
    if (who && has(FACT, f)) told.set(who, [...(told.get(who) ?? []), i]);
    // Without a subject of its own, an ask is the asker's when "tôi" comes first ("Nếu tôi mất thì vợ tôi có được …", "Xin
    // hỏi 3 năm trước đây của tôi còn được tính không"), else a relative's it names; "Con tôi", with its marks, is the
    // child, no "tôi" of the asker.
    const pf = words(clause.replace(/(^|[\s,])con (?:tôi|toi|em|mình|minh|tui)\b/giu, '$1child'));
    // (A brother or sister named, "Anh tôi tham gia bây giờ thì …": theirs.)
    const sib = SIBLING.exec(pf);
    const ownFirst = has(/^(?:\w+ ){0,3}?(?:toi|tui|minh) /, pf) && !has(/^(?:\w+ ){0,3}?(?:chong|vo|bo|me|cha) (?:toi|em|minh|tui) /, pf) && !(sib && sib.index <= pf.search(/\b(?:toi|tui|minh) /));
    const inside = ownFirst ? 'asker' : (/\b(chong|vo|bo|me|cha) (?:toi|em|minh|tui)\b/.exec(f)?.[1] ?? (sib ? siblingOf(sib) : undefined));
    const named = who ?? (inside ? (inside === 'cha' ? 'bo' : (inside as Person)) : undefined) ?? (has(/\b(?:toi|tui|minh)\b/, pf) ? 'asker' : undefined);
    // ("Vậy vợ chồng em có được nhận … không" beside a sister's story: the asker's couple, not everyone told.)
    const couple = has(/\bvo chong (?:toi|em|minh)\b/, f) && !told.has('chong') && !told.has('vo') && told.has('asker') && !has(/\b(?:bo me|hai (?:ong ba|bo me)|chi em|anh em)\b/, f);
    // ("Chồng tôi muốn dùng lương hưu đóng một lần số năm còn thiếu cho tôi, tôi phải đóng mấy năm …": the asker's ask.)
    const forAsker = has(/\bcho (?:toi|em|minh) (?:toi|em|minh) (?:phai|duoc|co|can)\b/, f);
    const target: Person | 'both' | undefined = couple || forAsker ? 'asker' : has(BOTH, f) ? 'both' : (named ?? (toldSinceAsk && current !== undefined ? current : (lastAsk ?? current)));
    if (target === undefined) return;
    // (The asker's own ask telling a fact, "Còn sổ BHXH của tôi ghi năm sinh 1995 …, tôi phải làm thế nào để sửa?": their story.)
    if (target === 'asker' && !who && has(FACT, f)) told.set('asker', [...(told.get('asker') ?? []), i]);
    lastAsk = target;
    toldSinceAsk = false;
    // ("… và vợ chồng tôi thì ai đóng được" beside a father's story: the asker and the spouse, not the father.)
    const spouse = ([...told.keys()] as Person[]).find((p) => p === 'vo' || p === 'chong');
    const parents = ([...told.keys()] as Person[]).filter((p) => p === 'bo' || p === 'me');
    const both: Person[] = spouse && has(/\bvo chong (?:toi|em|minh|tui)\b/, f) ? ['asker', spouse] : parents.length === 2 && has(/\b(?:bo me|cha me|ba me) (?:toi|em|minh|tui)\b/, f) ? parents : [...told.keys()];
    for (const p of target === 'both' ? both : [target]) asked.set(p, [...(asked.get(p) ?? []), i]);
  });
  // (One child named twice, "Con trai tôi 16 tuổi …" then "Con tôi …": the same person.)
  const son = (['contrai', 'congai'] as Person[]).filter((p) => told.has(p) || asked.has(p));
  if (son.length === 1) {
    for (const m of [told, asked]) {
      const same = m.get('con');
      if (same) {
        m.set(son[0]!, [...(m.get(son[0]!) ?? []), ...same].sort((a, b) => a - b));
        m.delete('con');
      }
    }
  }
  if (couplesBirth) {
    for (const m of [told, asked]) {
      const spouse = [...(m.get('chong') ?? []), ...(m.get('vo') ?? [])];
      if (spouse.length > 0) m.set('asker', [...new Set([...(m.get('asker') ?? []), ...spouse])].sort((a, b) => a - b));
      m.delete('chong');
      m.delete('vo');
    }
  }
  const people = [...told.keys()].filter((p) => (told.get(p) ?? []).some((i) => has(FACT, words(clauses[i]!))) && (asked.get(p) ?? []).length > 0);
  // (The asker's greeting, "Em chào anh chị.", tells no fact: it makes no third person.)
  const factual = [...told.keys()].filter((p) => (told.get(p) ?? []).some((i) => has(FACT, words(clauses[i]!))));
  // (The asker's own opinions beside three relatives' stories, "Tôi nghĩ bố … được hỗ trợ 80%", make no fourth person.)
  if (people.length < 2 || people.length > 3 || factual.filter((p) => p !== 'asker' || asked.has(p)).length > 3) return undefined;
  // (Three sentences: two relatives' facts and one ask about both, "Bố tôi … Mẹ tôi … Hai ông bà có cần …?", or two people each
  // with their own ask, "Tôi … có HĐLĐ …. Vợ bảo tôi đóng thêm …, có được ko? Còn vợ tôi … thì đóng được ko?"; a couple's
  // years asked of both are coupleLead's, "Ông xã tui 52 tuổi …; tui 48 tuổi … Hai vợ chồng mỗi người …".)
  if (clauses.length === 3 && has(BOTH, words(clauses[2]!)) && people.includes('asker')) return undefined;
  return people
    .map((who) => ({
      who,
      story: [...shared, ...told.get(who)!].filter((i) => !asked.get(who)!.includes(i)).sort((a, b) => a - b).map((i) => clauses[i]!),
      asks: asked.get(who)!.map((i) => clauses[i]!),
      firstAsk: asked.get(who)![0]!,
    }))
    .sort((a, b) => a.firstAsk - b.firstAsk);
}
