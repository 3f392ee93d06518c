import type { ChannelCapabilities } from '../../src/core/channel.ts';
import { fold } from './fold-memo.ts';
import { askWords } from './ask-text.ts';
import type { AnswerPart } from './advice.ts';
import type { FaqIndex } from './search-index.ts';
import type { KbEntry } from './kb.ts';
import { pastEffectiveNote, type AsOfDay } from './as-of.ts';
import { PLACEHOLDER_PATTERN, renderForDay, type CampaignFacts } from './kb-text.ts';
import { has } from './regex-literals.ts';

/** What a question asks for besides its topic, and how to see that an answer gives it. */
interface Facet {
  name: string;
  asks: RegExp;
  /** Matched against the answer text folded with punctuation kept. */
  gives: RegExp;
  /** The entry that gives it when no entry of the answer's topic does ("mức đóng là bao nhiêu" on a pension answer). */
  fallback?: string;
  /** Only answers of these topics take the fallback (every topic when absent). */
  fallbackFor?: readonly string[];
  /** Topics whose answers already cover it (no extra part). */
  coveredBy?: readonly string[];
  /** Entries of the topic that answer it first, when several of the topic's entries mention it in passing. */
  prefer?: RegExp;
  /** Only answers of these topics look for the facet among their own topic's entries (else the fallback). */
  ownTopicFor?: readonly string[];
}

const FACETS: readonly Facet[] = [
  {
    // "… sau 20 năm lương hưu khoảng bao nhiêu?" next to another ask: an estimate of the pension.
    name: 'pension-amount',
    asks: /\bluong huu (?:(?:se|thi|duoc|nhan|co|cua toi|sau nay|hang thang|moi thang) ){0,3}(?:khoang |duoc |la )?bao nhieu\b/,
    gives: /luong huu[^.]{0,80}?\d{1,3}(?:\.\d{3})+ ?(?:dong|d\b)|luong huu[^.]{0,80}?\d+(?:[.,]\d+)? ?trieu/,
    fallback: 'calculator.pension_estimate',
  },
  {
    // "Nếu được, cần thủ tục gì?": the topic's procedure entry (the emigration rule also names "giấy tờ" in passing).
    name: 'papers',
    // "Thủ tục / hồ sơ" asked about ("thủ tục thế nào", "hồ sơ đề nghị hưởng"), not only done ("có thể nộp hồ sơ
    // nhận … được chưa", "làm thủ tục rút"), unless how is asked ("nộp hồ sơ ở đâu", "làm thủ tục thế nào").
    asks: /\b(?:giay to|can (?:nhung )?gi|mau (?:don|to khai)|lam giay)\b|(?<!\b(?:nop|lam|gui) )\b(?:thu tuc|ho so)\b|\b(?:nop|lam|gui) (?:thu tuc|ho so) (?:\w+ ){0,3}?(?:gi|gom|nhu the nao|the nao|ra sao|nhung gi|lam sao|o dau)\b/,
    // A paper named, not "hồ sơ" in passing (a processing time "kể từ khi nhận đủ hồ sơ" lists no paper), nor one
    // the answer says is not needed ("không cần giấy chứng minh thu nhập").
    gives: /\b(?:cccd|can cuoc|mau \d|\d+-hsb|tk1-ts|to khai|(?<!khong can )giay chung|giay khai sinh|chung sinh|don de nghi)\b/,
    prefer: /\.(?:procedure|claim_procedure|how_to_claim|papers)$/,
    // Papers asked next to the amount, the subsidy or where to pay are the papers to join.
    fallback: 'how_to_join.papers',
    fallbackFor: ['contribution_amount', 'subsidy', 'payment_mode', 'where_to_pay', 'eligibility', 'campaign'],
  },
  // (The pension's rate: another topic's entry with a percentage, the 8 % a village officer pays, does not answer it.)
  {
    name: 'percent',
    asks: /\b(?:bao nhieu phan tram|may phan tram|ty le (?:huong|luong huu))/,
    gives: /\d+ ?%/,
    ownTopicFor: ['benefits_pension', 'pension_conditions', 'calculator', 'lump_sum', 'transfer_between_schemes'],
  },
  {
    name: 'amount',
    asks: /\b(?:bao nhieu tien|bao nhieu (?:mot|1|moi) thang|(?:mot|1|moi) thang (?:\w+ ){0,2}bao nhieu|het bao nhieu|duoc bao nhieu tien|nhan (?:duoc )?bao nhieu|muc dong (?:(?:thap nhat|toi thieu|cao nhat|toi da|hien nay|hang thang|mot thang) )?(?:la )?bao nhieu|dong bao nhieu(?! (?:nam|thang|lau|tuoi|lan)\b))\b/,
    gives: /\d{1,3}(?:\.\d{3})+ ?(?:dong|d\b)|\d+(?:[.,]\d+)? ?trieu/,
    fallback: 'contribution_amount.how_much_month',
    // An amount in passing in a rule of who may join or when a pension comes is not the amount asked.
    ownTopicFor: ['contribution_amount', 'subsidy', 'payment_mode', 'calculator', 'benefits_pension', 'lump_sum', 'survivor', 'maternity', 'health_insurance'],
  },
  {
    // "… mỗi tháng đóng bao nhiêu và đóng ở đâu?": where to pay, next to another ask.
    name: 'where',
    asks: /\b(?:dong|nop|dang ky|tham gia|lam thu tuc) (?:\w+ ){0,4}o dau\b|\b(?:dong|nop|dang ky) (?:o|tai) (?:xa|phuong|buu dien|ubnd|ngan hang) (?:\w+ ){0,2}duoc (?:khong|chua)\b|\bo dau (?:de )?(?:dong|nop|dang ky)\b|\bden dau (?:de )?(?:dong|nop|dang ky|lam thu tuc)\b/,
    // Where to pay or register, not "hỏi UBND xã" in passing ("gửi UBND xã/phường", where the social pension's request
    // goes, says where).
    gives: /\b(?:dai ly thu|buu dien|dichvucong|gui (?:den |toi )?ubnd)\b/,
    fallback: 'where_to_pay.collection_agents',
    coveredBy: ['where_to_pay', 'how_to_join'],
    // Claims are filed where their own entries say; a rule of the subsidy or the amount that names "đại lý thu" in
    // passing does not say where to pay.
    ownTopicFor: ['lump_sum', 'survivor', 'benefits_pension', 'maternity', 'health_insurance', 'pension_conditions', 'transfer_between_schemes'],
    // A claim's papers go to the insurance office its procedure names, never to a collection agent.
    fallbackFor: ['contribution_amount', 'subsidy', 'payment_mode', 'eligibility', 'campaign', 'calculator', 'pension_conditions', 'transfer_between_schemes', 'health_insurance', 'other', 'contact_hotline'],
  },
  {
    // "Tôi có thể truy đóng từ tháng 9 không?" next to another ask: the answer on paying for past months.
    name: 'backpay',
    asks: /\b(?:truy dong|dong bu (?:\w+ ){0,3}(?:tu|cho) (?:thang|nam|thoi gian))\b/,
    gives: /\bkhong (?:cho |duoc )?(?:dong bu|truy dong)\b/,
    fallback: 'payment_mode.backpay_past',
    coveredBy: ['payment_mode'],
  },
];

/** A figure as written ("330.000", "22%", "2026") or as a placeholder filled in on the day ("{PAY_OTHER}"). */
const FIGURE = new RegExp(String.raw`${PLACEHOLDER_PATTERN}|\d+(?:[.,]\d+)*%?`, 'g');

/**
 * Chat-form text of one entry: the long answer when it carries every figure of the reviewed short answer
 * (amounts, rates, years, figure placeholders), else the short one — a longer text must not lose the figure that
 * answers the ask.
 */
export function entryBody(entry: KbEntry, sms: boolean): string {
  if (sms || entry.long === undefined) return entry.short;
  const long = entry.long;
  return (entry.short.match(FIGURE) ?? []).every((x) => long.includes(x)) ? long : entry.short;
}

/** "Căn cứ: …" line of an entry. */
export function sourceLine(entry: KbEntry): string {
  const s = entry.source.trim();
  return has(/^căn cứ/i, s) ? s : `Căn cứ: ${s}`;
}

const plain = (t: string): string => fold(t).toLowerCase();

/** The most asks one reply answers ("1) … 2) … 3) …"): beyond that the reply stops being readable on a phone. */
export const MAX_ASKS = 3;

/** The reply as the person reads it (figures filled in), folded: what a facet's `gives` is tested on. */
function saidIn(parts: readonly AnswerPart[], day: AsOfDay): string {
  return plain(renderForDay(parts.map((p) => `${p.lead ?? ''} ${p.entry.short} ${p.entry.long ?? ''}`).join(' '), day));
}

/** Facets a figure answers (a place or a paper named in passing does not answer "ở đâu", "giấy tờ gì"). */
const FIGURE_FACETS: ReadonlySet<string> = new Set(['percent', 'amount', 'pension-amount']);

/** An ask the reply already answers with the figure it asks ("được bao nhiêu %?" after "tỷ lệ lương hưu là 41%"). */
export function facetAlreadyGiven(ask: string, parts: readonly AnswerPart[], day: AsOfDay): boolean {
  const q = askWords(ask);
  const asked = FACETS.filter((facet) => facet.asks.test(q));
  if (asked.some((facet) => !FIGURE_FACETS.has(facet.name))) return false;
  if (asked.length === 0) return false;
  const said = saidIn(parts, day);
  // (An amount asked at an income named, "nếu chọn mức thu nhập 5 triệu thì mỗi tháng đóng bao nhiêu", is not answered by
  // the floor's: only by a part that names that income.)
  const income = /\b(?:thu nhap|muc)\b(?: \w+){0,2}? (\d{1,2}(?:[.,]\d)?) ?(?:trieu|tr)\b/.exec(q);
  const named = income ? String(Math.round(Number(income[1]!.replace(',', '.')) * 1_000_000)).replace(/\B(?=(?:\d{3})+$)/g, '.') : undefined;
  if (named !== undefined && !said.includes(named) && !parts.some((p) => ['contribution_amount', 'calculator', 'subsidy'].includes(p.entry.topic))) return false;
  return asked.every((facet) => facet.gives.test(said));
}

/**
 * Add a part for each thing the question asks that the answer so far does not give ("cần giấy tờ gì" → the
 * papers; "bao nhiêu %" → the rate), taken from the best-ranked entry of the same topic that gives it.
 */
export function addFacetParts(index: FaqIndex, text: string, parts: AnswerPart[], ranked: readonly KbEntry[], day: AsOfDay): AnswerPart[] {
  const first = parts[0];
  if (!first || parts.length >= MAX_ASKS) return parts;
  const q = askWords(text);
  const out = [...parts];
  // What the reply says as the person reads it: figure placeholders filled in ("{FLOOR}" gives an amount).
  const said = (): string => saidIn(out, day);
  // In the order the question asks them.
  const asked = FACETS.map((facet) => ({ facet, at: q.search(facet.asks) }))
    .filter((x) => x.at >= 0)
    .sort((a, b) => a.at - b.at);
  for (const { facet } of asked) {
    if (out.length >= MAX_ASKS) break;
    if (facet.gives.test(said()) || facet.coveredBy?.includes(first.entry.topic)) continue;
    // "Other" gathers unrelated rules: another of its entries does not answer this one's facet.
    const ownTopic = first.entry.topic !== 'other' && (facet.ownTopicFor?.includes(first.entry.topic) ?? true);
    const sameTopic = (ownTopic ? [...ranked, ...(index.byTopic.get(first.entry.topic) ?? [])] : []).filter(
      // Rules of a repealed law never stand in for the current one.
      (e) => e.topic === first.entry.topic && !out.some((p) => p.entry.id === e.id) && !e.id.includes('.old_'),
    );
    const fallback = facet.fallback && (facet.fallbackFor?.includes(first.entry.topic) ?? true) ? index.entries.get(facet.fallback) : undefined;
    // The contribution amount is what "mức đóng bao nhiêu" asks, whatever the topic of the first answer.
    const own = facet.fallback === 'contribution_amount.how_much_month' && has(/\b(?:muc dong|dong bao nhieu(?! (?:nam|thang|lau|tuoi|lan)\b))\b/, q) ? fallback : undefined;
    const preferred = facet.prefer ? sameTopic.find((e) => facet.prefer!.test(e.id)) : undefined;
    const giver = own ?? preferred ?? sameTopic.find((e) => facet.gives.test(plain(renderForDay(e.short, day)))) ?? fallback;
    if (giver && !out.some((p) => p.entry.id === giver.id)) out.push({ entry: giver });
  }
  return out;
}

/** A verdict opening a sentence ("Không: …", "Chưa. …", "Được, …"). */
const VERDICT = /^(?:Được|Có|Không|Chưa)[.,:] +/;
/**
 * The entry's own verdict dropped after a lead that opens with the person's ("Không: những năm đã nhận BHXH một lần không
 * được tính lại …" then "Được. Đã nhận BHXH một lần, anh/chị vẫn đăng ký tham gia lại …"): one verdict, the person's.
 */
function withoutSecondVerdict(lead: string | undefined, body: string): string {
  if (!lead || !has(VERDICT, lead)) return body;
  const rest = body.replace(VERDICT, '');
  return rest === body ? body : rest.charAt(0).toUpperCase() + rest.slice(1);
}

/**
 * The reply text for a channel on a day: each part's lead, body (this year's figures and the active campaign's
 * launch, theme and hotline filled in) and legal basis;
 * several parts numbered; within the limit. A part whose figures stopped applying before the day says so; short of
 * room, the long answer goes first, then that note, then the legal basis.
 */
export function composeReply(
  parts: readonly AnswerPart[],
  caps: Pick<ChannelCapabilities, 'sms' | 'maxLength'>,
  day: AsOfDay,
  campaign?: CampaignFacts,
): string {
  const limit = caps.maxLength;
  const render = (long: boolean, withSource: boolean, withNote: boolean): string => {
    const blocks = parts.map((p) => {
      const lead = p.lead === undefined ? undefined : renderForDay(p.lead, day, campaign);
      const body = withoutSecondVerdict(lead, renderForDay(long ? entryBody(p.entry, false) : p.entry.short, day, campaign));
      const note = withNote ? pastEffectiveNote(p.entry, day) : undefined;
      const lines = [lead, body, note].filter((x): x is string => !!x).join('\n');
      return withSource ? `${lines}\n${sourceLine(p.entry)}` : lines;
    });
    if (blocks.length === 1) return blocks[0]!.replace(/\n(?=Căn cứ)/, '\n\n');
    return blocks.map((b, i) => `${i + 1}) ${b}`).join('\n\n');
  };
  // Several asks: each short, with its legal basis; one ask: the long answer when it fits.
  const tries = caps.sms
    ? [render(false, false, true), render(false, false, false)]
    : parts.length > 1
      ? [render(false, true, true), render(false, true, false), render(false, false, false)]
      : [render(true, true, true), render(false, true, true), render(false, true, false), render(false, false, false)];
  for (const t of tries) if (t.length <= limit) return t;
  // Short of room for every ask (an SMS): the first asks whole, and a word that the rest needs a message of its own.
  if (parts.length > 1) {
    const fewer = composeReply(parts.slice(0, -1), { ...caps, maxLength: limit - REST_NOTE.length - 2 }, day, campaign);
    return `${fewer}\n\n${REST_NOTE}`;
  }
  const last = tries[tries.length - 1]!;
  return last.slice(0, limit);
}

/** Said when a reply has no room for every ask of the message. */
const REST_NOTE = 'Câu hỏi còn lại, anh/chị nhắn riêng để được trả lời đầy đủ.';
