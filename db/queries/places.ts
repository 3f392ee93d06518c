import { sql } from 'drizzle-orm';
import { rows, type Db } from '../client.ts';
import { foldWords } from '../../src/text/vietnamese.ts';

/** One unit a free-text place may mean. */
export interface PlaceMatch {
  code: string;
  name: string;
  level: 'nation' | 'province' | 'district' | 'commune';
  /** The parent unit's name (e.g. the province of a commune), null for a province. */
  parentName: string | null;
}

// Kinds of unit as people write them, folded, with their abbreviations ("tp", "tx", "h.", "x.").
const KIND_WORDS: readonly [string, string][] = [
  ['thanh pho', 'thanh pho'],
  ['tp', 'thanh pho'],
  ['tinh', 'tinh'],
  ['quan', 'quan'],
  ['q', 'quan'],
  ['huyen', 'huyen'],
  ['h', 'huyen'],
  ['thi xa', 'thi xa'],
  ['tx', 'thi xa'],
  ['thi tran', 'thi tran'],
  ['tt', 'thi tran'],
  ['xa', 'xa'],
  ['x', 'xa'],
  ['phuong', 'phuong'],
  ['p', 'phuong'],
  ['dac khu', 'dac khu'],
];
// Words people put before a place ("tôi ở xã …", "nhà em tại …").
const FILLER = new Set(['toi', 'em', 'minh', 'nha', 'o', 'tai', 'song', 'dang', 'thuoc', 'que', 'la', 'cua']);

interface Parsed {
  kind: string | null;
  core: string;
}

/** Split folded words into an optional kind of unit and the name itself ("xa tan lap" → xa + "tan lap"). */
function parsePlace(folded: string): Parsed {
  const words = folded.split(' ').filter((w) => w !== '');
  while (words.length > 1 && FILLER.has(words[0]!)) words.shift();
  const text = words.join(' ');
  for (const [written, kind] of KIND_WORDS) {
    if (text.startsWith(`${written} `)) return { kind, core: text.slice(written.length + 1) };
  }
  return { kind: null, core: text };
}

interface UnitHit {
  code: string;
  name: string;
  level: PlaceMatch['level'];
  nameFolded: string;
  parentName: string | null;
  parentFolded: string | null;
}

function score(hit: UnitHit, place: Parsed, parent: Parsed | null): number {
  const own = parsePlace(hit.nameFolded);
  let s: number;
  if (own.core === place.core) s = 100;
  else if (own.core.startsWith(`${place.core} `) || own.core.endsWith(` ${place.core}`)) s = 50;
  else if (` ${own.core} `.includes(` ${place.core} `)) s = 40;
  else return 0;
  if (place.kind) s += own.kind === place.kind ? 20 : -30;
  if (parent) {
    const p = hit.parentFolded ? parsePlace(hit.parentFolded) : null;
    if (!p || !` ${p.core} `.includes(` ${parent.core} `)) return 0;
    s += 30;
  }
  return s;
}

// Aliases are quoted: PostgreSQL folds unquoted names to lower case (nameFolded would come back as namefolded).
async function candidates(db: Db, core: string): Promise<UnitHit[]> {
  return rows<UnitHit>(db, sql`
    SELECT u.code, u.name, u.level, u.name_folded AS "nameFolded", p.name AS "parentName", p.name_folded AS "parentFolded"
    FROM units u LEFT JOIN units p ON p.code = u.parent_code
    WHERE u.level != 'nation' AND (' ' || u.name_folded || ' ') LIKE ${`% ${core} %`}`);
}

async function ranked(db: Db, place: Parsed, parent: Parsed | null): Promise<{ hit: UnitHit; score: number }[]> {
  if (place.core.length < 2) return [];
  const scored = (await candidates(db, place.core))
    .map((hit) => ({ hit, score: score(hit, place, parent) }))
    .filter((x) => x.score > 0);
  // A name written in full beats the names that merely contain it ("Tân Lập" over "Tân Lập Đông").
  const best = Math.max(0, ...scored.map((x) => x.score));
  const floor = best >= 100 ? 90 : 0;
  return scored.filter((x) => x.score >= floor);
}

/**
 * The units a free-text place may mean, best first: folded and without diacritics ("xa tan lap", "Mê Linh",
 * "Tân Lập, Phú Thọ" or "tan lap phu tho" to name the parent), kind of unit optional ("xã", "huyện", "tp").
 * An empty list means nothing matched; several mean the person should choose.
 */
export async function matchPlaces(db: Db, text: string, opts: { limit?: number } = {}): Promise<PlaceMatch[]> {
  const limit = opts.limit ?? 10;
  const [ownText = '', ...rest] = text.split(/[,;/]| - /);
  const place = parsePlace(foldWords(ownText));
  const parentText = foldWords(rest.join(' '));
  let results = await ranked(db, place, parentText ? parsePlace(parentText) : null);
  if (results.length === 0 && !parentText) {
    // "tan lap phu tho": try each split into a place and its parent.
    const words = place.core.split(' ');
    for (let k = words.length - 1; k >= 1 && results.length === 0; k--) {
      results = await ranked(db, { kind: place.kind, core: words.slice(0, k).join(' ') }, { kind: null, core: words.slice(k).join(' ') });
    }
  }
  const levelOrder = { nation: 0, province: 1, district: 2, commune: 3 } as const;
  return results
    .sort((a, b) => b.score - a.score || levelOrder[a.hit.level] - levelOrder[b.hit.level] || a.hit.name.localeCompare(b.hit.name, 'vi'))
    .slice(0, limit)
    .map(({ hit }) => ({ code: hit.code, name: hit.name, level: hit.level, parentName: hit.parentName }));
}

/** How to show a match in a numbered choice: "Xã Tân Lập (Tỉnh Phú Thọ)". */
export function placeLabel(m: PlaceMatch): string {
  return m.parentName ? `${m.name} (${m.parentName})` : m.name;
}
