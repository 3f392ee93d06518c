import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { addresses, contacts, outbox } from '../../db/schema/index.ts';
import { loadConfig } from '../../src/config.ts';
import { run as remind } from '../../src/jobs/remind-reporters.ts';
import { run as digest } from '../../src/jobs/supervisor-digest.ts';
import { createWorld, type World } from '../flows/report/helpers.ts';

const config = loadConfig({});
// Asia/Ho_Chi_Minh is UTC+7: 16:29 local = 09:29Z.
const AT = (hhmm: string, day = '2026-05-21') => {
  const [h, m] = hhmm.split(':').map(Number);
  return new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)), (h ?? 0) - 7, m ?? 0));
};

async function bulkRows(w: World) {
  return w.db.select().from(outbox).where(eq(outbox.priority, 1));
}

describe('remind-reporters', () => {
  it('does nothing before the reminder hour', async () => {
    const w = await createWorld();
    await w.person('lan');
    expect(await remind({ db: w.db, config }, AT('16:29'))).toMatchObject({ due: false, queued: 0 });
    expect(await bulkRows(w)).toHaveLength(0);
  });

  it('reminds staff of units that have not reported today, by SMS when they have no chat address', async () => {
    const w = await createWorld();
    await w.person('lan');
    await w.person('hai');
    await w.person('minh');
    await w.as('hai', 'BC 5 DV 001');
    w.clock.set(AT('16:30'));
    const stats = await remind({ db: w.db, config }, AT('16:30'));
    expect(stats).toEqual({ due: true, upToDate: 0, queued: 2, alreadyReminded: 0, skipped: 0 });
    const rows = await bulkRows(w);
    expect(rows.map((r) => r.address).sort()).toEqual(['tel:+84912000222', 'tel:+84912345678']);
    expect(rows.find((r) => r.address === 'tel:+84912345678')?.text).toBe(
      'Nhắc báo cáo: hôm nay (21/05) Huyện Đông Anh chưa có số liệu. Gửi: BC <số người>. VD: BC 12 (không có người mới: BC 0)',
    );
    expect(rows.find((r) => r.address === 'tel:+84912000222')?.text).toContain('chưa có số liệu của Quận Hoàn Kiếm (DV 002). Gửi: BC <số người> DV <mã>');
  });

  it('queues each reminder once a day however often it runs', async () => {
    const w = await createWorld();
    await w.person('lan');
    expect((await remind({ db: w.db, config }, AT('16:31'))).queued).toBe(1);
    expect(await remind({ db: w.db, config }, AT('16:31'))).toMatchObject({ queued: 0, alreadyReminded: 1 });
    expect(await remind({ db: w.db, config }, AT('20:59'))).toMatchObject({ queued: 0, alreadyReminded: 1 });
    expect(await bulkRows(w)).toHaveLength(1);
    expect((await remind({ db: w.db, config }, AT('16:31', '2026-05-22'))).queued).toBe(1);
  });

  it('skips staff whose unit reported today, even with a count of zero', async () => {
    const w = await createWorld();
    await w.as('lan', 'BC 0');
    expect(await remind({ db: w.db, config }, AT('17:00'))).toMatchObject({ queued: 0, upToDate: 1 });
  });

  it('skips staff who opted out or cannot be reached, and still reminds the others', async () => {
    const w = await createWorld();
    const lan = await w.person('lan');
    const tuan = await w.person('tuan');
    await w.person('hai');
    await w.db.update(contacts).set({ optedOut: true }).where(eq(contacts.id, lan.id));
    await w.db.update(addresses).set({ stoppedAt: new Date() }).where(eq(addresses.contactId, tuan.id));
    expect(await remind({ db: w.db, config }, AT('16:30'))).toMatchObject({ queued: 1, skipped: 2 });
  });

  it('prefers the chat address the person last wrote from', async () => {
    const w = await createWorld();
    const lan = await w.person('lan');
    await w.db.insert(addresses).values({ address: 'zalo:8427000000000000009', channel: 'zalo', contactId: lan.id, lastInboundAt: AT('09:00'), createdAt: AT('09:00') });
    await remind({ db: w.db, config }, AT('16:30'));
    expect((await bulkRows(w)).map((r) => r.address)).toEqual(['zalo:8427000000000000009']);
  });

  it('does not remind once quiet hours have begun, when the message would only arrive tomorrow', async () => {
    const w = await createWorld();
    await w.person('lan');
    expect(await remind({ db: w.db, config }, AT('21:00'))).toMatchObject({ due: false, queued: 0 });
    expect(await remind({ db: w.db, config }, AT('23:59'))).toMatchObject({ due: false, queued: 0 });
  });

  it('uses the configured hour', async () => {
    const w = await createWorld();
    await w.person('lan');
    const late = loadConfig({ REPORT_REMINDER_AT: '17:15' });
    expect((await remind({ db: w.db, config: late }, AT('17:00'))).due).toBe(false);
    expect((await remind({ db: w.db, config: late }, AT('17:15'))).queued).toBe(1);
  });
});

describe('supervisor-digest', () => {
  it('does nothing before the digest hour', async () => {
    const w = await createWorld();
    await w.person('minh');
    expect(await digest({ db: w.db, config }, AT('17:59'))).toMatchObject({ due: false, queued: 0 });
  });

  it('sends each supervisor one digest of their subtree a day', async () => {
    const w = await createWorld();
    await w.person('minh');
    await w.as('lan', 'BC 40');
    expect(await digest({ db: w.db, config }, AT('18:00'))).toEqual({ due: true, queued: 1, alreadySent: 0, skipped: 0 });
    expect(await digest({ db: w.db, config }, AT('18:05'))).toEqual({ due: true, queued: 0, alreadySent: 1, skipped: 0 });
    const [row] = await bulkRows(w);
    expect(row?.address).toBe('tel:+84987654321');
    expect(row?.text).toContain('Tổng hợp cuối ngày: Thành phố Hà Nội đến 21/05: 40/1.500 (3%). Hôm nay: 40.');
    expect(row?.text).toContain('Chưa báo hôm nay (29)');
    expect(row?.text.length).toBeLessThanOrEqual(459);
  });
});
