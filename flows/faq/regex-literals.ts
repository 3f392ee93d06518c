/**
 * A cheap "cannot match" test for the matcher's many regular expressions (the topic cues, the phrase
 * canonicalisations). Most of them match nothing in a given question, yet each costs a scan of the text. Read once
 * from a regular expression's source, `requiredPieces` gives literal pieces one of which every match contains
 * ("rut", "lay", "nhan lai" for /\b(?:rut|lay lai|…|nhan lai (?:\w+ ){0,2}tien)\b/); `TextTrigrams` then tells,
 * from the text's three-letter sequences, whether any of them can be in the text. When none can, the regular
 * expression is not run: its result would have been no match.
 *
 * The reading is conservative: whatever it does not understand (classes, back-references, the `i` flag, …) it
 * treats as "could be anything", and a regular expression without a usable piece is always run.
 */

/** What a piece of pattern can match: all its strings when few and known, and pieces every match contains. */
interface Shape {
  /** Every string it matches, when finite and small (null otherwise); [""] for an assertion. */
  exact: string[] | null;
  /** Strings one of which every match contains (null when none is known). */
  need: string[] | null;
}

const ANY: Shape = { exact: null, need: null };
const EMPTY: Shape = { exact: [''], need: null };
/** Bounds that keep the reading small (it runs once per regular expression, at load). */
const MAX_STRINGS = 48;

/** Every concatenation of a string of `a` and one of `b`, or null when there would be too many. */
function product(a: readonly string[], b: readonly string[]): string[] | null {
  if (a.length * b.length > MAX_STRINGS) return null;
  const out = new Set<string>();
  for (const x of a) for (const y of b) out.add(x + y);
  return [...out];
}

/** How likely a set of pieces is to let a text through (lower is better): long pieces are rarer. */
function looseness(pieces: readonly string[]): number {
  let p = 0;
  for (const s of pieces) p += s.length >= 6 ? 0.03 : s.length === 5 ? 0.05 : s.length === 4 ? 0.1 : s.length === 3 ? 0.2 : s.length === 2 ? 0.5 : 1;
  return p + 0.02 * pieces.length;
}

function better(a: string[] | null, b: string[] | null): string[] | null {
  if (!a || a.some((s) => s === '')) return b;
  if (!b || b.some((s) => s === '')) return a;
  return looseness(b) < looseness(a) ? b : a;
}

/** Reads a pattern's source (no `i` or `v` flag) into Shapes: a small recursive descent. */
class Reader {
  private at = 0;
  constructor(private readonly src: string) {}

  done(): boolean {
    return this.at >= this.src.length;
  }

  /** Alternatives separated by "|", up to a closing ")" or the end. */
  alternation(): Shape {
    const branches = [this.sequence()];
    while (this.src[this.at] === '|') {
      this.at++;
      branches.push(this.sequence());
    }
    if (branches.length === 1) return branches[0]!;
    let exact: string[] | null = [];
    let need: string[] | null = [];
    for (const b of branches) {
      exact = exact && b.exact ? [...new Set([...exact, ...b.exact])] : null;
      if (exact && exact.length > MAX_STRINGS) exact = null;
      // A branch that matches only known strings needs one of them; otherwise its own pieces.
      const own = better(b.need, b.exact);
      need = need && own && !own.includes('') ? [...new Set([...need, ...own])] : null;
    }
    return { exact, need };
  }

  /** Items one after another: every match contains a match of each item, and of each run of known items. */
  private sequence(): Shape {
    const items: Shape[] = [];
    while (!this.done() && this.src[this.at] !== '|' && this.src[this.at] !== ')') items.push(this.quantified());
    let need: string[] | null = null;
    for (const item of items) need = better(need, item.need);
    // Runs of consecutive items with known strings ("tu ", "du " then " tuoi "): each run's concatenations.
    let exact: string[] | null = [''];
    for (let i = 0; i < items.length; i++) {
      let run: string[] | null = [''];
      for (let j = i; j < items.length && run; j++) {
        const e = items[j]!.exact;
        run = e ? product(run, e) : null;
        if (run) need = better(need, run);
      }
      exact = exact && items[i]!.exact ? product(exact, items[i]!.exact!) : null;
    }
    return { exact, need };
  }

  /** An atom and its quantifier, if any. */
  private quantified(): Shape {
    const atom = this.atom();
    const q = /^(?:([?*+])|\{(\d+)(,(\d*))?\})\??/.exec(this.src.slice(this.at));
    if (!q) return atom;
    this.at += q[0].length;
    const min = q[1] === '?' || q[1] === '*' ? 0 : q[1] === '+' ? 1 : Number(q[2]);
    const max = q[1] === '?' ? 1 : q[1] ? Infinity : q[3] === undefined ? min : q[4] === '' ? Infinity : Number(q[4]);
    if (min === 0) return { exact: max === 1 && atom.exact ? [...new Set(['', ...atom.exact])] : null, need: null };
    return { exact: min === 1 && max === 1 ? atom.exact : null, need: atom.need };
  }

  private atom(): Shape {
    const c = this.src[this.at++]!;
    if (c === '(') {
      const head = /^\?(?:<[=!]|[=!:]|<[A-Za-z_$][\w$]*>)?/.exec(this.src.slice(this.at))?.[0] ?? '';
      this.at += head.length;
      const inner = this.alternation();
      this.at++; // ")"
      // A lookaround matches no text of its own; a group matches its content; any other "(?" is not understood.
      if (head === '?=' || head === '?!' || head === '?<=' || head === '?<!') return EMPTY;
      return head === '' || head === '?:' || (head.startsWith('?<') && head.endsWith('>')) ? inner : ANY;
    }
    if (c === '[') {
      if (this.src[this.at] === '^') this.at++;
      if (this.src[this.at] === ']') this.at++;
      while (!this.done() && this.src[this.at] !== ']') this.at += this.src[this.at] === '\\' ? 2 : 1;
      this.at++;
      return ANY;
    }
    if (c === '^' || c === '$') return EMPTY;
    if (c === '.') return ANY;
    if (c === '\\') return this.escape();
    return { exact: [c], need: [c] };
  }

  private escape(): Shape {
    const e = this.src[this.at++]!;
    if (e === 'b' || e === 'B') return EMPTY;
    const char = (s: string): Shape => ({ exact: [s], need: [s] });
    if (e === 'n') return char('\n');
    if (e === 't') return char('\t');
    if (e === 'r') return char('\r');
    const hex = e === 'u' ? /^[0-9a-fA-F]{4}/.exec(this.src.slice(this.at)) : e === 'x' ? /^[0-9a-fA-F]{2}/.exec(this.src.slice(this.at)) : null;
    if (hex) {
      this.at += hex[0].length;
      return char(String.fromCharCode(parseInt(hex[0], 16)));
    }
    if (/[^0-9A-Za-z]/.test(e)) return char(e);
    // \d \w \s, \p{…}, \u{…}, back-references (\1, \k<name>), \cX: skip what belongs to them, know nothing.
    const rest = this.src.slice(this.at);
    const tail = e === 'p' || e === 'P' || e === 'u' ? /^\{[^}]*\}/.exec(rest) : e === 'k' ? /^<[^>]*>/.exec(rest) : /\d/.test(e) ? /^\d*/.exec(rest) : e === 'c' ? /^./.exec(rest) : null;
    this.at += tail?.[0].length ?? 0;
    return ANY;
  }
}

/**
 * Literal pieces one of which every match of `re` contains, or null when none is known (the expression must
 * always be run).
 */
export function requiredPieces(re: RegExp): readonly string[] | null {
  if (/[iv]/.test(re.flags)) return null;
  const reader = new Reader(re.source);
  const shape = reader.alternation();
  if (!reader.done()) return null; // a ")" without "(": not understood
  const pieces = better(shape.need, shape.exact);
  return pieces && pieces.length > 0 && !pieces.includes('') ? pieces : null;
}

/** Letter classes for the trigram table: a–z, any digit, space, "_", anything else (many-to-one keeps it safe). */
const CLASSES = 30;
const classOf = (code: number): number =>
  code >= 97 && code <= 122 ? code - 96 : code >= 48 && code <= 57 ? 27 : code === 32 ? 28 : code === 95 ? 29 : 0;

/** A piece ready for the trigram test: its text and its trigrams' table slots. */
export interface Piece {
  text: string;
  grams: Int32Array;
}

/** The pieces of `re` (see requiredPieces) with their trigrams, or null when `re` must always run. */
export function piecesOf(re: RegExp): readonly Piece[] | null {
  const pieces = requiredPieces(re);
  if (!pieces) return null;
  return pieces.map((text) => {
    const grams = new Int32Array(Math.max(0, text.length - 2));
    for (let i = 0; i + 2 < text.length; i++) grams[i] = slot(text.charCodeAt(i), text.charCodeAt(i + 1), text.charCodeAt(i + 2));
    return { text, grams };
  });
}

const slot = (a: number, b: number, c: number): number => (classOf(a) * CLASSES + classOf(b)) * CLASSES + classOf(c);

/**
 * The three-letter sequences of one text, marked in a table reused from text to text (a stamp per text, so
 * nothing is cleared). Not reentrant: one user at a time (the matcher is synchronous).
 */
export class TextTrigrams {
  private readonly seen = new Int32Array(CLASSES * CLASSES * CLASSES);
  private stamp = 0;
  private text = '';

  /** Whether the table is the one of `text`. */
  holds(text: string): boolean {
    return this.stamp !== 0 && this.text === text;
  }

  /** Mark the trigrams of `text`. */
  reset(text: string): void {
    if (this.stamp === 0x7fffffff) {
      this.seen.fill(0);
      this.stamp = 0;
    }
    const stamp = ++this.stamp;
    this.text = text;
    for (let i = 0; i + 2 < text.length; i++) this.seen[slot(text.charCodeAt(i), text.charCodeAt(i + 1), text.charCodeAt(i + 2))] = stamp;
  }

  /**
   * False when no piece can occur in the text (so a regular expression needing one of them cannot match);
   * true otherwise, and always for null pieces. Short pieces are looked for directly.
   */
  mayContain(pieces: readonly Piece[] | null): boolean {
    if (!pieces) return true;
    for (const p of pieces) {
      if (p.text.length < 3) {
        if (this.text.includes(p.text)) return true;
        continue;
      }
      let all = true;
      for (let i = 0; i < p.grams.length; i++) {
        if (this.seen[p.grams[i]!] !== this.stamp) {
          all = false;
          break;
        }
      }
      if (all) return true;
    }
    return false;
  }
}

/** Each regular expression's pieces (piecesOf), by its source: a literal in a function is a new object at each call. */
const PIECES_BY_SOURCE = new Map<string, readonly Piece[] | null>();

/** The trigram tables of the last few texts tested (a question, its folded form, a clause, …), used in turn. */
const RECENT = Array.from({ length: 8 }, () => new TextTrigrams());
let nextSlot = 0;

function trigramsOf(text: string): TextTrigrams {
  for (let i = 0; i < RECENT.length; i++) if (RECENT[i]!.holds(text)) return RECENT[i]!;
  const t = RECENT[nextSlot]!;
  nextSlot = (nextSlot + 1) % RECENT.length;
  t.reset(text);
  return t;
}

/**
 * `re.test(text)`, skipped when the text holds none of the pieces every match of `re` contains: the many rules
 * of the situation reading and the ask routes match nothing in most questions, and a regular expression that
 * cannot match still scans the text. The answer is the same either way (a skipped global or sticky expression
 * has its lastIndex reset, as a failed test would).
 */
export function has(re: RegExp, text: string): boolean {
  if (gateCheck) return checkedHas(re, text);
  if (cannotMatch(re, text)) {
    if (re.global || re.sticky) re.lastIndex = 0;
    return false;
  }
  return re.test(text);
}

/** True when `text` holds none of the pieces `re` needs (false when unsure). */
function cannotMatch(re: RegExp, text: string): boolean {
  let pieces = PIECES_BY_SOURCE.get(re.source);
  if (pieces === undefined) PIECES_BY_SOURCE.set(re.source, (pieces = piecesOf(re)));
  // (Keyed by source alone: an `i` twin of a cached expression is always run.) A few pieces are looked for
  // directly, many through the text's trigrams.
  return pieces !== null && !re.ignoreCase && !(pieces.length <= 4 ? holdsAny(text, pieces) : trigramsOf(text).mayContain(pieces));
}

function holdsAny(text: string, pieces: readonly Piece[]): boolean {
  for (let i = 0; i < pieces.length; i++) if (text.includes(pieces[i]!.text)) return true;
  return false;
}

/** For tests: every skip is checked against the regular expression itself; what has() did is counted. */
let gateCheck: { skipped: number; run: number; wrong: string[] } | null = null;

export function checkGates<T>(run: () => T): { result: T; skipped: number; run: number; wrong: string[] } {
  const counts = (gateCheck = { skipped: 0, run: 0, wrong: [] });
  try {
    return { result: run(), ...counts };
  } finally {
    gateCheck = null;
  }
}

function checkedHas(re: RegExp, text: string): boolean {
  const counts = gateCheck!;
  const skip = cannotMatch(re, text);
  const real = re.test(text);
  if (skip && real) counts.wrong.push(`${re} on "${text}"`);
  counts[skip ? 'skipped' : 'run']++;
  return real;
}
