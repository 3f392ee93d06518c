import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { startTestService, type TestService } from '../../support/service.ts';
import { seedPerson } from '../../support/seed.ts';
import { execute } from '../../../db/client.ts';
import { addresses, broadcasts, contacts, outbox } from '../../../db/schema/index.ts';
import { queueingSettled } from '../../../flows/broadcast/queue.ts';

let t: TestService;
beforeEach(async () => {
  t = await startTestService({ options: { manualOutbox: true } });
});
afterEach(async () => {
  await t.close();
});

/** A subscribed resident chatting on the web, living in `unitCode`. */
async function resident(session: string, unitCode: string) {
  await t.chat(session).send('DANG KY');
  const a = (await t.service.db.select().from(addresses).where(eq(addresses.address, `web:${session}`)).limit(1))[0];
  await t.service.db.update(contacts).set({ unitCode, name: `Dân ${session}` }).where(eq(contacts.id, a!.contactId));
}

describe("supervisors' broadcast commands on chat", () => {
  it('previews with counts and cost, then GUI OK sends to residents of their own subtree only', async () => {
    await seedPerson(t.service.db, 'minh'); // supervisor of 01 (Hà Nội)
    await resident('hn', '017');
    await resident('hcm', '79');
    const minh = t.chat('minh');
    await minh.send('gửi dân Mời {ten} dự Lễ ra quân {ngay_ra_quan}');
    expect(minh.text).toMatch(/^Bản nháp #(\d+): 1 người \(Web 1\)\. Chi phí ước tính 0đ\. Mẫu: "Mời Dân hn dự Lễ ra quân 08h00 ngày 23\/05\/2026" Soạn GUI OK để gửi, HUY để bỏ\.$/);
    expect(await t.service.db.select().from(outbox).where(eq(outbox.priority, 1))).toHaveLength(0);
    await minh.send('GUI OK');
    expect(minh.text).toMatch(/^Đang gửi tin #\d+/);
    await queueingSettled(t.service.db);
    const rows = await t.service.db.select().from(outbox).where(eq(outbox.priority, 1));
    expect(rows.map((r) => r.address)).toEqual(['web:hn']);
  });

  it('lists what is coming, gives statistics and cancels by code, with or without diacritics', async () => {
    await seedPerson(t.service.db, 'minh');
    await resident('hn', '017');
    const minh = t.chat('minh');
    await minh.send('GUI DAN Nhắc lịch');
    const id = /#(\d+)/.exec(minh.text)?.[1];
    await minh.send('lịch');
    expect(minh.text).toMatch(new RegExp(`^Lịch gửi:\\n#${id} ngay khi xác nhận \\(nháp\\): Nhắc lịch`));
    await minh.send('gửi ok');
    await queueingSettled(t.service.db);
    await t.service.outbox.runOnce();
    await minh.send(`TK ${id}`);
    expect(minh.text).toBe(`Tin #${id} (đang gửi): đã gửi 1.`);
    await minh.send(`hủy gửi ${id}`);
    expect(minh.text).toBe(`Đã hủy tin #${id}.`);
    expect((await t.service.db.select().from(broadcasts).where(eq(broadcasts.id, Number(id))).limit(1))[0]?.status).toBe('cancelled');
  });

  it('takes a plain HUY at the preview (even after LICH) as "drop the draft", never as the opt-out; HUY elsewhere still opts out', async () => {
    await seedPerson(t.service.db, 'minh');
    await resident('hn', '017');
    const minh = t.chat('minh');
    const minhRow = async () => (await t.service.db.select().from(contacts).where(eq(contacts.name, 'Trần Văn Minh')).limit(1))[0];
    const status = async (id: string | undefined) => (await t.service.db.select().from(broadcasts).where(eq(broadcasts.id, Number(id))).limit(1))[0]?.status;

    await minh.send('GUI DAN Nhắc lịch');
    const first = /#(\d+)/.exec(minh.text)?.[1];
    await minh.send('HUY');
    expect(await status(first)).toBe('cancelled');
    expect(minh.text).not.toMatch(/ngừng gửi tin|từ chối/i);
    expect((await minhRow())?.optedOut).toBe(false);

    await minh.send('gửi dân Nhắc lần hai');
    const second = /#(\d+)/.exec(minh.text)?.[1];
    await minh.send('lịch');
    expect(minh.text).toMatch(new RegExp(`#${second} .*\\(nháp\\)`));
    await minh.send('hủy');
    expect(await status(second)).toBe('cancelled');
    expect((await minhRow())?.optedOut).toBe(false);
    await minh.send('GUI OK');
    expect(minh.text).toBe('Không có bản nháp nào đang chờ. Soạn GUI <nhóm> <nội dung> để tạo.');
    expect(await t.service.db.select().from(outbox).where(eq(outbox.priority, 1))).toHaveLength(0);

    // A new GUI replaces a draft still waiting; other text at the preview asks again; "1" (or "ok") confirms.
    await minh.send('GUI DAN Bản A');
    const a = /#(\d+)/.exec(minh.text)?.[1];
    await minh.send('GUI DAN Bản B');
    const b = /#(\d+)/.exec(minh.text)?.[1];
    expect(await status(a)).toBe('cancelled');
    await minh.send('xin chào');
    expect(minh.text).toBe(`Bản nháp #${b} đang chờ: soạn GUI OK để gửi, HUY để bỏ (MENU để làm việc khác, bản nháp vẫn giữ 1 giờ).`);
    await minh.send('1'); // the numbered quick reply "GUI OK", as channels without buttons show it
    expect(minh.text).toMatch(new RegExp(`^Đang gửi tin #${b}`));
    await queueingSettled(t.service.db);

    // With nothing pending, HUY is the opt-out word, as everywhere.
    await minh.send('HUY');
    expect((await minhRow())?.optedOut).toBe(true);
  });

  it('answers GUI at once for an audience too large to count inside the chat step, and sends the preview when counted', async () => {
    await seedPerson(t.service.db, 'minh'); // supervisor of 01
    // 300,000 subscribed residents of Đông Anh (017, in 01), without addresses: far more than a chat step counts.
    await execute(
      t.service.db,
      sql`WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < 300000)
          INSERT INTO contacts (name, role, unit_code, subscribed, created_at) SELECT 'Dân ' || i, 'resident', '017', true, 0 FROM seq`,
    );
    const minh = t.chat('minh');
    const started = Date.now();
    await minh.send('GUI DAN Nhắc lịch ra quân');
    expect(minh.text).toMatch(/^Bản nháp #\d+: đang đếm người nhận \(đã đếm [\d.]+ người\); số người, chi phí và tin mẫu sẽ gửi ngay sau\./);
    const minhId = (await t.service.db.select().from(contacts).where(eq(contacts.name, 'Trần Văn Minh')).limit(1))[0]?.id ?? 0;
    const previewRow = async () => (await t.service.db.select().from(outbox).where(eq(outbox.contactId, minhId))).find((r) => r.text.includes('300000 người'));
    while (!(await previewRow()) && Date.now() - started < 20_000) await new Promise((r) => setTimeout(r, 50));
    expect((await previewRow())?.text).toMatch(/^Bản nháp #\d+: 300000 người \(không liên lạc được 300000\)\. Chi phí ước tính 0đ\. Soạn GUI OK để gửi, HUY để bỏ\./);
    expect((await previewRow())?.status).toBe('queued');
    // Still at the preview step: a plain HUY drops the draft.
    await minh.send('HUY');
    expect((await t.service.db.select().from(broadcasts).limit(1))[0]?.status).toBe('cancelled');
  }, 30_000);

  it("does not reveal or touch another unit's broadcast, and is not a command for residents", async () => {
    await seedPerson(t.service.db, 'minh');
    const [other] = await t.service.db
      .insert(broadcasts)
      .values({ text: 'HCM', audience: { roles: ['resident'], unitCode: '79' }, status: 'scheduled', scopeCode: '79', sendAt: new Date('2026-05-22T02:00:00Z'), createdAt: t.clock.now() })
      .returning();
    if (!other) throw new Error('no broadcast inserted');
    const minh = t.chat('minh');
    await minh.send(`TK ${other.id}`);
    expect(minh.text).toBe(`Không tìm thấy tin #${other.id} trong đơn vị của anh/chị.`);
    await minh.send(`HUY GUI ${other.id}`);
    expect((await t.service.db.select().from(broadcasts).where(eq(broadcasts.id, other.id)).limit(1))[0]?.status).toBe('scheduled');
    await resident('r', '017');
    const r = t.chat('r');
    await r.send('gửi hồ sơ ở đâu');
    expect(r.text).not.toMatch(/Bản nháp|giám sát/);
    expect(await t.service.db.select().from(broadcasts)).toHaveLength(1);
  });
});
