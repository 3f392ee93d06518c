import type { KbEntry, Topic } from './kb.ts';
import type { FaqIndex, SearchOutcome } from './index.ts';
import { searchFaq } from './index.ts';
import { foldWords } from '../../src/text/vietnamese.ts';
import { canonicalText } from './normalise.ts';
import { detectSmalltalk, SMALLTALK_REPLIES, type SmalltalkKind } from './smalltalk.ts';

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
  /\b(?:bhxh|bh|bhyt|bhtn|bao hiem|tu nguyen|tunguyen|tn|luong huu|huu|nghi huu|dong|nop|ho tro|thai san|sinh con|mai tang|tuat|tu tuat|qua_doi|rut|mot lan|so bao|so bhxh|vssid|dang ky|tham gia|tong dai|muc dong|tro cap|hongheo|canngheo|dantoc|chinh sach|an sinh|phat dong|chien dich|thu nhap|khai|tuoi|nam dong|thang dong|bat buoc|kham benh|the bhyt|tuyen truyen|van dong|lien he|can bo|tu van|co quan|dai ly|khieu nai|che do|phan anh)\b/;

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
  kind: 'entry' | 'unsure' | SmalltalkKind;
  /** The answering entry itself (null when unsure or smalltalk). */
  entry: KbEntry | null;
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
  const ruleOf = new Map(outcome.topics.map((t) => [t.topic, t.rules]));
  const ranked = outcome.entries
    .map((r) => ({ entry: r.entry, s: r.score + (ruleOf.get(r.entry.topic) ?? 0) }))
    .sort((a, b) => b.s - a.s);
  const out: Alternative[] = [];
  for (const r of ranked) {
    if (out.length >= n) break;
    out.push({ entryId: r.entry.id, question: r.entry.questions[0] ?? r.entry.id });
  }
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

/** Answer one free-text question. */
export function answerQuestion(index: FaqIndex, text: string, threshold = CONFIDENCE_THRESHOLD): FaqAnswer {
  if (foldWords(text) === '') {
    const alternatives = closestQuestions(index, { entries: [], topics: [], coverage: 0, bestCoverage: 0, rawTop: 0, askTokens: 0 });
    return { topic: 'unknown', entryId: null, confidence: 0, answer: unsureText(alternatives), alternatives, kind: 'unsure', entry: null };
  }
  const small = detectSmalltalk(text);
  if (small) {
    return { topic: 'other', entryId: null, confidence: 1, answer: SMALLTALK_REPLIES[small], alternatives: [], kind: small, entry: null };
  }
  const outcome = searchFaq(index, text);
  const first = outcome.topics[0];
  // Nothing of the domain in the text: off-topic, not a random entry.
  const inDomain = DOMAIN_ANCHOR.test(` ${canonicalText(text)} ${foldWords(text)} `);
  if (!inDomain && (!first || first.rules < 0.5)) {
    return { topic: 'other', entryId: null, confidence: 0, answer: SMALLTALK_REPLIES.offtopic, alternatives: [], kind: 'offtopic', entry: null };
  }
  const confidence = first && (outcome.coverage > 0 || first.rules > 0) ? confidenceOf(outcome) : 0;
  const alternatives = closestQuestions(index, outcome);
  if (confidence < threshold) {
    return { topic: 'unknown', entryId: null, confidence, answer: unsureText(alternatives), alternatives, kind: 'unsure', entry: null };
  }
  const entry = first && (outcome.entries.find((r) => r.entry.topic === first.topic)?.entry ?? index.byTopic.get(first.topic)?.[0]);
  if (!entry) {
    return { topic: 'unknown', entryId: null, confidence, answer: unsureText(alternatives), alternatives, kind: 'unsure', entry: null };
  }
  return {
    topic: entry.topic,
    entryId: entry.id,
    confidence,
    answer: entry.long ?? entry.short,
    alternatives: alternatives.filter((a) => a.entryId !== entry.id),
    kind: 'entry',
    entry,
  };
}
