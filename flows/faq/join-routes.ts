import { yearsLead } from './leads.ts';
import type { AskRoute } from './ask-route.ts';
import type { Situation } from './situation.ts';
import { has } from './regex-literals.ts';

/** "Có thể đóng thêm BHXH tự nguyện không?", "tham gia BHXH tự nguyện được không": whether they may join or go on. */
export const CAN_JOIN =
  /\b(?:co the|co duoc|duoc|xin) (?:\w+ ){0,2}(?:tham gia|dong|mua|nop)(?: (?:them|tiep|tiep tuc|lai))? (?:bhxh )?tu nguyen\b|\b(?:tham gia|dong|mua|nop) (?:them |tiep )?(?:bhxh )?tu nguyen (?:duoc (?:khong|nua)|khong|nua khong)\b(?! (?:duoc|the|phai|co|con|huong|nhan)\b)|\btiep tuc (?:tham gia|dong|nop) (?:bhxh )?tu nguyen\b/;
const NOT_DRAWING_YET =
  'Được. Anh/chị chưa nhận lương hưu (kể cả khi đã đủ điều kiện hưởng, hoặc đang nghỉ chờ đến tuổi) nên vẫn được đóng BHXH tự nguyện; chỉ người đang hưởng lương hưu hoặc trợ cấp hằng tháng mới không tham gia. Đóng thêm năm nào thì tỷ lệ lương hưu tăng theo năm đó, tối đa 75%.';
/** Not drawing a pension (waiting for the age, or entitled but not claiming) and asking to join or pay more. */
const notDrawingJoins = (f: string, s: Situation): boolean =>
  s.drawingPension !== true &&
  has(CAN_JOIN, f) &&
  (s.drawingPension === false || has(/\bdu dieu kien (?:\w+ ){0,2}(?:luong huu|huu)\b/, f)) &&
  !s.withdrewBefore &&
  !s.socialAllowance &&
  !has(/\b(?:rut|mot lan|ho tro|bao nhieu)\b/, f);
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
      has(/\b(?:co )?(?:can|phai|bat buoc) (?:\w+ ){0,2}(?:dong|tham gia) (?:them|tiep)\b/, f) &&
      !has(/\b(?:rut|mot lan)\b/, f),
    entry: 'pension_conditions.years_15',
    lead: yearsLead,
    leadsAlways: true,
  },
  {
    // A disabled person asking to join, and whether disability brings a larger subsidy: yes to joining (nothing in
    // Law 41/2024 Art 2(4) bars it); the subsidy groups are the household's poverty, ethnicity and an island commune.
    name: 'disabled-joins',
    asks: (f) =>
      has(/\b(?:khuyet tat|tan tat|tat nguyen)\b/, f) &&
      (has(CAN_JOIN, f) || has(/\b(?:tham gia|dong|mua) (?:\w+ ){0,4}duoc khong\b/, f)) &&
      !has(/\b(?:rut|mot lan|dac biet nang)\b/, f),
    entry: 'eligibility.who_can_join',
    lead: () =>
      'Được: người khuyết tật là công dân Việt Nam từ đủ 15 tuổi, không thuộc diện BHXH bắt buộc và không hưởng lương hưu thì tham gia BHXH tự nguyện như mọi người. Khuyết tật không phải là một nhóm được hỗ trợ riêng: Nhà nước hỗ trợ theo hộ nghèo (50%), cận nghèo (40%), người dân tộc thiểu số (30%), người khác 20%.',
    leadsAlways: true,
  },
  {
    // Drawing a merit allowance (a martyr's widow, a war invalid): that is no pension and no monthly social insurance
    // allowance, so it does not bar joining.
    name: 'merit-allowance-joins',
    asks: (f) => has(/\b(?:liet si|nguoi co cong|thuong binh|benh binh|uu dai nguoi co cong|tro cap uu dai|chat doc hoa hoc)\b/, f) && has(CAN_JOIN, f),
    entry: 'eligibility.who_can_join',
    lead: () =>
      'Được: trợ cấp ưu đãi người có công (thân nhân liệt sĩ, thương binh…) không phải lương hưu hay trợ cấp BHXH hằng tháng, nên không cản việc tham gia BHXH tự nguyện; hai khoản được nhận song song.',
    leadsAlways: true,
  },
  {
    // A household business owner asking whether compulsory insurance applies to them ("Chủ hộ kinh doanh như chị có bị bắt
    // chuyển sang đóng bắt buộc không"): the owners' roadmap, whatever "chuyển sang" pulls toward.
    name: 'business-owner-compulsory',
    asks: (f, s) => s.householdBusiness === true && has(/\b(?:chu ho|ho kinh doanh|kinh doanh ca the)\b/, f) && has(/\bbat buoc\b/, f),
    entry: 'eligibility.household_business',
    laterAskMatched: true,
  },
  {
    // A household business that hires ("chủ hộ kinh doanh, thuê 2 nhân viên"): the employees with a contract of a
    // month or more are under compulsory insurance, paid by the owner; voluntary insurance is not a substitute.
    name: 'business-employees',
    // ("Cán bộ thuế …", "thuế khoán": a tax, unaccented like "thuê", hire.)
    asks: (f, s) => s.householdBusiness === true && has(/\bthue (?:them )?(?:\d+ |mot |hai |ba )?(?:nhan vien|nguoi|lao dong|cong nhan|tho)\b|\b(?:nhan vien|nguoi lam (?:thue|cong)|cong nhan)\b/, f),
    entry: 'eligibility.household_business',
    lead: () =>
      'Nhân viên làm cho hộ kinh doanh theo hợp đồng lao động từ đủ 1 tháng thuộc diện BHXH bắt buộc: chủ hộ đăng ký và đóng phần của người sử dụng lao động, không thay bằng BHXH tự nguyện. Nhân viên không có hợp đồng thì tự tham gia tự nguyện được.',
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
      // ("đóng ở bưu điện được không" asks where, not whether.)
      (has(CAN_JOIN, f) || (has(/\b(?:tham gia|dong|mua)\b(?! (?:o|tai)\b)(?: \w+){0,4} (?:duoc (?:khong|nua)|khong)\b/, f) && !has(/\bluong huu\b/, f))) &&
      !has(/\b(?:rut|mot lan|1 lan|dong truoc|bhyt|tro cap|ho tro|bat buoc|hop dong|cong ty)\b/, f),
    entry: 'eligibility.who_can_join',
    // (The upper age is what an older person fears; a young one is told the lower one.)
    lead: (s) => `Được: ${(s.age ?? 0) >= 40 ? 'BHXH tự nguyện không giới hạn tuổi tối đa' : 'từ đủ 15 tuổi là tham gia được'}. ${yearsLead({ ...s, neverPaid: true }) ?? ''}`.trim(),
    covered: ['eligibility.who_can_join', 'eligibility.min_age_15', 'eligibility.no_contract', 'eligibility.informal_workers', 'eligibility.unpaid_leave'],
  },
];
