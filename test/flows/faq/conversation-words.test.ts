import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contacts, conversations } from '../../../db/schema/index.ts';
import { startTestService, type TestService } from '../../support/service.ts';

let t: TestService;
beforeEach(async () => {
  t = await startTestService();
});
afterEach(async () => {
  await t.close();
});

const contact = async () => (await t.service.db.select().from(contacts).limit(1))[0];
const conversation = async () => (await t.service.db.select().from(conversations).limit(1))[0];

describe('a greeting alone', () => {
  it.each(['xin chào', 'Chào ad', 'alo', 'hello'])('"%s" as a first message gets the menu with its buttons', async (greeting) => {
    const chat = t.chat();
    await chat.send(greeting);
    expect(chat.text).toMatch(/Chào anh\/chị/i);
    expect(chat.last.at(-1)?.quickReplies).toEqual(['Tìm hiểu BHXH tự nguyện', 'Tính mức đóng, lương hưu', 'Yêu cầu gọi lại', 'Đăng ký nhận tin']);
  });

  it('followed by a pick from the menu opens that item', async () => {
    const chat = t.chat();
    await chat.send('chào bạn');
    await chat.send('2');
    expect(chat.text).toMatch(/thu nhập/i);
  });
});

describe('"đúng" inside a yes/no question', () => {
  it.each(['dung', 'Đúng', 'DUNG', 'đúng rồi'])('"%s" answering the consent question subscribes instead of opting out', async (yes) => {
    const chat = t.chat();
    await chat.send('menu');
    await chat.send('4');
    expect(chat.text).toMatch(/đồng ý nhận tin/);
    await chat.send(yes);
    expect(chat.text).toMatch(/Cảm ơn anh\/chị đã đăng ký nhận tin/);
    expect((await contact())?.subscribed).toBe(true);
    expect((await contact())?.optedOut).toBe(false);
  });

  it('"dừng" written with its marks still opts out, even inside the question', async () => {
    const chat = t.chat();
    await chat.send('menu');
    await chat.send('4');
    await chat.send('dừng');
    expect((await contact())?.optedOut).toBe(true);
  });

  it('unaccented "dung" outside any question still opts out', async () => {
    const chat = t.chat();
    await chat.send('dung');
    expect((await contact())?.optedOut).toBe(true);
  });
});

describe('"huỷ" inside a flow', () => {
  async function subscribe(chat: ReturnType<TestService['chat']>) {
    await chat.send('DANG KY');
    expect((await contact())?.subscribed).toBe(true);
  }

  it.each(['huy', 'Hủy', 'HUỶ'])('"%s" in the calculator cancels it and asks whether to stop the news too; "không" keeps them', async (word) => {
    const chat = t.chat();
    await subscribe(chat);
    await chat.send('menu');
    await chat.send('2');
    await chat.send(word);
    expect(chat.text).toMatch(/Đã hủy việc tính mức đóng/);
    expect(chat.text).toMatch(/ngừng nhận tin/);
    expect(chat.last.at(-1)?.quickReplies).toEqual(['Có', 'Không']);
    expect((await contact())?.optedOut).toBe(false);
    await chat.send('không');
    expect(chat.text).toMatch(/vẫn nhận tin/);
    expect((await contact())?.subscribed).toBe(true);
    expect((await contact())?.optedOut).toBe(false);
    expect(await conversation()).toBeUndefined();
  });

  it('answering "có" (or "dung") to the follow-up stops the news', async () => {
    for (const [i, yes] of ['có', 'dung'].entries()) {
      const chat = t.chat(`s${i}`);
      await chat.send('DANG KY');
      await chat.send('TINH');
      await chat.send('huy');
      await chat.send(yes);
      expect(chat.text).toMatch(/hủy nhận tin/);
    }
    const all = (await t.service.db.select().from(contacts));
    expect(all.map((c) => c.optedOut)).toEqual([true, true]);
  });

  it('for someone not subscribed, only cancels the flow', async () => {
    const chat = t.chat();
    await chat.send('TINH');
    await chat.send('huy');
    expect(chat.text).toMatch(/Đã hủy/);
    expect(chat.text).not.toMatch(/ngừng nhận tin/);
    expect((await contact())?.optedOut).toBe(false);
    expect(await conversation()).toBeUndefined();
  });

  it('outside any flow "huy" still opts out', async () => {
    const chat = t.chat();
    await chat.send('huy');
    expect(chat.text).toMatch(/hủy nhận tin/);
    expect((await contact())?.optedOut).toBe(true);
  });

  it('a new question after the follow-up is answered, not taken for a choice', async () => {
    const chat = t.chat();
    await subscribe(chat);
    await chat.send('TINH');
    await chat.send('huy');
    await chat.send('hộ cận nghèo được hỗ trợ bao nhiêu');
    expect(chat.text).toMatch(/40%/);
    expect((await contact())?.optedOut).toBe(false);
  });
});
