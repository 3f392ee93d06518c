import { yearsLead } from './leads.ts';
import type { AskRoute } from './ask-route.ts';
import type { Situation } from './situation.ts';

/** "Có thể đóng thêm BHXH tự nguyện không?", "tham gia BHXH tự nguyện được không": whether they may join or go on. */
export const CAN_JOIN =
  /\b(?:co the|co duoc|duoc|xin) (?:\w+ ){0,2}(?:tham gia|dong|mua|nop)(?: (?:them|tiep|tiep tuc|lai))? (?:bhxh )?tu nguyen\b|\b(?:tham gia|dong|mua|nop) (?:them |tiep )?(?:bhxh )?tu nguyen (?:duoc (?:khong|nua)|khong|nua khong)\b(?! (?:duoc|the|phai|co|con|huong|nhan)\b)|\btiep tuc (?:tham gia|dong|nop) (?:bhxh )?tu nguyen\b/;
const NOT_DRAWING_YET =
  'Được. Anh/chị chưa nhận lương hưu (kể cả khi đã đủ điều kiện hưởng, hoặc đang nghỉ chờ đến tuổi) nên vẫn được đóng BHXH tự nguyện; chỉ người đang hưởng lương hưu hoặc trợ cấp hằng tháng mới không tham gia. Đóng thêm năm nào thì tỷ lệ lương hưu tăng theo năm đó, tối đa 75%.';
/** Not drawing a pension (waiting for the age, or entitled but not claiming) and asking to join or pay more. */
const notDrawingJoins = (f: string, s: Situation): boolean =>
  s.drawingPension !== true &&
  CAN_JOIN.test(f) &&
  (s.drawingPension === false || /\bdu dieu kien (?:\w+ ){0,2}(?:luong huu|huu)\b/.test(f)) &&
  !s.withdrewBefore &&
  !/\b(?:rut|mot lan|ho tro|bao nhieu)\b/.test(f);
/**
 * "May I join / pay more?" asked by someone not drawing a pension yet: the answer is yes, for that reason, before
 * any other rule the words pulled.
 */
export const JOIN_ROUTES: readonly AskRoute[] = [
  {
    // Not drawing a pension yet — waiting for the age, or entitled but not claiming — and asking to pay voluntary
    // insurance (more): yes, only those drawing a pension are excluded (Law 41/2024 Art 2(4)).
    name: 'not-drawing-joins',
    asks: (f, s) => notDrawingJoins(f, s) && s.yearsPaid === undefined,
    entry: 'eligibility.who_can_join',
    lead: (s) => [NOT_DRAWING_YET, yearsLead(s)].filter((x) => x !== undefined).join(' '),
  },
  {
    // The same with the years paid told: what the years mean decides the rest (15 years suffice from 1/7/2025).
    name: 'not-drawing-joins-with-years',
    asks: (f, s) => notDrawingJoins(f, s) && s.yearsPaid !== undefined,
    entry: 'pension_conditions.years_15',
    lead: (s) => [NOT_DRAWING_YET, yearsLead(s)].filter((x) => x !== undefined).join(' '),
    leadsAlways: true,
  },
  {
    // 15 years or more and asking whether they must pay more ("đã đóng bắt buộc 20 năm thì có cần đóng thêm tự
    // nguyện không"): the years are enough; a pension comes at the age, paying more only raises the rate.
    name: 'enough-years-pay-more',
    asks: (f, s) =>
      s.yearsPaid !== undefined &&
      s.yearsPaid >= 15 &&
      s.drawingPension !== true &&
      /\b(?:co )?(?:can|phai|bat buoc) (?:\w+ ){0,2}(?:dong|tham gia) (?:them|tiep)\b/.test(f) &&
      !/\b(?:rut|mot lan)\b/.test(f),
    entry: 'pension_conditions.years_15',
    lead: yearsLead,
    leadsAlways: true,
  },
  {
    // Of working age, no years told, asking whether they may join ("Tôi 50 tuổi, đóng BHXH tự nguyện được
    // không?"): yes, and when 15 years can be reached from this age (an example for another age is not the answer).
    name: 'age-joins',
    asks: (f, s) =>
      s.age !== undefined &&
      s.age >= 18 &&
      s.age < 60 &&
      s.yearsPaid === undefined &&
      s.drawingPension !== true &&
      s.employment !== 'contract' &&
      !s.foreigner &&
      !s.withdrewBefore &&
      !s.householdBusiness &&
      (CAN_JOIN.test(f) || (/\b(?:tham gia|dong|mua)\b(?: \w+){0,4} (?:duoc (?:khong|nua)|khong)\b/.test(f) && !/\bluong huu\b/.test(f))) &&
      !/\b(?:rut|mot lan|bhyt|tro cap|ho tro|bat buoc|hop dong|cong ty)\b/.test(f),
    entry: 'eligibility.who_can_join',
    lead: (s) => `Được: BHXH tự nguyện không giới hạn tuổi tối đa. ${yearsLead({ ...s, neverPaid: true }) ?? ''}`.trim(),
    covered: ['eligibility.who_can_join', 'eligibility.min_age_15', 'eligibility.no_contract', 'eligibility.informal_workers', 'eligibility.unpaid_leave'],
  },
];
