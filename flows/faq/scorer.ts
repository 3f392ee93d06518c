/**
 * A BM25 scorer over a few hundred short documents with every term's per-document score computed once, at
 * build time. It scores the way minisearch does (BM25+ with k 1.2, b 0.7, d 0.5; field boosts; per-query-term
 * boosts; fuzzy matches at edit distance 1 weighted 0.4·len/(len+1); the sum times the number of query terms
 * matched), but a query is a few map look-ups and additions instead of a walk over a radix tree: the answer
 * path must cost a fraction of a millisecond (docs/BENCHMARKS.md).
 */

/** One field of one document, already tokenised. */
export interface ScoredField {
  tokens: readonly string[];
  boost: number;
}

/** A document: its id and its fields (same number and order of fields for every document). */
export interface ScorerDoc {
  id: string;
  fields: readonly ScoredField[];
}

/** One hit: the document and its score (`matchedTerms` tells which query terms it matched). */
export interface ScorerHit {
  id: string;
  score: number;
  /** Position of the document in the scorer. */
  doc: number;
}

/** Query options: how much each query term counts, and which terms may match at edit distance 1. */
export interface ScorerQuery {
  boost(term: string): number;
  fuzzy(term: string): boolean;
}

/** The prepared scorer. */
export interface Scorer {
  /** Every term of every field. */
  readonly terms: ReadonlySet<string>;
  /** Hits best first; with `minRelative`, only those scoring at least that share of the best (fewer to sort). */
  search(terms: readonly string[], q: ScorerQuery, minRelative?: number): ScorerHit[];
  /** The query terms of the last search that matched this hit (directly or at edit distance 1). */
  matchedTerms(hit: ScorerHit): string[];
}

const K = 1.2;
const B = 0.7;
const D = 0.5;
const FUZZY_WEIGHT = 0.4;
/** Misspelt terms whose neighbours are remembered; the cache is dropped when full (bounded memory). */
const NEAR_CACHE_MAX = 20_000;

const deletions = (w: string): string[] => Array.from({ length: w.length }, (_x, i) => w.slice(0, i) + w.slice(i + 1));

/** Build the scorer: per term, the documents it occurs in and its boosted BM25+ score in each. */
export function buildScorer(docs: readonly ScorerDoc[]): Scorer {
  const n = docs.length;
  const fieldCount = docs[0]?.fields.length ?? 0;
  // A field's length is its number of distinct terms (as minisearch counts it).
  const lengths = docs.map((d) => d.fields.map((f) => new Set(f.tokens).size));
  const avg = Array.from({ length: fieldCount }, (_x, f) => lengths.reduce((s, l) => s + (l[f] ?? 0), 0) / Math.max(1, n));
  // term → field → doc → tf
  const tf = new Map<string, Map<number, Map<number, number>>>();
  docs.forEach((d, di) =>
    d.fields.forEach((field, fi) => {
      for (const t of field.tokens) {
        let byField = tf.get(t);
        if (!byField) tf.set(t, (byField = new Map()));
        let byDoc = byField.get(fi);
        if (!byDoc) byField.set(fi, (byDoc = new Map()));
        byDoc.set(di, (byDoc.get(di) ?? 0) + 1);
      }
    }),
  );
  const postings = new Map<string, { doc: Int32Array; score: Float64Array }>();
  for (const [term, byField] of tf) {
    const scores = new Map<number, number>();
    for (const [fi, byDoc] of byField) {
      const idf = Math.log(1 + (n - byDoc.size + 0.5) / (byDoc.size + 0.5));
      const boost = docs[0]?.fields[fi]?.boost ?? 1;
      for (const [di, f] of byDoc) {
        const len = lengths[di]![fi]!;
        const s = idf * (D + (f * (K + 1)) / (f + K * (1 - B + (B * len) / (avg[fi] || 1))));
        scores.set(di, (scores.get(di) ?? 0) + boost * s);
      }
    }
    // By document, so that `has` is a binary search.
    const byDoc = [...scores].sort((a, b) => a[0] - b[0]);
    postings.set(term, { doc: Int32Array.from(byDoc, (e) => e[0]), score: Float64Array.from(byDoc, (e) => e[1]) });
  }
  const byDeletion = new Map<string, string[]>();
  for (const t of postings.keys()) {
    for (const del of deletions(t)) {
      const list = byDeletion.get(del);
      if (list) list.push(t);
      else byDeletion.set(del, [t]);
    }
  }
  /** Index terms at Levenshtein distance exactly 1 from `t` (cached: people misspell the same words). */
  const nearCache = new Map<string, readonly string[]>();
  const neighbours = (t: string): readonly string[] => {
    const hit = nearCache.get(t);
    if (hit) return hit;
    const out = new Set<string>(byDeletion.get(t) ?? []); // a letter missing from t
    for (let i = 0; i < t.length; i++) {
      const del = t.slice(0, i) + t.slice(i + 1);
      if (postings.has(del)) out.add(del); // a letter too many in t
      for (const c of byDeletion.get(del) ?? []) {
        if (c.length === t.length && c.slice(0, i) + c.slice(i + 1) === del) out.add(c); // one letter changed
      }
    }
    out.delete(t);
    const list = [...out];
    if (nearCache.size >= NEAR_CACHE_MAX) nearCache.clear();
    nearCache.set(t, list);
    return list;
  };

  const terms: ReadonlySet<string> = new Set(postings.keys());
  // Scratch arrays reused by every query (a query is synchronous): no allocation per document.
  const score = new Float64Array(n);
  const matchedCount = new Int32Array(n);
  const lastSource = new Int32Array(n);
  const add = (source: number, term: string, weight: number): void => {
    const p = postings.get(term);
    if (!p) return;
    for (let i = 0; i < p.doc.length; i++) {
      const di = p.doc[i]!;
      score[di]! += weight * p.score[i]!;
      if (lastSource[di] !== source) {
        lastSource[di] = source;
        matchedCount[di]!++;
      }
    }
  };
  const has = (term: string, di: number): boolean => {
    const p = postings.get(term);
    if (!p) return false;
    let lo = 0;
    let hi = p.doc.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const d = p.doc[mid]!;
      if (d === di) return true;
      if (d < di) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  };
  let lastQuery: readonly string[] = [];
  const lastFuzzy = new Map<string, readonly string[]>();
  return {
    terms,
    search(queryTerms, q, minRelative = 0) {
      score.fill(0);
      matchedCount.fill(0);
      lastSource.fill(-1);
      lastQuery = queryTerms;
      lastFuzzy.clear();
      for (let ti = 0; ti < queryTerms.length; ti++) {
        const t = queryTerms[ti]!;
        const boost = q.boost(t);
        add(ti, t, boost);
        if (!q.fuzzy(t)) continue;
        const near = neighbours(t);
        lastFuzzy.set(t, near);
        for (const v of near) add(ti, v, boost * ((FUZZY_WEIGHT * v.length) / (v.length + 1)));
      }
      let top = 0;
      for (let di = 0; di < n; di++) {
        const m = matchedCount[di]!;
        if (m > 0) {
          score[di] = score[di]! * m;
          if (score[di]! > top) top = score[di]!;
        }
      }
      // Hits far below the best change nothing the caller reads: skip them before allocating and sorting.
      const floor = top * minRelative;
      const hits: ScorerHit[] = [];
      for (let di = 0; di < n; di++) {
        if (matchedCount[di]! > 0 && score[di]! >= floor) hits.push({ id: docs[di]!.id, score: score[di]!, doc: di });
      }
      return hits.sort((a, b) => b.score - a.score);
    },
    matchedTerms(hit) {
      return lastQuery.filter((t) => has(t, hit.doc) || (lastFuzzy.get(t) ?? []).some((v) => has(v, hit.doc)));
    },
  };
}
