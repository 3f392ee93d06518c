import { describe, expect, it } from 'vitest';
import {
  ADVICE_BLIND_PATH,
  ADVICE_DEV_PATH,
  ADVICE_REGRESS_PATH,
  evaluateAdviceBothForms,
  loadAdviceSet,
} from '../../../tools/faq/eval-advice.ts';
import { buildFaqIndex } from '../../../flows/faq/search-index.ts';
import { loadKb } from '../../../flows/faq/kb.ts';

/**
 * Recorded advice floors: the share of answers right for the person who asked (every "must" pattern, no "must
 * not" pattern), as written and typed without diacritics. Measured 2026-12-02 with flows/faq/kb (163 entries):
 * - dev (145 verbatim public questions, tuned on; the sixth batch of 50 labelled before the service answered
 *   them, 29 of which it then answered wrongly): 145/145 / 145/145, 0 violations;
 * - blind (60 verbatim public questions from the same random splits, never tuned on, failures never read):
 *   52/60 (86.7 %) / 52/60, 0 violations (49/60 before the sixth batch's fixes);
 * - regression (61 issue-9 reports, paraphrased): 61/61 / 61/61, 0 violations.
 * Re-measured 2026-12-02 after the seventh to ninth batches (21 more dev questions, labelled before the service
 * answered them; 3 then wrong) and this round's fixes: dev 166/166 / 166/166, 0 violations; blind 52/60 (86.7 %)
 * / 52/60, 0 violations; regression 61/61 / 61/61, 0 violations.
 * Re-measured 2026-12-02 after the tenth batch (5 more dev questions, labelled before the service answered them,
 * all then right; several dev labels tightened where a bare rule met them by chance) and this round's fixes: dev
 * 171/171 / 171/171, 0 violations; blind 52/60 (86.7 %) / 52/60, 0 violations; regression 61/61 / 61/61, 0
 * violations.
 * Re-measured 2026-12-02 after the answers helper's sixth round (no dev questions added: the eleventh batch's
 * candidates were all in a set already; general fixes to cue words, wrappers, synonyms and the typo corrector,
 * found by rewording the dev and regression questions): dev 171/171 / 171/171 (topic 156 → 157), blind 52/60
 * (86.7 %) / 52/60, 0 violations, looked at once at the end; regression 61/61 / 61/61, 0 violations.
 * Re-measured 2026-12-03 after the answers helper's seventh round (the twelfth batch: 5 questions from BHXH Việt
 * Nam's own Q&A portal, labelled before the service answered them, 3 then wrong; fixes to "%", asks without
 * question marks, a lost book beside a withdrawal, "được chưa", a card renewed after a lapse): dev 176/176 /
 * 176/176, 0 violations; blind 52/60 (86.7 %) / 52/60, 0 violations, looked at once at the end (unchanged);
 * regression 61/61 / 61/61, 0 violations.
 * Re-measured 2026-12-03 after the eighth round (one more dev question, from Thư Viện Pháp Luật; two reading rounds
 * of questions written the way residents write, 42 of whose misanswers are now regression questions; contribution
 * figures from the calculator's rules; the base salary of 1/7/2026): dev 177/177 / 177/177, 0 violations; blind
 * 53/60 (88.3 %) / 53/60, 0 violations, looked at twice in the round (once by mistake at its start, 52/60, once at
 * the end); regression 103/103 / 103/103, 0 violations.
 * 2026-12-03, ninth round: three more reading rounds (253 questions written the way residents write, labelled before
 * the answers were read); 29 of their misanswers, now answered right and read again by a second reader, join the
 * regression set: 132/132 / 132/132, 0 violations. Dev unchanged (177/177).
 * 2026-12-03, tenth round: five reading rounds (420 questions, written the way residents write and labelled before
 * the answers were read); 79 misanswers, now answered right, join the regression set: 211/211 / 211/211, 0 violations.
 * Dev unchanged (177/177).
 * 2026-12-03, eleventh round: five reading rounds (400 questions, labelled before the answers were read) and four
 * misanswers the team found; those now answered right join the regression set: 278/278 / 278/278, 0 violations.
 * 2026-12-03, twelfth round: eight reading rounds (560 questions: Q&A columns' letters, long messages of two or
 * three asks, the campaign month's traffic; labelled before the answers were read); the misanswers now answered right
 * join the regression set: 355/355 / 355/355, 0 violations.
 * 2026-12-03, thirteenth round: four reading rounds (S and T: 70 verbatim letters from public Q&A columns on rarer
 * cases, decontaminated against every set; U: 70 messages written the way residents write; labelled before the
 * answers were read). The letters now answered right join the dev set (177 → 191/191), the messages the regression
 * set (365/365); both forms, 0 violations. Blind unchanged at 53/60 (see docs/BENCHMARKS.md for how it was looked at).
 * Then two more rounds (V: 30 letters from public Q&A columns; W: 60 messages, 25 of them long letters) and the fixes
 * from all six: dev 204/204, regression 380/380, both forms, 0 violations.
 * 2026-12-04, fourteenth round: the kb14 entries' messages, session probes, rounds Y and Z (team-written, labelled before
 * the answers were read; Z after its first reading, which is the session's measurement) join the regression set:
 * 420/420, both forms, 0 violations. Blind unchanged at 53/60, read once at the end as its aggregate only.
 * 2026-12-04, fifteenth round: session probes and rounds BB, CC, DD, EE (team-written, labelled before the answers were
 * read; EE run once on the code frozen for it) whose misanswers are now answered right join the regression set:
 * 472/472, both forms, 0 violations. Blind unchanged at 53/60, read once at the end as its aggregate only.
 * 2026-12-04, sixteenth round: round FF (team-written, labelled before the answers were read) whose misanswers are now
 * answered right, and two session probes, join the regression set: 486/486, both forms, 0 violations. Then round GG
 * (same method, read on the code of its hour): its misanswers fixed join too, 498/498; then round HH's (run once on 7ec1366,
 * the code frozen for it), 505/505.
 * 2026-12-04, seventeenth round: session probes (509), then round II (team-written, labelled before the answers were
 * read; run once on f3ffdfc, the code frozen for it) whose misanswers are now answered right: 518/518, both forms, 0 violations; a spouse's turn told
 * without a question mark, 519; then round JJ (same method, run once on e816218, the code
 * frozen for it): 533/533; a grandparent's own ask in a letter about two, 534; then round
 * KK (same method, run once on a6dbdcd, the code frozen for it): 540/540, then 543.
 * 2026-12-04, eighteenth round: 'cả hai vợ chồng' without a birth told (each one's joining, not the couples' maternity
 * rule), 545/545; a relative's story told first, then the asker's own (the asker's facts read), 547/547; then round LL
 * (team-written, labelled before the answers were read; run once on f03d6ab, the code frozen for it): 558/558; then letters
 * about two people answered each on their own sentences, and the social pension after a lump sum: 562/562; then round MM
 * (same method, run once on 7cf3c14, the code frozen for it): 569/569, then 572; then round NN (same method, run once
 * on 1ad0962, the code frozen for it): 575/575; then round OO (same method, a cross-section run once on b1cefd8,
 * the code frozen for it, the session's last measurement): 577/577; session 19's cases from known weaknesses (a
 * sibling as the second person, a supposed 15 years' pension, paying ahead at 45) and round PP's fixed letters (a
 * pensioner and his wife's health card, paying two missing years at once at 50): 585/585; then three more of round PP
 * (15 years and whether to withdraw, a withdrawal with a pensioner husband, registering away from home): 588/588; then a member's death with her own years and income, and
 * a widow asking the lowest contribution beside her husband's level: 590/590; then round QQ (same method, run once on
 * c65b106, the code frozen for it): a plan of 15 years not paid, a wait not paid, a pensioner's death dated: 593/593; then an estimate "15 năm
 * sau" and a 12-month period's deadline asked as "vẫn chưa nộp thì sao": 595/595; then a
 * father's age told "năm nay" before the asker's own, and an ill member's lump sum in months: 597/597; then a sister's months ended by a date
 * ('đến tháng 1/2026 thì nghỉ việc') not counted up to today: 598/598; then round RR (same method, run once on
 * 836f2ec, the code frozen for it): a foreign spouse asking to register, a husband's voluntary years 'tới nay được tròn
 * 10 năm' added to his compulsory 8: 600/600; then a prepayment made and then hired, and a level change asked at once
 * within the period being paid: 602/602; then session 20's examples: an ill husband's lump sum asked before his death
 * supposed, and a student's or a pupil's own health card: 605/605; then round SS (same method, run once on 7f07929, the
 * code frozen for it): years of three periods with a gap told as not paid, a total told ('với 13 năm như vậy'), a
 * period's own count further on in its clause, a relative pensioner's death beside the asker's own years, a lump sum
 * asked by someone paying now, both parents voluntary, an income named beside the ceiling asked, the missing months at
 * the retirement month, a pregnancy too late for the allowance, a forgotten 12-month payment: 620/620; then four more of
 * round SS (the rate paid on to the retirement month, a 16-year-old's rate to 62, both parents voluntary with a poor
 * ethnic family's further support, an amount that rose since 2020 and paying online): 624/624; then round TT (same
 * method, run once on 8fad663): a pensioner's months drawn 'được đúng 18 tháng', a mother's own months before the birth,
 * a job starting in a month to come, months of one's own mode missed, a lump sum's amount for the income told, a
 * relative's death told 'anh mất.', a period's end after a comma, a sibling's illness asked in months, a stop told
 * 'đến hết tháng 12/2024 thì dừng', paying again after a withdrawal: 635/635; then a relative's death under 60 months asked
 * about the funeral allowance, a 6-month period registered in July and still unpaid, a family's card 'theo diện của tôi':
 * 638/638; then round UU's (run once on 8d34c1d) father whose illness is asked to be 'tính là bệnh hiểm nghèo không',
 * not told he has one: 639/639; then, in session 21, UU's woman with 19 voluntary years begun in 2008 (20 years bring
 * the pension in 1/2028, before her general age; paying the missing months at once is not for her) and her husband's 20
 * compulsory years (not in that rule); a shop owner whose wife is Tày (he is priced as others, she as an ethnic
 * minority, the highest income asked beside his own): 641/641; then round VV's (run once on 2537f5d): periods told
 * "Tháng 1/2023 tôi đóng lại mức 1,5 triệu, … tới giờ", "đến 1/2021 đóng … tới 2/2023", "tới 1/2015 mới đóng … được 2 năm",
 * after "mức thấp nhất" (not Japan), after a withdrawal's year, and not a relative's; a count told for a later month; one
 * count for both kinds; a daughter's age beside the asker's birth; no health card while paying; a prepaid period not
 * recalculated; a level change waiting for the period told; a household near-poor after leaving poverty; a prepayment
 * then a job; a pensioner's months from the month drawn to the day of death; a spouse using the pensioner's card; a debt
 * that is no income: 657/657; then round WW's (run once on 2537f5d): an income under next year's floor, back from work
 * abroad, a period paid before leaving the near-poor list and the next one's price, a job's compulsory months then
 * voluntary ones before a birth, support months after a lump sum or a stop, a monthly budget 'dư ra', more than 5 years
 * ahead at once, the household card's price for a couple, a mode's deadline with no start month: 667/667; then round YY's
 * (run once on 1ac3018): a province's top-up asked as 'có phải bỏ tiền ra không', 'đang đóng bhxh ở công ty', the mode
 * moved to, last year's top-up asked for this year, a period registered and never paid, moving to work in another
 * province, 330,000 before the support, a lump sum asked 'được khoảng bao nhiêu', the whole period's average, a period
 * starting next year at next year's floor, paying on for a husband who died: 678/678; then round XX's (run once on
 * d2f099e): unaccented 'ba e' of either sex, the Art 23 allowance drawn, 'một lần cho bố 3 năm còn thiếu' not years
 * paid, a husband abroad not back yet: 682/682; then a mother's missing months paid by her child ('đóng một lần phần
 * còn thiếu cho mẹ'): 683/683; then a book swept away by a flood ('sổ … bị lụt cuốn mất') that is no death, and a lump
 * sum not priced at the level chosen for the years to come, two compulsory years before 2014 beside nine voluntary from
 * 2015: 686/686; then round ZZ's (run once on ad89c6b): a top-up asked after leaving the near-poor list, Japan's pension
 * not for a worker back from Korea, one kind's years beside the other's period, a job from a month to come, a pension
 * for 20 years supposed (typed 'lươg'), a stop told as 'dừng từ 2023 tới giờ', a period's count told before its years,
 * a period whose end follows 'đóng liên tục': 694/694; then a level raised and asked whether allowed, the card a
 * contributor does not get asked after the household's, a poor household's support for a mother in a letter about two,
 * the money for old people heard of, for a father-in-law of 71: 698/698; then a letter about both parents without
 * question marks ('Em muốn hỏi: bố em … ; mẹ em thì …'), where the one paying works elsewhere: 699/699; then the
 * children's monthly allowance after a death, 'nộp ở đâu' after a claim's procedure, the widow's own joining: 701/701;
 * then round ZA's (run once on d393626): a withdrawal told by the sum received ('rút bhxh 1 lần luôn được hơn 60
 * triệu'), a father who drew a pension named with its scheme and died, a mother alive on her pension beside a father's
 * death long ago, home for visits while living abroad: 705/705; then a pensioner's death 'đầu tháng 10 vừa rồi', a
 * period with a remark in brackets, an especially severe disability, a 12-month period registered 'tháng/lần' and not
 * paid, money a month asked for a mother of 78, this month unpaid on the monthly mode: 711/711; then the engineer's
 * probes: the support after leaving poverty, dialysis ('chạy thận nhân tạo', not 'thân nhân'), a withdrawal or a
 * pension received by proxy, a member who leaves no relatives: 716/716; then round ZB's (run once on 8f3c6c9): months
 * paid so far before a birth, a 55-year-old told to wait for the age, a start in the first half of 2025, a man's
 * compulsory years lead, a 6-month period after a province's top-up, a wife's months before the birth, a level lowered
 * within a period paid, paying on after moving, a husband paying since 2023 beside a wife who started late, a payer
 * now near-poor, a mother's missing years beside the asker's own turn: 727/727; then the years left to 15 beside a
 * withdrawal, years of a stop not paid back, a 3-month period not cheaper, maternity under both schemes and months
 * paid ahead that a company pays too, an accident allowance asked: 733/733; then frail health beside a pension sought
 * (no illness claimed) and the plan for someone more than 5 years short at the age: 734/734; then a widow's own plan
 * after her husband's death ('Còn em năm nay 47 tuổi … Giờ em bắt đầu đóng thì … có kịp không'): 735/735; then round
 * ZC's (run once on 3fe9d1d): 8 years ahead refused first, a yearly mode's deadline passed, a woman at the 75 % cap,
 * 5 years ahead allowed, a mother's months nearest the birth, a dead pensioner's pension not carried on: 741/741; then a
 * birth after a compulsory and a voluntary period: 742/742; then the 60-year rule asked by a man whose 20 voluntary years
 * come after the general age: 743/743.
 * Then session 23's: a province's top-up after moving away, a pensioner's death beside the other parent's own plan, a
 * child's card asked after the social pension's in one sentence: 746/746; then two income levels weighed against each
 * other ('mức 2 triệu …, còn nếu mức 5 triệu …', '2tr hoặc 3tr'): 748/748.
 * then round ZE's (run once on 67dd1ce): paying 15 years at once said no to a man who has paid nothing (and no Japanese
 * pension for 'lương hưu nhất'), years paid out before going abroad not counted again, a wife's cancer beside her
 * husband's 15 years ('nếu rút thì mất gì' no death): 751/751.
 * then round ZD's (run once on 67dd1ce) and more of ZE's: the 55-year rule for 22 voluntary years (the 20 years of a
 * rule heard of are not hers; 'chưa từng làm công ty'), no Hà Nội top-up for a province named to compare, 'Ba em' with
 * its marks the father in a letter about both parents, 'ông nhà tôi' the husband: 755/755.
 * then a sister under a contract asking to pay on top, a poor household's rate with 'nếu … thoát nghèo' supposed, a
 * mother's plan from now as a third ask in her turn (her parts speaking of her): 757/757.
 * then the 13 special zones by name (Côn Đảo) at the island rate, the years since the start beside a last period paid
 * ahead ('đã đóng luôn 12 tháng tới tháng 2/2027'): 759/759.
 * then a mother short of months before a birth told first, her husband paying since 2020 named, and a withdrawal asked
 * after a stop 'từ tháng 3/2025 đến giờ' (no longer read as paying now): 761/761.
 * then paying ahead not offered to a man whose age comes before the years paid ahead would, a father asking whether the
 * allowance is only the mother's ('vo e o nha' unaccented no move): 763/763.
 * then a 12-month period registered 'theo phương thức 12 tháng/lần, kỳ bắt đầu từ tháng 3/2026' and unpaid (its
 * deadline read on the month the letter tells as now): 764/764.
 * then money asked back by someone who first paid in 10/2025 (no lump sum for 12 months out): 765/765.
 * then the months a company paid only up to ('công ty chỉ đóng … đến hết tháng 12/2024, còn nợ 18 tháng'): 766/766.
 * then a man at the age with 12 years asking to pay 3 years at once ('phải 62 tuổi mới nghỉ hưu' tells no pension
 * drawn, 'đóng bù một lần' nothing paid ahead): 767/767.
 * then round ZF's (run once on 0b6fa90): a closed compulsory period and voluntary years since a month up to now, added
 * (17 years, 1.5 months a year before 2014): 769/769.
 * then a pensioner asking to pay on top to raise the pension (not the yearly rise), a late starter's 'về già có lương
 * hưu' (no rise), the funeral allowance of a death in 3/2024 on that month's base salary: 772/772.
 * then a mother who starts 4 months before a birth told as 'sinh bé thứ hai vào tháng 2/2027' (no general 'Có' beside
 * it): 773/773.
 * then a member's own death supposed before the pension ('lo nếu lỡ tôi chết trước khi tới tuổi hưu … mất hết'):
 * 774/774.
 * then 'e la nam sinh thang 3/1990' (unaccented) read as a man beside his wife's facts: 775/775.
 * then round ZG's must-nots (a stopped period before a birth, a disability social allowance) and three misreadings
 * (session 24): 780/780.
 * then the years' sentence on a later part ('em còn thiếu mấy năm' after a record's correction), and one verdict:
 * 782/782.
 * then a poor ethnic-minority couple: the highest of the two groups' rates, and the wife's months before the birth:
 * 783/783.
 * then 'chao bhxh, anh chay xe om …' (a man), 6 years short with the age 2 years off: on to the age, then the rest:
 * 784/784.
 * then a widow whose husband paid voluntary until his death (his years, the funeral and one-time allowances, not a
 * pensioner's) and her own plan from 50: 785/785.
 * then round ZH's must-nots (20 voluntary years read as none, a widow's months, a worker abroad told no) and two
 * misreadings: 790/790.
 * then a household business owner: 'đăng ký hộ kinh doanh' is no relative's registration, 'cán bộ thuế' hires no one:
 * 792/792.
 * then 'a sinh thang 10/1964' (a man, past his age with 16 years) and months asked to be paid for a husband who died 2
 * months short of 60: 794/794.
 * then two birth dates, the book's and the ID's: the retirement month by each: 795/795.
 * then the cost of the missing months beside a plan that ends in paying them at once: 796/796.
 * then a husband with 22 years asking whether he must pay on: 797/797.
 * then round ZI's must-nots (a Korean husband, a contract worker told to pay voluntary, months before registering, a
 * Kinh wife of a Mường man): 801/801.
 * then a mother's book with a birth year alone against her ID, the social pension's age asked beside a card, and a lump
 * sum's income told as 'lương đóng bh của e tầm 7tr': 804/804.
 * then an income named beside two subsidy groups (2 million: 275,000), and 'theo mức thu nhập 6 triệu/tháng' read as an
 * income, not a payment: 806/806.
 * then one person's own card price asked beside why voluntary insurance gives no card: 807/807.
 * then round ZJ's short ones: the lowest and the highest asked together, voluntary on top of a contract then a
 * suspension, a book kept after moving from 'Bình Dương cũ': 810/810.
 * then 5 years missing at the age asked as 'phải đóng tiếp hằng tháng 5 năm nữa', and a start now with the pension
 * asked (5 months short at 60): 812/812.
 * then a sister's settlement beside the asker's own birth, told apart (a birth read whole only for a couple): 813/813.
 * then a pension just granted ('vừa được duyệt lương hưu') and the card asked: the pensioner's card, not the
 * children's: 814/814.
 * then grandparents ('bà nội', 'ông nội') told apart in one letter: 815/815.
 * then when to start for a birth's allowance ('dự định sinh khoảng tháng 10/2027 … cần đóng từ tháng nào': 4/2027 at
 * the latest): 816/816.
 * then a father starting at 57 and 'đến bao giờ … có lương hưu' asked: the plan beyond the age: 817/817.
 * then a near-poor household in a special zone: the zone's 50 %, not the near-poor entry beside it: 818/818.
 * then the district gone with the merger and the record feared lost: 819/819.
 * then a book damaged in a flood ('bị mất mấy năm đã đóng không'): its re-issue, not a death; a wife's and a son's asks
 * in one sentence, each answered (round ZK): 821/821.
 * then a commune of the old Nam Định: Ninh Bình's top-up; a plan the same for both sexes said once (round ZK): 823/823.
 * then a mode switch not taken for a move away from Hà Nội; the ID's birth date told first; the age told without
 * the sex, on either side of the two ages: a woman's plan and a man's (round ZK): 826/826.
 * then 'chưa đóng bh gì bao giờ' read as never, not as an ask when; a message about one relative only said of them
 * ('Bà đã đóng 12 năm …', 'Ông đã đóng 9 năm …') (round ZK): 829/829.
 * then no sum for 'cả ba người' beside a pensioner and a son-in-law insured at work, and the discount on 5 years
 * ahead said; a widow's own card after a pensioner's death: the household card (round ZK): 831/831.
 * then a rumour that the scheme is abolished ('bỏ bhxh tự nguyện … mất trắng'): not so, the years kept, not a death;
 * a father's death with his own 4 years beside the mother's 11: no funeral allowance; a wife with 18 years told she
 * must pay 2 more for 20: her pension now (round ZL): 834/834.
 * then a rumour's years ('TikTok nói … 5 năm là có lương hưu'), years worked with nothing paid ('dạy … được 4 năm …
 * ko đóng bảo hiểm gì') and a shop's years ('Từ 2014 mở tiệm tạp hóa tới giờ') not read as paid (round ZL): 837/837.
 * then the parents-in-two-schemes answer only where a compulsory scheme is named, not for a husband paying voluntary
 * and a wife in none (round ZL): 838/838.
 * then 'số năm cũ có bị mất không' the years kept, not a lost book; an ex-husband who paid cannot withdraw what is
 * in her name; an emoji between a thanks and the ask; joining now for a birth in 7/2027 asked 'có được 2 triệu … không'
 * (round ZL): 842/842.
 * then 'từ 2019 đến giữa 2024 thì nghỉ' read as stopped in 6/2024 (the transitional lump sum); a grandson's joining
 * asked beside a grandfather's pension not answered with the pensioners' rule (round ZL): 844/844.
 * then a widow asking to draw her husband's pension 'thay ông': it stops, not a proxy; '58t' an age, the plan for
 * either sex; 'đóng 1 lần đủ 15 năm' a plan, not years paid; an army pensioner beside a wife 'ko có lương hưu': his
 * pension read, he may not join (round ZM): 848/848.
 * then the old book after a merger 'còn giá trị không': the merger's answer; a pensioner mother's wish to pay more
 * asked 'được hông' (round ZM): 850/850.
 * then a 6-month period registered and 'vẫn chưa đóng đồng nào': its deadline passed; two periods after two
 * mergers ('nhập vô', 'bị tách ra'): the record kept and added up; an ethnic near-poor woman in Ninh Bình: the
 * province's top-up on the highest rate (round ZM): 853/853.
 * then a special zone told once for the family: the wife's part at the zone's 50 % too (round ZM): 854/854.
 * then 'đăng ký đóng' read as a plan, not as paying now, and a husband's compulsory years not as hers: a wife too
 * late for a birth in 4/2027 told so (round ZM): 855/855.
 * then the misreadings of rounds ZN, ZO, ZP and ZQ (session 26): a period paid from 3/2026 counting for a birth in
 * 5/2027; twins of a couple paying since 2024; 12 compulsory and 5 voluntary years ('Năm 2018 … đến hết 2022', 'quê Nghệ
 * An' no prison sentence); a father paying for a year beside a wife paying nothing; a pensioner husband's wish to pay
 * more; paying on after the pension; the 5-year cap asked in a letter; a mother's sex not read from her son; a
 * household's status no period paid; three siblings priced at their own levels; a lump sum without years paid out; a
 * special zone kept to the sibling who lives there; Ninh Bình's top-up for a son; a Hà Nội wife at the floor; a
 * registered period paid late; a mother outside Hà Nội; 10 + 6 years; mixed years and the 60/55 rule; 'đóng trước luôn
 * 12 tháng' no months paid; two modes priced: 875/875.
 * then the misreadings of rounds ZR and ZS (session 26): months paid since 7/2026 for a birth in 3/2027; the period
 * named as such for its deadline; Hà Nội's near-poor floor at nothing beside a level named; a stillbirth no death; the
 * pensioners' card not split into a person's ask; a gap no years paid; voluntary years across a comma; a year to come's
 * exit from the near-poor list supposed: 885/885.
 * then (session 27) round ZS's two misleading answers left: a teacher paying compulsory beside a husband who may join
 * ('đang đóng BHXH bắt buộc … có đăng ký … được không': not at the same time, and no price for her), a daughter's birth in
 * 5/2027 with a start in 1/2027 (too late, even starting now) and a pensioner husband's wish to pay: 889/889.
 * then letters of rounds ZT and ZU read person by person: asks told without a question mark ('Bố muốn biết …', 'Anh hỏi
 * …', 'Tôi muốn biết …'), a cousin ('chị họ tôi'), a wife known by her people ('người Mông'), a stillbirth no death and
 * its months reckoned (9 months paid, 30 weeks: 2.000.000; 3 months: not yet), a couple's birth beside a father's
 * story, no social pension for a young woman's 'có được trợ cấp không': 897/897.
 * then round ZT's maternity answers: too few months said beside the rule of 6 months, not the father's "Có."; twins of
 * two paying parents ("Mỗi người có được nhận trợ cấp riêng không, tổng cộng …"): one allowance, 4.000.000: 899/899.
 * then round ZU's years told to a month to come ("từ 1/2011 đến 12/2026, được 16 năm, và định dừng từ 1/2027", "định đóng
 * đến hết tháng 11/2027 là tròn 16 năm"): no year added from now, 41 % and 47 %: 901/901.
 * then a sister's ask after a comma and "còn thiếu …" kept hers ("còn" a person's turn only before a person), and a son who
 * wishes to start this month ("muốn bắt đầu đóng ngay từ tháng 12/2026") has paid nothing yet; asks joined by a comma each
 * answered ("… được không, nếu chọn mức thu nhập 5 triệu thì mỗi tháng đóng bao nhiêu, còn đóng 6 tháng một lần thì …"),
 * the income named not answered by the floor's price: 903/903.
 * then round ZV's misleading answers: a husband paying since 3/2026 for a birth in 5/2027, the wife not insured (the
 * father's allowance, not "start now, too late"); parents told by their bare names after "Bố mẹ tôi" (a father not read
 * as a woman): 905/905.
 * then round ZW's: grandparents by "Ông tôi", "Bà tôi" with the marks (a pensioner grandfather no longer told "Được"), a
 * son who says "Em là con trai" (62, in 2053), a last month planned or supposed ("định đóng tiếp đến hết tháng 6/2029 thì
 * nghỉ", "Nếu tôi đóng đều đến hết tháng 12/2040 thì …"): the years by then, 41,5 % and 53 %: 909/909.
 * then round ZW's partial answers: twins due in 8/2027 and a start this month (8 months, in time), a job left for good
 * ("nghỉ việc … giờ làm tự do"): voluntary with the old number, not a suspended contract's rule; the poverty line's rise
 * ("mức chuẩn tăng lên 2,2 triệu") no income chosen (1.980.000 for 12 months); a quarter just paid: a new level from the
 * next quarter: 913/913.
 * then round ZV l11: a parent told of as "Mẹ tôi …" then "mẹ" alone, an ask told without a question mark ("…, lại hỏi có
 * phải mua BHYT … nữa không."), the asker's own ask with a fact; a pensioner father's wish to pay more answered first: 914/914.
 * then round ZW l17: "Em trai tôi 16 tuổi …" then "Em tôi còn đi học thì …" is the brother; the asker's opinions beside three
 * relatives make no fourth person: 915/915.
 * then round ZY's misleading answers: a move away from a special zone ("trước ở đặc khu Phú Quốc … chuyển hẳn lên TP.HCM",
 * "khi còn ở Cô Tô … chuyển hẳn vào phường Hạ Long"): its 50 % no longer, nothing owed back; a start in 4/2027 for a birth
 * "ngày 3/8/2027": too late, 2/2027 the latest; a husband paying since 9/2026 told once, not also "start now, too late";
 * no sum for two who pay at different levels: 919/919.
 * then round ZX's: the asker's own age in an opening about both ("tôi năm nay 55 tuổi, nhờ tư vấn giúp hai vợ chồng") is
 * not the husband's; an ask "… cho tôi, tôi phải đóng mấy năm" after a pensioner husband is the asker's, a woman's: 921/921.
 * then a period at a chosen income that starts next year: the State's share on next year's floor (4.989.600 a quarter at 8
 * triệu from 1/2027); "thì 55t có lương hưu không" is an age asked about, not the asker's (born 1976: 60, in 2036): 923/923.
 * then "… mỗi tháng phải đóng bao nhiêu trước khi trừ hỗ trợ": the payment, not what a lump sum leaves out: 924/924.
 * then an ask with no subject after another person's story ("Tôi 24 tuổi, con gái bố … Mỗi kỳ đóng bao nhiêu …?") is that
 * person's, not the last one asked about (a father no longer read as a woman): 925/925.
 * then a mode changed from next year "và vẫn giữ mức 2 triệu": the mode yes, a level below next year's floor no: 926/926.
 * then round YA's: a husband's own start (11/2026) against a birth told in the wife's sentence (3/2027: 4 months, not yet);
 * a book's full date against the ID's ("01/01/1971 … CCCD ghi 15/09/1971": the ID's, 9/2029); a pensioner husband named "anh"
 * alone ("Xin hỏi anh có được đóng thêm không"), and "có kịp 15 năm không" no years paid: 929/929.
 * then a father's months reckoned for a birth not followed by "Nếu đóng từ tháng 12/2026 …" for the wife: 931/931.
 * then round YB's: a period "tu 1/2026 toi dong … den het thang 12/2026" added to the years (9, not 8); a start told after its
 * month ("tháng 12/2026 này em mới đăng ký") against a birth in 4/2027, whatever "đóng luôn 12 tháng 1 lần" pulled toward; "bé
 * mất trong bụng" a stillbirth with its months, not a member's death; "đóng bù phần chênh" after a rise no top-up; "đóng 1
 * lần cho 10 năm tới" answered for 10 years: 936/936.
 * then letters of a couple written without question marks ("… anh ấy rút ngay được không hay phải đợi 1 năm", "ba ay co duoc
 * lanh luong huu khong hay phai dong tiep"), "ck toi" the husband, and a writer speaking of herself as "Chị" ("Chồng chị …"):
 * each one's years their own, not added together (16 and 6, 38 and 15, 14 and 20): 939/939.
 * then a family's letter asking which of them may join (a daughter who left her job yes, a son-in-law under compulsory
 * insurance no, a pensioner grandmother no, a grandfather with 10 years yes, the missing 5 at once; a child of 14 not yet), and
 * "đóng luôn trước 8 năm" asked beside a change of mode (at most 5 years a time): 943/943.
 * then a job's compulsory insurance told by its end ("tới hết tháng 4/2026 thì nghỉ việc") before a voluntary start (9/2026):
 * both counted against a birth in 1/2027 (8 months), not the pension's years: 944/944.
 * then "e sinh thì có được 2tr không" is the allowance, not an income of 2 million (a poor household pays 165.000 at the
 * floor, not 275.000); years "đóng bù … cho các năm 2020-2025 bị bỏ trống" are not paid years: 945/945.
 * then round YC's: "đóng trc tối đa mấy năm" (5); twins "được hỗ trợ bao nhiêu tiền" (4.000.000, not the subsidy's 10 years);
 * compulsory months stopped and a voluntary start after, against a birth (7); a family's group told with its place ("nhà tôi
 * ở Thanh Hóa, thuộc hộ cận nghèo") for each member; couples written in chat ("ck e … e sinh 6/1969 … 32 năm", "ck e 38t …
 * 11 năm … còn e …"): each one's years: 952/952.
 * then session 29's: a couple's years asked by "chúng tôi" (each one's own, not the husband's 10 years with the wife's sex);
 * a member's death told beside a living relative's own ask ("Mẹ tôi có được đóng tiếp …?"): what the death brings and the
 * relative's own plan, each on its own sentences: 971/971.
 * then round YF's: "12 năm … + 8 năm tự nguyện … = 20 năm" the total (20, not 12); a level raised "từ tháng 1/2027" within a
 * 12-month period paid from 3/2026 (from 3/2027, priced at 2027's floor); "Con gái tôi bảo lãnh tôi sang Úc định cư" the
 * asker's own emigration (a lump sum now, no 12 months' wait); "rút 3 năm cũ" the wife's 3 years, not the couple's 5; the
 * gap paid at the age in 2030 at the floor known for then (484.000, not 330.000), beside the whole 5 years if nothing is paid
 * until then: 976/976. (Three older rows now read the gap paid in 2027 at 2027's floor, and "chưa đổi từ tháng 1/2027".)
 * then round YF's partly-right answers made whole: "từ tháng 3 năm nay, tháng 11 vừa sinh bé" (8 months: months given their
 * year in a letter about a birth or a death); where to register besides online; the father's plan as his ("Anh em tôi" no
 * other relative) and how to pay again, not the pension's claim; months paid ahead before a job's compulsory insurance
 * refunded; "15 năm với 20 năm thì lương hưu chênh nhau" (45% and 55%); a 6-month mode's deadline; "có nên đóng thêm" at
 * 75% (no); a husband's own withdrawal, not the wife's plan paid with it: 984/984.
 * then the year a wife with more than 5 years missing at the age reaches 10 (2033, then the last 5 at once), and who claims
 * a birth's allowance ("ai đứng tên nhận"): 986/986.
 * then round YG's misleading answers: a widow's own 4 years told in a sentence that asks were read as her late husband's (10);
 * months paid ahead "(từ 6/2026 đến 5/2027)" read as the member's years (1, not 14 since 1/2013 "liên tục"); years stopped,
 * not withdrawn, kept (not "bắt đầu lại từ đầu"); a Kinh husband beside a Khmer wife each at their own group's price (no
 * "cả 2 người" sum of hers); a daughter studying abroad may join now, without waiting to come home: 991/991.
 * then round YG's wrong answers: "có bị truy thu tiền nhà nước đã hỗ trợ" after leaving the near-poor list within a period
 * paid (no; the next period's price at 2027's floor); "ko đi định cư nước ngoài" no emigration (one who joined in 9/2025
 * cannot withdraw after 12 months out); "thai 24 tuần bị lưu trong bụng" a stillbirth with its months: 994/994.
 * then round YG's partly-right ones made whole: 16 years and "giờ ngưng đóng": the pension at the age without paying more;
 * a woman of 45 who never paid, the rule said for her (2041, at 60); "Có người bảo đóng đủ 20 năm …" a rule heard, not her
 * years (21 years 10 months since 3/2005): 997/997.
 * then round YH's misleading answers: "làm công ty 12 năm có đóng bắt buộc, … đóng tự nguyện thêm được 5 năm" (17, a pension
 * now at 42%, not 10 more years); "Từ 1/2025 tới nay … không đóng gì" no period paid (9 years, 18 months, not 11); an island's
 * support asked ("Ở đảo có được ưu đãi gì hơn") not a mode's price (the special zone's 50%): 1000/1000.
 * then a brother and a sister asked about by "Ai rút được, ai không?": each their own turn (her start in 10/2025, no
 * withdrawal for 12 months out), not their months added: 1001/1001.
 * then round YH's partly-right ones made whole: a start "từ 8/2025" (no word "tháng") after the reform; "4 năm cũ có bị mất
 * ko" the years kept; an income's 3-month sum beside the highest group; periods told around their income or years ("từ
 * tháng 11/2019, mức thu nhập 2 triệu, đến tháng 10/2026": 7 years; "từ 6/2021, đóng đủ 4 năm tới 5/2025": 4): 1006/1006.
 * then round YI's: "20 năm làm công nhân nhà máy đóng bhxh bắt buộc và 12 năm đóng tự nguyện" (32, 75%); "lam cong ty 12 nam co
 * dong bhxh, sau do dong tu nguyen them 15 nam" (27, 59%); "đến nay đã hơn 1 năm không đóng" no years paid (8.5, 17 months);
 * "từ 1/2019 tới hết 2022" (4); a husband's years not added to his widow's; no health card after a withdrawal: 1012/1012.
 * then a husband's company insurance long past ("trước khi đi ck e làm cty đóng bhxh 5 năm …, năm 2014 đã rút") is no
 * compulsory scheme beside his wife's at a birth (not "Được cả hai"): 1013/1013.
 * then "Giờ bỏ cấp huyện rồi thì … đi đâu làm?": the districts done away with, not a father ("bố" folds as "bo"): 1014/1014.
 * then months told alone ("đóng được 10 tháng thì mất", "mới đóng 9 tháng"): time paid, under a year: 1017/1017.
 * then YI l04 made whole: "đóng bhxh tn từ 2019 tới hết 12/2025 thì ngưng … nếu tháng 12 này 2 vợ chồng cùng đóng lại" reckons
 * the 3 months before a birth in 3/2027 (not enough); "đã rút 1 lần" is no mode of paying 5 years at once: 1017/1017.
 * then round YK's m04: a stop told after the start ("từ tháng 9/2026 em lỡ không đóng nữa", "ngưng từ tháng 6/2026") is no start;
 * the months before it inside the 12 before the birth count (7: enough), or the latest month to pay again: 1019/1019.
 * then rounds YJ and YK: a pension just begun and the household card's renewal (no need to buy); "sinh ngày 15/8/1965" a
 * birth month; a widow's own years and asks beside her husband's death ("Còn anh/chị: …"), his 54 months' amount paid
 * (35.640.000), no pension to draw in his place; periods told with their gaps are the years, whatever is paid ahead (13, not
 * 21,5): 1023/1023.
 * then YK l07: a period paid ahead then not renewed ("(từ 7/2025 đến 6/2026), hết đợt thì em chưa đóng tiếp") is 5 months before a
 * birth in 2/2027, one more month to pay; the husband's own start is not hers, and he qualifies: 1024/1024.
 * then YK m08, m15, l09: a period paid ("đợt từ 7/2026 tới 12/2026 mình đã nộp") when the reference level rises, and 5 years
 * paid ahead before leaving the poor list ("có phải nộp bù"), not recalculated; a Kinh husband and his Ê Đê wife at their own
 * prices (5.940.000 for 12 months), the first ask's "Được" said once so that the wife's birth gets its answer: 1027/1027.
 * then YJ l02: the missing years paid at once not yet, before the retirement age (of either sex, when it is not told), and
 * "đóng một lần 2 năm đó" of the years missing is no mode of paying ahead: 1028/1028.
 * then round YL's m01 and l06: a withdrawal the person does not remember ("không nhớ đã lãnh một lần chưa") is checked first, the
 * years kept if not; a column's opening ("Bạn đọc … (Quảng Ngãi) hỏi: Chồng tôi …") does not hide the husband, so the widow's
 * own 9 compulsory years are hers, not his (no funeral allowance on 50 voluntary months): 1030/1030.
 * then YL s17 and l11: where to see whether old years were withdrawn (VssID, the insurance office); the missing 5 years' cost at
 * the income named and at the lowest, both asked (26.400.000 and 19.800.000 before interest): 1032/1032.
 * then YJ l15 and l16: a numbered list's fourth ask answered (up to five parts for a numbered list), an accident asked about
 * ("có được tính tai nạn lao động không", "gặp tai nạn thì bhxh tự nguyện có chi trả không"), and no worked pension example
 * for "tiền tuất … được bao nhiêu" in a letter about a death: 1034/1034.
 * then YK l20: "chưa đóng gì khác" is nothing else paid, not nothing paid (5 years 11 months since 2/2021); the rumour that the
 * pension counts the last years answered first, "Không đúng", before a "Được" to raising the level: 1035/1035.
 * then YK l17: a widow's own months and her birth beside her husband's death, told in her ask itself, answered apart; a child's
 * ask with no facts of its own left with the death (no monthly survivors' allowance on 18 voluntary months), the member's years
 * said once: 1036/1036.
 * then YK l15: "Thằng con trai tôi …" is the son, whose 10 months paid in 2023 may be withdrawn under the transitional rule (the
 * amount paid, at most 2 months of the average), not the prices of 2020 or of a year: 1037/1037.
 * then YL m05: two parents' birth years ("Ba sinh năm 1954, má sinh năm 1957"), each one's social pension: now, and from 2027: 1038/1038.
 * then round YN's m17 and m19: voluntary insurance begun in 3/2021 is not the early rule's (retire at 55 with 20 years); paying
 * 5 years ahead weighed ("được không, sau này có bị truy thu thêm không") is allowed and not topped up, not a backpay: 1040/1040.
 * then YM m08 and l17: a couple written "2 vc" of two groups, each at their own price (5.940.000 a year); a student not
 * yet paying is told there is no lump sum for studying abroad ("đi du học 2 năm" is no years paid): 1042/1042.
 * then YM l03 and YN l12: a compulsory period's own count told after it ("bắt buộc từ tháng 3/2000 đến tháng 2/2012 là 12
 * năm", "từ 1/2010 đến 12/2019 (10 năm)") beside voluntary years (15 in all), and voluntary years only planned ("hay đóng
 * tiếp tự nguyện 5 năm cho đủ 15 năm") not paid: 1044/1044.
 * then YM l10: a member's months after a withdrawal ("Từ tháng 3/2025 … đóng hàng tháng đến hết tháng 10/2026", 20
 * months) are what the death brings (13.200.000, no funeral allowance), the years withdrawn not counted: 1045/1045.
 * then YM l05: a job's months stopped before a birth, and paying again now asked ("giờ e đăng ký đóng tn thì có kịp"): 4
 * months, 2 more from 2/2027 at the latest: 1046/1046.
 * then YN m08: "có cách nào nghỉ sớm hơn 60 tuổi không" is an age compared, not hers (41, born 3/1985): 1047/1047.
 * then YN m02: a couple not paying yet, a birth planned "cuối năm 2027": in time from this month, at any income, one
 * allowance a child: 1048/1048.
 * then YN m01: two levels weighed ("đang phân vân đóng mức 3tr hay 6tr"), each one's pension at 25 years and what each
 * costs a month (594.000 and 1.254.000): 1049/1049.
 * then YN l08: a mode's months missed since the start ("đợt tháng 7-9 e quên mất ko đóng, giờ tháng 12 rồi") are not
 * counted; paying again now gives 8 months before a birth in 8/2027: 1050/1050.
 * then YO m06: a mother too late for a birth of twins in 4/2027 beside a husband paying since 2024: he receives the
 * allowance (4.000.000): 1051/1051.
 * then YP l09: a woman still insured by her job ("đang làm cty … bắt buộc … tới giờ. E định nghỉ việc cuối tháng 3/2027")
 * may not join voluntary insurance beside it; her 6 compulsory months before a birth in 10/2027 count; a quit planned is
 * no job left: 1052/1052.
 * then YP l02: a father's period ended and counted ("từ 1/2013 đến hết 12/2024 là 12 năm") beside "chỉ cần đóng 1 cục 3
 * năm": 12, not 14; two parents' periods not merged: 1053/1053.
 * then YP m07: a death's claim asked seven months later ("Giờ đã tháng 12 rồi còn làm hồ sơ được không?"): still taken,
 * with a written reason for the delay: 1054/1054.
 * then YQ l03: "từ 1/2018 đến 12/2021 em đóng tự nguyện thêm 4 năm nữa" is years paid in a period told, not years to
 * come: 10 compulsory and 4 voluntary, 14, one year to pay at once now: 1055/1055.
 * then YQ m15: a level change asked within a 12-month period paid from 3/2026 ("Từ tháng 3/2026 tôi đăng ký đóng … 12
 * tháng một lần … đã nộp đủ tiền"): not from 1/2027 but from 3/2027: 1056/1056.
 * then YQ l07: "Thưa anh chị tư vấn, tôi nam, sinh tháng 3/1966" opens with the asker, so his wife born 7/1970 is 56, not
 * his 60: 1057/1057.
 * then YQ l14 unaccented: "Con toi vua la nguoi dan toc …" after the mother's story is the asker's turn ("Còn tôi"), not
 * a child's, so the mother's social pension is said in both forms: 1058/1058.
 * then YO l04: "từ 2021 đến giờ em không đóng nữa" is a stop up to now, not paying now: 1059/1059.
 * then YO m13: a member now insured by a job ("vào làm công ty may có hợp đồng, công ty đóng bắt buộc cho chị") cannot
 * take the transitional lump sum yet; her voluntary years are kept and added: 1060/1060.
 * then YO l17: "… từ 2019 đến nay. Tháng 7/2026 tôi đăng ký …" is no month of writing; the 6-month period's deadline
 * (10/2026) has passed on the day: 1061/1061.
 * Session 30 (round YO m11): a gap told moves the 120 supported months' end; what is paid after, at that year's floor:
 * 1062/1062.
 * Session 31 (round YN l02): a couple out of their jobs (a quit by a month told, a layoff, unemployment benefit) are no
 * parents in two schemes: 1063/1063.
 * Session 31: 'cả 2 vc cùng đóng thì nhận 2 lần' asks each parent's allowance (one a child): 1064/1064.
 * Session 31 (round YR s15, s19, l02): 'hỗ trợ có được hoài ko, tới khi nào thì hết'; 'giám định mất sức lao động 85%'; a
 * period told 'từ 1/2016 đóng tự nguyện liên tục đến tháng 9/2026'; a widow's own birth told before the death: 1067/1067.
 * Session 31 (round YR m19): beside 'Vợ chồng tôi …', the spouse by a bare kin word and a birth ('Tôi sinh tháng 3/1966,
 * vợ sinh tháng 8/1972'), each answered: 1068/1068.
 * Session 31 (round YR l04, l06, l08): a claim's papers without a death are the pension's; 'chẳng may mất … vợ con được
 * gì' answered for the years told; no pension example beside a lump sum's amount: 1071/1071.
 * Session 31 (round YS s08, l01): months counted before a birth's month are no start ('được 8 tháng, tháng 11 vừa rồi
 * sinh bé'); the asker's own name ('Tôi là Nguyễn Thị H.') decides her sex over a relative's words: 1073/1073.
 * Session 31 (round YS l06, l17): a death supposed after a withdrawal brings nothing for those years; years worked abroad
 * are not paid years, and asked whether they count, no: 1075/1075.
 * Session 31 (round YS m10, m17): a level change in a period told by its mode and its last payment ('phương thức 12 tháng
 * … kỳ gần nhất nộp tháng 3/2026'), and the next year's floor; a spouse's birth told first by the bare kin word:
 * 1077/1077.
 * Session 31 (round YS m01): a spouse's pension told, the asker's own joining asked: yes: 1078/1078.
 * Session 31 (round YS l09): a father's pension told with his story between ('Ba em sinh …, đóng … đủ 20 năm, lãnh lương
 * hưu từ tháng 5/2024') beside the mother's 'không có lương hưu': 1079/1079.
 * Session 31 (round YS l11): a letter in the writer's 'chị' read in the first person for her own facts, 'con trai chị 19
 * tuổi' her son's: 1080/1080.
 * Session 31 (round YS l16): 'Ba cháu' is the father; months paid told after the level ('đóng … mức thấp nhất, được 8
 * tháng'): 1081/1081.
 * Session 31 (round YR m15): the contributor's own card asked beside a pensioner spouse's: 1082/1082.
 * Session 31 (round YU l10, l17, l19): 'không thuộc danh mục bệnh hiểm nghèo' tells no illness; 'Chúng tôi có một con gái
 * 12 tuổi' is a child's age; out of poverty, an ethnic minority keeps 30 %: 1085/1085.
 * Session 31 (round YT m07, l02, l07): a start's month before a birth told with its own; work abroad and the transitional
 * withdrawal; 'Chị bán rau …' is the writer, a woman: 1088/1088.
 * Session 31 (round YT l11): paying ahead asked ('đóng trước 5 năm … thì có được ko') is not paid: 1089/1089.
 * Session 31 (round YT l06): 'đến tuổi hưu mới được hơn 9 năm' is a count to come; a semicolon ends the opening sentence;
 * a wife named beside 'Vợ chồng tôi' makes the writer a man: 1090/1090.
 * Session 31 (round YT l15): the other parent paying on by periods told paid ('đã đóng xong kỳ 7-12/2026'): 1091/1091.
 * Session 31 (round YT s16): 'hạn chót là khi nào, trễ hạn thì bị sao' is the deadline then late payment; no survivors'
 * rule where no one died: 1092/1092.
 * Session 31 (round YT l20): 'từ đầu năm nay không đóng nữa' after a period is a later time, not the period unpaid:
 * 1093/1093.
 * Session 31 (round YU l04): a death told several words after its month; a period paid ahead told as 'giai đoạn
 * 1/2025–12/2029'; 'chị dâu' is no 'ở đâu': 1094/1094.
 * Session 31 (round YU l16): 'nếu có lương hưu rồi mà mẹ mất' is a death supposed, the only one told: 1095/1095.
 * Session 31 (round YT l05): the writer's 'Anh' after a numbered ask's mark ('2) Anh giờ mới bắt đầu …') is the writer:
 * 1096/1096.
 * Session 31 (round YW m07): a pensioner's wife 'nghỉ hưu … từ tháng 1/2021, lương hưu hiện khoảng 3,2 triệu' who died;
 * no proxy where someone died: 1097/1097.
 * Session 31 (round YW l18): 'bao giờ đủ 15 năm' is a goal asked; the supported months not reckoned from a compulsory
 * start long before: 1098/1098.
 * Session 31 (round YV l18): 'xơ gan mất bù' tells no death; a count after a period's end month ('đến 12/2026 tròn 16
 * năm'); a listed illness replaces the transitional 12 months: 1099/1099.
 * Session 31 (round YV l06): a widow's own facts told apart ('Bản thân tôi sinh …') decide her sex; 'đã nhận tiền tuất
 * một lần' is no withdrawal: 1100/1100.
 * Session 32 (rounds XA, XB): a debt is no income; 'bắt đầu đóng' a start; 'hỏi giùm ba tôi:' one person; rumours
 * heard through others; a job's 20 years are not the 60/55 rule's; compulsory maternity, not both: 1108/1108.
 * Session 32 (round XA l13): 'Hồi 1989-1993 …' is a time, not an ask; a job's years told without 'bắt buộc' beside
 * the voluntary ones after them: 1109/1109.
 * Session 32 (round XA l01): no way to the 60/55 rule beside compulsory years: 1110/1110.
 * Session 32 (rounds XA, XB): a first month ever paid after 7/2025; an app driver; months missed: 1113/1113.
 * Session 32 (round XB m03): 'khi vào công ty mới' is a job to start: 1114/1114.
 * Session 32 (round XA m14): the last years' level read before a retirement date: 1115/1115.
 * Session 32 (round XD): no bare 'Được' to paying on for the dead or by one on a monthly allowance: 1118/1118.
 * Session 32 (round XD s15, l09): army service before 1995 is the SI office's to count: 1120/1120.
 * Session 32 (round XC l06, l09, l20): a pensioner asker; 20 voluntary years within reach; no estimate on a last-years level: 1123/1123.
 * Session 32 (round XD l04, l13): the writer's 'Bây giờ tôi đang …' is hers; a spouse's pension affects no one else; a pensioner asker: 1125/1125.
 * Session 32 (round XA m05): years abroad asked to be paid for afterwards: 1126/1126.
 * Session 32 (round XF): mixed histories: a job's count told without 'bắt buộc', a trainee's years in Japan, a voluntary start after a job's years, years to come: 1132/1132.
 * Session 32 (round XF l05): the voluntary count told after a withdrawal: 1133/1133.
 * Session 32 (round XE m16): a birth before 7/2025 has no voluntary allowance: 1134/1134.
 * Session 32 (round XF l13): six months in the birth's window paid already: 1135/1135.
 * Session 32 (round XF s16): what the book shows beside a withdrawal: 1136/1136.
 * Floors are the measured figures (not higher), so a change that makes one more answer wrong fails here.
 */
export const ADVICE_FLOOR = {
  dev: { correct: 204 / 204, violations: 0 },
  blind: { correct: 53 / 60, violations: 0 },
  regress: { correct: 1136 / 1136, violations: 0 },
} as const;

const index = buildFaqIndex(loadKb());
const EPS = 1e-9;

describe('advice on real questions', () => {
  const dev = loadAdviceSet(ADVICE_DEV_PATH);
  const blind = loadAdviceSet(ADVICE_BLIND_PATH);
  const regress = loadAdviceSet(ADVICE_REGRESS_PATH);

  it('keeps a source URL for every public question and the blind split apart from the dev set', () => {
    expect(dev.length).toBeGreaterThanOrEqual(204);
    expect(regress.length).toBeGreaterThanOrEqual(1136);
    expect(blind.length).toBeGreaterThanOrEqual(60);
    for (const c of [...dev, ...blind]) expect(c.source, c.q).toMatch(/^https?:\/\//);
    const devQuestions = new Set([...dev, ...regress].map((c) => c.q));
    for (const c of blind) expect(devQuestions.has(c.q), c.q).toBe(false);
  });

  for (const [name, cases, floor] of [
    ['dev', dev, ADVICE_FLOOR.dev],
    ['blind', blind, ADVICE_FLOOR.blind],
    ['regression', regress, ADVICE_FLOOR.regress],
  ] as const) {
    const r = evaluateAdviceBothForms(index, cases);
    it(`answers the ${name} questions right for the person at or above the floor, with and without diacritics`, () => {
      expect(r.accented.adviceCorrect / r.accented.total).toBeGreaterThanOrEqual(floor.correct - EPS);
      expect(r.unaccented.adviceCorrect / r.unaccented.total).toBeGreaterThanOrEqual(floor.correct - EPS);
    });
    it(`tells no more ${name} askers what the law does not say than recorded`, () => {
      expect(r.accented.violations).toBeLessThanOrEqual(floor.violations);
      expect(r.unaccented.violations).toBeLessThanOrEqual(floor.violations);
    });
  }
});
