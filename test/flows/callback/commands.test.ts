import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, callbackHistory, callbackRequests, contacts } from '../../../db/schema/index.ts';
import { startTestService, type TestService } from '../../support/service.ts';
import { seedPerson } from '../../support/seed.ts';
import { addConsoleUser, askForCallback, onlyRequest, queuedTo, referenceIn, staffChat, STAFF } from './support.ts';

// Wednesday 20 May 2026, 10:00 in Hà Nội.
let t: TestService;
beforeEach(async () => {
  t = await startTestService({ options: { manualOutbox: true } });
});
afterEach(async () => {
  await t.close();
});

const residentAddress = (chatSession: string) => `web:${chatSession}`;

describe('assigning a new request and telling the consultant', () => {
  it('gives requests of a unit to its active consultants in turn and tells each on their own channel', async () => {
    const an = await addConsoleUser(t.service.db, 'an');
    const binh = await addConsoleUser(t.service.db, 'binh');
    await addConsoleUser(t.service.db, 'cuong'); // province level: only when the district has nobody
    const refs: string[] = [];
    for (const phone of ['0912000001', '0912000002', '0912000003']) {
      refs.push(referenceIn(await askForCallback(t.chat(), { phone, question: `hỏi từ ${phone}` })));
    }
    const assignees = [];
    for (const ref of refs) assignees.push((await t.service.db.select().from(callbackRequests).where(eq(callbackRequests.reference, ref)).limit(1))[0]?.assigneeId);
    expect(assignees).toEqual([an.userId, binh.userId, an.userId]);
    const toAn = await queuedTo(t.service.db, `tel:${an.phone}`);
    expect(toAn).toHaveLength(2);
    expect(toAn[0]).toContain(`Yêu cầu gọi lại mới ${refs[0]}`);
    expect(toAn[0]).toContain('Họ tên: Nguyễn Văn An');
    expect(toAn[0]).toContain('SĐT: 0912000001');
    expect(toAn[0]).toContain('Thời gian muốn được gọi: Buổi sáng');
    expect(toAn[0]).toContain('Câu hỏi: hỏi từ 0912000001');
    expect(toAn[0]).toContain(`NHAN ${refs[0]}`);
    expect((await queuedTo(t.service.db, `tel:${binh.phone}`))[0]).toContain(refs[1]);
  });

  it("uses the parent unit's consultants when the unit has none, and skips inactive ones", async () => {
    await addConsoleUser(t.service.db, 'an', { active: false });
    const cuong = await addConsoleUser(t.service.db, 'cuong');
    await askForCallback(t.chat());
    expect(await onlyRequest(t.service.db)).toMatchObject({ status: 'assigned', assigneeId: cuong.userId });
    expect(await queuedTo(t.service.db, `tel:${STAFF.an.phone}`)).toEqual([]);
  });

  it('leaves the request new when nobody can take it (the deadline job escalates it)', async () => {
    await addConsoleUser(t.service.db, 'dung'); // Hải Phòng, not Hà Nội
    await askForCallback(t.chat());
    expect(await onlyRequest(t.service.db)).toMatchObject({ status: 'new', assigneeId: null });
  });
});

describe('consultant chat commands', () => {
  async function oneRequest(): Promise<{ ref: string; session: string }> {
    const chat = t.chat();
    const ref = referenceIn(await askForCallback(chat));
    return { ref, session: chat.session };
  }

  it('takes (NHAN) and closes (XONG with a note) a request, with or without diacritics, and tells the resident once', async () => {
    const an = await addConsoleUser(t.service.db, 'an');
    const { ref, session } = await oneRequest();
    const me = staffChat(t, an);
    await me.send(`Nhận ${ref}`);
    expect(me.text).toMatch(new RegExp(`Đã nhận yêu cầu ${ref}. Gọi 0912345678`));
    expect((await onlyRequest(t.service.db)).status).toBe('taken');
    await me.send(`xong ${ref.toLowerCase()} Đã tư vấn mức đóng; hẹn đi đăng ký`);
    expect(me.text).toMatch(/đã gọi xong \(có ghi chú\)/);
    expect(await onlyRequest(t.service.db)).toMatchObject({ status: 'called', notes: 'Đã tư vấn mức đóng; hẹn đi đăng ký' });
    const told = (await queuedTo(t.service.db, residentAddress(session))).filter((x) => x.startsWith('Cán bộ đã gọi'));
    expect(told).toHaveLength(1);
    expect(told[0]).toContain(ref);
    await me.send(`XONG ${ref}`);
    expect(me.text).toMatch(/đã đóng/);
    expect((await t.service.db.select().from(auditLog)).map((a) => a.action)).toEqual(['callback.nhan', 'callback.xong']);
  });

  it('refuses commands from the wrong person: another consultant, another province, a resident', async () => {
    await addConsoleUser(t.service.db, 'an');
    const binh = await addConsoleUser(t.service.db, 'binh');
    const dung = await addConsoleUser(t.service.db, 'dung');
    const { ref } = await oneRequest();
    expect((await onlyRequest(t.service.db)).assigneeId).not.toBe(binh.userId);
    const other = staffChat(t, binh);
    await other.send(`XONG ${ref}`);
    expect(other.text).toMatch(/đang giao cho cán bộ khác/);
    await other.send(`NHAN ${ref}`);
    expect(other.text).toMatch(/đang giao cho cán bộ khác/);
    const far = staffChat(t, dung);
    await far.send(`KLL ${ref}`);
    expect(far.text).toMatch(new RegExp(`Không tìm thấy yêu cầu ${ref} trong đơn vị`));
    const resident = t.chat();
    await resident.send(`NHAN ${ref}`);
    expect(resident.text).toMatch(/chỉ dành cho cán bộ tư vấn/);
    expect(await onlyRequest(t.service.db)).toMatchObject({ status: 'assigned', attempts: 0 });
  });

  it("lets a supervisor of the request's unit act on it (a console supervisor, or a supervisor chat contact)", async () => {
    await addConsoleUser(t.service.db, 'an');
    const giang = await addConsoleUser(t.service.db, 'giang');
    const { ref } = await oneRequest();
    const sup = staffChat(t, giang);
    await sup.send(`nhan ${ref}`);
    expect(await onlyRequest(t.service.db)).toMatchObject({ status: 'taken', assigneeId: giang.userId });
    await seedPerson(t.service.db, 'minh'); // contact with role supervisor on unit 01
    const minh = staffChat(t, 'tel:+84987654321');
    await minh.send(`XONG ${ref}`);
    expect((await onlyRequest(t.service.db)).status).toBe('called');
  });

  it('KLL offers the request again next working day, and the third closes it as unreachable and tells the resident', async () => {
    const an = await addConsoleUser(t.service.db, 'an');
    const { ref, session } = await oneRequest();
    const me = staffChat(t, an);
    await me.send(`KLL ${ref}`);
    expect(me.text).toMatch(/lần 1 không liên lạc được.*ngày làm việc tiếp theo/);
    // Thursday 08:00 is the next working day; the reminder waits until then.
    expect(await onlyRequest(t.service.db)).toMatchObject({ status: 'assigned', attempts: 1, deadlineAt: new Date('2026-05-21T05:00:00Z') });
    await me.send(`kll ${ref}`);
    await me.send(`Không liên lạc được ${ref}`); // not a command form: goes elsewhere
    await me.send(`KLL ${ref}`);
    expect(me.text).toMatch(/lần gọi thứ 3.*đã đóng/);
    expect(await onlyRequest(t.service.db)).toMatchObject({ status: 'unreachable', attempts: 3 });
    const told = (await queuedTo(t.service.db, residentAddress(session))).filter((x) => /chưa liên lạc được/.test(x));
    expect(told).toHaveLength(1);
    const events = (await t.service.db.select().from(callbackHistory)).map((h) => h.event);
    expect(events).toEqual(['created', 'assigned', 'not_reached', 'not_reached', 'not_reached', 'unreachable', 'resident_told']);
  });

  it('does not tell a resident who opted out of everything', async () => {
    const an = await addConsoleUser(t.service.db, 'an');
    const { ref, session } = await oneRequest();
    await t.service.db.update(contacts).set({ optedOut: true }).where(eq(contacts.id, (await onlyRequest(t.service.db)).contactId));
    await staffChat(t, an).send(`XONG ${ref}`);
    expect((await queuedTo(t.service.db, residentAddress(session))).filter((x) => x.startsWith('Cán bộ đã gọi'))).toEqual([]);
  });

  it('DS lists my open requests; for a resident DS is not a command', async () => {
    const an = await addConsoleUser(t.service.db, 'an');
    const { ref } = await oneRequest();
    const me = staffChat(t, an);
    await me.send('DS');
    expect(me.text).toMatch(new RegExp(`Yêu cầu gọi lại đang mở \\(1\\):\\n${ref} · Nguyễn Văn An · 0912345678 · Buổi sáng · chưa nhận`));
    const resident = t.chat();
    await resident.send('ds');
    expect(resident.text).not.toMatch(/Yêu cầu gọi lại đang mở/);
  });

  it('shows a consultant of the unit who holds a request when asked its status', async () => {
    const an = await addConsoleUser(t.service.db, 'an');
    const { ref } = await oneRequest();
    const me = staffChat(t, an);
    await me.send(`tinh trang ${ref}`);
    expect(me.text).toMatch(/Người được giao: Tư vấn viên An/);
  });
});
