import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { addresses, campaigns, contacts, inboundMessages } from '../../../db/schema/index.ts';
import { issueLinkCode } from '../../../db/queries/staff.ts';
import { createReportFlow, refusal } from '../../../flows/report/flow.ts';
import { DEFAULT_CAPABILITIES } from '../../../src/core/channel.ts';
import type { FlowContext } from '../../../src/core/flow.ts';
import { foldWords } from '../../../src/text/vietnamese.ts';
import { prepareSms } from '../../../src/text/sms.ts';
import { SMS_MAX_CHARS } from '../../../flows/report/texts.ts';
import { createWorld, type World, silentLog } from './helpers.ts';

describe('report flow', () => {
  it('records a report and says where the district stands', async () => {
    const w = await createWorld();
    expect(await w.as('lan', 'BC 12')).toBe('Đã ghi nhận 12 người ngày 21/05 – Huyện Đông Anh: lũy kế 12/50 (24%)');
    expect(await w.currentReports()).toMatchObject([{ unitCode: '017', day: '2026-05-21', count: 12, reporterId: (await w.person('lan')).id }]);
  });

  it('adds up the days of a district into the cumulative total', async () => {
    const w = await createWorld();
    await w.as('lan', 'BC 26 20/5');
    expect(await w.as('lan', 'bc 12 21/5')).toBe('Đã ghi nhận 12 người ngày 21/05 – Huyện Đông Anh: lũy kế 38/50 (76%)');
  });

  it('sums two staff of one district reporting on one day instead of overwriting', async () => {
    const w = await createWorld();
    await w.as('lan', 'BC 12');
    const reply = await w.as('tuan', 'BC 8');
    expect(reply).toContain('lũy kế 20/50 (40%)');
    expect(reply).toContain('cả đơn vị: 20 người, 2 cán bộ báo cáo');
    expect((await w.currentReports()).map((r) => r.count)).toEqual([12, 8]);
  });

  it('treats a resend for the same day as a correction and keeps the history', async () => {
    const w = await createWorld();
    await w.as('lan', 'BC 12');
    expect(await w.as('lan', 'BC 10')).toBe('Đã sửa thành 10 người ngày 21/05 (trước: 12) – Huyện Đông Anh: lũy kế 10/50 (20%)');
    const all = await w.allReports();
    expect(all).toHaveLength(2);
    expect(all[0]?.supersededBy).toBe(all[1]?.id);
    expect((await w.currentReports()).map((r) => r.count)).toEqual([10]);
  });

  it('applies an explicit BC SUA correction to the named day only', async () => {
    const w = await createWorld();
    await w.as('lan', 'BC 5 20/5');
    await w.as('lan', 'BC 12');
    expect(await w.as('lan', 'BC SUA 7 20/5')).toContain('Đã sửa thành 7 người ngày 20/05 (trước: 5)');
    expect((await w.currentReports()).map((r) => [r.day, r.count])).toEqual([
      ['2026-05-21', 12],
      ['2026-05-20', 7],
    ]);
  });

  it('never counts a retried inbound message twice', async () => {
    const w = await createWorld();
    await w.as('lan', 'BC 12', 'SM-1');
    expect(await w.as('lan', 'BC 12', 'SM-1')).toBe('');
    expect(await w.allReports()).toHaveLength(1);
  });

  it('asks to confirm a count above the sanity limit and records it after OK', async () => {
    const w = await createWorld();
    const ask = await w.as('lan', 'BC 250');
    expect(ask).toContain('250 người ngày 21/05 – Huyện Đông Anh cao hơn mức thường gặp (200/ngày)');
    expect(await w.allReports()).toHaveLength(0);
    expect(await w.as('lan', 'OK')).toBe('Đã ghi nhận 250 người ngày 21/05 – Huyện Đông Anh: lũy kế 250/50 (500%)');
    expect((await w.currentReports()).map((r) => r.count)).toEqual([250]);
  });

  it('records a count above the limit at once when the message says OK', async () => {
    const w = await createWorld();
    expect(await w.as('lan', 'BC 250 OK')).toContain('Đã ghi nhận 250 người');
  });

  it('stores nothing when a high count is not confirmed', async () => {
    const w = await createWorld();
    await w.as('lan', 'BC 250');
    expect(await w.as('lan', 'không')).toContain('Chưa ghi nhận');
    expect(await w.allReports()).toHaveLength(0);
  });

  it('takes a corrected count in place of confirming', async () => {
    const w = await createWorld();
    await w.as('lan', 'BC 250');
    expect(await w.as('lan', 'BC 25')).toContain('Đã ghi nhận 25 người');
    expect(await w.as('lan', 'OK')).toBe('MENU');
    expect((await w.currentReports()).map((r) => r.count)).toEqual([25]);
  });

  it('shows numbered choices on SMS so a basic phone can confirm with a digit', async () => {
    const w = await createWorld();
    await w.person('lan');
    const [ask] = await w.send('tel:+84912345678', 'BC 300');
    expect(ask).toMatch(/1\. OK\n2\. Không\nSoạn 1 hoặc 2$/);
    expect(await w.send('tel:+84912345678', '1')).toEqual(['Đã ghi nhận 300 người ngày 21/05 – Huyện Đông Anh: lũy kế 300/50 (600%)']);
  });

  it.each([
    ['BC abc', 'Sai cú pháp. Gửi: BC <số người> [ngày/tháng]. VD: BC 12'],
    ['BC 1000', 'Số người phải là số nguyên từ 0 đến 999'],
    ['BC 12 22/5/2026', 'chưa tới ngày đó'],
    ['BC 12 30/4', 'Chiến dịch bắt đầu từ 01/05/2026'],
    ['BC 12 31/2', 'Ngày không hợp lệ'],
  ])('answers %j with how to fix it and stores nothing', async (text, hint) => {
    const w = await createWorld();
    expect(await w.as('lan', text)).toContain(hint);
    expect(await w.allReports()).toHaveLength(0);
  });

  it('refuses a resident politely and stores nothing', async () => {
    const w = await createWorld();
    const reply = await w.as('hoa', 'BC 12');
    expect(reply).toContain('chỉ dành cho cán bộ');
    expect(await w.allReports()).toHaveLength(0);
    expect(refusal).toContain('chỉ dành cho cán bộ');
  });

  it('asks staff of several units which unit they mean', async () => {
    const w = await createWorld();
    expect(await w.as('hai', 'BC 12')).toContain('Anh/chị phụ trách nhiều đơn vị (001 Quận Ba Đình; 002 Quận Hoàn Kiếm)');
    expect(await w.allReports()).toHaveLength(0);
    expect(await w.as('hai', 'BC 12 DV 002')).toContain('Quận Hoàn Kiếm: lũy kế 12/50');
    expect(await w.as('hai', 'BC 3 DV 017')).toContain('không phụ trách đơn vị mã 017');
    expect(await w.as('hai', 'BC 3 DV 999')).toContain('Không tìm thấy đơn vị mã 999');
  });

  it('lets a supervisor report for a district of their province but not their province itself', async () => {
    const w = await createWorld();
    expect(await w.as('minh', 'BC 4 DV 001')).toContain('Quận Ba Đình: lũy kế 4/50');
    expect(await w.as('minh', 'BC 4')).toContain('cấp huyện');
  });

  it('uses an explicit unit target instead of the district default', async () => {
    const w = await createWorld();
    await w.setTarget('017', 80);
    expect(await w.as('lan', 'BC 20')).toContain('lũy kế 20/80 (25%)');
  });

  it('keeps SMS replies within three unaccented segments, even a supervisor\'s long progress', async () => {
    const w = await createWorld();
    await w.person('minh');
    await w.person('lan');
    const replies = [
      ...(await w.send('tel:+84987654321', 'TIENDO')),
      ...(await w.send('tel:+84912345678', 'BC 12')),
      ...(await w.send('tel:+84912345678', 'BC 999')),
      ...(await w.send('tel:+84912345678', 'BC abc')),
    ];
    for (const reply of replies) {
      expect(reply.length).toBeLessThanOrEqual(SMS_MAX_CHARS + 30);
      expect(prepareSms(reply)).toMatchObject({ encoding: 'GSM-7' });
      expect(prepareSms(reply).segments).toBeLessThanOrEqual(3);
    }
  });
});

describe('progress flow', () => {
  it('shows staff their unit: cumulative total against target and today', async () => {
    const w = await createWorld();
    await w.as('lan', 'BC 26 20/5');
    await w.as('lan', 'BC 12');
    expect(await w.as('lan', 'TIENDO')).toBe('Tiến độ Huyện Đông Anh: lũy kế 38/50 (76%); hôm nay (21/05) 12.');
    expect(await w.as('lan', 'tiến độ')).toContain('38/50');
  });

  it('tells staff when their unit has not reported today', async () => {
    const w = await createWorld();
    expect(await w.as('lan', '/tiendo')).toBe('Tiến độ Huyện Đông Anh: lũy kế 0/50 (0%); hôm nay (21/05) chưa báo cáo.');
  });

  it('lists every unit of staff with several', async () => {
    const w = await createWorld();
    await w.as('hai', 'BC 5 DV 001');
    const reply = await w.as('hai', 'TIENDO');
    expect(reply).toContain('- Quận Ba Đình: lũy kế 5/50 (10%); hôm nay (21/05) 5');
    expect(reply).toContain('- Quận Hoàn Kiếm: lũy kế 0/50 (0%); hôm nay (21/05) chưa báo cáo');
  });

  it('gives a supervisor the province total, the units furthest behind and who has not reported', async () => {
    const w = await createWorld();
    await w.as('lan', 'BC 40');
    await w.as('hai', 'BC 30 DV 001');
    await w.as('hai', 'BC 20 DV 002');
    const reply = await w.as('minh', 'TIENDO');
    // 30 districts × 50 = 1500
    expect(reply).toContain('Tiến độ Thành phố Hà Nội đến 21/05: 90/1.500 (6%). Hôm nay: 90.');
    expect(reply).toMatch(/Chậm nhất: (Huyện|Quận|Thị xã) [^;]+ 0\/50 \(0%\);/);
    expect(reply).not.toMatch(/Chậm nhất:.*Đông Anh/);
    expect(reply).toContain('Chưa báo hôm nay (27)');
    expect(reply).not.toMatch(/Chưa báo hôm nay.*Ba Đình/);
  });

  it('lets a supervisor look at one district of their province', async () => {
    const w = await createWorld();
    await w.as('lan', 'BC 40');
    expect(await w.as('minh', 'TIENDO 017')).toContain('Tiến độ Huyện Đông Anh đến 21/05: 40/50 (80%)');
    expect(await w.as('minh', 'TIENDO 760')).toContain('không phụ trách');
  });

  it('refuses residents', async () => {
    const w = await createWorld();
    expect(await w.as('hoa', 'TIENDO')).toContain('chỉ dành cho cán bộ');
  });
});

describe('link flow', () => {
  it('links a Telegram account to the staff member who owns the code, once', async () => {
    const w = await createWorld();
    const lan = await w.person('lan');
    const code = await issueLinkCode(w.db, lan.id, w.clock.now());
    expect(code).toMatch(/^\d{6}$/);
    expect((await w.send('telegram:555', 'BC 12')).join()).toContain('chỉ dành cho cán bộ');
    expect((await w.send('telegram:555', `DK ${code}`)).join()).toBe(
      'Đã liên kết tài khoản với cán bộ Nguyễn Thị Lan – Huyện Đông Anh. Gửi BC <số người> để báo cáo, TIENDO để xem tiến độ.',
    );
    expect((await w.db.select().from(addresses).where(eq(addresses.address, 'telegram:555')))[0]?.contactId).toBe(lan.id);
    expect((await w.send('telegram:555', 'BC 12')).join()).toContain('Đã ghi nhận 12 người');
    expect((await w.send('telegram:777', `DK ${code}`)).join()).toContain('không đúng, đã dùng hoặc đã hết hạn');
  });

  it('refuses an expired code', async () => {
    const w = await createWorld();
    const code = await issueLinkCode(w.db, (await w.person('lan')).id, new Date('2026-05-10T00:00:00Z'));
    expect((await w.send('zalo:8427000000000000001', `DK ${code}`)).join()).toContain('hết hạn');
  });

  it('never links a web chat session (its id is chosen by the client), and keeps the code usable', async () => {
    const w = await createWorld();
    const code = await issueLinkCode(w.db, (await w.person('lan')).id, w.clock.now());
    expect(await w.as('tuan', `DK ${code}`)).toContain('chỉ dùng trên Telegram hoặc Zalo');
    expect((await w.send('web:stranger', `DK ${code}`)).join()).toContain('chỉ dùng trên Telegram hoặc Zalo');
    expect((await w.send('telegram:9', `DK ${code}`)).join()).toContain('Đã liên kết');
  });

  it('only the newest code of a person works', async () => {
    const w = await createWorld();
    const lan = await w.person('lan');
    const first = await issueLinkCode(w.db, lan.id, w.clock.now(), () => 111111);
    const second = await issueLinkCode(w.db, lan.id, w.clock.now(), () => 222222);
    expect([first, second]).toEqual(['111111', '222222']);
    expect((await w.send('telegram:1', 'DK 111111')).join()).toContain('không đúng');
    expect((await w.send('telegram:1', 'DK 222222')).join()).toContain('Đã liên kết');
    expect((await w.db.select().from(contacts).where(eq(contacts.id, lan.id)))[0]?.role).toBe('staff');
  });
});

describe('report flow called directly', () => {
  async function ctxFor(w: World, key: 'lan' | 'hoa', text: string, inboundId: number): Promise<FlowContext> {
    const contact = await w.person(key);
    const campaign = (await w.db.select().from(campaigns))[0];
    if (!campaign) throw new Error('no campaign');
    await w.db.insert(inboundMessages).values({ id: inboundId, channel: 'web', providerId: `p${inboundId}`, address: `web:${key}`, kind: 'text', text, receivedAt: w.clock.now() }).onConflictDoNothing();
    return {
      db: w.db,
      now: w.clock.now(),
      contact,
      address: `web:${key}`,
      channel: 'web',
      capabilities: DEFAULT_CAPABILITIES.web,
      text,
      folded: foldWords(text),
      campaign,
      inboundId,
      log: silentLog,
    };
  }

  it('refuses non-staff itself, even when the router lets the message through', async () => {
    const w = await createWorld();
    const flow = createReportFlow({ sanityLimit: 200 });
    expect(flow.roles).toEqual(['staff', 'supervisor']);
    expect(await flow.start(await ctxFor(w, 'hoa', 'BC 12', 1))).toEqual({ kind: 'end', replies: [{ text: refusal }] });
    expect(await w.allReports()).toHaveLength(0);
  });

  it('never creates two reports from one inbound id', async () => {
    const w = await createWorld();
    const flow = createReportFlow({ sanityLimit: 200 });
    const first = await flow.start(await ctxFor(w, 'lan', 'BC 12', 7));
    const again = await flow.start(await ctxFor(w, 'lan', 'BC 12', 7));
    expect(again).toEqual(first);
    expect(await w.allReports()).toHaveLength(1);
  });

  it('claims only report messages as its command', async () => {
    const w = await createWorld();
    const flow = createReportFlow({ sanityLimit: 200 });
    expect(flow.command?.(await ctxFor(w, 'lan', 'bc 12 21/5', 1))).toBe(true);
    expect(flow.command?.(await ctxFor(w, 'lan', 'BC xyz', 2))).toBe(true);
    expect(flow.command?.(await ctxFor(w, 'lan', 'TIENDO', 3))).toBe(false);
    expect(flow.command?.(await ctxFor(w, 'lan', 'mức đóng bao nhiêu', 4))).toBe(false);
  });
});
