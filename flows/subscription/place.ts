/**
 * Free-text place matching against the unit tree, without diacritics: "xa tan lap", "Mê Linh", "tinh Bac Ninh".
 * The administrative word in front (xã, phường, huyện, quận, tỉnh, thành phố …) is optional; when given, it
 * narrows the level. (The callbacks engineer writes db/queries/places.ts on the same idea: the two should merge.)
 */
import type { Db } from '../../db/client.ts';
import { cached } from '../../db/queries/progress.ts';
import type { UnitRow } from '../../db/schema/index.ts';
import { foldWords } from '../../src/text/vietnamese.ts';

type Level = UnitRow['level'];
// Longest first, so "thi xa" wins over "xa".
const KINDS: [string, Level][] = [
  ['thanh pho', 'province'],
  ['thi tran', 'commune'],
  ['thi xa', 'district'],
  ['phuong', 'commune'],
  ['huyen', 'district'],
  ['quan', 'district'],
  ['tinh', 'province'],
  ['tp', 'province'],
  ['xa', 'commune'],
];

/** Split "xa tan lap" into its kind word (if any) and the name ("tan lap"). */
export function splitKind(folded: string): { level: Level | null; name: string } {
  for (const [word, level] of KINDS) {
    if (folded.startsWith(`${word} `)) return { level, name: folded.slice(word.length + 1).trim() };
  }
  return { level: null, name: folded };
}

export type PlaceMatch = { kind: 'one'; unit: Pick<UnitRow, 'code' | 'name' | 'level'> } | { kind: 'many'; units: Pick<UnitRow, 'code' | 'name' | 'level'>[] } | { kind: 'none' };

/** Find the unit a person named. Several matches (the same name in two provinces) are returned to choose from. */
export function matchPlace(db: Db, text: string): PlaceMatch {
  const { level, name } = splitKind(foldWords(text));
  if (name.length < 2) return { kind: 'none' };
  const rows = cached(
    db,
    `SELECT code, name, level, name_folded AS nameFolded FROM units WHERE level <> 'nation' AND (name_folded = ? OR name_folded LIKE ?) ORDER BY code LIMIT 50`,
  ).all(name, `% ${name}`) as (Pick<UnitRow, 'code' | 'name' | 'level'> & { nameFolded: string })[];
  // "tan lap" must be the whole name after the kind word, not the end of a longer one ("xa tan lap" ≠ "phuong tan lap moi").
  const exact = rows.filter((r) => r.nameFolded === name || splitKind(r.nameFolded).name === name);
  const wanted = level ? exact.filter((r) => r.level === level || (level === 'province' && r.level === 'district' && r.nameFolded.startsWith('thanh pho'))) : exact;
  const found = (wanted.length > 0 ? wanted : exact).map(({ code, name: n, level: l }) => ({ code, name: n, level: l }));
  const [first] = found;
  if (!first) return { kind: 'none' };
  if (found.length === 1) return { kind: 'one', unit: first };
  return { kind: 'many', units: found.slice(0, 5) };
}
