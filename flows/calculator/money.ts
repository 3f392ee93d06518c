/**
 * Amounts of money as Vietnamese people write them, and back.
 *
 * Accepted: "1.500.000", "1,500,000", "1500000", "2.340.000đ", "2.340.000 VNĐ", "1,5 triệu", "1.5m", "1,5tr",
 * "1tr5", "1tr250", "2 trieu", "1 triệu 500", "1 triệu 500 nghìn", "1 triệu rưỡi", "3 củ", "1500k", "1.500k",
 * "500 nghìn", "hai triệu".
 *
 * Digits after a million unit are a decimal fraction of a million, as in price shorthand: "1tr5" and "1 triệu 5"
 * are 1,500,000, "1tr25" is 1,250,000, "1 triệu 500" is 1,500,000; with a thousand unit they are thousands:
 * "1 triệu 50 nghìn" is 1,050,000.
 *
 * A number with no unit ("bare") is read by `bare`:
 * - 'dong' (default): the number is in đồng.
 * - 'income': the answer to "what monthly income?". Below 1,000 it is millions ("3" → 3,000,000, "3,5" →
 *   3,500,000); from 1,000 to 99,999 thousands ("1500" → 1,500,000); from 100,000 đồng. No monthly income
 *   that may be declared is below 700,000 đồng, so small numbers cannot mean đồng.
 * - 'none': bare numbers are ignored (free text such as "bhxh 2020 đóng bao nhiêu" has years and ages in it).
 */
import { fold } from '../../src/text/vietnamese.ts';

export type BareUnit = 'dong' | 'income' | 'none';

export interface ParseMoneyOptions {
  bare?: BareUnit;
}

const MILLION = new Set(['trieu', 'tr', 'cu', 'm', 'million', 'millions']);
const THOUSAND = new Set(['nghin', 'ngan', 'ngin', 'ng', 'k']);
const BILLION = new Set(['ty', 'ti']);
const DONG = new Set(['d', 'dong', 'vnd', 'dg']);
/** Words after a number that make it something other than money ("52 tuổi", "20 năm", "1 tháng"). */
const NOT_MONEY = new Set(['nam', 'tuoi', 'thang', 'lan', 'nguoi', 'ngay', 'tuan', 'gio', 'phan', 'ky', 'con', 'nhan', 'thg']);
const HALF = new Set(['ruoi', 'ruo', 'rui']);
/** Spelled-out numbers, only accepted before a million or thousand unit ("hai triệu", "năm trăm nghìn" is not). */
const WORD_NUMBERS: Record<string, number> = {
  mot: 1,
  hai: 2,
  ba: 3,
  bon: 4,
  tu: 4,
  nam: 5,
  sau: 6,
  bay: 7,
  tam: 8,
  chin: 9,
  muoi: 10,
};

/** A number token; `spaced` when only spaces separate it from the token before ("1tr5", "2 triệu 5", not "3tr. 1)"). */
type Token = { kind: 'num'; text: string; spaced: boolean; glued: boolean } | { kind: 'word'; text: string; raw: string } | { kind: 'pct' };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const lower = text.normalize('NFC').toLowerCase();
  let end = 0;
  for (const m of lower.matchAll(/\d+(?:[.,]\d+)*|\p{L}+|%/gu)) {
    const t = m[0];
    const gap = lower.slice(end, m.index);
    const spaced = /^\s*$/.test(gap);
    end = m.index + t.length;
    if (t === '%') tokens.push({ kind: 'pct' });
    else if (/^\d/.test(t)) tokens.push({ kind: 'num', text: t, spaced, glued: gap === '' });
    else {
      // Letters glued to digits split apart ("1tr5" → "1", "tr", "5"); fold only for matching.
      const folded = fold(t).replace(/[^a-z]/g, '');
      if (folded) tokens.push({ kind: 'word', text: folded, raw: t });
    }
  }
  return tokens;
}

/**
 * "đóng" (to pay) and "đồng" (the currency) fold to the same "dong". With diacritics the spelling decides;
 * without, "dong" is the currency only after at least 10,000 or a grouped number ("bhxh 2020 dong bao nhieu").
 */
function isCurrencyWord(token: Token | undefined, value: number, numberText: string): boolean {
  if (token?.kind !== 'word' || !DONG.has(token.text)) return false;
  if (token.text !== 'dong') return true;
  if (token.raw === 'đồng') return true;
  if (token.raw !== 'dong') return false;
  return value >= 10_000 || /[.,]/.test(numberText);
}

/**
 * Read a digit token: "1.500.000" and "1,500,000" are grouped thousands, "1,5" and "1.5" decimals.
 * A single group of exactly three digits ("1.500") counts as thousands. Leading zeros ("0912…") are not money.
 */
export function parseNumberToken(token: string): number | null {
  if (/^\d+$/.test(token)) {
    if (token.length > 1 && token.startsWith('0')) return null;
    return Number(token);
  }
  const grouped = /^(\d{1,3})((?:([.,])\d{3})(?:\3\d{3})*)$/.exec(token);
  if (grouped?.[1] !== undefined && grouped[2] !== undefined) {
    if (grouped[1].startsWith('0')) return null;
    return Number(grouped[1] + grouped[2].replace(/[.,]/g, ''));
  }
  const decimal = /^(\d+)[.,](\d+)$/.exec(token);
  if (decimal?.[1] !== undefined && decimal[2] !== undefined) {
    if (decimal[1].length > 1 && decimal[1].startsWith('0')) return null;
    return Number(`${decimal[1]}.${decimal[2]}`);
  }
  return null;
}

interface Candidate {
  amount: number;
  /** No unit was written. */
  bare: boolean;
}

function wordAt(tokens: Token[], i: number): string | null {
  const t = tokens[i];
  return t?.kind === 'word' ? t.text : null;
}

/** Read "<n> <unit> [tail]" starting at i; returns the amount and the index after it, or null. */
function readAt(tokens: Token[], i: number): { cand: Candidate; next: number } | null {
  const tok = tokens[i];
  if (tok === undefined) return null;
  let value: number | null;
  let spelled = false;
  if (tok.kind === 'num') value = parseNumberToken(tok.text);
  // (A spelled word right after a number is its unit, not a number: "7 nam cu" is "7 năm cũ", seven old years, not "năm
  // củ", five million.)
  else if (tok.kind === 'word' && tok.text in WORD_NUMBERS && tokens[i - 1]?.kind !== 'num') {
    value = WORD_NUMBERS[tok.text] ?? null;
    spelled = true;
  } else return null;
  if (value === null) return null;

  const unit = wordAt(tokens, i + 1);
  if (tokens[i + 1]?.kind === 'pct') return null;
  if (unit !== null && MILLION.has(unit)) {
    let amount = value * 1_000_000;
    let next = i + 2;
    const tail = tokens[next];
    const tailWord = wordAt(tokens, next);
    if (tailWord !== null && HALF.has(tailWord)) {
      amount += 500_000;
      next += 1;
    } else if (tail?.kind === 'num' && tail.spaced && /^\d{1,3}$/.test(tail.text)) {
      const after = wordAt(tokens, next + 1);
      if (after !== null && THOUSAND.has(after)) {
        amount += Number(tail.text) * 1_000;
        next += 2;
      } else if (after === null || !NOT_MONEY.has(after) || tail.glued) {
        // ("2tr5/tháng": glued to the unit, the tail is the half million whatever follows.)
        amount += Number(`0.${tail.text}`) * 1_000_000;
        next += 1;
      }
    }
    return { cand: { amount, bare: false }, next };
  }
  if (unit !== null && THOUSAND.has(unit)) return { cand: { amount: value * 1_000, bare: false }, next: i + 2 };
  if (unit !== null && BILLION.has(unit)) return { cand: { amount: value * 1_000_000_000, bare: false }, next: i + 2 };
  if (spelled) return null;
  if (isCurrencyWord(tokens[i + 1], value, tok.text)) return { cand: { amount: value, bare: false }, next: i + 2 };
  if (unit !== null && NOT_MONEY.has(unit)) return null;
  return { cand: { amount: value, bare: true }, next: i + 1 };
}

function bareAmount(value: number, bare: BareUnit): number {
  if (bare === 'dong') return value;
  if (bare === 'none') return Number.NaN;
  if (value < 1_000) return value * 1_000_000;
  if (value < 100_000) return value * 1_000;
  return value;
}

/**
 * Find one amount of money in a message and return it in whole đồng, or null when there is none or it is
 * ambiguous (several bare numbers). An amount with a unit wins over bare numbers ("tôi 40 tuổi, đóng 2 triệu").
 */
export function parseMoney(text: string, opts: ParseMoneyOptions = {}): number | null {
  const tokens = tokenize(text);
  const withUnit: number[] = [];
  const bare: number[] = [];
  let i = 0;
  while (i < tokens.length) {
    const read = readAt(tokens, i);
    if (read === null) {
      i += 1;
      continue;
    }
    if (read.cand.bare) bare.push(read.cand.amount);
    else withUnit.push(read.cand.amount);
    i = read.next;
  }
  let amount: number | undefined;
  // The same amount said twice ("lương 6tr, muốn đóng mức 6tr") is one amount.
  if (withUnit.length >= 1 && withUnit.every((a) => a === withUnit[0])) amount = withUnit[0];
  else if (withUnit.length === 0 && bare.length === 1 && bare[0] !== undefined) amount = bareAmount(bare[0], opts.bare ?? 'dong');
  if (amount === undefined || !Number.isFinite(amount) || amount <= 0) return null;
  const rounded = Math.round(amount);
  return rounded > 0 && Number.isSafeInteger(rounded) ? rounded : null;
}

/** Group thousands with dots, the Vietnamese way: 1500000 → "1.500.000". */
export function formatNumber(n: number): string {
  const sign = n < 0 ? '-' : '';
  const digits = String(Math.abs(Math.round(n)));
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** An amount in đồng for people: 264000 → "264.000 đồng". */
export function formatMoney(n: number): string {
  return `${formatNumber(n)} đồng`;
}

/** A rate as Vietnamese write it: 0.22 → "22%", 0.0035 → "0,35%". */
export function formatPercent(rate: number): string {
  const pct = Math.round(rate * 100 * 10_000) / 10_000;
  return `${String(pct).replace('.', ',')}%`;
}
