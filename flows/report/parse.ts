/**
 * The field-staff grammar, as a pure function: text → command | error. No database, no clock (today is passed in).
 *
 * Report:      BC <count> [dd/mm[/yyyy] | ngày dd/mm | hôm nay | hôm qua] [DV <unit code>] [OK]
 *              "BC 12", "bc 12 21/5", "báo cáo: 12 người", "BAO CAO 12", "BC12", "Bc 12 nguoi", "/baocao 12",
 *              "BC 250 OK" (confirms a count above the sanity limit), "BC 12 DV 001" (staff of several units).
 * Correction:  BC SUA <count> [...]  ("BC SỬA 10", "bc sua lai 10"): same fields, flagged as an explicit correction.
 * Progress:    TIENDO | TIẾN ĐỘ | /tiendo | xem tiến độ  [unit code]
 * Link:        DK <6 digits> | ĐK 482913 | /dk 482913  (one-time code that links a Telegram/Zalo account to staff)
 *
 * Keyword typos. One wrong, missing, extra or swapped letter is accepted in the long keywords "bao cao"/"baocao"
 * (only when a number follows) and "tien do"/"tiendo" (only as the whole message), because no other word the service
 * knows is one letter away from them. The two-letter "BC" gets no typo tolerance: every one-letter variant is
 * another common abbreviation ("BV" bệnh viện, "BH" bảo hiểm, "DC" được, "VC" vợ chồng), so "BV 12" is not a report.
 *
 * Numbers: whole 0–999; "12.5", "1.000", "-3" or 1000+ are `count_range`. A day/month without a year means the most
 * recent such day that is not after today (today counts). The day may not be in the future nor before the campaign.
 */
import { fold } from '../../src/text/vietnamese.ts';

export interface ParseOptions {
  /** Today in Asia/Ho_Chi_Minh, YYYY-MM-DD. */
  today: string;
  /** First day reports may be filed for, YYYY-MM-DD. */
  campaignStart: string;
  /** Counts above this need an explicit OK ("BC 250 OK"). */
  sanityLimit: number;
}

/** A sign-up report (or explicit correction) ready to store. */
export interface ReportCommand {
  ok: true;
  kind: 'report' | 'correction';
  count: number;
  /** YYYY-MM-DD. */
  day: string;
  /** Set when the person named the unit ("DV 001"). */
  unitCode?: string;
  /** The person wrote OK (needed above the sanity limit). */
  confirmed: boolean;
}

export type ParsedCommand =
  | ReportCommand
  | { ok: true; kind: 'progress'; unitCode?: string }
  | { ok: true; kind: 'link'; code: string };

export type ParseErrorCode =
  /** Not a staff command at all: let other flows have the message. */
  | 'not_command'
  | 'syntax'
  | 'count_range'
  | 'bad_date'
  | 'future'
  | 'before_start'
  /** Count above the sanity limit without OK; `report` holds what would be stored once confirmed. */
  | 'needs_confirm'
  /** "DK" followed by something that is not a 6-digit code. */
  | 'bad_code';

export interface ParseError {
  ok: false;
  error: ParseErrorCode;
  /** What to tell the person (Vietnamese, with diacritics). Empty for `not_command`. */
  hint: string;
  /** Which command the message was recognised as (null for `not_command`). */
  command: 'report' | 'progress' | 'link' | null;
  /** For `needs_confirm`: the report as it would be stored after OK. */
  report?: ReportCommand;
}

export type ParseResult = ParsedCommand | ParseError;

export const HINTS = {
  syntax: 'Sai cú pháp. Gửi: BC <số người> [ngày/tháng]. VD: BC 12',
  countRange: 'Số người phải là số nguyên từ 0 đến 999. Gửi: BC <số người> [ngày/tháng]. VD: BC 12',
  badDate: 'Ngày không hợp lệ. Gửi: BC <số người> <ngày/tháng>. VD: BC 12 21/5',
  future: (day: string, today: string) =>
    `Không nhận báo cáo cho ngày ${dayMonth(day)} vì chưa tới ngày đó (hôm nay ${dayMonth(today)}). VD: BC 12`,
  beforeStart: (start: string) =>
    `Chiến dịch bắt đầu từ ${dayMonthYear(start)}; không nhận báo cáo cho ngày trước đó. VD: BC 12`,
  needsConfirm: (r: ReportCommand, limit: number) =>
    `${r.count} người ngày ${dayMonth(r.day)} cao hơn mức thường gặp (${limit}/ngày). Nếu đúng, gửi: BC ${r.kind === 'correction' ? 'SUA ' : ''}${r.count} ${dayMonth(r.day)}${r.unitCode ? ` DV ${r.unitCode}` : ''} OK`,
  badCode: 'Mã liên kết gồm 6 chữ số. VD: DK 482913',
} as const;

/** "2026-05-21" → "21/05". */
export function dayMonth(day: string): string {
  return `${day.slice(8, 10)}/${day.slice(5, 7)}`;
}

/** "2026-05-21" → "21/05/2026". */
export function dayMonthYear(day: string): string {
  return `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
}

const REPORT_LONG = 'baocao';
const PROGRESS = 'tiendo';
const FILLER = new Set(['nguoi', 'ng', 'hs', 'ho', 'so', 'moi', 'tham', 'gia', 'thanh', 'vien', 'tv', 'la', 'lai', 'bhxh', 'tn', 'dang', 'ky']);
const CONFIRM = new Set(['ok', 'oke', 'okay', 'okie', 'xn']);

/** Which command a message is, without validating the rest (for a flow's `command()`). */
export function recognise(text: string): 'report' | 'progress' | 'link' | null {
  // The router asks once per field-staff command (report, progress, link) for the same message: parse it once.
  if (text !== lastRecognised.text) {
    // Progress and link commands are a few words; a long text (a resident's question) is a command only when it
    // starts with the report keyword, which its first words show without folding the whole text.
    const long = text.length > COMMAND_HEAD && matchReportKeyword(fold(text.slice(0, COMMAND_HEAD).normalize('NFC')).trim()) === null;
    const r = long ? NOT_COMMAND : parseReport(text, { today: '2000-01-01', campaignStart: '2000-01-01', sanityLimit: 999 });
    lastRecognised = { text, command: r.ok ? (r.kind === 'correction' ? 'report' : r.kind) : r.command };
  }
  return lastRecognised.command;
}
/** Characters a command's keyword is read from in a long text. */
const COMMAND_HEAD = 48;
let lastRecognised: { text: string | undefined; command: 'report' | 'progress' | 'link' | null } = { text: undefined, command: null };

/** Parse one message from field staff. Pure: same text and options, same result. */
export function parseReport(text: string, opts: ParseOptions): ParseResult {
  // Telegram adds the bot's name in groups ("/baocao@bhxh_bot 12").
  const s = fold(text.normalize('NFC'))
    .replace(/^\s*\/([a-z]+)@[a-z0-9_]+/, '/$1')
    .trim();
  const words = s.replace(/[^a-z0-9]+/g, ' ').trim();

  const progress = matchProgress(words);
  if (progress) return progress;

  const link = /^(?:dk|dang ?ky|dky)\s?(\d+)$/.exec(words);
  if (link) {
    const code = link[1] ?? '';
    return code.length === 6 ? { ok: true, kind: 'link', code } : fail('bad_code', HINTS.badCode, 'link');
  }

  const head = matchReportKeyword(s);
  if (!head) return NOT_COMMAND;
  return parseReportBody(head.rest, opts);
}

const NOT_COMMAND: ParseError = { ok: false, error: 'not_command', hint: '', command: null };

function fail(error: ParseErrorCode, hint: string, command: 'report' | 'progress' | 'link' = 'report'): ParseError {
  return { ok: false, error, hint, command };
}

function matchProgress(words: string): ParsedCommand | null {
  const m = /^(?:xem )?([a-z]+(?: [a-z]+)?)(?: ([0-9]{1,6}))?$/.exec(words);
  if (!m) return null;
  const joined = (m[1] ?? '').replace(' ', '');
  if (joined.length < 5 || distance(joined, PROGRESS) > 1) return null;
  return m[2] ? { ok: true, kind: 'progress', unitCode: m[2] } : { ok: true, kind: 'progress' };
}

/** The report keyword at the start of the folded text, and what follows it. */
function matchReportKeyword(s: string): { rest: string } | null {
  const slash = /^\/(baocao|bc)(?![a-z])/.exec(s);
  if (slash) return { rest: s.slice(slash[0].length) };
  const bc = /^b\.?c(?![a-z])/.exec(s);
  if (bc) return { rest: s.slice(bc[0].length) };
  // One or two leading letter runs ("bao cao", "baocao", "bao cao:"), compared without the space.
  const m = /^([a-z]+)(?:[ ]+([a-z]+))?/.exec(s);
  if (!m) return null;
  const candidates: { word: string; rest: string }[] = [];
  if (m[2] !== undefined) candidates.push({ word: (m[1] ?? '') + m[2], rest: s.slice(m[0].length) });
  candidates.push({ word: m[1] ?? '', rest: s.slice((m[1] ?? '').length) });
  for (const c of candidates) {
    if (c.word === REPORT_LONG) {
      // "báo cáo tình hình ra sao?" is a question: the long keyword needs a number (or SUA, or nothing) after it.
      return startsLikeReport(c.rest, true) ? { rest: c.rest } : null;
    }
  }
  for (const c of candidates) {
    if (c.word.length >= 5 && Math.abs(c.word.length - REPORT_LONG.length) <= 1 && distance(c.word, REPORT_LONG) === 1 && startsLikeReport(c.rest, false)) {
      return { rest: c.rest };
    }
  }
  return null;
}

function startsLikeReport(rest: string, allowEmpty: boolean): boolean {
  const r = rest.replace(/^[\s:.,;-]+/, '');
  if (r === '') return allowEmpty;
  return /^(?:\d|sua\b|sua\d)/.test(r);
}

type Token = { t: 'num'; v: string } | { t: 'dec' } | { t: 'neg' } | { t: 'date'; d: number; m: number; y?: number; sep: string } | { t: 'word'; v: string };

function tokenize(rest: string): Token[] | null {
  const out: Token[] = [];
  const re =
    /\s*(?:(\d{1,2})([/.-])(\d{1,2})(?:[/.-](\d{4}|\d{2}))?(?![\d])|(-\d+)|(\d+[.,]\d+)|(\d+)|([a-z]+)|([^a-z0-9\s]+))/y;
  let pos = 0;
  const src = rest.trimEnd();
  while (pos < src.length) {
    re.lastIndex = pos;
    const m = re.exec(src);
    if (!m) return null;
    pos = re.lastIndex;
    if (m[1] !== undefined && m[3] !== undefined) {
      out.push({ t: 'date', d: Number(m[1]), m: Number(m[3]), sep: m[2] ?? '/', ...(m[4] !== undefined && { y: Number(m[4]) }) });
    } else if (m[5] !== undefined) out.push({ t: 'neg' });
    else if (m[6] !== undefined) out.push({ t: 'dec' });
    else if (m[7] !== undefined) out.push({ t: 'num', v: m[7] });
    else if (m[8] !== undefined) out.push({ t: 'word', v: m[8] });
    // punctuation is a separator
  }
  return out;
}

function parseReportBody(rest: string, opts: ParseOptions): ParseResult {
  // A dash glued to the keyword is a separator ("BC-12"); "BC -3" is a minus sign.
  const tokens = tokenize(rest.replace(/^-(?=\d)/, ' '));
  if (!tokens) return fail('syntax', HINTS.syntax);
  let correction = false;
  let confirmed = false;
  let count: number | undefined;
  let day: string | undefined;
  let unitCode: string | undefined;
  let dateError: ParseError | undefined;

  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    const next = tokens[i + 1];
    if (!tok) break;
    if (tok.t === 'word') {
      const w = tok.v;
      if (w === 'sua' && count === undefined) {
        correction = true;
      } else if (CONFIRM.has(w) || (w === 'xac' && next?.t === 'word' && next.v === 'nhan') || (w === 'dong' && next?.t === 'word' && next.v === 'y')) {
        if (count === undefined) return fail('syntax', HINTS.syntax);
        confirmed = true;
        if (w === 'xac' || w === 'dong') i++;
      } else if (w === 'dv' || (w === 'don' && next?.t === 'word' && next.v === 'vi')) {
        if (w === 'don') i++;
        const code = tokens[i + 1];
        if (!code || (code.t !== 'num' && code.t !== 'word') || unitCode !== undefined) return fail('syntax', HINTS.syntax);
        unitCode = code.v.toUpperCase();
        i++;
      } else if (w === 'hom' && next?.t === 'word' && (next.v === 'nay' || next.v === 'qua')) {
        if (day !== undefined) return fail('syntax', HINTS.syntax);
        day = next.v === 'nay' ? opts.today : addDays(opts.today, -1);
        i++;
      } else if (w === 'ngay') {
        // "ngày 21/5" or "ngày 21 tháng 5"
        const a = tokens[i + 1];
        const b = tokens[i + 2];
        const c = tokens[i + 3];
        if (a?.t === 'date') continue;
        if (a?.t === 'num' && b?.t === 'word' && b.v === 'thang' && c?.t === 'num') {
          if (day !== undefined) return fail('syntax', HINTS.syntax);
          const r = resolveDay(Number(a.v), Number(c.v), undefined, opts.today);
          if (r === null) dateError = fail('bad_date', HINTS.badDate);
          else day = r;
          i += 3;
        } else {
          return fail('syntax', HINTS.syntax);
        }
      } else if (FILLER.has(w) && count !== undefined) {
        // "12 người", "12 người mới tham gia"
      } else if (w === 'lai' && correction) {
        // "sửa lại 10"
      } else {
        return fail('syntax', HINTS.syntax);
      }
    } else if (tok.t === 'num') {
      if (count !== undefined) return fail('syntax', HINTS.syntax);
      if (tok.v.length > 3) return fail('count_range', HINTS.countRange);
      count = Number(tok.v);
    } else if (tok.t === 'dec' || tok.t === 'neg') {
      if (count !== undefined) return fail('syntax', HINTS.syntax);
      return fail('count_range', HINTS.countRange);
    } else {
      // a date
      if (count === undefined) {
        // "BC 12.5" / "BC 12,5" is a fraction, not 12 May; "BC 21/5" has no count.
        return tok.sep === '.' && tok.y === undefined ? fail('count_range', HINTS.countRange) : fail('syntax', HINTS.syntax);
      }
      if (day !== undefined) return fail('syntax', HINTS.syntax);
      const r = resolveDay(tok.d, tok.m, tok.y, opts.today);
      if (r === null) dateError = fail('bad_date', HINTS.badDate);
      else day = r;
    }
  }
  if (count === undefined) return fail('syntax', HINTS.syntax);
  if (dateError) return dateError;
  const resolved = day ?? opts.today;
  if (resolved > opts.today) return fail('future', HINTS.future(resolved, opts.today));
  if (resolved < opts.campaignStart) return fail('before_start', HINTS.beforeStart(opts.campaignStart));
  const report: ReportCommand = {
    ok: true,
    kind: correction ? 'correction' : 'report',
    count,
    day: resolved,
    confirmed,
    ...(unitCode !== undefined && { unitCode }),
  };
  if (count > opts.sanityLimit && !confirmed) {
    return { ok: false, error: 'needs_confirm', hint: HINTS.needsConfirm(report, opts.sanityLimit), command: 'report', report };
  }
  return report;
}

/**
 * Day/month (and optional year) → YYYY-MM-DD. Without a year: the most recent such day not after today
 * (29/2 walks back to the last leap year). With a two-digit year: 20yy. Null when no such calendar day exists.
 */
export function resolveDay(d: number, m: number, y: number | undefined, today: string): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  if (y !== undefined) {
    const year = y < 100 ? 2000 + y : y;
    return validDate(year, m, d) ? iso(year, m, d) : null;
  }
  const thisYear = Number(today.slice(0, 4));
  for (let year = thisYear; year >= thisYear - 8; year--) {
    if (!validDate(year, m, d)) continue;
    const candidate = iso(year, m, d);
    if (candidate <= today) return candidate;
  }
  return null;
}

function validDate(y: number, m: number, d: number): boolean {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Calendar arithmetic on YYYY-MM-DD strings. */
export function addDays(day: string, n: number): string {
  const dt = new Date(`${day}T00:00:00Z`);
  dt.setUTCDate(dt.getUTCDate() + n);
  return dt.toISOString().slice(0, 10);
}

/** Optimal-string-alignment distance (one swap of neighbours counts as one edit). */
export function distance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const dp: number[][] = Array.from({ length: rows }, (_r, i) => Array.from({ length: cols }, (_c, j) => (i === 0 ? j : j === 0 ? i : 0)));
  const at = (i: number, j: number): number => dp[i]?.[j] ?? 0;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, at(i - 2, j - 2) + 1);
      const row = dp[i];
      if (row) row[j] = v;
    }
  }
  return at(a.length, b.length);
}
