import { formatAge, retirementAgeMonths, type Situation } from './situation.ts';
import { monthYear } from './as-of.ts';

/** "sinh tháng 5/1969", "sinh năm 1969", "sinh 1969", "sinh ngày 15/8/1965" on folded words. */
const BORN = /\bsinh (?:(?:ngay \d{1,2} )?thang (\d{1,2}) (?:nam )?|nam |(?:ngay )?\d{1,2} (\d{1,2}) |(\d{1,2}) )?(19[4-9]\d)\b/;

/** The month (0-based from year 0) someone born in `month`/`year` reaches the retirement age, and that age. */
export function reaches(sex: 'male' | 'female', year: number, month: number): { at: number; age: number } {
  const born = year * 12 + month - 1;
  for (let y = year + 50; y <= year + 70; y++) {
    const age = retirementAgeMonths(sex, y);
    if (born + age < (y + 1) * 12) return { at: born + age, age };
  }
  const age = retirementAgeMonths(sex, year + 70);
  return { at: born + age, age };
}


/**
 * When someone born in a given month or year reaches the retirement age (Labour Code 2019 Art 169, Decree
 * 135/2020): "Nữ sinh tháng 5/1969 đủ tuổi nghỉ hưu (57 tuổi) vào tháng 5/2026 …". Both sexes when the sex is
 * not told; the year alone gives the range over its months. Undefined without a birth year. The person's own birth
 * read by the situation (`s.birthYear`, "Chồng tôi sinh 3/1968, tôi sinh năm 1971") comes before the first one written.
 */
export function retirementDateLead(f: string, s: Pick<Situation, 'sex' | 'birthYear' | 'birthMonth'>): string | undefined {
  const sex = s.sex;
  const m = s.birthYear === undefined ? BORN.exec(f) : null;
  if (s.birthYear === undefined && !m?.[4]) return undefined;
  const year = s.birthYear ?? Number(m![4]);
  const told = s.birthYear === undefined ? (m![1] ?? m![2] ?? m![3]) : s.birthMonth;
  const month = told ? Number(told) : undefined;
  if (month !== undefined && (month < 1 || month > 12)) return undefined;
  const one = (x: 'male' | 'female'): string => {
    const who = `${x === 'male' ? 'Nam' : 'Nữ'} sinh ${month ? `tháng ${month}/` : 'năm '}${year}`;
    if (month) {
      const r = reaches(x, year, month);
      return `${who} đủ tuổi nghỉ hưu (${formatAge(r.age)}) vào tháng ${monthYear(r.at)}; nếu đủ 15 năm đóng thì hưởng lương hưu từ tháng ${monthYear(r.at + 1)}`;
    }
    const [a, b] = [reaches(x, year, 1), reaches(x, year, 12)];
    const ages = a.age === b.age ? formatAge(a.age) : `${formatAge(a.age)} đến ${formatAge(b.age)}`;
    return `${who} đủ tuổi nghỉ hưu (${ages}) trong khoảng tháng ${monthYear(a.at)} đến ${monthYear(b.at)}, tùy tháng sinh; đủ 15 năm đóng thì hưởng lương hưu từ tháng sau đó`;
  };
  return `${(sex ? [one(sex)] : [one('female'), one('male')]).join('. ')}.`;
}
