import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { placeholderProblems, renderForDay, unknownPlaceholders } from './kb-text.ts';

/** Topic ids of knowledge-base entries (DESIGN.md, "Interfaces others rely on"). */
export const TOPICS = [
  'eligibility',
  'contribution_amount',
  'subsidy',
  'payment_mode',
  'benefits_pension',
  'pension_conditions',
  'lump_sum',
  'survivor',
  'maternity',
  'health_insurance',
  'how_to_join',
  'where_to_pay',
  'transfer_between_schemes',
  'calculator',
  'campaign',
  'contact_hotline',
  'other',
] as const;
export type Topic = (typeof TOPICS)[number];

/** Longest short answer: three unaccented SMS segments (3 × 153 GSM-7 characters). */
export const SHORT_MAX = 459;

export const kbEntrySchema = z
  .object({
    id: z.string().min(1),
    topic: z.enum(TOPICS),
    questions: z.array(z.string().min(1)).min(1),
    keywords: z.array(z.string().min(1)).default([]),
    short: z.string().min(1).max(SHORT_MAX),
    long: z.string().min(1).optional(),
    /** The legal basis, shown to the resident ("Căn cứ: …"). */
    source: z.string().min(1),
    /** What the team checked the entry against beyond the legal basis (web pages, caveats): for reviewers, never shown. */
    checkedAgainst: z.array(z.string().min(1)).optional(),
    effective: z.string().min(1),
    verified: z.boolean(),
  })
  .loose();

/** One knowledge-base entry as written in flows/faq/kb/<topic>.json. */
export type KbEntry = z.infer<typeof kbEntrySchema>;

/** The directory of the real knowledge base. */
export const DEFAULT_KB_DIR = join(dirname(fileURLToPath(import.meta.url)), 'kb');

/** A knowledge-base file that could not be read or validated; the message names the file and the fields. */
export class KbError extends Error {
  override readonly name = 'KbError';
}

/** Validate the entries of one file (its name, if given, must match the entries' topic). */
export function parseKbFile(json: unknown, file = '<inline>'): KbEntry[] {
  const parsed = z.array(kbEntrySchema).safeParse(json);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new KbError(`${file}: invalid knowledge-base entries\n${detail}`);
  }
  const badText = parsed.data.flatMap((e) => textProblems(e).map((p) => `  ${e.id}: ${p}`));
  if (badText.length > 0) throw new KbError(`${file}: invalid knowledge-base entries\n${badText.join('\n')}`);
  const stem = basename(file, '.json');
  if ((TOPICS as readonly string[]).includes(stem)) {
    const wrong = parsed.data.filter((e) => e.topic !== stem);
    if (wrong.length > 0) {
      throw new KbError(`${file}: entries ${wrong.map((e) => e.id).join(', ')} have a topic other than "${stem}"`);
    }
  }
  return parsed.data;
}

/** Years a text with placeholders must fit the short-answer limit in (the retirement ages rise until 2035). */
const RENDER_CHECK_YEARS = Array.from({ length: 12 }, (_x, i) => 2025 + i);

/**
 * Unknown placeholders, figures that cannot be filled in some year (an example income below that year's floor), and
 * a short answer that outgrows its limit once they are filled in.
 */
function textProblems(e: KbEntry): string[] {
  const texts = [e.short, e.long ?? ''];
  const problems = texts.flatMap((t) => unknownPlaceholders(t).map((name) => `unknown placeholder {${name}}`));
  if (problems.length > 0) return problems;
  // The first year a figure cannot be filled in is enough to name (the later ones fail alike).
  const figureProblems = RENDER_CHECK_YEARS.map((y) => texts.flatMap((t) => placeholderProblems(t, `${y}-06-01`))).find((p) => p.length > 0);
  if (figureProblems !== undefined) return [...problems, ...figureProblems];
  const longest = Math.max(...RENDER_CHECK_YEARS.map((y) => renderForDay(e.short, `${y}-06-01`).length));
  if (longest > SHORT_MAX) problems.push(`short answer of ${longest} characters once filled in (at most ${SHORT_MAX})`);
  return problems;
}

/**
 * Load and validate every `*.json` file of a knowledge-base directory. Throws KbError on an unreadable file,
 * invalid JSON, a bad entry, a duplicate id or an empty directory: a broken knowledge base must stop start-up.
 */
export function loadKb(dir: string = DEFAULT_KB_DIR): KbEntry[] {
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort();
  } catch (err) {
    throw new KbError(`cannot read knowledge-base directory ${dir}`, { cause: err });
  }
  if (files.length === 0) throw new KbError(`no knowledge-base files (*.json) in ${dir}`);
  const entries: KbEntry[] = [];
  const seen = new Map<string, string>();
  for (const f of files) {
    const path = join(dir, f);
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(path, 'utf8'));
    } catch (err) {
      throw new KbError(`${path}: not valid JSON (${(err as Error).message})`, { cause: err });
    }
    for (const e of parseKbFile(json, path)) {
      const prev = seen.get(e.id);
      if (prev !== undefined) throw new KbError(`${path}: duplicate entry id "${e.id}" (also in ${prev})`);
      seen.set(e.id, path);
      entries.push(e);
    }
  }
  return entries;
}

/** True when the real knowledge base has at least one file (it is written by another engineer). */
export function hasKb(dir: string = DEFAULT_KB_DIR): boolean {
  try {
    return readdirSync(dir).some((f) => f.endsWith('.json'));
  } catch {
    return false;
  }
}
