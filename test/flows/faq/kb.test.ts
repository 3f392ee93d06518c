import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE_KB_DIR } from '../../../tools/faq/eval.ts';
import { DEFAULT_KB_DIR, hasKb, KbError, loadKb, SHORT_MAX, TOPICS } from '../../../flows/faq/kb.ts';

const good = {
  id: 'x.one',
  topic: 'subsidy',
  questions: ['Hộ nghèo được hỗ trợ bao nhiêu?'],
  keywords: ['hỗ trợ'],
  short: 'Ho ngheo duoc ho tro 50%.',
  source: 'Nghị định 159/2025/NĐ-CP',
  effective: '2025-07-01',
  verified: true,
};

function dirWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'faq-kb-'));
  for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, name), body);
  return dir;
}

describe('knowledge-base loading', () => {
  it('loads and validates the test fixture', () => {
    const entries = loadKb(FIXTURE_KB_DIR);
    expect(entries.length).toBeGreaterThan(3);
    expect(new Set(entries.map((e) => e.topic)).size).toBe(TOPICS.length);
  });

  it('loads the real knowledge base when it is there, with every topic and short answers that fit 3 SMS', () => {
    if (!hasKb(DEFAULT_KB_DIR)) return;
    const entries = loadKb();
    for (const t of TOPICS) expect(entries.some((e) => e.topic === t), t).toBe(true);
    for (const e of entries) expect(e.short.length).toBeLessThanOrEqual(SHORT_MAX);
  });

  it('shows residents a legal basis without web addresses or reviewers\' caveats: those go in checkedAgainst', () => {
    const entries = loadKb();
    for (const e of entries) expect(e.source, e.id).not.toMatch(/https?:\/\/|chưa đối chiếu|not yet/i);
    expect(entries.filter((e) => e.checkedAgainst?.some((x) => /^https?:\/\//.test(x))).length).toBeGreaterThan(0);
  });

  it('fails loudly on a short answer longer than three SMS segments, naming the file and field', () => {
    const dir = dirWith({ 'subsidy.json': JSON.stringify([{ ...good, short: 'x'.repeat(SHORT_MAX + 1) }]) });
    expect(() => loadKb(dir)).toThrow(KbError);
    expect(() => loadKb(dir)).toThrow(/subsidy\.json[\s\S]*0\.short/);
  });

  it('fails on an unknown topic, a missing field, bad JSON, a duplicate id and a topic in the wrong file', () => {
    expect(() => loadKb(dirWith({ 'a.json': JSON.stringify([{ ...good, topic: 'weather' }]) }))).toThrow(/topic/);
    const { source: _s, ...noSource } = good;
    expect(() => loadKb(dirWith({ 'a.json': JSON.stringify([noSource]) }))).toThrow(/source/);
    expect(() => loadKb(dirWith({ 'a.json': '[{' }))).toThrow(/not valid JSON/);
    expect(() => loadKb(dirWith({ 'a.json': JSON.stringify([good]), 'b.json': JSON.stringify([good]) }))).toThrow(/duplicate/);
    expect(() => loadKb(dirWith({ 'maternity.json': JSON.stringify([good]) }))).toThrow(/other than "maternity"/);
  });

  it('refuses an unknown placeholder, and a short answer that outgrows three SMS once this year\'s figures fill it in', () => {
    const unknown = dirWith({ 'subsidy.json': JSON.stringify([{ ...good, short: 'Năm {YEAR}: {RATE}.' }]) });
    expect(() => loadKb(unknown)).toThrow(/x\.one: unknown placeholder \{RATE\}/);
    // Each {MALE_AGE} is 10 characters written, up to 15 filled in ("61 tuổi 9 tháng").
    const padded = 'x'.repeat(SHORT_MAX - 30) + ' {MALE_AGE} {MALE_AGE}';
    expect(padded.length).toBeLessThanOrEqual(SHORT_MAX);
    expect(() => loadKb(dirWith({ 'subsidy.json': JSON.stringify([{ ...good, short: padded }]) }))).toThrow(/once filled in/);
    expect(loadKb(dirWith({ 'subsidy.json': JSON.stringify([{ ...good, short: 'Năm {YEAR}: nam {MALE_AGE}.' }]) }))).toHaveLength(1);
  });

  it('refuses a contribution figure it cannot fill in every year: an example income under a later floor, an income or multiplier where none is taken', () => {
    const load = (short: string): unknown => loadKb(dirWith({ 'subsidy.json': JSON.stringify([{ ...good, short }]) }));
    // 2,000,000 is above the 2026 floor (1,500,000) but under 2027's (2,200,000).
    expect(() => load('Mức 2 triệu nộp {PAY_OTHER:2000000} đồng.')).toThrow(/x\.one: \{PAY_OTHER:2000000\} is outside the incomes one may declare on 2027-06-01 \(2\.200\.000–50\.600\.000\)$/);
    expect(() => load('Hỗ trợ {SUPPORT_POOR:3000000}.')).toThrow(/\{SUPPORT_POOR\} takes no income/);
    expect(() => load('Năm {YEAR*2}.')).toThrow(/\{YEAR\} takes no income nor multiplier/);
    expect(() => load('Mức {FLOR}.')).toThrow(/unknown placeholder \{FLOR\}/);
    expect(load('Mức 3 triệu nộp {PAY_OTHER:3000000*12} đồng một năm.')).toHaveLength(1);
  });

  it('refuses an empty directory', () => {
    expect(() => loadKb(dirWith({}))).toThrow(/no knowledge-base files/);
  });
});
