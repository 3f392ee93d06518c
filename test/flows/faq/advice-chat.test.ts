import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestService, type TestService } from '../../support/service.ts';

let t: TestService;
beforeEach(async () => {
  t = await startTestService();
});
afterEach(async () => {
  await t.close();
});

describe('answers for the person who asks, through the web chat', () => {
  it('answers "BHXH tự nguyện là gì" instead of saying it is not sure', async () => {
    const chat = t.chat();
    for (const q of ['BHXH tự nguyện là gì', 'bhxh tu nguyen la gi?']) {
      await chat.send(q);
      expect(chat.text).toMatch(/Nhà nước tổ chức/);
      expect(chat.text).not.toMatch(/chưa chắc/);
    }
  });

  it('does not let a greeting to the hotline hide the question', async () => {
    const chat = t.chat();
    await chat.send('Xin chào tổng đài, hộ cận nghèo đóng BHXH tự nguyện được hỗ trợ bao nhiêu?');
    expect(chat.text).toMatch(/40%/);
    await chat.send('Anh chị ơi cho em hỏi bị ung thư có được rút bhxh một lần không ạ, em cảm ơn');
    expect(chat.text).toMatch(/một lần/);
  });

  it('does not let an unaccented wrapper hide the question, and gives the menu to the wrapper alone', async () => {
    const chat = t.chat();
    await chat.send('xin chao tong dai, cho em hoi ho can ngheo dong bhxh tu nguyen duoc ho tro bao nhieu a');
    expect(chat.text).toMatch(/40%/);
    const other = t.chat();
    await other.send('Xin chào tổng đài');
    expect(other.last.at(-1)?.quickReplies).toEqual(['Tìm hiểu BHXH tự nguyện', 'Tính mức đóng, lương hưu', 'Yêu cầu gọi lại', 'Đăng ký nhận tin']);
  });

  it('answers each of three asks in one message', async () => {
    const chat = t.chat();
    await chat.send('Cho tôi hỏi: 1) BHXH tự nguyện đóng bao nhiêu một tháng? 2) Đóng ở đâu? 3) Bao nhiêu năm thì được lương hưu?');
    expect(chat.text).toMatch(/^1\) [^]*330\.000[^]*\n\n2\) [^]*(?:đại lý thu|bưu điện)[^]*\n\n3\) [^]*15 năm/);
  });

  it('tells a worker without a labour contract that they can join, not the rule for foreigners or for employees', async () => {
    const chat = t.chat();
    await chat.send('Tôi làm phụ hồ không có hợp đồng lao động, có được đóng bhxh tự nguyện không?');
    expect(chat.text).toMatch(/^Được/);
    expect(chat.text).not.toMatch(/người nước ngoài/i);
  });

  it('tells someone with 17 years and no pension that 15 years now suffice', async () => {
    const chat = t.chat();
    await chat.send('Tôi đã đóng BHXH 17 năm, nay nghỉ việc chưa hưởng lương hưu, có được tham gia BHXH tự nguyện không?');
    expect(chat.text).toMatch(/đã đóng 17 năm: từ 1\/7\/2025 chỉ cần đủ 15 năm/);
    expect(chat.text).not.toMatch(/^Không/);
  });

  it('points a cancer patient to the lump sum now, not to the retirement age', async () => {
    const chat = t.chat();
    await chat.send('toi bi ung thu, da dong 21 nam, co phai cho den tuoi nghi huu khong?');
    expect(chat.text).toMatch(/được nhận BHXH một lần ngay/);
  });

  it('answers both asks of one question, each with its legal basis', async () => {
    const chat = t.chat();
    await chat.send('Tôi 60 tuổi, đóng BHXH tự nguyện có được không? Nếu được thì cần giấy tờ gì?');
    expect(chat.text).toMatch(/^1\) /);
    expect(chat.text).toMatch(/\n\n2\) /);
    expect(chat.text.match(/Căn cứ/g)?.length).toBe(2);
    expect(chat.text).toMatch(/CCCD/);
    expect(chat.text.length).toBeLessThanOrEqual(4000);
  });

  it('asks back whether the company pays compulsory insurance, and answers for the reply', async () => {
    const chat = t.chat();
    await chat.send('Tôi đi làm công ty, có đóng thêm BHXH tự nguyện được không?');
    expect(chat.text).toMatch(/Công ty hiện có đang đóng BHXH bắt buộc/);
    expect(chat.last.at(-1)?.quickReplies).toEqual(['Có', 'Không']);
    await chat.send('không');
    expect(chat.text).toMatch(/^Được/);

    await chat.send('Tôi đi làm công ty, có đóng thêm BHXH tự nguyện được không?');
    await chat.send('dung');
    expect(chat.text).toMatch(/thuộc diện BHXH bắt buộc: công ty có trách nhiệm đóng, và anh\/chị không đóng thêm tự nguyện cùng lúc/);
  });

  it('takes a new question instead of a reply to the question back', async () => {
    const chat = t.chat();
    await chat.send('Tôi đi làm công ty, có đóng thêm BHXH tự nguyện được không?');
    await chat.send('hộ nghèo được hỗ trợ bao nhiêu');
    expect(chat.text).toMatch(/50%/);
  });

  it('gives the papers and the amount when one message asks for both', async () => {
    const chat = t.chat();
    await chat.send('Rút BHXH một lần cần thủ tục gì? Được bao nhiêu tiền?');
    expect(chat.text).toMatch(/14-HSB/);
    expect(chat.text).toMatch(/2 tháng/);
  });
});
