import { afterEach, describe, expect, it } from 'vitest';
import { callbackHistory } from '../../db/schema/index.ts';
import { startTestService, type TestService } from '../support/service.ts';
import { seedPerson } from '../support/seed.ts';
import { addConsoleUser, askForCallback, onlyRequest, queuedTo, staffChat, STAFF } from '../flows/callback/support.ts';

let t: TestService | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

/** A service whose clock starts at a local (Hà Nội) time; the scheduler is driven by hand. */
async function at(local: string, env: Record<string, string> = {}): Promise<TestService> {
  t = await startTestService({ now: new Date(`${local}+07:00`).toISOString(), env, options: { manualOutbox: true } });
  return t;
}

const setLocal = (s: TestService, local: string) => s.clock.set(new Date(`${local}+07:00`));

describe('callback deadlines (scheduler job, injected clock)', () => {
  it('offers a request not taken within 4 working hours to the next consultant and tells the supervisor, once', async () => {
    const s = await at('2026-05-20T15:30'); // Wednesday afternoon
    const an = await addConsoleUser(s.service.db, 'an');
    const binh = await addConsoleUser(s.service.db, 'binh');
    const giang = await addConsoleUser(s.service.db, 'giang');
    await askForCallback(s.chat());
    const r = await onlyRequest(s.service.db);
    expect(r.assigneeId).toBe(an.userId);
    // 1.5 working hours on Wednesday, 2.5 on Thursday morning.
    expect(r.deadlineAt).toEqual(new Date('2026-05-21T10:30:00+07:00'));

    setLocal(s, '2026-05-21T10:29');
    expect((await s.service.scheduler.tick())['callback-deadlines']).toEqual({ escalated: 0, queued: 0 });
    setLocal(s, '2026-05-21T10:31');
    expect((await s.service.scheduler.tick())['callback-deadlines']).toEqual({ escalated: 1, queued: 2 });
    expect(await onlyRequest(s.service.db)).toMatchObject({ assigneeId: binh.userId, escalations: 1, deadlineAt: new Date('2026-05-21T14:31:00+07:00') });
    expect((await queuedTo(s.service.db, `tel:${binh.phone}`))[0]).toMatch(new RegExp(`${r.reference} chưa ai nhận`));
    expect((await queuedTo(s.service.db, `tel:${giang.phone}`))[0]).toMatch(new RegExp(`Nhắc giám sát: yêu cầu gọi lại ${r.reference} \\(Huyện Mê Linh.*đã giao Tư vấn viên An.*Đã chuyển cho Tư vấn viên Bình`));
    // The same minute again does nothing.
    expect((await s.service.scheduler.tick())['callback-deadlines']).toEqual({ escalated: 0, queued: 0 });
    expect((await s.service.db.select().from(callbackHistory)).map((h) => h.event)).toEqual(['created', 'assigned', 'assigned', 'escalated']);
  });

  it('leaves a taken request alone', async () => {
    const s = await at('2026-05-20T09:00');
    const an = await addConsoleUser(s.service.db, 'an');
    await askForCallback(s.chat());
    await staffChat(s, an).send(`NHAN ${(await onlyRequest(s.service.db)).reference}`);
    setLocal(s, '2026-05-22T09:00');
    expect((await s.service.scheduler.tick())['callback-deadlines']).toEqual({ escalated: 0, queued: 0 });
  });

  it('escalates a request nobody could be given to a supervisor chat contact of the province', async () => {
    const s = await at('2026-05-20T09:00');
    await seedPerson(s.service.db, 'minh'); // supervisor contact on 01 (Hà Nội)
    await askForCallback(s.chat());
    setLocal(s, '2026-05-20T13:01');
    expect((await s.service.scheduler.tick())['callback-deadlines']).toMatchObject({ escalated: 1, queued: 1 });
    expect((await queuedTo(s.service.db, 'tel:+84987654321'))[0]).toMatch(/Chưa có tư vấn viên nào của đơn vị/);
  });

  it('counts only working hours: a request made the afternoon before 30/4 waits over the 30/4–1/5 holidays', async () => {
    const s = await at('2026-04-29T16:00'); // Wednesday before the holidays
    await addConsoleUser(s.service.db, 'an');
    await askForCallback(s.chat());
    expect((await onlyRequest(s.service.db)).deadlineAt).toEqual(new Date('2026-05-02T11:00:00+07:00'));
    setLocal(s, '2026-05-01T16:00');
    expect((await s.service.scheduler.tick())['callback-deadlines']).toMatchObject({ escalated: 0 });
  });

  it('takes its deadline from CALLBACK_DEADLINE_HOURS', async () => {
    const s = await at('2026-05-20T09:00', { CALLBACK_DEADLINE_HOURS: '1.5' });
    await addConsoleUser(s.service.db, 'an');
    await askForCallback(s.chat());
    expect((await onlyRequest(s.service.db)).deadlineAt).toEqual(new Date('2026-05-20T10:30:00+07:00'));
    expect((await queuedTo(s.service.db, `tel:${STAFF.an.phone}`))[0]).toMatch(/Hạn nhận: 10:30 thứ Tư 20\/5/);
  });
});
