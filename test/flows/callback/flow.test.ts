import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callbackHistory, callbackRequests, conversations } from '../../../db/schema/index.ts';
import { startTestService, type TestService } from '../../support/service.ts';
import { seedPerson } from '../../support/seed.ts';
import { addCommunes, addConsoleUser, askForCallback, onlyRequest, referenceIn } from './support.ts';

// Wednesday 20 May 2026, 10:00 in Hà Nội.
let t: TestService;
beforeEach(async () => {
  t = await startTestService({ options: { manualOutbox: true } });
});
afterEach(async () => {
  await t.close();
});

describe('a resident asks to be called back (POST /web/chat)', () => {
  it('asks name, phone, place, time and question, asks consent, then gives a reference and when to expect the call', async () => {
    await addConsoleUser(t.service.db, 'an');
    const chat = t.chat();
    await chat.send('tôi muốn được cán bộ gọi lại tư vấn');
    expect(chat.text).toMatch(/họ tên/);
    await chat.send('Nguyễn Văn An');
    expect(chat.text).toMatch(/số di động/);
    await chat.send('0912 345 678');
    expect(chat.text).toMatch(/xã\/phường hoặc huyện.*ví dụ/i);
    await chat.send('Mê Linh');
    expect(chat.text).toMatch(/Nơi ở: Huyện Mê Linh \(Thành phố Hà Nội\)/);
    expect(chat.last[0]?.quickReplies).toEqual(['Buổi sáng', 'Buổi chiều', 'Buổi tối', 'Lúc nào cũng được']);
    await chat.send('chiều');
    expect(chat.last[0]?.quickReplies).toEqual(['Bỏ qua']);
    await chat.send('Tôi 45 tuổi, muốn hỏi mức đóng <b>hằng tháng</b> 😊');
    expect(chat.text).toMatch(/lưu họ tên, số điện thoại, nơi ở.*đồng ý/);
    expect((await t.service.db.select().from(callbackRequests))).toHaveLength(0);
    await chat.send('Đồng ý');
    const ref = referenceIn(chat.text);
    expect(ref).toMatch(/^[A-Z]{2}[0-9]{4}$/);
    // 4 working hours from Wednesday 10:00.
    expect(chat.text).toMatch(/0912\*\*\*678.*chậm nhất khoảng 14:00 thứ Tư 20\/5/);
    expect(await onlyRequest(t.service.db)).toMatchObject({
      reference: ref,
      name: 'Nguyễn Văn An',
      phone: '+84912345678',
      unitCode: '250',
      preferredTime: 'afternoon',
      topic: 'Tôi 45 tuổi, muốn hỏi mức đóng <b>hằng tháng</b> 😊',
      status: 'assigned',
      consentAt: t.clock.now(),
    });
  });

  it.each(['goi lai cho toi', 'cho tôi số để được tư vấn qua điện thoại', 'GỌI LẠI'])('starts from "%s"', async (text) => {
    const chat = t.chat();
    await chat.send(text);
    expect(chat.text).toMatch(/họ tên/);
  });

  it('answers a question that asks for a call too, then takes the question as the topic and the number written in it', async () => {
    await addConsoleUser(t.service.db, 'an');
    const chat = t.chat();
    const question =
      'Chào tổng đài, tôi 50 tuổi, nam, đã đóng bắt buộc 9 năm rồi nghỉ việc. Giờ tôi muốn đóng tự nguyện tiếp cho đủ 15 năm thì mỗi tháng đóng mức thấp nhất là bao nhiêu? Nhờ cán bộ gọi lại cho tôi số 0912 345 678 để tư vấn thêm.';
    await chat.send(question);
    // The answer first (the years this man still needs), then the request.
    expect(chat.last).toHaveLength(2);
    expect(chat.last[0]?.text).toMatch(/đã đóng 9 năm, còn thiếu 6 năm/);
    expect(chat.last[1]?.text).toMatch(/câu hỏi của anh\/chị được ghi kèm.*họ tên/);
    await chat.send('Trần Văn Bình');
    expect(chat.text).toMatch(/gọi số 0912\*\*\*678.*xác nhận/);
    await chat.send('Gọi số này');
    await chat.send('Mê Linh');
    await chat.send('sáng');
    // No question asked again: straight to consent.
    expect(chat.text).toMatch(/lưu họ tên, số điện thoại, nơi ở.*đồng ý/);
    await chat.send('Đồng ý');
    expect(await onlyRequest(t.service.db)).toMatchObject({ name: 'Trần Văn Bình', phone: '+84912345678', preferredTime: 'morning', topic: question });
  });

  it('starts the request at once when the answer to the question beside the call would only say how to ask for one', async () => {
    const chat = t.chat();
    await chat.send('Bảo hiểm của tôi có vấn đề, không biết xử lý thế nào, nhờ cán bộ gọi lại cho tôi số 0912 345 678 nhé');
    expect(chat.last).toHaveLength(1);
    expect(chat.text).toMatch(/câu hỏi của anh\/chị được ghi kèm.*họ tên/);
  });

  it('starts from the menu button too', async () => {
    const chat = t.chat();
    await chat.send('menu');
    await chat.send('3');
    expect(chat.text).toMatch(/họ tên/);
  });

  it('stores nothing when the resident does not agree', async () => {
    const text = await askForCallback(t.chat(), { consent: 'Không đồng ý' });
    expect(text).toMatch(/không lưu thông tin nào/);
    expect((await t.service.db.select().from(callbackRequests))).toHaveLength(0);
  });

  it('re-asks a name that is too long, emoji or markup, with an example, and keeps nothing of it', async () => {
    const chat = t.chat();
    await chat.send('goi lai');
    await chat.send('A'.repeat(1000));
    expect(chat.text).toMatch(/dài quá \(tối đa 60 ký tự\).*ví dụ: Nguyễn Văn An/);
    await chat.send('😀😀');
    expect(chat.text).toMatch(/chỉ gồm chữ cái/);
    await chat.send('<script>alert(1)</script>');
    expect(chat.text).toMatch(/chỉ gồm chữ cái/);
    await chat.send("Robert'); DROP TABLE callback_requests;--");
    expect(chat.text).toMatch(/chỉ gồm chữ cái/);
    await chat.send('Lê Thị Mai');
    expect(chat.text).toMatch(/số di động/);
    expect((await t.service.db.select().from(callbackRequests))).toHaveLength(0);
  });

  it.each([
    ['024 3825 3456', /máy bàn/],
    ['+1 202 555 0123', /nước ngoài/],
    ['1900 9068', /tổng đài hoặc đầu số ngắn/],
    ['0162 345 6789', /11 số.*0323456789/],
    ['12345', /đầu số ngắn/],
    ['abc', /chưa đúng/],
  ])('refuses %s saying which kind of number it is and what is accepted', async (phone, why) => {
    const chat = t.chat();
    await chat.send('goi lai');
    await chat.send('Lê Thị Mai');
    await chat.send(phone);
    expect(chat.text).toMatch(why);
    expect(chat.text).toMatch(/số di động Việt Nam 10 số, ví dụ 0912345678/);
    await chat.send('0912345678');
    expect(chat.text).toMatch(/xã\/phường hoặc huyện/);
  });

  it('re-asks a place that does not exist, then offers a numbered choice when several match', async () => {
    await addCommunes(t.service.db);
    const chat = t.chat();
    await chat.send('goi lai');
    await chat.send('Lê Thị Mai');
    await chat.send('0912345678');
    await chat.send('Xã Không Tồn Tại');
    expect(chat.text).toMatch(/Chưa tìm thấy nơi này.*Ví dụ: "xã Tân Lập, Phú Thọ"/);
    await chat.send('xa tan lap');
    const options = chat.last[0]?.quickReplies ?? [];
    expect(options.length).toBeGreaterThan(2);
    expect(options.at(-1)).toBe('Nhập lại');
    expect(options[1]).toMatch(/^Xã Tân Lập \(Tỉnh /);
    await chat.send('2');
    expect(chat.text).toContain(`Nơi ở: ${options[1]}`);
    await chat.send('Lúc nào cũng được');
    await chat.send('Bỏ qua');
    await chat.send('dong y');
    const row = await onlyRequest(t.service.db);
    expect(row).toMatchObject({ preferredTime: 'any', topic: null, status: 'new' });
    expect(['19462', '23134', '25489']).toContain(row.unitCode);
  });

  it('re-asks a time it cannot read', async () => {
    const chat = t.chat();
    await chat.send('goi lai');
    await chat.send('Lê Thị Mai');
    await chat.send('0912345678');
    await chat.send('me linh');
    await chat.send('khi nào rảnh');
    expect(chat.text).toMatch(/chọn một trong các buổi/);
    expect(chat.last[0]?.quickReplies).toHaveLength(4);
  });

  it('lets the resident stop at any step ("thôi"); "hủy" also stops it (and is the opt-out word)', async () => {
    const chat = t.chat();
    await chat.send('goi lai');
    await chat.send('Lê Thị Mai');
    await chat.send('thôi');
    expect(chat.text).toMatch(/Đã dừng yêu cầu gọi lại; chưa có thông tin nào được lưu/);
    await chat.send('goi lai');
    await chat.send('Lê Thị Mai');
    await chat.send('0912345678');
    await chat.send('me linh');
    await chat.send('hủy');
    expect((await t.service.db.select().from(conversations))).toHaveLength(0);
    expect((await t.service.db.select().from(callbackRequests))).toHaveLength(0);
  });

  it('offers the phone the channel already knows and asks to confirm it', async () => {
    await seedPerson(t.service.db, 'hoa');
    const chat = t.chat('hoa');
    await chat.send('goi lai');
    expect(chat.last[0]?.quickReplies).toEqual(['Lê Thị Hoa']);
    await chat.send('Lê Thị Hoa');
    expect(chat.text).toMatch(/Cán bộ sẽ gọi số 0911\*\*\*333.*xác nhận/);
    expect(chat.last[0]?.quickReplies).toEqual(['Gọi số này', 'Số khác']);
    await chat.send('Số khác');
    expect(chat.text).toMatch(/số di động/);
    await chat.send('0987 111 222');
    await chat.send('me linh');
    await chat.send('1');
    await chat.send('Bỏ qua');
    await chat.send('Đồng ý');
    expect((await onlyRequest(t.service.db)).phone).toBe('+84987111222');
  });

  it('answers "tình trạng <mã>" and the bare reference for the resident who asked, and nothing to others', async () => {
    const chat = t.chat();
    const ref = referenceIn(await askForCallback(chat));
    await chat.send(`tình trạng ${ref}`);
    expect(chat.text).toMatch(new RegExp(`Yêu cầu ${ref}: đang chờ phân công cán bộ`));
    await chat.send(ref.toLowerCase());
    expect(chat.text).toMatch(new RegExp(`Yêu cầu ${ref}:`));
    const stranger = t.chat();
    await stranger.send(`trang thai ${ref}`);
    expect(stranger.text).toMatch(new RegExp(`Không tìm thấy yêu cầu ${ref} của anh/chị`));
    expect(stranger.text).not.toMatch(/Nguyễn Văn An|0912/);
    await stranger.send('tinh trang ZZ0000');
    expect(stranger.text).toMatch(/Không tìm thấy yêu cầu ZZ0000/);
  });

  it('updates the open request when the same phone asks again within 24 hours, from another session', async () => {
    const first = referenceIn(await askForCallback(t.chat(), { question: 'lương hưu' }));
    t.clock.advance(3 * 3600_000);
    const text = await askForCallback(t.chat(), { question: 'mức hỗ trợ hộ nghèo', time: 'Buổi tối' });
    expect(text).toMatch(new RegExp(`đã có yêu cầu gọi lại ${first}.*cập nhật`));
    const row = await onlyRequest(t.service.db);
    expect(row).toMatchObject({ reference: first, topic: 'mức hỗ trợ hộ nghèo', preferredTime: 'evening' });
    expect((await t.service.db.select().from(callbackHistory)).map((h) => h.event)).toEqual(['created', 'merged']);
    t.clock.advance(25 * 3600_000);
    const third = referenceIn(await askForCallback(t.chat()));
    expect(third).not.toBe(first);
  });
});
