import { DateTime } from 'luxon';
import { TIMEZONE } from '../time-zone.ts';

/** The default campaign, taken from the 2020 joint plan of VSS and Vietnam Post (section III of the plan). */
export const DEFAULT_CAMPAIGN = {
  slug: 'thang-van-dong-bhxh-toan-dan',
  name: 'Tháng vận động triển khai BHXH toàn dân',
  theme: 'Chính sách bảo hiểm xã hội - điểm tựa an sinh của người lao động và Nhân dân',
  hotline: '1900 9068',
  districtTarget: 50,
  /** Launch: 08:00 on 23 May, Asia/Ho_Chi_Minh. */
  launchMonth: 5,
  launchDay: 23,
  launchHour: 8,
  /** The eleven campaign messages of section III.3, verbatim. */
  messages: [
    'Đảng và Nhà nước chăm lo cuộc sống Nhân dân thông qua chính sách bảo hiểm xã hội.',
    'Bảo hiểm xã hội là chính sách bảo hiểm của Đảng và Nhà nước, vì quyền lợi của người lao động và Nhân dân.',
    'Đảng và Nhà nước quyết tâm thực hiện BHXH toàn dân.',
    'Cả nước chung tay thực hiện bảo hiểm xã hội toàn dân.',
    'Bảo hiểm xã hội tự nguyện do cơ quan Bảo hiểm xã hội thực hiện là chế độ hưu trí ưu việt của Đảng và Nhà nước, vì quyền lợi của người tham gia.',
    'Tham gia bảo hiểm xã hội tự nguyện để được hưởng lương hưu hàng tháng và chăm sóc sức khỏe khi về già.',
    'Hãy tham gia bảo hiểm xã hội ngay hôm nay, vì sự ổn định cuộc sống của bản thân và gia đình. Liên hệ số hotline 1900.9068 hoặc đến đại lý thu bảo hiểm xã hội để được tư vấn, hỗ trợ.',
    'Hãy tham gia bảo hiểm xã hội vì sự ổn định cuộc sống của bản thân và gia đình.',
    'Hãy tham gia bảo hiểm xã hội tự nguyện vì cuộc sống an lành, vì hạnh phúc tương lai.',
    'Bảo hiểm xã hội tự nguyện giảm nỗi lo tài chính khi về già.',
    'Bảo hiểm xã hội tự nguyện chỗ dựa vững chắc của người lao động tự do.',
  ],
} as const;

/** The next 23 May at 08:00 Asia/Ho_Chi_Minh at or after `now`. */
export function nextLaunch(now: Date): Date {
  const local = DateTime.fromJSDate(now, { zone: TIMEZONE });
  let launch = DateTime.fromObject(
    { year: local.year, month: DEFAULT_CAMPAIGN.launchMonth, day: DEFAULT_CAMPAIGN.launchDay, hour: DEFAULT_CAMPAIGN.launchHour },
    { zone: TIMEZONE },
  );
  if (launch < local) launch = launch.plus({ years: 1 });
  return launch.toJSDate();
}
