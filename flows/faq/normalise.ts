import { fold, foldWords } from './fold-memo.ts';
import { piecesOf, TextTrigrams, has } from './regex-literals.ts';
import { registerDk } from './ask-text.ts';

/**
 * Matching text for the FAQ: fold (src/text/vietnamese.ts), expand the abbreviations residents type,
 * canonicalise a few domain phrases, then produce syllable tokens plus syllable bigrams. Vietnamese words are
 * often two syllables ("luong huu", "mot lan"), so bigrams carry most of the meaning; unigrams catch the rest.
 */

/** Single-word abbreviations and spelling variants → their expansion (already folded). */
const WORD_MAP: Record<string, string> = {
  bhxh: 'bao hiem xa hoi',
  bhxhtn: 'bao hiem xa hoi tu nguyen',
  bh: 'bao hiem',
  bhyt: 'bao hiem y te',
  tn: 'tu nguyen',
  ko: 'khong',
  k: 'khong',
  kg: 'khong',
  kh: 'khong',
  khg: 'khong',
  hok: 'khong',
  hong: 'khong',
  hem: 'khong',
  dc: 'duoc',
  dk: 'duoc',
  đc: 'duoc',
  duoc: 'duoc',
  j: 'gi',
  ji: 'gi',
  sv: 'sinh vien',
  xkld: 'xuat khau lao dong',
  sdt: 'so dien thoai',
  sđt: 'so dien thoai',
  dt: 'dien thoai',
  lg: 'luong',
  sn: 'sinh',
  tr: 'trieu',
  trieu: 'trieu',
  ntn: 'nhu the nao',
  bn: 'bao nhieu',
  bnhieu: 'bao nhieu',
  trc: 'truoc',
  trk: 'truoc',
  bnh: 'bao nhieu',
  nhiu: 'nhieu',
  bnhiu: 'bao nhieu',
  vs: 'voi',
  e: 'em',
  ng: 'nguoi',
  nguoi: 'nguoi',
  cty: 'cong ty',
  ct: 'cong ty',
  tt: 'thu tuc',
  hs: 'ho so',
  tg: 'thoi gian',
  ck: 'chong',
  vk: 'vo',
  dky: 'dang ky',
  dki: 'dang ky',
  ki: 'ky',
  ti: 'ty',
  li: 'ly',
  qui: 'quy',
  nhieu: 'nhieu',
  hnay: 'hom nay',
  ntn2: 'nhu the nao',
  lanh: 'nhan',
  linh: 'nhan',
  chet: 'qua doi',
  lhe: 'lien he',
  hotline: 'tong dai',
  online: 'truc tuyen',
  onl: 'truc tuyen',
  app: 'ung dung',
  bt: 'binh thuong',
  mk: 'mat khau',
  pass: 'mat khau',
  cmnd: 'can cuoc',
  cccd: 'can cuoc',
  tks: 'cam on',
  thanks: 'cam on',
  thank: 'cam on',
  thx: 'cam on',
  ok: 'ok',
  hn: 'ha noi',
  hcm: 'ho chi minh',
  tphcm: 'ho chi minh',
  sg: 'sai gon',
  // Contracts and workers as newspapers abbreviate them ("HĐLĐ", "NLĐ").
  hdld: 'hop dong lao dong',
  nld: 'nguoi lao dong',
  // Real words the knowledge base does not use, kept as they are: the typo corrector would otherwise turn them
  // into its own words one letter away ("mong" → "dong", "chao" → "cho", "rang" → "dang", "thac" → "hoac",
  // "hoang" → "khong", "tiem" (a shop) → "tien", "HĐLĐ" → "hdnd"). Found by running the corrector on every
  // question of the sets and on common names, places and words of letters to the press.
  giang: 'giang', mong: 'mong', giao: 'giao', chao: 'chao', trang: 'trang', trai: 'trai', nhien: 'nhien',
  thac: 'thac', ngoc: 'ngoc', vinh: 'vinh', quay: 'quay', lang: 'lang', chau: 'chau', kieu: 'kieu', canh: 'canh',
  tron: 'tron', thao: 'thao', hoang: 'hoang', kenh: 'kenh', sung: 'sung', xuan: 'xuan', rang: 'rang', giap: 'giap',
  chang: 'chang', tieng: 'tieng', cuon: 'cuon', luan: 'luan', khanh: 'khanh', nguon: 'nguon', nung: 'nung',
  ngot: 'ngot', thuy: 'thuy', ngai: 'ngai', phuoc: 'phuoc', cuong: 'cuong', tuyet: 'tuyet', lich: 'lich',
  bich: 'bich', huynh: 'huynh', thach: 'thach', thom: 'thom', khuon: 'khuon', loan: 'loan', choi: 'choi',
  nghien: 'nghien', khach: 'khach', khang: 'khang', khiem: 'khiem', giau: 'giau', hoai: 'hoai', mieng: 'mieng',
  muoi: 'muoi', ngang: 'ngang', nhin: 'nhin', oanh: 'oanh', phia: 'phia', phieu: 'phieu', tanh: 'tanh', thau: 'thau',
  vuon: 'vuon', xanh: 'xanh', chuot: 'chuot',
  bieu: 'bieu', chanh: 'chanh', kiet: 'kiet', nhuong: 'nhuong', quynh: 'quynh', thien: 'thien', thinh: 'thinh',
  tiem: 'tiem', uyen: 'uyen',
};

/**
 * Multi-word canonicalisations applied to the space-joined folded text (after WORD_MAP). Order matters. A third
 * element, when given, is a piece of text the phrase cannot match without.
 * The name of the scheme itself is in nearly every question, so it is removed; what distinguishes questions
 * is the rest ("bao hiem y te" stays as its own token "bhyt").
 */
const PHRASES: ReadonlyArray<readonly [RegExp, string, string?]> = [
  [/\bbao hiem y te\b/g, 'bhyt'],
  [/\bthe bao hiem\b/g, 'the bhyt'],
  [/\bbao hiem xa hoi tu nguyen\b/g, ' '],
  [/\bbao hiem tu nguyen\b/g, ' '],
  [/\bbao hiem xa hoi\b/g, ' '],
  // Plain "bảo hiểm" is the scheme too (health insurance became "bhyt" above).
  [/\bbao hiem\b(?! (?:nhan tho|that nghiep|tai nan|xe|y te))/g, ' '],
  [/\btu nguyen\b/g, ' tunguyen '],
  // Places whose name holds "an" ("quê Nghệ An"): no "án" (a court's sentence) of the prison rule.
  [/\b(?:nghe an|long an|an giang|di an|thuan an|tan an|hoai an|binh an)\b/g, ' ', ' an'],
  [/\b1 lan\b/g, 'mot lan'],
  // "Có bị lỗ không" is a loss (unaccented "lo" is also "lỡ", missed: "bị lỡ hạn" keeps its noun after it).
  [/\b(co |bi |co bi )lo (?=khong\b|chu\b|a\b|ha\b|$)/g, '$1thiet ', ' lo '],
  // "Đóng 1 cục" is paying in one go.
  [/\b(?:1|mot) cuc\b/g, 'mot lan', ' cuc'],
  [/\b1 thang\b/g, 'mot thang'],
  [/\b1 nam\b/g, 'mot nam'],
  [/\bbao nhieu\b/g, 'bao_nhieu'],
  [/\bmay (?=tram|nghin|trieu|tien|phan tram|nam|thang|tuoi|lan)/g, 'bao_nhieu '],
  [/\bhet (?=bao_nhieu)/g, ''],
  [/\bqua doi\b|\btu vong\b|\btu tran\b|\bmat di\b|\bda mat\b/g, 'qua_doi'],
  [/\bve huu\b/g, 'nghi huu'],
  // Colloquial: "ăn lương hưu", "tiền hưu", "lãnh hưu" all mean drawing a pension.
  [/\b(?:an|nhan) (?:luong )?huu\b/g, 'huong luong huu'],
  [/\btien huu\b/g, 'luong huu'],
  [/\b(?:che do |huong )?huu tri\b/g, ' luong huu '],
  [/\bmai tang phi\b/g, 'mai tang'],
  // Dialysis ("chạy thận nhân tạo") is an illness, not the relatives ("thân nhân" folds the same).
  [/\b(?:chay )?than nhan tao\b/g, 'chay than', 'than nhan tao'],
  // "bỏ cấp huyện": the districts done away with, not "bố".
  [/\bbo (?:cap )?huyen\b/g, 'khong con cap huyen'],
  // "Bé mất trong bụng": a stillbirth, not a member's death.
  [/\b(?:be|con|thai|thai nhi|em be)(?: (?:bi|da))? (?:mat|chet|khong con) (?:\w+ )?trong bung(?: me)?\b/g, 'thai chet luu'],
  [/\b(?:be|con|thai|thai nhi)(?: \d{1,2} tuan)?(?: bi)? luu (?:\w+ )?trong bung(?: me)?\b/g, 'thai luu'],
  [/\bsinh em be\b|\bsinh em\b|\bde con\b|\bsinh de\b/g, 'sinh con'],
  [/\bcan ngheo\b/g, 'canngheo'],
  [/\bho ngheo\b/g, 'hongheo'],
  [/\bdan toc thieu so\b|\bdan toc\b/g, 'dantoc'],
  // "ngàn" is a thousand only after a number ("ngân hàng" folds to "ngan hang" too).
  [/\b(\d+) ngan\b/g, '$1 nghin'],
  // The polite "ạ" ("… được không ạ?") says nothing, but its bigrams pulled questions towards other entries.
  [/\b(?:a|ak|ah)\b/g, ' '],
  // "… được hay không?", "đã … hay chưa?" ask the same as "… được không?", "đã … chưa?".
  [/\bhay (khong|chua)\b/g, '$1'],
  // "ra sao" asks as "thế nào"; a monthly allowance or pension "mỗi tháng" is the "hằng tháng" one.
  [/\bra sao\b/g, 'the nao'],
  [/\b(tro cap|tuat|luong huu) moi thang\b/g, '$1 hang thang'],
  // "Có bắt buộc phải đóng hằng tháng không" asks whether one must, not about compulsory insurance.
  [/\bco bat buoc (?:phai )?(dong|nop|tham gia)\b/g, 'co phai $1', 'co bat buoc'],
  // A trade done online ("bán hàng online") tells the work, not a way to pay.
  [/\b(ban hang|kinh doanh|buon ban|ban do|ban quan ao) (?:online|onl|truc tuyen|qua mang|tren mang)\b/g, '$1'],
];

/** Each phrase's literal pieces, one of which it cannot match without (see regex-literals.ts). */
const PHRASE_PIECES = PHRASES.map(([re]) => piecesOf(re));
const phraseGrams = new TextTrigrams();

/** Words too common to say anything about the topic on their own (bigrams still keep them). */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a ad admin ak ah oi nhe nha nhi ha vay thi la ma va cua cho voi nay do day kia cac nhung nhu toi minh em anh chi ban
   cau xin hoi giup vui long u uh roi cung se dang da neu vi nen hoac ve tai tu co khong duoc gi nao sao the
   ca moi phai can muon biet lam duoc duoc ra vao len trong khi nao ai o bao nhieu rang tunguyen hien nay ba ong
   bac chu co chau con`.split(/\s+/).filter(Boolean),
);

/** Maps a folded word the knowledge base does not know to the word the person probably meant (typos). */
export type WordCorrector = (word: string) => string;

/**
 * Fold and expand abbreviations: the canonical word sequence used for tokens and rules. With `correct`, words
 * that are neither abbreviations nor known are first corrected (a typo in "nguyeen" would otherwise hide cues).
 */
export function canonicalWords(text: string, correct?: WordCorrector): string[] {
  let s = registerDk(foldWords(text))
    // "1tr5", "2tr" → "1 trieu 5"; "1500k" → "1500 nghin"
    .replace(/\b(\d+)tr(\d*)\b/g, (_m, a: string, b: string) => `${a} trieu${b ? ` ${b}` : ''}`)
    .replace(/\b(\d+)k\b/g, '$1 nghin')
    .replace(/\b(\d+) k\b/g, '$1 nghin')
    // "15n", "12nam", "58tuoi": the unit glued to the number.
    .replace(/\b(\d{1,2})n\b/g, '$1 nam')
    .replace(/\b(\d{1,2})(nam|thang|tuoi)\b/g, '$1 $2')
    // "58t": an age (a count of months is written "6th", "6 thang").
    .replace(/\b([1-9]\d)t\b/g, '$1 tuoi');
  s = s
    .split(' ')
    .map((w) => WORD_MAP[w] ?? (correct ? correct(w) : w))
    .join(' ');
  s = ` ${s} `;
  // (A phrase is looked for only when its telltale words are there, or could be by the text's trigrams:
  // canonicalisation runs many times per answer.)
  phraseGrams.reset(s);
  for (let i = 0; i < PHRASES.length; i++) {
    const [re, to, when] = PHRASES[i]!;
    if ((when !== undefined && !s.includes(when)) || !phraseGrams.mayContain(PHRASE_PIECES[i]!)) continue;
    const next = s.replace(re, to);
    if (next !== s) phraseGrams.reset((s = next));
  }
  return s.split(/\s+/).filter(Boolean);
}

/** Canonical text (space-joined canonical words) for rule matching. */
export function canonicalText(text: string): string {
  return canonicalWords(text).join(' ');
}

/** Tokens of a text: unigrams that are not stop words, plus bigrams "a_b" unless both halves are stop words. */
export function tokenize(text: string): string[] {
  return tokensOfWords(canonicalWords(text));
}

/** Tokens from an already canonical word sequence. */
export function tokensOfWords(words: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (!STOP_WORDS.has(w) && w.length > 0) out.push(w);
    const next = words[i + 1];
    if (next !== undefined && !(STOP_WORDS.has(w) && STOP_WORDS.has(next)) && !w.includes('_') && !next.includes('_')) {
      out.push(`${w}_${next}`);
    }
  }
  return out;
}

/** A part of a question with the weight its words get in the search (the main ask counts fully). */
export interface WeightedPart {
  words: string[];
  weight: number;
  /** The situation told around the asks (not an ask itself). */
  story?: boolean;
}

// Markers of an interrogative clause, on folded text (before expansion, so both "ko" and "khong" appear).
const INTERROGATIVE =
  /\b(?:khong|ko|k|hok|hong|chua|gi|j|nao|sao|bao nhieu|bn|bnhieu|may|the nao|ntn|ra sao|o dau|khi nao|bao gio|bao lau|ai|hay|duoc ko|dc ko|co phai|dung khong|la gi)\b/;

/** Weight of a question that follows the first one ("…? Mức đóng thế nào?"). */
const LATER_ASK_WEIGHT = 0.85;
/** Weight of a conditional follow-up ("Nếu được thì mức hưởng tính thế nào?"). */
const FOLLOW_UP_WEIGHT = 0.45;
const FOLLOW_UP = /^(?:con |va |vay )?neu\b/;
// "Xin hỏi", "cho em hỏi", "hỏi:" open the question itself: cut the story there even without punctuation.
const ASK_OPENER = /\b(xin hoi|cho (?:em |toi |minh |chau |con )?hoi|em xin hoi|toi xin hoi)\b/g;

// Polite closers carry no ask ("Mong được giải đáp.", "Xin cảm ơn!").
const CLOSER = /^(?:(?:rat )?mong (?:duoc )?(?:quy co quan |ban bien tap |bao |anh chi )?(?:giai dap|tra loi|huong dan|tu van|giup do)|xin (?:chan thanh )?cam on|tran trong cam on|cam on|xin tran trong cam on)\b/;

// "Đề nghị cơ quan BHXH giải đáp giúp." closes; "Đề nghị cho biết mức hưởng…" asks: only short ones close.
const REQUEST_CLOSER = /^(?:de nghi|kinh mong|mong) (?:\w+ ){0,6}(?:giai dap|tra loi|huong dan|tu van|giup do|giup)(?: \w+){0,2}$/;
/** An opener standing alone before a colon ("Cho em hỏi:", "Xin hỏi:"): it asks nothing by itself. */
const OPENER_ONLY = /^(?:(?:xin|cho|cho phep) )?(?:(?:toi|em|e|minh|chau|con|tui|anh|chi) )?(?:xin )?(?:duoc )?hoi(?: (?:chut|xiu|voi|ti|a|ad|nhe|ak|ah|cac|ban|tong dai|oi|ad oi))*$/;
const isCloser = (f: string): boolean => has(CLOSER, f) || has(OPENER_ONLY, f) || (has(REQUEST_CLOSER, f) && f.split(' ').length <= 10);
// "Tôi muốn làm thủ tục hưởng BHXH một lần." states what the person wants: part of the ask, not story.
const INTENT = /(?<!khong |chua )\b(?:muon|dinh|du dinh|mong muon|can) (?:\w+ ){0,3}(?:lam thu tuc|huong|nhan|rut|chuyen|mua|dang ky|tham gia|dong tiep|dong them)\b/;
const INTENT_WEIGHT = 0.7;
// "Tôi muốn hỏi về chế độ thai sản." names the subject even without a question mark.
const ASKS_ABOUT = /\b(?:hoi|thac mac|tim hieu|tu van) (?:\w+ ){0,2}ve\b/;

/**
 * Split a question into its asks and the story around them. People write a paragraph that tells their
 * situation and then asks, often more than once ("Tôi có được rút một lần không? Nếu được thì mức hưởng tính
 * thế nào?"). The first real question carries the topic (weight 1), later ones a little less, conditional
 * follow-ups less again; the story keeps a low weight (it still helps when the ask is vague, "vậy tôi phải
 * làm sao?"). Without a question mark, the last sentence with an interrogative word is the ask.
 */
export function splitMainAsk(text: string, storyWeight = 0.3, correct?: WordCorrector): WeightedPart[] {
  const canon = (t: string): string[] => canonicalWords(t, correct);
  const folded = fold(text).replace(ASK_OPENER, '. $1');
  const sentences = folded
    .split(/(?<=[?!.;:\n])\s*|\n+/)
    // ", và nếu nhận thì…?" is a conditional follow-up inside a sentence: cut it off like one, and keep the
    // clause before it a question if it asks something ("…được không, và nếu nhận thì…?").
    .flatMap((s) => {
      const pieces = s.split(/,\s*(?:va |con )?(?=neu )/);
      return pieces.map((p, i) => (i < pieces.length - 1 && has(INTERROGATIVE, foldWords(p)) ? `${p}?` : p));
    })
    .map((s) => s.trim())
    .filter((s) => foldWords(s).length > 0 && !isCloser(foldWords(s)));
  if (sentences.length === 0) return [{ words: canon(text), weight: 1 }];
  if (sentences.length === 1) return [{ words: canon(sentences[0]!), weight: 1 }];
  const weights = new Array<number>(sentences.length).fill(0);
  const marked = sentences
    .map((s, i) => (s.includes('?') || has(/^(?:xin hoi|cho |em xin|toi xin)/, s) || has(ASKS_ABOUT, foldWords(s)) ? i : -1))
    .filter((i) => i >= 0);
  if (marked.length > 0) {
    let first = true;
    for (const i of marked) {
      const conditional = has(FOLLOW_UP, foldWords(sentences[i]!));
      weights[i] = conditional ? FOLLOW_UP_WEIGHT : first ? 1 : LATER_ASK_WEIGHT;
      if (!conditional) first = false;
    }
    if (first) weights[marked[0]!] = 1; // only conditional asks: the first one is the main ask
    sentences.forEach((sentence, i) => {
      if (weights[i] === 0 && has(INTENT, foldWords(sentence))) weights[i] = INTENT_WEIGHT;
    });
  } else {
    let main = sentences.length - 1;
    for (let i = sentences.length - 1; i >= 0; i--) {
      if (has(INTERROGATIVE, foldWords(sentences[i]!))) {
        main = i;
        break;
      }
    }
    weights[main] = 1;
  }
  const parts: WeightedPart[] = [];
  const mainIdx = weights.indexOf(1);
  parts.push({ words: canon(sentences[mainIdx]!), weight: 1 });
  sentences.forEach((sentence, i) => {
    const w = weights[i]!;
    if (i !== mainIdx && w > 0) parts.push({ words: canon(sentence), weight: w });
  });
  // A very short ask ("Vậy tôi phải làm sao?") leans on the sentence just before it.
  const mainWords = parts[0]!.words;
  const contentCount = mainWords.filter((w) => !STOP_WORDS.has(w)).length;
  const story = sentences.filter((_s, i) => weights[i] === 0);
  const prevIdx = mainIdx - 1;
  if (contentCount <= 2 && prevIdx >= 0 && weights[prevIdx] === 0) {
    parts.push({ words: canon(sentences[prevIdx]!), weight: 0.8 });
    const others = sentences.filter((_s, i) => weights[i] === 0 && i !== prevIdx);
    if (others.length > 0) parts.push({ words: canon(others.join(' ')), weight: storyWeight, story: true });
  } else if (story.length > 0) {
    parts.push({ words: canon(story.join(' ')), weight: storyWeight, story: true });
  }
  return parts;
}
