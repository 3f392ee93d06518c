import { fold, foldWords } from './fold-memo.ts';
import { has } from './regex-literals.ts';

/**
 * Words that close a question in Vietnamese ("… được không", "… bao nhiêu", "… thế nào"), folded, with the
 * particles that may follow them ("… không ạ", "… thế nào vậy").
 */
const ASK_END =
  /\b(?:khong|ko|kg|k|chua|gi|nao|sao|(?:bao nhieu|bn)(?: tien| nam| thang(?: luong)?| tuoi| lan| phan tram| ?%| (?:mot|1|moi) (?:nam|thang|nguoi|lan))?|may (?:phan tram|nam|thang|tuoi)|the nao|ntn|ra sao|bao lau|dau|khi nao|bao gio)(?: (?:a|ak|ah|vay|nhi|nhe|ha|ad|the|nua))*(?![a-z0-9])/g;
/**
 * After a closing word: an optional sentence mark, then a new sentence or the end. A new sentence is a capitalised
 * word, a new line, one of the words that open a further ask in chat written all in lower case ("… được không
 * nếu được thì …", "… bao lâu còn …"), the number of the next ask ("1) … bao lâu 2) …"), or a comma before "với lại",
 * "thêm nữa", "ngoài ra", or "và" with a new subject ("… hết bao nhiêu một năm, với lại …", "…, và tôi đóng …"). Not
 * "và" alone: "đóng bao nhiêu và trong bao lâu" is one ask of two facets.
 */
const NEXT =
  /^[ \t]*[.;!]?(?:[ \t]*(?=\p{Lu}\p{Ll}|$)|[ \t]*\n\s*|[ \t]+(?=(?:(?:và|va) (?=nếu|neu|còn|khi))?(?:nếu|neu|còn|khi (?=(?:tôi|toi|em|mình|minh) (?:mất|mat|chết|chet))|vậy|vay|xin|cho (?:tôi|toi|em|mình|minh) hỏi|cho (?:tôi|toi|em|mình|minh) hoi)\s|\d{1,2}[).:]\s))|^[ \t]*,[ \t]*(?=(?:với lại|voi lai|thêm nữa|them nua|ngoài ra|ngoai ra|à mà|a ma|(?:và|va) (?:tôi|toi|em|mình|minh|vợ|vo|chồng|chong|mẹ|me|bố|bo|con tôi|con toi))\s)/u;

/**
 * The question with each ask closed by a question mark, when the writer left it out ("… được không. Nếu được
 * thì đóng bao nhiêu" → "… được không? Nếu được thì đóng bao nhiêu?"): the rules that find a second ask read
 * asks by their marks. A closing word counts only at the end of the text or before a new sentence (a capital, a
 * new line, a lower-case "nếu", "còn", "vậy" …), so "không" inside a sentence is left alone. Returns the text
 * unchanged when nothing is missing.
 */
export function markAsks(text: string): string {
  return markStatedAsks(markNumberedAsks(markClosedAsks(markOpenedAsks(markSemicolonAsks(markPersonAsks(text))))));
}

/** A relative or the asker opening a clause after a comma ("…, vợ tôi …", "…, còn con tôi …"). */
const PERSON_AFTER_COMMA =
  /,[ \t]+(?=(?:(?:còn|con|và|va) )?(?:(?:vợ|vo|chồng|chong|bố|bo|mẹ|me|cha|con(?: (?:trai|gái|gai))?|anh(?: trai)?|chị(?: gái)?|chi(?: gai)?|em (?:trai|gái|gai)) (?:tôi|toi|em|mình|minh|tui)|còn (?:tôi|em|mình)|con (?:toi|minh))\s)/giu;
/** An ask inside a clause ("… bao giờ được lương hưu", "… có cần chờ đủ 20 năm không"). */
const CLAUSE_ASKS = /\b(?:bao gio|khi nao|bao nhieu|bao lau|the nao|ntn|ra sao|o dau|lam sao|may (?:phan tram|nam|thang|tuoi)|(?:co|duoc|phai|can|nen)\b(?: \w+)* (?:khong|ko|chua))\b/;

/**
 * A question of several people's asks joined by commas ("Vậy tôi có cần chờ đủ 20 năm không, vợ tôi bao giờ được lương
 * hưu, con tôi đóng thêm được không?"): each clause that asks closes before the next person's.
 */
function markPersonAsks(text: string): string {
  if (!text.includes('?')) return text;
  return text.replace(PERSON_AFTER_COMMA, (comma, at: number) => {
    const after = text.slice(at);
    const end = after.search(/[.!?\n]/);
    // (Only inside a question: "Tôi 56 tuổi, vợ tôi 50 tuổi." tells, it asks nothing.)
    if (end < 0 || after[end] !== '?') return comma;
    const clause = fold(text.slice(0, at)).split(/[.!?;,\n]/).pop() ?? '';
    return has(CLAUSE_ASKS, foldWords(clause)) ? `?${comma.slice(1)}` : comma;
  });
}

/** Capitalised words that open a further ask ("… hưởng BHXH 1 lần Bao lâu sau khi nộp …"). */
const ASK_OPENER = /(?<=[\p{Ll}\d])[ 	]+(?=(?:Bao lâu|Bao nhiêu|Khi nào|Cách tính|Hồ sơ gồm|Thủ tục|Nếu được|Xin hỏi|Cho hỏi)\s)/gu;

/**
 * An ask whose closing word is inside it, written without its mark and followed by a capitalised ask ("… khi nào tôi
 * mới có thể nộp hồ sơ hưởng BHXH 1 lần Bao lâu sau khi nộp hồ sơ …"): closed before the capital, when it asks.
 */
function markOpenedAsks(text: string): string {
  if (text.includes('?')) return text;
  let from = 0;
  return text.replace(ASK_OPENER, (gap, at: number) => {
    const clause = fold(text.slice(from, at));
    from = at;
    return has(CLAUSE_ASK, clause.slice(clause.search(/[^.!;]*$/))) ? `?${gap}` : gap;
  });
}

/** Words that ask anywhere in a clause, for the clauses a semicolon separates. */
const CLAUSE_ASK = /\b(?:bao nhieu|bn|may|the nao|ntn|ra sao|bao lau|o dau|dau|khi nao|bao gio|lam sao|gi|khong|ko|chua|nao)\b/;

/**
 * Asks listed with semicolons ("Tôi hỏi: đóng mức 1,5 triệu hay 3 triệu khác nhau thế nào lúc nhận lương hưu; đóng
 * 15 năm thì được mấy %; nếu tôi chết thì vợ con nhận gì?"): each clause that asks is closed by a question mark.
 */
function markSemicolonAsks(text: string): string {
  if (!text.includes(';')) return text;
  const parts = text.split(';');
  return parts
    .map((part, i) => {
      if (i === parts.length - 1) return part;
      const f = fold(part);
      const next = fold(parts[i + 1]!).trim().split(/\s+/).length;
      return has(CLAUSE_ASK, f) && next >= 3 ? `${part.trimEnd()}?` : `${part};`;
    })
    .join('')
    .replace(/\?(?=\S)/g, '? ');
}

/**
 * A numbered list of asks ("Hỏi 1) đóng 6 tháng/lần thì nộp bao nhiêu 2) hạn nộp 3) nếu vào công ty thì sao"): each
 * item closed by a question mark before the next number, whatever words it ends with.
 */
function markNumberedAsks(text: string): string {
  if (!has(/(?:^|\s)1[).]\s/, text) || !has(/\s2[).]\s/, text)) return text;
  // (The last item too: it asks by its number, whatever word closes it, "… lương hưu khoảng nhiêu".)
  return text.replace(/([^?\s])(\s+)(?=[2-9][).]\s)/g, '$1?$2').replace(/([^?.!\s])\s*$/, '$1?');
}

function markClosedAsks(text: string): string {
  const f = fold(text);
  // Folding keeps the length of NFC Vietnamese text; when it does not, positions would not match: leave it.
  if (f.length !== text.length) return text;
  let out = '';
  let from = 0;
  for (const m of f.matchAll(ASK_END)) {
    const end = m.index + m[0].length;
    // ("Tôi 55 tuổi, không còn đi làm": "không còn" is "no longer", unless a yes-no frame opens the clause.)
    if (has(/^(?:khong|ko|kg|k)$/, m[0]) && has(/^ con\b/, f.slice(end)) && !has(YES_NO_FRAME, f.slice(Math.max(0, m.index - 80), m.index))) continue;
    // ("Tôi chưa đóng bảo hiểm bao giờ. Giờ …": "chưa … bao giờ" is never, not when.)
    if (has(NEVER_BEFORE, m[0]) && has(/\bchua\b(?: \w+){0,5} $/, f.slice(Math.max(0, m.index - 40), m.index))) continue;
    // "… hay không", "… được chưa" close an ask even before a lower-case word ("… hay không những quyền lợi …").
    const strong = has(/^(?:khong|chua)\b/, m[0]) && has(/(?:^|\s)(?:hay|duoc) $/, f.slice(Math.max(0, m.index - 5), m.index));
    const next = NEXT.exec(text.slice(end)) ?? (strong ? /^[ \t]*[.;!]?[ \t]+(?=\p{Ll})/u.exec(text.slice(end)) : null) ?? commaAsk(f, m, end, text);
    if (!next) continue;
    // The mark left out becomes "?"; a line break after it stays one.
    const gap = next[0].replace(/[.;!]/, '');
    out += `${text.slice(from, end)}?${gap.includes('\n') ? gap : next[0].length > 0 ? ' ' : ''}`;
    from = end + next[0].length;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** "bao giờ" closing a clause: after "chưa …" it is "never" ("chưa đóng bao giờ"), no ask. */
const NEVER_BEFORE = /^bao gio\b/;
/** Words that close an ask before a comma ("… có được cấp thẻ BHYT không, chết thì gia đình được gì, và …"). */
const COMMA_CLOSER = /^(?:khong|ko|kg|k|chua|gi|bao nhieu|bn|may (?:phan tram|nam|thang|tuoi)|the nao|ntn|ra sao|dau|khi nao|bao gio|bao lau)\b/;
/** A yes-no frame earlier in the same clause ("có … không", "được … chưa"): "không" there asks, it does not deny. */
// ("… 2 năm của vợ em còn tính không, …", "… 6 tháng đó bị mất không, …": "còn", "bị" frame one too.)
const YES_NO_FRAME = /\b(?:co|duoc|dc|phai|nen|con|bi)\b(?:(?![,.;!?]).)*$/;

/**
 * A comma that ends an ask and starts another of at least three words ("… không, chết thì gia đình được gì, và có
 * rút 1 lần được không", "… bao nhiêu, đủ 15 năm thì …"): "không" and "chưa" only in a yes-no frame of their clause.
 */
function commaAsk(f: string, m: RegExpMatchArray, end: number, text: string): RegExpExecArray | null {
  if (!has(COMMA_CLOSER, m[0])) return null;
  // ("Mẹ e 78t chưa đóng bh gì bao giờ, có được …": "chưa … bao giờ" is never, not when.)
  if (has(NEVER_BEFORE, m[0]) && has(/\bchua\b(?: \w+){0,5} $/, f.slice(Math.max(0, (m.index ?? 0) - 40), m.index))) return null;
  if (has(/^(?:khong|ko|kg|k|chua)\b/, m[0]) && !has(YES_NO_FRAME, f.slice(Math.max(0, (m.index ?? 0) - 80), m.index))) return null;
  return /^[ \t]*,[ \t]*(?=(?:[\p{L}\d]+ ){2}[\p{L}\d]+)/u.exec(text.slice(end));
}

/**
 * Words that ask wherever they stand in a sentence ("Tôi cần đến đâu để làm thủ tục.", "Mức đóng bao nhiêu một
 * tháng."): unlike "không" or "gì", they do not also deny or state.
 */
// ("… thì liên hệ ai": who to turn to.)
const STRONG_ASK = /\b(?:bao nhieu|the nao|ra sao|bao lau|o dau|den dau|lam sao|duoc khong|hay khong|hay chua|duoc chua|la gi|(?:lien he|hoi|gap|tim|goi) ai)\b/;
/** "Có … không", "được … chưa" closing a sentence: a yes-no question, even before a full stop and a lower-case word. */
const YES_NO = /\b(?:co|duoc|phai|du|nen)\b.*\b(?:khong|ko|kg|chua)(?: (?:a|ak|ah|vay|nhi|nhe|ha|ad))*$/;

/** A sentence that asks with such words, or as a yes-no question, but was closed with a full stop (or nothing) gets its question mark. */
function markStatedAsks(text: string): string {
  const f = fold(text);
  if (f.length !== text.length) return text;
  let out = '';
  let from = 0;
  // Sentences end at ".", "!", "?", a new line or the end; "?" already asks.
  for (const m of f.matchAll(/[^.!?\n]+(?:[.!?]+|(?=\n)|$)/g)) {
    const sentence = m[0];
    const body = sentence.replace(/[.!]+$/, '');
    if (sentence.includes('?') || !(has(STRONG_ASK, sentence) || has(YES_NO, body.trim()))) continue;
    out += `${text.slice(from, m.index + body.trimEnd().length)}?`;
    from = m.index + body.trimEnd().length + (sentence.length - body.length > 0 ? 1 : 0);
  }
  return from === 0 ? text : out + text.slice(from);
}

/** A clause that ends as a question does, within its last few words ("… có bị mất k", "… hết bao nhiêu tiền"). */
// ("… có cách nào khác để lo cho mẹ": a way asked, its purpose after it.)
const ENDS_AS_ASK = /\b(?:bao nhieu|khong|ko|k|hok|hong|chua|the nao|ra sao|o dau|gi|nao|sao|duoc khong|may|bao gio|khi nao|bao lau)(?: \w+){0,2}$|\bcach nao(?: \w+){0,5}$/;

/**
 * A message written without question marks ("… đóng 1 năm 1 lần thì hết bao nhiêu tiền, nếu sau này đi làm công ty
 * thì số năm tự nguyện có bị mất k, và …"): its clauses that end as questions do, each closed with one.
 */
export function markClauseAsks(text: string): string {
  return text.replace(/[^,.;!\n]+(?=[,.;!\n]|$)/g, (clause) => (has(ENDS_AS_ASK, foldWords(clause)) ? `${clause.trimEnd()}?` : clause));
}
