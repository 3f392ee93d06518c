import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkGates, has, piecesOf, requiredPieces, TextTrigrams } from '../../../flows/faq/regex-literals.ts';
import { answerQuestion } from '../../../flows/faq/answer.ts';
import { buildFaqIndex } from '../../../flows/faq/search-index.ts';
import { loadKb } from '../../../flows/faq/kb.ts';
import { ADVICE_BLIND_PATH, EVAL_DAY, loadAdviceSet } from '../../../tools/faq/eval-advice.ts';
import { TOPIC_RULES } from '../../../flows/faq/topic-rules.ts';
import { splitMainAsk } from '../../../flows/faq/normalise.ts';
import { foldWords, stripDiacritics } from '../../../src/text/vietnamese.ts';
import { DEV_SET_PATH, evalKbDir, loadDevSet } from '../../../tools/faq/eval.ts';

describe('literal pieces of a regular expression', () => {
  // Pieces are cut at six letters: longer ones would say little more about which texts can match.
  it.each([
    [/\b(?:rut|lay lai)\b/, ['rut', 'lay la']],
    [/\bdong (?:\w+ ){0,2}bao lau\b/, ['bao la']],
    [/\b(?:tu|du) \d+ tuoi\b/, [' tuoi']],
    [/\bha (?:xuong )?muc\b/, ['ha muc', 'ha xuong muc']],
    // Lookarounds match no text of their own.
    [/(?<!cach )\btinh (?=giup)/, ['tinh ']],
  ])('%s needs one of %j', (re, pieces) => {
    expect(requiredPieces(re)).toEqual(pieces);
  });

  it.each([
    ['an optional part only', /\b(?:mot )?lan/, ['lan']],
    ['a branch without a literal', /\brut\b|\d+/, null],
    ['case-insensitive matching', /rut/i, null],
    ['a class', /[a-z]+/, null],
    ['a back-reference', /(\w+)\1/, null],
  ])('knows nothing it cannot be sure of: %s', (_name, re, pieces) => {
    expect(requiredPieces(re)).toEqual(pieces);
  });

  it('never rules out a text a topic cue matches (dev questions, as written and unaccented)', () => {
    const questions = readFileSync(DEV_SET_PATH, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l).q as string);
    const texts = questions.flatMap((q) => [q, stripDiacritics(q)]).flatMap((q) => [` ${foldWords(q)} `, ...splitMainAsk(q).map((p) => ` ${p.words.join(' ')} `)]);
    const pieces = TOPIC_RULES.map((rule) => piecesOf(rule.re));
    const grams = new TextTrigrams();
    let ruledOut = 0;
    for (const text of texts) {
      grams.reset(text);
      TOPIC_RULES.forEach((rule, i) => {
        const may = grams.mayContain(pieces[i]!);
        if (!may) ruledOut++;
        if (rule.re.test(text)) expect(may, `${rule.re} on "${text}"`).toBe(true);
      });
    }
    expect(ruledOut).toBeGreaterThan(0);
  });
});

describe('has(): a rule skipped when the text cannot hold it', () => {
  it('never skips one that would match, on every rule the answers test (dev and blind questions, as written and unaccented)', () => {
    const index = buildFaqIndex(loadKb(evalKbDir()));
    const questions = [...loadDevSet().map((c) => c.q), ...loadAdviceSet(ADVICE_BLIND_PATH).map((c) => c.q)];
    const { skipped, run, wrong } = checkGates(() => {
      for (const q of questions) for (const text of [q, stripDiacritics(q)]) answerQuestion(index, text, undefined, {}, EVAL_DAY);
    });
    expect(wrong).toEqual([]);
    // Most rules match nothing in a given question: the gate is what keeps them cheap.
    expect(skipped).toBeGreaterThan(run);
  });

  it('resets a global expression it skips, as a failed test would', () => {
    const re = /\brut\b/g;
    expect(has(re, 'toi muon rut mot lan')).toBe(true);
    expect(re.lastIndex).toBeGreaterThan(0);
    expect(has(re, 'dong bao nhieu')).toBe(false);
    expect(re.lastIndex).toBe(0);
  });
});
