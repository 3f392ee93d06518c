import { describe, expect, it } from 'vitest';
import { buildScorer } from '../../../flows/faq/scorer.ts';

const doc = (id: string, questions: string, answer: string) => ({
  id,
  fields: [
    { tokens: questions.split(' '), boost: 2 },
    { tokens: answer.split(' '), boost: 0.25 },
  ],
});
const scorer = buildScorer([
  doc('pension', 'luong huu bao nhieu nam', 'du 15 nam co luong huu'),
  doc('lump', 'rut mot lan', 'nhan mot lan khi du tuoi'),
  doc('subsidy', 'ho tro hongheo', 'nha nuoc ho tro'),
]);
const plain = { boost: () => 1, fuzzy: () => false };

describe('the precomputed BM25 scorer', () => {
  it('ranks the document whose questions hold the query terms first, and leaves out documents that match none', () => {
    const hits = scorer.search(['luong', 'huu'], plain);
    expect(hits.map((h) => h.id)).toEqual(['pension']);
    expect(scorer.matchedTerms(hits[0]!)).toEqual(['luong', 'huu']);
  });

  it('counts a term matched in more fields and more query terms matched higher', () => {
    const hits = scorer.search(['mot', 'lan', 'nam'], plain);
    expect(hits[0]?.id).toBe('lump');
    expect(hits.map((h) => h.id)).toContain('pension');
  });

  it('finds a misspelt term at edit distance 1 only when fuzzy matching is asked for it', () => {
    expect(scorer.search(['hongeo'], plain)).toEqual([]);
    const hits = scorer.search(['hongeo'], { boost: () => 1, fuzzy: (t) => t === 'hongeo' });
    expect(hits.map((h) => h.id)).toEqual(['subsidy']);
    expect(scorer.matchedTerms(hits[0]!)).toEqual(['hongeo']);
  });

  it('weighs each query term by its boost', () => {
    const a = scorer.search(['rut', 'ho'], { boost: (t) => (t === 'rut' ? 1 : 0.1), fuzzy: () => false });
    const b = scorer.search(['rut', 'ho'], { boost: (t) => (t === 'ho' ? 1 : 0.1), fuzzy: () => false });
    expect(a[0]?.id).toBe('lump');
    expect(b[0]?.id).toBe('subsidy');
  });
});
