import { askWords } from './ask-text.ts';
import { yearsLead } from './leads.ts';
import { readSituation, type Situation } from './situation.ts';
import { yearOf, type AsOfDay } from './as-of.ts';
import { PERSON_NAME, PERSON_PRONOUN, PERSON_SEX, saidOf, splitByPerson, storiesOf, upperFirst, type Person } from './two-people.ts';
import { has } from './regex-literals.ts';

/** An ask about everyone told: who of them may join ("Người nào trong nhà tham gia được", "ai đóng được", "những ai được tham gia"). */
const WHO_MAY_JOIN =
  /\b(?:nguoi nao|nhung ai|ai)(?: (?:trong nha|trong gia dinh|o nha))?(?: (?:co the|duoc|thi))? (?:tham gia|dong|mua)(?: (?:bhxh )?(?:tu nguyen|bhxh))? (?:duoc|dc)\b|\b(?:nhung ai|ai) (?:duoc|co the) (?:tham gia|dong)\b|\bai duoc ai khong\b/;

/** Whether one person told of may join, and on what terms: a sentence of the reply, named. */
function verdict(who: Person, s: Situation): string {
  // (With the age told, "Bà của anh/chị (80 tuổi)": two grandparents or two children are told apart.)
  const name = `${who === 'asker' ? 'Anh/chị' : upperFirst(PERSON_NAME[who])}${s.age !== undefined ? ` (${s.age} tuổi)` : ''}`;
  const said = (x: string): string => (who === 'asker' ? x : saidOf(x, PERSON_PRONOUN[who]));
  if (s.drawingPension) return `${name}: không, người đang hưởng lương hưu thì không tham gia BHXH tự nguyện.`;
  if (s.foreigner) return `${name}: không, BHXH tự nguyện chỉ dành cho công dân Việt Nam.`;
  if (s.employment === 'contract') return `${name}: không, đang đóng BHXH bắt buộc ở nơi làm việc thì không đóng thêm tự nguyện; khi nghỉ việc thì đóng tiếp tự nguyện, thời gian được cộng dồn.`;
  if (s.age !== undefined && s.age < 15) return `${name}: chưa, từ đủ 15 tuổi mới tham gia được.`;
  if (s.unpaidLeave) return `${name}: được, đang tạm hoãn hợp đồng lao động và không đóng bắt buộc trong thời gian đó (điểm mới từ 1/7/2025); đi làm lại thì dừng đóng tự nguyện.`;
  const left = s.employment === 'left_job' ? ' Đã nghỉ việc, không còn đóng bắt buộc, nên tham gia tự nguyện được; thời gian đóng bắt buộc được cộng dồn.' : '';
  const plan = yearsLead(s);
  return `${name}: được.${left}${plan ? ` ${said(plan)}` : ''}`;
}

/**
 * A letter that tells of several people of one family and asks which of them may join ("Nhà tôi có 4 người … Con gái tôi 24t …
 * nghỉ việc …. Con rể tôi … đóng bhxh bắt buộc. Bà ngoại 80t đang lãnh lương hưu. Ông ngoại 78t … 10 năm …. Người nào trong nhà
 * tham gia được"): a sentence for each, from their own sentences (Law 41/2024 Art 2(4): Vietnamese citizens from 15, not
 * under compulsory insurance, not drawing a pension). Undefined unless the ask is about everyone and two people or more
 * tell facts of their own (and the letter is not one of people each asking their own things).
 */
export function familyJoinLead(text: string, day: AsOfDay): string | undefined {
  // (Not a letter whose people each ask their own things: those are answered person by person.)
  if (!has(WHO_MAY_JOIN, askWords(text)) || splitByPerson(text)) return undefined;
  const year = yearOf(day);
  const month = Number(day.slice(5, 7));
  const stories = storiesOf(text);
  // (The asker beside a spouse is of the other sex.)
  const spouse = stories.find(({ who }) => who === 'vo' || who === 'chong')?.who;
  const people = stories
    .map(({ who, story }) => {
      const sex = who === 'asker' ? (spouse === 'vo' ? 'male' : spouse === 'chong' ? 'female' : undefined) : PERSON_SEX[who];
      const read = readSituation(story.join(' '), year, month);
      const s: Situation = { ...read, ...(sex ? { sex } : {}), year, day };
      return { who, s };
    })
    .filter(({ s }) => s.age !== undefined || s.yearsPaid !== undefined || s.employment !== undefined || s.drawingPension === true || s.foreigner === true);
  if (people.length < 2) return undefined;
  return people.map(({ who, s }) => verdict(who, s)).join('\n');
}
