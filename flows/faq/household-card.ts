import { formatNumber } from '../calculator/money.ts';
import { rulesOnDay } from '../calculator/rules.ts';
import type { Situation } from './situation.ts';
import { has } from './regex-literals.ts';

/**
 * Household health insurance (Luật BHYT Art 12, 13; Decree 146/2018 Art 7): the first member buying pays 4.5 % of
 * the base salary, the second, third and fourth 70 %, 60 % and 50 % of that, the fifth on 40 %. Only members with
 * no card of another group count: a pensioner's card is paid by the social insurance fund, a child under 6's by
 * the State, a pupil's through the school, an employee's by the employer.
 */
const SHARES = [1, 0.7, 0.6, 0.5];
const LATER_SHARE = 0.4;
const ORDINAL = ['nhất', 'hai', 'ba', 'tư'];

/** "nhà 5 người", "gia đình có 4 thành viên", "cả nhà năm người". */
const PEOPLE = /\b(\d{1,2}|hai|ba|bon|tu|nam|sau|bay|tam|chin|muoi) (?:nguoi|thanh vien|nhan khau|khau)\b/;
const WORD_NUMBER: Readonly<Record<string, number>> = { hai: 2, ba: 3, bon: 4, tu: 4, nam: 5, sau: 6, bay: 7, tam: 8, chin: 9, muoi: 10 };
/** Members who already hold a card of another group, as people say it. */
const COVERED: readonly { re: RegExp; who: string }[] = [
  { re: /(?<!\bkhong )\b(?:co|huong|nhan|lanh|an|dang) (?:\w+ ){0,1}luong huu\b|\bve huu\b|\btro cap (?:bhxh )?hang thang\b/, who: 'người hưởng lương hưu hay trợ cấp BHXH hằng tháng (quỹ BHXH đóng)' },
  { re: /\b(?:duoi|chua du|chua den) 6 tuoi\b|\b[1-5] tuoi\b|\bmoi sinh\b/, who: 'trẻ dưới 6 tuổi (Nhà nước đóng)' },
  { re: /\b(?:hoc sinh|sinh vien)\b|\bdang di hoc\b/, who: 'học sinh, sinh viên (mua theo trường)' },
  { re: /\b(?:cong ty|co quan) (?:\w+ ){0,2}dong\b|\blam (?:cong ty|cty|nha nuoc)\b|\bbat buoc\b/, who: 'người đi làm có hợp đồng (đơn vị đóng)' },
];
/** More than one person of a covered kind ("bố mẹ tôi có lương hưu", "hai đứa nhỏ"): their number is not read. */
const SEVERAL = /\b(?:bo me|cha me|ong ba|ca hai|hai (?:ong ba|vo chong|dua|chau|con|be)|(?:2|3) (?:dua|chau|con|be))\b/;
/** The members buying, counted by the person ("mua BHYT hộ gia đình cho 3 người"). */
const BUYING_FOR = /\b(?:mua|dong) (?:\w+ ){0,5}cho (\d|hai|ba|bon|nam|sau) (?:nguoi|thanh vien)\b/;
/** The question is about household health insurance. */
// ("… có thẻ BHYT luôn không, hay phải mua riêng, mua riêng thì hết khoảng bao nhiêu một năm": its price asked.)
/** A card bought alone and its price asked ("… có phải mua riêng không, và giá bao nhiêu"). */
export const OWN_CARD_PRICE = /\b(?:bhyt|bao hiem y te)\b(?: \w+){0,12} mua rieng (?:\w+ ){0,5}?(?:gia )?(?:khoang )?bao nhieu\b/;
export const HOUSEHOLD_CARD = /\bbhyt (?:theo )?(?:ho gia dinh|ho gd|ho|cho ca nha|cho ca gia dinh|ca nha)\b|\b(?:mua|dong) bhyt (?:\w+ ){0,3}(?:ca nha|ca gia dinh|\d nguoi)\b|\bbhyt\b(?: \w+){0,12} mua rieng (?:\w+ ){0,3}(?:het|mat|ton)? ?(?:khoang )?bao nhieu\b/;

/** A year's price for each of `n` members buying together, in order. */
function yearly(n: number, base: number): number[] {
  const first = Math.round(base * 0.045) * 12;
  return Array.from({ length: n }, (_x, i) => Math.round(first * (SHARES[i] ?? LATER_SHARE)));
}

/**
 * Who counts in the household's health insurance and what it costs this household in a year, when the question
 * tells how many live in it (and perhaps who already holds a card).
 */
export function householdCardLead(s: Situation, f: string): string | undefined {
  if (s.day === undefined) return undefined;
  const m = PEOPLE.exec(f);
  // ("cho 2 vợ chồng": two.)
  // ("Vợ chồng em đều buôn bán tự do": the two of them.)
  const told = m ? (WORD_NUMBER[m[1]!] ?? Number(m[1])) : has(/\b(?:2|hai|ca) vo chong\b|\bvo chong (?:toi|em|minh|tui)\b/, f) ? 2 : undefined;
  // ("Nhà tôi 4 người chưa ai có thẻ BHYT … sau này về hưu thì …": no one has a card now, whatever comes later.)
  const covered = has(/\bchua (?:ai|nguoi nao) (?:co|duoc cap) (?:the )?(?:bhyt|the)\b/, f) ? [] : COVERED.filter((c) => c.re.test(f));
  const base = rulesOnDay(s.day).period.referenceLevel;
  const rule =
    covered.length > 0
      ? `Người đã có thẻ BHYT theo nhóm khác không mua theo hộ và không tính vào thứ tự người thứ nhất, thứ hai…: ${covered.map((c) => c.who).join('; ')}.`
      : 'Người nào trong nhà đã có thẻ BHYT theo nhóm khác (lương hưu, trẻ dưới 6 tuổi, học sinh, đi làm có hợp đồng) thì không mua theo hộ và không tính vào số người.';
  // (One person buying alone, "tôi có phải mua riêng không, và giá bao nhiêu": the first member's price.)
  if (told === undefined && covered.length === 0 && has(/\bmua rieng\b/, f)) {
    return `Một người mua BHYT hộ gia đình đóng 4,5% mức lương cơ sở: ${formatNumber(yearly(1, base)[0]!)} đồng/năm (lương cơ sở ${formatNumber(base)} đồng); mua cùng người nhà thì người thứ hai, ba, tư đóng 70%, 60%, 50% mức đó.`;
  }
  if (told === undefined || told < 2 || told > 20) return covered.length > 0 ? rule : undefined;
  // The buyers counted by the person ("mua cho 3 người: mẹ em và vợ chồng em"), or only one covered person, named
  // as one: the others buy.
  const buying = BUYING_FOR.exec(f)?.[1];
  const buyers = buying !== undefined ? (WORD_NUMBER[buying] ?? Number(buying)) : covered.length === 0 ? told : covered.length === 1 && !has(SEVERAL, f) ? told - 1 : undefined;
  if (buyers === undefined || buyers < 1) return rule;
  const prices = yearly(buyers, base);
  const total = prices.reduce((a, b) => a + b, 0);
  const each = [
    ...prices.slice(0, 4).map((p, i) => `người thứ ${ORDINAL[i]} ${formatNumber(p)} đồng`),
    ...(buyers > 4 ? [`từ người thứ năm ${formatNumber(prices[4]!)} đồng mỗi người`] : []),
  ].join('; ');
  const who =
    buying !== undefined ? `${buyers} người cùng mua theo hộ` : covered.length === 0 ? `Nhà ${told} người cùng mua theo hộ` : `Nhà ${told} người, trừ người đã có thẻ, còn ${buyers} người mua theo hộ`;
  return `${rule} ${who}, mỗi năm: ${each}; cộng ${formatNumber(total)} đồng/năm (lương cơ sở ${formatNumber(base)} đồng).`;
}
