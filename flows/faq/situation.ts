import { fold } from './fold-memo.ts';
import { spellChatWords, spellSchemeNames } from './ask-text.ts';
import { today, yearOf } from './as-of.ts';
import { asFirstPerson, speakerSex } from './two-people.ts';
import { has } from './regex-literals.ts';

/** What a question tells about the person who asks (every field optional: only what the text says). */
export interface Situation {
  age?: number;
  sex?: 'male' | 'female';
  /** Total years of contributions the person says they have (compulsory and voluntary together). */
  yearsPaid?: number;
  /** Which scheme those years were paid under, when the text says so. */
  yearsKind?: 'compulsory' | 'voluntary';
  /** Of those years, the months paid before 2014, when the periods told give them (the lump sum's two rates). */
  monthsBefore2014?: number;
  /** The compulsory part of those years, when told beside voluntary ones ("bắt buộc 14 tháng … tự nguyện 3 năm"). */
  compulsoryYears?: number;
  /** The year contributions began, when the text gives one ("tham gia từ năm 2018"). */
  startYear?: number;
  /** The month of that year, when told ("từ tháng 1/2008"). */
  startMonth?: number;
  /** The month and year of birth, when both are told ("sinh tháng 3/1971"): the retirement month follows. */
  birthMonth?: number;
  birthYear?: number;
  /** Already drawing a pension or a monthly allowance (true), or said not to be (false). */
  drawingPension?: boolean;
  /** Drawing a social-assistance allowance (disability, old age, merit), not a pension or an SI allowance. */
  socialAllowance?: boolean;
  household?: 'poor' | 'near_poor';
  ethnicMinority?: boolean;
  /** A Kinh person married to someone of an ethnic minority ("người Kinh, lấy chồng người Mường"): not the subsidy's group. */
  spouseEthnic?: boolean;
  /** A serious illness that opens the lump-sum route (cancer, paralysis, cirrhosis, severe TB, AIDS, ≥81 %). */
  seriousIllness?: boolean;
  /** Emigrating to settle abroad (not working abroad for a term). */
  settlingAbroad?: boolean;
  /** Working abroad for a term (a labour contract abroad, a trainee): not settling. */
  workingAbroad?: boolean;
  /** Labour contract: one with compulsory insurance now, none, or left the job. */
  employment?: 'contract' | 'no_contract' | 'left_job';
  foreigner?: boolean;
  /** A member who died (the asker is a relative). */
  memberDied?: boolean;
  /** That member's own facts, read from the sentence that tells the death with their years, beside a survivor's years. */
  deceased?: Situation;
  /** Paid months ahead (prepaid). */
  prepaid?: boolean;
  /** The household's subsidy group changed ("thoát nghèo", "hết hộ nghèo giữa chừng", "lên cận nghèo"). */
  groupChanged?: boolean;
  householdBusiness?: boolean;
  /** Took a lump sum before ("đã rút BHXH một lần rồi"). */
  withdrewBefore?: boolean;
  /** Two parents' birth years told ("Ba sinh năm 1954, má sinh năm 1957"): [who as folded, year] each. */
  parentsBorn?: Array<[string, number]>;
  /** Not sure whether the years were withdrawn ("không nhớ đã lãnh một lần chưa"). */
  withdrawalUnsure?: boolean;
  /** On unpaid leave or with a suspended contract ("nghỉ không lương", "tạm hoãn hợp đồng"). */
  unpaidLeave?: boolean;
  /** Says they have reached the retirement age ("đã đủ tuổi nghỉ hưu", "đến tuổi nghỉ hưu rồi"). */
  reachedAge?: boolean;
  /** Never paid yet, or only now starting ("chưa đóng ngày nào", "mới bắt đầu tham gia"). */
  neverPaid?: boolean;
  /** A period paid from a past month, as a month index from year 0 ("Tháng 3/2026 em đã đóng … 12 tháng một lần"). */
  paidFromMonth?: number;
  /** A start planned in a month to come, as a month index ("định bắt đầu đóng … từ tháng 1/2027"). */
  plannedFromMonth?: number;
  /** The first month of voluntary insurance, when told apart from a job's years before it ("… đóng tự nguyện từ 1/2020"), as a month count. */
  voluntarySince?: number;
  /** The last month of the years told, this month or one to come ("từ 1/2011 đến 12/2026"), as a month count. */
  paidThrough?: number;
  /** Years told as paid "đến nay", this month included. */
  paidToNow?: boolean;
  /** The last month to be paid, planned ("định đóng tiếp đến hết tháng 6/2029 thì nghỉ"), as a month count. */
  stopAt?: number;
  /** A stop planned ("định dừng từ 1/2027"): no paying on reckoned after the years told. */
  stopPlanned?: boolean;
  /** Months of pregnancy told ("đang mang thai 5 tháng"). */
  pregnantMonths?: number;
  /** The calendar year the question is read in (not told by the person): ages from a birth year, this year's retirement age. */
  year?: number;
  /** The day the question is read on (YYYY-MM-DD, Vietnam), when known: the contribution rules of that day. */
  day?: string;
}

/** Working abroad for a term ("xuất khẩu lao động", "thực tập sinh", "sang Nhật làm việc theo hợp đồng 3 năm"). */
/** Back home from working abroad ("đi XKLĐ Nhật về", "đi Hàn mới về"). */
const BACK_HOME = /\b(?:xuat khau lao dong|xkld|di lam|lao dong|di) (?:\w+ ){0,2}(?:nhat|nhat ban|han|han quoc|dai loan|duc|malaysia|nuoc ngoai) (?:da |moi |vua )?ve\b(?! (?:lai|sau|khi|nam|thang))|\b(?:da|moi|vua) ve nuoc\b/;
export const TERM_ABROAD = /\b(?:xuat khau lao dong|xkld|thuc tap sinh|lao dong co thoi han|(?:lam viec|di lam|lam) (?:\w+ ){0,3}(?:theo |co )?hop dong \d)\b/;
/** A social-assistance allowance drawn ("trợ cấp xã hội hằng tháng", "trợ cấp người khuyết tật", "bảo trợ xã hội"). */
const SOCIAL_ALLOWANCE =
  /\b(?:dang|duoc|co|huong|nhan|lanh) (?:\w+ ){0,3}(?:tro cap (?:bao tro )?xa hoi|bao tro xa hoi|tro cap (?:\w+ ){0,3}(?:nguoi )?khuyet tat|tro cap (?:\w+ ){0,2}nguoi cao tuoi|tro cap (?:uu dai )?nguoi co cong)\b/;
const NUM = '(\\d{1,2}(?:[.,]5)?)';
/** "Tổng thời gian khoảng 33 năm", "tổng cộng 13 năm": the person's own sum. */
// ("… cộng lại là 18 năm", "tất cả là 16 năm": a total too.)
// ("Với 13 năm như vậy tôi có được …": the sum the person asks with.)
const TOTAL_YEARS = new RegExp(`\\b(?:tong(?: (?:thoi gian|cong|so nam|so|lai))?|cong lai|tat ca|voi(?= (?:tong (?:cong )?)?\\d{1,2}(?:[.,]5)? nam nhu (?:vay|the)\\b))\\b(?: \\w+){0,3}? (?:khoang |gan |hon |tren |la |duoc |da )?${NUM} nam\\b(?! (?:nay|sau|toi|nua|truoc|tuoi))`);
const YEARS_PAID = [
  // A total told ("…, tổng 21 năm") before any one period's years.
  TOTAL_YEARS,
  // "Thời gian tính hưởng chế độ hưu trí của tôi là 24 năm hai tháng": the time that counts, told whole.
  new RegExp(`\\bthoi gian (?:tinh |dong |tham gia )(?:\\w+ ){0,6}?(?:la|duoc) (?:khoang |gan |hon |tren )?${NUM} nam\\b(?! (?:nay|sau|toi|nua|truoc|tuoi))`),
  // "đóng 17 năm", "đã đóng BHXH được 23 năm", "đóng bảo hiểm hơn 20 năm", "có 14 năm đóng", "đã đóng bảo hiểm xã hội
  // (BHXH) 25 năm", "đóng bhxh cả bắt buộc lẫn tự nguyện đủ 30 năm"
  // ("hợp đồng 1 năm" is a contract's term, not years paid.)
  new RegExp(`\\b(?:(?<!\\bhop )dong|tham gia|co|duoc)\\b(?: [\\w()]+){0,8}? (?:duoc |hon |tren |gan |du |khoang |la )?${NUM} nam\\b(?! (?:nay|sau|toi|nua|truoc|tuoi))`),
  new RegExp(`\\b${NUM} nam (?:dong|tham gia|bhxh|bao hiem|tu nguyen|bat buoc)\\b`),
  // "làm công ty 8 năm có đóng BHXH": years of a job that paid
  new RegExp(`\\b(?:lam|lam viec|o) (?:\\w+ ){0,3}?${NUM} nam (?:co |deu |cung )?(?:dong|tham gia)\\b`),
  // "đóng bắt buộc 2003-2017 (14 năm)": the years of a span, told in brackets.
  new RegExp(`\\b(?:19|20)\\d\\d (?:19|20)\\d\\d \\( ${NUM} nam\\b`),
  // "từ 2010 đến nay, 15 năm rồi" (after a comma, so not caught above)
  new RegExp(`(?:^| ,) ${NUM} nam (?:roi|nay roi)\\b`),
  // "đóng … đến hết năm 2025 là đủ 11 năm"
  // ("… từ 1/2011 đến 12/2026 tròn 16 năm": the end's month too.)
  new RegExp(`\\b(?:den|toi) (?:het )?(?:nam |thang )?(?:\\d{1,2} )?(?:19|20)\\d\\d (?:, )?(?:la |duoc |thi )?(?:du |tron |dung |duoc )?${NUM} nam\\b(?! (?:nay|sau|toi|nua|truoc|tuoi))`),
  // "tính đến thời điểm đủ tuổi về hưu là 28 năm"
  // ("đóng từ năm 2019 đến lúc mất được 7 năm": up to a death.)
  new RegExp(`\\b(?:tinh den|den thoi diem|den nay|den nam nay|den (?:luc|khi) (?:mat|qua doi|chet|tu vong|mat di))\\b(?: \\w+){0,6}? (?:(?:la |duoc |da duoc |du )(?:gan |hon |khoang |tron )?|gan |hon |khoang |tron )${NUM} nam\\b(?! (?:nay|sau|toi|nua|truoc|tuoi))`),
];
/**
 * A person of one of Vietnam's ethnic minorities, named ("người Tày", "dân tộc H'Mông" is caught by "dân tộc"):
 * the larger groups, folded, leaving out names that are also everyday words after "người" (Lào, Thổ, Mảng, Cống,
 * Co, Mạ: "người lao động", "người thợ", "người mang thai", "người có").
 */
const ETHNIC_GROUP =
  /\bnguoi (?:tay|thai|muong|h ?mong|mong|nung|dao|khmer|kho me|gia rai|jrai|e de|ede|ba na|bana|xo dang|san chay|san diu|cham|co ho|hre|ra glai|raglai|m ?nong|x ?tieng|van kieu|bru|co tu|gie trieng|kho mu|ta oi|cho ro|ha nhi|chu ru|la chi|lo lo|pa then|si la|pu peo|o du|ro mam|brau|chut|xinh mun|phu la|la hu|bo y|co lao|giay|khang)\b/;
/** An ethnic group told in a relative's clause: "vợ tôi 40 tuổi, người dân tộc Tày", "chồng em là người Mường". */
const RELATIVE_ETHNIC = /\b(vo|chong|bo|cha|me|ong|ba) (?:toi|em|minh|tui|e)\b(?: (?:\w+|,)){0,5}? (?:la )?(?:nguoi )?(?:dan toc|tay|thai|muong|h ?mong|nung|dao|khmer|gia rai|e de|ede|ba na|xo dang|san chay|san diu|cham)\b/;
/** The asker's own group, or the family's: "tôi là người Tày", "vợ chồng tôi đều là dân tộc", "cả nhà … dân tộc". */
const OWN_ETHNIC = /(?:^|[^\w ] |\b(?:va|con|ma) )(?:toi|em|minh|tui)(?: cung| deu)? (?:la )?(?:nguoi )?(?:dan toc|tay|thai|muong|h ?mong|nung|dao|khmer|gia rai|e de|ede|ba na|xo dang|san chay|san diu|cham)\b|\b(?:vo chong|ca nha|gia dinh|ca hai|chung) (?:toi|em|minh|tui)?(?: \w+){0,3} (?:dan toc|nguoi (?:tay|thai|muong|h ?mong|nung|dao|khmer))\b/;
/** "15 năm bắt buộc", "tự nguyện được gần 2 năm": the years of one kind (built once: read for every answer). */
const kindYearsRe = (kind: string): RegExp =>
  // ("từ năm 2023 chuyển sang đóng tự nguyện, đến hết năm 2026 được 4 năm", "… mới đóng tự nguyện, đến nay được 11 năm": across a
  // comma, a few words more.)
  // ("bắt buộc từ tháng 3/2000 đến tháng 2/2012 là 12 năm", "bắt buộc từ 1/2010 đến 12/2019 (10 năm)": the period's count.)
  new RegExp(`\\b${NUM} nam (?:dong |tham gia )?(?:bhxh |bao hiem (?:xa hoi )?)?${kind}\\b|\\b${kind} (?:, (?:den|toi) (?:nay|gio|bay gio) )?(?:\\w+ ){0,4}?(?:duoc |gan |hon |khoang )?(?:tron |dung )?${NUM} nam\\b(?! (?:nay|sau|toi|nua|tuoi))|\\b${kind} , (?:den|toi) (?:het )?(?:nam |thang \\d{1,2} )?(?:19|20)\\d\\d (?:la |duoc )(?:tron |dung )?${NUM} nam\\b(?! (?:nay|sau|toi|nua|tuoi))|\\b${kind} (?:lien tuc |deu )?tu (?:thang )?\\d{1,2} (?:nam )?(?:19|20)\\d\\d (?:, )?(?:den|toi) (?:het )?(?:thang )?\\d{1,2} (?:nam )?(?:19|20)\\d\\d (?:\\( |, )?(?:la |duoc )?(?:tron |dung )?${NUM} nam\\b`);
const KIND_YEARS = { compulsory: kindYearsRe('bat buoc'), voluntary: kindYearsRe('tu nguyen') };
/** Another person of the family named as the subject ("vợ tôi", "chồng em", "mẹ mình"). */
const OTHER_PERSON = /\b(?:vo|chong|bo|me|cha|con|ong|ba|anh|chi|em) (?:toi|em|minh|tui)\b/;
/** "14 năm 6 tháng": the months right after the years. */
const MONTHS_AFTER = /^ ?,? (\d{1,2}) thang\b/;
const AGE = [/\b(\d{2}) tuoi\b/g, /\bnam nay (\d{2})\b/g, /\b(\d{2}) t\b/g];
/** Words before an age that make it today's ("giờ 57 tuổi", "năm nay 50 tuổi", "hiện 44 tuổi"). */
const AGE_NOW = /\b(?:gio|bay gio|nay|hien|hien nay|hien tai|nam nay)(?: (?:da|duoc|la|cung|cung da))? $/;
/** … and that make it another time's ("nghỉ việc năm 55 tuổi", "lúc 30 tuổi", "đến 60 tuổi"). */
const AGE_OTHER = /\b(?:nam|luc|khi|hoi|tu|den|toi|du|truoc|sau|qua) $/;

/**
 * The person's age today: the one told as now ("nghỉ việc năm 55 tuổi, giờ 57 tuổi" is 57), else the first that is
 * not another time's, else the first.
 */
function ageNow(f: string, year: number): number | undefined {
  const found: { n: number; before: string }[] = [];
  for (const re of AGE) {
    for (const m of f.matchAll(re)) {
      let n = Number(m[1]);
      const before = f.slice(Math.max(0, m.index - 24), m.index);
      // "Năm 2024 tôi 60 tuổi": the age in that year, so today's is older by the years since.
      // ("nghỉ việc năm 2023 khi 52 tuổi" too.)
      const then = /\bnam ((?:19|20)\d\d) (?:,? )?(?:khi |luc |hoi )?(?:toi |em |minh |tui |ong |ba |bo |me )?(?:da |duoc |la )?$/.exec(before);
      if (then && Number(then[1]) < year) n += year - Number(then[1]);
      // (A child's age, "hai con 8 tuổi và 12 tuổi": not the person's.)
      // ("Con trai tôi 16 tuổi muốn đóng" is the child asked about: only children told as the family's.)
      // ("Chúng tôi có một con gái 12 tuổi": one child told as the family's.)
      if (n < 18 && has(/\b(?:hai|2|ba|3|cac|may) (?:con|chau|dua)\b|\b(?:dua|con|chau) (?:lon|nho|dau|ut|giua|thu hai|thu ba)\b|\b(?:co|mot|1) (?:\w+ )?(?:con|chau) (?:trai|gai)? ?$/, before)) continue;
      // ("nghỉ sớm hơn 60 tuổi": an age compared, never today's.)
      if (n >= 10 && n <= 100 && !has(/\b(?:som|muon) hon $/, before)) found.push({ n, before: then ? ' nay ' : before });
    }
    if (found.length > 0) break;
  }
  // ("Tôi 55 tuổi" opening a clause is the asker, not "tới 55 tuổi": both fold to "toi".)
  // ("… . Còn tôi 32 tuổi" too.)
  const other = (before: string): boolean => has(AGE_OTHER, before) && !has(/(?:^\s*|[.,;:!?] )(?:con |rieng |va )?toi $/, before);
  // (A relative's age told just before, "Bố tôi năm nay 68 tuổi … Còn tôi 32 tuổi", is theirs, today's or not.)
  const relative = (before: string): boolean => has(/\b(?:bo|me|cha|ong|ba|chong|vo) (?:toi|em|minh|tui)(?: (?:nam nay|nay|hien|hien nay|gio|bay gio))? $/, before);
  return (found.find((x) => has(AGE_NOW, x.before) && !relative(x.before)) ?? found.find((x) => !other(x.before) && !relative(x.before)) ?? found.find((x) => has(AGE_NOW, x.before)) ?? found.find((x) => !other(x.before)) ?? found[0])?.n;
}
/** The asker's own pension told ("tôi đang hưởng lương hưu", "tôi đã nghỉ hưu, hiện lĩnh lương hưu"). */
const ASKER_DRAWS = /(?<!\b(?:chong|vo|bo|me|cha) )\b(?:toi|em|minh|tui) (?:\w+ ){0,3}(?:dang|da|hien) (?:\w+ ){0,2}(?:huong|nhan|lanh|linh|an) luong huu\b/;

/** The asker saying they are not in a poor or near-poor household ("tôi thì không thuộc hộ nghèo", "nhà em không phải hộ cận nghèo"). */
const SELF_NOT_POOR = /\b(?:toi|em|minh|tui|nha toi|nha em|nha minh|gia dinh toi|gia dinh em)(?: thi| lai| cung)? (?:khong|ko|k|chua) (?:phai |thuoc |la |duoc xep vao |nam trong )+(?:ho |dien |danh sach )*(?:can ngheo|ngheo)\b/;

/** Left the poor or near-poor group ("thoát nghèo", "hết hộ nghèo", "không còn là hộ cận nghèo"). */
// ("Nếu năm sau nhà tôi thoát cận nghèo": a supposition, a few words after "nếu".)
// (Nor in a year to come: "… mà trong năm 2027 nhà tôi thoát cận nghèo, thì có bị thu thêm không".)
const LEFT_POVERTY = /(?<!\b(?:sau nay|neu|lo|khi|mai|mai sau|gia su|lo nhu)(?: \w+){0,9} )(?<!\b(?:sang nam|nam sau|nam toi|nam 20(?:2[7-9]|[3-9]\d))(?: \w+){0,4} )\b(?:thoat (?:can )?ngheo|het (?:ho )?(?:can )?ngheo|ra khoi (?:ho )?(?:can )?ngheo|khong con (?:la )?ho (?:can )?ngheo)\b/;
/** Moved between the groups ("lên cận nghèo", "chuyển sang hộ nghèo"). */
const GROUP_MOVED = /\b(?:len (?:ho )?can ngheo|chuyen (?:sang|len|xuong) (?:ho )?(?:can ngheo|ngheo)|(?:moi|vua) (?:duoc )?(?:cong nhan|xep vao|dua vao|vao danh sach) (?:la )?ho (?:can )?ngheo)\b/;
/** A lump sum from another country's scheme ("lương hưu 1 lần bên Nhật", "nenkin", "bảo hiểm Hàn Quốc"; not "lương hưu nhất"). */
const FOREIGN_REFUND = /\b(?:mot lan|1 lan) (?:\w+ ){0,2}(?:ben|o|cua|tai|tu) (?:nhat|nhat ban|han|han quoc|dai loan|nuoc ngoai|nuoc ban)\b|\bnenkin\b|\b(?:luong huu|tien huu|bao hiem|huu tri) (?:(?:cua |ben |o )?(?:nhat ban|han quoc|dai loan)|(?:cua|ben|o) nhat)\b/;
/** A spouse named, then the asker speaking of themself ("chồng tôi …, tôi …", "vợ em … Em …"). */
// ("…, và em sinh tháng 12/1976": the asker after "và", "còn", "nhưng" too; "vợ chồng tôi …" is the couple, not the spouse.)
const SPOUSE_THEN_ASKER = '(?<!\\bvo )\\b(chong|vo) (?:toi|em|e|minh|tui)\\b[^?!]*?(?:[,.;] (?:va |con |nhung |rieng )?|\\bcon )(?:toi|em|minh|tui) ';
/** … then the asker's own age ("chồng tôi …, tôi 50 tuổi", "vợ em … Em 40t"). */
const SPOUSE_THEN_SELF = new RegExp(`${SPOUSE_THEN_ASKER}(?:nam nay |hien |gio |thi |la |nay )?(\\d{2}) tuoi\\b`);
/** Years paid up to now told after a withdrawal ("… đóng tự nguyện đến nay được gần 7 năm"). */
// ("Từ tháng 1/2015 đến nay tôi đóng BHXH tự nguyện liên tục được 12 năm": the words between the span and its years.)
const SINCE_WITHDRAWAL = /\b(?:tu|bat dau) (?:\w+ ){0,6}?(?:den nay|toi nay|den gio|toi gio|den bay gio)(?: (?!nam\b)\w+){0,9}? (?:duoc |la |da duoc )?(?:gan |hon |khoang )?(\d{1,2}(?:[.,]5)?) nam\b/;
/** Paying again from a month told, after a withdrawal ("Từ tháng 6/2018 tôi đóng tự nguyện", "đóng lại từ tháng 1/2020"). */
const RESTARTED = /\b(?:dong|tham gia)\b(?: \w+){0,4}? tu (?:thang )?(\d{1,2}) (?:nam )?((?:19|20)\d\d)\b|\btu (?:thang )?(\d{1,2}) (?:nam )?((?:19|20)\d\d) (?:\w+ ){0,3}(?:dong|tham gia)\b/;
/** … and still paying ("vẫn đóng hằng tháng đến nay", "đóng đều tới giờ"). */
const PAYING_ON = /\b(?:den|toi) (?:nay|gio|bay gio|hien nay|hien tai)\b|\bvan (?:dang )?dong\b|\bdang dong\b/;
/** Months of compulsory insurance ("bắt buộc 14 tháng", "14 tháng bảo hiểm bắt buộc"). */
const COMPULSORY_MONTHS = /\bbat buoc (?:\w+ ){0,2}?(\d{1,3}) thang\b|\b(\d{1,3}) thang (?:dong )?(?:bhxh |bao hiem (?:xa hoi )?)?bat buoc\b/;
/** Years paid at one job, then at the next ("được 12 năm và chuyển đến cơ quan mới đóng được 16 năm"). */
const TWO_JOBS = /\b(?:dong|duoc) (?:\w+ ){0,6}?(?:duoc )?(\d{1,2}) nam (?:[\w,]+ ){0,3}?(?:chuyen|sang) (?:\w+ ){0,6}?(?:dong|duoc) (?:\w+ ){0,3}?(?:duoc )?(\d{1,2}) nam\b(?! (?:nua|toi|sau))/;
/** Years paid more, then stopped ("sau này đóng tự nguyện thêm 3 năm thì dừng", "đóng thêm 2 năm rồi nghỉ"). */
const PAID_MORE_THEN_STOPPED = /\b(?:dong|tham gia|nop) (?:\w+ ){0,3}?them (?:duoc )?(\d{1,2}) nam (?:nua )?(?:thi|roi) (?:dung|nghi|thoi|ngung|bo)\b/;
/** … or told as the story's next step, the sentence ending there ("đóng bắt buộc 7 năm rồi đóng tự nguyện thêm 2 năm."). */
const PAID_MORE_NEXT = /\b(?:roi|sau do|sau nay|tiep do|tiep theo) (?:(?:toi|em|minh) )?(?:dong|tham gia|nop) (?:\w+ ){0,3}?them (?:duoc )?(\d{1,2}) nam(?= ?[.;]|$)/;
/** A job to come ("sau này ra trường cháu vào làm công ty có đóng bắt buộc"): not employed now. */
export const FUTURE_JOB = /\b(?:sau nay|mai sau|ra truong|tot nghiep)\b(?: \w+){0,4} (?:lam|vao|xin viec) (?:\w+ ){0,2}(?:cong ty|cty|doanh nghiep|nha may|co quan)\b/;
/** The asker's age first, then the spouse only advising or wishing ("em 35 tuổi … Chồng em khuyên rút một lần"). */
const SELF_THEN_SPOUSE_ADVISES = /^ (?:[\w,]+ ){0,8}?(?:toi|em|minh|tui) (?:nam nay |nay )?\d{2} (?:tuoi|t)\b.* (chong|vo) (?:toi|em|minh|tui) (?:khuyen|bao|noi|keu|muon|bat|dong y|ung ho|can)\b/;
/** The month of a death ("tháng 8/2026 bố tôi mất", "mất vào tháng 8/2026"). */
export const DIED_IN_MONTH = /\bthang (\d{1,2}) (?:nam )?(20\d\d)\b(?: \w+){0,7}? (?:mat|qua doi|tu tran|tu vong|chet)\b|\b(?:mat|qua doi|tu tran|tu vong|chet)(?: \w+){0,6}? (?:vao |hoi |luc )?(?:ngay \d{1,2} )?thang (\d{1,2}) (?:nam )?(20\d\d)\b/;
/** The last year of a period paid ahead ("(2024–2028)", "đến hết năm 2028"). */
const PAID_AHEAD_TO = /\b(?:19|20)\d\d (?:den |toi )?(?:\d{1,2} )?(20\d\d) \)|\b(?:den|toi) het (?:nam )?(20\d\d)\b|\bgiai doan (?:tu )?(?:\d{1,2} )?(?:19|20)\d\d (?:den |toi )?(?:\d{1,2} )?(20\d\d)\b/g;
/** The spouse's birth first, then the asker's own ("Chồng tôi sinh tháng 3/1968, tôi sinh năm 1971"). */
const SPOUSE_THEN_SELF_BORN = new RegExp(`${SPOUSE_THEN_ASKER}(?:thi |la )?sinh (?:ngay \\d{1,2} )?(?:(?:thang )?(\\d{1,2}) )?(?:nam )?(19[3-9]\\d|200\\d)\\b`);
/** The asker's own age opening the letter ("Tôi 50 tuổi, …", "Em năm nay 48 tuổi"). */
const AGE_FIRST = /^ (?:(?:xin )?chao (?:\w+ ){0,3}[,.!] |(?:kinh )?gui (?:\w+ ){0,4}[,.!:] )?(?:toi|em|minh|tui) (?:nam nay |nay |hien |hien nay |da )?\d{2} tuoi\b/;
/** The spouse's own pension ("chồng tôi đang hưởng lương hưu", "vợ em 60t, đang lãnh lương hưu"). */
const SPOUSE_DRAWS = /\b(?:chong|vo) (?:toi|em|e|minh|tui) [\w ,]{0,30}?(?:dang|da) (?:huong|nhan|lanh|an|co) luong huu\b/;
/** A relative's own pension ("bố tôi đang hưởng lương hưu", "mẹ em đã có lương hưu"): the relative. */
const RELATIVE_DRAWS = /\b(bo|cha|me|vo|chong|ong|ba) (?:toi|em|e|minh|tui) [\w ,]{0,30}?(?:dang|da) (?:huong|nhan|lanh|an|co) luong huu\b/;
/** Compulsory years denied ("chưa từng đóng bắt buộc", "không có thời gian đóng bắt buộc"). */
// ("chưa từng làm công ty": no job that paid it either.)
const NO_COMPULSORY = /\b(?:chua (?:tung |bao gio |he |co )?|khong (?:co |tung )?)(?:(?:thoi gian )?(?:dong |tham gia )?(?:bhxh )?bat buoc|(?:di )?lam (?:o |cho )?(?:cong ty|cty|doanh nghiep|nha may|xi nghiep|co quan))\b/g;

/** The sex of a relative named "… tôi" ("bà tôi" is the grandmother: unaccented, as the rules read). */
const RELATIVE_SEX: Readonly<Record<string, 'male' | 'female'>> = { bo: 'male', cha: 'male', chong: 'male', ong: 'male', me: 'female', vo: 'female', ba: 'female' };
const sameRelative = (a: string, b: string): boolean => a === b || (['bo', 'cha'].includes(a) && ['bo', 'cha'].includes(b));
/** The relative the last ask is about ("… Mẹ tôi có tham gia được không?"), if it names one and no other. */
function askedRelative(f: string): string | undefined {
  const sentences = f.split(/ [.!;] /);
  const sentence = [...sentences].reverse().find((x) => x.includes(' ? ')) ?? sentences.at(-1) ?? '';
  // (Its last clause: "Vợ tôi người Kinh, tôi là người Tày, tôi đóng … bao nhiêu?" asks about the asker.)
  const ask = sentence.split(/ , /).filter((x) => has(/[a-z]/, x)).at(-1) ?? '';
  const namedIn = (x: string): Set<string> => new Set([...x.matchAll(/\b(bo|cha|me|vo|chong|ong|ba) (?:toi|em|e|minh|tui)\b/g)].map((m) => m[1]!));
  // (A clause naming no one, "…, và mẹ có nên đóng không?", after the sentence named them: "Mẹ em 58 tuổi …, mẹ có …".)
  let named = namedIn(ask);
  if (named.size === 0 && !has(/\b(?:toi|em|minh|tui)\b/, ask)) named = namedIn(sentence);
  return named.size === 1 ? [...named][0] : undefined;
}
/** "còn thiếu 2 năm mới đủ 15 (năm)", "thiếu 3 năm nữa là đủ 15 năm". */
const GAP_TO_15 = /\bthieu (?:khoang |gan |hon )?(\d{1,2}(?:[.,]5)?) nam (?:nua )?(?:\w+ ){0,2}?(?:de |moi |la |thi )?(?:du|dat|tron) 15\b/;
/** Work abroad named just before a period ("làm nail ở Úc", "XKLĐ Đài Loan"). */
// (Bare "nhat" after a word of going or being there only: "mức thấp nhất từ tháng 7/2020" is not Japan.)
/** Work abroad told after a period ("2008–2013 tôi đi làm ở Hàn Quốc"): years abroad, not paid here. */
/** A job's years told without the word "bắt buộc": "làm ở xí nghiệp dệt, đóng bảo hiểm 5 năm". */
const JOB_YEARS_BEFORE = /\b(?:cong ty|cty|xi nghiep|nha may|co quan|cong nhan|nong truong|lam truong)\b(?: [\w,]+){0,8}? (?:co )?(?:dong|tham gia) (?:bhxh|bao hiem)(?: xa hoi)? (?:duoc )?(\d{1,2}) nam\b/;
/** … or as a count of the job: "10 năm BHXH ở xí nghiệp", "10 nam bhxh cty", "3 năm làm công ty". */
const JOB_COUNT = /\b(\d{1,2}) nam (?:(?:dong )?(?:bhxh|bao hiem(?: xa hoi)?) (?:o |tai |cua )?|(?:lam|lam viec) (?:o |tai |cho )?)(?:cong ty|cty|xi nghiep|nha may|co quan|nong truong|lam truong)\b/;
/** Words of a job or of compulsory insurance: years beside them are no voluntary ones. */
const JOB_OR_COMPULSORY = /\b(?:bat buoc|cong ty|doanh nghiep|co quan|nha may|xi nghiep|nong truong|lam truong|quoc doanh)\b/;
/** Army service told before a period ("đi bộ đội từ 1979 đến 1986", "đi nghĩa vụ quân sự 2010-2012"). */
const ARMY_BEFORE = /\b(?:bo doi|nghia vu quan su|nhap ngu|quan doi|quan ngu|cong an nghia vu)\b(?: \w+){0,2} $/;
/** A period from `from` (a year) told at `at` in `f` right after army service before 1995, which the SI office may or may not count. */
const armyBefore = (f: string, at: number, from: number): boolean => from < 1995 && has(ARMY_BEFORE, f.slice(Math.max(0, at - 30), at));
const ABROAD_AFTER = /^ (?:(?:toi|em|minh|tui|anh|chi|ong|ba) )?(?:\w+ ){0,2}?(?:di )?(?:lam|lam viec|lao dong|xkld|xuat khau lao dong)\b(?: \w+){0,3}? (?:o|tai|sang|ben|qua) (?:dai loan|nhat ban|nhat|han quoc|han|uc|nuoc ngoai|malaysia|trung dong|chau au)\b/;
const ABROAD_BEFORE = /\b(?:xuat khau lao dong|dai loan|nhat ban|(?<=\b(?:o|tai|ben|sang|di|qua|xkld|thuc tap sinh|tts) )nhat|han quoc|uc|nuoc ngoai|malaysia|trung dong|chau au)\b(?: \w+){0,3} $/;
/** "sinh tháng 3/1971", "sinh 3/1971". */
const BIRTH_MONTH = /\bsinh (?:ngay \d{1,2} )?(?:thang )?(\d{1,2}) (?:nam )?(19[3-9]\d|200\d)\b/;
const BIRTH_MONTHS = new RegExp(BIRTH_MONTH.source, 'g');
const BIRTH_YEAR = /\bsinh (?:nam |thang \d{1,2} (?:nam )?)?(19[4-9]\d|200\d)\b/;

/** Paying from a month up to now ("từ tháng 1/2019 đến nay", "từ tháng 1/2018 … đến nay đóng tự nguyện"). */
/** The asker drawing a pension, told further from the subject ("tôi … , nam nay 72 tuoi, đang hưởng lương hưu quân đội", "tôi có lương hưu rồi"). */
const ASKER_OWN_PENSION = /\b(?:toi|tui|minh)\b(?: [\w,]+){0,8}? (?:dang|da) (?:\w+ ){0,2}(?:huong|nhan|lanh|linh) luong huu\b|\b(?:toi|tui|minh) (?:da )?co luong huu roi\b/;
const OPEN_SINCE = /\btu thang (\d{1,2}) (?:nam )?((?:19|20)\d\d) (?:den|toi) (?:nay|gio|bay gio|hien nay|hien tai)\b|\btu thang (\d{1,2}) (?:nam )?((?:19|20)\d\d) (?:\w+ ){1,5}?(?:den|toi) (?:nay|gio|bay gio)\b/;

/**
 * Years of a rule heard of, not paid ("nghe nói ai đóng tự nguyện đủ 20 năm từ trước 2021 thì …", "người ta bảo phải đóng đủ
 * 20 năm"): up to the years, which stop counting as the person's.
 */
const HEARD_RULE_YEARS = /\b((?:nghe (?:\w+ ){0,4}?(?:noi|bao)|nguoi ta (?:noi|bao)|co nguoi (?:noi|bao|khuyen)|(?:ai|nguoi nao) (?:ma )?(?:dong|tham gia))\b[^.?!;]*?\b(?:du|phai|can|toi thieu|it nhat|tren)(?: dong)?) \d{1,2} nam\b/g;

/** A man told of, the asker or the relative the question is about ("Bố em", "chồng mình", "tôi là nam", "chú tôi"). */
const MALE_TOLD = /\b(?:nam gioi|dan ong|toi la nam|(?<!\b(?:me|bo|ba|ong|cha) )chong (?:toi|em|e|minh|tui)|(?:bo|cha) (?:toi|em|e|minh|tui|chau)|bo (?:chong|vo) (?:toi|em|minh)|ong (?:toi|xa|noi|ngoai)|(?:ong )?chu (?:toi|em|minh|tui)|ba (?:toi|em|e|minh) (?:la )?nam(?! nay| \d)|anh toi|anh trai|em trai|(?<!\bla )con trai|chau trai|ban nam|la nam)\b|\b(?:toi|em|minh|tui|e) (?:la )?nam (?:,|\(|\d{2} tuoi|sinh (?:thang |nam )?\d)|\b\d{2} tuoi nam (?:[,.(]|$)|^ (?:(?:chao|xin chao|gui) (?:\w+ ){1,2}, )?(?:anh|a) (?:nam nay |nay |hien |\d{2} tuoi|la |lam |dang |da |co |dong |tham gia |chay |ban |sinh (?:nam |thang )?\d)|(?<!\b(?:den|toi|vao|tu|trong|luc|khi|nhung|cac|hang|moi|mot|la) )\bnam (?:sinh|\d{2} tuoi)\b| , nam [,.]|^ nam , | \( nam [),] |^ (?:ong|anh|chu) (?!oi\b|chi\b|cho\b)[a-z]+(?: [a-z]+){0,3}(?: \.)?(?: \( [^)]* \))?(?: [,:])? hoi\b/;
/** A woman told of ("vợ mình", "mẹ tôi", "tôi nữ"). */
const FEMALE_TOLD = /^ nu\b|\b(?:nu gioi|phu nu|toi la nu|(?<!\b(?:bo|me|ong|ba|cha) )vo (?:toi|em|e|minh|tui)|me (?:toi|em|e|minh|tui|chau)|me (?:chong|vo) (?:toi|em|minh)|ba (?:xa|noi|ngoai)|thim (?:toi|em|minh|tui)|chi toi|chi gai|em gai|(?<!\bla )con gai|chau gai|ban nu|la nu|lao dong nu)\b|\b(?:toi|em|minh|tui|e) (?:la )?nu (?:,|\(|\d{2} tuoi|sinh (?:thang |nam )?\d)|^ chi (?:nam nay |nay |hien |\d{2} tuoi|la |lam |dang |da |co |dong |tham gia |sinh (?:nam |thang )?\d)|\bnu (?:sinh|\d{2} tuoi)\b|\b\d{2} tuoi(?: ,)? nu\b|\b(?:19|20)\d\d(?: ,)? nu\b| , nu [,.]|^ nu , | \( nu [),] |^ (?:ba|chi|co) (?!oi\b|anh\b|cho\b)[a-z]+(?: [a-z]+){0,3}(?: \.)?(?: \( [^)]* \))?(?: [,:])? hoi\b/;

/**
 * Read the person's situation from a question (diacritics optional), in `year` (the calendar year of the message;
 * by default this year in Vietnam) and, when known, `month` (a period "tới nay" ends in it).
 */
export function readSituation(text: string, year = yearOf(today()), month?: number): Situation {
  // (A letter whose writer speaks of herself as "chị" or "cô", himself as "anh" or "chú", read in the first person: "Chị sinh
  // tháng 4/1972 … Chị đóng tự nguyện … Con trai chị 19 tuổi" tells her years, not her son's. The sex is read from the letter as
  // written, where "chị" tells it, the writer's own word first.)
  const first = asFirstPerson(text, true);
  if (first === text) return readSituationOf(text, year, month);
  const s = readSituationOf(first, year, month);
  const sex = speakerSex(text) ?? readSituationOf(text, year, month).sex;
  if (sex !== undefined) s.sex = sex;
  else delete s.sex;
  return s;
}

function readSituationOf(text: string, year: number, month?: number): Situation {
  // Folded words with the clause punctuation kept as tokens: "17 năm, nay …" is not "17 năm nay".
  // The scheme's names in one spelling, as the ask rules read them ("trợ cấp bảo hiểm xã hội hằng tháng").
  // ("có đúng 15 năm": exactly, not "dừng", which folds the same; unaccented, "có dung 15 năm" reads so too.)
  const words = spellSchemeNames(fold(text.replace(DASHED_SPAN, ' từ $1 đến $2 ').replace(/đúng(?= \d)/giu, 'tròn')))
    .replace(/\b(co|la|duoc|du) dung (?=\d{1,2} nam\b)/g, '$1 tron ')
    .replace(/(\d)[.,](5)\b/g, '$1_$2')
    // ("từ 2019 đến giữa 2024": the middle month of that year.)
    .replace(/\bgiua (?:nam )?((?:19|20)\d\d)\b/g, 'thang 6 $1')
    // ("xơ gan mất bù": decompensated, no death.)
    .replace(/\bmat bu\b/g, 'matbu')
    // ("Nếu đóng đều thì bao giờ đủ 15 năm": the goal asked, not years paid.)
    .replace(/\b(bao gio|khi nao|luc nao|nam nao|thang nao|den khi)( (?:\w+ ){0,2}?)(du|dat) 15 nam\b/g, '$1$2$3 muoi lam nam')
    // ("Vợ tôi đến tuổi hưu mới được hơn 9 năm": the years reckoned at the age, from the periods told, not those paid today;
    // "đến tuổi hưu sẽ có 21 năm", "đủ tuổi nghỉ hưu mà chỉ có 10 năm" are the count the person goes by.)
    .replace(/\b((?:den|toi|luc|khi) (?:du )?tuoi (?:nghi |ve )?huu) (?:\w+ ){0,2}?moi (?:duoc|co) (?:hon |khoang |gan )?\d{1,2} nam\b/g, '$1')
    // ("mức 2.000.000đ, đóng đến hết tháng 9/2026": a sum in đồng is one number, its dots no clause marks.)
    .replace(/(\d)\.(?=\d{3}(?!\d))/g, '$1')
    // ("… + 8 năm tự nguyện (từ 2018) = 20 năm": the sum after an equals sign is the person's own total.)
    .replace(/= ?(\d{1,2} nam)\b/g, ', tong $1')
    // "7 năm bắt buộc + 5 năm tự nguyện = 12 năm": a plus or equals sign separates periods, as a comma would.
    .replace(/[+&=]/g, ',')
    .replace(/([,.;:?!()])/g, ' $1 ')
    .replace(/[^a-z0-9_,.;:?!()]+/g, ' ')
    .replace(/_/g, '.')
    .replace(/\s+/g, ' ')
    .trim();
  // Chat spellings written out too ("nghỉ ko lương" is unpaid leave).
  // ("đến nay (3/2023)": "now" is the month in brackets, when the letter was written.)
  // ("trường hợp đóng 6 tháng" folds like "hợp đồng 6 tháng": a case of paying, not a contract.)
  // ("… đến tuổi nghỉ hưu, và lúc đó tôi mới đóng được khoảng 7 năm thì …": years supposed at a time to come, not paid.)
  // ("Ông nhà tôi", "bà nhà tôi": the spouse.)
  // ("từ đầu năm 2011 đến cuối năm 2022": the months they are; "từ đầu năm 2025 đến giờ không đóng" is a stop, left alone.)
  // ("từ 1/2018 đến 12/2021 em đóng tự nguyện thêm 4 năm nữa": years paid in a period told, not years to come.)
  const f = ` ${spellChatWords(words).replace(/\btu dau nam ((?:19|20)\d\d) (den|toi) (?:het |cuoi )(?:nam )?((?:19|20)\d\d)\b/g, 'tu thang 1 $1 $2 thang 12 $3').replace(/\b((?:den )?(?:luc|khi) (?:do|ay)) (?:(?:toi|em|minh) )?(?:moi |chi |se )?(?:dong |duoc )+(?:khoang |gan |tam |chung )?\d{1,2} nam\b/g, '$1 vai nam').replace(HEARD_RULE_YEARS, '$1 vai nam').replace(/\bong nha (toi|em|minh|tui)\b/g, 'chong $1').replace(/\bba nha (toi|em|minh|tui)\b/g, 'vo $1').replace(/\b(\d+) ?t(?:uoi)?\b/g, '$1 tuoi').replace(/\btruong hop dong\b/g, 'truong hop khi dong').replace(/\b(tu (?:thang )?\d{1,2} (?:nam )?(?:19|20)\d\d (?:den|toi) (?:het )?(?:thang )?\d{1,2} (?:nam )?(?:19|20)\d\d(?: \w+){0,6}? them \d{1,2} nam) nua\b/g, '$1').replace(/\b(du hoc|di hoc|hoc bong|xuat khau lao dong|xkld|di lam o nuoc ngoai) ((?:\w+ ){0,2})\d{1,2} nam\b/g, '$1 $2vai nam').replace(/\b(den|toi) (?:nay|gio|bay gio|hien nay|hien tai) \( (\d{1,2}) ((?:19|20)\d\d) \)/g, '$1 thang $2 $3')} `;
  const s: Situation = {};
  // The text with its marks, lower-cased, for the readings that need them ("tuổi nam", "ba tôi", "còn tôi nữ").
  const nfcLower = text.normalize('NFC').toLowerCase();

  // Years, months, ages and dates: only a text with a digit tells any (most short questions have none).
  if (has(/\d/, f)) readFigures(f, s, year, month);

  // ("Bố em", "vợ mình", "ông xã": the relative the question is about, however the asker calls themself.)
  if (has(MALE_TOLD, f)) s.sex = 'male';
  // The sex told after the age or the birth year ("58 tuổi, nữ", "sinh năm 1970 nam"); "nam" only in a text with
  // its marks ("tuổi nam"): unaccented, "tuoi nam" may be "tuổi năm".
  if (has(/(?:\b\d{2} tuoi|\b(?:19|20)\d\d)(?: ,)? nam\b/, f) && has(/(?:\b\d{2} tuổi|\b(?:19|20)\d\d),? nam\b/u, nfcLower)) s.sex = 'male';
  // ("Anh chị cho em hỏi", "Chị cho em hỏi": the staff addressed, not a newspaper's "Chị Lan hỏi".)
  if (has(FEMALE_TOLD, f)) {
    s.sex = s.sex === 'male' ? undefined : 'female';
  }
  // A letter opening with the asker's own birth or age ("Tôi ở Lạng Sơn, sinh tháng 10/1972, …. Chồng tôi là công chức …"): the
  // asker's sex is not a relative's named after; a husband named makes her a woman, a wife a man; a child or a parent
  // tells nothing of it.
  // ("Tôi sinh tháng 4/1967, đóng … đến nay; vợ tôi sinh tháng 9/1971 …": a semicolon ends it too.)
  const opening = / [.;] |\? /.exec(f);
  const first = f.slice(0, opening ? opening.index : f.length);
  if (has(/^ (?:(?:chao|xin chao|kinh gui|gui) (?:[\w,]+ ){0,6}?)?(?:toi|em|minh|tui)\b/, first) && has(/\b(?:sinh|tuoi)\b/, first) && !has(/\b(?:chong|vo|con|bo|cha|me|ba|ong|anh|chi|em) (?:trai |gai )?(?:toi|em|e|minh|tui)\b|\bcon (?:trai|gai)\b/, first)) {
    // (The sex read again without the relatives: what is left is the asker's own, "tôi … là nam", "59 tuổi (nam)".)
    const own = f.replace(/\b(?:chong|vo|con|bo|cha|me|ba|ong|anh|chi|em) (?:trai |gai |ruot )?(?:toi|em|e|minh|tui)\b|\bcon (?:trai|gai)\b|\b(?:ong|ba) xa\b/g, ' ');
    const [male, female] = [has(MALE_TOLD, own), has(FEMALE_TOLD, own)];
    const husband = has(/\b(?:chong (?:toi|em|minh|tui)|ong xa)\b/, f);
    const wife = has(/\b(?:vo (?:toi|em|minh|tui)|ba xa)\b/, f);
    if (male !== female) s.sex = male ? 'male' : 'female';
    else if (!has(/(?:\d{2} tuổi|(?:19|20)\d\d),? (?:nam|nữ)\b/u, nfcLower)) s.sex = husband && !wife ? 'female' : wife && !husband ? 'male' : undefined;
  }
  // ("Em là con trai, sinh năm 1991 …", "Tôi là con gái …": the asker says which, whatever a parent named before.)
  const selfTold = /(?:^ ?|[.?!;,] )(?:toi|em|minh|tui) la con (trai|gai)\b/.exec(f);
  if (selfTold) s.sex = selfTold[1] === 'trai' ? 'male' : 'female';
  // "Ba tôi" written with its marks is the father (southern "ba"); "bà tôi" the grandmother.
  const dad = has(/\bba (?:tôi|em|mình|cháu)\b/u, nfcLower);
  if (dad && s.sex === undefined) s.sex = 'male';
  // (Unaccented, "ba e 63t" may be either: left unsaid, so both sexes' figures are given.)
  else if (!dad && has(/\bbà (?:tôi|em|mình|tui)\b/u, nfcLower) && has(/\bba (?:toi|em|e|minh|tui) (?!(?:la )?nam\b)/, f)) s.sex = s.sex === 'male' ? undefined : 'female';

  // The asker speaking of themself as "chị", "cô" or "chú" ("Chào ad, chị ở Nghệ An, sinh tháng 10/1973", "Chú sinh tháng
  // 11/1964", "Cô tôi sinh tháng 3/1969"), read with the marks (unaccented "chi o" is also "chỉ ở"); not the staff
  // addressed ("chị ơi", "chị có thể …").
  if (s.sex === undefined) {
    const speaker = /(?:^|[\s,.!:])(chị|cô|chú)(?: (?:tôi|em|mình))? (?:ở|sinh|năm nay|nay|\d{2} tuổi|đóng|làm|có (?!thể)|tham gia|hỏi|muốn)/u.exec(nfcLower);
    if (speaker) s.sex = speaker[1] === 'chú' ? 'male' : 'female';
    // (Unaccented, only where "chu" can be no other word: "cho chu hoi", "chu sinh thang 11/1964".)
    else if (has(/\b(?:cho chu hoi|chu sinh (?:thang |nam |ngay )?\d|chu nam nay \d)/, f)) s.sex = 'male';
  }
  // The asker's own sex told with their birth year or age ("em sinh tháng 6/1969, nữ, … chồng em ốm"): theirs,
  // whatever relatives the story names.
  if (s.sex === undefined && has(/\b(?:toi|em|minh|tui) (?:\w+ ){0,5}?(?:(?:19|20)\d\d|\d{2} tuoi)(?: ,)? nu\b/, f)) s.sex = 'female';
  else if (s.sex === undefined && has(/(?:tôi|em|mình) (?:\S+ ){0,5}?(?:(?:19|20)\d\d|\d{2} tuổi),? nam\b/u, nfcLower)) s.sex = 'male';
  // … or with the name ("tôi là Tuấn, nam, sinh tháng 3/1968"), or by a name's middle word, as written ("Tôi là Nguyễn
  // Thị Hoa": a woman; "Hoàng Văn Sình": a man).
  // (The asker's own name decides over a relative's words: "Tôi là Nguyễn Thị H., … Chồng tôi … anh mất" is a woman.)
  // (Unaccented too, capitalised as a name: "Toi la Nguyen Thi H.".)
  const middle = /(?:^|[\s,.])(?:[Tt][ôo]i|[Ee]m|[Mm][ìi]nh) (?:l[àa]|t[êe]n(?: l[àa])?) \p{Lu}\p{Ll}+ (Th[ịi]|V[ăa]n) \p{Lu}/u.exec(text.normalize('NFC'));
  if (middle) s.sex = middle[1]!.startsWith('Th') ? 'female' : 'male';
  if (s.sex === undefined) {
    const named = /\b(?:toi|em|minh|tui) (?:la|ten|ten la) (?:\w+ ){1,3}, (nam|nu) ,/.exec(f);
    if (named) s.sex = named[1] === 'nu' ? 'female' : 'male';
  }
  // ("Đã đủ tuổi hưởng lương hưu" is the age reached, not a pension drawn.)
  // ("… rồi hưởng lương hưu từ tháng 10/2023": drawn since a date; "rồi lãnh lương hưu được không" is a plan.)
  // ("vừa có quyết định hưởng lương hưu từ tháng 10/2026", "mới được duyệt hưởng lương hưu": drawing it now; "lo cho mẹ có
  // lương hưu" is a wish.)
  // ("có lương hưu rồi có được thẻ BHYT không": a pension to come, asked about.)
  if (has(/\broi (?:huong|nhan|lanh) luong huu tu (?:thang |nam )?\d/, f) || has(/\b(?:co quyet dinh|duoc duyet|da duoc duyet) (?:\w+ ){0,2}(?:(?:huong|nhan|lanh) )?luong huu\b/, f) || has(/\b(?:dang|da) (?!(?:du|den|qua) (?:tuoi|dieu kien)\b)(?:\w+ ){0,2}(?:huong|nhan|lanh|an) (?:luong huu|tro cap hang thang|tro cap bhxh hang thang|tro cap mat suc)\b(?! (?:ngay |luon |duoc )?(?:chua|khong|ko|k)\b)|(?<!\b(?:de|muon|se|moi|thi|can|phai|la|chua|khong|ko|k|nao|sao|duoc|nay|gia|khi|luc|neu|con|bao gio|cho|som|kip) (?:(?:me|bo|cha|ba|ong|vo|chong|toi|em|minh|con|anh|chi|chau|be|ho) )?)\bco luong huu\b(?! (?:khong|ko|k|chua|hay|duoc|nua)\b| roi (?:thi )?(?:co )?duoc (?:cap )?the\b)|\bdang ve huu\b|\bda (?:nghi|ve) huu (?:tu|nam|voi|duoc|hon|gan)\b|\bnghi huu (?:\w+ ){0,5}voi luong huu\b|(?<!\b(?:tuoi|thi|phai|den|khi) )\b(?:vua|moi) (?:nghi|ve) huu\b(?! (?:som|truoc))/, f)) {
    s.drawingPension = true;
  }
  // ("… đóng tự nguyện 20 năm và hưởng lương hưu từ tháng 1/2018": drawn since a past date.)
  // ("Bố tôi hưởng lương hưu từ bhxh tự nguyện từ tháng 5/2021": a relative's, named, with the scheme between; "Ba em sinh
  // tháng 4/1963, đóng BHXH tự nguyện đủ 20 năm, lãnh lương hưu từ tháng 5/2024": with their story between.)
  const drawnSince = /\b(?:va|da|duoc|bat dau|(?:bo|me|cha|chong|vo|ba|ong) (?:toi|em|minh|tui)(?: (?!(?:khong|chua|ko|neu|muon|se)\b)[\w,]+){0,16}?) (?:huong|nhan|lanh|linh) luong huu (?:(?:tu |cua |theo )?(?:bhxh|bao hiem)(?: xa hoi)?(?: tu nguyen| bat buoc)? )?tu (?:thang \d{1,2} (?:nam )?|nam )?((?:19|20)\d\d)\b/.exec(f);
  if (drawnSince && Number(drawnSince[1]) <= year) s.drawingPension = true;
  // ("hiện lĩnh lương hưu 5,8 triệu/tháng", "nghỉ hưu từ năm 2021": a pension drawn now, its amount or its start in the past.)
  // ("Bố tôi năm nay 68 tuổi, nghỉ hưu từ năm 2020 …, lương hưu hiện khoảng 4,5 triệu": a relative's, told the same way.)
  const retiredIn = /\b(?:toi|em|minh|tui|(?:bo|me|cha|chong|vo|ong|ba) (?:toi|em|minh|tui))(?: nam nay)? (?:\d{2} tuoi ,? )?(?:da |duoc )?(?:nghi|ve) huu (?:tu|nam|vao|tu nam|tu thang) (?:\w+ ){0,2}?((?:19|20)\d\d)\b/.exec(f);
  if (has(/\b(?:hien|hien nay|hien tai|hang thang|moi thang)(?: dang)? (?:huong|nhan|lanh|linh|an) luong huu\b|\bluong huu (?:hien (?:tai |nay )?|hang thang |moi thang )(?:la |khoang |duoc |co |gan |tam )*\d+(?: ?[.,] ?\d+)? ?(?:trieu|tr)\b|\b(?:huong|nhan|lanh|linh) luong huu (?:\w+ ){0,2}?\d+(?:[.,]\d+)? ?(?:trieu|tr)\b(?! (?:thi|co|duoc|khong|ko|k|chua)\b)/, f) || (retiredIn && Number(retiredIn[1]) <= year)) {
    s.drawingPension = true;
  }
  // "Chồng tôi đang hưởng lương hưu, tôi 50 tuổi …", "Chồng tôi 62t … Tôi 58t nữ": the spouse first, then the asker's
  // own age: the question is the asker's (the other sex, their own age), and the spouse's pension is not theirs.
  // ("Chồng tôi sinh tháng 3/1968, tôi sinh năm 1971": the asker's own birth after the spouse's, the same.)
  const self = SPOUSE_THEN_SELF.exec(f);
  const selfBorn = self ? null : SPOUSE_THEN_SELF_BORN.exec(f);
  const spouse = (self ?? selfBorn)?.[1];
  if (spouse) {
    s.sex = spouse === 'chong' ? 'female' : 'male';
    if (has(SPOUSE_DRAWS, f)) delete s.drawingPension;
  }
  // "Chồng em mất … ? Còn em năm nay 47 tuổi (sinh tháng 8/1979) …": the asker turns to themself after asking about the
  // spouse: of the other sex.
  const turned = spouse ? undefined : /(?<!\bvo )\b(chong|vo) (?:toi|em|e|minh|tui)\b.*?[.?!;] con (?:toi|em|minh|tui) (?:nam nay |nay |thi |la )?(?:\d{2} tuoi|sinh)\b/.exec(f)?.[1];
  if (turned) s.sex = turned === 'chong' ? 'female' : 'male';
  // "Em 35 tuổi, … có gần 12 năm BHXH … Chồng em khuyên rút một lần": the asker's own facts, the spouse only advising:
  // the asker is of the other sex.
  const adviser = spouse ? undefined : SELF_THEN_SPOUSE_ADVISES.exec(f)?.[1];
  if (adviser && !new RegExp(`\\b${adviser} (?:toi|em|minh|tui) (?:nam nay |nay |da )?\\d{2} (?:tuoi|t)\\b`).test(f)) s.sex = adviser === 'chong' ? 'female' : 'male';
  // The asker's own sex said in so many words ("Tôi nam, sinh tháng 3/1980 … Vợ tôi muốn …", "Còn tôi nữ, sinh …"), or by
  // their birth told before their spouse's ("Tôi sinh tháng 4/1972, vợ tôi sinh tháng 10/1975"): theirs, whatever
  // the spouse named after.
  // ("Tôi sinh năm 1976, là nam, …": said after the birth.)
  // ("e la nam sinh thang 3/1990 … vo e sinh nam 1993": the asker's own sex, told first.)
  const declared = /(?:^|[.,;:!?] )(?:toi|em|minh|tui|e) (?:la )?(nam|nu)(?: gioi)? (?:[,(]|sinh (?:thang |nam )?\d)/.exec(f)?.[1] ?? /(?:^ ?|[.;:!?] )(?:toi|em|minh|tui) (?:sinh (?:thang \d{1,2} )?(?:nam )?(?:19|20)\d\d|\d{2} tuoi) , la (nam|nu) [,.]/.exec(f)?.[1] ?? /(?:^|[.,;:!?]\s*|\bcòn )(?:tôi|em|mình) (?:là )?(nam|nữ)(?: giới)?(?![\p{L}\p{N}])/u.exec(nfcLower)?.[1];
  const bornFirst = /(?:^|[.;:!?]) (?:\w+ ){0,3}?(?:toi|em|minh) sinh (?:thang \d{1,2} )?(?:nam )?(?:19|20)\d\d (?:,|\.|va) (?:con )?(vo|chong) (?:toi|em|minh)\b/.exec(f)?.[1];
  // ("Vợ chồng tôi … Tôi là chồng, sinh tháng 2/1968": the husband.)
  const role = /(?:^|[.,;:!?] )(?:toi|em|minh) la (chong|vo)\b/.exec(f)?.[1];
  // (Not when a relative's own age is told too, "Tôi nữ, 35 tuổi. Bố tôi 62 tuổi … có tham gia được không": the question
  // may be theirs.)
  const relativeAged = has(/\b(?:bo|me|cha|ong|ba|vo|chong|con|anh|chi) (?:toi|em|minh|tui) (?:\w+ ){0,3}\d{2} tuoi\b/, f);
  if (declared && !spouse && !relativeAged) s.sex = declared === 'nam' ? 'male' : 'female';
  // ("Vợ chồng tôi làm nghề biển … Tôi sinh tháng 4/1967 …; vợ tôi sinh tháng 9/1971": the couple named together, then a wife
  // of the asker's, who tells their own birth: a man; a husband, a woman.)
  // ("Chồng tôi … mất năm 2024 … Bản thân tôi sinh tháng 2/1970 …": the writer's own facts told apart, the husband's words
  // are not hers.)
  if ((s.sex === undefined || has(/\bban than (?:toi|em|minh|tui) (?:\w+ )?(?:sinh|\d{2} tuoi)\b/, f)) && has(/\b(?:toi|em|minh|tui) (?:nam nay |nay )?(?:sinh|\d{2} tuoi)\b/, f)) {
    const apart = f.replace(/\bvo chong (?:toi|em|minh|tui)\b/g, ' ');
    const [wife, husband] = [has(/\b(?:vo (?:toi|em|minh|tui)|ba xa)\b/, apart), has(/\b(?:chong (?:toi|em|minh|tui)|ong xa)\b/, apart)];
    if (wife !== husband) s.sex = wife ? 'male' : 'female';
  }
  else if (role) s.sex = role === 'chong' ? 'male' : 'female';
  else if (bornFirst && !spouse) s.sex = bornFirst === 'vo' ? 'male' : 'female';
  else if (!spouse) {
    // ("Tôi 50 tuổi, đóng … 8 năm. Chồng tôi 52 tuổi … Xin hỏi cả hai chúng tôi có được rút không?": the asker's own age
    // opens the letter, the spouse comes after, and the first ask is not the spouse's: the asker is of the other sex.)
    const later = has(AGE_FIRST, f) ? /\b(chong|vo) (?:toi|em|minh|tui)\b/.exec(f)?.[1] : undefined;
    const q = f.indexOf(' ? ');
    const firstAsk = q < 0 ? '' : f.slice(Math.max(f.lastIndexOf(' . ', q), f.lastIndexOf(' ! ', q), f.lastIndexOf(' ; ', q), 0), q);
    if (later && firstAsk !== '' && !has(/\b(?:chong|vo) (?:toi|em|minh|tui)\b/, firstAsk)) s.sex = later === 'chong' ? 'female' : 'male';
  }
  // "Bố tôi đang hưởng lương hưu, mẹ tôi 62 tuổi … Mẹ tôi có tham gia được không?": one relative's pension, and the
  // ask about another: the pension is not theirs, and the sex is the one asked about.
  const holder = RELATIVE_DRAWS.exec(f)?.[1];
  const asked = holder ? askedRelative(f) : undefined;
  if (holder && asked && RELATIVE_SEX[asked] !== undefined && !sameRelative(asked, holder)) {
    delete s.drawingPension;
    // ("Ba tôi" written with its marks is the father, as above.)
    s.sex = asked === 'ba' && dad ? 'male' : RELATIVE_SEX[asked];
  }
  if (self) s.age = Number(self[2]);
  if (selfBorn) {
    s.birthYear = Number(selfBorn[3]);
    s.age = year - s.birthYear;
    const m = Number(selfBorn[2]);
    if (m >= 1 && m <= 12) s.birthMonth = m;
    else delete s.birthMonth;
  }
  // "hưởng lương hưu được 1 năm thì mất": a pension drawn for a time.
  if (has(/\b(?:huong|nhan|lanh|an) luong huu (?:\w+ ){0,2}(?:duoc |hon |gan |khoang )?\d{1,2} (?:nam|thang)\b/, f)) s.drawingPension = true;
  // "nghỉ chờ hưu", "chưa đủ tuổi nghỉ hưu": waiting for the age, so not drawing a pension yet.
  // (A pension drawn and died with, beside a relative's "không có lương hưu": the member's pension stands.)
  const memberDrew = s.drawingPension === true && has(/\b(?:qua doi|mat|tu vong|chet)\b/, f) && has(/\b(?:me|bo|vo|chong|ba|ong|toi|em|minh|tui) (?:toi |em |minh )?(?:[\w,]+ ){0,12}?(?:khong|chua) co luong huu\b/, f);
  // (The asker's own pension told, "tôi … đang hưởng lương hưu quân đội", beside a relative's "Bà nhà tôi … ko có lương hưu":
  // the relative's lack is not the asker's.)
  const notDrawn = /\b(?:chua|khong|ko|k) (?:\w+ ){0,2}(?:huong|nhan|lanh|co|an) (?:\w+ ){0,1}luong huu\b|\bchua (?:ve|nghi) huu\b/.exec(f);
  const othersLack = notDrawn !== null && (has(ASKER_DRAWS, f) || has(ASKER_OWN_PENSION, f)) && has(/\b(?:ba|vo|me|bo|chong|ong|con|chau|anh|chi)(?: nha)? (?:toi|em|minh|tui)\b(?: [\w,]+){0,12}? $/, f.slice(Math.max(0, notDrawn.index - 100), notDrawn.index));
  if (
    (!memberDrew && !othersLack && notDrawn !== null) ||
    has(/\b(?:nghi|o nha|ngoi) cho (?:\w+ ){0,2}huu\b|\bcho (?:den |du )?tuoi (?:nghi |ve )?huu\b|\bcho (?:huong|nhan|lanh) (?:luong )?huu\b|\bchua (?:du|den) tuoi (?:nghi |ve )?huu\b/, f)
  ) {
    s.drawingPension = false;
  }
  // "đang được nhận trợ cấp xã hội hằng tháng cho người khuyết tật": social assistance (Decree 20/2021), not a pension or
  // a monthly SI allowance, so it does not keep anyone out of voluntary insurance (Law 41/2024 Art 2(4)).
  if (has(SOCIAL_ALLOWANCE, f) && !has(/\b(?:luong huu|tro cap (?:bhxh|mat suc))\b/, f.replace(/\b(?:khong|ko|k|chua) (?:\w+ ){0,2}luong huu\b/g, ' '))) {
    s.socialAllowance = true;
    s.drawingPension = false;
  }

  const leftPoverty = has(LEFT_POVERTY, f);
  if (leftPoverty || has(GROUP_MOVED, f)) s.groupChanged = true;
  // "nhà ko phải hộ nghèo", "không thuộc hộ nghèo": said not to be in the group, not in it.
  const household = f.replace(/\b(?:nhu|bang|giong) (?:ho )?(?:can ngheo|ngheo)\b/g, ' ').replace(/\b(?:khong|ko|k|chua) (?:phai |thuoc |duoc xep (?:vao )?|nam trong |co ten trong )?(?:la )?(?:ho |dien |danh sach )?(?:ho )?(?:can ngheo|ngheo)(?: (?:(?:hay|hoac|va|cung khong|,) )?(?:ho )?(?:can ngheo|ngheo))?\b/g, ' ');
  // The asker saying they are not in the group ("Chị gái tôi thuộc hộ nghèo … Tôi thì không thuộc hộ nghèo"): the group
  // named is someone else's, unless they say which one they are in ("không phải hộ nghèo mà là cận nghèo").
  const selfDenied = has(SELF_NOT_POOR, f) && !has(/\b(?:ma|nhung|chi) (?:la |thuoc )(?:ho )?can ngheo\b/, f);
  // ("Năm ngoái nhà thoát nghèo nhưng vẫn còn là hộ cận nghèo": near-poor now.)
  // ("… thoát nghèo, chuyển sang hộ cận nghèo", "lên hộ cận nghèo": near-poor now too.)
  if (leftPoverty && has(/\b(?:nhung|van|gio|nay|hien) (?:\w+ ){0,3}(?:la |thuoc |o )?ho can ngheo\b|\b(?:chuyen|xuong|len|sang) (?:\w+ ){0,2}ho can ngheo\b/, household)) s.household = 'near_poor';
  else if (leftPoverty || selfDenied) {
    // No longer poor: the subsidy group changes (no household group).
  } else if (has(/\bcan ngheo\b/, household)) s.household = 'near_poor';
  // ("nhà nghèo", "nhà tôi nghèo": as people say the poor household.)
  else if (has(/\bho ngheo\b|\bnha (?:toi |em |minh )?(?:thuoc dien )?ngheo\b/, household)) s.household = 'poor';
  // ("Người Kinh … có được 30% như người dân tộc không": a comparison, not the group.)
  // (A group of one's own named, "người Tày", stands beside a comparison with "người Kinh".)
  // ("Không thuộc hộ nghèo, cận nghèo hay dân tộc thiểu số": not in any of them.)
  const fe = f.replace(/\b(?:khong|ko|chua) (?:phai |thuoc |la )+(?:(?:ho|can ngheo|ngheo|hay|hoac|va|nguoi|,) )*dan toc(?: thieu so)?\b/g, ' ');
  // ("… người Kinh, lấy chồng người Mường": the spouse's group, not the asker's.)
  // ("Vợ tôi 30 tuổi là người Ê Đê": her age before her group.)
  const ownGroup = has(/\bnguoi kinh\b/, fe)
    ? fe
        .replace(/\b(?:lay |co )?(?:chong|vo)(?: (?:toi|em|minh|e))?(?: (?!(?:toi|em|minh|tui)\b)\w+){1,4}? (?:la )?nguoi (?:dan toc(?: thieu so)?|\w+(?: \w+)?)\b/g, ' ')
        .replace(/\b(?:lay |co )?(?:chong|vo)(?: (?:toi|em|minh|e))?(?: la)? (?:nguoi )?(?:dan toc(?: thieu so)?|\w+(?: \w+)?)\b/g, ' ')
    : fe;
  if (ownGroup !== fe && has(ETHNIC_GROUP, fe) && !has(ETHNIC_GROUP, ownGroup)) s.spouseEthnic = true;
  if (has(ETHNIC_GROUP, ownGroup) || (has(/\bdan toc\b/, fe) && !has(/\bnguoi kinh\b|\b(?:nhu|bang|giong) (?:nguoi )?dan toc\b/, fe))) s.ethnicMinority = true;
  // ("Vợ tôi người Kinh, tôi là người Tày, vợ tôi đóng … được hỗ trợ bao nhiêu": the one asked about is Kinh.)
  const askedAbout = s.ethnicMinority ? askedRelative(f) : undefined;
  if (askedAbout && new RegExp(`\\b${askedAbout} (?:toi|em|e|minh|tui) (?:la )?(?:nguoi )?(?:dan toc )?kinh\\b`).test(f)) delete s.ethnicMinority;
  // ("Tôi 45 tuổi, chủ tiệm tạp hóa, vợ tôi 40 tuổi, người dân tộc Tày": the wife's group, not the asker's, unless the
  // asker tells their own or the ask is about her.)
  // (Only beside the asker's own facts told first: "Vợ tôi 40 tuổi, người Tày, … thì nộp bao nhiêu" is about her.)
  const relEthnic = s.ethnicMinority ? RELATIVE_ETHNIC.exec(fe) : null;
  const theirs = relEthnic && has(/\b(?:toi|em|minh|tui) (?:nam |nu |nay )?(?:\d{2} tuoi|sinh)\b/, fe.slice(0, relEthnic.index)) ? relEthnic[1] : undefined;
  if (theirs && theirs !== askedAbout && !has(OWN_ETHNIC, fe)) delete s.ethnicMinority;

  // (HIV counts once it has become AIDS: the list names AIDS.)
  // (A severe disability told beside the social pension asked, "đang nhận trợ cấp người khuyết tật đặc biệt nặng, làm thêm
  // trợ cấp hưu trí xã hội": the allowance the person draws, not a lump sum's ground.)
  // ("Bệnh của bố có được tính là bệnh hiểm nghèo không": the list asked about, not an illness told; nor "tiểu đường không
  // thuộc danh mục bệnh hiểm nghèo".)
  const illness = /\b(?:ung thu|bai liet|xo gan|lao nang|lao phoi nang|lao (?:\w+ )?giai doan nang|aids|(?<!\b(?:tinh|coi|xem|xep) (?:la |vao )?)(?<!\bdanh muc )benh (?:hiem ngheo|nan y)(?! (?:khong|ko|k|chua)\b)|suy giam (?:\w+ ){0,4}(?:8[1-9]|9\d)|(?:mat|giam) suc (?:lao dong )?(?:\w+ ){0,3}(?:8[1-9]|9\d)|khuyet tat (?:o )?(?:muc )?(?:do )?dac biet nang)\b/.exec(f)?.[0];
  // ("giấy xác nhận khuyết tật mức đặc biệt nặng" too; "giám định mất sức lao động 85%" is the ≥81 % impairment.)
  if (illness && !(illness.startsWith('khuyet tat') && has(/\btro cap huu tri xa hoi\b/, f))) {
    s.seriousIllness = true;
  }
  // (Not settlement asked about by someone working abroad for a term: "sang Nhật làm việc theo hợp đồng 3 năm … có phải
  // diện ra nước ngoài định cư không".)
  const settlementAsked = has(/\b(?:co phai|phai|co tinh|co duoc tinh|co duoc coi|co thuoc|thuoc) (?:la )?(?:dien |truong hop )?(?:\w+ ){0,3}dinh cu (?:khong|ko|k|chua|hay)\b/, f);
  const termAbroad = has(TERM_ABROAD, f);
  // ("Đi XKLĐ Nhật về": back home, no longer working abroad.)
  if (termAbroad && !has(BACK_HOME, f)) s.workingAbroad = true;
  // ("Nam Định cũ", "Bình Định cũ" unaccented are provinces, not "định cư".)
  // ("ko đi định cư nước ngoài": none.)
  if (has(/\b(?:(?<!\b(?:nam|binh) |\b(?:khong|ko|k|chua|chang) (?:\w+ ){0,2})dinh cu|dinh cuu|xuat canh (?:\w+ ){0,4}(?:bao lanh|vo chong|ket hon)|visa (?:f1|k1|cr1|ir1|dinh cu)|sang (?:\w+ ){0,2}(?:song|o) (?:han|luon|vinh vien))\b/, f) && !(settlementAsked && termAbroad)) {
    s.settlingAbroad = true;
  }

  // A relative at home ("vợ tôi ở nhà nội trợ") is who the question is about, whatever the asker's own job.
  const relativeAtHome = has(/\b(?:vo|chong|me|bo|con|em|chi|anh) toi (?:\w+ ){0,3}(?:o nha|noi tro|lam ruong|lam nong|tu do|buon ban)\b/, f);
  // A contract with its term ("giáo viên hợp đồng 1 năm", "ký hđ 2 tháng", "hđlđ 3 tháng"): a contract of a month
  // or more makes the job compulsory, even where the employer does not pay ("trường ko đóng bảo hiểm cho em"); one
  // suspended or ended ("tạm hoãn hợp đồng 6 tháng") does not.
  const contractTerm = has(/(?<!\b(?:khong|ko|k|chua|tam hoan|hoan|cham dut|het|het han|thanh ly|xong) (?:\w+ )?)\b(?:hop dong(?: lao dong)?|hdld|hd) (?:\d{1,2}|mot|hai|ba|sau) (?:nam|thang)\b/, f);
  // A contract under a month ("mỗi đợt ký hợp đồng 20 ngày", "hợp đồng thời vụ dưới 1 tháng"): not compulsory insurance.
  const shortContract = has(/\bhop dong (?:\w+ ){0,2}(?:\d{1,2} ngay|duoi (?:1|mot) thang|vai ngay|theo ngay)\b/, f);
  if (shortContract) {
    s.employment = 'no_contract';
  } else if (contractTerm && !relativeAtHome) {
    s.employment = 'contract';
  } else if (relativeAtHome || has(/\b(?:khong|ko|k|chua) (?:\w+ ){0,3}(?:ky |co |lam )?(?:hop dong|hd)\b|\bkhong (?:duoc )?(?:cong ty )?dong (?:bhxh|bao hiem)\b|\blao dong tu do\b|\blam (?:tu do|thue|ruong|nong)\b/, f)) {
    s.employment = 'no_contract';
  // ("E định nghỉ việc cuối tháng 3/2027": a plan, still at work.)
  } else if (has(/(?<!\b(?:dinh|sap|se|muon|du dinh|tinh|chuan bi) )\b(?:da |vua |moi )?nghi viec\b|\b\d{1,2} nam roi nghi\b(?! (?:huu|phep|om|sinh|de|thai san|khong luong))|\b(?:hoi truoc|truoc day|truoc kia|ngay truoc|truoc (?:co|tung|da|toi|em|minh|tui)) (?:\w+ ){0,3}(?:lam|o) (?:\w+ ){0,2}(?:cong ty|doanh nghiep|xi nghiep)\b|\bcong ty (?:\w+ ){0,2}(?:giai the|pha san|dong cua|ngung hoat dong)\b|\b(?:da |vua |moi |xin )?nghi lam\b(?! (?:viec )?(?:them|ngoai gio))|\bthoi viec\b|\bmat viec\b|\b(?:dang|da|trong thoi gian|trong khi) (?:\w+ ){0,2}(?:huong|nhan|lanh) (?:tro cap that nghiep|bao hiem that nghiep|bh that nghiep|bhtn)\b|\bkhong con lam (?:\w+ ){0,2}(?:cong ty|doanh nghiep|o cong ty|viec)\b/, f) || has(BACK_HOME, f)) {
    // ("Đi XKLĐ Nhật về": the job abroad is over.)
    s.employment = 'left_job';
  } else if (!has(FUTURE_JOB, f) && has(/\b(?:co|ky|dang lam (?:\w+ ){0,3}co) (?:hop dong|hd)\b|\b(?:cong ty|doanh nghiep|co quan) (?:\w+ ){0,2}(?:dang )?dong (?:bhxh|bao hiem)\b|\bdang dong (?:\w+ ){0,2}bat buoc\b|\bdang dong (?:bhxh|bao hiem)(?: xa hoi)? (?:o|tai|ben|qua) (?:cong ty|cty|co quan|doanh nghiep)\b|\b(?:cong ty|cty|co quan|xi nghiep) co (?:dong )?(?:bhxh|bao hiem)\b|\b(?:dang )?lam (?:o )?(?:cong ty|cty) (?:\w+ ){0,2}(?:co )?dong (?:bh|bhxh|bao hiem)\b|\b(?:co|duoc) (?:cong ty )?dong (?:bhxh |bao hiem )?(?:xa hoi )?bat buoc\b(?! (?:\w+ ){0,2}\d+ (?:nam|thang))|(?<!\b(?:khong|chua|da|tung) )\b(?:co|dang co|dang tham gia|duoc tham gia) (?:bhxh|bao hiem)(?: xa hoi)? bat buoc\b(?! (?:\w+ ){0,2}\d+ (?:nam|thang))/, f)) {
    // (A job whose insured years ended before this year, "lam cong ty co dong bhxh bat buoc tu 7/2005 den 6/2012": left.)
    const ended = JOB_PERIOD_ENDED.exec(f);
    s.employment = ended && Number(ended[1]) < year ? 'left_job' : 'contract';
  }

  // ("Chồng tôi quốc tịch Hàn Quốc": a nationality told by its country.)
  if (has(/\b(?:nguoi nuoc ngoai|quoc tich nuoc ngoai|khong co quoc tich viet nam|chua co quoc tich|nguoi (?:lao(?! dong)|trung quoc|han quoc|campuchia|nhat ban|dai loan|thai lan|my|phap|duc|nga|uc)|(?:mang |co |giu )?quoc tich (?:han quoc|han|trung quoc|nhat ban|nhat|dai loan|lao|campuchia|thai lan|my|hoa ky|phap|duc|nga|uc|anh|canada|philippines|indonesia|an do))\b/, f) && !has(/\bquoc tich viet nam\b/, f.replace(/\b(?:khong|chua) (?:co |nhap )?quoc tich viet nam\b/g, ' '))) s.foreigner = true;
  // A relative named in the question itself (a paper's "Ông … hỏi:" framing names the asker, not a relative),
  // and no thing said to be lost ("thẻ BHYT của tôi bị mất", "tháng đó có bị mất không").
  const relative = has(/\b(?:bo|me|chong|vo|con|anh|chi|em|ong|ba|nguoi nha|than nhan(?! tao))\b/, f.replace(/^ (?:ong|ba|anh|chi|co|chu|bac)(?: [a-z]+){0,4}(?: \( [^)]* \))? hoi\b/, ' '));
  // ("sợ chuyển tỉnh thì 5 năm ở Bình Định bị mất": years lost, not a death.)
  // ("Sổ … bị lụt cuốn mất rồi", "làm mất sổ", "sổ mất thì tra lại ở đâu": a thing lost.)
  const thingLost = has(/\b(?:cuon|lam|danh|troi|chay|lu cuon|lut cuon) mat\b|\bso (?:bhxh |bao hiem |bao hiem xa hoi )?(?:bi )?mat (?:thi|roi|het|dau)\b|\b(?:so|the|giay to|bhyt|ho so|cccd|thang do|tien) (?:\w+ ){0,3}bi mat\b|\bbi mat (?:khong|ko|k|het|trang|quyen)\b|\b(?:nam|thang|thoi gian|quyen loi)\b(?: \w+){0,4} bi mat\b|\b(?:tien|thoi gian|nhung nam|so nam|may nam)\b(?: \w+){0,4} (?:co )?(?:bi )?mat (?:khong|ko|k|het|luon|di)\b/, f);
  // (A death told in so many words stands beside money asked whether lost: "bố mất vì tai nạn … số tiền đóng trước có
  // mất không".)
  const toldDeath = has(/\b(?:qua doi|tu vong|tu tran)\b|\b(?:bo|me|cha|chong|vo|con|ong|ba) (?:toi |em |minh )?(?:da |vua |moi )?mat (?:vi|do|vao|ngay|hom|luc|roi)\b/, f);
  // ("Thai chết lưu", a stillbirth, is no member's death: the maternity allowance's case.)
  if (has(/\b(?:qua doi|mat|tu vong|chet|tu tran)\b/, f.replace(/\b(?:thai |be |con )?(?:chet luu|luu thai)\b/g, ' ')) && relative && (!thingLost || toldDeath)) {
    // ("Bị mất sổ", "mất giấy tờ" is losing a thing, not a death.)
    if (has(/\b(?:da|vua|bi|thi|roi|neu|va) (?:\w+ ){0,2}(?:qua doi|mat(?! (?:so(?! (?:tien|nam|thang|con|lan)\b)|the|giay|tien|quyen|viec|ho so|cccd|can cuoc|mat khau|ma so|het|thoi gian|dien thoai|gi|nhung gi|bao nhieu|nhieu|it|khong|ko|k|chua|luon|trang|quyen loi|may|cac|mot so|\d+ (?:nam|thang)|qua trinh|khoan|phan|nam|thang)\b)|tu vong|chet|tu tran)\b|\b(?:qua doi|tu vong|chet|tu tran)\b|\bmat (?:vao|vi|do|ngay|hom|roi|thang \d+|nam \d+|luc|khi|cach day|thang truoc|tuan truoc|nam ngoai|nam truoc|dau thang|cuoi thang|dau nam|hoi (?:dau |cuoi |giua )?(?:thang|nam|tuan))\b|\b(?:bo|me|cha|chong|vo|con|ong|ba|anh|chi|em|anh ay|chi ay|ong ay|ba ay) (?:toi |em |minh |tui )?(?:da |vua |moi )?mat (?=[.,;!?]|$)|\b(?:19|20)\d\d (?:thi )?(?:anh|chi|em|ong|ba|bo|me|chong|vo) (?:ay )?(?:da )?(?:mat|qua doi)\b/, f)) s.memberDied = true;
    // ("Tháng 9/2026 anh bị tai nạn giao thông mất": a death told after its cause.)
    if (has(/\b(?:tai nan|benh|dot quy|tai bien|ung thu|nhoi mau)(?: \w+){0,3} (?:ma |roi |nen |va )?(?:mat|qua doi)\b(?! (?:so|the|giay|tien|viec|quyen|kha nang|suc)\b)/, f) && !has(/\b(?:neu|lo|gia su)\b(?: \w+){0,6} (?:tai nan|benh)/, f)) s.memberDied = true;
    // "Nếu giữa chừng tôi chết thì vợ con nhận gì": the asker's own death supposed, no one has died.
    // ("Nếu tôi không rút mà chẳng may qua đời thì vợ con tôi …": the same, the words between longer; "nếu anh ấy chẳng may
    // qua đời" after a relative's illness is their death supposed.)
    if (has(/\b(?:neu|lo|gia su|nhu|lo nhu)\b(?: \w+){0,3}? (?:toi|em|minh|tui|(?:anh|chi|ong|ba) ay) (?:\w+ )?(?:chet|mat|qua doi)\b|\b(?:neu|gia su)\b(?: \w+){0,3}? (?:toi|em|minh|tui|(?:anh|chi|ong|ba) ay) (?:\w+ ){0,5}?(?:chang may|rui|lo) (?:\w+ )?(?:chet|mat|qua doi)\b/, f) && !has(/\b(?:bo|me|cha|chong|vo|con|ong|ba|anh|chi) (?:toi |em |minh |tui )?(?:da |vua |moi )?(?:mat|qua doi|chet)\b/, f)) delete s.memberDied;
  }
  // A relative's death told as the family's story beside a pensioner who is alive ("Mẹ tôi 68 tuổi, bố tôi mất rồi … Mẹ
  // đang hưởng lương hưu …"), nothing asked of survivors' allowances: no member's death to answer for.
  const pensionerAlive = /\b(bo|me|cha|chong|vo|ong|ba) (?:toi |em |minh |tui )?(?:\w+ ){0,3}?dang (?:huong|lanh|linh|nhan) luong huu\b/.exec(f);
  // (Not the pensioner's own death told after the pension: "Mẹ em đang hưởng lương hưu … 3,2 triệu thì mất tuần trước".)
  // ("Chồng tôi … mất năm 2024, tôi đã nhận tiền tuất một lần. Bản thân tôi …": a death settled, the letter is the writer's own.)
  if (s.memberDied && has(/\b(?:da|vua) (?:\w+ )?(?:nhan|lanh|huong) (?:\w+ ){0,2}(?:tuat|tro cap tuat|tien tuat)\b/, f) && has(/\bban than (?:toi|em|minh)\b|\b(?:con|rieng) (?:toi|em|minh) (?:thi )?(?:sinh|\d{2} tuoi|dong)\b/, f)) delete s.memberDied;
  // ("… nếu có lương hưu rồi mà mẹ mất thì gia đình có được gì không?": a relative's death supposed, the only death told.)
  const supposed = /\b(?:neu|lo|gia su|phong khi)\b(?: [\w,]+){0,8}? (?:ma |thi |roi )?(?:bo|me|cha|chong|vo|ong|ba|anh|chi)(?: (?:toi|em|minh|tui))? (?:chang may |lo |rui )?(?:mat|qua doi|chet)\b/g;
  if (s.memberDied && has(supposed, f) && !has(/\b(?:qua doi|tu vong|chet|tu tran)\b|\b(?:da|vua|moi|bi) (?:\w+ ){0,2}mat\b|\bmat (?:vao|ngay|thang \d|nam \d|hom|roi|luc)\b/, f.replace(supposed, ' '))) delete s.memberDied;
  if (s.memberDied && pensionerAlive && !has(/\bluong huu\b(?: [\w,]+){0,12}? (?:thi|roi|va|nhung|ma|moi|vua) (?:\w+ )?(?:mat|qua doi|tu vong)\b/, f) && !new RegExp(`\\b${pensionerAlive[1]} (?:toi |em |minh |tui )?(?:da |vua |moi )?(?:mat|qua doi)\\b`).test(f) && !has(/\b(?:tuat|tu tuat|mai tang|than nhan(?! tao))\b/, f)) delete s.memberDied;
  // ("đóng BHXH trong 6 tháng", "đóng được 6 tháng": months paid, not paid ahead; "muốn nâng lên mức 3 triệu và đóng 6
  // tháng 1 lần": a mode wished for.)
  // ("Trong tháng 12 này đóng trước 5 năm mức thấp nhất cho cả 2 thì có được ko": paying ahead asked, not done.)
  const aheadAsked = has(/\bdong truoc\b(?: \w+){0,12}? (?:thi )?(?:co )?(?:duoc|dc) (?:khong|ko|k|hong)\b/, f) && !has(/\bda dong truoc\b/, f);
  if (
    // ("hợp đồng 6 tháng", "hợp đồng lao động 6 tháng" are contracts, not payments.)
    (!aheadAsked && has(/(?<!\b(?:muon|dinh|du dinh|se|co the|neu|duoc) (?:\w+ ){0,3})\bdong truoc\b/, f)) ||
    has(/(?<!\b(?:muon|dinh|du dinh|se|co the|neu|duoc) (?:\w+ ){0,3})\bdong (?!bu\b)(?:\w+ ){0,3}(?:mot lan|1 lan) (?:truoc )?(?:cho )?(?:\d+|nhieu|vai) (?:nam|thang)\b|(?<!\bhop |\blao |\b(?:muon|dinh|du dinh|se|neu) (?:\w+ ){0,6})\bdong (?!(?:du|duoc|chua du|khong du)\b)(?:(?!(?:trong|duoc|khoang|hon|gan|tong cong)\b)\w+ ){0,2}(?:12|6) thang\b(?! (?:cua|thi nghi|roi nghi)\b)/, f) ||
    has(/\bda dong (?:du |het )?(?:tien )?(?:3|6|12) thang\b/, f) ||
    // "đóng tự nguyện theo năm rồi": the year paid at its start.
    has(/\b(?:da )?dong (?:\w+ ){0,2}theo nam roi\b/, f)
  ) {
    s.prepaid = true;
  }
  // ("Tháng 3/2026 em đã đóng BHXH tự nguyện 12 tháng một lần", "Tháng 8/2025 em bắt đầu đóng tự nguyện", "Từ tháng 7/2026 cả hai cùng
  // đóng …": paying since that month.)
  // ("… định bắt đầu đóng BHXH tự nguyện từ tháng 1/2027": a start planned, months to come.)
  const paidIn = /\bthang (\d{1,2}) (?:nam )?(20\d\d) (?:toi |em |minh |tui )?(?:da |vua |(?:da )?bat dau )(?:dong|nop)\b|(?<!\b(?:se|dinh|du dinh|muon|neu|khi|sap) (?:\w+ ){0,3})\btu (?:thang )?(\d{1,2}) (?:nam )?(20\d\d) (?:\w+ ){0,3}?(?:cung |deu |da )?(?:dong|nop|tham gia)\b/.exec(f);
  const paidMonth = paidIn ? Number(paidIn[1] ?? paidIn[3]) : 0;
  const paidYear = paidIn ? Number(paidIn[2] ?? paidIn[4]) : 0;
  if (paidIn && paidMonth >= 1 && paidMonth <= 12 && paidYear * 12 + paidMonth <= year * 12 + (month ?? 12)) s.paidFromMonth = paidYear * 12 + paidMonth - 1;
  // ("Nếu tháng 4/2027 vợ mới bắt đầu đóng …" too.)
  const planned =
    /\b(?:se|dinh|du dinh|muon|sap) (?:bat dau )?(?:dong|tham gia|dang ky)\b(?: \w+){0,5}? tu thang (\d{1,2}) (?:nam )?(20\d\d)\b/.exec(f) ??
    /\bneu (?:tu )?thang (\d{1,2}) (?:nam )?(20\d\d) (?:\w+ ){0,3}?(?:moi )?(?:bat dau )(?:dong|tham gia|dang ky)\b/.exec(f);
  if (planned && Number(planned[1]) >= 1 && Number(planned[1]) <= 12 && Number(planned[2]) * 12 + Number(planned[1]) > year * 12 + (month ?? 12)) s.plannedFromMonth = Number(planned[2]) * 12 + Number(planned[1]) - 1;
  // ("đóng … từ 1/2011 đến 12/2026, được 16 năm", "định đóng đến hết tháng 11/2027 là tròn 16 năm": the years told run to this
  // month or one to come; paying on is reckoned from the month after.)
  const now = year * 12 + (month ?? 12) - 1;
  // (Only with the count told of that span: "tới tháng 2/2027" of months paid ahead leaves the years counted to now.)
  for (const m of f.matchAll(/\b(?:den|toi) (?:het )?(?:thang )?(\d{1,2}) (?:nam )?(20\d\d)(?: ,)? (?:(?:thi |la |duoc |da duoc |vua )+)?(?:tron |du |dung )?\d{1,2} nam\b/g)) {
    const at = Number(m[2]) * 12 + Number(m[1]) - 1;
    if (Number(m[1]) >= 1 && Number(m[1]) <= 12 && at >= now && at < now + 120 && (s.paidThrough === undefined || at > s.paidThrough)) s.paidThrough = at;
  }
  // ("định đóng tiếp đến hết tháng 6/2029 thì nghỉ": the last month paid, planned.)
  // ("Nếu tôi đóng đều đến hết tháng 12/2040 thì được bao nhiêu năm": the same, supposed.)
  const stop =
    /\b(?:dinh|se|du dinh|muon|tinh) (?:dong |nop )?(?:tiep |them )?(?:den|toi) (?:het )?(?:thang )?(\d{1,2}) (?:nam )?(20\d\d) (?:thi |roi )?(?:nghi|dung|ngung|thoi)\b/.exec(f) ??
    /\b(?:neu|gia su) (?:\w+ ){0,2}(?:dong|nop)(?: deu| tiep| them)? (?:den|toi) (?:het )?(?:thang )?(\d{1,2}) (?:nam )?(20\d\d) thi\b/.exec(f);
  if (has(/\b(?:dong|tham gia|nop)\b(?: \w+){0,6}? (?:den|toi) (?:nay|gio|bay gio|hien nay|hien tai)\b/, f) && !has(/\b(?:khong|chua|dung|nghi|ngung|bo) (?:dong|nop)\b/, f)) s.paidToNow = true;
  if (stop && Number(stop[1]) >= 1 && Number(stop[1]) <= 12 && Number(stop[2]) * 12 + Number(stop[1]) - 1 > now) s.stopAt = Number(stop[2]) * 12 + Number(stop[1]) - 1;
  // ("… và định dừng từ 1/2027", "sẽ nghỉ đóng từ tháng 3/2027": no paying on after it.)
  if (has(/\b(?:dinh|se|du dinh|muon|sap) (?:dung|ngung|nghi|thoi) (?:dong |nop )?(?:tu |sau )/, f)) s.stopPlanned = true;
  if (has(/\bho kinh doanh\b|\bchu ho kinh doanh\b|\bkinh doanh ca the\b|\bgiay phep kinh doanh\b/, f)) s.householdBusiness = true;
  // ("đã nhận tiền lương hưu 1 lần bên Nhật": another country's scheme refunded, nothing of the Vietnamese record.)
  // ("Nghỉ việc từ năm 2010, chưa rút BHXH một lần": no withdrawal.)
  // ("… em không nhớ đã lãnh một lần chưa": not known, so not taken as done.)
  const fw = f
    .replace(/\b(?:chua|khong|ko|chang|chua he|chua tung) (?:\w+ ){0,1}(?:rut|nhan|lanh|huong) (?:\w+ ){0,4}(?:mot lan|1 lan)\b/g, ' ')
    .replace(WITHDRAWAL_UNSURE, ' ')
    // ("tôi đã nhận tiền tuất một lần": the survivors' allowance received, no withdrawal.)
    .replace(/\b(?:rut|nhan|lanh|huong) (?:\w+ ){0,2}(?:tuat|tro cap tuat|tien tuat|tu tuat|mai tang) (?:mot lan|1 lan)\b/g, ' ');
  if (has(WITHDRAWAL_UNSURE, f)) s.withdrawalUnsure = true;
  const parents = [...f.matchAll(PARENT_BORN)];
  if (parents.length === 2 && parents[0]![1] !== parents[1]![1]) s.parentsBorn = parents.map((m) => [m[1]!, Number(m[2])]);
  // ("Chồng tôi …, trước làm ở công ty 22 năm nhưng năm 2016 đã rút BHXH một lần": the husband's withdrawal, not the asker's.)
  const withdrawalAt = fw.search(/\b(?:rut|nhan|lanh) (?:\w+ ){0,4}(?:mot lan|1 lan)\b/);
  if (
    !has(FOREIGN_REFUND, f) &&
    !(withdrawalAt >= 0 && inRelativeSentence(fw, withdrawalAt)) &&
    ((has(/(?<!\bluat )\b(?:da|vua|moi) (?:\w+ ){0,2}(?:rut|nhan|lanh|huong) (?:\w+ ){0,4}(?:mot lan|1 lan)\b(?! (?:duoc|khong|ko|k)\b)/, fw) && !has(/\b(?:co|duoc) (?:\w+ ){0,2}rut\b/, f)) ||
    // "mình rút 1 lần năm 2021", "rút bhxh 1 lần rồi": a withdrawal dated or done.
    has(/\b(?:rut|nhan|lanh) (?:bhxh |bao hiem (?:xa hoi )?)?(?:mot lan|1 lan) (?:(?:vao |tu |hoi )?nam (?:19|20)\d\d|roi)\b/, fw) ||
    // "Năm 2017, tôi nghỉ nhận BHXH và BHTN một lần": a withdrawal dated before.
    has(/\bnam (?:19|20)\d\d\b(?: [\w,]+){0,4}? (?:rut|nhan|lanh) (?:\w+ ){0,4}(?:mot lan|1 lan)\b(?! (?:duoc|khong|ko|k)\b)/, fw) ||
    // "… nên rút bhxh 1 lần luôn được hơn 60 triệu", "trả lại số tiền đã rút": the sum received tells it was done.
    has(/\brut (?:bhxh |bao hiem (?:xa hoi )?)?(?:mot lan|1 lan) (?:luon |het )?(?:duoc|lay|nhan) (?:hon |khoang |gan |tam )?\d|\bso tien da (?:rut|nhan|lanh)\b/, fw))
  ) {
    s.withdrewBefore = true;
    delete s.compulsoryYears;
    // The years told with the withdrawal were paid out: they no longer count ("rút 1 lần năm 2021 (đóng cty 6
    // năm), giờ 50t"), unless the years are those paid since joining again ("đóng tự nguyện lại, tới nay được 7 năm").
    // ("Năm 2019 tôi đã rút … 12 năm … Từ tháng 1/2020 tôi đóng tự nguyện đến nay được gần 7 năm": the years since.)
    const since = SINCE_WITHDRAWAL.exec(f.slice(f.search(/\b(?:rut|nhan|lanh) (?:\w+ ){0,3}(?:mot lan|1 lan)\b/)));
    if (since?.[1]) {
      s.yearsPaid = Number(since[1].replace(',', '.'));
      delete s.yearsKind;
    } else if (s.yearsPaid !== undefined && !has(/\b(?:dong|tham gia) lai\b(?: \w+){0,4} \d{1,2}(?:[.,]5)? (?:nam|thang)\b(?! (?:do|cu|truoc|kia|ay)\b)|\b(?:dong|tham gia)(?: (?:bhxh|tu nguyen|bao hiem))* lai\b(?: [\w,]+){0,5} (?:duoc|roi) (?:gan |hon |khoang )?\d{1,2}(?:[.,]5)? (?:nam|thang)\b|\b(?:tu khi|sau khi|sau do) (?:\w+ ){0,3}(?:dong|tham gia) lai\b/, f)) {
      delete s.yearsPaid;
      delete s.yearsKind;
    }
    // ("… đã nhận BHXH một lần cho 7 năm đó. Từ tháng 6/2018 tôi đóng tự nguyện, vẫn đóng hằng tháng đến nay": the months
    // since that start, up to this month.)
    const after = f.slice(Math.max(0, f.search(/\b(?:rut|nhan|lanh) (?:\w+ ){0,5}(?:mot lan|1 lan)\b/)));
    const again = s.yearsPaid === undefined && month !== undefined && has(PAYING_ON, after) ? RESTARTED.exec(after) : null;
    const startM = again ? Number(again[1] ?? again[3]) : NaN;
    const startY = again ? Number(again[2] ?? again[4]) : NaN;
    const monthsSince = (year - startY) * 12 + (month ?? 12) - startM + 1;
    if (startM >= 1 && startM <= 12 && monthsSince >= 1 && monthsSince <= 540) s.yearsPaid = Math.round((monthsSince / 12) * 100) / 100;
    // The periods told after the year of the withdrawal ("đóng bắt buộc từ 1/1998 đến 6/2012, năm 2013 tôi đã rút BHXH một
    // lần. … đóng tự nguyện từ 1/2016 đến 12/2020, … tới 1/2024 mới đóng tự nguyện lại … tới nay"): those are the years paid.
    const withdrawnIn = WITHDRAWN_IN.exec(f);
    const withdrawnYear = withdrawnIn ? Number(withdrawnIn[1] ?? withdrawnIn[2]) : undefined;
    const paidSince = withdrawnYear !== undefined ? (paidSpans(f, year, month) ?? []).filter(([a]) => a >= withdrawnYear * 12) : [];
    const sinceMonths = paidSince.reduce((t, [a, b]) => t + b - a, 0);
    if (sinceMonths >= 1 && sinceMonths <= 540) s.yearsPaid = Math.round((sinceMonths / 12) * 100) / 100;
    // ("… năm 2008 … đã rút BHXH 1 lần. Từ 1/2016 tôi bắt đầu đóng tự nguyện, đến hết tháng 12/2026 là 11 năm": the voluntary
    // count told after the withdrawal.)
    const countAfter = s.yearsPaid === undefined ? /\b(?:dong|tham gia) (?:bhxh |bao hiem )?tu nguyen\b(?: [\w,]+){0,10}? (?:la|duoc) (?:tron |dung )?(\d{1,2}) nam\b(?! (?:cu|do|truoc|kia|ay|nua|toi|sau)\b)/.exec(after) : null;
    const nAfter = Number(countAfter?.[1]);
    if (nAfter > 0 && nAfter <= 45) s.yearsPaid = nAfter;
    // ("bhxh ghi 7 nam (truoc co 5 nam cty cu da rut 1 lan)": what the book shows now, the withdrawn years apart.)
    const book = s.yearsPaid === undefined ? /\b(?:so bhxh|so|bhxh|vssid|tren so|tren app) (?:\w+ )?(?:ghi|con|hien ghi|hien con|hien co) (?:duoc |la )?(\d{1,2}) nam\b/.exec(f) : null;
    if (book && Number(book[1]) > 0 && Number(book[1]) <= 45) s.yearsPaid = Number(book[1]);
    // Nothing paid since: they start again from zero.
    if (s.yearsPaid === undefined) s.neverPaid = true;
  }
  // ("… Từ tháng 1/2015 đến nay tôi đóng tự nguyện được 12 năm. Chồng tôi là bộ đội xuất ngũ đang hưởng lương hưu": the
  // husband's pension, not the asker's, who tells years of her own.)
  if (s.drawingPension === true && s.yearsPaid !== undefined && has(RELATIVE_DRAWS, f) && !has(ASKER_DRAWS, f)) delete s.drawingPension;
  // ("Nếu đóng đến tuổi nghỉ hưu mà vẫn thiếu năm" supposes the age, it does not tell it.)
  if (has(/\b(?:da|vua) (?:den|du|qua|het) tuoi (?:nghi huu|ve huu|lao dong|huu|(?:huong |nhan )?luong huu)\b|(?<!\b(?:dong|nop|neu|khi|luc|cho|toi|lam|tham gia) )\b(?:den|du|qua|het) tuoi (?:nghi huu|ve huu|lao dong)(?: \w+){0,2} (?:roi|ma|nhung)\b/, f)) s.reachedAge = true;
  // "Muốn đóng BHXH tự nguyện để sau này có lương hưu", with nothing paid before: starting now.
  // "Giờ đóng có kịp không", "đóng tự nguyện thì mấy tuổi được lương hưu": starting from now, when nothing is said paid.
  const startsNow = (): boolean =>
    (has(/\b(?:muon|dinh|du dinh) (?:bat dau )?(?:dong|tham gia|mua) (?:bhxh )?tu nguyen de (?:sau nay )?(?:co|duoc|huong|nhan) (?:\w+ ){0,1}luong huu\b/, f) ||
      has(/\b(?:gio|bay gio|tu gio|tu nay|bat dau) (?:moi )?(?:dong|tham gia)\b|\b(?:dong|tham gia) (?:\w+ ){0,3}tu (?:bay gio|gio|nay)\b|\b(?:dong|tham gia) (?:bhxh )?tu nguyen thi (?:\w+ ){0,3}(?:may tuoi|bao gio|khi nao|bao nhieu tuoi)\b/, f)) &&
    !has(/\b(?:da|tung) (?:\w+ ){0,2}(?:dong|tham gia)\b|\bbat buoc\b|\bnghi viec\b/, f) &&
    // ("Bắt đầu đóng tự nguyện từ tháng 1/2008": a start long past.)
    !has(/\b(?:bat dau|tu) (?:\w+ ){0,4}(?:nam )?(?:19\d\d|20[01]\d|202[0-4])\b/, f);
  // ("chưa từng đóng bắt buộc" beside voluntary years tells no start from zero.)
  const fNoCompulsory = f.replace(NO_COMPULSORY, ' ');
  if (s.yearsPaid === undefined && (startsNow() || has(/\bchua (?:tung |bao gio |he )?(?:dong|tham gia) (?:[\w()]+ ){0,4}(?:ngay nao|bao gio|lan nao|nam nao|thang nao|dong nao|xu nao)\b|\bchua (?:tung |bao gio )(?:dong|tham gia)\b|\bchua (?:tung |bao gio |he )?(?:dong|tham gia) (?:\w+ ){0,3}gi\b(?! khac\b)|\bmoi bat dau (?:tham gia|dong)\b/, fNoCompulsory))) {
    s.neverPaid = true;
  }
  // "Mới bắt đầu đóng từ tháng 3/2025", "đóng tự nguyện mức 4 triệu từ 3/2019": paying since then, up to this month,
  // when no years, no end and no stop are told.
  // ("từ tháng 8/2025, đến tháng 1/2026 thì nghỉ việc": an end told, the period reads below.)
  // (Nor when a period with its end is told: "bắt buộc từ 2/2009 đến 1/2017, nghỉ ở nhà mấy năm, tháng 4/2023 đóng tự nguyện
  // lại … tới giờ" is two periods, read below; nor a period registered and never paid, "tới giờ vẫn chưa nộp được đồng nào".)
  if (s.yearsPaid === undefined && s.startYear !== undefined && s.startMonth !== undefined && month !== undefined && has(PAYING_SINCE, f) && !has(STOPPED, fNoCompulsory) && !has(/\b(?:den|toi) (?:het )?thang \d{1,2} (?:nam )?(?:19|20)\d\d\b/, f) && ![...f.matchAll(PERIOD)].some((p) => p[8] !== undefined) && !has(/\bchua (?:\w+ )?(?:nop|dong) (?:duoc )?(?:dong nao|xu nao|gi|tien|ky nao)\b(?! khac\b)/, f)) {
    const since = year * 12 + month - (s.startYear * 12 + s.startMonth) + 1;
    if (since >= 1 && since <= 540) {
      s.yearsPaid = Math.round((since / 12) * 100) / 100;
      delete s.neverPaid;
      // ("Nữ sinh 6/1973, đóng tự nguyện liên tục từ 1/2010": voluntary years, the kind the transitional rule counts.)
      if (s.yearsKind === undefined && has(/\btu nguyen\b/, f) && !has(JOB_OR_COMPULSORY, f.replace(NO_COMPULSORY, ' '))) s.yearsKind = 'voluntary';
    }
  }
  // A closed compulsory period, then voluntary years paid since a month up to now ("bắt buộc 9 năm ở lâm trường (1/1996 đến
  // 12/2004) … Từ tháng 1/2019 đến nay bố tôi đóng tự nguyện liên tục"): both periods, added.
  const open = OPEN_SINCE.exec(f);
  if (open && month !== undefined && s.compulsoryYears !== undefined && s.yearsPaid !== undefined && Math.abs(s.yearsPaid - s.compulsoryYears) < 0.05) {
    const from = Number(open[2] ?? open[4]) * 12 + Number(open[1] ?? open[3]);
    const closedTo = Math.max(0, ...[...f.slice(0, open.index).matchAll(/\bden (?:het )?(?:(?:thang )?(\d{1,2}) )?(?:nam )?((?:19|20)\d\d)\b/g)].map((m) => Number(m[2]) * 12 + Number(m[1] ?? 12)));
    const months = year * 12 + month - from + 1;
    if (closedTo > 0 && closedTo < from && months >= 1 && months <= 540) {
      s.yearsPaid = Math.round((s.compulsoryYears + months / 12) * 100) / 100;
      // (The closed period's months before 2014, for the lump sum's 1.5 months a year.)
      const cm = Math.round(s.compulsoryYears * 12);
      s.monthsBefore2014 = Math.min(cm, Math.max(0, 2014 * 12 - (closedTo - cm + 1)));
    }
  }
  // A period paid ahead told beside the start ("đóng tự nguyện từ tháng 3/2015, cứ đóng theo năm, lần gần nhất tháng 3/2026 tôi
  // đã đóng luôn 12 tháng tới tháng 2/2027"): the 12 months are the last period, not all the years paid since the start.
  // (Not periods told apart with their gaps, "từ 7/2005 đến 6/2012 … từ 1/2016 đến 12/2020 …, rồi nghỉ 5 năm …, từ 1/2026 …
  // đến nay": those are the years, whatever is paid ahead.)
  // (Nor a period ended and counted in so many words, "từ 1/2013 đến hết 12/2024 là 12 năm thì nghỉ", beside years to pay at
  // once talked of, "chỉ cần đóng 1 cục 3 năm".)
  if (s.prepaid && s.yearsPaid !== undefined && s.startYear !== undefined && s.startMonth !== undefined && month !== undefined && !s.memberDied && [...f.matchAll(PERIOD)].length < 2 && !new RegExp(`\\b(?:den|toi) (?:het )?(?:thang )?\\d{1,2} (?:nam )?(?:19|20)\\d\\d (?:la |duoc )${s.yearsPaid} nam\\b`).test(f)) {
    const since = year * 12 + month - (s.startYear * 12 + s.startMonth) + 1;
    if (since <= 540 && s.yearsPaid * 12 < since - 12) s.yearsPaid = Math.round((since / 12) * 100) / 100;
  }
  // A company that paid only up to a month ("làm … từ tháng 1/2012 đến tháng 6/2026 … công ty chỉ đóng bảo hiểm cho tôi đến hết
  // tháng 12/2024, còn nợ 18 tháng"): the months recorded end there; the debt is the company's to pay.
  const paidOnlyTo = /\b(?:chi|moi) (?:dong|nop) (?:\w+ ){0,5}?(?:den|toi) (?:het )?thang (\d{1,2}) (?:nam )?((?:19|20)\d\d)\b/.exec(f);
  if (paidOnlyTo && s.yearsPaid !== undefined && s.startYear !== undefined && s.startMonth !== undefined) {
    const months = Number(paidOnlyTo[2]) * 12 + Number(paidOnlyTo[1]) - (s.startYear * 12 + s.startMonth) + 1;
    if (months >= 1 && months < s.yearsPaid * 12) s.yearsPaid = Math.round((months / 12) * 100) / 100;
  }
  // A member who died within a period paid ahead ("tham gia từ tháng 1/2019 … đóng trước 5 năm (2024–2028) … tháng 8/2026
  // bố tôi mất"): paid from the start to the death.
  if (s.memberDied && s.prepaid && s.startYear !== undefined && s.startMonth !== undefined) {
    const died = DIED_IN_MONTH.exec(f);
    const at = died ? Number(died[2] ?? died[4]) * 12 + Number(died[1] ?? died[3]) : undefined;
    const aheadTo = Math.max(0, ...[...f.matchAll(PAID_AHEAD_TO)].map((m) => Number(m[1] ?? m[2] ?? m[3])));
    const months = at !== undefined ? at - (s.startYear * 12 + s.startMonth) + 1 : 0;
    if (at !== undefined && aheadTo * 12 + 12 >= at && months >= 1 && months <= 540) s.yearsPaid = Math.round((months / 12) * 100) / 100;
  }
  // A member who paid until the death ("đóng … từ tháng 1/2016 cho tới khi mất", "mất tháng 9/2026"): paid from the start
  // to the death.
  if (s.memberDied && s.yearsPaid === undefined && s.startYear !== undefined && s.startMonth !== undefined && has(/\b(?:cho )?(?:toi|den) (?:khi|luc|ngay) (?:\w+ ){0,2}(?:mat|qua doi|chet|tu vong|tu tran)\b/, f)) {
    const died = DIED_IN_MONTH.exec(f);
    const months = died ? Number(died[2] ?? died[4]) * 12 + Number(died[1] ?? died[3]) - (s.startYear * 12 + s.startMonth) : 0;
    if (months >= 1 && months <= 540) {
      s.yearsPaid = Math.round((months / 12) * 100) / 100;
      if (has(/\btu nguyen\b/, f) && !has(/\bbat buoc\b/, f)) s.yearsKind = 'voluntary';
    }
  }
  const pregnant = /\b(?:mang thai|co bau|mang bau|bau) (?:duoc )?(\d)(?: thang)\b/.exec(f);
  if (pregnant?.[1]) s.pregnantMonths = Number(pregnant[1]);
  if (has(/\bnghi khong luong\b|\btam hoan (?:thuc hien )?(?:hop dong|hd)\b/, f)) s.unpaidLeave = true;
  // A start wished for this month or one to come ("Cháu muốn bắt đầu đóng ngay từ tháng 12/2026"): nothing paid yet.
  const wished = /\b(?:muon|dinh|du dinh|se|sap|tinh) (?:bat dau )?(?:dong|tham gia|dang ky)\b(?: \w+){0,4}? tu thang (\d{1,2}) (?:nam )?(20\d\d)\b/.exec(f);
  if (wished && Number(wished[2]) * 12 + Number(wished[1]) >= year * 12 + (month ?? 12) && s.startYear === Number(wished[2]) && s.yearsPaid !== undefined && s.yearsPaid < 0.2 && !has(/\b(?:da|dang|van) (?:dong|tham gia)\b/, f)) {
    delete s.yearsPaid;
    delete s.yearsKind;
    delete s.startYear;
    delete s.startMonth;
    s.neverPaid = true;
  }
  return s;
}

/** The figures told (years paid, age, birth, dates of the periods) into `s`; `f` is the spaced, folded text. */
function readFigures(f: string, s: Situation, year: number, month: number | undefined): void {
  // "đóng một lần 5 năm": years to pay, not years paid.
  // "còn thiếu trên 5 năm": the gap, not years paid.
  const fy = f
    // ("từ tháng 11/2019, mức thu nhập 2 triệu, đến tháng 10/2026", "từ 6/2021, đóng đủ 4 năm tới 5/2025": a period told around
    // its income or its years, read as one span.)
    .replace(/\btu ((?:thang )?\d{1,2} (?:nam )?(?:19|20)\d\d) ((?:, )?(?:muc (?:thu nhap )?\d{1,3}(?:[.,]\d)? ?(?:trieu|tr)|dong (?:du |duoc )?\d{1,2} nam) (?:, )?)(den|toi) ((?:het )?(?:thang )?\d{1,2} (?:nam )?(?:19|20)\d\d)\b/g, 'tu $1 $3 $4 , $2')
    // ("Từ 1/2025 tới nay mình làm tự do, không đóng gì": a time without paying, not a period paid.)
    .replace(/\btu (?:thang )?(?:\d{1,2} )?(?:nam )?(?:19|20)\d\d (?:den|toi) (?:nay|gio|bay gio)\b(?=(?: [\w,]+){0,8} (?:khong|ko|k|chua) (?:dong|tham gia|nop)\b)/g, ' . ')
    // ("… làm công ty 12 năm có đóng bắt buộc", "lam cong ty 12 nam co dong bhxh": the years of the job are its compulsory years.)
    .replace(/\blam (cong ty|cty|nha may|xi nghiep|xuong)((?: \w+){0,3}?) (\d{1,2}) nam (?:co )?dong (?:(?:bhxh|bao hiem(?: xa hoi)?)(?: bat buoc)?|bat buoc)\b/g, 'lam $1$2 dong bat buoc $3 nam')
    // ("lam cong ty 12 nam co dong bhxh, sau do dong tu nguyen them 15 nam, chua rut": years paid after the job, not a plan.)
    .replace(/\b(dong bat buoc \d{1,2} nam(?: [\w,]+){0,4}? (?:sau do|roi) (?:dong|tham gia) (?:bhxh )?(?:tu nguyen |tn )?)them (\d{1,2} nam)\b/g, '$1duoc $2')
    // ("có 20 năm làm công nhân nhà máy đóng bhxh bắt buộc": the years told before the job.)
    .replace(/\b(\d{1,2}) nam lam ((?:\w+ ){0,4}?)dong (?:bhxh |bao hiem (?:xa hoi )?)?bat buoc\b/g, 'lam $2dong bat buoc $1 nam')
    // ("từ 1/2019 tới hết 2022": through the year's last month, after a start with its month.)
    .replace(/\b(tu (?:thang )?\d{1,2} (?:nam )?(?:19|20)\d\d (?:den|toi)) het (?:nam )?((?:19|20)\d\d)\b/g, '$1 thang 12 $2')
    // ("đến nay đã hơn 1 năm không đóng": a time without paying, not years paid.)
    .replace(/\b(?:da |duoc )?(?:hon |gan |khoang )?\d{1,2} nam (?:nay |roi |nua )?(?:khong|ko|k|chua) (?:dong|tham gia|nop)\b/g, 'khong dong')
    // ("đóng … từ tháng 1/2013, đóng liên tục không bỏ tháng nào": paying since then, to now.)
    .replace(/\btu (thang \d{1,2} (?:nam )?(?:19|20)\d\d) (?:, )?(?:dong )?lien tuc\b(?! (?:[\w,]+ ){0,4}(?:den|toi)\b)/g, 'tu $1 den nay lien tuc')
    // ("tháng 6/2026 ông vừa nộp trước 12 tháng (từ 6/2026 đến 5/2027)": the months paid ahead, not a period of years paid.)
    .replace(/\b((?:nop|dong) (?:\w+ ){0,2}(?:truoc|luon|mot lan) \d{1,2} thang) \( tu (?:thang )?\d{1,2} (?:nam )?20\d\d (?:den|toi) (?:het )?(?:thang )?\d{1,2} (?:nam )?20\d\d \)/g, '$1')
    // ("thời gian đóng tự nguyện có được cộng với 9 năm bắt buộc không": the years told before, named again in the ask.)
    .replace(/\b(cong|gop|don) (?:voi|vao|them vao|chung voi) \d{1,2} nam\b/g, '$1 voi phan')
    // ("Năm 2018 tôi đóng BHXH tự nguyện đến hết năm 2022": a period from that year, read as "tôi đóng … từ năm 2018 đến …".)
    .replace(/(^ ?|[.;:,] )nam ((?:19|20)\d\d) ((?:toi|em|minh|tui) (?:bat dau )?(?:dong|tham gia|nop)(?: [\w,]+){0,6}?) (den|toi) (?=(?:het )?(?:nam )?(?:19|20)\d\d\b)/g, '$1$3 tu nam $2 $4 ')
    // ("tổng cộng đúng 15 năm" unaccented: "đúng", exactly, not "dừng", a stop.)
    .replace(/\b(tong cong|tong|duoc|la|vua|da dong|dong) dung (\d{1,2}) (nam|thang)\b/g, '$1 $2 $3')
    // ("Đóng đúng 15 năm thì lương hưu được bao nhiêu": years supposed, opening the ask; "đã đóng 15 năm thì …" stays.)
    .replace(/(?<!\b(?:da|vua|moi|duoc|toi|em|minh) )\b(?:dong|tham gia) (?:tron |dung |du )?\d{1,2} nam thi (?=luong huu|duoc|huong|ty le)/g, ' ')
    // ("đóng một lần cho bố 3 năm còn thiếu": the years missing, for a relative named.)
    .replace(/\b(dong|nop) ((?:\w+ ){0,4})(mot lan|1 lan) (?:(?:cho|luon|het|ca|mot|truoc)(?: (?:bo|me|ba|ong|chong|vo|con|chau|em|anh|chi))? )*\d{1,2} nam\b/g, '$1 $2$3')
    // "muốn đóng luôn 15 năm", "định đóng thêm 5 năm": years wished for, not paid; "đóng trước 5 năm có được giảm":
    // a prepayment asked about (one made is "đã đóng trước 5 năm").
    // "đóng mức thấp nhất đủ 15 năm thì lương hưu được bao nhiêu": years supposed, not paid ("đã đóng 16 năm thì …"
    // stays).
    .replace(/(?<!\b(?:da|moi|vua) (?:dong )?)\b(?:du|trong) \d{1,2} nam (?:(?:tu nguyen|bat buoc|bhxh) )?thi (?=luong huu|luog huu|duoc|huong|lanh|linh|nhan|co luong|nam|nu|(?:\w+ )?(?:khoang|bao nhieu)\b)/g, ' ')
    // ("ký hđ 1 năm", "hợp đồng lao động 2 năm": a contract's term, not years paid.)
    .replace(/\b(?:hop dong|hd|hdld)(?: lao dong)?(?: co thoi han| thoi vu)? \d{1,2} (?:nam|thang)\b/g, ' ')
    // "Có phải 20 năm không?", "phải đủ 20 năm à": the years a rule needs, asked, not years paid.
    .replace(/\b(?:co )?phai (?:la |dong |du |dong du )?\d{1,2} nam\b(?= (?:\w+ ){0,2}(?:khong|ko|k|a|ha|hay|nhu|moi)\b| [?.]| $)/g, ' ')
    // ("có kịp 15 năm không": years hoped for, not paid.)
    .replace(/\b(?:co )?(?:kip|dat duoc) (?:du )?\d{1,2} nam\b/g, ' ')
    // "đến tuổi hưu có đủ 15 năm không": whether they will have them, not years paid.
    // ("… lúc nghỉ hưu tôi có đủ 15 năm để hưởng lương hưu không" too.)
    .replace(/\bco (?:\w+ ){0,2}?du \d{1,2} nam\b(?= (?:\w+ ){0,5}?(?:khong|ko|k|chua|hay)\b)/g, ' ')
    // "…; đóng 15 năm thì được mấy %", "và đóng 20 năm mức đó thì lương hưu …": years supposed, opening a clause.
    .replace(/(?:^ |[,.;:?!] |\b(?:va|neu|con|gia su|vi du) )(?:dong|tham gia) \d{1,2} nam\b(?: \w+){0,3}? thi\b/g, ' ')
    // ("rồi nghỉ đến nay đã gần 2 năm", "dừng đóng 3 năm nay": a gap, not years paid.)
    // ("nghỉ đóng được hơn 1 năm rồi": the same.)
    .replace(/\b(?:nghi|dung|ngung|tam dung)\b(?! huu)(?: dong)? (?:den nay|toi nay|tu do den nay|tu do toi nay|den gio|toi gio)(?: (?:da|duoc|la))? (?:gan |hon |khoang |tren )?\d{1,2} (?:nam|thang)\b|\b(?:nghi|dung|ngung) dong (?:(?:bhxh|tu nguyen|bao hiem) )*(?:duoc |da )(?:gan |hon |khoang |tren )?\d{1,2} (?:nam|thang)\b/g, ' ')
    // "thu nhập bình quân 5 năm cuối": a span of the rule, not years paid.
    .replace(/\b\d{1,2} nam (?:cuoi|dau|gan nhat|gan day nhat)\b/g, ' ')
    // ("muốn đóng trước luôn 5 năm": paying ahead wished for.)
    .replace(/\b(?:muon|dinh|du dinh|se) (?:\w+ ){0,2}?(?:dong|tham gia|nop) (?:(?:them|tiep|luon|truoc|mot lan|1 lan|het|ca|cho|trong|khoang|tu nguyen|bhxh|den|toi|khi|du|cho den) ){0,4}\d{1,2} nam\b/g, ' ')
    // ("tháng 1/2026 bố đóng trước luôn 3 năm (2026–2028)": months paid ahead, not years paid so far.)
    .replace(/(?<!\bda )\bdong truoc (?:(?:cho|luon|mot lan|1 lan) )*\d{1,2} nam\b(?: \( (?:tu )?(?:19|20)\d\d (?:den |toi )?(?:19|20)\d\d \))?/g, 'dong truoc')
    // ("nghỉ không đóng nữa thì sau 1 năm rút được không": a wait, not years paid.)
    // ("sau 20 năm đóng thì lương hưu …" stays: the years an estimate is for.)
    .replace(/\bsau (?:khoang |du |hon )?\d{1,2} (?:nam|thang)\b(?! (?:dong|tham gia|nop)\b)/g, ' ')
    // ("đóng tiếp tự nguyện thêm 16 năm (tổng 26 năm)": the total with the years to add, a plan.)
    .replace(/\b(?:dong|tham gia|nop) (?:\w+ ){0,3}?them \d{1,2} nam (?:\( )?(?:tong cong|tong|la|thanh) \d{1,2} nam(?: \))?/g, ' ')
    // "giờ đóng tự nguyện thêm 1 năm là đủ 15 năm": years to add, not years paid.
    // (Not the count of a past period told just before: "Từ 2015 đến 2020 tôi đóng BHXH tự nguyện thêm 6 năm rồi dừng", or around
    // it: "đến 2018 tôi đóng … thêm 7 năm đến hết 2024".)
    .replace(/\b(?:dong|tham gia|nop) (?:\w+ ){0,3}?them \d{1,2} nam\b/g, (m, at: number, all: string) => {
      const span = /\b(?:tu|nam) (?:(?:thang )?\d{1,2} )?(?:nam )?(?:19|20)\d\d (?:den|toi) (?:(?:thang )?\d{1,2} )?(?:nam )?((?:19|20)\d\d)(?: [\w]+){0,4} $/.exec(all.slice(Math.max(0, at - 80), at));
      // (Or a past start just before and a past end just after: "đến 2018 tôi đóng bhxh tự nguyện thêm 7 năm đến hết 2024".)
      const since = /\b(?:den|nam|tu|vao) ((?:19|20)\d\d) (?:\w+ ){0,2}$/.exec(all.slice(Math.max(0, at - 30), at));
      const until = /^ (?:den|toi) (?:het )?(?:nam )?((?:19|20)\d\d)\b/.exec(all.slice(at + m.length));
      return (span && Number(span[1]) < year) || (since && until && Number(until[1]) < year) ? m.replace(/ them /, ' ') : ' ';
    })
    .replace(/\bthieu (?:(?:tren|hon|duoi|khoang|gan|chua den|khong qua|it nhat) )?\d{1,2}(?:[.,]5)? nam\b/g, 'thieu')
    // "Nếu đến lúc nghỉ hưu tôi có tổng cộng 18 năm thì …": a total supposed at the retirement age, not paid.
    .replace(/\b(?:neu|gia su)\b(?: \w+){0,6} (?:tong cong|tong|co|duoc) (?:tong cong |du |duoc )?\d{1,2} nam\b/g, ' ')
    // "nếu đóng từ giờ đến năm 55 tuổi, chỉ được 15 năm": years to come, not paid.
    .replace(/\bneu (?:\w+ ){0,2}(?:dong|tham gia) (?:them|tiep|tu (?:gio|bay gio|nay)|den)\b[^.?!;]*/g, ' ')
    // "muốn đóng đủ 15 năm", "mới đủ 15 năm", "là đủ 15 năm": the target, not years paid; "chưa (đóng) đủ 15 năm"
    // says the years are short of it, not how many.
    // ("có kịp đủ 15 năm không": the same.)
    // ("đến hết năm 2025 là đủ 11 năm" counts what was paid up to a date: a fact.)
    // ("định đóng BHXH tự nguyện đủ 15 năm rồi thôi": a plan.)
    .replace(/\b(?:muon|cho|de|moi|(?<!\b(?:19|20)\d\d (?:, )?)la|can|phai|chua|khong|ko|kip|dinh|du dinh|tinh) (?:\w+ ){0,4}?du \d{1,2} nam\b/g, ' ')
    // ("rút ngay được không hay phải đợi 1 năm": a wait, not years paid.)
    .replace(/\b(?:phai )?(?:doi|cho) (?:du |het |qua )?\d{1,2} (?:nam|thang)\b/g, ' ')
    // "1 năm hết bao nhiêu", "1 năm 1 lần": a year's cost or a mode, not years paid.
    .replace(/\b(?:1|mot) nam (?:(?:het|dong|phai dong|nop|phai nop|la|thi het) )?(?:bao nhieu|1 lan|mot lan)\b/g, ' ')
    // "hưởng lương hưu được 1 năm thì mất": years drawing a pension, not years paid.
    // ("đang hưởng lương hưu từ BHXH tự nguyện được 1 năm" too.)
    .replace(/(?<!\btinh )\b(?:huong|nhan|lanh|an) (?:luong huu|tro cap hang thang)(?: \w+){0,4}? (?:duoc |hon |gan |khoang )?\d{1,2} (?:nam|thang)\b/g, ' ')
    // "đi Đài Loan về được 2 năm", "ở nhà được 3 năm": time since coming back or stopping, not years paid.
    .replace(/\b(?:ve|ve nuoc|o nha|sang do|di) (?:\w+ ){0,2}duoc (?:hon |gan |khoang )?\d{1,2} (?:nam|thang)\b/g, ' ')
    // "nghỉ việc được 2 năm", "nghỉ đóng 1 năm": time since stopping, not years paid.
    .replace(/\b(?:nghi|dung|ngung) (?:viec |lam |dong |han )?(?:duoc |hon |da |gan )?\d{1,2} (?:nam|thang)\b/g, ' nghi ')
    // "qua đời cách đây được gần 1 năm", "mất được 2 năm": time since a death, not years paid.
    // ("đóng … đến lúc mất được 7 năm" is years paid up to the death.)
    .replace(/(?<!\b(?:den|toi) (?:luc |khi )?)\b(?:cach day|qua doi|mat|tu vong|chet) (?:\w+ ){0,2}(?:duoc )?(?:hon |gan |khoang )?\d{1,2} (?:nam|thang)\b/g, ' ')
    // "đóng liên tục 22 năm tới lúc nghỉ hưu": years planned up to the retirement age, not paid.
    .replace(/\b\d{1,2} nam (?:nua )?(?:toi|den) (?:luc |khi |tuoi )?(?:nghi|ve) huu\b/g, ' ')
    // "rồi đóng liền 10 năm để năm 60 tuổi nhận lương hưu", "đóng 1 lần đủ 15 năm": years to pay in one go, a plan.
    .replace(/\b(?:dong|nop) (?:lien|gop|luon|mot cuc|mot lan|1 lan) (?:du |cho du |ca |luon )?\d{1,2} nam\b/g, ' ')
    // "đóng 22 năm so với 20 năm thì hơn nhau mấy %": years compared, not paid.
    .replace(/\b\d{1,2} nam (?:so voi|voi|hay|hoac) (?:\w+ )?\d{1,2} nam\b/g, ' ')
    // "có hợp đồng 3 năm": a contract's term; "lấy em được 4 năm": a marriage; not years paid.
    .replace(/\bhop dong (?:lao dong )?\d{1,2} (?:nam|thang)\b/g, ' ')
    .replace(/\b(?:lay|cuoi|ket hon|song|o voi|lam dau|sinh song|an o) (?:\w+ ){0,2}duoc (?:hon |gan )?\d{1,2} nam\b/g, ' ')
    // "đi XKLĐ Nhật 3 năm": years abroad, not paid here.
    .replace(/\b(?:di|sang|o|lam) (?:\w+ ){0,3}?(?:xuat khau lao dong|nhat ban|nhat|han quoc|dai loan|nuoc ngoai|malaysia)\b(?: \w+){0,2}? \d{1,2} nam\b/g, ' ')
    // "TikTok nói giờ đóng 5 năm là có lương hưu": a rumour's years, not the person's.
    .replace(/\b(tiktok|facebook|fb|zalo|youtube|tren mang|nghe noi|nguoi ta (?:noi|bao|don)|co nguoi (?:noi|bao)|tin don)\b((?: [\w,]+){0,8}?) \d{1,2} nam\b(?= (?:la|thi|moi|se) (?:co|duoc|du|lanh|nhan|huong)\b)/g, '$1$2')
    // "dạy mầm non tư thục được 4 năm, trường ko ký hợp đồng nên ko đóng bảo hiểm gì": years worked, nothing paid.
    .replace(/\bduoc \d{1,2} nam\b(?=(?: [\w,]+){0,12}? (?:ko|khong|chua) (?:\w+ )?(?:dong|tham gia) (?:bao hiem|bh|bhxh)(?: xa hoi)? (?:gi|nao|ngay nao)\b)/g, ' ')
    // "đã được hỗ trợ đủ 10 năm": the State's share, not years paid.
    .replace(/\bho tro (?:\w+ ){0,2}\d{1,2} nam\b/g, ' ')
    // "nếu tôi đóng 10 năm rồi …", "đóng 5 năm mức thấp nhất hết bao nhiêu": years supposed or priced, not paid.
    .replace(/\bneu (?:\w+ ){0,2}(?:dong|tham gia|nop) (?:\w+ ){0,2}\d{1,2} nam\b/g, ' ')
    .replace(/(?<!\b(?:da|duoc|roi) )\b(?:dong|nop) (?:\w+ ){0,2}\d{1,2} nam\b(?= (?:[\w,]+ ){0,5}(?:het|mat|ton|phai tra|la|thi) (?:khoang |tam |tong cong |tat ca )?bao nhieu\b)/g, ' ');
  // The periods told, read once whichever of the readings below needs them.
  let spans: Spans | undefined | null = null;
  const spansOf = (): Spans | undefined => (spans === null ? (spans = paidSpans(fy, year, month)) : spans);
  for (const re of YEARS_PAID) {
    const m = re.exec(fy);
    if (m?.[1]) {
      const n = Number(m[1].replace(',', '.'));
      if (n > 0 && n <= 45) {
        // "14 năm 6 tháng": the months count (6 months short of 15 years is not "1 year").
        const months = Number.isInteger(n) ? MONTHS_AFTER.exec(fy.slice((m.index ?? 0) + m[0].length)) : null;
        const k = months?.[1] ? Number(months[1]) : 0;
        s.yearsPaid = k > 0 && k < 12 ? Math.round((n + k / 12) * 100) / 100 : n;
        break;
      }
    }
  }
  // A count told for a later month than one told first ("lúc đó mới có 17 năm … Đến tháng 11/2026 tôi được 19 năm 5 tháng").
  const later = LATER_COUNT.exec(fy);
  if (later && s.yearsPaid !== undefined && Number(later[1]) > s.yearsPaid && Number(later[1]) <= 45) {
    const k = later[2] ? Number(later[2]) : 0;
    s.yearsPaid = k > 0 && k < 12 ? Math.round((Number(later[1]) + k / 12) * 100) / 100 : Number(later[1]);
  }
  // Several periods told, each with its years ("5 năm từ 2009 đến hết 2013 và 4 năm từ 2014 đến hết 2017"): all of them.
  let periodsSummed = false;
  if (s.yearsPaid !== undefined && [...fy.matchAll(PERIOD)].length >= 2) {
    const periods = monthsPaid(fy, spansOf);
    if (periods !== undefined && periods > s.yearsPaid + 0.5) {
      s.yearsPaid = periods;
      periodsSummed = true;
    }
  }
  // The gap told instead ("còn thiếu 2 năm mới đủ 15"): 15 less the gap.
  const gap = s.yearsPaid === undefined ? GAP_TO_15.exec(f) : null;
  if (gap?.[1]) s.yearsPaid = 15 - Number(gap[1].replace(',', '.'));
  // The last period paid by the mode, then a stop ("từ tháng 1/2019, kiểu 6 tháng/lần, kỳ cuối là tháng 1-6/2021 thì dừng"):
  // from the start to that period's last month.
  const lastPeriod = s.yearsPaid === undefined ? /\btu thang (\d{1,2}) (?:nam )?(20\d\d)\b(?: [\w,]+){0,12}? (?:ky|dot) cuoi (?:la |cung )?(?:thang )?(?:tu )?\d{1,2} (?:den )?(\d{1,2}) (20\d\d) (?:thi |roi )?(?:dung|ngung|nghi)\b/.exec(f) : null;
  if (lastPeriod) {
    const months = Number(lastPeriod[4]) * 12 + Number(lastPeriod[3]) - (Number(lastPeriod[2]) * 12 + Number(lastPeriod[1])) + 1;
    if (months >= 1 && months <= 540) s.yearsPaid = Math.round((months / 12) * 100) / 100;
  }
  // Told in months ("đã đóng được 180 tháng") or as periods ("từ năm 1998 đến năm 2012", "từ tháng 3/2005 đến nay").
  // (Not two people's periods merged, each told in a sentence that opens with them: "Ba em … từ 1/2013 đến hết 12/2024 là 12
  // năm … Mẹ em … đóng từ 1/2019 tới giờ"; the first one's own count is read below.)
  const periodOwners = new Set(
    fy
      .split(/[.?!;]/)
      .map((x) => /^ ?(?:(?:con|rieng|va) )?(ba|bo|cha|me|ma|chong|vo) (?:toi|em|minh|tui|e)\b/.exec(x)?.[1] !== undefined && new RegExp(PERIOD.source).test(x) ? /^ ?(?:(?:con|rieng|va) )?(ba|bo|cha|me|ma|chong|vo)\b/.exec(x)![1]!.replace(/^cha$/, 'bo').replace(/^ma$/, 'me') : undefined)
      .filter((x) => x !== undefined),
  );
  if (s.yearsPaid === undefined && periodOwners.size < 2) s.yearsPaid = monthsPaid(fy, spansOf);
  // "15 năm bắt buộc … tự nguyện được gần 2 năm": both periods count, so the years paid are their sum.
  const kindYears = (re: RegExp): { n: number; at: number; end: number } | undefined => {
    const m = re.exec(fy);
    const n = Number((m?.[1] ?? m?.[2] ?? m?.[3] ?? m?.[4])?.replace(',', '.'));
    return m && n > 0 && n <= 45 ? { n, at: m.index, end: m.index + m[0].length } : undefined;
  };
  const compulsory = kindYears(KIND_YEARS.compulsory);
  // ("đóng tự nguyện mức thấp nhất thì 6 năm cũ có được cộng không": the old years named again, not voluntary ones.)
  const toldVoluntary = kindYears(KIND_YEARS.voluntary);
  const namedAgain = toldVoluntary && compulsory && toldVoluntary.n === compulsory.n && has(/^ (?:cu|truoc|do|kia|ay)\b/, fy.slice(toldVoluntary.end));
  // ("Hay đóng tiếp tự nguyện 5 năm cho đủ 15 năm": years planned, not paid.)
  const planned = toldVoluntary && (has(/^ (?:(?:\w+ ){0,3}(?:cho|de) du|nua)\b/, fy.slice(toldVoluntary.end)) || has(/\b(?:hay|neu|dinh|muon|se) (?:\w+ ){0,2}$/, fy.slice(Math.max(0, toldVoluntary.at - 30), toldVoluntary.at)));
  const voluntary = namedAgain || planned ? undefined : toldVoluntary;
  // ("… bắt buộc 20 năm …, vợ tôi đóng tự nguyện 8 năm": another person's years, not added.)
  const [first, second] = compulsory && voluntary ? (compulsory.at < voluntary.at ? [compulsory, voluntary] : [voluntary, compulsory]) : [];
  const between = first && second ? fy.slice(first.end, second.at) : '';
  // (A total told, "tổng cộng 14 năm 6 tháng", is the person's own sum.)
  // ("Chồng tôi … hưởng lương hưu (bắt buộc 25 năm) … Tôi sinh …, có 8 năm đóng tự nguyện": a relative's years, then the
  // asker's own after a sentence that starts with them.)
  const relativeFirst = first ? has(OTHER_PERSON, fy.slice(Math.max(0, first.at - 100), first.at)) && has(/[.?!;] (?:con |rieng |va )?(?:toi|em|minh|tui)\b/, between) : false;
  // (Not below a longer sum of the periods told: "8 năm bắt buộc … 5 năm tự nguyện … từ 1/2021 đến nay lại đóng bắt buộc".)
  const kindSum = compulsory && voluntary ? compulsory.n + voluntary.n : 0;
  // (Both kinds named for one count, "cộng cả bắt buộc lẫn tự nguyện được 12 năm 3 tháng", is a total, not two counts.)
  const bothKindsOneCount = has(/\b(?:ca|tinh ca|gom ca|cong ca) (?:bat buoc|tu nguyen) (?:lan|va|voi|cung|,) (?:ca )?(?:bat buoc|tu nguyen)\b/, fy);
  if (compulsory && voluntary && kindSum <= 45 && !has(OTHER_PERSON, between) && !relativeFirst && !has(TOTAL_YEARS, fy) && !bothKindsOneCount && !(periodsSummed && (s.yearsPaid ?? 0) > kindSum)) s.yearsPaid = kindSum;
  // ("Hồi 1989-1993 tôi làm ở xí nghiệp dệt, đóng bảo hiểm 5 năm, sau đó nghỉ …, tới năm 2016 mới đóng tự nguyện, đến nay được
  // 11 năm": a job's years told without the word "bắt buộc", then the voluntary ones after them; both paid.)
  // ("có 10 năm BHXH ở xí nghiệp (1993–2002) và 5 năm tự nguyện", "ba e … co 10 nam bhxh cty va 4 nam tn": the count first; "…
  // trước đó mẹ có 3 năm làm công ty (2001–2003)": told after the voluntary years.)
  const jobBefore = voluntary && !compulsory ? (JOB_YEARS_BEFORE.exec(fy.slice(0, voluntary.at)) ?? JOB_COUNT.exec(fy.slice(0, voluntary.at))) : null;
  const jobAfter = voluntary && !compulsory && !jobBefore ? JOB_COUNT.exec(fy.slice(voluntary.end)) : null;
  const jobYears = jobBefore ?? jobAfter;
  const jobAt = jobBefore ? jobBefore.index : jobAfter ? voluntary!.end + jobAfter.index : 0;
  const jobEnd = jobAt + (jobYears?.[0].length ?? 0);
  const jobGap = jobBefore ? fy.slice(jobEnd, voluntary!.at) : jobAfter ? fy.slice(voluntary!.end, jobAt) : '';
  const jobSpan = jobYears ? fy.slice(Math.min(jobAt, voluntary!.at), Math.max(jobEnd, voluntary!.end)) : '';
  // (Not a relative's job beside the asker's own voluntary years: "Vợ tôi có 10 năm BHXH ở công ty và tôi có 4 năm tự nguyện".)
  const otherOwner = jobYears ? has(OTHER_PERSON, fy.slice(Math.max(0, jobAt - 40), jobAt)) || has(/\b(?:va|con) (?:toi|em|minh|tui)\b/, jobGap) : false;
  if (jobYears && voluntary && !otherOwner && !has(OTHER_PERSON, jobSpan) && !has(TOTAL_YEARS, fy) && (jobBefore ? has(/\b(?:sau do|roi|moi|sau nay|tiep|va|con)\b/, jobGap) : has(/\btruoc (?:do|day|kia)\b/, jobGap))) {
    const n = Number(jobYears[1]);
    if (n + voluntary.n <= 45 && (s.yearsPaid ?? 0) <= n + voluntary.n) {
      s.yearsPaid = n + voluntary.n;
      s.compulsoryYears = n;
    }
  }
  // One kind's years counted without their period, beside a period of the other kind told by its dates ("1 năm BHXH
  // bắt buộc hồi 2000, còn tự nguyện thì đóng từ 1/2015 đến 11/2026"): both paid.
  // (Only a count told first in the period's own sentence, and not the period's own count, "5 năm từ 2009 đến hết 2013".)
  // ("tự nguyện từ tháng 1 năm 2019": a month's number before its year, no count.)
  const kindCount = (k: typeof compulsory) => (k && !has(/^ (?:19|20)\d\d\b/, fy.slice(k.end)) ? k : undefined);
  const counted = compulsory && !voluntary ? kindCount(compulsory) : voluntary && !compulsory ? kindCount(voluntary) : undefined;
  const nextPeriod = counted ? new RegExp(PERIOD.source).exec(fy.slice(counted.end)) : null;
  const periods = counted && nextPeriod && !has(/[.?!]/, fy.slice(counted.end, counted.end + nextPeriod.index)) && !has(/^ (?:\w+ ){0,2}?tu (?:thang |nam )?\d/, fy.slice(counted.end)) ? spansOf() : undefined;
  if (counted && periods && periods.length >= 1 && !periods.some(([a, b]) => Math.abs(b - a - counted.n * 12) <= 12) && !has(OTHER_PERSON, fy.slice(Math.max(0, counted.at - 60), counted.at))) {
    const sum = Math.round((periods.reduce((t, [a, b]) => t + b - a, 0) / 12 + counted.n) * 100) / 100;
    if (sum <= 45 && sum > (s.yearsPaid ?? 0) + 0.5) s.yearsPaid = sum;
  }
  const age = ageNow(f, year);
  if (age !== undefined) s.age = age;
  const born = BIRTH_YEAR.exec(f);
  // "đóng bắt buộc 14 tháng ở cty, sau đó đóng tn 3 năm": compulsory months beside voluntary years, both paid.
  const compulsoryMonths = compulsory ? undefined : COMPULSORY_MONTHS.exec(fy);
  const cm = Number(compulsoryMonths?.[1] ?? compulsoryMonths?.[2]);
  if (compulsory && !bothKindsOneCount) s.compulsoryYears = compulsory.n;
  // (No fewer years in all than the compulsory ones told: "bắt buộc từ 1/2010 đến 12/2019 (10 năm) … hay đóng tiếp tự nguyện 5
  // năm cho đủ 15 năm" has 10.)
  if (compulsory && !bothKindsOneCount && s.yearsPaid !== undefined && s.yearsPaid < compulsory.n && !has(OTHER_PERSON, fy.slice(Math.max(0, compulsory.at - 60), compulsory.at))) s.yearsPaid = compulsory.n;
  else if (cm >= 1 && cm <= 540) {
    s.compulsoryYears = Math.round((cm / 12) * 100) / 100;
    if (voluntary && !has(TOTAL_YEARS, fy)) s.yearsPaid = Math.round((cm / 12 + voluntary.n) * 100) / 100;
  }
  // "… ở cơ quan cũ được 12 năm và chuyển đến cơ quan mới đóng được 16 năm": two jobs one after the other, both paid.
  const twoJobs = !compulsory || !voluntary ? TWO_JOBS.exec(fy) : null;
  if (twoJobs && !has(OTHER_PERSON, twoJobs[0]) && Number(twoJobs[1]) + Number(twoJobs[2]) <= 45 && !has(TOTAL_YEARS, fy)) s.yearsPaid = Number(twoJobs[1]) + Number(twoJobs[2]);
  // "… có đóng bảo hiểm 4 năm, sau này đóng tự nguyện thêm 3 năm thì dừng": more years paid after the first, then stopped.
  const more = !(compulsory && voluntary) && !twoJobs ? (PAID_MORE_THEN_STOPPED.exec(f) ?? PAID_MORE_NEXT.exec(f)) : null; // (f: the years "to add" are taken out of fy)
  // (Only when the years read are the first ones, told before: "… 7 năm rồi nghỉ, sau đó đóng thêm 3 năm … toàn bộ 10 năm"
  // has its total read already.)
  const firstTold = more && s.yearsPaid !== undefined ? new RegExp(`\\b${s.yearsPaid} nam\\b`).test(f.slice(0, more.index)) : false;
  if (more && firstTold && s.yearsPaid !== undefined && s.yearsPaid !== Number(more[1]) && !has(OTHER_PERSON, more[0]) && !has(TOTAL_YEARS, fy) && s.yearsPaid + Number(more[1]) <= 45) {
    s.yearsPaid += Number(more[1]);
  }
  // (An age named as a goal, "đến 61 tuổi rưỡi", is not today's: the birth year tells it.)
  // (A relative's age beside the asker's own birth, "cô nữ sinh 5/1974 … con gái cô 27 tuổi": the birth tells the asker's.)
  const relativesAge = s.age !== undefined && new RegExp(`\\b(?:bo|me|cha|ong|ba|chong|vo|con (?:trai|gai)) (?:toi|em|minh|tui|co|chu)(?: \\w+){0,2} ${s.age} tuoi\\b`).test(f);
  const ownBirth = (m: RegExpExecArray | null): boolean => (m ? !has(/\b(?:bo|me|cha|ong|ba|chong|vo|con|anh|chi|em (?:trai|gai)) (?:toi|em|minh|tui|co)(?: \w+){0,3} $/, f.slice(Math.max(0, m.index - 30), m.index)) : false);
  if (born?.[1] && (s.age === undefined || [...f.matchAll(AGE_AS_GOAL)].some((m) => Number(m[1]) === s.age) || (relativesAge && ownBirth(born)))) s.age = year - Number(born[1]);
  // (A spouse's birth told first by the bare kin word, then the asker's own: "Vợ sinh tháng 5/1972, tôi sinh tháng 9/1970".)
  const births = [...f.matchAll(BIRTH_MONTHS)];
  const spouseFirst = births.length >= 2 && has(/\b(?:vo|chong) $/, f.slice(Math.max(0, births[0]!.index - 8), births[0]!.index)) && has(/\b(?:toi|em|minh|tui) $/, f.slice(Math.max(0, births[1]!.index - 8), births[1]!.index));
  const bornIn = spouseFirst ? births[1]! : BIRTH_MONTH.exec(f);
  if (bornIn && Number(bornIn[1]) >= 1 && Number(bornIn[1]) <= 12) {
    s.birthMonth = Number(bornIn[1]);
    s.birthYear = Number(bornIn[2]);
    // ("sinh 6/1977": the age this year, when not told; and instead of an age named as a goal, "sinh 9/1972 … về
    // hưu ở 55 tuổi".)
    if (s.age === undefined || spouseFirst || [...f.matchAll(AGE_AS_GOAL)].some((m) => Number(m[1]) === s.age) || (relativesAge && ownBirth(bornIn))) s.age = year - s.birthYear;
  }
  // Years hardly anyone that age has paid (from before 16): "35 tuổi, đóng 20 năm thì …" is a plan, not a past.
  if (s.age !== undefined && s.yearsPaid !== undefined && s.yearsPaid > s.age - 16) delete s.yearsPaid;
  if (s.yearsPaid !== undefined) {
    // "7 năm BHXH công ty": the years of a company's insurance, whatever the person now asks about.
    if (has(/\b\d{1,2} nam (?:dong )?(?:bhxh |bao hiem (?:xa hoi )?)?(?:o |tai |cua )?(?:cong ty|cty|doanh nghiep|co quan)\b/, fy)) s.yearsKind = 'compulsory';
    // ("Tôi có bắt buộc phải đóng thêm 7 tháng nữa không": "must", not the scheme.)
    else if (has(/\b(?:bat buoc|o cong ty|cong ty dong|tai cong ty)\b/, f.replace(/\b(?:co |khong )?bat buoc phai\b/g, ' ')) && !has(/\btu nguyen\b/, f)) s.yearsKind = 'compulsory';
    // ("Đóng ở công ty dệt may …, sau đó đóng tự nguyện": both kinds.)
    // ("… chưa từng đóng bắt buộc": no compulsory years.)
    else if (has(/\btu nguyen\b/, f) && !has(JOB_OR_COMPULSORY, f.replace(NO_COMPULSORY, ' '))) s.yearsKind = 'voluntary';
  }
  // ("Nghỉ việc từ 2019" is when paying stopped.)
  // ("đủ tuổi hưu từ năm 2023": when the age was reached.)
  const start = /(?<!\b(?:nghi|nghi viec|nghi lam|nghi dong|ngung|dung|ngung dong|dung dong|khong dong|nghi huu|ve huu|tuoi huu|tuoi nghi huu|ngheo|can ngheo|khuyet tat|that nghiep) )\b(?:tu|bat dau|tham gia|dong) (?:\w+ ){0,3}?(?:nam )?(?<!\b(?:den|toi|het) (?:thang )?(?:\d{1,2} )?(?:nam )?)(19[89]\d|20[0-2]\d)\b/.exec(f);
  // ("đã đóng đến hết 12/2026": the end of a period, not its start.)
  if (start?.[1]) s.startYear = Number(start[1]);
  // ("tháng 8/2025 mới bắt đầu đóng tự nguyện": the month told before the start.)
  const startedIn = start ? null : /\bthang (\d{1,2}) (?:nam )?(20[0-2]\d) (?:moi |thi |la )?(?:bat dau|bat dau tham gia|bat dau dong)\b/.exec(f);
  if (startedIn) {
    s.startYear = Number(startedIn[2]);
    s.startMonth = Number(startedIn[1]);
  }
  // ("lần đầu tiên đi làm có đóng BHXH bắt buộc là tháng 9/2025": the first month ever paid.)
  const firstTime = /\blan dau(?: tien)? (?:\w+ ){0,4}?(?:dong|tham gia)\b(?: \w+){0,4}? (?:la |vao |tu )?thang (\d{1,2}) (?:nam )?(20[0-2]\d)\b/.exec(f);
  if (firstTime && Number(firstTime[1]) >= 1 && Number(firstTime[1]) <= 12 && (s.startYear === undefined || Number(firstTime[2]) <= s.startYear)) {
    s.startYear = Number(firstTime[2]);
    s.startMonth = Number(firstTime[1]);
  }
  // The first of the periods told ("từ 10/2019 đến 9/2025"), before a later date ("nghỉ đóng từ tháng 10/2025").
  // (A stop's period, "ngừng từ tháng 1/2025 đến giờ", is no start; a span told in brackets, "7 năm (2017–2024)", is.)
  const firstPeriod = Math.min(
    ...[...f.matchAll(PERIOD)].filter((p) => !has(STOP_BEFORE, f.slice(Math.max(0, p.index - 24), p.index)) && !has(STATUS_BEFORE, f.slice(Math.max(0, p.index - 24), p.index)) && !armyBefore(f, p.index, Number(p[2] ?? p[4] ?? p[6]))).map((p) => Number(p[2] ?? p[4] ?? p[6])),
    ...[...f.matchAll(YEAR_SPAN)].filter((m) => Number(m[2]) > Number(m[1]) && !armyBefore(f, m.index, Number(m[1]))).map((m) => Number(m[1])),
  );
  if (Number.isFinite(firstPeriod) && (s.startYear === undefined || firstPeriod < s.startYear)) s.startYear = firstPeriod;
  // ("Năm 2021 tôi tham gia BHXH tự nguyện …, đóng đều … tới hết tháng 12/2023. Từ 1/2024 … bỏ đóng": the year joined.)
  const joinedIn = /\bnam ((?:19|20)\d\d) (?:toi |em |minh |tui )?(?:bat dau )?(?:tham gia|dong) (?:bhxh |bao hiem xa hoi )?tu nguyen\b/.exec(f);
  if (joinedIn && (s.startYear === undefined || Number(joinedIn[1]) < s.startYear)) {
    s.startYear = Number(joinedIn[1]);
    delete s.startMonth;
  }
  // ("từ tháng 3/2019", "từ 3/2019")
  const startMonth = new RegExp(`\\b(?:tu|bat dau|tham gia) (?:\\w+ ){0,3}?(?:thang )?(\\d{1,2}) (?:nam )?${s.startYear ?? 'x'}\\b`).exec(f)?.[1];
  if (startMonth !== undefined && Number(startMonth) >= 1 && Number(startMonth) <= 12) s.startMonth = Number(startMonth);
  // ("làm công nhân may từ 3/2002 đến 2/2012 có đóng BHXH, sau đó … đóng tự nguyện từ 1/2020": the voluntary start, after the job's.)
  const voluntaryFrom = /\b(?:dong|tham gia) (?:bhxh |bao hiem (?:xa hoi )?)?tu nguyen (?:lien tuc |deu )?tu (?:thang )?(?:(\d{1,2}) )?(?:nam )?((?:19|20)\d\d)\b/.exec(f);
  if (voluntaryFrom && s.startYear !== undefined && Number(voluntaryFrom[2]) > s.startYear && Number(voluntaryFrom[2]) <= year) s.voluntarySince = Number(voluntaryFrom[2]) * 12 + Number(voluntaryFrom[1] ?? 1) - 1;
  // A start after this year ("kỳ đóng tiếp theo từ tháng 1/2027") is a period to come, not when paying began.
  if (s.startYear !== undefined && s.startYear > year) {
    delete s.startYear;
    delete s.startMonth;
  }
  // The months paid before 2014 when the periods told make up the years paid ("1/2010 đến 6/2013 … 1/2018 đến hết 12/2024"):
  // the lump sum counts them at 1.5 months a year, whatever the first start.
  if (s.yearsPaid !== undefined) {
    // (Not a period paid out before: "từ 1996 đến 2003 … năm 2005 đã rút BHXH một lần phần này. Sau đó … 2008–2014 … 2018–2024".)
    const out = WITHDRAWN_IN.exec(f);
    const outYear = out ? Number(out[1] ?? out[2]) : undefined;
    const told = (spansOf() ?? []).filter(([a]) => outYear === undefined || a >= outYear * 12);
    if (outYear !== undefined && told.length > 0 && s.startYear !== undefined && s.startYear < outYear) {
      s.startYear = Math.floor(told[0]![0] / 12);
      delete s.startMonth;
    }
    const total = told.reduce((t, [a, b]) => t + b - a, 0);
    const paid = Math.round(s.yearsPaid * 12);
    const toldBefore = told.reduce((t, [a, b]) => t + Math.max(0, Math.min(b, 2014 * 12) - a), 0);
    if (told.length >= 2 && Math.abs(total - paid) <= 1) {
      s.monthsBefore2014 = toldBefore;
    } else if (told.length >= 1 && s.startYear !== undefined && total < paid - 1) {
      // ("2 năm hồi làm may (2003–2004), sau đó đóng tự nguyện 9 năm từ 2015 tới hết 2023": the periods told fall short
      // of the years paid; the months left over are reckoned before 2014 as far as the first start allows, rather
      // than every month since the first start.)
      const start = s.startYear * 12 + (s.startMonth ?? 1) - 1;
      s.monthsBefore2014 = Math.min(toldBefore + paid - total, Math.max(0, 2014 * 12 - start));
    }
  }
  // More years than since the start told ("đóng 20 năm từ 2015"): a plan, not a past.
  // (The same years, not another period's: "16 năm (10 năm bắt buộc …, 6 năm tự nguyện từ 2019 đến 2025)" are paid.)
  if (s.yearsPaid !== undefined && s.startYear !== undefined && s.yearsPaid > year - s.startYear + 1 && new RegExp(`\\b${s.yearsPaid} nam (?:\\w+ ){0,2}tu (?:nam )?(?:19|20)\\d\\d\\b`).test(f)) {
    delete s.yearsPaid;
    delete s.yearsKind;
  }
}

/** An age named as a goal or a point in time ("về hưu ở 55 tuổi", "đến 60 tuổi"), not the person's age now. */
const AGE_AS_GOAL = /\b(?:o|luc|khi|den|toi|du|tu|phai|thi) (\d{1,3}) tuoi\b/g;
/** Paying from a month told ("đang đóng … từ tháng 3/2019", "bắt đầu đóng từ 1/2021"). */
// ("đóng tự nguyện mức thấp nhất liên tục từ tháng 1/2019".)
const PAYING_SINCE = /\b(?:dong|tham gia|nop)\b(?: \w+){0,8} tu (?:thang )?\d{1,2} (?:nam )?(?:19|20)\d\d\b/;
/** Paying stopped, or never begun ("nghỉ đóng từ 2022", "dừng 2 năm", "chưa từng đóng"). */
const STOPPED = /\b(?:chua (?:tung|bao gio|he) (?:dong|tham gia)|(?:nghi|dung|ngung)(?: (?:dong|nop|viec|lam))? (?:tu|nam|thang|roi|duoc|\d)|(?:roi|thi|sau do) (?:nghi|dung|ngung)(?: (?:dong|nop))?(?= [.,;:!?]| $))\b/;
/** Drawing a pension named just before a period ("hưởng lương hưu từ BHXH tự nguyện từ tháng 9/2025 …"). */
const DRAWN_BEFORE = /\b(?:huong|nhan|lanh|an) (?:luong huu|tro cap hang thang)(?: \w+){0,5} $/;
/** Stopping named just before a period ("ngừng từ tháng 1/2025 đến giờ"), or a period to pay back ("đóng bù tự nguyện cho các năm 2020-2025"). */
const STOP_BEFORE = /\b(?:nghi|ngung|dung|tam dung)(?: (?:dong|viec|lam))? $|\b(?:dong|nop) bu (?:\w+ ){0,3}(?:cho )?(?:cac |nhung )?(?:nam|thang)? ?$/;
/** A period written with a dash ("1995–2003", "3/2012 - 6/2020"): read as "từ 1995 đến 2003". */
const DASHED_SPAN = /((?:\d{1,2}\/)?(?:19|20)\d\d)\s*[-–—]\s*((?:\d{1,2}\/)?(?:19|20)\d\d)(?!\d)/g;
/** A gap named right after its years ("năm 2021-2022 nghỉ 2 năm vì dịch"; "… rồi ngưng" ends a paid period instead). */
const STOP_AFTER = /^\s+(?:nghi|ngung|dung|tam dung|khong dong)\b(?!\s+(?:viec|lam|huu|phep|sinh|de|thai san|om|khong luong|han)\b)/;
/** Paying from a date with no end told ("đóng tn từ tháng 1/2012 theo tháng …"). */
const OPEN_START = /\b(?:dong|tham gia|nop)\b(?: \w+){0,3}? tu (?:thang (\d{1,2}) )?(?:nam )?((?:19|20)\d\d)\b/g;
/** A period going on from the end of the one before ("…, sau đó đóng tự nguyện đến hết 12/2025", "… rồi đóng tiếp tới nay"). */
const CONTINUED = /^ (?:[,;.] )?(?:sau do|roi|tiep do|tiep theo|sau nay|ke tiep)\b(?: (?!(?:nghi|ngung|dung)\b)\w+){0,6}? (?:den|toi) (?:het )?(?:(?:(?:thang )?(\d{1,2}) )?(?:nam )?((?:19|20)\d\d)|(nay|gio|bay gio|hien nay|hien tai))\b/;
/**
 * What follows a period in its own clause: up to the sentence's end, the next period ("từ 2013 …") or what came after
 * it ("… thì nghỉ việc, đến nay không đóng", "…, sau đó", "rồi nghỉ").
 */
const CLAUSE_AFTER = /^(?:(?! [.;?!] | , (?:con|nhung)\b| (?:tu|den) (?:thang |nam )?\d| (?:tu|den) (?:dau |cuoi |giua )?nam (?:nay|ngoai|truoc|roi)\b| (?:thi|roi|sau do|sau|tu do|den nay|toi nay|den gio|toi gio|nghi viec|thoi viec)\b)[^])*/;
/** A period said not to be paid ("công ty không đóng BHXH", "không đóng gì", "chưa tham gia", "… bị bỏ trống"). */
const NOT_PAID_CLAUSE = /\b(?:khong|chua|ko) (?:\w+ )?(?:dong|tham gia|nop|co (?:dong|bhxh|bao hiem))\b|^ ?(?:bi )?bo trong\b/;
/** … or spent at home or off work, with no word of paying ("từ 2013 đến 2016 tôi ở nhà nội trợ"). */
const IDLE_CLAUSE = /\b(?:o nha|noi tro|that nghiep)\b/;
/** A trade of one's own opened over a period ("Từ 2014 mở tiệm tạp hóa tới giờ"): the years are the shop's, not paid. */
const OWN_TRADE = /\b(?:mo (?:tiem|quan|cua hang|sap|xuong)|buon ban|ban hang|lam ruong|lam nong|chay xe|nuoi)\b/;
const PAID_WORD = /\b(?:dong|tham gia|nop|bhxh|bao hiem)\b/;
/** The years the person counts for a period, told in its clause ("…, đóng BHXH bắt buộc 8 năm"). */
// (Not a total told after the last period, "…, tổng cộng 14 năm 6 tháng".)
const COUNT_IN_CLAUSE = /^(?: (?!nam\b|den\b|va\b|hoac\b|con\b|sau\b|tong\b|cong lai\b|tat ca\b)[a-z,]+){1,12}? (?:duoc |la |du |tron )?(\d{1,2}) nam\b/;
/** The year of a withdrawal: "năm 2013 tôi đã rút BHXH một lần", "đã rút BHXH một lần năm 2016". */
const WITHDRAWN_IN = /\bnam ((?:19|20)\d\d)\b(?: [\w,]+){0,4}? (?:da )?(?:rut|nhan|lanh) (?:\w+ ){0,4}(?:mot lan|1 lan)\b|\b(?:rut|nhan|lanh) (?:\w+ ){0,4}(?:mot lan|1 lan) (?:\w+ ){0,2}(?:nam|vao nam) ((?:19|20)\d\d)\b/;
/** A relative as the subject of a sentence, before a period told in it ("Còn chồng tôi đóng … (từ 2020 đến 2022)"). */
const RELATIVE_SUBJECT = /^ (?:[.?)] )?(?:con |va |rieng |nhung )?(?:chong|vo|bo|me|cha|ong|ba|anh|chi|em (?:trai|gai)|con (?:trai|gai)) (?:toi|em|minh|tui|co|chau)\b/;
/** "Đến tháng 11/2026 tôi được 19 năm 5 tháng", "tới nay tôi có 19 năm": the count up to a month told or now. */
const LATER_COUNT = /\b(?:den|toi) (?:nay|gio|bay gio|thang \d{1,2} (?:nam )?20\d\d) (?:thi )?(?:toi |em |minh )?(?:da )?(?:duoc|co|dong duoc|dong du) (\d{1,2}) nam(?: (\d{1,2}) thang)?\b/;
/** The asker telling facts of their own: "tôi nữ, sinh …", "Tôi tên Hạnh, nữ", "tôi 45 tuổi". */
const ASKER_FACTS = /(?:^ |[.?!;)] |, )(?:con |rieng |va )?(?:toi|em|minh|tui)(?: (?:ten|la) \w+)?(?: ,)? (?:nam|nu|sinh|\d{2} tuoi)\b/;
/** Whether the place `at` is in a sentence whose subject is a relative ("3) Chồng tôi sinh 9/1968, … đã rút …"). */
function inRelativeSentence(f: string, at: number): boolean {
  // (Only beside the asker's own facts: a letter all about a relative, "Chồng tôi 55 tuổi, đóng … từ tháng 1/2008 tới nay",
  // is read for them.)
  if (!has(ASKER_FACTS, f)) return false;
  const start = Math.max(0, f.lastIndexOf(' . ', at), f.lastIndexOf(' ? ', at), f.lastIndexOf(' ) ', at));
  return has(RELATIVE_SUBJECT, f.slice(start, at));
}
/** A status held since a year, before its period ("thuộc hộ nghèo từ năm 2015 đến nay"): no years paid. */
const STATUS_BEFORE = /\b(?:ho ngheo|ho can ngheo|can ngheo|ngheo|khuyet tat|that nghiep) $/;
/** A period's start month with the years paid from it: "tới 1/2015 mới đóng tự nguyện được 2 năm". */
const START_COUNTED = /\b(?:tu|toi|den|thang) (?:thang )?(\d{1,2}) ((?:19|20)\d\d) (?:moi |lai |thi )?(?:dong|tham gia)(?: (?!nam\b)\w+){0,4}? (?:duoc )?(\d{1,2}) nam\b(?! (?:nua|toi|sau))/g;
/** A company job told with the end of its insured years ("làm công ty có đóng bhxh bắt buộc từ 7/2005 đến 6/2012"): [, end year]. */
const JOB_PERIOD_ENDED = /\b(?:lam|cong ty|cty)\b(?: \w+){0,6}? (?:dong|co) (?:bhxh|bao hiem|bh)\b(?: \w+){0,3}? (?:tu (?:thang )?(?:\d{1,2} )?(?:nam )?(?:19|20)\d\d )?(?:den|toi) (?:het )?(?:thang )?(?:\d{1,2} )?(?:nam )?((?:19|20)\d\d)\b/;
/** A parent's birth year ("ba sinh năm 1954", "má sn 1957"). */
const PARENT_BORN = /\b(ba|bo|cha|me|ma|ong|ba noi|ba ngoai)(?: (?:toi|em|minh|tui))? (?:sinh|sn) (?:nam )?(19[2-6]\d)\b/g;
/** A withdrawal the person is not sure of ("không nhớ đã lãnh một lần chưa", "không biết đã rút chưa"). */
const WITHDRAWAL_UNSURE = /\b(?:khong|ko|chang) (?:nho|biet|ro)\b(?: \w+){0,4}? (?:rut|nhan|lanh|huong) (?:\w+ ){0,4}?(?:mot lan|1 lan)?(?: \w+)? chua\b/g;
/** Two years in a row, a span ("(2017 2024)"). */
const YEAR_SPAN = /\b((?:19[5-9]|20[0-4])\d) ((?:19[5-9]|20[0-4])\d)\b/g;
const MONTHS_PAID = /\b(?:dong|tham gia|duoc|co)\b(?: \w+){0,5}? (?:duoc |hon |tren |gan |du |la )?(\d{2,3}) thang\b(?! (?:mot lan|1 lan|nay|toi|sau|nua|truoc|khong|lien|ke|cuoi|dau))/;
/** A few months paid, told with "được" or "mới" ("đóng được 10 tháng", "mới đóng 8 tháng", "đóng … mức thấp nhất, được 8 tháng"), not a mode or a time to come. */
const FEW_MONTHS_PAID = /\b(?:(?:dong|tham gia)(?: (?:bhxh|tu nguyen|bao hiem))* duoc|(?:dong|tham gia)(?: (?:bhxh|tu nguyen|bao hiem))* muc (?:thap nhat|toi thieu) ,? duoc|moi (?:dong|tham gia)(?: (?:bhxh|tu nguyen|bao hiem|duoc))*) (?:hon |gan |khoang )?([1-9]|1[0-2]) thang\b(?! (?:mot lan|1 lan|nua|toi|sau|truoc|la|roi thi))(?! (?:lien|ke)\b)/;
const YEAR = '(19[4-9]\\d|20[0-4]\\d)';
// ("từ tháng 3/2012 đến tháng 6/2020", "từ 1/2016 đến 12/2022", "từ tháng 1/2008 tới nay"; a later period without "từ":
// "tháng 1/2025 đóng lại tới giờ", "Tháng 1/2023 tôi đóng lại mức 1,5 triệu, đóng hằng tháng tới giờ"; or its start told
// with "đến": "Sau đó ở nhà nội trợ, đến 1/2021 đóng tự nguyện được tới 2/2023"; a start and its end farther apart when
// the end follows paying: "từ tháng 1/2008, hồi mới có loại bảo hiểm này, đóng liên tục tới tháng 11/2026"; a remark in
// brackets after the start: "từ tháng 1/2008 (năm đầu có bhxh tự nguyện) tới giờ"; the payer and the paying after the start:
// "tu 1/2026 toi dong tu nguyen hang thang, den het thang 12/2026", its end told with "đến" ("tới nay" after "tôi" is ambiguous);
// the paying's words after the start, more than four: "từ 1/2016 đóng tự nguyện liên tục đến tháng 9/2026".)
const PERIOD = new RegExp(
  `\\b(?:tu (?:(?:thang )?(\\d{1,2}) )?(?:nam )?${YEAR} (?:\\( [^()]{0,80}\\) )?(?:(?:[\\w,]+ ){0,4}?|(?:dong|nop|tham gia)(?: (?:bhxh|bao hiem|xa hoi|tu nguyen|tn|bat buoc|lien tuc|deu|deu dan|tiep|tiep tuc|hang thang|lai)){2,6} |(?:(?!tu (?:thang |nam )?\\d|sinh\\b|(?:19|20)\\d\\d\\b)[\\w,]+ ){4,14}?(?:dong|nop)(?: (?:lien tuc|deu|deu dan|tiep|tiep tuc|hang thang))? |(?:toi|em|minh|tui) (?:dong|nop|tham gia) (?:(?!tu (?:thang |nam )?\\d|sinh\\b)[\\w,]+ ){0,8}?(?=den\\b))|(?<!\\bsinh (?:ngay \\d{1,2} )?)thang (\\d{1,2}) ${YEAR} (?=(?:[\\w,]+ ){0,4}?(?:dong|tham gia|nop)\\b)(?:(?!tu (?:thang |nam )?\\d|sinh\\b)[\\w,]+(?:\\.\\d+)? ){1,14}?|(?<=(?:^|[.,;:] |sau do |roi ))(?:den|toi) (?:thang )?(\\d{1,2}) ${YEAR} (?:moi |lai |thi )?(?:dong|tham gia) (?:[\\w,]+ ){0,14}?)(?:den|toi|sang) (?:het )?(?:(?:(?:thang )?(\\d{1,2}) )?(?:nam )?${YEAR}|(nay|gio|bay gio|hien nay|hien tai))\\b`,
  'g',
);

/**
 * Years paid told in months or as periods of paid work, when not told in years: "180 tháng" is 15 years;
 * "từ năm 1998 đến năm 2012" 14; "từ tháng 3/2005 đến tháng 6/2019" counts the months of both ends. Periods
 * count only next to words of paying or working (a story's dates are not paid years).
 */
function monthsPaid(f: string, periods: () => Spans | undefined): number | undefined {
  const m = MONTHS_PAID.exec(f);
  const n = m?.[1] ? Number(m[1]) : 0;
  if (n >= 13 && n <= 540) return Math.round((n / 12) * 100) / 100;
  // ("đóng được 10 tháng rồi nghỉ", "mới đóng 8 tháng": a few months paid, told alone.)
  const few = FEW_MONTHS_PAID.exec(f);
  if (few?.[1]) return Math.round((Number(few[1]) / 12) * 100) / 100;
  if (!has(/\b(?:dong|tham gia|bhxh|bao hiem|lam viec|cong tac|di lam)\b/, f)) return undefined;
  const spans = periods();
  const months = spans?.reduce((t, [a, b]) => t + b - a, 0) ?? 0;
  return months >= 12 && months <= 540 ? Math.round((months / 12) * 100) / 100 : undefined;
}

/**
 * The periods paid that a text tells, as [first month, month after the last) from year 0, merged so that
 * overlapping ones count once ("từ năm 2002 đến năm 2012" beside the same years told again by salary grade, "từ
 * tháng 03/2002 đến 09/2004 …"); gaps told are left out. Undefined when a period ends before it starts.
 */
type Spans = [number, number][];

function paidSpans(f: string, year: number, month?: number): Spans | undefined {
  const spans: [number, number][] = [];
  const stops: number[] = [];
  const claimed: [number, number][] = [];
  for (const p of f.matchAll(PERIOD)) {
    // ("đi XKLĐ Đài Loan từ 2012 đến 2018", "2008–2013 tôi đi làm ở Hàn Quốc": years abroad, not paid here.)
    if (has(ABROAD_BEFORE, f.slice(Math.max(0, p.index - 40), p.index)) || has(ABROAD_AFTER, f.slice(p.index + p[0].length, p.index + p[0].length + 80))) continue;
    // ("Ông em đi bộ đội 1978-1984", "đi bộ đội từ 1979 đến 1986 thì xuất ngũ": army service before 1995, which the SI office may
    // or may not count, on the discharge papers; not a period paid.)
    const firstYear = Number(p[2] ?? p[4] ?? p[6]);
    if (armyBefore(f, p.index, firstYear) || (firstYear < 1995 && has(/^ (?:(?:toi|em|minh|tui|ong|bo|ba) )?(?:di |vao )?(?:bo doi|nghia vu quan su|quan ngu)\b/, f.slice(p.index + p[0].length, p.index + p[0].length + 30)))) continue;
    // ("nhà tôi thuộc hộ nghèo từ năm 2015 đến nay": a household's status, not years paid.)
    if (has(STATUS_BEFORE, f.slice(Math.max(0, p.index - 24), p.index))) continue;
    // ("Còn chồng tôi đóng tự nguyện được 3 năm (từ 2020 đến 2022) thì mất": a relative's years, told in their sentence.)
    if (inRelativeSentence(f, p.index)) continue;
    // ("hưởng lương hưu từ BHXH tự nguyện từ tháng 9/2025, đến tháng 10/2026 thì mất": months drawn, not paid.)
    if (has(DRAWN_BEFORE, f.slice(Math.max(0, p.index - 48), p.index))) continue;
    // ("ngừng từ tháng 1/2025 đến giờ": months not paid.)
    const startMonth = p[1] ?? p[3] ?? p[5];
    const [from, to] = [firstYear, p[9] ? year : Number(p[8])];
    if (!(to >= from)) return undefined;
    // ("Nếu đóng tự nguyện thêm 3 năm 2027–2029": years to come, not paid.)
    if (from > year) continue;
    // Up to now: up to this month when the day is known ("từ tháng 1/2008 tới nay", read in 12/2026: 228 months).
    const endMonth = p[7] ?? (p[9] && month !== undefined ? String(month) : undefined);
    // ("năm 2021-2022 nghỉ 2 năm vì dịch": a gap told after its years, also not paid; it ends a start told alone.)
    // ("từ 2005 đến 2016 tôi ở nhà nội trợ, không đóng gì": years told as not paid, in the period's own clause; "…, chưa
    // từng đóng bắt buộc" is the other scheme.)
    const clause = CLAUSE_AFTER.exec(f.slice(p.index + p[0].length))?.[0] ?? '';
    if (has(STOP_BEFORE, f.slice(Math.max(0, p.index - 24), p.index)) || has(STOP_AFTER, f.slice(p.index + p[0].length, p.index + p[0].length + 24)) || has(NOT_PAID_CLAUSE, clause.replace(NO_COMPULSORY, ' ')) || (has(IDLE_CLAUSE, clause) && !has(PAID_WORD, clause)) || (has(OWN_TRADE, p[0]) && !has(PAID_WORD, p[0]) && !has(PAID_WORD, clause))) {
      stops.push(from * 12 + (startMonth ? Number(startMonth) - 1 : 0));
      continue;
    }
    claimed.push([p.index, p.index + p[0].length]);
    // ("từ 2009 đến hết 2013": five whole years, through the end year.)
    const throughEnd = !endMonth && !startMonth && has(/\b(?:den|toi|sang) het (?:nam )?(?:19|20)\d\d\b/, p[0]) ? 12 : 0;
    // ("từ năm 2010 đến 2015 (6 năm)": the years the person counts, told in brackets, when they are about the span's.)
    const counted = /^ \( (\d{1,2}) nam \)/.exec(f.slice(p.index + p[0].length));
    const spanLength = startMonth && endMonth ? (to - from) * 12 + Number(endMonth) - Number(startMonth) + 1 : (to - from) * 12 + throughEnd;
    // (Or further on in the same clause, "2008–2013 làm công ty điện tử 6 năm", "từ 2005 đến 2012 tôi làm công ty xây
    // dựng, đóng BHXH bắt buộc 8 năm", counting the end year whole.)
    const countedAfter = counted || startMonth || endMonth ? null : COUNT_IN_CLAUSE.exec(clause);
    // (Or just before it, "4 năm BHXH bắt buộc hồi làm ở nông trường (2001-2004)": the end year whole.)
    const countedBefore = counted || countedAfter || startMonth || endMonth ? null : /\b(\d{1,2}) nam\b(?: (?!nam\b|tu\b)[\w,]+){0,10} \(? ?$/.exec(f.slice(Math.max(0, p.index - 80), p.index));
    const told = counted ?? (countedAfter && Number(countedAfter[1]) * 12 >= spanLength ? countedAfter : null) ?? (countedBefore && Number(countedBefore[1]) * 12 === spanLength + 12 ? countedBefore : null);
    const length = told && Math.abs(Number(told[1]) * 12 - spanLength) <= 12 ? Number(told[1]) * 12 : spanLength;
    const first = from * 12 + (startMonth ? Number(startMonth) - 1 : 0);
    spans.push([first, first + length]);
    // ("từ 2008 đến 2019, sau đó đóng tự nguyện đến hết 12/2025": a second period from the end of the first.)
    const rest = f.slice(p.index + p[0].length);
    const next = CONTINUED.exec(rest);
    if (next && !has(/\btu (?:thang )?(?:\d{1,2} )?(?:nam )?(?:19|20)\d\d\b/, next[0])) {
      const nextYear = next[3] ? year : Number(next[2]);
      const through = next[3] ? (month ?? 12) : next[1] ? Number(next[1]) : has(/\bhet (?:nam )?(?:19|20)\d\d$/, next[0]) ? 12 : 0;
      const end = nextYear * 12 + through;
      if (end > first + length && end - (first + length) <= 540) {
        spans.push([first + length, end]);
        claimed.push([p.index + p[0].length, p.index + p[0].length + next[0].length]);
      }
    }
  }
  // A start told with its own count ("tới 1/2015 mới đóng tự nguyện được 2 năm thì dừng").
  for (const c of f.matchAll(START_COUNTED)) {
    if (claimed.some(([a, b]) => c.index >= a && c.index < b)) continue;
    const first = Number(c[2]) * 12 + Number(c[1]) - 1;
    spans.push([first, first + Number(c[3]) * 12]);
    claimed.push([c.index, c.index + c[0].length]);
  }
  // A start told alone ("đóng tự nguyện từ tháng 1/2012 …") up to the gap told after it.
  for (const o of stops.length > 0 ? f.matchAll(OPEN_START) : []) {
    // (Not a period's own start read again from a word before it, "đóng BHXH bắt buộc từ năm 2008 đến hết năm 2015".)
    if (claimed.some(([a, b]) => o.index < b && o.index + o[0].length > a)) continue;
    const first = Number(o[2]) * 12 + (o[1] ? Number(o[1]) - 1 : 0);
    const stop = Math.min(...stops.filter((x) => x > first));
    if (Number.isFinite(stop)) spans.push([first, stop]);
  }
  spans.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [a, b] of spans) {
    const last = merged[merged.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  return merged;
}

/** Retirement age for people reaching it in `year` (Labour Code 2019 Art 169, Decree 135/2020), in months. */
export function retirementAgeMonths(sex: 'male' | 'female', year: number): number {
  if (sex === 'male') return Math.min(62 * 12, 60 * 12 + 3 * Math.max(0, year - 2020));
  return Math.min(60 * 12, 55 * 12 + 4 * Math.max(0, year - 2020));
}

/** "61 tuổi 6 tháng", "57 tuổi". */
export function formatAge(months: number): string {
  const y = Math.floor(months / 12);
  const m = months % 12;
  return m === 0 ? `${y} tuổi` : `${y} tuổi ${m} tháng`;
}
