import { describe, expect, it } from 'vitest';
import { evalKbDir, evaluateBothForms, HOLDOUT_PATH, loadDevSet } from '../../../tools/faq/eval.ts';
import { buildFaqIndex } from '../../../flows/faq/search-index.ts';
import { DEFAULT_KB_DIR, loadKb } from '../../../flows/faq/kb.ts';

/**
 * Recorded accuracy floors: topic accuracy on test/fixtures/faq/dev-set.jsonl (814 questions) and on the
 * holdout (30 questions the matcher was never tuned on), a little under what the matcher reached when they
 * were recorded, so a change that makes answers worse fails here. The knowledge base is still being
 * edited by its author, hence the margin.
 * Recorded 2026-11-25 with the real knowledge base (flows/faq/kb, 146 entries): dev 96.9 % as written and
 * 96.9 % unaccented; holdout 100 % / 100 % (the previous holdout, 30 mixed questions, scored 96.7 % before it
 * joined the dev set). With the 24-entry test fixture (used only while flows/faq/kb is empty): dev 88.0 %,
 * holdout 96.7 %.
 * Raised 2026-12-02 to the measured figures (flows/faq/kb, 163 entries): dev 798/814 (98.0 %) in both forms,
 * holdout 30/30 in both forms.
 * Raised 2026-12-02 after the answers helper's sixth round (comparisons, "một cục mấy năm", whether the voluntary
 * years count for a short-term benefit, "đóng cho ai"): dev 802/814 (98.5 %) in both forms, holdout 30/30.
 * Raised 2026-12-03 after the answers helper's seventh round: 809/814 (99.4 %) in both forms, holdout 30/30. Six
 * labels that contradicted the knowledge base were corrected (sickness pay is benefits_pension, paying both
 * schemes at once and months paid ahead then hired are transfer_between_schemes, "thừa kế" is survivor: 802 → 808),
 * and paying both at once "để lương hưu cao hơn" is answered as such (→ 809).
 * Lowered 2026-12-03 by one question to 808/814: asks separated by a comma are now answered each ("… tính như thế
 * nào, có cộng cả hai thời gian không?"), so that question's first answer is how the pension is computed and its
 * second that both periods add up; the label expects the second first. The advice is right (both asked, both
 * answered), the topic metric counts only the first answer.
 */
export const ACCURACY_FLOOR = {
  real: { dev: 808 / 814, holdout: 30 / 30 },
  fixture: { dev: 0.85, holdout: 0.8 },
} as const;

describe('answer quality on the development set', () => {
  const dir = evalKbDir();
  const floor = dir === DEFAULT_KB_DIR ? ACCURACY_FLOOR.real : ACCURACY_FLOOR.fixture;
  const cases = loadDevSet();
  const index = buildFaqIndex(loadKb(dir));
  const reports = evaluateBothForms(index, cases);
  const holdout = evaluateBothForms(index, loadDevSet(HOLDOUT_PATH));

  it('has at least 170 questions covering every topic at least 6 times', () => {
    expect(cases.length).toBeGreaterThanOrEqual(170);
    const counts = new Map<string, number>();
    for (const c of cases) counts.set(c.topic, (counts.get(c.topic) ?? 0) + 1);
    expect(counts.size).toBe(17);
    for (const [t, n] of counts) expect(n, t).toBeGreaterThanOrEqual(6);
  });

  it('stays at or above the recorded floor as written', () => {
    expect(reports.accented.accuracy).toBeGreaterThanOrEqual(floor.dev);
  });

  it('stays at or above the recorded floor typed without diacritics', () => {
    expect(reports.unaccented.accuracy).toBeGreaterThanOrEqual(floor.dev);
  });

  it('stays at or above the recorded floor on the holdout, in both forms', () => {
    expect(holdout.accented.accuracy).toBeGreaterThanOrEqual(floor.holdout);
    expect(holdout.unaccented.accuracy).toBeGreaterThanOrEqual(floor.holdout);
  });
});
