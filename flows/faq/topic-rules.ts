import type { Topic } from './kb.ts';

/**
 * Topic cues on canonical text (see normalise.ts: folded, abbreviations expanded, "mot lan", "bao_nhieu",
 * "hongheo", "canngheo", "dantoc", "bhyt", "qua_doi" …). Each cue adds its weight to its topic's score, on top
 * of the search score (which is scaled to 0..1). They encode what the words of a question say about its main
 * ask when entries share vocabulary ("đóng một lần" for missing years vs "rút một lần").
 */
export interface TopicRule {
  topic: Topic;
  re: RegExp;
  weight: number;
  /** Topics whose cues in the same part count half when this cue is present (a more specific reading wins). */
  suppress?: readonly Topic[];
}

const r = (topic: Topic, weight: number, re: RegExp, suppress?: readonly Topic[]): TopicRule =>
  suppress ? { topic, re, weight, suppress } : { topic, re, weight };

export const TOPIC_RULES: readonly TopicRule[] = [
  // lump sum: withdrawing, receiving "một lần"
  r('lump_sum', 0.55, /\b(?:rut|lay lai|lay ra|rut ra|nhan lai (?:\w+ ){0,2}tien|lay tien (?:\w+ ){0,2}(?:ve|ra))\b|\b(?:duoc|the) lay\b(?! (?:so|the|giay|ma|lai so|y kien))/),
  r('lump_sum', 0.45, /\b(?:nhan|huong|lanh|lay|tro cap) (?:\w+ ){0,4}mot lan\b|\bmot lan (?:\w+ ){0,2}(?:duoc|nhan|huong)\b/),
  r('lump_sum', 0.35, /\b(?:dinh cu|ung thu|benh hiem ngheo|nghi (?:dong )?(?:mot nam|12 thang))\b/),
  // A listed illness opens the lump sum at any age: the age and years told are the situation, not the ask.
  r('lump_sum', 0.25, /\b(?:ung thu|bai liet|xo gan|lao nang|aids|benh hiem ngheo)\b/, ['pension_conditions']),
  // survivor
  r('survivor', 0.7, /\b(?:qua_doi|mai tang|tu tuat|tuat|than nhan(?! tao))\b/),
  // A death told with payments ("đã đóng trước 3 năm thì mất"): what the family gets back, not the payment rules.
  r('survivor', 0.2, /\b(?:qua_doi|thi mat|roi mat)\b/, ['payment_mode', 'contribution_amount']),
  r('survivor', 0.55, /\bthi mat\b(?! (?:tien|quyen|gi|thoi|so|het|bao|nhung|luon|cong|viec|di|hon))|\bmat (?:do|vi) (?:benh|tai nan|ung thu|dot quy|tuoi gia)\b|\b(?:vo con|con cai|gia dinh|nguoi nha|than nhan(?! tao)) (?:\w+ ){0,2}(?:duoc|se duoc) (?:huong|nhan)\b/),
  r('survivor', 0.55, /\bmat\b.*\b(?:gia dinh|nguoi nha|vo con|con cai|nguoi than)\b|\b(?:bo|me|chong|vo|ong|ba) \w+ (?:\w+ ){0,6}mat\b(?! (?:tien|quyen|gi|thoi|so))/),
  // maternity
  r('maternity', 0.9, /\bthai (?:\w+ ){0,2}luu\b|\bsay thai\b|\bsinh non\b/),
  r('maternity', 0.75, /\b(?:dang bau|bau \d+ thang|(?:luc|khi|sap) sinh|thai san|sinh con|mang thai|mang bau|co bau|du sinh|sinh nở|nuoi con nho)\b/),
  // health insurance
  r('health_insurance', 0.6, /\b(?:bhyt|kham benh|kham chua benh|chi tra vien phi|vien phi)\b/),
  // subsidy
  r('subsidy', 0.5, /\b(?:ho tro|tro gia)\b(?! (?:tu van|giai dap|dong bhyt|bhyt|mua bhyt))/),
  r('subsidy', 0.45, /\bnha nuoc (?:\w+ ){0,2}(?:cho tien|tra|bu|dong gium|dong ho|chi tra)\b/),
  r('subsidy', 0.35, /\b(?:hongheo|canngheo|dantoc|xa dao|dac khu)\b/),
  r('subsidy', 0.2, /\b(?:giam bao_nhieu|duoc giam|mien giam)\b/),
  // calculator: a concrete amount to compute
  // "tính giúp", "tính lương hưu" ask for a sum; "cách tính", "được tính thế nào" ask for the method.
  r('calculator', 0.7, /(?<!cach |duoc )\btinh (?:giup|thu|dum|ho(?! tro)|cho|luong huu|muc dong|tien|xem)\b|\bdu (?:kien|tinh)\b/),
  r('calculator', 0.45, /\b(?:muc|thu nhap|chon|dong theo muc|luong|binh quan) (?:\w+ ){0,2}\d+(?:[ .,]\d+)* ?(?:trieu|nghin|dong)\b/),
  // An amount and a request for the sum: "mức 3 triệu … phải đóng bao nhiêu", "… hết bao nhiêu".
  r('calculator', 0.35, /\b\d+(?:[ .,]\d+)* ?(?:trieu|nghin)\b.*\b(?:phai (?:dong|nop)|(?:dong|nop|het) (?:\w+ ){0,2}bao_nhieu|bao_nhieu tien|duoc khoang|khoang bao_nhieu)\b|\b(?:phai dong|phai nop) (?:\w+ ){0,3}\d+ ?(?:trieu|nghin)\b/, ['contribution_amount', 'benefits_pension']),
  r('calculator', 0.5, /\btong (?:cong|so tien|so|tien) (?:\w+ ){0,4}(?:dong|nop|phai)\b|\btong cong (?:\w+ ){0,3}bao_nhieu\b/),
  r('calculator', 0.3, /\b\d+ nam (?:\w+ ){0,4}\d+ (?:trieu|nghin)\b|\b\d+ (?:trieu|nghin) (?:\w+ ){0,6}\d+ nam\b/),
  // contribution amount ("lao động", "hợp đồng" fold to "… dong" too: not paying)
  r('contribution_amount', 0.35, /\b(?:muc dong|tien dong|(?<!\b(?:lao|hop) )dong (?:\w+ ){0,3}bao_nhieu)\b/),
  r('contribution_amount', 0.35, /\b(?:bao_nhieu (?:\w+ ){0,2}(?:mot thang|moi thang|mot nam)|(?:mot thang|moi thang|mot nam|hang thang) (?:\w+ ){0,3}bao_nhieu)\b/),
  r('contribution_amount', 0.35, /\b(?:muc tran|muc san|tran dong)\b|\btien (?:\w+ ){0,3}dong (?:\w+ ){0,4}quy dinh\b/),
  r('contribution_amount', 0.35, /\bdong (?:\w+ ){0,2}(?:ty le|can cu)\b|\b(?:ty le|can cu) (?:\w+ ){0,2}dong\b/),
  r('contribution_amount', 0.35, /\b(?:(?:co the|duoc) (?:tu )?chon|tu chon|lua chon) (?:\w+ ){0,2}(?:muc|thu nhap)\b/),
  // "tối đa" folds like "tôi đã" (I have …), which opens half the stories: only after a level or before a figure.
  r('contribution_amount', 0.35, /\b(?:thap nhat|cao nhat|toi thieu|it nhat|22(?! (?:nam|tuoi|thang|ngay))|ty le dong|phan tram thu nhap|can cu dong|chuan ngheo)\b|\b(?:muc|dong|nop|thu nhap|duoc chon) toi da\b|\btoi da (?:la|bao_nhieu|\d)/),
  // payment mode
  r('payment_mode', 0.45, /\b(?:\d+|mot|ba|sau|muoi hai) thang mot lan\b|\bmot lan cho (?:\w+ )?nam\b|\b(?:theo quy|theo nam|nhieu nam|dong truoc)\b/),
  r('payment_mode', 0.45, /\b(?:dong bu|qua han|han chot|han nop|thoi han|tam dung|gian doan|phuong thuc|bi phat|giam muc|tang muc|dong gop|dong don|mot cuc|dong kip|dong cham|dong tre|doi (?:\w+ ){0,3}(?:muc|phuong thuc|sang))\b/),
  r('payment_mode', 0.5, /\b(?:dung|ngung|tam dung|nghi|ngat) dong (?:\w+ ){0,5}dong lai\b|\bdong lai (?:\w+ ){0,3}(?:sau khi|khi) (?:dung|ngung|nghi)\b/),
  r('payment_mode', 0.35, /\b(?:hoan tra|tra lai|hoan lai) (?:\w+ ){0,6}dong truoc\b|\bdong truoc (?:\w+ ){0,8}(?:hoan tra|tra lai|hoan lai)\b/),
  r('payment_mode', 0.45, /\b(?:mot|\d+) (?:nam|quy) mot lan\b|\bdong mot lan (?:cho )?(?:\d+ |nhieu |vai |bao_nhieu )nam\b/),
  // "đóng dồn một cục mấy năm": several years paid at once ("mấy" reads as bao_nhieu), not how many years a pension needs.
  r('payment_mode', 0.3, /\b(?:mot cuc|mot luc|mot lan) (?:cho )?(?:nhieu|vai|bao_nhieu) nam\b/, ['pension_conditions', 'contribution_amount']),
  r('payment_mode', 0.55, /\b(?:ha (?:xuong )?muc|ha thap muc|nang muc|doi muc|chuyen muc|het ky|cho het)\b/, ['calculator', 'contribution_amount']),
  r('payment_mode', 0.25, /\b(?:hang thang|dong tiep|ngung dong|dung dong|khong dong)\b/),
  // pension conditions
  // "cần đóng tối thiểu bao nhiêu năm": the years, not the lowest amount.
  r('pension_conditions', 0.6, /\b(?:toi thieu|it nhat) (?:la )?(?:bao_nhieu|bao nhieu|may) nam\b|\b(?:bao_nhieu|bao nhieu|may) nam (?:la )?(?:toi thieu|it nhat)\b/, ['contribution_amount']),
  r('pension_conditions', 0.45, /\b(?:bao_nhieu nam|bao nhieu nam|du (?:\d+ )?nam|bao_nhieu tuoi (?:\w+ ){0,3}(?:nghi huu|luong huu)|tuoi nghi huu|du tuoi|qua (?:\d+ )?tuoi|con thieu|dong not|dong them (?:\w+ ){0,2}nam|dieu kien (?:huong )?luong huu|bao gio (?:\w+ ){0,3}(?:nghi huu|luong huu)|kip)\b/),
  r('pension_conditions', 0.35, /\b(?:co luong huu|duoc luong huu|huong luong huu|nhan luong huu|lanh luong huu|nhan luong huu)\b(?: \w+){0,2} khong\b|\bnghi huu\b/),
  r('pension_conditions', 0.5, /\b(?:thu tuc|ho so|giay to) (?:\w+ ){0,2}(?:huong|nhan) luong huu\b/),
  r('pension_conditions', 0.3, /\bden \d+ tuoi\b/),
  r('pension_conditions', 0.4, /\b(?:khong lien tuc|dut quang|ngat quang|gian doan) (?:\w+ ){0,8}(?:luong huu|nghi huu)\b/),
  r('pension_conditions', 0.45, /\bdong (?:\w+ ){0,2}bao lau (?:\w+ ){0,4}luong huu\b/),
  r('pension_conditions', 0.45, /\bdieu kien (?:\w+ ){0,6}luong huu\b/),
  r('pension_conditions', 0.2, /\b\d+ tuoi (?:\w+ ){0,5}\d+ nam\b|\bsinh nam \d{4}\b/),
  // benefits and pension amount
  r('benefits_pension', 0.45, /\b(?:che do|quyen loi|loi ich|ty le (?:huong )?luong huu|phan tram luong huu|luong huu (?:\w+ ){0,3}tinh|tinh (?:toan )?(?:\w+ ){0,3}luong huu|dieu chinh|binh quan|huong (?:nhung )?gi|duoc nhung gi)\b/),
  r('benefits_pension', 0.4, /\b(?:them (?:\w+ ){0,2}(?:khoan|tro cap)|ngoai luong huu|tro cap gi)\b/),
  r('benefits_pension', 0.45, /\bluong huu (?:\w+ ){0,3}(?:thap nhat|toi thieu|cao nhat|toi da|du song)\b|\b(?:ve gia|sau nay|khi gia|luc gia) (?:\w+ ){0,2}duoc (?:nhung )?gi\b/),
  r('benefits_pension', 0.2, /\bduoc (?:nhung )?gi\b/),
  // "cách tính toán chế độ và lương hưu", "lương hưu của tôi sẽ tính như thế nào": the amount, not the conditions.
  // (Both schemes named: how the two periods combine is the ask, see transfer_between_schemes.)
  r('benefits_pension', 0.5, /^(?!.*\b(?:bat buoc|cong ca|cong don|cong gop|hai (?:thoi gian|giai doan|loai))\b).*(?:\bcach tinh (?:\w+ ){0,4}(?:luong huu|che do huu)\b|\bluong huu (?:\w+ ){0,4}(?:tinh|thuc hien) (?:nhu )?the nao\b)/, ['pension_conditions']),
  r('benefits_pension', 0.35, /\bluong huu (?:\w+ ){0,2}(?:duoc )?bao_nhieu\b|\b(?:thap|cao) hon (?:\w+ ){0,2}luong co so\b/),
  r('benefits_pension', 0.5, /\btro cap mot lan (?:\w+ ){0,2}(?:khi|luc) nghi huu\b|\b(?:tren|hon|qua|vuot) (?:30|35) nam\b/, ['lump_sum']),
  r('benefits_pension', 0.45, /\b(?:truot gia|he so (?:\w+ ){0,2}(?:dieu chinh|truot gia)|(?:gia|ve gia|khi gia) (?:\w+ ){0,2}co (?:luong huu|tien))\b/),
  r('benefits_pension', 0.45, /\b(?:ty le|phan tram)\b.*\bluong huu\b|\bluong huu\b.*\b(?:ty le|phan tram)\b|\btang luong huu\b/),
  // eligibility
  r('eligibility', 0.45, /\b(?:doi tuong|ai duoc|gioi han tuoi|sinh vien|hoc sinh|nguoi nuoc ngoai|thuoc dien|du dieu kien tham gia|tam hoan|song song|dong them)\b/),
  r('eligibility', 0.45, /\b(?:tu|du|tren|duoi) \d+ tuoi (?:\w+ ){0,4}(?:dong|tham gia)\b|\btham gia lai\b/),
  r('eligibility', 0.3, /\bchua (?:tung|bao gio) (?:dong|tham gia)\b|\bchua dong (?:\w+ ){0,2}ngay nao\b/),
  // Took the lump sum and asks to pay again: joining anew, not withdrawing.
  r('eligibility', 0.45, /\b(?:da|moi|vua|tung) (?:rut|nhan|huong) (?:\w+ )?mot lan\b(?=.*\b(?:dong lai|tham gia lai|dong tiep|lai tu dau|viec moi|di lam lai)\b)/, ['lump_sum']),
  r('eligibility', 0.3, /\b(?:noi tro|o nha|nong dan|buon ban|lao dong tu do|lam tu do|giup viec|xe om|ban hang)\b/),
  r('eligibility', 0.5, /\bdang (?:huong|nhan) (?:\w+ ){0,4}(?:co )?(?:duoc )?(?:dong|tham gia)(?: \w+){0,3} (?:duoc|khong)\b/, ['other']),
  r('eligibility', 0.5, /\b(?:tu )?(?:bao_nhieu|may) tuoi (?:\w+ ){0,3}(?:dong|tham gia)\b/),
  r('eligibility', 0.3, /\b(?:co|con) (?:\w+ ){0,3}(?:tham gia|dong)(?: \w+){0,3} (?:duoc|khong)\b|\b(?:tham gia|dong) (?:\w+ ){0,2}duoc (?:khong|nua)\b/),
  r('eligibility', 0.35, /\b(?:dang huong luong huu|dang nhan luong huu|nghi huu roi|(?:huong|nhan) tro cap (?:\w+ ){0,4}hang thang|tro cap hang thang)\b/),
  // how to join
  r('how_to_join', 0.6, /\b(?:dang ky|giay to|to khai|mau|lam so|cac buoc|bat dau tham gia|lam the nao de tham gia|tham gia (?:\w+ ){0,3}(?:nhu the nao|lam sao|the nao|lam gi)|thu tuc (?:dang ky|tham gia))\b/),
  r('how_to_join', 0.2, /\bthu tuc\b/),
  r('how_to_join', 0.4, /\b(?:tham gia|dang ky) (?:\w+ ){0,2}lan dau\b|\b(?:duoc cap|cap|nhan) so\b/),
  r('how_to_join', 0.45, /\b(?:bat dau (?:tu dau|the nao|lam gi)|can mang|mang theo|chuan bi (?:\w+ ){0,2}(?:giay|ho so))\b/),
  // where to pay
  r('where_to_pay', 0.5, /\b(?:buu dien|dai ly thu|ngan hang|vi dien tu|viettel|cong tac vien|nop tien|bien lai|thanh toan)\b/),
  r('where_to_pay', 0.35, /\b(?:nop|dong) tien (?:\w+ ){0,3}qua\b/, ['other', 'how_to_join']),
  r('where_to_pay', 0.45, /\b(?:nop|dong) tien (?:\w+ ){0,5}(?:bang )?cach nao\b/, ['eligibility']),
  r('where_to_pay', 0.35, /\b(?:noi khac|khac tinh|tam tru|ho khau|thuong tru|sinh song|chuyen (?:nha|den|vao|ra)|ve que (?:dong|nop))\b/),
  r('where_to_pay', 0.5, /\b(?:dong|nop) (?:\w+ ){0,2}cho ai\b|\b(?:nguoi|ai|noi|cho) thu tien\b|\bthu tien (?:\w+ ){0,4}(?:la ai|o dau)\b/),
  r('where_to_pay', 0.35, /\b(?:(?<!\b(?:lao|hop) )dong|nop) (?:\w+ ){0,3}o dau\b|\bo dau (?:\w+ ){0,2}(?:dong|nop)\b/),
  // transfer between schemes
  r('transfer_between_schemes', 0.45, /\bbat buoc\b/),
  r('transfer_between_schemes', 0.4, /\b(?:xuat khau lao dong|di lao dong (?:\w+ ){0,2}nuoc ngoai)\b/, ['lump_sum']),
  r('transfer_between_schemes', 0.35, /\bdang dong (?:\w+ ){0,3}(?:ma|thi|lai|nhung) (?:\w+ ){0,5}(?:hop dong|cong ty|bat buoc)\b/),
  r('transfer_between_schemes', 0.35, /\b(?:gop (?:chung|so)|chuyen (?:sang|qua|tu)|so cu|cong ty)\b/),
  r('transfer_between_schemes', 0.2, /\b(?:cong don|cong gop|cong lai|gop lai)\b/),
  // "có được cộng 5 năm cũ không": the old years added to the new ones.
  r('transfer_between_schemes', 0.2, /\bcong (?:lai )?(?:\w+ ){0,2}(?:nam|thoi_gian|thoi gian) (?:cu|truoc|da dong)\b/),
  r('transfer_between_schemes', 0.4, /\b(?:duoc )?tinh (?:de |vao |cho )?(?:huong )?(?:tro cap |che do |bao hiem )?(?:that nghiep|om dau|thai san|bhtn)\b/, ['other', 'eligibility']),
  // campaign
  r('campaign', 0.7, /\b(?:su kien|le phat dong|phat dong|chien dich|van dong|chu de|tuyen truyen|khau hieu|cao diem|diem tua|23 5|muc tieu)\b/),
  // contact
  r('contact_hotline', 0.5, /\b(?:(?:co quan|tru so|van phong|huyen|tinh|khu vuc) (?:\w+ ){0,2}o dau|gio lam viec|dia chi)\b/),
  r('contact_hotline', 0.5, /\b(?:zalo|trang web|website|fanpage|facebook|hoi qua|nhan tin)\b/),
  r('contact_hotline', 0.55, /\b(?:khieu nai|phan anh|gui don|to cao|kien nghi)\b/),
  r('contact_hotline', 0.65, /\b(?:tong dai|so dien thoai|hotline|lien he|goi dien|tu van truc tiep|hoi truc tiep|sap nhap|co quan (?:\w+ ){0,4}o dau|gap ai)\b/),
  // other domain questions ("làm thuê" is hired work, not "thuế")
  r('other', 0.55, /\b(?:cap lai|lam lai|doi|sua|dinh chinh) (?:\w+ ){0,2}so\b|\bso (?:\w+ ){0,3}bi (?:mat|rach|hong|sai)\b|\bsai (?:\w+ ){0,2}(?:nam sinh|ngay sinh|ho ten|ten|thong tin)\b/, ['how_to_join', 'benefits_pension']),
  r('other', 0.55, /\bco phai (?:\w+ ){0,3}bat buoc\b|\bkhong (?:tham gia|dong) (?:\w+ ){0,3}(?:bi phat|co sao)\b/, ['transfer_between_schemes']),
  r('other', 0.45, /\bkhac (?:\w+ ){0,5}o diem nao\b|\bso sanh\b|\bsu khac (?:nhau|biet)\b|\bphan biet\b/, ['transfer_between_schemes', 'health_insurance']),
  // "BHXH tự nguyện khác gì BHYT hộ gia đình" (the scheme's own name is read as noise): the two schemes compared,
  // not health insurance's price.
  r('other', 0.6, /^ khac (?:gi|nhau|the nao|cho nao)(?: (?:voi|so voi|va))? bhyt\b|\bbhyt (?:\w+ ){0,3}khac (?:gi|nhau|the nao|cho nao) $/, ['health_insurance']),
  // "vay tiền" is a loan only after a verb: "Vậy tiền đóng …" folds to the same words.
  r('other', 0.45, /\bvay (?:von|uu dai)\b|\b(?:duoc|de|muon|di|cho) vay tien\b/, ['where_to_pay']),
  r('other', 0.55, /\bquy (?:\w+ ){0,2}(?:vo|pha san|het tien|an toan|mat kha nang)\b|\bvo quy\b/),
  r('other', 0.55, /\b(?:vssid|tra cuu|mat so|sai (?:ngay|ten|thong tin)|ma so|mat khau|pha san|(?<!\b(?:lam|cho|o) )thue(?! (?:nha|tro|dat|phong))|bhtn|that nghiep)\b/),
];
