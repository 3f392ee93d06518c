import type { KbEntry, Topic } from './kb.ts';
import { TOPICS } from './kb.ts';
import { foldWords } from './fold-memo.ts';
import {
  canonicalWords,
  splitMainAsk,
  STOP_WORDS,
  tokenize,
  tokensOfWords,
  type WeightedPart,
  type WordCorrector,
} from './normalise.ts';
import { TOPIC_RULES } from './topic-rules.ts';
import { buildScorer, type Scorer } from './scorer.ts';
import { withoutPlaceholders } from './kb-text.ts';
import { piecesOf, TextTrigrams, has } from './regex-literals.ts';

interface IndexedDoc {
  id: string;
  questions: string;
  keywords: string;
  answer: string;
}

/** The FAQ search index: a precomputed BM25 scorer over the entries plus the entries themselves. */
export interface FaqIndex {
  readonly entries: ReadonlyMap<string, KbEntry>;
  readonly byTopic: ReadonlyMap<Topic, readonly KbEntry[]>;
  readonly scorer: Scorer;
  /** Every token that occurs in the index: a question sharing none of them is off the domain. */
  readonly vocabulary: ReadonlySet<string>;
  /** Every token of every indexed field (answers included): tokens outside it are candidates for typos. */
  readonly indexTerms: ReadonlySet<string>;
  /** Corrects a word the knowledge base does not know to a known word one edit away (see buildCorrector). */
  readonly correct: WordCorrector;
}

/** One ranked entry with the features the answer step turns into a confidence. */
export interface RankedEntry {
  entry: KbEntry;
  /** Search score scaled so the best entry is 1. */
  score: number;
}

export interface TopicScore {
  topic: Topic;
  /** Scaled search score of the topic's best entry plus its rule bonus. */
  score: number;
  search: number;
  rules: number;
}

export interface SearchOutcome {
  entries: RankedEntry[];
  topics: TopicScore[];
  /** Share of the main ask's content tokens (by weight) that occur in the index at all. */
  coverage: number;
  /** Share of the main ask's content tokens (by weight) matched by the best entry. */
  bestCoverage: number;
  /** Raw BM25 score of the best entry (0 when nothing matched). */
  rawTop: number;
  /** Number of content tokens in the main ask. */
  askTokens: number;
}

/** Tuned on the dev set: how much the search counts against the topic cues, and how the story counts. */
const SEARCH_WEIGHT = 0.75;
const STORY_RULE_WEIGHT = 0.4;
const STORY_SEARCH_WEIGHT = 0.3;
const RULE_CAP = 0.9;
const FIRST_CUE_BONUS = 0.1;
const FUZZY_MIN_LENGTH = 5;
const MIN_CORRECT_LENGTH = 4;
const MIN_CORRECTION_FREQ = 2;
const MIN_RELATIVE_SCORE = 0.02;

// Answer text is long and shared across entries: it helps only a little, so it gets a low boost.
const FIELD_BOOST = { questions: 2, keywords: 1.6, answer: 0.25 } as const;

/** Build the index from validated entries (see kb.ts). */
export function buildFaqIndex(entries: readonly KbEntry[]): FaqIndex {
  const docs: IndexedDoc[] = entries.map((e) => ({
    id: e.id,
    // Joining with " . " keeps bigrams from spanning two questions.
    questions: e.questions.join(' . '),
    keywords: e.keywords.join(' . '),
    answer: withoutPlaceholders(`${e.short} . ${e.long ?? ''}`),
  }));
  const scorer = buildScorer(
    docs.map((d) => ({
      id: d.id,
      fields: [
        { tokens: tokenize(d.questions), boost: FIELD_BOOST.questions },
        { tokens: tokenize(d.keywords), boost: FIELD_BOOST.keywords },
        { tokens: tokenize(d.answer), boost: FIELD_BOOST.answer },
      ],
    })),
  );
  const vocabulary = new Set<string>();
  for (const d of docs) {
    for (const t of tokenize(`${d.questions} ${d.keywords}`)) vocabulary.add(t);
  }
  const indexTerms = new Set<string>(vocabulary);
  for (const d of docs) for (const t of tokenize(d.answer)) indexTerms.add(t);
  const byTopic = new Map<Topic, KbEntry[]>();
  for (const e of entries) {
    const list = byTopic.get(e.topic) ?? [];
    list.push(e);
    byTopic.set(e.topic, list);
  }
  const correct = buildCorrector(entries.flatMap((e) => [...e.questions, ...e.keywords, withoutPlaceholders(e.short), withoutPlaceholders(e.long ?? '')]));
  return { entries: new Map(entries.map((e) => [e.id, e])), byTopic, scorer, vocabulary, indexTerms, correct };
}

const deletions = (w: string): string[] => Array.from({ length: w.length }, (_x, i) => w.slice(0, i) + w.slice(i + 1));

/**
 * A spelling corrector over the knowledge base's own words (folded). A word it does not know, of 4+ letters
 * and without digits, becomes the most frequent known word one edit away (a letter dropped, added, changed or
 * two swapped), if that word is frequent enough and the choice is clear; otherwise it is left alone. Short
 * syllables are never touched: "nam", "nan", "nay" are all real words.
 */
export function buildCorrector(texts: readonly string[]): WordCorrector {
  const freq = new Map<string, number>();
  for (const t of texts) for (const w of foldWords(t).split(' ')) if (w) freq.set(w, (freq.get(w) ?? 0) + 1);
  const byDeletion = new Map<string, string[]>();
  for (const w of freq.keys()) {
    if (w.length < 3) continue;
    for (const d of deletions(w)) {
      const list = byDeletion.get(d) ?? [];
      list.push(w);
      byDeletion.set(d, list);
    }
  }
  const cache = new Map<string, string>();
  return (word) => {
    if (word.length < MIN_CORRECT_LENGTH || freq.has(word) || has(/\d/, word)) return word;
    const hit = cache.get(word);
    if (hit !== undefined) return hit;
    const candidates = new Set<string>(byDeletion.get(word) ?? []); // a letter was dropped
    for (const d of deletions(word)) {
      if (freq.has(d)) candidates.add(d); // a letter was added
      for (const v of byDeletion.get(d) ?? []) if (v.length === word.length) candidates.add(v); // changed or swapped
    }
    let best = word;
    let bestFreq = MIN_CORRECTION_FREQ - 1;
    let tie = false;
    for (const c of candidates) {
      const f = freq.get(c) ?? 0;
      if (f > bestFreq) {
        best = c;
        bestFreq = f;
        tie = false;
      } else if (f === bestFreq) tie = true;
    }
    const out = tie ? word : best;
    cache.set(word, out);
    return out;
  };
}

/** Tokens of the question with their weights: the main ask counts fully, the story around it less. */
export function weightedTokens(text: string, parts: readonly WeightedPart[] = splitMainAsk(text)): Map<string, number> {
  const weights = new Map<string, number>();
  for (const part of parts) {
    for (const t of tokensOfWords(part.words)) {
      weights.set(t, Math.max(weights.get(t) ?? 0, part.weight));
    }
  }
  return weights;
}

/** Each topic cue's literal pieces: a cue none of whose pieces is in the text cannot match it (regex-literals.ts). */
const RULE_PIECES = TOPIC_RULES.map((rule) => piecesOf(rule.re));
const ruleGrams = new TextTrigrams();

/** Rule bonus per topic, from the main ask (full weight) and the story (reduced). */
export function ruleScores(text: string, split: readonly WeightedPart[] = splitMainAsk(text)): Map<Topic, number> {
  // Same split as the search, but the story counts a little more for the cues than for the search.
  const parts = split.map((p) => (p.story ? { ...p, weight: STORY_RULE_WEIGHT } : p));

  const scores = new Map<Topic, number>();
  parts.forEach((part, p) => {
    const s = ` ${part.words.join(' ')} `;
    const seen = new Map<Topic, number>();
    let first: { topic: Topic; at: number } | null = null;
    const suppressed = new Set<Topic>();
    ruleGrams.reset(s);
    for (let i = 0; i < TOPIC_RULES.length; i++) {
      const rule = TOPIC_RULES[i]!;
      if (!ruleGrams.mayContain(RULE_PIECES[i]!)) continue;
      const m = rule.re.exec(s);
      if (!m) continue;
      seen.set(rule.topic, (seen.get(rule.topic) ?? 0) + rule.weight);
      if (!first || m.index < first.at) first = { topic: rule.topic, at: m.index };
      for (const t of rule.suppress ?? []) suppressed.add(t);
    }
    for (const t of suppressed) {
      const w = seen.get(t);
      if (w !== undefined) seen.set(t, w / 2);
    }
    // In the main ask, the cue that comes first usually names the subject ("rút một lần có bị trừ hỗ trợ").
    if (p === 0 && first && seen.size > 1) seen.set(first.topic, (seen.get(first.topic) ?? 0) + FIRST_CUE_BONUS);
    for (const [t, w] of seen) {
      scores.set(t, Math.max(scores.get(t) ?? 0, Math.min(w, RULE_CAP) * part.weight));
    }
  });
  return scores;
}

/** Rank entries and topics for a question. */
export function searchFaq(index: FaqIndex, text: string): SearchOutcome {
  const split = splitMainAsk(text, STORY_SEARCH_WEIGHT, index.correct);
  const weights = weightedTokens(text, split);
  const terms = [...weights.keys()];
  const results =
    terms.length === 0
      ? []
      : index.scorer.search(terms, {
          boost: (term) => weights.get(term) ?? 0.3,
          // Typos matter in the main ask; fuzzy matching the story too costs time and adds noise.
          // Only a token the index does not know can be a typo worth correcting ("luong_huuu").
          fuzzy: (term) => (weights.get(term) ?? 0) >= 1 && term.length >= FUZZY_MIN_LENGTH && !index.indexTerms.has(term),
        }, MIN_RELATIVE_SCORE);
  const rawTop = results[0]?.score ?? 0;
  const entries: RankedEntry[] = [];
  for (const r of results) {
    // Hits are sorted: below 2 % of the best they change no topic's score or the closest questions.
    if (r.score < MIN_RELATIVE_SCORE * rawTop) break;
    const entry = index.entries.get(r.id);
    if (entry) entries.push({ entry, score: rawTop > 0 ? r.score / rawTop : 0 });
  }

  // Coverage: how much of the main ask the index knows, and how much the best entry matched (bigrams count
  // 1.5: they carry the meaning of two-syllable words).
  const bestHits = new Set(results[0] ? index.scorer.matchedTerms(results[0]) : []);
  let total = 0;
  let known = 0;
  let matched = 0;
  let askTokens = 0;
  for (const [t, w] of weights) {
    if (w < 1) continue;
    const tw = t.includes('_') ? 1.5 : 1;
    total += tw;
    if (index.vocabulary.has(t)) known += tw;
    if (bestHits.has(t)) matched += tw;
    if (tw === 1) askTokens++;
  }
  const bestCoverage = total > 0 ? matched / total : 0;
  // A weak match (few of the ask's words found) should not outvote clear topic cues: scale the search part.
  const searchScale = total > 0 ? Math.min(1, Math.max(0.2, 1.5 * bestCoverage)) : 0;
  const rules = ruleScores(text, split);
  const topicSearch = new Map<Topic, number>();
  for (const r of entries) {
    const t = r.entry.topic;
    if (!topicSearch.has(t)) topicSearch.set(t, r.score);
  }
  const topics: TopicScore[] = TOPICS.map((topic) => {
    const search = topicSearch.get(topic) ?? 0;
    const rule = rules.get(topic) ?? 0;
    return { topic, search, rules: rule, score: SEARCH_WEIGHT * searchScale * search + rule };
  })
    .filter((t) => t.score > 0)
    .sort((a, b) => b.score - a.score);

  return {
    entries,
    topics,
    coverage: total > 0 ? known / total : 0,
    bestCoverage,
    rawTop,
    askTokens,
  };
}

/** Content words of a text after folding and expansion (for smalltalk and tests). */
export function contentWords(text: string): string[] {
  return canonicalWords(text).filter((w) => !STOP_WORDS.has(w));
}
