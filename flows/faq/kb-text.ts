// Light modules only: an answer worker loads this file, and needs no database code.
import { DEFAULT_CAMPAIGN, nextLaunch } from '../../db/seed/campaign.ts';
import { formatLocalDateTime } from '../../src/core/clock.ts';
import { yearOf, type AsOfDay } from './as-of.ts';
import { figureProblem, figuresNote, isRuleFigure, ruleFigure } from './kb-figures.ts';
import { formatAge, retirementAgeMonths } from './situation.ts';

/** The active campaign's facts an answer may name (what supervisors set: launch, theme, hotline). */
export interface CampaignFacts {
  launchAt: Date;
  theme: string;
  hotline: string;
}

/** What a text is filled in for: the day of the answer and the active campaign (looked up only when named). */
interface RenderContext {
  year: number;
  campaign: () => CampaignFacts;
}

/**
 * Knowledge-base text may name by placeholder what changes with the day of the answer or with the active campaign:
 * - {YEAR} and {NEXT_YEAR}, the retirement ages of people reaching them this year ({MALE_AGE}, {FEMALE_AGE}) and
 *   next year ({NEXT_MALE_AGE}, {NEXT_FEMALE_AGE}) — "Năm {YEAR} tuổi nghỉ hưu là nam {MALE_AGE}, nữ {FEMALE_AGE}";
 * - the campaign's launch ({LAUNCH}: "08h00 ngày 23/05/2027"), theme ({THEME}) and hotline ({HOTLINE});
 * - contribution figures from the calculator's rules in force that day ({FLOOR}, {PAY_OTHER:3000000} …: see
 *   kb-figures.ts). A text quoting them ends with the rules' note when the day's figures are provisional (the
 *   floor from 1/1/2027) or unknown.
 */
const PLACEHOLDERS: Record<string, (c: RenderContext) => string> = {
  YEAR: (c) => String(c.year),
  NEXT_YEAR: (c) => String(c.year + 1),
  MALE_AGE: (c) => formatAge(retirementAgeMonths('male', c.year)),
  FEMALE_AGE: (c) => formatAge(retirementAgeMonths('female', c.year)),
  NEXT_MALE_AGE: (c) => formatAge(retirementAgeMonths('male', c.year + 1)),
  NEXT_FEMALE_AGE: (c) => formatAge(retirementAgeMonths('female', c.year + 1)),
  LAUNCH: (c) => formatLocalDateTime(c.campaign().launchAt),
  THEME: (c) => c.campaign().theme,
  HOTLINE: (c) => c.campaign().hotline,
};
/** "{YEAR}", or a figure with an income and a multiplier: "{PAY_OTHER:3000000}", "{PAY_POOR*12}". */
export const PLACEHOLDER_PATTERN = String.raw`\{([A-Z][A-Z0-9_]*)(?::(\d+))?(?:\*(\d+))?\}`;
const PLACEHOLDER = new RegExp(PLACEHOLDER_PATTERN, 'g');

const isKnown = (name: string): boolean => name in PLACEHOLDERS || isRuleFigure(name);

/** Placeholders of a text that are not known (the knowledge base is checked for them at load). */
export function unknownPlaceholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!).filter((name) => !isKnown(name));
}

/** Figure placeholders a text cannot be filled in with on a day (an example income below that day's floor …). */
export function placeholderProblems(text: string, day: AsOfDay): string[] {
  return [...text.matchAll(PLACEHOLDER)].flatMap((m) => {
    if (!isRuleFigure(m[1]!)) return m[2] === undefined && m[3] === undefined ? [] : [`{${m[1]}} takes no income nor multiplier`];
    const problem = figureProblem(m[1]!, m[2] === undefined ? undefined : Number(m[2]), day);
    return problem === undefined ? [] : [problem];
  });
}

/** Without an active campaign at hand (the evaluation, the `ask` tool): the default plan's, launching next after `day`. */
function defaultCampaign(day: AsOfDay): CampaignFacts {
  if (lastDefault?.day !== day) {
    const launchAt = nextLaunch(new Date(`${day}T00:00:00+07:00`));
    lastDefault = { day, facts: { launchAt, theme: DEFAULT_CAMPAIGN.theme, hotline: DEFAULT_CAMPAIGN.hotline } };
  }
  return lastDefault.facts;
}
let lastDefault: { day: AsOfDay; facts: CampaignFacts } | undefined;

/** A knowledge-base text with its placeholders filled in for a day and the active campaign. */
export function renderForDay(text: string, day: AsOfDay, campaign?: CampaignFacts): string {
  if (!text.includes('{')) return text;
  const context: RenderContext = { year: yearOf(day), campaign: () => campaign ?? defaultCampaign(day) };
  const figures = new Set<string>();
  const filled = text.replace(PLACEHOLDER, (whole, name: string, income: string | undefined, times: string | undefined) => {
    if (!isRuleFigure(name)) return PLACEHOLDERS[name]?.(context) ?? whole;
    figures.add(name);
    return ruleFigure(name, income === undefined ? undefined : Number(income), times === undefined ? 1 : Number(times), day);
  });
  const note = figuresNote(figures, day);
  return note === undefined ? filled : `${filled} ${note}`;
}

/** A knowledge-base text without its placeholders (what the search index reads: the words, not this year's figures). */
export function withoutPlaceholders(text: string): string {
  return text.replace(PLACEHOLDER, ' ');
}
