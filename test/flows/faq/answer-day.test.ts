import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaigns } from '../../../db/schema/index.ts';
import { answerWorkerStats } from '../../../flows/index.ts';
import { startTestService, type TestService } from '../../support/service.ts';
import { until } from '../../support/until.ts';

/**
 * Answers are read on the message's day (Vietnam): the same service, asked the same questions in December 2026
 * and in the 2027 campaign month, gives each year's retirement age and each day's contribution figures (those the
 * calculator applies) — on the event loop and on an answer worker alike.
 */
describe("answers for the message's day", () => {
  const AGE = 'Năm nay tuổi nghỉ hưu của nam và nữ là bao nhiêu?';
  const FLOOR = 'Mức đóng BHXH tự nguyện thấp nhất là bao nhiêu một tháng?';
  const services: TestService[] = [];
  let in2026: TestService;
  let in2027: TestService;
  let in2027Workers: TestService;
  beforeAll(async () => {
    in2026 = await startTestService({ now: '2026-12-31T16:00:00Z' }); // 23:00 on 31/12/2026 in Hà Nội
    in2027 = await startTestService({ now: '2026-12-31T17:30:00Z' }); // 00:30 on 1/1/2027
    in2027Workers = await startTestService({ now: '2027-05-20T03:00:00Z', env: { FAQ_WORKERS: '1' } });
    services.push(in2026, in2027, in2027Workers);
    await until('the answer worker to be ready', () => answerWorkerStats()?.ready === 1, 15_000);
  });
  afterAll(async () => {
    for (const s of services) await s.close();
  });

  const text = async (s: TestService, session: string, q: string): Promise<string> => (await s.chat(session).send(q)).map((r) => r.text).join('\n');

  it("gives this year's retirement age: 2026 until midnight on 31/12, then 2027's", async () => {
    const before = await text(in2026, 'a', AGE);
    expect(before).toMatch(/năm 2026[^.]*nam 61 tuổi 6 tháng, nữ 57 tuổi/i);
    const after = await text(in2027, 'a', AGE);
    expect(after).toMatch(/năm 2027[^.]*nam 61 tuổi 9 tháng, nữ 57 tuổi 4 tháng/i);
    // The first line is this year's; the table by year below it still lists 2026.
    expect(after.split('\n')[0]).not.toMatch(/61 tuổi 6 tháng/);
  });

  it("quotes the contribution figures the calculator applies that day: 2026's until midnight, then 2027's, said to be provisional", async () => {
    const before = await text(in2026, 'b', FLOOR);
    expect(before).toMatch(/1\.500\.000 đồng\/tháng\. Mức đóng thấp nhất vì vậy là 22% x 1\.500\.000 = 330\.000 đồng\/tháng\. Sau hỗ trợ, người bình thường nộp 264\.000 đồng/);
    expect(before).not.toMatch(/tạm tính|có thể đã thay đổi/);
    const after = await text(in2027, 'b', FLOOR);
    expect(after).toMatch(/2\.200\.000 đồng\/tháng\. Mức đóng thấp nhất vì vậy là 22% x 2\.200\.000 = 484\.000 đồng\/tháng\. Sau hỗ trợ, người bình thường nộp 387\.200 đồng, hộ nghèo 242\.000/);
    // Said once: the filled-in figures of the floor's answer are the amount asked (no second part repeating them).
    expect(after.match(/484\.000/g)).toHaveLength(1);
    expect(after).toMatch(/Lưu ý: mức sàn 2\.200\.000 từ 2027 là tạm tính \(NĐ 351\/2025\)/);
    expect(after).not.toMatch(/330\.000|có thể đã thay đổi/);
    // The calculator, asked the same on the same day, says the same.
    const calc = in2027.chat('b2');
    for (const step of ['tinh', '2tr2', 'Khác']) await calc.send(step);
    expect((await calc.send('1 tháng')).map((r) => r.text).join('\n')).toContain('Anh/chị đóng: 387.200 đồng/tháng');
  });

  it('answers on a worker for the same day as on the event loop', async () => {
    const answered = answerWorkerStats()!.answered;
    const a = await text(in2027Workers, 'c', AGE);
    expect(a).toMatch(/năm 2027[^.]*nam 61 tuổi 9 tháng/i);
    expect(answerWorkerStats()!.answered).toBe(answered + 1);
    // A person's age and years, read in 2027: retirement at 61 y 9 m for a man reaching the age this year.
    const lead = await text(in2027Workers, 'd', 'Tôi là nam, năm nay 61 tuổi, đã đóng BHXH được 16 năm thì khi nào được hưởng lương hưu?');
    expect(lead).toMatch(/nam, năm 2027: 61 tuổi 9 tháng/);
  });

  it('lists at start-up, for review, the entries past their effective end (ids only), and none before', () => {
    expect(in2026.logs()).not.toMatch(/past their effective end/);
    const line = in2027.logs().split('\n').find((l) => l.includes('past their effective end'));
    expect(line).toBeDefined();
    const logged = JSON.parse(line!) as { entries: string[]; level: number };
    expect(logged.level).toBe(40);
    expect(logged.entries).toContain('calculator.payback');
    // Entries quoting figures from the calculator's rules follow them instead.
    expect(logged.entries).not.toContain('contribution_amount.minimum');
    expect(logged.entries).not.toContain('subsidy.rates_by_group');
    // Entries about the repealed law describe the past on purpose.
    expect(logged.entries.some((id) => id.includes('.old_'))).toBe(false);
  });

  it("names the active campaign's launch and theme, as the supervisors set them", async () => {
    const before = await text(in2027Workers, 'e', 'Lễ ra quân năm nay tổ chức ngày nào?');
    // The test service's campaign, as seeded.
    expect(before).toMatch(/Đợt vận động này: 08h00 ngày 23\/05\/2026/);
    await in2027Workers.service.db.update(campaigns).set({ launchAt: new Date('2027-05-30T01:30:00Z'), theme: 'BHXH tự nguyện - chỗ dựa khi về già' });
    // The service re-reads the active campaign every few seconds.
    in2027Workers.clock.advance(10_000);
    const after = await text(in2027Workers, 'f', 'Lễ ra quân năm nay tổ chức ngày nào?');
    expect(after).toMatch(/Đợt vận động này: 08h30 ngày 30\/05\/2027, chủ đề "BHXH tự nguyện - chỗ dựa khi về già"/);
    // The first campaign stays history.
    expect(after).toMatch(/Năm 2020: từ 08h00 thứ Bảy 23\/5\/2020/);
  });
});
