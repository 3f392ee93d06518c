import { fold, foldWords } from './fold-memo.ts';
import { markAsks } from './ask-marks.ts';
import { has } from './regex-literals.ts';

/** What a message that is not a question about the scheme is. */
export type SmalltalkKind = 'greeting' | 'thanks' | 'offtopic';

const GREETING = /^(?:xin chao|chao|alo|a lo|hi|hello|helo|hey|hj|chao buoi (?:sang|trua|chieu|toi))\b/;
const THANKS = /^(?:(?:ok|oke|okay|vang|da|u|uh|duoc roi|em|chi|anh|minh|toi)\s+)*(?:cam on|tks|thanks|thank you|thank|thx|camon|cm on|c on)\b/;
const ACK = /^(?:ok|oke|okay|okie|vang|da vang|da|u|uh|uhm|da hieu|hieu roi|roger)$/;
/** What the person will do next, after a thanks ("để mai em ra bưu điện đóng", "em sẽ đi đăng ký", "để em về bàn với chồng"). */
const THEN_I_WILL = /^(?:(?:de|mai|sang mai|chieu nay|chieu mai|lat nua|tuan sau|hom nao|khi nao ranh)\s+)*(?:(?:e|em|toi|minh|tui|chau|con)\s+)?(?:se\s+|di\s+|ra\s+|ve\s+|len\s+|qua\s+)+\S/;
/** An ask anywhere in it. */
const ASKS_ANYTHING = /\b(?:khong|ko|chua|gi|nao|sao|bao nhieu|bn|the nao|ntn|dau|khi nao|bao gio|bao lau|may|duoc k|dc k|hoi)\b/;
// Words that carry no question once a greeting or a thanks is removed.
const FILLER = new Set(
  'a ad admin ak ah oi nhe nha nhieu lam ban em anh chi co chu bac minh toi ca nha moi nguoi buoi sang trua chieu toi ngay tot lanh chuc you very much so hieu roi duoc ok oke vang da can hoi muon xin tu van co ai khong ko k day tong dai vien quy quan bo'.split(
    ' ',
  ),
);

/**
 * Greetings and thanks, recognised only when nothing else is asked ("chào ad, đóng bao nhiêu 1 tháng?" is a
 * question). Returns null for anything else; off-topic is decided by the search (no domain words).
 */
export function detectSmalltalk(text: string): Exclude<SmalltalkKind, 'offtopic'> | null {
  const f = foldWords(text);
  if (f.length === 0) return null;
  const words = f.split(' ');
  const onlyFiller = (from: number): boolean => words.slice(from).every((w) => FILLER.has(w));
  const g = GREETING.exec(f);
  if (g) {
    const used = g[0].split(' ').length;
    if (onlyFiller(used)) return 'greeting';
  }
  const t = THANKS.exec(f);
  if (t) {
    const used = t[0].split(' ').length;
    if (onlyFiller(used)) return 'thanks';
    // ("Cảm ơn tổng đài nhiều nha, để mai e ra bưu điện đóng luôn": what the person will do next, nothing asked.)
    if (!text.includes('?') && has(THEN_I_WILL, words.slice(used).filter((w) => !FILLER.has(w) || w === 'em' || w === 'toi' || w === 'minh').join(' ')) && !has(ASKS_ANYTHING, f)) return 'thanks';
  }
  if (has(ACK, f)) return 'thanks';
  return null;
}

/** Fitting replies; the hotline is part of every reply that sends the person elsewhere. */
export const SMALLTALK_REPLIES: Record<SmalltalkKind, string> = {
  greeting:
    'Xin chào! Tôi trả lời các câu hỏi về bảo hiểm xã hội tự nguyện: ai được tham gia, mức đóng, hỗ trợ của Nhà nước, lương hưu, nhận một lần… Anh/chị cứ gõ câu hỏi, có dấu hay không dấu đều được.',
  thanks: 'Cảm ơn anh/chị! Nếu còn thắc mắc về bảo hiểm xã hội tự nguyện, anh/chị cứ nhắn. Tổng đài BHXH Việt Nam: 1900 9068.',
  offtopic:
    'Xin lỗi, tôi chỉ trả lời các câu hỏi về bảo hiểm xã hội tự nguyện (mức đóng, hỗ trợ, lương hưu, nhận một lần, đăng ký…). Việc khác xin anh/chị hỏi nơi phù hợp; về BHXH có thể gọi tổng đài 1900 9068.',
};

// "Xin chào tổng đài,", "Anh chị ơi,", "Kính gửi quý cơ quan:", "Chào ad" before the question (folded text).
const GREETING_WORDS = '(?:(?:xin )?chao|alo|a lo|kinh (?:gui|thua|chao)|thua|hi|hello|dear)';
const ADDRESSEE = '(?:cac )?(?:tong dai(?: vien)?|anh chi|anh/ ?chi|ban bien tap|ad|admin|ban|co quan bhxh|bhxh|quy co quan|luat su|quy bao|chi|anh|em|moi nguoi|ca nha|can bo)';
const WRAPPER_HEAD = new RegExp(
  `^(?:(?:(?:em|toi|minh|chau|con) )?${GREETING_WORDS}(?: ${ADDRESSEE})?(?: (?:oi|a|nhe|nha))?|${ADDRESSEE} oi|${ADDRESSEE}(?=,))(?=[ ,.!:;-])[ ,.!:;-]+`,
);
// "Bà Nguyễn Thị Hoa (Thái Bình) hỏi:", "Bạn đọc hỏi:", "Hỏi:" (a newspaper's framing of the question).
// "Bạn đọc có email abc@gmail.com hỏi:" (an address or a masked phone number among the words).
// "Anh Nguyễn Văn Hùng, trú tại xã Tân Lập, huyện Đan Phượng, Hà Nội hỏi:" (where they live, with commas).
const REPORTER_HEAD =
  /^(?:(?:ong|ba|anh|chi|co|chu|bac|ban doc|doc gia|ban)(?: (?:[a-z]+|[a-z0-9._]+@[a-z0-9.]+|\d+\**)){0,4}(?: \([^)]*\))?(?: [a-z]+){0,2} |(?:ong|ba|anh|chi|co|chu|bac|ban doc|doc gia)(?: [a-z]+){1,4}, (?:tru|o|que|song|ngu|dia chi)\b[^:?!]{0,80} )?hoi ?[:-] */;
// "Cho em hỏi chút ạ.", "Tôi có thắc mắc như sau:", "Nhờ tư vấn giúp:" before the question.
const ASKING_HEAD = new RegExp(
  '^(?:(?:(?:xin )?cho|xin phep cho|nho|vui long) (?:em|minh|toi|chau|con|tui) (?:duoc )?(?:hoi|xin hoi|tu van|giai dap)|(?:xin )?cho hoi|hoi(?= (?:may|vai|mot so|\\d) (?:cai|cau|viec|y|van de)\\b)|(?:em|minh|toi|chau|tui) (?:co|xin|muon) (?:mot )?(?:cau hoi|thac mac|van de|hoi|nho tu van)|(?:xin|nho) (?:tu van|giai dap|hoi))' +
    '(?: (?:chut|mot chut|ti|xiu|1 chut|mot cau|(?:may|vai|mot so|\\d) (?:cai|cau|cau hoi|viec|y|van de)|cau nay|van de nay|nhu sau|giup|voi|a|nhe|nha|ad|ak|can hoi|muon hoi|can tu van|tong dai|luat su|anh chi))*[ ]*[,.!:;?-]+ *' +
    // "Em có câu hỏi muốn nhờ tư vấn như sau:", "Tôi có một thắc mắc mong được giải đáp:" (announced with a colon).
    '|^(?:em|minh|toi|chau|tui) (?:co|xin|muon|can) (?:mot |duoc )?(?:cau hoi|thac mac|van de|vuong mac|hoi|tu van)' +
    // … then only words that announce (no content: "về vấn đề bảo hiểm xã hội tự nguyện như sau:").
    '(?: (?:muon|mong|can|xin|nho|duoc|tu van|giai dap|giup|nhu sau|sau day|can hoi|luat su|tong dai|anh chi|quy|ban|bao|co quan|ve|van de|viec|lien quan|den|chinh sach|che do|bhxh|bao hiem|xa hoi|tu nguyen|cua|minh|toi|em|mot|so|nay))* ?: *',
);
// "… Mong sớm nhận được phản hồi.", "Rất mong nhận được sự tư vấn của luật sư.", "Xin luật sư tư vấn giúp tôi." — a last
// sentence that only asks for an answer.
const CLOSING_SENTENCE =
  /[.!?]\s*(?:(?:rat|kinh|toi|em|minh|chau|con) )?(?:rat )?(?:mong|xin|nho|hy vong|kinh mong|rat mong)(?: (?:som|duoc|nhan|nhan duoc|su|cua|luat su|tong dai|anh chi|quy|ban|bao|co quan|ban bien tap|chuyen gia|toi|em|minh|giup|do|voi|a|nhe|phan hoi|cau tra loi|tra loi|tu van|giai dap|huong dan|giup do|chi dan|xem xet|tu van giup|som nhat|co the|tu|truong hop nay|van de nay))+[ .!]*$/;
// "… Văn bản nào quy định vấn đề này?", "Căn cứ pháp lý nào?": asks for the legal basis, which every answer gives.
const LEGAL_BASIS_SENTENCE = /[.!?]\s*(?:xin hoi |vay |va )?(?:van ban|can cu(?: phap ly)?|quy dinh|luat) nao(?: (?:quy dinh|ve|cho|van de|truong hop|viec|nay|do|a|vay))*[ ?.!]*$/;
// "… (Bạn đọc Trần Thu, Long An)", "… - Câu hỏi của Minh Giang (Thái Bình)", "(abc@gmail.com)": who asked.
const SIGNATURE_TAIL = /(?:[.!?]\s*|\s*[-\u2013(]\s*)(?:cau hoi cua|ban doc|doc gia)\b[^?!]{0,80}$|\s*\([^()]*@[^()]*\)\s*$/;
// "… Xin cảm ơn tổng đài!", "… cảm ơn ạ" after the question.
const WRAPPER_TAIL = /[ ,.!;-]*(?:\b(?:a|em|minh|toi|chau|con)[ ,]+)*(?:(?:xin |tran trong )?(?:chan thanh )?cam on|thanks?|tks)(?: [a-z/]+){0,3}[ .!]*$/;

// "… có được không vậy tổng đài?", "… bao nhiêu ạ ad?": who is asked, after the ask.
const ADDRESSEE_TAIL = /(?<=\b(?:khong|ko|k|chua|gi|nao|sao|bao nhieu|the nao|ra sao|duoc|a))(?: (?:vay|a|ak|nhe|nha))* (?:tong dai(?: vien)?|ad|admin|anh chi|luat su) ?[?.!]*\s*$/;

// "Vậy cho tôi hỏi: …", "Xin hỏi luật sư: …" inside the text: the opener and its question are one sentence.
const OPENER_COLON = /\b(?:xin hoi|cho (?:em |toi |minh |chau |con )?(?:duoc )?hoi|(?:em|toi|minh) (?:xin|muon) hoi)(?: (?:la|rang|luat su|tong dai|anh chi|a|nhu sau))* ?:/g;

/** The question with the colon after an ask opener taken out ("cho tôi hỏi: tôi có…" → "cho tôi hỏi tôi có…"). */
function joinOpeners(text: string): string {
  const f = fold(text);
  if (f.length !== text.length || !f.includes(':')) return text;
  let out = text;
  for (const m of f.matchAll(OPENER_COLON)) {
    const at = m.index + m[0].length - 1;
    out = `${out.slice(0, at)} ${out.slice(at + 1)}`;
  }
  return out;
}

/** Emoji (with their joiners and variation selectors). */
const EMOJI = /[\p{Extended_Pictographic}\u200d\ufe0f]+/gu;
const EMOJI_BETWEEN_WORDS = /(?<=[\p{L}\p{N}])\s*[\p{Extended_Pictographic}\u200d\ufe0f]+\s*(?=\p{L})/gu;
// "Câu hỏi:", "Nội dung câu hỏi:", "Tình huống của tôi như sau:", "Nhờ luật sư tư vấn:" (announce, ask nothing).
const INTRO_HEAD =
  /^(?:(?:(?:\d|may|vai|mot so) )?cau hoi(?: (?:a|nhe|nha|ad))?|(?:\d|may|vai) (?:viec|van de|y)(?: (?:a|nhe|nha|ad))?|(?:noi dung )?cau hoi|tinh huong(?: cua (?:toi|em|minh))?(?: nhu sau)?|truong hop cua (?:toi|em|minh) nhu sau|(?:nho|xin|de nghi|mong) (?:luat su|tong dai|anh chi|quy co quan|ban bien tap|chuyen gia|bao) (?:tu van|giai dap|giup do|huong dan)(?: giup)?(?: (?:cho )?(?:toi|em|minh))?(?: (?:truong hop|van de|tinh huong) (?:sau|nay))?(?: nhu sau)?) ?[:.] */;

/**
 * Remove greetings and thanks around a question ("Xin chào tổng đài, tôi 50 tuổi … ? Cảm ơn ạ") so that the
 * wrapper's words ("tổng đài") do not decide the answer (the text is kept when nothing would remain); each ask is
 * closed by its question mark when the writer left it out (markAsks), so that a second ask is still found.
 */
export function stripWrappers(raw: string): string {
  // (An emoji between words ends a sentence: "Cảm ơn bạn nhiều nha 😊 Cho mình hỏi thêm: …".)
  const text = raw.includes('\u200d') || has(/\p{Extended_Pictographic}/u, raw) ? raw.replace(EMOJI_BETWEEN_WORDS, '. ').replace(EMOJI, ' ').replace(/ {2,}/g, ' ').trim() : raw;
  const f = fold(text);
  const sameLength = f.length === text.length;
  let from = 0;
  let to = f.length;
  // Heads can follow each other: "Bà Hoa (Thái Bình) hỏi: Xin chào luật sư, cho em hỏi chút ạ. …"
  for (let round = 0; round < 4; round++) {
    const rest = f.slice(from);
    const head = [REPORTER_HEAD, WRAPPER_HEAD, ASKING_HEAD, INTRO_HEAD].map((re) => re.exec(rest)).find((m) => m && m[0].trim().length > 0 && has(/[a-z]/, m[0]));
    if (!head) break;
    from += head[0].length;
  }
  // Thanks, "mong được tư vấn", "văn bản nào quy định" sentences and the signature after the question, in any order.
  for (let round = 0; round < 4; round++) {
    const body = f.slice(from, to);
    const tail = WRAPPER_TAIL.exec(body) ?? CLOSING_SENTENCE.exec(body) ?? LEGAL_BASIS_SENTENCE.exec(body) ?? SIGNATURE_TAIL.exec(body);
    // "… có được không vậy tổng đài?": the addressee after the ask, its mark kept.
    const addressee = tail ? null : ADDRESSEE_TAIL.exec(body);
    if (addressee && addressee.index > 0) {
      to = from + addressee.index;
      continue;
    }
    if (!tail || tail.index <= 0) break;
    to = from + tail.index + (body[tail.index] === '.' || body[tail.index] === '!' || body[tail.index] === '?' ? 1 : 0);
  }
  if (from === 0 && to === f.length) return markAsks(joinOpeners(text));
  const rest = (sameLength ? text : f).slice(from, to).trim();
  return markAsks(joinOpeners(foldWords(rest).split(' ').length >= 2 ? rest : text));
}
