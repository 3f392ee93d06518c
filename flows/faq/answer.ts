import type { KbEntry, Topic } from './kb.ts';
import type { FaqIndex, SearchOutcome } from './search-index.ts';
import { searchFaq } from './search-index.ts';
import { askerOwnText, coupleLead, deceasedOwnText, relativeOwnText } from './couple.ts';
import { clausesByPerson, DEATH, FACT, PERSON_NAME, PERSON_PRONOUN, PERSON_SEX, saidOf, splitByPerson, type Person } from './two-people.ts';
import { fold, foldWords } from './fold-memo.ts';
import { markClauseAsks } from './ask-marks.ts';
import { detectSmalltalk, SMALLTALK_REPLIES, stripWrappers, type SmalltalkKind } from './smalltalk.ts';
import { adviseFor, asksToPayMore, babiesBorn, DEATH_SUPPOSED, KEPT_WHEN_PAUSED, monthsBeforeBirthLead, PAST_FIFTEEN_ONCE, PENSIONER_PAYS_MORE, SOCIAL_ALLOWANCE_LEAD, birthsSum, illRelative, situationalAdvice, transitionalLumpSumLead, yearsLead, type AnswerPart, type Clarify } from './advice.ts';
import { asksRetirementDate, AVERAGE_NOT_LAST_YEARS, BIRTH_TOLD, BOTH_VOLUNTARY, fatherInTimeLead, JOB_LEFT, LOSES_PAID, notTransitionalLead, paidWithin, RATE_ASKED, routeAsk, spouseInAScheme, VILLAGE_POST } from './ask-routes.ts';
import { retirementDateLead } from './retirement-date.ts';
import { ratePct, ratesForYearsLead, spell, startLead, transitionalEarly, yearsAsked } from './leads.ts';
import { HOUSEHOLD_CARD, householdCardLead, OWN_CARD_PRICE } from './household-card.ts';
import { funeralOfMonthLead, ILL_SETTLED, pensionerSurvivorLead, survivorLead } from './survivor-lead.ts';
import { ASKS_PENSION_AMOUNT, contributionLead, ISLAND, missingYearsCostLead, pensionEstimateLead, targetPensionLead } from './contribution-lead.ts';
import { lumpSumMonthsLead } from './lump-sum-estimate.ts';
import { askWords, healthCardOnly } from './ask-text.ts';
import { addFacetParts, composeReply, facetAlreadyGiven, MAX_ASKS } from './compose.ts';
import { readSituation, type Situation } from './situation.ts';
import { canonicalText } from './normalise.ts';
import { today, withYearsTold, yearOf, type AsOfDay } from './as-of.ts';
import { familyJoinLead } from './family-join.ts';
import { has } from './regex-literals.ts';

/** The hotline every "not sure" reply offers (DESIGN.md, the campaign). */
export const HOTLINE = '1900 9068';

/**
 * Below this confidence the bot says it is not sure and offers the closest questions. Chosen on the dev set
 * (test/fixtures/faq/dev-set.jsonl): with the real knowledge base no correctly answered dev question scores
 * below 0.3, so 0.2 keeps a margin for unseen wording; off-topic text is caught before (no domain word).
 */
export const CONFIDENCE_THRESHOLD = 0.2;

/**
 * Words that place a message in the domain. Without one of them a message is off-topic ("giá vàng hôm nay
 * bao nhiêu" shares "bao nhiêu" with half the knowledge base, but is not ours).
 */
const DOMAIN_ANCHOR =
  /\b(?:bhxh|bh|bhyt|bhtn|bao hiem|tu nguyen|tunguyen|tn|luong huu|huu|nghi huu|dong|nop|ho tro|thai san|sinh con|mai tang|tuat|tu tuat|qua_doi|rut|mot lan|so bao|so bhxh|vssid|dang ky|tham gia|tong dai|muc dong|tro cap|hongheo|canngheo|dantoc|chinh sach|an sinh|phat dong|chien dich|thu nhap|khai|tuoi|nam dong|thang dong|bat buoc|kham benh|the bhyt|tuyen truyen|van dong|lien he|can bo|tu van|co quan|nhan tin|tin nhan|dai ly|khieu nai|che do|phan anh|ra quan|thang van dong|chon muc|muc thu nhap|nenkin|(?:du )?(?:15|20) nam|sinh doi|sinh ba|thoi gian (?:lam viec|cong tac|di lam|xuat khau lao dong)|xuat khau lao dong|15 nam hay 20 nam|20 nam hay 15 nam)\b/;

/** What residents ask most (DESIGN.md), offered when a message matches nothing at all. */
const POPULAR_TOPICS: readonly Topic[] = ['contribution_amount', 'subsidy', 'pension_conditions', 'lump_sum'];

/** A closest question offered when the bot is not sure. */
export interface Alternative {
  entryId: string;
  question: string;
}

/** What the FAQ answers to one message. */
export interface FaqAnswer {
  /** The entry's topic; "unknown" below the threshold; "other" for greetings, thanks and off-topic text. */
  topic: Topic | 'unknown';
  /** The answering entry; null when unsure or for smalltalk. */
  entryId: string | null;
  confidence: number;
  /** The reply text for chat channels (long answer when the entry has one). */
  answer: string;
  alternatives: Alternative[];
  kind: 'entry' | 'unsure' | 'clarify' | SmalltalkKind;
  /** The answering entry itself (null when unsure or smalltalk). */
  entry: KbEntry | null;
  /** Every ask answered, each with the sentence that applies it to the person (empty unless kind is "entry"). */
  parts: AnswerPart[];
  /** The question back when the answer turns on a missing fact (kind "clarify"). */
  clarify: Clarify | null;
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

/** How sure the match is: coverage of the ask by the best entry, strength of the topic, and its lead. */
export function confidenceOf(outcome: SearchOutcome): number {
  const [first, second] = outcome.topics;
  if (!first) return 0;
  const margin = second ? Math.max(0, (first.score - second.score) / first.score) : 1;
  const strength = Math.min(1, first.score / 1.4);
  const conf = 0.4 * outcome.bestCoverage + 0.35 * strength + 0.25 * margin;
  // A question whose words the index does not know is not ours, whatever the rules said.
  const known = Math.max(Math.min(1, outcome.coverage / 0.5), first.rules >= 0.5 ? 0.8 : 0);
  return round(Math.max(0, Math.min(1, conf * (0.4 + 0.6 * known))));
}

/** The closest entries, best first, one line each (for quick replies). */
export function closestQuestions(index: FaqIndex, outcome: SearchOutcome, n = 3): Alternative[] {
  if (n <= 0) return [];
  const ruleOf = new Map(outcome.topics.map((t) => [t.topic, t.rules]));
  // The n best by search score plus their topic's cues, best first (earlier first among equals): kept in a short
  // sorted list while the hits go by, rather than sorting them all.
  const best: { entry: KbEntry; s: number }[] = [];
  for (const r of outcome.entries) {
    const s = r.score + (ruleOf.get(r.entry.topic) ?? 0);
    if (best.length === n && s <= best[n - 1]!.s) continue;
    let at = best.length;
    while (at > 0 && best[at - 1]!.s < s) at--;
    best.splice(at, 0, { entry: r.entry, s });
    if (best.length > n) best.pop();
  }
  const out: Alternative[] = best.map((r) => ({ entryId: r.entry.id, question: r.entry.questions[0] ?? r.entry.id }));
  // Too few search hits: fill from the best topics' first entries, then from what people ask most.
  for (const topic of [...outcome.topics.map((t) => t.topic), ...POPULAR_TOPICS]) {
    if (out.length >= n) break;
    const e = index.byTopic.get(topic)?.[0];
    if (e && !out.some((a) => a.entryId === e.id)) out.push({ entryId: e.id, question: e.questions[0] ?? e.id });
  }
  return out;
}

/** The "not sure" text: the closest questions numbered, a callback and the hotline. */
export function unsureText(alternatives: readonly Alternative[]): string {
  const lines = ['Xin lỗi, tôi chưa chắc đã hiểu đúng câu hỏi của anh/chị.'];
  if (alternatives.length > 0) {
    lines.push('Có phải anh/chị muốn hỏi:');
    alternatives.forEach((a, i) => lines.push(`${i + 1}. ${a.question}`));
    lines.push(`Soạn ${alternatives.map((_a, i) => i + 1).join(', ')} để chọn câu hỏi.`);
  }
  lines.push(`Anh/chị cũng có thể nhắn "Gọi lại cho tôi" để cán bộ gọi lại, hoặc gọi tổng đài BHXH Việt Nam ${HOTLINE}.`);
  return lines.join('\n');
}

/** Chat length used for the `answer` field (web chat; flows compose per channel). */
const CHAT_CAPS = { sms: false, maxLength: 4000 } as const;
/** A second question in the same message is answered when its own match is at least this sure. */
const SECOND_ASK_CONFIDENCE = 0.45;
/** … and at least this sure when it is another entry of a topic the reply already answers. */
const SAME_TOPIC_ASK_CONFIDENCE = 0.6;
/** An entry given already answers a further ask when it scores this close to the ask's best match (best is 1). */
const ANSWERED_SCORE = 0.85;
/** … and has at least this many words of its own (unless it is an item of a numbered list). */
const SAME_TOPIC_ASK_WORDS = 6;
/** … and its topic is among the whole message's first few, or its own cues for that topic are this strong. */
const SECOND_ASK_TOPICS = 3;
const SECOND_ASK_OWN_CUES = 0.5;
/** … or the ask has this many words and matches this surely (a subject of its own). */
const OWN_SUBJECT_WORDS = 10;
const OWN_SUBJECT_CONFIDENCE = 0.7;
/** Topics too general to be "the other ask" of a question (a greeting to the hotline, the campaign). */
const NOT_A_SECOND_ASK: ReadonlySet<string> = new Set(['contact_hotline', 'campaign', 'calculator']);
/** … except rules of those topics that are an ask of their own ("… và bao giờ được trợ cấp hưu trí xã hội?"). */
const OWN_SECOND_ASKS: ReadonlySet<string> = new Set(['other.social_pension', 'campaign.news_subscription', 'calculator.premium_for_income', 'calculator.pension_estimate', 'contact_hotline.callback', 'where_to_pay.online_payment']);
/** Asks plain enough in few words to be answered a little below the usual bar ("Tôi có thể tự đóng online không?"). */
const PLAIN_SECOND_ASKS: ReadonlySet<string> = new Set(['where_to_pay.online_payment']);
const PLAIN_SECOND_ASK_CONFIDENCE = 0.3;
/** "BHXH tự nguyện là gì?" names only the scheme, which the matcher removes as noise. */
const WHAT_IS_SCHEME = /^(?:(?:bao hiem xa hoi|bhxh|bao hiem) (?:tu nguyen|tn)|tu nguyen|bhxhtn) (?:la gi|la nhu the nao|la sao|nghia la gi|la cai gi)\b/;
const WHAT_IS_ENTRY = 'other.what_is_vsi';

interface Match {
  outcome: SearchOutcome;
  confidence: number;
  entry: KbEntry | null;
  alternatives: Alternative[];
}

const base = (topic: FaqAnswer['topic'], kind: FaqAnswer['kind'], answer: string, confidence = 0): FaqAnswer => ({
  topic,
  entryId: null,
  confidence,
  answer,
  alternatives: [],
  kind,
  entry: null,
  parts: [],
  clarify: null,
});

/**
 * Entries that only a cue of their own may answer: unaccented words they share with everyday asks would pull them in
 * ("giam thi luong huu co bi anh huong" is "giảm", to lower the level, not "giam", a prison).
 */
const NEEDS_CUE: ReadonlyMap<string, RegExp | ((f: string) => boolean)> = new Map<string, RegExp | ((f: string) => boolean)>([
  // (Not "Nghệ An. Từ 1/1990 …" nor "ở từ năm 2010": a place and a date.)
  ['benefits_pension.imprisonment', /\b(?:(?:di|ngoi|bi|vao|ra|o|an) tu\b(?! (?:\d|thang|nam|nho|khi|luc|do|nay|gio|xa|que)\b)|(?:trai giam|phat tu|chap hanh an|tu giam|tam giam|ket an|giam giu|tu toi)\b)/],
  ['eligibility.village_officials', VILLAGE_POST],
  // (Both parents in a scheme: a spouse only named, "chồng em khuyên rút", is not one; and a birth told: "cả hai vợ chồng
  // có đóng được không" is each one's joining.)
  // ("Chồng em cũng đóng tự nguyện": both in the same scheme, one allowance, not parents in two schemes.)
  // (Nor a job left, JOB_LEFT: "nghỉ việc cuối tháng 6/2026 … bị cắt giảm".)
  // (And a compulsory scheme named: "Chồng e đóng bhxh tn, vợ ko đóng gì, sinh con …" is one parent in one scheme.)
  ['maternity.mixed_parents', (f) => spouseInAScheme(f) && has(BIRTH_TOLD, f) && !has(BOTH_VOLUNTARY, f) && !has(JOB_LEFT, f) && has(/\bbat buoc\b|\b(?:cong ty|cty|xi nghiep|nha may) (?:\w+ ){0,3}(?:dong|co) (?:bhxh|bao hiem)\b|\b(?:dong|co) (?:bhxh|bao hiem)(?: \w+){0,2} (?:o|tai|cua|qua) (?:cong ty|cty|xi nghiep|nha may)\b/, f)],
  // (The rule for foreigners for a message that names one: "vợ tôi bán hàng ở chợ … muốn tham gia" is no foreigner.)
  ['eligibility.foreigner', /\b(?:nuoc ngoai|quoc tich|ngoai quoc|viet kieu|nguoi lao(?! dong)|trung quoc|han quoc|campuchia|nhat ban|dai loan|thai lan|my|phap|duc|nga|uc)\b/],
  // (Students' cards for a message about students: "người tham gia BHXH tự nguyện có được hỗ trợ đóng BHYT không" is not.)
  // (Japan's pension only for a message about Japan: "đi XKLĐ Hàn Quốc về" is not.)
  // (Not "nhất" of a superlative, "sớm có lương hưu nhất", that folds the same.)
  ['other.japan_nenkin', /\b(?:nhat ban|nenkin|japan)\b|(?<=\b(?:o|tai|ben|sang|di|qua|xkld|tu|nuoc|tts|thuc tap sinh) )nhat\b/],
  ['health_insurance.students', /\b(?:hoc sinh|sinh vien|sv|truong|nam hoc|hoc (?:dai hoc|cao dang|nghe|lop))\b/],
  // (The yearly rise of pensions for a message about a rise: "muốn đóng để về già có lương hưu" is not.)
  ['benefits_pension.pension_adjustment', /\b(?:tang|dieu chinh|nang|len|truot gia|chi so gia|them)\b/],
  ['benefits_pension.pensioner_abroad', /\b(?:nuoc ngoai|xuat canh|dinh cu|ra nuoc|sang (?:\w+ )?(?:my|uc|nhat|han|duc|phap|canada|dai loan)|o (?:my|uc|nhat|han quoc|duc|phap|canada|dai loan)|viet kieu|qua doi|mat tich)\b/],
]);

/** Some word of a birth, a pregnancy or its allowance ("sinh" also in "sinh năm": only texts without any are kept out). */
// (Not "2 triệu" alone: an income of 2 million is no birth.)
const MATERNITY_WORD = /\b(?:sinh|sanh|de|thai|bau|con nho|em be|nuoi con|nhan nuoi)\b|\b(?:duoc|nhan|lanh|huong|co) (?:\w+ )?(?:2 ?tr|2 trieu|hai trieu)\b/;
const birthIn = (text: string): boolean => has(MATERNITY_WORD, fold(text));

/** The best entry for a text by search and topic cues, with its confidence (no situation applied). */
function matchEntry(index: FaqIndex, text: string, withAlternatives = true, birthTold = birthIn(text)): Match {
  const found = searchFaq(index, text);
  // (Maternity for a message that tells no birth, pregnancy or allowance: "cả hai vợ chồng có đóng được không" is joining.)
  const noBirth = !birthTold;
  const cuedOk = (e: KbEntry): boolean => {
    const cue = NEEDS_CUE.get(e.id);
    return !cue || (typeof cue === 'function' ? cue(fold(text)) : has(cue, fold(text)));
  };
  const cued = found.entries.filter((r) => !(noBirth && r.entry.topic === 'maternity') && cuedOk(r.entry));
  // (Only a first topic is dropped: the others rank what else the message is about, for its further asks.)
  const topics = noBirth && found.topics[0]?.topic === 'maternity' ? found.topics.slice(1) : found.topics;
  const outcome = cued.length === found.entries.length && topics === found.topics ? found : { ...found, entries: cued, topics };
  const first = outcome.topics[0];
  const confidence = first && (outcome.coverage > 0 || first.rules > 0) ? confidenceOf(outcome) : 0;
  const alternatives = withAlternatives ? closestQuestions(index, outcome) : [];
  // (The topic's first entry when none of its own matched: one whose cue the text has, "7 năm cũ có được tính không" is
  // no village post.)
  const entry = first ? (outcome.entries.find((r) => r.entry.topic === first.topic)?.entry ?? index.byTopic.get(first.topic)?.find(cuedOk) ?? null) : null;
  return { outcome, confidence, entry, alternatives };
}

/** The last sentence of a text (the whole text when it has one). */
function lastSentence(text: string): string {
  const sentences = text.split(/(?<=[.!?\n])\s*/);
  for (let i = sentences.length - 1; i >= 0; i--) if (sentences[i]!.trim() !== '') return sentences[i]!;
  return text;
}

/** "… Xin hỏi / Vậy / Cho tôi hỏi …": where a long message's story ends and its ask begins. */
const ASK_MARK = /(?:^|[.!?;:,]\s*)(?:xin hoi|cho (?:toi|em|minh|chau) hoi|vay|xin tu van|nho (?:\S+ ){0,3}tu van)\b/g;
/** Below this whole-message confidence, a clearly matched ask clause decides the entry. */
const WEAK_WHOLE = 0.45;

/**
 * A long message whose story matched weakly: match its ask clause (after "Xin hỏi", "Vậy", …) and use that
 * when it is clearly surer. Null when there is no such clause or it does not help.
 */
function askClauseMatch(index: FaqIndex, text: string): Match | null {
  const nfc = text.normalize('NFC');
  const f = fold(nfc);
  const last = [...f.matchAll(ASK_MARK)].at(-1);
  if (!last || last.index === undefined || last.index < 20) return null;
  const clause = (f.length === nfc.length ? nfc : f).slice(last.index + last[0].length).trim();
  // The clause must be a question of ours by itself ("thủ tục chuyển thế nào" needs the story to mean anything).
  if (foldWords(clause).split(' ').length < 4 || !has(DOMAIN_ANCHOR, ` ${foldWords(clause)} `)) return null;
  const whole = matchEntry(index, text);
  if (whole.confidence >= WEAK_WHOLE) return whole;
  const ask = matchEntry(index, clause, true, birthIn(text));
  // The ask decides only among the topics the whole message is about (the clause alone lacks the story).
  const topic = ask.entry?.topic;
  const near = whole.outcome.topics.slice(0, 2).some((x) => x.topic === topic);
  return near && ask.confidence > whole.confidence + 0.1 ? { ...ask, alternatives: whole.alternatives } : whole;
}

/** Kinds of figures by topic: what a person pays, what they get, what a health card costs. */
const FIGURE_KIND: Readonly<Record<string, string>> = {
  contribution_amount: 'paying',
  subsidy: 'paying',
  payment_mode: 'paying',
  benefits_pension: 'getting',
  pension_conditions: 'getting',
  lump_sum: 'getting',
  survivor: 'getting',
  maternity: 'getting',
  health_insurance: 'health',
};
/** The kind of figure an entry gives: the calculator's pension estimate gets, its other answers pay. */
const figureKind = (e: KbEntry): string | undefined => (e.topic === 'calculator' ? (e.id === 'calculator.pension_estimate' ? 'getting' : 'paying') : FIGURE_KIND[e.topic]);
/** Whether a figure of answer `b` can answer an ask matched to `a` (not a pension for a contribution). */
const sameKindOfFigure = (a: KbEntry, b: KbEntry): boolean => figureKind(a) === undefined || figureKind(b) === undefined || figureKind(a) === figureKind(b);

/**
 * The message's asks as its question marks close them, each with the words before it since the last one; after the last
 * question mark (or in a message with none), clauses that end as asks do ("…? Nếu không được thì có cách nào khác để lo
 * cho mẹ.").
 */
const closedAsks = (text: string): string[] => {
  const last = text.lastIndexOf('?') + 1;
  return `${text.slice(0, last)}${markClauseAsks(text.slice(last))}`
    .split(/(?<=\?)/)
    .map((x) => x.trim())
    .filter((x) => x.endsWith('?'))
    .flatMap(askByAsk);
};
/** An ask word closing a clause ("… có tham gia được không", "… mỗi tháng đóng bao nhiêu"). */
const CLAUSE_ASK_END = /\b(?:khong|ko|bao nhieu)$/;
/**
 * Asks joined by a comma in one sentence, each closed by an ask word ("Con tôi có tham gia được không, nếu chọn mức thu nhập 5
 * triệu thì mỗi tháng đóng bao nhiêu, còn đóng 6 tháng một lần thì mỗi lần bao nhiêu?"): one ask each.
 */
function askByAsk(piece: string): string[] {
  const parts = piece.slice(0, -1).split(/,\s+(?=(?:còn\s+|con\s+)?(?:nếu|neu)\s|(?:còn|con)\s+(?:đóng|dong|nộp|nop|chọn|chon|mức|muc)\s)/iu);
  if (parts.length < 2) return [piece];
  const out: string[] = [];
  for (const [k, x] of parts.entries()) {
    const f = foldWords(x);
    // (Joined to the one before unless both close as asks of a few words each: "…, nếu được thì …" after a story is one ask.)
    if (k > 0 && has(CLAUSE_ASK_END, foldWords(parts[k - 1]!)) && f.split(' ').length >= 4 && (k === parts.length - 1 || has(CLAUSE_ASK_END, f))) out.push(`${x}?`);
    else if (out.length > 0) out[out.length - 1] = `${out[out.length - 1]!.slice(0, -1)}, ${x}?`;
    else out.push(`${x}?`);
  }
  return out;
}

/** Social insurance named in an ask (not only health insurance). */
const SCHEME_NAMED = /\b(?:bhxh|bao hiem xa hoi|tu nguyen|luong huu)\b/;
/** Health insurance named in the message (a card, a visit to a doctor, a hospital). */
const HEALTH_NAMED = /\b(?:bhyt|y te|the|kham|chua benh|benh vien|vien phi|thuoc)\b/;
/** The ask after a "xin hỏi:", "cho tôi hỏi", "tôi muốn hỏi" that follows the story in the same sentence. */
const ASKED_AFTER = /(?:^|[\s.,;:])(?:xin hỏi|xin hoi|cho (?:tôi|toi|em|mình|minh|e) hỏi|cho (?:tôi|toi|em|mình|minh|e) hoi|(?:tôi|toi|em|mình|minh) muốn hỏi|(?:tôi|toi|em|mình|minh) muon hoi)\s*:?\s+(\S[\s\S]*)$/iu;
/** When the retirement age comes, asked ("khi nào tôi đủ tuổi nghỉ hưu", "bao giờ được về hưu"). */
const RETIRE_WHEN = /\b(?:khi nao|bao gio|nam nao|thang nao|may tuoi|bao nhieu tuoi)\b(?: \w+){0,4} (?:nghi huu|ve huu|du tuoi)\b|\bdu tuoi (?:nghi |ve )?huu (?:\w+ ){0,2}(?:khi nao|bao gio|chua)\b/;
const RETIREMENT_DATE_ENTRIES: ReadonlySet<string> = new Set(['pension_conditions.by_birth_year', 'pension_conditions.retirement_age']);
/** Topics of a claim filed with the insurance office (not paid at a collection agent). */
const CLAIM_TOPICS: ReadonlySet<string> = new Set(['survivor', 'lump_sum', 'benefits_pension', 'maternity']);
/** Entries on the record (months paid but missing, details to correct): their papers are the receipt or the ID, not a registration's. */
const RECORD_CHECKS: ReadonlySet<string> = new Set(['where_to_pay.receipt_check', 'where_to_pay.agent_not_recorded', 'other.change_details']);

/**
 * The further questions in the message ("…? Nếu được thì cần giấy tờ gì? Đóng ở đâu?"), each with an entry the reply
 * does not give yet, while the reply has room (three parts, four for a message of more asks): of another topic, or
 * clearly another rule of a topic answered. A short follow-up has little subject of its own ("Hồ sơ gồm những gì?"
 * after the social pension): its match counts only when its topic is one the whole message is about, its own words
 * clearly name that topic, or it is an item of a numbered list. An ask whose figure the reply already gives is not answered again.
 */
function furtherAsks(index: FaqIndex, text: string, parts: readonly AnswerPart[], whole: SearchOutcome, day: AsOfDay, s: Situation): AnswerPart[] {
  const dropped = new Set<AnswerPart>();
  const added = furtherAskParts(index, text, parts, whole, day, s, dropped);
  return [...parts.filter((p) => !dropped.has(p)), ...added];
}

/** The further asks' parts; a facet part of the first answer that a later ask's own entry replaces goes in `dropped`. */
function furtherAskParts(index: FaqIndex, text: string, parts: readonly AnswerPart[], whole: SearchOutcome, day: AsOfDay, s: Situation, dropped: Set<AnswerPart>): AnswerPart[] {
  const pieces = closedAsks(text);
  // A message of more asks than the reply's parts so far: room for one more of them, beyond the usual three parts
  // (a part the person's figures brought must not cost an ask its answer).
  // An item of a numbered list ("1) … 2) … 3) …") is an ask by its number, whatever words it has.
  // (The first item may follow the story in the same piece: "… muốn đóng mức 3tr. 1) mỗi tháng bao nhiêu? 2) …".)
  // ("Thứ nhất, … ? Thứ hai, … ?": a list by its ordinal words, whose first item the message's first answer need not be:
  // unlike a numbered list's, it was not matched on its own.)
  const ordinal = has(/\bthu nhat\b/, fold(text)) && pieces.some((x) => has(/^thu (?:hai|ba|2|3)\b/, foldWords(x)));
  const numbered = ordinal || (has(/(?:^|\s)1[).:]\s/, text) && pieces.some((x) => has(/^[2-9][).:]\s/, x)));
  // (A numbered list of four asks, "1. … 2. … 3. … 4. Tai nạn lúc đang chở khách có được tính tai nạn lao động không?": each
  // item answered, up to five parts in all.)
  const room = Math.max(MAX_ASKS - parts.length, Math.min(numbered ? MAX_ASKS + 2 : MAX_ASKS + 1, pieces.length) - parts.length);
  if (room <= 0) return [];
  const asks = pieces
    // "3) bao nhiêu năm …": the item's number is not part of the ask ("3" is no year).
    .map((x) => x.replace(/^\d{1,2}[).:]\s+/, ''))
    .map((ask) => ({ ask, f: foldWords(ask), words: foldWords(ask).split(' ').length }))
    .filter((x) => x.words >= 3);
  if (asks.length < 2) return [];
  const topics = new Set(parts.map((p) => p.entry.topic));
  const aboutCards = parts[0]?.entry.topic === 'health_insurance';
  const out: AnswerPart[] = [];
  // (One group's subsidy for someone in two, beside the rates of every group that say the highest counts: answered.)
  const twoGroupsAnswered = (e: KbEntry): boolean =>
    e.topic === 'subsidy' && s.household !== undefined && s.ethnicMinority === true && [...parts, ...out].some((p) => p.entry.id === 'subsidy.rates_by_group');
  let through = -1;
  for (const [i, { ask, f, words }] of asks.entries()) {
    // (A relative's answer from an entry the reply already has goes into that part, costing no room: "Vợ tôi bao giờ
    // được lương hưu?" beside the asker's own retirement.)
    if (new Set(out.map((p) => p.entry.id).filter((id) => !parts.some((q) => q.entry.id === id))).size >= room + dropped.size) break;
    if (i <= through) continue;
    // A spouse's own ask in a letter about two people: answered for the spouse (and the piece it goes on in, if any).
    const spouse = i > 0 ? spousePart(index, text, asks, i, s, day) : undefined;
    if (spouse && twoGroupsAnswered(spouse.part.entry)) {
      through = spouse.through;
      continue;
    }
    if (spouse) {
      through = spouse.through;
      // (Not what the reply already says, of the same person: "… con gái tôi 17 tuổi … có hợp đồng lao động 3 tháng …" read first.)
      if (![...parts, ...out].some((p) => p.entry.id === spouse.part.entry.id && (p.lead === spouse.part.lead || (spouse.said !== undefined && p.lead?.includes(spouse.said))))) out.push(spouse.part);
      continue;
    }
    // "… còn nếu chỉ đóng 20 năm?": the same ask for other figures, which the first answer covers.
    if (has(/^(?:(?:the |vay )?con (?:neu|nhu|khi)|con trong truong hop)\b/, f) && words < 10) continue;
    // ("… chồng đã mất. Xin hỏi: đang đóng thì có thẻ BHYT không?": the ask after "xin hỏi", not the story before it.)
    const asked = ASKED_AFTER.exec(ask)?.[1];
    // (A maternity match in a message that tells no birth is not its ask: left out, not answered by another entry.)
    const m0 = matchEntry(index, asked && foldWords(asked).split(' ').length >= 3 ? asked : ask, false, true);
    // (Unless the ask's own cue words route it: "Chồng em đang đóng BHXH tự nguyện thì có được miễn không" is the card's.)
    const noBirth = m0.entry?.topic === 'maternity' && !birthIn(text);
    // "khi nào tôi đủ tuổi nghỉ hưu" when the reply already gives the month: answered.
    if (has(RETIRE_WHEN, f) && [...parts, ...out].some((p) => RETIREMENT_DATE_ENTRIES.has(p.entry.id) || p.lead?.includes('đủ tuổi nghỉ hưu ('))) continue;
    // The ask's own cue words, as for the message's first ask ("nếu không rút mà bảo lưu thì cần đóng thêm bao nhiêu
    // năm": the years still to pay, whatever entry "rút" pulls toward), with the person's situation.
    // (On the first ask only the routes written for a later ask: the whole message's routes already read it.)
    const askF = askWords(ask);
    // (The first ask too, by the routes written for an ask of its own, when the reply's first answer is another's.)
    const route = routeAsk(askF, s, m0.entry?.id, false, i > 0 ? true : 'only');
    const routed = route ? index.entries.get(route.entry) : undefined;
    if (noBirth && !routed) continue;
    // ("Tôi đang hưởng lương hưu … nếu tôi mất thì vợ con được gì": a pensioner's death, whatever the ask alone says.)
    // ("Chồng tôi … bắt đầu lãnh lương hưu từ tháng 1/2026 … tháng 8/2026 … mất. Tôi … đóng được 8 năm": the husband's death, a
    // pensioner's, whatever the asker's own years.)
    const relativePensionerDied = s.drawingPension !== true && has(RELATIVE_PENSIONER_DIED, askWords(text));
    const pensionerDies = (s.drawingPension === true || relativePensionerDied) && m0.entry?.id.startsWith('survivor.member_dies') ? index.entries.get('survivor.pensioner_dies') : undefined;
    // ("… đóng từ năm 2018 … tôi có rút một lần ngay được không": the rule for members who joined after the reform,
    // which the ask alone matched, is not theirs; the transitional rule is, said for them.)
    const transitional = !routed && m0.entry?.id === 'lump_sum.joined_after_2025' && paidBeforeReform(s) ? index.entries.get('lump_sum.transitional_12_months') : undefined;
    // ("… chồng em mất … các cháu có được trợ cấp hằng tháng không": the survivors' monthly allowance, not the rule that
    // people drawing a monthly allowance may not join.)
    const survivorsMonthly = !routed && s.memberDied === true && m0.entry?.id === 'eligibility.pensioner' && has(/\btro cap (?:\w+ )?hang thang\b/, f) ? index.entries.get('survivor.monthly_survivor') : undefined;
    // ("… đang được nhận trợ cấp xã hội hằng tháng cho người khuyết tật … có người bảo đang nhận trợ cấp hằng tháng thì không
    // được tham gia": social assistance, which keeps no one out.)
    // ("Mẹ có được cấp thẻ BHYT không" after a pension granted: no child in it, so not the children's card.)
    const notChild = !routed && m0.entry?.id === 'health_insurance.children_under_6' && !has(/\b(?:con|chau|be|tre|em be|tre em)\b/, askF) ? index.entries.get(s.drawingPension === true || (has(/\b(?:bo|me|ong|ba|cha)\b/, askF) && has(/\b(?:bo|me|ong|ba|cha) (?:\w+ ){0,8}(?:nghi huu|ve huu|luong huu)\b/, askWords(text))) ? 'health_insurance.pensioner_card' : 'health_insurance.contributor_card') : undefined;
    const socialAllowance = !routed && s.socialAllowance === true && m0.entry?.id.startsWith('eligibility.pensioner') ? index.entries.get('eligibility.who_can_join') : undefined;
    const m = routed ? { ...m0, entry: routed, confidence: Math.max(m0.confidence, SECOND_ASK_CONFIDENCE) } : pensionerDies ? { ...m0, entry: pensionerDies } : transitional ? { ...m0, entry: transitional } : survivorsMonthly ? { ...m0, entry: survivorsMonthly } : socialAllowance ? { ...m0, entry: socialAllowance } : notChild ? { ...m0, entry: notChild } : m0;
    if (!m.entry || m.confidence < (PLAIN_SECOND_ASKS.has(m.entry.id) ? PLAIN_SECOND_ASK_CONFIDENCE : SECOND_ASK_CONFIDENCE) || (NOT_A_SECOND_ASK.has(m.entry.topic) && !OWN_SECOND_ASKS.has(m.entry.id))) continue;
    const entry = m.entry;
    // (A worked pension example is no answer to "tiền tuất … được bao nhiêu" in a letter about a death.)
    // (Nor the pension's formula to "có được trợ cấp tuất không, tính thế nào?".)
    if (s.memberDied === true && (entry.id === 'benefits_pension.example_amount' || entry.id === 'benefits_pension.how_calculated') && !routed) continue;
    // (Nor to "… rút BHXH một lần được không, được khoảng bao nhiêu?" after the lump sum's answer: its amount, not a pension's.)
    if (entry.id === 'benefits_pension.example_amount' && !routed && !has(/\b(?:luong huu|huu tri)\b/, f) && [...parts, ...out].some((p) => p.entry.topic === 'lump_sum')) continue;
    // (The first ask's "Được" said already by the reply's first answer: "… đang nhận trợ cấp thất nghiệp thì tôi có đóng tự
    // nguyện được không?" after "Được. Sau khi nghỉ việc … đăng ký đóng BHXH tự nguyện …", leaving room for the others.)
    if (i === 0 && parts[0] && has(/^Được[.,:]/u, parts[0].lead ?? parts[0].entry.short) && has(/^Được[.,:]/u, entry.short)) continue;
    // ("Tôi bị thai chết lưu … Xin hỏi tôi có được trợ cấp không?": an allowance asked is the social pension's only for one
    // who is old or asks of old age.)
    if (entry.id === 'other.social_pension' && !routed && (s.age ?? 0) < 70 && !has(/\b(?:[6-9]\d tuoi|huu tri xa hoi|nguoi (?:gia|cao tuoi)|(?:luc|khi|tuoi|ve) gia)\b/, askWords(text)) && !has(/\b(?:ong|ba|bo|me|cha)\b/, foldWords(ask.split(/(?<=[.!?;])\s+/).pop() ?? ask))) continue;
    // "Hộ cận nghèo mua BHYT được hỗ trợ không, mỗi người đóng bao nhiêu": the health card's price, which its answer
    // gives, not a contribution to social insurance that the message never names.
    // ("… 3 người thì hết bao nhiêu một năm?" after the household card: the card's price too.)
    // ("Dừng 1 năm nay … có mất 5 năm trước không": years of insurance, not a health card the message never names.)
    if (entry.topic === 'health_insurance' && !has(HEALTH_NAMED, foldWords(text))) continue;
    // (A foreigner, told the scheme is not theirs: not how to register.)
    if (s.foreigner && entry.topic === 'how_to_join') continue;
    // ("… Em có kịp nhận 2 triệu tiền thai sản k ạ?" after the months before the birth reckoned for her: answered, not a
    // general "Có" beside it.)
    if (entry.topic === 'maternity' && !routed && [...parts, ...out].some((p) => p.entry.topic === 'maternity' && p.lead !== undefined)) continue;
    // ("Tôi … đóng … từ tháng 9/2026. Vợ tôi … không tham gia BHXH gì, dự sinh …": the father's answer given, the months of one
    // who would start now are no second answer to the same birth.)
    // (Nor beside the months already reckoned for that birth: "Đóng đều từ tháng 3/2026 đến trước tháng sinh …".)
    if (entry.id === 'maternity.conditions' && [...parts, ...out].some((p) => p.entry.id === 'maternity.father' || (p.entry.topic === 'maternity' && has(/\d+ tháng/, p.lead ?? '')))) continue;
    // ("Chồng tôi … đang hưởng lương hưu. Tôi … đóng được 13 năm. Tôi có đóng tiếp được không": the pensioners' rule is
    // not the asker's, whose years the reply answers.)
    // (Unless a route for the ask decided it: "Chồng tôi muốn đóng thêm tự nguyện để tăng lương hưu có được không?".)
    if (entry.id === 'eligibility.pensioner' && !routed && s.drawingPension !== true && s.yearsPaid !== undefined && parts.some((p) => p.entry.topic === 'pension_conditions')) continue;
    // ("Tôi ở đặc khu Lý Sơn … được hỗ trợ 20% như người bình thường đúng không": the others' rate is not theirs; the
    // reply's part for their own group answers it.)
    // ("… là người dân tộc hộ nghèo thì có được hỗ trợ thêm gì không" after the highest of the two groups: answered.)
    if (!routed && twoGroupsAnswered(entry)) continue;
    if (entry.id === 'subsidy.others' && (s.household !== undefined || s.ethnicMinority === true || has(/\b(?:xa dao|dac khu)\b/, foldWords(text)))) continue;
    // ("… tôi … tròn 15 năm. 1) Tôi được lãnh lương hưu từ tháng nào, …, làm hồ sơ lúc nào?": a claim's papers in a letter that
    // tells no death are the pension's, not the survivors'.)
    if (entry.id === 'survivor.procedure' && !routed && s.memberDied !== true && !has(DEATH, askWords(text)) && parts.some((p) => p.entry.topic === 'pension_conditions' || p.entry.topic === 'benefits_pension')) {
      const claim = index.entries.get('pension_conditions.claim_procedure');
      if (claim && ![...parts, ...out].some((p) => p.entry.id === claim.id)) out.push({ entry: claim });
      continue;
    }
    // ("… đóng theo quý thì hạn chót là khi nào, trễ hạn thì bị sao?": a late payment, not a survivors' late claim, when no one
    // died or is supposed to.)
    if (entry.topic === 'survivor' && !routed && s.memberDied !== true && !has(DEATH, askWords(text)) && !has(DEATH_SUPPOSED, askWords(text)) && !has(/\b(?:tuat|mai tang|tu tuat)\b/, askWords(text))) continue;
    // ("Ngừng như vậy thì số tiền đã đóng có bị mất không": money lost, not a death, when no one died.)
    if (entry.topic === 'survivor' && s.memberDied !== true && has(LOSES_PAID, askF) && !has(/\b(?:chet|qua doi|tu vong|tu tran)\b/, askF)) continue;
    // ("… có cộng lại được không?" where no one withdrew: the periods added up, not the rule on years paid out.)
    if (entry.id === 'transfer_between_schemes.withdrawn_not_counted' && !routed && !has(WITHDRAWAL_TOLD, foldWords(text))) {
      const combined = index.entries.get('transfer_between_schemes.combine_periods');
      if (combined && ![...parts, ...out].some((p) => p.entry.id === combined.id)) out.push({ entry: combined });
      continue;
    }
    // ("Số năm cũ có bị mất không?": the years, not a book lost; unaccented "so nam" folds like "sổ".)
    if (entry.id === 'other.lost_book' && !routed && !has(BOOK_NAMED, ask) && !has(BOOK_NAMED_FOLDED, askF)) {
      const kept = index.entries.get('payment_mode.pause_resume');
      if (kept && has(LOSES_PAID, askF) && ![...parts, ...out].some((p) => p.entry.id === kept.id || has(/bảo lưu|không (?:bị )?mất/u, `${p.lead ?? ''} ${p.entry.short}`))) out.push({ entry: kept });
      continue;
    }
    if (aboutCards && CONTRIBUTION_TOPICS.has(entry.topic) && (healthCardOnly(foldWords(text)) || !has(SCHEME_NAMED, f))) continue;
    // "Hồ sơ nộp ở đâu" after a claim (survivors, a lump sum, a pension): the claim's office, which its procedure
    // names, not the agents who collect contributions.
    // (Nor the papers to join: "Hồ sơ làm ở đâu, cần giấy tờ gì?" after a death asks the claim's.)
    // ("… đến đâu để được điều chỉnh": a record set right, not the pension's yearly rise, unless the ask names the pension.)
    if (entry.id === 'benefits_pension.pension_adjustment' && !has(/\b(?:luong huu|huu tri|tien huu)\b/, f)) continue;
    // (Nor after a check of months missing from the record: "… cần mang giấy tờ gì, đến đâu để được điều chỉnh".)
    // ("… em cần làm giấy tờ gì, nộp ở đâu ạ?" after a death: "nộp ở đâu" alone is the claim's office too, once the claim's
    // procedure is given.)
    if ((entry.topic === 'where_to_pay' || entry.topic === 'how_to_join') && (has(/\b(?:ho so|giay to|thu tuc)\b/, f) || (has(/\bnop (?:\w+ )?o dau\b/, f) && [...parts, ...out].some((p) => p.entry.id.endsWith('.procedure')))) && [...parts, ...out].some((p) => CLAIM_TOPICS.has(p.entry.topic) || RECORD_CHECKS.has(p.entry.id) || p.entry.id === 'other.social_pension')) continue;
    const given = (id: string): boolean => [...parts, ...out].some((p) => p.entry.id === id);
    // (An amount of another kind does not answer it: the pension a month is not the contribution a month. A rate
    // asked, "được bao nhiêu %", is the pension's whatever entry its words matched.)
    // (A route's own entry for the rate, "sau này được hưởng bao nhiêu %", is not answered by the State's share in %.)
    const answering = has(/%|\bphan tram\b/, f) && !routed ? [...parts, ...out] : [...parts, ...out].filter((p) => sameKindOfFigure(entry, p.entry));
    // An entry already given, with this ask's own sentence for the person ("… 22 năm so với 20 năm thì hơn nhau mấy %"
    // after the pension's formula): the sentence joins that part (mergeSameEntry).
    if (given(entry.id) && routed && route?.lead) {
      const lead = route.lead(s, askF);
      if (lead && ![...parts, ...out].some((p) => p.lead?.includes(lead))) out.push({ entry, lead });
      continue;
    }
    if (given(entry.id) || facetAlreadyGiven(ask, answering, day)) continue;
    // Another rule of a topic already answered ("hạn nộp khi nào, đóng trước có được giảm không, trễ hạn thì sao"):
    // only when the ask alone matches it surely, and none of the reply's answers is among the ask's own best matches
    // (then the ask is already answered: "có được hỗ trợ không" after the subsidy's rates). A short ask ("có được
    // hỗ trợ không?") has no subject of its own to tell one rule of the topic from another, unless it is an item of
    // a numbered list. Not for the first ask (the one the reply's first answer is for).
    if (topics.has(entry.topic)) {
      // (An amount asked is not answered by a rule that gives none: "… mua BHYT riêng thì bao nhiêu 1 năm" after "đóng tự
      // nguyện có được cấp thẻ BHYT không".)
      const figureless = (e: KbEntry): boolean => has(/\bbao nhieu\b/, f) && !has(/\d{1,3}(?:\.\d{3})+|\{[A-Z_]+/, e.short);
      const answered = m.outcome.entries.slice(0, 3).some((r) => r.score >= ANSWERED_SCORE && given(r.entry.id) && !figureless(r.entry));
      const own = numbered || words >= SAME_TOPIC_ASK_WORDS;
      // (An ask its own cue words route is sure enough: "… đóng tiếp thêm vài năm nữa thì có lợi hơn không".)
      // (The first ask of a list too, "Thứ nhất, có được đổi mức thu nhập … không? Thứ hai, tạm ngưng … có bị mất không?",
      // when the reply's first answer is another item's.)
      // (A card asked that its own cue words route to another entry is not answered by the one given: "đóng tự nguyện có được
      // cấp thẻ bảo hiểm y tế không?" beside the husband's pensioner card.)
      if ((m.confidence < SAME_TOPIC_ASK_CONFIDENCE && !routed) || (answered && !(routed && entry.topic === 'health_insurance')) || !own || (i === 0 && !ordinal)) continue;
    }
    const topic = m.entry.topic;
    const ofTheMessage = whole.topics.slice(0, SECOND_ASK_TOPICS).some((t) => t.topic === topic);
    const named = (m.outcome.topics.find((t) => t.topic === topic)?.rules ?? 0) >= SECOND_ASK_OWN_CUES;
    // (An ask its own cue words route, "mức đóng và phương thức đóng như thế nào", names its topic.)
    // (Or an ask with a subject of its own, matched surely: "Em … không có hợp đồng lao động. Em có tham gia BHXH tự nguyện được không?")
    const ownSubject = words >= OWN_SUBJECT_WORDS && m.confidence >= OWN_SUBJECT_CONFIDENCE;
    if (!ofTheMessage && !named && !numbered && !routed && !ownSubject && !OWN_SECOND_ASKS.has(m.entry.id)) continue;
    // (A pensioner's death: the months of pension the family receives, from the whole message's figures.)
    // (A member's death supposed, "nếu anh ấy chẳng may qua đời thì gia đình được hưởng gì", with their years told: what
    // the family would get for them.)
    // (Ill and weighing the lump sum: one taken settles the years, and the family's allowances with them.)
    const supposedDeath = !routed && m.entry.id === 'survivor.member_dies_one_time' && s.memberDied !== true && has(DEATH_SUPPOSED, askF) ? survivorLead(s, askWords(text)) : undefined;
    const settled = supposedDeath && s.seriousIllness ? ILL_SETTLED : '';
    const lead = routed ? route?.lead?.(s, askF) : socialAllowance ? SOCIAL_ALLOWANCE_LEAD : m.entry.id === 'survivor.pensioner_dies' ? pensionerSurvivorLead(text, askWords(text), s.day) : transitional ? transitionalLumpSumLead(s, askWords(text)) : supposedDeath && `${supposedDeath}${settled}`;
    // ("… Đóng ở bưu điện được không?" after the collection agents the words "ở đâu" brought: the post office's rule
    // instead, and room for the next ask.)
    const facet = parts.find((p, j) => j > 0 && p.lead === undefined && p.entry.topic === topic && GENERAL_FACETS.has(p.entry.id) && !dropped.has(p));
    // (A bare "Được" for paying on, or paying the missing years, for someone who died ("Tôi có được đóng nốt 3 năm thay anh …
    // không?") or by someone drawing a monthly allowance ("đang nhận trợ cấp hằng tháng … đóng tiếp … cho đủ năm"): the
    // reply's "không" stands.)
    if (!lead && PAY_ON_ENTRIES.has(m.entry.id) && ((s.memberDied === true && has(FOR_THE_DEAD, askF)) || s.drawingPension === true)) continue;
    if (facet) dropped.add(facet);
    out.push(lead ? { entry: m.entry, lead } : { entry: m.entry });
    topics.add(topic);
  }
  return out;
}

/** A payment asked net or gross of the State's share ("nộp bao nhiêu sau khi trừ hỗ trợ", "trước khi trừ hỗ trợ"). */
const SUBSIDY_NETTED = /\b(?:nop|dong) (?:\w+ ){0,3}bao nhieu (?:\w+ ){0,2}(?:sau|truoc) khi (?:da )?tru (?:phan |tien )?ho tro\b/;
/** A relative who drew a pension and died, told before the asker's own story. */
const RELATIVE_PENSIONER_DIED = /\b(?:chong|vo|bo|me|cha|ba|ong) (?:toi|em|minh|tui)\b(?: \w+){0,20}? (?<!\b(?:chua|khong|ko) (?:duoc )?)(?:huong|nhan|lanh|linh) luong huu\b(?: \w+){0,20}? (?:mat|qua doi|tu vong|chet|tu tran)\b/;
/** A death supposed in the ask itself ("nếu anh ấy chẳng may qua đời thì …"). */
/** An illness at its last stage ("giai đoạn cuối", "không còn nhiều thời gian"). */
const LAST_STAGE = /\b(?:giai doan cuoi|khong con (?:\w+ ){0,2}(?:lau|nhieu thoi gian|song duoc lau)|chi con (?:vai|it|may) (?:thang|tuan)|nguy kich)\b/;
/** A withdrawal told or asked ("đã rút BHXH một lần", "nhận một lần", "lãnh 1 lần"). */
const WITHDRAWAL_TOLD = /\b(?:rut|nhan|lanh|huong|linh) (?:\w+ ){0,3}(?:mot lan|1 lan)\b|\b(?:da|roi) rut\b/;
/** A book named as written ("sổ"), or folded beside the scheme's name ("so bhxh"), or lost ("mất sổ"). */
const BOOK_NAMED = /(?:^|[^\p{L}])[Ss]ổ(?![\p{L}])/u;
const BOOK_NAMED_FOLDED = /\bso (?:bhxh|bao hiem|bh|tu nguyen|bhxh tn|moi)\b|\b(?:mat|lam mat|danh roi|hong|chay|rach|lam lai|cap lai|doi) (?:cuon )?so\b/;
/** The asker's own turn after a relative's story ("Anh tôi … Còn tôi 45 tuổi, … muốn đóng thêm tự nguyện …"). */
const OWN_TURN = /^(?:con|rieng|phan) (?:(vo|chong|me|bo|ba|ong) (?:toi|em|minh|tui)|toi|em|minh|tui)\b/;
/** An ask of the asker's own, in the sentence after their facts ("Giờ em bắt đầu đóng thì … có kịp hưởng lương hưu không?"). */
const OWN_ASK = /^(?:(?:gio|vay|the|nay|neu) )?(?:toi|em|minh|tui) (?:\w+ ){0,14}(?:khong|ko|k|chua|bao nhieu|the nao|ra sao)\b/;
/** … with a wish or an ask of its own in it. */
const OWN_WISH = /\b(?:muon|dinh|du dinh|co the|co duoc|duoc (?:khong|ko|k))\b/;

/**
 * A letter about two people whose second is the asker, told in a sentence of their own that asks nothing by a question
 * mark ("Còn tôi 45 tuổi, đang làm công nhân có hợp đồng …, tôi muốn đóng thêm tự nguyện …. Cả hai trường hợp có làm được
 * không?"): that sentence answered as if asked alone, after the other person's answer. Undefined when there is no such
 * sentence, the reply is full, or its answer is already given.
 */
function ownTurnPart(index: FaqIndex, text: string, parts: readonly AnswerPart[], day: AsOfDay, sex?: Situation['sex']): { part: AnswerPart; instead?: boolean } | undefined {
  if (forOnePerson) return undefined;
  const sentences = text.split(/(?<=[.!?])\s+/);
  const at = parts.length > MAX_ASKS ? -1 : sentences.findIndex((x, k) => k > 0 && has(OWN_TURN, foldWords(x)) && !x.includes('?') && has(OWN_WISH, foldWords(x)));
  // (Or the asker's facts in a sentence, their ask in the next ("bao giờ" there may have been marked an ask): "Còn em năm nay 47 tuổi (sinh tháng 8/1979), làm nông, chưa
  // đóng bảo hiểm bao giờ. Giờ em bắt đầu đóng thì đến tuổi nghỉ hưu có kịp hưởng lương hưu không ạ?")
  const told = at >= 0 ? -1 : sentences.findIndex((x, k) => k > 0 && has(/^con (?:toi|em|minh|tui)\b/, foldWords(x)) && has(/\d/, x) && has(OWN_ASK, foldWords(sentences[k + 1] ?? '')));
  if (at < 0 && told < 0) return undefined;
  const who = at >= 0 ? OWN_TURN.exec(foldWords(sentences[at]!))?.[1] : undefined;
  const whom = who ? `Với ${RELATIVE_NAME[who]}` : 'Còn anh/chị';
  // (Asked as the one question it is: "… muốn đóng tự nguyện, có được không?")
  const asked = at >= 0 ? `${sentences[at]!.replace(/[.!\s]+$/u, '')}, có được không?` : `${sentences[told]!} ${sentences[told + 1]!}`;
  const first = answerForAnother(index, asked, day, at < 0 && sex ? { sex } : {});
  // (After a relative's story, the reply's first part read the asker's ask on the relative's facts, only a retirement
  // date: the asker's own answer instead, last.)
  const instead = at < 0 && first !== undefined && YEARS_TOPICS.has(parts[0]?.entry.topic ?? '') && (parts[0]?.lead === undefined || (has(/^(?:Nữ|Nam) sinh /u, parts[0].lead) && !parts[0].lead.includes('đã đóng')));
  if (!first || (!instead && (parts.length > MAX_ASKS || parts.some((p) => p.entry.id === first.entry.id)))) return undefined;
  return { part: { ...first, lead: first.lead ? `${whom}: ${first.lead}` : `${whom}:` }, instead };
}

/** The entries that say "Được" to paying on or paying the missing years at once. */
const PAY_ON_ENTRIES: ReadonlySet<string> = new Set(['pension_conditions.pay_missing_once', 'pension_conditions.continue_after_age']);
/** Paying in a dead relative's place ("đóng nốt 3 năm thay anh", "đóng nốt 5 năm cho mẹ"). */
const FOR_THE_DEAD = /\b(?:thay|cho) (?:anh|chong|vo|me|bo|ba|ong|nguoi (?:da )?mat|em|chi|co|chu)\b(?! (?:hoi|biet)\b)/;
/** A spouse as the subject of an ask ("Còn vợ tôi thì muốn biết đóng thế nào", "Bà ấy đóng thì …"). */
// ("Cho hỏi chồng tôi có đóng thêm được không?": after an opener too; "Bà có được khoản trợ cấp nào không?", "mẹ tôi thì
// sao?": a parent or grandparent the letter tells of, group 3.)
const SPOUSE_SUBJECT = /^ ?(?:(?:cho (?:toi |em |minh )?hoi|xin hoi|vay) )?(?:(?:con|va|the|nhung|rieng|con nhu) )?(?:(vo|chong) (?:toi|em|minh|tui|e)|(ba|ong) (?:ay|xa|nha toi|nha em)|(bo|me|ba|ong)(?: (?:noi|ngoai))?(?: (?:toi|em|minh|tui|e))?(?= (?:co|thi|duoc|nen|phai|muon|dang)\b)|(con)(?: (?:trai|gai))? (?:toi|em|minh|tui))\b/;
/** How an answer for a relative names them. */
const RELATIVE_NAME: Readonly<Record<string, string>> = { vo: 'vợ anh/chị', chong: 'chồng anh/chị', bo: 'bố anh/chị', me: 'mẹ anh/chị', ba: 'bà', ong: 'ông', con: 'con anh/chị' };
/** Whether an answer for one person's part of a letter is being made (that part is not split or read for another again). */
let forOnePerson = false;

/**
 * A spouse's ask in a letter about two people ("Tôi … đang lãnh lương hưu … Vợ tôi 58 tuổi, … chưa đóng bhxh ngày nào. …
 * Còn vợ tôi thì muốn biết đóng thế nào, bao lâu mới có lương hưu"): the message's facts are the asker's, so the
 * spouse's ask is answered on the spouse's own sentence (the one that tells their age) and the ask, as if asked alone;
 * the piece after it goes with it when it has no subject of its own. Undefined when no such sentence is told.
 */
function spousePart(index: FaqIndex, text: string, asks: readonly { ask: string; f: string; words: number }[], i: number, s: Situation, day: AsOfDay): { part: AnswerPart; through: number; said?: string } | undefined {
  const m = forOnePerson ? null : SPOUSE_SUBJECT.exec(asks[i]!.f);
  if (!m) return undefined;
  // (A child, "Con trai tôi 35 tuổi … có đóng bắt buộc …, con tôi đóng thêm được không?": only as written with its marks
  // or with "trai", "gái"; unaccented "con tôi" may be "còn tôi", the asker's turn.)
  // (A short ask only: a child's longer one, "Con tôi đang ở Nhật có rút được không, có phải diện … định cư không?", is
  // answered whole, with its own rules.)
  if (m[4] && (asks[i]!.words > 8 || (!has(/\bcon (?:trai|gai)\b/, asks[i]!.f) && !has(/(?:^|[\s,])[Cc]on (?:trai |gái )?(?:tôi|em|mình)/u, asks[i]!.ask)))) return undefined;
  const who = m[1] ?? (m[2] ? (m[2] === 'ba' ? 'vo' : 'chong') : m[3] ?? m[4]!);
  // (Their age, or their birth: "Vợ tôi sinh tháng 6/1968, đóng tự nguyện từ tháng 1/2012 đến nay.")
  const own = new RegExp(`\\b${who}(?: (?:noi|ngoai|trai|gai))? (?:toi|em|minh|tui|e)\\b(?: [\\w,]+){0,3}? (?:\\d{2} tuoi|sinh (?:\\w+ ){0,3}?(?:\\d{1,2}[/.-])*(?:19|20)\\d\\d)\\b`);
  const sentence = text.split(/(?<=[.!?])\s+/).find((x) => has(own, fold(x)));
  if (!sentence || asks[i]!.ask.includes(sentence)) return undefined;
  // From where the spouse is named: "Tôi 45 tuổi, chủ tiệm tạp hóa, vợ tôi 40 tuổi, người dân tộc Tày" tells her facts
  // after the asker's. (Folding keeps the length of NFC text, so the place is the same.)
  const folded = fold(sentence);
  const from = folded.length === sentence.length ? Math.max(0, folded.search(own)) : 0;
  const told = sentence.slice(from);
  // (A parent or grandparent only in a letter about two people, each with their age, and a sentence of their own:
  // "Ông nội tôi 77 tuổi, … Bà nội tôi 71 tuổi, …. Bà có được khoản trợ cấp nào không?")
  if (m[3] && ((fold(text).match(/\b\d{2} tuoi\b/g) ?? []).length < 2 || (fold(told).match(/\b\d{2} tuoi\b/g) ?? []).length !== 1)) return undefined;
  const next = asks[i + 1];
  const joined = next && next.words < 10 && !has(/^ ?(?:toi|em|minh|tui|con|va|ba|ong|vo|chong|bo|me)\b/, next.f);
  const asked = joined ? `${asks[i]!.ask} ${next.ask}` : asks[i]!.ask;
  const first = answerForAnother(index, `${told} ${asked}${placeFor(text, `${told} ${asked}`)}`, day, householdFor(text, `${told} ${asked}`));
  if (!first) return undefined;
  const whom = `Với ${RELATIVE_NAME[who] ?? 'người thân của anh/chị'}:`;
  // (An answer with nothing of the spouse's own, as true for anyone, says so without naming them.)
  // (Said of them: "Với mẹ anh/chị: Bà 55 tuổi (nữ) …", not "Anh/chị 55 tuổi".)
  const them = (PERSON_PRONOUN as Readonly<Record<string, string>>)[who] ?? (who === 'ong' ? 'ông' : who === 'con' ? 'người con' : 'bà');
  return { part: first.lead ? { ...first, lead: `${whom} ${saidOf(first.lead, them)}` } : first, through: joined ? i + 1 : i, said: first.lead };
}

/** The household's group told of the whole family ("nhà mình là hộ nghèo", "Nhà em được xét hộ cận nghèo"). */
const HOUSEHOLD_TOLD = /\b(?:nha|gia dinh|ho gia dinh|ca nha)(?: (?:toi|minh|em|e|chau|tui))?(?: o(?: \w+){1,6}?)? (?:(?:la|thuoc|duoc xet|duoc cong nhan|nam \d{4}(?: la)?) )*(ho can ngheo|can ngheo|ho ngheo)\b/;
/**
 * The household's group as a fact for another member of it, whose own sentences do not tell one ("… nhà mình là hộ
 * nghèo. Mẹ mình sinh tháng 3/1975 …": the mother's support is the poor household's).
 */
function householdFor(letter: string, own: string): Situation {
  const m = HOUSEHOLD_TOLD.exec(foldWords(letter));
  return m && !has(/\bngheo\b/, foldWords(own)) ? { household: m[1]!.includes('can') ? 'near_poor' : 'poor' } : {};
}

/** A relative opening the message as its subject ("Mẹ e đóng …", "Bố em sinh tháng 8/1963, …", "con trai tôi suy giảm 85% …"). */
// ("em hoi cho bo em a. Bo em sinh …": the ask for the relative opening it.)
const RELATIVE_OPENS = /^(?:(?:chao|xin chao|da|ad|ad oi|anh chi oi|cho (?:em|toi|minh|e) hoi|(?:em|e|toi|minh) (?:xin )?hoi(?: (?:giup|ho|cho))+)\b ?)*(me|bo|cha|chong|vo|con trai|con gai) (?:em|e|toi|minh|tui)\b/;
/** The asker's own facts ("tôi 45 tuổi", "em sinh …", "em đã đóng …"), which make the message theirs too. */
const ASKER_FACTS = /\b(?:toi|em|e|minh|tui) (?:(?:la )?(?:nam|nu)\b|\d{2} ?(?:t|tuoi)\b|nam nay \d|sinh\b|da dong|dang dong|dong (?:duoc|tu|bhxh|bao hiem|tu nguyen)|co \d|lam\b)/;
/** Other kin told beside the first ("… bố em … mẹ em …"): a letter about two, read otherwise. */
const OTHER_KIN = /\b(?:me|bo|cha|chong|vo|anh|chi|con|ong|ba) (?:em|e|toi|minh|tui)\b/g;

/** The one relative a message is about, when it tells no fact of the asker's and names no one else. */
function onlyRelative(text: string): Exclude<Person, 'asker'> | undefined {
  const f = foldWords(text);
  const m = RELATIVE_OPENS.exec(f);
  if (!m) return undefined;
  const who = m[1] === 'cha' ? 'bo' : m[1] === 'con trai' ? 'contrai' : m[1] === 'con gai' ? 'congai' : (m[1] as 'me' | 'bo' | 'chong' | 'vo');
  // ("Anh em tôi muốn góp tiền …": the askers together, no other relative.)
  const others = [...f.replace(/\b(?:anh|chi) em (?:toi|minh|chung toi)\b/g, ' ').matchAll(OTHER_KIN)].filter((k) => !k[0].startsWith(m[1]!));
  if (others.length > 0 || has(ASKER_FACTS, f.replace(OTHER_KIN, ' '))) return undefined;
  return who;
}

/**
 * The family's special zone or island commune, told once in another's sentence ("tui ở đặc khu Kiên Hải … Vợ tui sinh tháng
 * 9/1979 …"), as a sentence to add to one person's own text; "" when their text tells it or the letter does not.
 */
function placeFor(letter: string, own: string): string {
  const place = ISLAND.exec(foldWords(letter));
  // (And the province with a top-up of its own, "ở phường Phủ Lý, tỉnh Ninh Bình (trước là Hà Nam)", for a son of the house.)
  const province = /\b(?:ha noi|ninh binh|nam dinh|ha nam)\b/.exec(foldWords(letter));
  const island = place && !has(ISLAND, foldWords(own)) ? ` Nhà ở ${place[0]}.` : '';
  return `${island}${province && !has(/\b(?:ha noi|ninh binh|nam dinh|ha nam)\b/, foldWords(own)) ? ` Nhà ở ${province[0]}.` : ''}`;
}

/** The first part of the answer to another person's question, read on its own (that answer reads no one else's turn). */
function answerForAnother(index: FaqIndex, question: string, day: AsOfDay, facts: Situation = {}): AnswerPart | undefined {
  forOnePerson = true;
  try {
    const a = answerQuestion(index, question, CONFIDENCE_THRESHOLD, facts, day);
    return a.kind === 'entry' ? a.parts[0] : undefined;
  } finally {
    forOnePerson = false;
  }
}

/** Whether the message tells a lump sum taken ("đã rút", "nhận BHXH một lần", "lĩnh một lần"), or the reading says so. */
function toldWithdrawn(text: string, s: Situation): boolean {
  return s.withdrewBefore === true || has(/\b(?:rut|(?:nhan|huong|lanh|linh|lay) (?:\w+ ){0,3}mot lan|chot so)\b/, foldWords(text));
}
/** Another person's years asked to be added to one's own ("gộp số năm của chồng vào sổ của em"). */
const YEARS_FROM_ANOTHER = /\b(?:gop|cong|chuyen|nhap|don) (?:\w+ ){0,3}(?:cua )?(?:chong|vo|ck|vk|bo|me|cha|con|anh|chi)(?: (?:toi|em|minh|e))?(?: \w+){0,3} (?:vao|sang|qua|cho) (?:so (?:bhxh )?(?:cua )?)?(?:em|toi|minh|e)\b/;
/** Money taken to pay the asker's missing years ("lấy tiền đóng nốt phần còn thiếu cho tôi để tôi có lương hưu"), with or without marks. */
const FOR_ASKERS_PENSION = /\s*(?:để |de )?(?:lấy|lay) (?:tiền|tien) (?:để |de )?(?:đóng|dong|nộp|nop)(?: [^\s.?!;]+){0,6}? cho (?:tôi|toi|em|mình|minh)(?: (?:để|de) (?:tôi|toi|em|mình|minh) (?:có|co) (?:lương|luong) (?:hưu|huu))?/giu;
/** A pension drawn ("đã nhận lương hưu từ tháng 11/2025", "đang lãnh lương hưu"; not "đã đủ tuổi nghỉ hưu"). */
const PENSION_DRAWN = /\b(?:dang|da) (?:\w+ ){0,2}(?:nhan|huong|lanh|linh) luong huu\b/;
/** A sum for everyone in a contribution sentence (contribution-lead.ts, forAll): "; cả 2 người: {PAY_OTHER*2} đồng/tháng". */
const FOR_ALL = /; cả \d người: \{[^}]+\} đồng(?: mỗi \d+ tháng|\/tháng)/g;

/**
 * A letter about two people (splitByPerson): each one's sentences and asks answered as a question of its own, in the
 * order the letter asks them, a relative's answer named ("Với chồng anh/chị: …"). Undefined when the letter is not
 * such, or either answer is not a sure one (the usual answer then reads the letter whole).
 */
function twoPeopleAnswer(index: FaqIndex, text: string, threshold: number, facts: Situation, day: AsOfDay): FaqAnswer | undefined {
  const turns = splitByPerson(text);
  if (!turns) return undefined;
  // (A spouse told of without a turn of their own, "Chồng tôi sinh 1960, nghỉ hưu …": the asker is of the other sex too.)
  const letter = foldWords(text);
  const husband = has(/\b(?:chong (?:toi|em|minh|tui)|ong xa)\b/, letter);
  const wife = has(/\b(?:vo (?:toi|em|minh|tui)|ba xa)\b/, letter);
  const spouse = turns.find((t) => t.who === 'chong' || t.who === 'vo')?.who ?? (husband && !wife ? 'chong' : wife && !husband ? 'vo' : undefined);
  const answers: FaqAnswer[] = [];
  forOnePerson = true;
  try {
    for (const t of turns) {
      // (The asker beside a spouse is of the other sex; a relative is of theirs.)
      const sex = t.who === 'asker' ? (spouse ? (spouse === 'chong' ? 'female' : 'male') : undefined) : PERSON_SEX[t.who];
      // (What a relative's money would do for the asker, "Nhà tôi tính cho chồng rút bhxh một lần lấy tiền đóng nốt phần còn thiếu
      // cho tôi để tôi có lương hưu", is not that relative's own plan: their withdrawal is what is asked of them.)
      const told = [...t.story, ...t.asks].map((x) => (t.who === 'asker' ? x : x.replace(FOR_ASKERS_PENSION, ''))).join(' ');
      // The letter as this person's home reads it: the asker's and everyone's sentences, not another relative's own ("Chị hai
      // …, nhà chị thuộc hộ cận nghèo", "Em út … thường trú ở đặc khu Côn Đảo").
      const othersOwn = new Set(turns.filter((u) => u !== t && u.who !== 'asker').flatMap((u) => u.story.filter((x) => !t.story.includes(x))));
      const home = [...new Set(turns.flatMap((u) => [...u.story, ...u.asks]))].filter((x) => !othersOwn.has(x)).join(' ');
      // (The family's special zone or island commune, or its province, told once in another's sentence: "tui ở đặc khu Kiên
      // Hải … Vợ tui …"; and the household's group, "nhà mình là hộ nghèo".)
      const own = `${told}${placeFor(home, told)}`;
      const theirs = { ...householdFor(home, told), ...facts };
      const a = answerQuestion(index, own, threshold, sex ? { ...theirs, sex } : theirs, day);
      if (a.kind !== 'entry' || a.parts.length === 0) return undefined;
      // (A relative who draws a pension and wishes to pay more, asked beside another thing, "… đã nhận lương hưu …; bố muốn
      // đóng thêm tự nguyện để tăng lương hưu, lại hỏi có phải mua BHYT …": the no first.)
      const pensioner = index.entries.get('eligibility.pensioner');
      const toldWords = foldWords(told);
      // (Not an in-law's pension told in the same turn: "Mẹ chồng tôi 70 tuổi, đang lãnh lương hưu …".)
      // (The asker too, by their own words: "Tôi sinh năm 1962, … đang hưởng lương hưu 4,2 triệu/tháng … tôi có được đóng thêm BHXH tự
      // nguyện để tăng lương hưu không?")
      if (pensioner && (t.who !== 'asker' || has(/\b(?:toi|em|minh|tui)\b(?: [\w,]+){0,12}? (?:dang )?(?:huong|lanh|nhan|linh) luong huu\b/, toldWords)) && has(PENSION_DRAWN, toldWords) && asksToPayMore(toldWords) && !has(/\b(?:me|bo|cha|ong|ba) (?:chong|vo)\b/, toldWords) && !a.parts.some((p) => p.entry.id === pensioner.id)) {
        answers.push({ ...a, parts: [{ entry: pensioner, lead: PENSIONER_PAYS_MORE }, ...a.parts] });
        continue;
      }
      answers.push(a);
    }
  } finally {
    forOnePerson = false;
  }
  const parts = turns.flatMap((t, k) => {
    // (Two parts each; a third for one who asks three things, "… bao nhiêu? … có bị thu thêm không? … có kịp không?".)
    // (Parts of topics not yet said first: "… mỗi tháng tôi đóng bao nhiêu? … ai được nhận thai sản?" keeps the amount
    // beside the allowance, not a second rule of the allowance.)
    const all = answers[k]!.parts;
    const fresh = all.filter((p, j) => all.findIndex((q) => q.entry.topic === p.entry.topic) === j);
    const kept = new Set([...fresh, ...all.filter((p) => !fresh.includes(p))].slice(0, t.asks.length >= 3 ? 3 : 2));
    // (One who may not join, already paying compulsory insurance, is given no price.)
    const picked = all.filter((p) => kept.has(p)).filter((p, j, mine) => !(j > 0 && mine[0]!.entry.id === 'eligibility.labour_contract' && p.entry.topic === 'contribution_amount'));
    // (The spouse's price said in the asker's turn, "Vợ anh/chị đóng ở mức thu nhập thấp nhất …", when the spouse has a turn of
    // their own that says it for their group.)
    const spouseOwnTurn = t.who === 'asker' && spouse !== undefined && turns.some((u) => u.who === spouse);
    const own = spouseOwnTurn ? picked.map((p) => (p.lead ? { ...p, lead: p.lead.replace(/(?:Vợ|Chồng) anh\/chị đóng ở mức thu nhập thấp nhất[^.]*\.\s*/u, '') } : p)) : picked;
    if (t.who === 'asker') return k === 0 ? own : [{ ...own[0]!, lead: `Còn anh/chị: ${own[0]!.lead ?? ''}`.trim() }, ...own.slice(1)];
    // (Their own sentence speaks of them: "Anh ấy đã đóng 18 năm", not "Anh/chị".)
    // (Named on the first part that says something of them: a rule true for anyone, a health card's for old people, is
    // not "Với bố anh/chị:" with nothing after it.)
    const them = PERSON_PRONOUN[t.who];
    const name = PERSON_NAME[t.who];
    // (Beside two others, the first part is named whatever it says: "1) Người đang hưởng lương hưu …" under nobody's name
    // would read as the previous person's.)
    const j = turns.length > 2 ? 0 : Math.max(0, own.findIndex((p) => p.lead));
    // (Their later parts speak of them too: "Bà 52 tuổi …", not "Anh/chị 52 tuổi".)
    // (Not a relative's rule said to the one they pay for: "… nộp tiền giúp người thân được: anh/chị đứng tên tham gia".)
    const said = (p: AnswerPart): string => (p.entry.id === 'how_to_join.for_relatives' ? (p.lead ?? '') : saidOf(p.lead ?? '', them));
    return own.map((p, k) => (k === j ? { ...p, lead: `Với ${name}: ${said(p)}`.trim() } : p.lead ? { ...p, lead: said(p) } : p));
  });
  // (A sum for all of them, "cả 2 người: …", said in each one's turn: once where everyone pays the same, nowhere where they
  // pay differently, a poor household's brother beside an ethnic-minority sister.)
  const sums = new Set(parts.flatMap((p) => [...(p.lead ?? '').matchAll(FOR_ALL)].map((m) => m[0])));
  // (Said in every turn, or one turn's payment doubled for the other, who pays another sum: "cả 2 người: 2.772.000" for a Khmer
  // wife beside a Kinh husband at 6 triệu.)
  const sayingSum = turns.every((_t, k) => answers[k]!.parts.some((p) => (p.lead ?? '').includes('; cả ')));
  let summed = false;
  const withSums = parts.map((p) => {
    if (!p.lead?.includes('; cả ')) return p;
    const lead = p.lead.replace(FOR_ALL, (m) => (sums.size === 1 && sayingSum && !summed ? ((summed = true), m) : ''));
    return { ...p, lead };
  });
  // (An ask about both, "mỗi tháng chuẩn bị bao nhiêu cho cả 2 người", answered in each one's turn alike: once.)
  const bare = (p: AnswerPart): string | undefined => p.lead?.replace(FOR_ALL, '');
  const once = withSums.filter((p, k) => !withSums.slice(0, k).some((q) => q.entry.id === p.entry.id && bare(q) === bare(p)));
  const first = answers[0]!;
  return { ...first, answer: composeReply(once, CHAT_CAPS, day), parts: once };
}

/** An ask about what a death brings ("được nhận những khoản gì", "tiền tuất", "mai táng", "nhận thay", "gia đình tôi …"). */
const DEATH_ASK = /\b(?:tuat|mai tang|nhan thay|lanh thay|huong thay|linh thay|thua ke|khoan (?:gi|nao)|nhung khoan|che do gi|quyen loi gi|gia dinh|ca nha|than nhan)\b/;
/** How a letter's asks name a member who died, by who they were (an ask naming them is about the death: "lĩnh tiếp lương hưu của bố"). */
const DEAD_NAMED: Readonly<Partial<Record<Person, RegExp>>> = {
  bo: /\b(?:bo|cha)\b/,
  me: /\bme\b/,
  chong: /\b(?:chong|anh ay|ong ay)\b/,
  vo: /\b(?:vo|chi ay|ba ay)\b/,
  ong: /\bong\b/,
  contrai: /\b(?:con|chau)\b/,
  congai: /\b(?:con|chau)\b/,
  con: /\b(?:con|chau)\b/,
};
/** A death supposed, not told ("nếu tôi mất", "lỡ chồng tôi chết"). */
const DEATH_IF = /\b(?:neu|lo|chang may|gia su|den khi|khi)\b/;

/**
 * A letter that tells a member's death and also asks about a living relative's own case ("Bố tôi đóng … 12 năm thì mất
 * tháng 8/2026. Mẹ tôi 58 tuổi, … đóng tự nguyện được 6 năm. … Mẹ tôi có được đóng tiếp để lấy lương hưu không?"): what the
 * death brings, read on the letter without that relative's asks, and the relative's asks answered on their own sentences,
 * named. The death's part first when the letter asks about it, else after. Undefined for any other letter.
 */
function deathBesideLiving(index: FaqIndex, text: string, threshold: number, facts: Situation, day: AsOfDay): FaqAnswer | undefined {
  const letter = foldWords(text);
  if (!has(DEATH, letter)) return undefined;
  const clauses = clausesByPerson(text);
  const died = (c: string): boolean => has(DEATH, foldWords(c)) && !has(DEATH_IF, foldWords(c)) && !c.includes('?');
  const dead = [...new Set(clauses.filter((c) => c.who !== undefined && died(c.clause)).map((c) => c.who!))];
  if (dead.length !== 1) return undefined;
  const deadNamed = DEAD_NAMED[dead[0]!];
  if (!deadNamed) return undefined;
  const isAsk = (c: string): boolean => c.includes('?');
  // (A relative's own ask, opening with them: the asker's own asks beside a death are read by the usual answer.)
  const livingAsk = (c: { clause: string; who: Person | undefined; named: boolean }): boolean =>
    isAsk(c.clause) && c.named && c.who !== undefined && c.who !== 'asker' && c.who !== dead[0] && !has(DEATH, foldWords(c.clause)) && !has(DEATH_ASK, foldWords(c.clause)) && !has(deadNamed, foldWords(c.clause));
  const living = [...new Set(clauses.filter(livingAsk).map((c) => c.who))].filter((p): p is Exclude<Person, 'asker'> => p !== undefined && p !== 'asker');
  if (living.length === 0) return askerBesideDeath(index, clauses, dead[0]!, deadNamed, threshold, facts, day);
  if (living.length !== 1) return undefined;
  const who = living[0]!;
  const own = clauses.filter((c) => c.who === who && !died(c.clause) && (!isAsk(c.clause) || livingAsk(c)));
  // (A child's ask with no facts of their own, "Con em sau này có được trợ cấp gì hằng tháng không ạ?", is the death's: the
  // asker's own case, if told, is the living one.)
  if (!own.some((c) => !isAsk(c.clause) && has(FACT, foldWords(c.clause)))) return askerBesideDeath(index, clauses, dead[0]!, deadNamed, threshold, facts, day);
  const deathText = clauses.filter((c) => !livingAsk(c)).map((c) => c.clause).join(' ');
  const both = deathAndLiving(index, deathText, own.map((c) => c.clause).join(' '), PERSON_SEX[who], threshold, facts, day);
  if (!both) return undefined;
  const [forDeath, forLiving] = both;
  const theirs = forLiving.parts.slice(0, 2).map((p, k) => {
    const said = p.lead ? saidOf(p.lead, PERSON_PRONOUN[who]) : '';
    return k === 0 ? { ...p, lead: `Với ${PERSON_NAME[who]}: ${said}`.trim() } : { ...p, lead: said || undefined };
  });
  const deathAsked = clauses.some((c) => isAsk(c.clause) && !livingAsk(c));
  const parts = deathAsked ? [...forDeath.parts.slice(0, 2), ...theirs] : [...theirs, forDeath.parts[0]!];
  return entryAnswer(parts, Math.min(forDeath.confidence, forLiving.confidence), forDeath.alternatives, day);
}

/**
 * The death's text and a living person's own text answered apart, each for one person (`sex` the living one's, when known):
 * undefined unless the first is about the death and the second is not.
 */
function deathAndLiving(index: FaqIndex, deathText: string, livingText: string, sex: 'male' | 'female' | undefined, threshold: number, facts: Situation, day: AsOfDay): [FaqAnswer, FaqAnswer] | undefined {
  forOnePerson = true;
  let forDeath: FaqAnswer;
  let forLiving: FaqAnswer;
  try {
    forDeath = answerQuestion(index, deathText, threshold, facts, day);
    forLiving = answerQuestion(index, livingText, threshold, sex ? { ...facts, sex } : facts, day);
  } finally {
    forOnePerson = false;
  }
  if (forDeath.kind !== 'entry' || forDeath.parts[0]!.entry.topic !== 'survivor' || forLiving.kind !== 'entry' || forLiving.parts[0]!.entry.topic === 'survivor') return undefined;
  return [forDeath, forLiving];
}

/** A spouse's sex from the one who died ("Chồng em … mất": the asker is his wife). */
const SPOUSE_SEX: Readonly<Partial<Record<Person, 'male' | 'female'>>> = { chong: 'female', vo: 'male' };

/**
 * The asker's own case beside a member's death (deathBesideLiving): "Chồng em … mất tháng 9/2026 … đóng tự nguyện … Em thì 49
 * tuổi, đang đóng tự nguyện được 2 năm. … 4. Em có nên đóng tiếp không, bao giờ em được lãnh lương hưu?". The death is read
 * on the letter without the asker's own sentences (her age and years are not his), and her own asks on her own sentences,
 * told apart ("Còn anh/chị: …"). Undefined unless the asker tells facts of their own after naming the one who died, and asks
 * something that is not about the death.
 */
function askerBesideDeath(
  index: FaqIndex,
  clauses: ReadonlyArray<{ clause: string; who: Person | undefined; named: boolean }>,
  dead: Person,
  deadNamed: RegExp,
  threshold: number,
  facts: Situation,
  day: AsOfDay,
): FaqAnswer | undefined {
  const isAsk = (c: string): boolean => c.includes('?');
  const aboutDeath = (c: string): boolean => {
    const f = foldWords(c);
    return has(DEATH, f) || has(DEATH_ASK, f) || has(deadNamed, f) || has(/\b(?:thay|cua) anh\b(?! chi\b)|\bcong (?:\w+ )?(?:nam|thoi gian)\b/, f);
  };
  const deadAt = clauses.findIndex((c) => c.who === dead);
  // (The asker's facts told after the one who died, opening with the asker: "Em thì 49 tuổi, đang đóng tự nguyện được 2 năm.")
  // (Or told in the ask itself, "Em đang mang thai tháng thứ 7, em cũng đóng tự nguyện từ tháng 1/2026 tới giờ, vậy em sinh có
  // được 2 triệu không?"; not a rumour about the death's rule, "Em nghe nói đóng chưa đủ 1 năm …".)
  const ownFacts = clauses.filter((c, k) => k > deadAt && c.who === 'asker' && c.named && !aboutDeath(c.clause) && !has(/\b(?:nghe noi|nghe bao|nguoi ta (?:bao|noi))\b/, foldWords(c.clause)) && has(FACT, foldWords(c.clause)) && has(/\b(?:tuoi|nam|thang|dong|tham gia)\b/, foldWords(c.clause)));
  const ownAsks = clauses.filter((c, k) => k > deadAt && c.who === 'asker' && isAsk(c.clause) && !aboutDeath(c.clause));
  if (deadAt < 0 || ownFacts.length === 0 || ownAsks.length === 0) return undefined;
  // (And the asker's own birth or age told before the death: "Tôi tên Lan, sinh tháng 4/1974, ở Nghệ An. Chồng tôi mất …".)
  const before = clauses.filter((c, k) => k < deadAt && c.who === 'asker' && !aboutDeath(c.clause) && has(/\b(?:sinh|sn) (?:ngay \d{1,2} )?(?:thang )?\d|\b\d{2} tuoi\b/, foldWords(c.clause)));
  const mine = new Set([...before, ...ownFacts, ...ownAsks]);
  const deathText = clauses.filter((c) => !mine.has(c)).map((c) => c.clause).join(' ');
  const both = deathAndLiving(index, deathText, clauses.filter((c) => mine.has(c)).map((c) => c.clause).join(' '), SPOUSE_SEX[dead], threshold, facts, day);
  if (!both) return undefined;
  const [forDeath, forLiving] = both;
  const theirs = forLiving.parts.slice(0, 2).map((p, k) => (k === 0 ? { ...p, lead: `Còn anh/chị: ${p.lead ?? ''}`.trim() } : p));
  // (Of the death's answer, what the death brings: not a pension's worked example that "… bao nhiêu?" pulled in.)
  // (Nor the member's years said twice, "Người mất đã đóng khoảng 1,5 năm: …" on two entries.)
  const deathParts = forDeath.parts.filter((p, k, all) => k === 0 || (p.entry.topic === 'survivor' && !all.slice(0, k).some((q) => p.lead !== undefined && sameOpening(q.lead, p.lead)))).slice(0, 3);
  return entryAnswer([...deathParts, ...theirs], Math.min(forDeath.confidence, forLiving.confidence), forDeath.alternatives, day);
}

/** Paying since before 1/7/2025 by what the message tells: a start year before 2025, or more years than since then. */
function paidBeforeReform(s: Situation): boolean {
  if (s.startYear !== undefined) return s.startYear < 2025;
  return s.yearsPaid !== undefined && s.year !== undefined && s.yearsPaid > s.year - 2025 + 1;
}

/**
 * A message of several asks of different topics ("đóng tự nguyện có được hưởng ốm đau không, thai sản bao nhiêu, có
 * thẻ BHYT không") whose words together match nothing surely: its first ask alone decides the first answer (the
 * others are answered as further asks). The whole message's match otherwise.
 */
function surerFirstAsk(index: FaqIndex, text: string, whole: Match, threshold: number): Match {
  if (whole.confidence >= threshold) return whole;
  const asks = closedAsks(text).filter((x) => foldWords(x).split(' ').length >= 3);
  if (asks.length < 2) return whole;
  const first = matchEntry(index, asks[0]!, false, birthIn(text));
  return first.confidence >= threshold ? { ...first, alternatives: whole.alternatives } : whole;
}

/** Asks when, or how many years more ("bao giờ được lãnh", "phải đóng thêm bao nhiêu năm", "khi nào hưởng", "có kịp không"). */
// ("có phải đóng tiếp hằng tháng 5 năm nữa không": the years still to pay, asked.)
const ASKS_WHEN = /\b(?:bao gio|khi nao|may tuoi|bao nhieu tuoi|(?:them|con|thieu) (?:bao nhieu|may) nam|bao nhieu nam nua|den nam nao|co kip|phai dong (?:\w+ ){0,4}\d{1,2} nam nua)\b/;
/** Topics whose answer a person's years and retirement year complete. */
const YEARS_TOPICS: ReadonlySet<string> = new Set(['eligibility', 'pension_conditions', 'transfer_between_schemes', 'benefits_pension', 'payment_mode', 'contribution_amount']);

/** A retirement month said for the person ("đủ tuổi nghỉ hưu (58 tuổi 4 tháng) vào tháng 12/2030", "đến tuổi nghỉ hưu vào tháng 2/2034"). */
const DATE_SAID = /tuổi nghỉ hưu (?:\([^)]*\) )?(?:vào|từ|trong khoảng) tháng \d|tuổi nghỉ hưu \([^)]*từ tháng \d/;

/**
 * The month the person reaches the retirement age, when they ask it and tell their birth month or year, and no
 * part says it yet (a message of several asks whose first answer is another rule).
 */
function withRetirementDate(parts: AnswerPart[], text: string, s: Situation): AnswerPart[] {
  const first = parts[0];
  // (A record to correct first, "sổ ghi năm sinh 1968 nhưng căn cước là 1969": the month from the wrong year would mislead.)
  if (first?.entry.id === 'other.change_details') return parts;
  const f = askWords(text);
  // (Voluntary years begun before 2021 that retire early, at 55 or 60: the general age would contradict it.)
  // (A month said already; the year's general ages, "khi đủ tuổi nghỉ hưu (năm 2026: …)", are not this person's month.)
  // (Nor the social pension's age asked, "khi nào ông được nhận trợ cấp hưu trí xã hội".)
  if (!first || transitionalEarly(s) || parts.some((p) => p.lead !== undefined && has(DATE_SAID, p.lead)) || !asksRetirementDate(f) || has(/\bhuu tri xa hoi\b/, f)) return parts;
  const date = retirementDateLead(f, s);
  if (!date) return parts;
  // (A death answered first, "Bố tôi … mất … Mẹ tôi sinh tháng 1/1970 … khi nào đủ tuổi nghỉ hưu": the date on the living
  // person's part about years, when there is one.)
  const at = first.entry.topic === 'survivor' ? Math.max(0, parts.findIndex((p) => YEARS_TOPICS.has(p.entry.topic))) : 0;
  const target = parts[at]!;
  return parts.map((p, i) => (i === at ? { ...target, lead: target.lead ? `${date} ${target.lead}` : date } : p));
}

/**
 * A reply that answers "can I / how much" but not the "when" the person also asked, although their age, sex and
 * years are known: their own plan (years missing, the year and age they retire) leads the first answer.
 */
function withYearsLead(parts: AnswerPart[], text: string, s: Situation): AnswerPart[] {
  // (The first part of the years' topics: "Cuốn sổ ghi sai năm sinh …" answered first does not take the years' sentence
  // that "em còn thiếu mấy năm để có lương hưu" asks for.)
  const at = parts.findIndex((p) => YEARS_TOPICS.has(p.entry.topic));
  const first = parts[at];
  // (The sex not told, the years paid are, and the pension asked about: what is missing to 15 years holds for both.)
  if (!first || parts.some((p) => p.lead !== undefined) || s.age === undefined) return parts;
  const f = askWords(text);
  if (!has(ASKS_WHEN, f) || (!s.sex && (s.yearsPaid === undefined || !has(/\b(?:luong huu|nghi huu|ve huu|15 nam)\b/, f)))) return parts;
  // (A later part only when the years paid are told: the years' topics then answer "thiếu mấy năm" for them.)
  if (at > 0 && s.yearsPaid === undefined) return parts;
  const lead = yearsLead(s);
  return lead ? parts.map((p, k) => (k === at ? { ...p, lead } : p)) : parts;
}

/**
 * The years still missing, asked ("phải đóng thêm bao nhiêu năm mới có lương hưu", "cần đóng thêm mấy năm") beside years told
 * and answered by a part that does not reckon them (the years kept after working abroad, the periods added up): the years'
 * sentence after that part's own.
 */
function withMissingYears(parts: AnswerPart[], text: string, s: Situation): AnswerPart[] {
  if (s.yearsPaid === undefined || s.yearsPaid >= 15 || s.drawingPension || s.withdrewBefore || parts.some((p) => has(/còn thiếu|đủ 15 năm/, p.lead ?? ''))) return parts;
  if (!has(/\b(?:dong|can|phai) (?:them|tiep) (?:bao nhieu|may) nam\b|\b(?:con )?thieu (?:bao nhieu|may) nam\b/, askWords(text))) return parts;
  const at = Math.max(0, parts.findIndex((p) => YEARS_TOPICS.has(p.entry.topic)));
  const lead = yearsLead(s);
  return lead ? parts.map((p, k) => (k === at ? { ...p, lead: p.lead ? `${p.lead} ${lead}` : lead } : p)) : parts;
}

/**
 * A maternity part answered for a later ask ("Khi sinh thì vợ em được nhận thai sản bao nhiêu …" after the subsidy), with
 * the months paid before the birth reckoned first ("Vợ em đóng … từ tháng 1/2026, …, dự sinh tháng 3/2027"), unless a part
 * says them already.
 */
function withBirthMonths(parts: AnswerPart[], text: string, index: FaqIndex): AnswerPart[] {
  const i = parts.findIndex((p) => p.entry.topic === 'maternity');
  if (i <= 0 || parts.some((p) => p.entry.topic === 'maternity' && has(/\d+ tháng/, p.lead ?? ''))) return parts;
  const months = monthsBeforeBirthLead(askWords(text));
  if (!months) return parts;
  // (Too few months: not beside a rule that opens "Có." for the father; the rule of the 6 months instead.)
  const general = months.includes('chưa') && has(/^Có[.,:]/u, parts[i]!.entry.short) ? index.entries.get('maternity.conditions') : undefined;
  return parts.map((p, k) => (k === i ? { ...p, ...(general ? { entry: general } : {}), lead: p.lead ? `${months} ${p.lead}` : months } : p));
}

/** Entries on starting late, whose general rule wants the person's own plan. */
const LATE_START_ENTRIES: ReadonlySet<string> = new Set(['pension_conditions.late_starter', 'eligibility.no_upper_age']);

/**
 * A late start's rule answered after another part carries the person's first sentence ("Mẹ em sinh tháng 3/1974, chưa
 * đóng ngày nào … Mỗi người đóng bao nhiêu? … bây giờ mới đóng thì đến tuổi nghỉ hưu có kịp không"): with their plan
 * from now (startLead), unless a part says it already.
 */
function withStartPlan(parts: AnswerPart[], s: Situation, text = ''): AnswerPart[] {
  if (!s.neverPaid || s.age === undefined) return parts;
  // (After a retirement date only, "Nữ sinh tháng 3/1976 đủ tuổi nghỉ hưu …": the plan follows it.)
  const late = parts.findIndex((p) => LATE_START_ENTRIES.has(p.entry.id) && (p.lead === undefined || has(/^(?:Nam|Nữ) sinh [^.]*đủ tuổi nghỉ hưu[^.]*\.$/, p.lead)));
  // (Or the pension asked by someone starting now, "định từ tháng 12/2026 đóng … đến khi nghỉ hưu … về hưu lương khoảng bao
  // nhiêu": the plan on the first part, after its figures.)
  // ("… nếu bắt đầu từ tháng 12/2026 thì đến bao giờ bố em có lương hưu": when, too.)
  const i = late >= 0 ? late : s.birthMonth !== undefined && has(/\b(?:ve huu|nghi huu|luong huu)\b(?: \w+){0,3} (?:khoang |duoc )?bao nhieu\b|\b(?:bao gio|khi nao|nam nao)\b(?: \w+){0,4} (?:co|duoc|lanh|huong|nhan) (?:\w+ )?luong huu\b/, askWords(text)) ? 0 : -1;
  if (i < 0) return parts;
  const plan = startLead(s);
  if (!plan || parts.some((p) => p.lead?.includes(plan))) return parts;
  return parts.map((p, k) => (k === i ? { ...p, lead: p.lead ? `${p.lead} ${plan}` : plan } : p));
}

/**
 * The rule on paying the missing years at once ("Được. … thiếu không quá 5 năm") for someone more than 5 years short:
 * the rule for their gap instead (pay on until 5 are missing), so that no part of the reply says "Được" to them; for
 * someone within 5 years, the rule with their own years.
 */
function forTheirGap(parts: AnswerPart[], s: Situation, index: FaqIndex): AnswerPart[] {
  // (Nothing paid yet, "chưa đóng ngày nào … đóng 1 lần cho đủ 15 năm": all 15 years missing.)
  const paid = s.yearsPaid ?? (s.neverPaid ? 0 : undefined);
  if (paid === undefined) return parts;
  // 15 years or more, told already that the payment is not for them: the rule's "Được" goes.
  if (parts.some((p) => p.lead?.includes(PAST_FIFTEEN_ONCE))) return parts.filter((p) => p.entry.id !== 'pension_conditions.pay_missing_once');
  // Within 5 years: the rule with what it means for them (the years missing, the rate at 15), unless said already.
  if (15 - paid <= 5) {
    const own = yearsLead(s);
    const lead = own !== undefined && parts.some((p) => p.lead?.includes(own)) ? undefined : own;
    return lead ? parts.map((p) => (p.entry.id === 'pension_conditions.pay_missing_once' && p.lead === undefined ? { ...p, lead } : p)) : parts;
  }
  const theirs = index.entries.get('pension_conditions.missing_more_than_5');
  if (!theirs) return parts;
  const has = parts.some((p) => p.entry.id === theirs.id);
  // (With what it means for them, "đã đóng 8 năm, còn thiếu 7 năm …", unless a part says it already.)
  const own = yearsLead(s);
  const lead = own !== undefined && !parts.some((p) => p.lead?.includes(own)) ? own : undefined;
  return parts.flatMap((p) => (p.entry.id !== 'pension_conditions.pay_missing_once' ? [p] : has ? [] : [{ ...p, entry: theirs, lead: p.lead ?? lead }]));
}

/** The years paid so far asked: "tới nay tôi được tổng cộng bao nhiêu năm", "tính tới nay tôi có bao nhiêu năm rồi". */
const YEARS_SO_FAR_ASKED = /\b(?:tong cong|tat ca|cong lai|(?:tinh )?(?:den|toi) (?:nay|gio|bay gio))\b(?: \w+){0,4}? (?:duoc |co |dong duoc )?(?:bao nhieu|may) nam\b(?! nua\b)|\b(?:duoc|co) (?:tong cong )?(?:bao nhieu|may) nam (?:roi|dong)\b/;
/** A part with a sentence after its own lead, or before it; the sentence alone when it has none. */
const leadAfter = (p: AnswerPart, text: string): AnswerPart => ({ ...p, lead: p.lead ? `${p.lead} ${text}` : text });
const leadBefore = (p: AnswerPart, text: string): AnswerPart => ({ ...p, lead: p.lead ? `${text} ${p.lead}` : text });

/** A facet's general answer that a later ask's own rule of the same topic replaces (where to pay → the post office). */
const GENERAL_FACETS: ReadonlySet<string> = new Set(['where_to_pay.collection_agents']);
/** What to pay asked in so many words ("đóng mức thấp nhất là bao nhiêu"; not "đóng bao nhiêu năm"). */
const PAYMENT_ASKED = /\b(?:dong|nop) (?:\w+ ){0,5}bao nhieu\b(?! (?:nam|lau|thang nua|nam nua))/;
/** Topics whose answer the contribution for the person's income or group completes; the pension estimate's. */
const CONTRIBUTION_TOPICS: ReadonlySet<string> = new Set(['subsidy', 'contribution_amount', 'calculator', 'payment_mode']);
const PENSION_TOPICS: ReadonlySet<string> = new Set(['benefits_pension', 'calculator', 'pension_conditions']);

/** Parts of one entry joined into the first: the later asks' sentences after its own (the entry said once). */
function mergeSameEntry(parts: AnswerPart[]): AnswerPart[] {
  const out: AnswerPart[] = [];
  for (const p of parts) {
    const at = out.findIndex((q) => q.entry.id === p.entry.id);
    if (at < 0) out.push(p);
    else if (p.lead && !sameOpening(out[at]!.lead, p.lead)) out[at] = leadAfter(out[at]!, p.lead);
  }
  return out;
}

/** Two leads opening alike, up to the first colon ("Người mất đã đóng khoảng 10,7 năm: …"): one said, the other a variant. */
const sameOpening = (a: string | undefined, b: string): boolean => {
  const head = (x: string): string | undefined => /^[^:.]{12,}:/.exec(x)?.[0];
  return a !== undefined && (a.includes(b) || (head(a) !== undefined && head(a) === head(b)));
};

/** The years left to 15 said beside a withdrawal ("Cân nhắc: anh/chị đã có 13 năm, chỉ còn thiếu 2 năm …"). */
const GAP_BESIDE_WITHDRAWAL = new RegExp(` (?:Nếu không rút mà đóng tiếp|Cân nhắc): anh/chị đã có [^;]*; ${KEPT_WHEN_PAUSED.replace('.', '\\.')}`, 'u');

/** Without that sentence when the person's own plan ("Anh/chị đã đóng 13 năm, còn thiếu 2 năm để đủ 15 năm …") says it. */
function withoutGapTwice(parts: AnswerPart[]): AnswerPart[] {
  if (!parts.some((p) => has(/còn thiếu [^.]*? để đủ 15 năm/u, p.lead ?? ''))) return parts;
  return parts.map((p) => (p.lead && has(GAP_BESIDE_WITHDRAWAL, p.lead) ? { ...p, lead: p.lead.replace(GAP_BESIDE_WITHDRAWAL, '') } : p));
}

/** The funeral allowance's rule beside a part that gives it for the person who died ("… nên người lo mai táng được trợ cấp mai táng 25.300.000 đồng"): said once. */
function withoutFuneralTwice(parts: AnswerPart[]): AnswerPart[] {
  if (parts.length < 2 || !parts.some((p) => has(/người lo mai táng được trợ cấp mai táng (?:\d|\{)/u, p.lead ?? ''))) return parts;
  return parts.filter((p) => p.entry.id !== 'survivor.funeral_allowance' || p.lead !== undefined);
}

/** Entries that only say what a month costs for an income: the pension wanted's lead already tells it for that pension. */
const PREMIUM_ONLY = new Set(['calculator.premium_for_income', 'contribution_amount.how_much_month']);

/**
 * Without a later ask's bare premium rule when a part already leads with the income a wanted pension needs and its
 * premium ("muốn sau này nhận lương hưu khoảng 5 triệu … thì cần đóng bao nhiêu …": said once).
 */
function withoutPremiumBesideTarget(parts: AnswerPart[]): AnswerPart[] {
  if (!parts.some((p) => p.lead?.startsWith('Để có lương hưu khoảng'))) return parts;
  const kept = parts.filter((p, i) => i === 0 || p.lead || !PREMIUM_ONLY.has(p.entry.id));
  return kept.length === parts.length ? parts : kept;
}

/**
 * The person's own figures on the answer that asks for them, when no part says them yet: the rate table of their
 * sex, the contribution for their income, group or mode (on a later ask too: "… nhà tôi hộ cận nghèo thì được hỗ
 * trợ bao nhiêu"), a lump sum in months of average income for their years, and the pension for the income and
 * years they name. Applying it twice adds nothing.
 */
function withFigures(parts: AnswerPart[], text: string, s: Situation, index: FaqIndex, afterAsks = false): AnswerPart[] {
  const f = askWords(text);
  // The rate table of the person's own sex ("nam … đóng thêm 5 năm thì được bao nhiêu %": the men's).
  const otherSex = s.sex === 'male' ? 'benefits_pension.rate_women' : s.sex === 'female' ? 'benefits_pension.rate_men' : undefined;
  const ownSex = otherSex ? index.entries.get(s.sex === 'male' ? 'benefits_pension.rate_men' : 'benefits_pension.rate_women') : undefined;
  const out = parts.map((p) => (ownSex && p.entry.id === otherSex && !parts.some((q) => q.entry.id === ownSex.id) ? { ...p, entry: ownSex } : p));
  // A pension wanted ("muốn lương hưu 5 triệu thì đóng mức nào"): the income it needs, not that amount as the income.
  const target = targetPensionLead(f, s);
  if (target && !out.some((p) => p.lead?.startsWith('Để có lương hưu'))) {
    const at = Math.max(0, out.findIndex((p) => CONTRIBUTION_TOPICS.has(p.entry.topic) || PENSION_TOPICS.has(p.entry.topic)));
    out[at] = leadBefore(out[at]!, target);
  }
  // (No part of those topics, the payment asked all the same, "… đóng tiếp cho đủ 15 năm thì mỗi tháng đóng mức thấp
  // nhất là bao nhiêu" after quitting a job: the first part says it after its own sentence.)
  // (Or a payment said in figures by a route's sentence: "Từ kỳ sau (tháng 3/2027) … nộp 387.200 đồng/tháng".)
  const hasPay = out.some((p) => p.lead?.includes('{PAY_') || has(/\bnộp [\d.]+ đồng\/tháng/u, p.lead ?? ''));
  const payTopic = hasPay ? -1 : out.findIndex((p) => CONTRIBUTION_TOPICS.has(p.entry.topic));
  // (Once every ask has its part: not when a cost is said already, the missing years' at once, or a health card's.)
  const unanswered =
    afterAsks && payTopic < 0 && !hasPay && out.length > 0 && has(PAYMENT_ASKED, f) && !has(ASKS_PENSION_AMOUNT, f) && !has(/\b(?:bhyt|y te|(?:dong|nop) (?:\w+ ){0,2}mot lan)\b/, f) && !out.some((p) => p.lead?.includes('tháng còn thiếu x'));
  const pay = unanswered ? -2 : payTopic;
  if (pay === -2) {
    const lead = contributionLead(text, f, s);
    if (lead) out[0] = leadAfter(out[0]!, lead);
  }
  if (pay >= 0) {
    const lead = contributionLead(text, f, s);
    // ("Chưa đổi ngay được …" answers the ask; the amounts at the new level come after it.)
    // ("Không được đóng trước 10 năm một lần …" too: the amount at the income told after it.)
    if (lead) out[pay] = has(/^(?:Chưa đổi (?:ngay|từ tháng)|Không được đóng trước)/u, out[pay]!.lead ?? '') ? leadAfter(out[pay]!, lead) : leadBefore(out[pay]!, lead);
  }
  // The years so far asked ("Tới nay tôi được tổng cộng bao nhiêu năm?", "tính tới nay tôi có bao nhiêu năm rồi") when no
  // part tells them: the count of the periods told, and what 15 years mean for it.
  if (afterAsks && s.yearsPaid !== undefined && out.length > 0 && has(YEARS_SO_FAR_ASKED, f) && !has(/\b(?:luc do|khi do|den luc|den khi|luc nghi huu|khi nghi huu)\b(?: \w+){0,3} tong cong\b/, f) && !out.some((p) => (p.lead ?? '').includes(`đã đóng ${spell(s.yearsPaid!)}`))) {
    const own = yearsLead(s);
    const count = `Tính đến nay anh/chị đã đóng ${spell(s.yearsPaid)} (các giai đoạn đóng bắt buộc, tự nguyện được cộng dồn; thời gian không đóng hay đã nhận BHXH một lần thì không tính).`;
    out[0] = leadBefore(out[0]!, own && !out.some((p) => p.lead?.includes(own)) ? `${count} ${own.replace(/^Anh\/chị đã đóng [^,:]+: từ/u, 'Từ').replace(/^Anh\/chị đã đóng [^,:]+, còn/u, 'Anh/chị còn')}` : count);
  }
  // Whether only the last years count toward the pension ("nâng lên thì sau này lương hưu có cao hơn không hay chỉ tính mấy
  // năm cuối"): the whole period's average.
  const lastYearsAsked = has(/\b(?:chi )?tinh (?:\w+ ){0,2}(?:may |nhung |vai )?(?:nam|thang) cuoi\b|\b(?:may|nhung|vai|\d{1,2}) nam cuoi\b(?= (?:\w+ ){0,4}(?:khong|ko|k|a)\b)/, f);
  if (afterAsks && out.length > 0 && lastYearsAsked && !out.some((p) => `${p.lead ?? ''} ${p.entry.short}`.includes('cả quá trình'))) {
    out[out.length - 1] = leadAfter(out[out.length - 1]!, 'Lương hưu tính theo bình quân thu nhập đã đóng của cả quá trình (các năm trước được nhân hệ số trượt giá), không chỉ mấy năm cuối: đóng ở mức cao càng nhiều năm thì bình quân, và lương hưu, càng cao.');
  }
  // (The rule said by a later part, but a rumour asked about first, "nghe nói lương hưu tính theo mấy năm cuối … có đúng không",
  // beside a "Được" to raising the level: the rumour answered first, in so many words.)
  const howAt = out.findIndex((p) => p.entry.id === 'benefits_pension.how_calculated' && p.lead === undefined);
  if (afterAsks && howAt > 0 && lastYearsAsked && has(/\b(?:nghe noi|nghe bao|nguoi ta (?:bao|noi))\b/, f) && has(/^Được[.,:]/u, out[0]!.lead ?? out[0]!.entry.short)) {
    const how = { ...out[howAt]!, lead: AVERAGE_NOT_LAST_YEARS };
    out.splice(howAt, 1);
    out.unshift(how);
  }
  // No card with voluntary insurance, and the household card's price asked ("… hay phải mua riêng, mua riêng thì hết
  // khoảng bao nhiêu một năm"): the year's price for the household told.
  const cardAt = out.findIndex((p) => p.entry.id === 'health_insurance.contributor_card');
  if (afterAsks && cardAt >= 0 && (has(HOUSEHOLD_CARD, f) || has(OWN_CARD_PRICE, f)) && !out.some((p) => (p.lead ?? '').includes('đồng/năm (lương cơ sở'))) {
    const price = householdCardLead(s, f);
    if (price) out[cardAt] = leadAfter(out[cardAt]!, price);
  }
  // Paying the missing years at once at the income told: what it comes to.
  // (Or the part that tells someone at the age to pay the missing years at once, "nên được đóng một lần cho 2 năm".)
  // (Or the plan that ends in paying the rest at once, "… còn thiếu 3 năm 7 tháng: đóng một lần phần thiếu", reckoned to the
  // month of the age when the birth month is told.)
  const missing = out.findIndex((p) => p.entry.id === 'pension_conditions.pay_missing_once' || p.lead?.includes('nên được đóng một lần cho') || (s.birthMonth !== undefined && p.lead?.includes(': đóng một lần phần thiếu')));
  if (missing >= 0 && !out.some((p) => p.lead?.includes('tháng còn thiếu x'))) {
    const cost = missingYearsCostLead(text, f, s);
    if (cost) out[missing] = leadAfter(out[missing]!, cost);
  }
  const lump = out.findIndex((p) => p.entry.topic === 'lump_sum');
  if (lump >= 0 && !out.some((p) => p.lead?.includes('tháng thu nhập bình quân') || p.lead?.includes('thu nhập các năm được điều chỉnh trượt giá'))) {
    // Close to 15 years ("14 năm 5 tháng, rút luôn cho xong"): how little is missing comes first.
    // (Not for an illness at its last stage, "ung thư giai đoạn cuối": the years to 15 are beside the point.)
    const close = s.yearsPaid !== undefined && s.yearsPaid >= 12 && s.yearsPaid < 15 && !(s.seriousIllness && has(LAST_STAGE, f)) && !out.some((p) => p.lead?.includes('để đủ 15 năm')) ? yearsLead(s) : undefined;
    // (Said of the relative who is ill, "Chồng tôi bị ung thư …": "Anh ấy đã đóng 12 năm, còn thiếu 3 năm …".)
    const ill = close && illRelative(f);
    const forThem = ill ? saidOf(close, PERSON_PRONOUN[ill]) : close;
    const lead = [forThem, lumpSumMonthsLead(f, s)].filter((x) => x !== undefined).join(' ') || undefined;
    if (lead) out[lump] = leadAfter(out[lump]!, lead);
  }
  // Asked whether the 20-voluntary-years rule (a pension at 55 or 60) is theirs, and it is not: said on the part that
  // tells the rule, whichever ask brought it.
  // (Or on their years' part when no part tells it: "đóng bắt buộc đủ 20 năm …, có được áp dụng như vậy để nghỉ ở 60 tuổi không".)
  const ruleAt = out.findIndex((p) => p.entry.id === 'pension_conditions.early_retirement' || p.entry.id === 'pension_conditions.transitional_20y');
  const early = ruleAt >= 0 ? ruleAt : out.findIndex((p) => p.entry.id === 'pension_conditions.years_15' && has(/\b(?:nghi|huu|huong)(?: \w+){0,3} (?:o|luc|khi|tu) (?:55|60) tuoi\b/, f));
  const notTheirs = afterAsks && early >= 0 && has(/\b(?:55|60) tuoi\b|\btuoi (?:55|60)\b/, f) && has(/\b20 nam\b/, f) && !out.some((p) => (p.lead ?? '').includes('không thuộc diện nghỉ hưu ở')) ? notTransitionalLead(s) : undefined;
  if (notTheirs) out[early] = leadBefore(out[early]!, notTheirs);
  // A poor household's birth where the mother is of an ethnic minority or married to one: the Government's further support.
  const birthAt = out.findIndex((p) => p.entry.topic === 'maternity');
  if (afterAsks && birthAt >= 0 && s.household === 'poor' && (s.ethnicMinority === true || s.spouseEthnic === true) && !out.some((p) => (p.lead ?? '').includes('có chồng là người dân tộc thiểu số'))) {
    out[birthAt] = leadAfter(out[birthAt]!, 'Phụ nữ dân tộc thiểu số, hoặc phụ nữ người Kinh có chồng là người dân tộc thiểu số, thuộc hộ nghèo còn được hỗ trợ thêm khi sinh con theo quy định của Chính phủ: hỏi UBND xã nơi cư trú.');
  }
  // Twins or triplets at a birth: the sum, unless a part says it ("sinh đôi … tổng được bao nhiêu").
  const births = afterAsks ? babiesBorn(f) : 1;
  const mat = out.findIndex((p) => p.entry.topic === 'maternity');
  if (births > 1 && mat >= 0 && !out.some((p) => `${p.lead ?? ''} ${p.entry.short}`.includes(`${births * 2}.000.000`))) {
    out[mat] = leadAfter(out[mat]!, `${birthsSum(births)} (khi đủ điều kiện).`);
  }
  // The rate asked for years named ("đóng thêm 5 năm cho đủ 15 năm thì … tỷ lệ bao nhiêu") when no part says one.
  // (Their own years of 15 or more first: "20 năm bắt buộc và 5 năm tự nguyện … tỷ lệ bao nhiêu" is 25 years' rate, whatever
  // "phải đủ 20 năm" they believed.)
  // (A pension's rate said, not the 22% of a payment: "mức đóng 22% là 2.200.000 đồng" says no rate.)
  const saysRate = (p: AnswerPart): boolean => has(/\d%(?! (?:là|mức|thu nhập))/u, (p.lead ?? '').replace(/mức đóng 22%/gu, ''));
  const ownRate = afterAsks && has(RATE_ASKED, f) && !out.some(saysRate) && (s.yearsPaid ?? 0) >= 15 ? yearsLead(s) : undefined;
  if (ownRate) {
    const to = Math.max(0, out.findIndex((p) => PENSION_TOPICS.has(p.entry.topic)));
    if (out[to]) out[to] = leadBefore(out[to]!, ownRate);
  }
  if (afterAsks && has(RATE_ASKED, f) && !out.some(saysRate)) {
    // (Not the years already paid, nor years short of 15: "đóng được 4 năm … bao nhiêu %" is their plan's rate, said elsewhere.)
    const named = yearsAsked(f).filter((n) => n >= 15 && n !== s.yearsPaid);
    const rates = named.length > 0 ? ratesForYearsLead(named.map((n) => `dong ${n} nam`).join(' '), s.sex) : undefined;
    const to = Math.max(0, out.findIndex((p) => PENSION_TOPICS.has(p.entry.topic)));
    if (rates && out[to]) out[to] = leadAfter(out[to]!, rates);
  }
  // ("Tôi có nên đóng thêm tự nguyện vài năm nữa rồi mới nghỉ không?" from one at the highest rate: nothing more to gain.)
  const atTop = s.yearsPaid !== undefined && s.drawingPension !== true && ((s.sex === 'female' && s.yearsPaid >= 30) || (s.sex === 'male' && s.yearsPaid >= 35));
  const topAt = out.findIndex((p) => (p.lead ?? '').includes('tỷ lệ lương hưu là 75%'));
  if (afterAsks && atTop && topAt >= 0 && has(/\b(?:co )?nen (?:\w+ ){0,4}(?:dong|nop) (?:them|tiep)\b/, f)) {
    out[topAt] = leadAfter(out[topAt]!, 'Không nên đóng thêm để chờ: anh/chị đã ở tỷ lệ cao nhất 75%, đóng thêm không làm tăng tỷ lệ, mỗi năm dôi ra chỉ thêm nửa tháng trợ cấp một lần; làm hồ sơ hưởng lương hưu ngay thì nhận sớm hơn.');
  }
  // ("… chuyển sang đóng 6 tháng một lần …, hạn nộp thế nào?": the deadline of the mode named, when no part says one.)
  const modeAsked = afterAsks && has(/\bhan (?:chot |cuoi )?(?:dong|nop)\b|\bthoi han (?:dong|nop)\b|\bnop (?:\w+ ){0,2}(?:khi nao|luc nao|truoc ngay nao)\b/, f) ? /\b(3|6|12) thang (?:mot|1) lan\b/.exec(f)?.[1] : undefined;
  const modeAt = out.findIndex((p) => has(/tháng một lần/u, p.lead ?? ''));
  if (modeAsked && !out.some((p) => has(/hạn (?:nộp|đóng|chót)|nộp trong \d+ tháng/u, `${p.lead ?? ''} ${p.entry.short}`))) {
    const to = Math.max(0, modeAt);
    out[to] = leadAfter(out[to]!, `Đóng ${modeAsked} tháng một lần thì nộp ${paidWithin(Number(modeAsked))}; quá hạn chưa nộp thì coi như tạm dừng đóng, muốn đóng tiếp phải đăng ký lại.`);
  }
  // Afraid of losing the years paid when stopping ("tôi lo mất hết số năm đã đóng"): they are kept, whatever else is asked.
  if (afterAsks && s.memberDied !== true && s.yearsPaid !== undefined && out[0] && has(LOSES_PAID, f) && has(/\b(?:dung|ngung|nghi|tam dung|khong dong)\b/, f) && !out.some((p) => has(/bảo lưu|không (?:bị )?mất/, `${p.lead ?? ''} ${p.entry.short}`))) {
    out[0] = leadBefore(out[0], 'Số năm đã đóng không mất: dừng đóng thì thời gian đã đóng được bảo lưu, đóng lại lúc nào cũng được cộng tiếp.');
  }
  // ("… chưa đóng bảo hiểm ngày nào. Nghe nói phải đóng đủ 20 năm …, giờ bắt đầu thì tới 65 tuổi mới được hưởng hả?": the rule
  // said for them, the year and age their 15 years are reached.)
  const startAt = afterAsks && s.neverPaid === true && s.age !== undefined ? out.findIndex((p) => p.entry.id === 'pension_conditions.years_15' && p.lead === undefined) : -1;
  const start = startAt >= 0 ? startLead(s) : undefined;
  if (start) out[startAt] = { ...out[startAt]!, lead: start };
  // ("đóng bhxh tự nguyện được 16 năm rồi, giờ ngưng đóng thì có mất quyền lợi k": 15 years reached, the pension at the age
  // without paying more.)
  const stopping = afterAsks && s.memberDied !== true && s.drawingPension !== true && (s.yearsPaid ?? 0) >= 15 && has(/\b(?:ngung|dung) (?:\w+ ){0,2}(?:dong|tham gia)\b|\bnghi dong\b|\b(?:khong|ko|k) (?:dong|tham gia) (?:nua|tiep)\b/, f);
  const ownYears = stopping ? yearsLead(s) : undefined;
  const reached = ownYears && out[0] && !out.some((p) => has(/đủ (?:số năm|15 năm)|đã đủ 15/u, p.lead ?? '') || (p.lead ?? '').includes(ownYears.slice(0, 40))) ? ownYears : undefined;
  if (reached && out[0]) out[0] = leadBefore(out[0], reached);
  // Whether to withdraw, asked by someone with 15 years or more (no illness, not emigrating): not advised, the pension
  // and its health card are theirs at the age.
  if (afterAsks && has(SHOULD_WITHDRAW, f) && s.yearsPaid !== undefined && s.yearsPaid >= 15 && !s.seriousIllness && !s.settlingAbroad && s.drawingPension !== true && s.memberDied !== true) {
    const to = Math.max(0, out.findIndex((p) => p.entry.topic === 'lump_sum'));
    if (out[to]) out[to] = leadBefore(out[to]!, `Không nên rút: anh/chị đã đủ 15 năm đóng, đến tuổi nghỉ hưu là có lương hưu hằng tháng suốt đời và thẻ BHYT do quỹ BHXH đóng; rút một lần thì mất cả hai cho toàn bộ thời gian đã đóng.`);
  }
  // How much each further year adds, asked ("nếu đóng thêm thì mỗi năm tăng thêm bao nhiêu %"): the step for the sex
  // told, from the years paid (1 % a year for a man up to 20 years, 2 % beyond; 2 % for a woman; 75 % at most).
  if (afterAsks && has(RATE_STEP_ASKED, f) && !out.some((p) => has(/mỗi năm (?:đóng )?thêm/, p.lead ?? ''))) {
    const step = rateStepLead(s);
    const to = Math.max(0, out.findIndex((p) => PENSION_TOPICS.has(p.entry.topic)));
    if (step && out[to]) out[to] = leadAfter(out[to]!, step);
  }
  const at = out.findIndex((p) => PENSION_TOPICS.has(p.entry.topic));
  if (at >= 0 && !out.some((p) => p.lead?.includes('Ước tính với'))) {
    const lead = pensionEstimateLead(text, f, s);
    // (After the payment when that part says it and it is asked first: "mỗi tháng đóng bao nhiêu, sau này lương hưu được
    // bao nhiêu".)
    const payFirst = out[at]!.lead?.includes('{PAY_') === true && has(PAYMENT_ASKED, f) && f.search(PAYMENT_ASKED) < Math.max(0, f.search(ASKS_PENSION_AMOUNT));
    if (lead) out[at] = payFirst ? leadAfter(out[at]!, lead) : leadBefore(out[at]!, lead);
  }
  return out;
}

/** The pension or its age named ("lương hưu", "nghỉ hưu", "tỷ lệ hưởng"). */
const PENSION_NAMED = /\b(?:luong huu|nghi huu|ve huu|tuoi huu|ty le huong)\b/;

/** Each further year's share of the rate asked ("mỗi năm tăng thêm bao nhiêu %", "thêm 1 năm được thêm mấy phần trăm"). */
// ("Nếu đóng tự nguyện tiếp thì lương hưu tăng thế nào" too.)
const RATE_STEP_ASKED = /\b(?:moi|them (?:1|mot)) nam (?:\w+ ){0,3}?(?:tang|them|duoc|cong)(?: them)? (?:bao nhieu|may) (?:%|phan tram)|\bty le (?:\w+ ){0,3}?tang (?:them )?(?:duoc )?(?:bao nhieu|may)\b|\b(?:dong|tham gia) (?:\w+ ){0,3}(?:tiep|them)\b(?: \w+){0,3} (?:luong huu|ty le) (?:\w+ ){0,2}tang (?:them )?(?:nhu )?(?:the nao|ra sao|bao nhieu)\b/;

/** Whether to withdraw asked ("có người khuyên tôi rút một lần, tôi có nên không", "nên rút hay chờ"). */
const SHOULD_WITHDRAW = /\b(?:co )?nen (?:\w+ ){0,3}rut\b|\brut (?:\w+ ){0,8}(?:co )?nen (?:khong|ko|k|hay)\b|\b(?:toi|em|minh) (?:co )?nen (?:lam vay|nghe theo|rut) (?:khong|ko|k)\b/;

/** The step of the rate for each further year, for the person's sex and years paid (both sexes when not told). */
function rateStepLead(s: Situation): string | undefined {
  const man = (n: number | undefined): string =>
    n !== undefined && n >= 15 && n < 20
      ? `nam: mỗi năm đóng thêm tăng 1% đến khi đủ 20 năm (45%; anh/chị đóng thêm ${20 - Math.floor(n)} năm là đủ 20 năm), sau đó mỗi năm thêm 2%, tối đa 75% khi đủ 35 năm`
      : n !== undefined && n >= 20
        ? `nam: mỗi năm đóng thêm tăng 2%, tối đa 75% khi đủ 35 năm${n < 35 ? ` (anh/chị ${n} năm: ${ratePct('male', n)}%)` : ''}`
        : 'nam: 40% khi đủ 15 năm, mỗi năm thêm 1% đến 20 năm (45%), sau đó mỗi năm thêm 2%, tối đa 75% khi đủ 35 năm';
  const woman = (n: number | undefined): string =>
    `nữ: mỗi năm đóng thêm tăng 2% (45% khi đủ 15 năm), tối đa 75% khi đủ 30 năm${n !== undefined && n >= 15 && n < 30 ? ` (anh/chị ${n} năm: ${ratePct('female', n)}%)` : ''}`;
  const n = s.yearsPaid;
  const say = s.sex === 'male' ? man(n) : s.sex === 'female' ? woman(n) : `${woman(undefined)}; ${man(undefined)}`;
  return `Tỷ lệ tăng theo số năm đóng: ${say}.`;
}

/**
 * Answer one free-text question for the person who asks: match the entry, read their situation (plus `facts`
 * they gave in reply to a question back), apply it, and answer every ask. `threshold` is the confidence below
 * which the bot says it is not sure; `day` is the message's day in Vietnam (this year's retirement age, figures
 * past their effective end).
 */
export function answerQuestion(
  index: FaqIndex,
  asked: string,
  threshold = CONFIDENCE_THRESHOLD,
  facts: Situation = {},
  day: AsOfDay = today(),
): FaqAnswer {
  // ("… từ tháng 3 năm nay, tháng 11 vừa sinh bé": the months with their year, on the message's day.)
  const rawText = withYearsTold(asked, day);
  if (foldWords(rawText) === '') {
    const alternatives = closestQuestions(index, { entries: [], topics: [], coverage: 0, bestCoverage: 0, rawTop: 0, askTokens: 0 });
    return { ...base('unknown', 'unsure', unsureText(alternatives)), alternatives };
  }
  const small = detectSmalltalk(rawText);
  if (small) return base('other', small, SMALLTALK_REPLIES[small], 1);
  // "Xin chào tổng đài, …", "Anh chị ơi cho em hỏi …": the wrapper is not the question.
  const text = stripWrappers(rawText);
  // A letter about two people, each with their own facts and asks: each one answered on their own sentences.
  // (On the letter as written: the ask marks added for matching may fall on a statement, "chưa rút lần nào?".)
  // A family told of, the ask which of them may join: a sentence for each.
  const family = forOnePerson ? undefined : familyJoinLead(rawText, day);
  const whoCanJoin = family ? index.entries.get('eligibility.who_can_join') : undefined;
  if (family && whoCanJoin) return entryAnswer([{ entry: whoCanJoin, lead: family }], 1, [], day);
  const both = forOnePerson ? undefined : twoPeopleAnswer(index, rawText, threshold, facts, day);
  if (both) return both;
  const besideDeath = forOnePerson ? undefined : deathBesideLiving(index, rawText, threshold, facts, day);
  if (besideDeath) return besideDeath;
  // "BHXH tự nguyện là gì?" opening the message, or as its last sentence after a few words about the person.
  const whatIs = has(WHAT_IS_SCHEME, foldWords(text)) || has(WHAT_IS_SCHEME, foldWords(lastSentence(text))) ? index.entries.get(WHAT_IS_ENTRY) : undefined;
  // A numbered list of asks ("… 1) … 2) … 3) …"): the story and the first item decide the first answer; the others
  // are answered as further asks.
  const second = /\s2[).]\s/.exec(text);
  const head = second && has(/(?:^|\s)1[).]\s/, text.slice(0, second.index)) ? text.slice(0, second.index) : text;
  const m = surerFirstAsk(index, head, askClauseMatch(index, head) ?? matchEntry(index, head), threshold);
  const first = m.outcome.topics[0];
  // Nothing of the domain in the text: off-topic, not a random entry.
  // On the words as typed (not typo-corrected: a correction must not pull an off-topic text into the domain).
  // Only computed when the topic cues alone do not place the text in the domain (it costs a normalisation).
  const offTopic = !whatIs && (!first || first.rules < 0.5) && !has(DOMAIN_ANCHOR, ` ${canonicalText(text)} ${foldWords(text)} `);
  if (offTopic) return base('other', 'offtopic', SMALLTALK_REPLIES.offtopic);
  const matched = whatIs ?? (m.confidence >= threshold ? m.entry : null);
  const confidence = whatIs ? Math.max(m.confidence, 0.9) : m.confidence;
  // The situation from the whole message: a newspaper's "Ông … hỏi:" framing tells the sex, though it is not the question.
  // Read on the message's day: a year saved with earlier facts is not today's.
  // (A relative's story told first, then the asker's own, the ask theirs: the asker's sentences.)
  const asker = askerOwnText(rawText);
  // (A relative's story and ask, then the asker's own turn, "Còn em 25 tuổi …": the relative's sentences.)
  const told = readSituation(asker?.text ?? relativeOwnText(rawText) ?? rawText, yearOf(day), Number(day.slice(5, 7)));
  // (A member's death told with their own years beside a survivor's, "Bố em … được 4 năm thì mất … Mẹ em … đóng từ tháng
  // 1/2016 đến nay": the family's allowances reckoned on the member's sentence.)
  const dead = told.memberDied ? deceasedOwnText(rawText) : undefined;
  const read = dead ? { ...told, deceased: readSituation(dead, yearOf(day), Number(day.slice(5, 7))) } : told;
  const situation = { ...read, ...(asker?.sex && !read.sex ? { sex: asker.sex } : {}), ...facts, year: yearOf(day), day };
  // A situation that decides the answer (prepaid then hired, illness and a lump sum…) answers even when the
  // words alone matched no entry well enough.
  // Nothing matched surely, yet the person tells their years paid and asks about their pension ("… được 22 năm rồi dừng.
  // Cán bộ xã bảo phải chờ đến 62 tuổi. Có đúng vậy không, tỷ lệ hưởng bao nhiêu?"): the pension's conditions, said for them.
  const forTheirYears = !matched && situation.yearsPaid !== undefined && situation.drawingPension !== true && !situation.memberDied && has(PENSION_NAMED, foldWords(text)) ? index.entries.get(situation.yearsPaid >= 20 && transitionalEarly(situation) ? 'pension_conditions.transitional_20y' : 'pension_conditions.years_15') : undefined;
  // (The advice reads the asker's own story too: "Chồng tôi … đang hưởng lương hưu. Tôi 56 tuổi …" is not a pensioner's.)
  const story = asker ? stripWrappers(asker.text) : text;
  // (A husband paying since a past month, the wife not insured, a birth due: the father's allowance on his months, which the
  // asker's own sentences alone would read as a start this month.)
  const father = asker && matched?.topic === 'maternity' ? fatherInTimeLead(situation, foldWords(rawText)) : undefined;
  // (Or the asker's own months, the birth told in the wife's sentence: "Vợ em dự sinh tháng 3/2027 … Em mới đăng ký … từ tháng
  // 11/2026 …. Em là chồng thì có được nhận 2 triệu không?")
  const ownMonths = !father && asker && matched?.topic === 'maternity' && !monthsBeforeBirthLead(askWords(asker.text)) ? monthsBeforeBirthLead(askWords(rawText), day) : undefined;
  const birthLead = father ?? ownMonths;
  const birthEntry = father ? index.entries.get('maternity.father') : ownMonths ? index.entries.get('maternity.conditions') : undefined;
  const advice: ReturnType<typeof adviseFor> | null = birthEntry
    ? { kind: 'parts', parts: [{ entry: birthEntry, lead: birthLead }] }
    : matched
      ? adviseFor(index, story, situation, matched)
      : forTheirYears
        ? adviseFor(index, story, situation, forTheirYears)
        : situationalAdvice(index, story, situation, null);
  if (!advice) {
    return { ...base('unknown', 'unsure', unsureText(m.alternatives), confidence), alternatives: m.alternatives };
  }
  if (advice.kind === 'clarify') {
    return { ...base(matched?.topic ?? 'unknown', 'clarify', advice.clarify.question, confidence), clarify: advice.clarify };
  }
  // ("Mỗi tháng nộp bao nhiêu sau khi trừ hỗ trợ?", "… trước khi trừ hỗ trợ": the payment and the State's share, not what a lump
  // sum leaves out, where no one withdraws.)
  const payment = index.entries.get('contribution_amount.how_much_month');
  const advised = payment && has(SUBSIDY_NETTED, foldWords(text)) && !has(WITHDRAWAL_TOLD, foldWords(text)) ? advice.parts.map((p) => (p.entry.id === 'lump_sum.subsidy_deduction' && p.lead === undefined ? { entry: payment } : p)) : advice.parts;
  // The person's figures first, so that the asks they answer are not added again as facets.
  let parts = addFacetParts(index, text, withFigures(advised, text, situation, index), m.outcome.entries.map((r) => r.entry), day);
  // (The months reckoned for a birth answer it whole: no second answer to the same birth.)
  parts = birthEntry ? parts : withoutPremiumBesideTarget(mergeSameEntry(furtherAsks(index, text, parts, m.outcome, day, situation)));
  const own = ownTurnPart(index, text, parts, day, situation.sex);
  if (own) parts = own.instead ? [...parts.slice(1), own.part] : [...parts, own.part];
  parts = withStartPlan(withRetirementDate(forTheirGap(withFigures(withMissingYears(withYearsLead(parts, text, situation), text, situation), text, situation, index, true), situation, index), text, situation), situation, text);
  parts = withBirthMonths(withoutFuneralTwice(withoutGapTwice(parts)), text, index);
  // ("… nhà em có được tiền thai sản không, ai đứng tên nhận?": the parent whose months count claims it, once for the child.)
  const claimAt = parts.findIndex((p) => p.entry.topic === 'maternity' && has(/đủ 6 tháng nên được trợ cấp/u, p.lead ?? ''));
  if (claimAt >= 0 && has(/\bai (?:dung ten |se |duoc |di )?(?:nhan|lanh|huong|lam ho so)\b/, foldWords(text))) {
    const claim = parts[claimAt]!;
    parts[claimAt] = { ...claim, lead: `${claim.lead} Người đứng tên nhận là cha hoặc mẹ có các tháng đóng đó (người kia không đóng đủ thì không nhận); cả hai cùng đủ điều kiện thì chỉ một người nhận cho mỗi con.` };
  }
  // (The funeral rule for a death in an earlier month: that month's figure.)
  const funeralOfMonth = parts.some((p) => p.entry.id === 'survivor.funeral_allowance' && p.lead === undefined) ? funeralOfMonthLead(askWords(rawText), day) : undefined;
  // (With the claim's papers, not the rule again with today's figure.)
  const claim = index.entries.get('survivor.procedure');
  if (funeralOfMonth) parts = parts.map((p) => (p.entry.id === 'survivor.funeral_allowance' && p.lead === undefined ? { entry: claim ?? p.entry, lead: funeralOfMonth } : p));
  parts = forTheCase(parts, text, situation, index);
  // (Years whose withdrawal the person is not sure of, "không nhớ đã lãnh một lần chưa": checked first, both cases said.)
  if (situation.withdrawalUnsure && situation.yearsPaid !== undefined && YEARS_TOPICS.has(parts[0]!.entry.topic)) {
    const first = parts[0]!;
    const check = `Trước hết anh/chị kiểm tra đã nhận BHXH một lần chưa (ứng dụng VssID, cơ quan BHXH nơi cư trú hoặc 1900 9068): nếu chưa nhận thì ${spell(situation.yearsPaid)} đã đóng vẫn được giữ và tính như dưới đây; nếu đã nhận thì số năm đó không còn, phải đóng lại đủ 15 năm.`;
    parts = [{ ...first, lead: first.lead ? `${check} ${first.lead}` : check }, ...parts.slice(1)];
  }
  // A husband and wife each with their own years, the ask for both: each one's plan leads, instead of a mix of the two.
  const couple = YEARS_TOPICS.has(parts[0]!.entry.topic) ? coupleLead(rawText, day) : undefined;
  if (couple) parts = [{ ...parts[0]!, lead: couple }, ...parts.slice(1)];
  // A message about one relative only ("mẹ e đóng dc 12 năm r, h đóng nốt 1 lần …"): the figures said of them ("Bà đã đóng
  // 12 năm, còn thiếu 3 năm …"), not of the asker.
  const relative = couple || forOnePerson ? undefined : onlyRelative(rawText);
  // (Not where a lead already names them: "Chồng anh/chị đã đóng 12 năm và đang mắc bệnh …".)
  if (relative && !parts.some((p) => p.lead?.startsWith('Với ') || has(/(?:^|\s)(?:[Vv]ợ|[Cc]hồng|[Bb]ố|[Mm]ẹ) anh\/chị/u, p.lead ?? ''))) parts = parts.map((p) => (p.lead ? { ...p, lead: saidOf(p.lead, PERSON_PRONOUN[relative]) } : p));
  return entryAnswer(parts, confidence, m.alternatives, day);
}

/** Replace the parts of entry `from` (without a lead of their own, unless `any`) by `to` with `lead`. */
function swapPart(parts: AnswerPart[], from: readonly string[], to: KbEntry, lead?: string, any = false): AnswerPart[] {
  return parts.map((p) => (from.includes(p.entry.id) && (any || p.lead === undefined) ? { entry: to, lead } : p));
}

/**
 * Entries the words matched that are not this person's case, replaced by the one that is: a health card after a withdrawal, a
 * spouse's years, a payment of the missing years with no withdrawal, years stopped but not withdrawn, the pension's claim
 * before the years are complete.
 */
function forTheCase(answerParts: AnswerPart[], text: string, situation: Situation, index: FaqIndex): AnswerPart[] {
  let parts = answerParts;
  const f = foldWords(text);
  // ("… rút bhxh một lần … Nếu rút rồi thì chị có còn thẻ bảo hiểm y tế để chữa bệnh không hay phải tự mua?" from one who draws no
  // pension: no card comes from the scheme or the lump sum; a household card is bought.)
  const ownCard = index.entries.get('health_insurance.contributor_card');
  if (ownCard && situation.drawingPension !== true && has(/(?<!\b(?:chua|khong|ko|k|chang) )\brut\b/, f) && !has(/\bkhi (?:co|huong|nhan|lanh|linh) luong huu\b/, f) && !parts.some((p) => p.entry.id === ownCard.id)) {
    const lead = 'Không có thẻ từ BHXH: đóng tự nguyện không kèm thẻ BHYT, và nhận BHXH một lần cũng không kèm thẻ; anh/chị mua BHYT hộ gia đình (hoặc dùng thẻ của nhóm khác nếu thuộc diện) ở đại lý thu tại xã/phường để được chi trả khi chữa bệnh.';
    parts = swapPart(parts, ['health_insurance.pensioner_card'], ownCard, lead);
  }
  // (A listed illness told, "giờ bị xơ gan mất bù … rút một lần bây giờ hay chờ": the lump sum now on that ground, not after 12
  // months out by the transitional rule.)
  const illness = index.entries.get('lump_sum.serious_illness');
  if (illness && situation.seriousIllness === true) {
    const has = parts.some((p) => p.entry.id === illness.id);
    parts = has ? parts.filter((p) => p.entry.id !== 'lump_sum.transitional_12_months') : parts.map((p) => (p.entry.id === 'lump_sum.transitional_12_months' ? { ...p, entry: illness } : p));
  }
  // ("Em có được gộp số năm của chồng vào sổ của em để em đóng tiếp cho mau đủ 15 năm không": another's years are not one's own;
  // not the rule for one person's two books.)
  const years15 = index.entries.get('pension_conditions.years_15');
  if (years15 && has(YEARS_FROM_ANOTHER, f)) {
    const lead = `Không: thời gian đóng BHXH của ai chỉ tính cho chính người đó (mỗi người một mã số BHXH), không chuyển hay cộng sang sổ của người khác, kể cả vợ chồng.${situation.memberDied ? ' Số năm của người đã mất được tính vào trợ cấp mai táng và trợ cấp tuất một lần cho gia đình.' : ''} Anh/chị đóng tiếp trên sổ của mình cho đủ 15 năm.`;
    parts = swapPart(parts, ['transfer_between_schemes.merge_books', 'transfer_between_schemes.combine_periods'], years15, lead, true);
  }
  // ("… còn thiếu bao nhiêu, đóng một lần được không, khoảng bao nhiêu tiền?": the missing years paid at once; with no
  // withdrawal named, no lump sum's part beside it.)
  if (parts.length > 1 && parts[0]!.entry.id === 'pension_conditions.pay_missing_once' && !has(/\b(?:rut|lay lai|lay tien|(?:nhan|huong|lanh|linh) (?:\w+ ){0,3}mot lan)\b/, f)) parts = parts.filter((p, k) => k === 0 || p.entry.topic !== 'lump_sum');
  // ("… đóng 5 năm (2015–2019) rồi ngưng … Giờ muốn đóng lại thì 5 năm cũ còn được tính không": stopped, not withdrawn; the
  // years kept, not the rule for joining again after a lump sum.)
  // (Nor, with no years told, "Em đang là sinh viên năm 2 … tham gia BHXH tự nguyện từ bây giờ không": who may join; "Tôi đã có
  // sổ bảo hiểm. Bây giờ tôi muốn tham gia …": yes, on the number they have.)
  const hasBook = has(/\b(?:da co|co) (?:so|ma so|ma) (?:bhxh|bao hiem)\b/, f);
  const instead = index.entries.get(situation.yearsPaid !== undefined ? 'payment_mode.pause_resume' : hasBook ? 'how_to_join.existing_number' : 'eligibility.who_can_join');
  const insteadLead = hasBook && situation.yearsPaid === undefined ? 'Được, đăng ký tự nguyện bằng mã số BHXH đã có.' : undefined;
  if (instead && !toldWithdrawn(text, situation) && !parts.some((p) => p.entry.id === instead.id)) parts = swapPart(parts, ['eligibility.rejoin_after_withdrawal'], instead, insteadLead);
  // ("… đóng một lần 10 năm còn thiếu … thủ tục thế nào?" from one at the age who must first pay on: how to pay again, not the
  // pension's claim, which comes later.)
  const resume = index.entries.get('payment_mode.pause_resume');
  if (resume && has(/thiếu hơn 5 năm/u, parts[0]!.lead ?? '') && !parts.some((p) => p.entry.id === resume.id)) parts = swapPart(parts, ['pension_conditions.claim_procedure'], resume);
  return parts;
}

/** The reply made of `parts` (the first one's entry names the topic). */
function entryAnswer(parts: AnswerPart[], confidence: number, alternatives: readonly Alternative[], day: AsOfDay): FaqAnswer {
  const entry = parts[0]!.entry;
  return {
    topic: entry.topic,
    entryId: entry.id,
    confidence,
    answer: composeReply(parts, CHAT_CAPS, day),
    alternatives: alternatives.filter((a) => a.entryId !== entry.id),
    kind: 'entry',
    entry,
    parts,
    clarify: null,
  };
}
