import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { startTestService, type TestService } from '../support/service.ts';
import { contacts, conversations, inboundMessages } from '../../db/schema/index.ts';

let t: TestService;
beforeEach(async () => {
  t = await startTestService();
});
afterEach(async () => {
  await t.close();
});

async function post(body: string, contentType = 'application/json') {
  const res = await fetch(`${t.url}/web/chat`, { method: 'POST', headers: { 'Content-Type': contentType }, body });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('web chat', () => {
  it('answers "menu" with the resident main menu and its quick replies', async () => {
    const chat = t.chat();
    const replies = await chat.send('menu');
    expect(replies).toHaveLength(1);
    expect(replies[0]?.text).toMatch(/BHXH tự nguyện/);
    expect(replies[0]?.quickReplies).toEqual(['Tìm hiểu BHXH tự nguyện', 'Tính mức đóng, lương hưu', 'Yêu cầu gọi lại', 'Đăng ký nhận tin']);
  });

  it('serves a chat page that works on a phone screen', async () => {
    const res = await fetch(`${t.url}/`);
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(html).toContain('name="viewport"');
    expect(html).toContain('/web/chat');
  });

  it('refuses malformed JSON with 400 and a message', async () => {
    const r = await post('{"session":"x",');
    expect(r.status).toBe(400);
    expect(String(r.body['error'])).toMatch(/malformed/);
  });

  it('refuses a body without a session or text with 400', async () => {
    expect((await post('{"text":"hi"}')).status).toBe(400);
    expect((await post('{"session":"a b","text":"hi"}')).status).toBe(400);
    expect((await post('{"session":"ok","text":5}')).status).toBe(400);
    expect((await post('[1,2]')).status).toBe(400);
  });

  it('refuses text over 4,000 characters with 413 and stores nothing', async () => {
    const r = await post(JSON.stringify({ session: 'big', text: 'a'.repeat(4001) }));
    expect(r.status).toBe(413);
    expect((await t.service.db.select().from(inboundMessages))).toHaveLength(0);
  });

  it('answers empty text with help', async () => {
    const replies = await t.chat().send('   ');
    expect(replies[0]?.text).toMatch(/Hướng dẫn/);
  });

  it('strips control characters and normalises to NFC before storing', async () => {
    await t.chat('ctl').send('me\u0301nu\u0000\u200B');
    const row = (await t.service.db.select().from(inboundMessages).limit(1))[0];
    expect(row?.text).toBe('ménu');
  });

  it('starts a new conversation for an unknown session', async () => {
    const replies = await t.chat('never-seen-before').send('1');
    expect(replies.length).toBeGreaterThan(0);
    expect((await t.service.db.select().from(contacts))).toHaveLength(1);
  });

  it('processes the same client message id once', async () => {
    const chat = t.chat('dup');
    const first = await chat.send('menu', 'm1');
    const second = await chat.send('menu', 'm1');
    expect(first).toHaveLength(1);
    expect(second).toHaveLength(0);
    expect((await t.service.db.select().from(inboundMessages))).toHaveLength(1);
  });

  it('gives a message without a client id a time-ordered id (UUID v7), each one different', async () => {
    const chat = t.chat('ids');
    for (const text of ['menu', '1', 'menu', '2']) await chat.send(text);
    const ids = (await t.service.db.select().from(inboundMessages).orderBy(inboundMessages.id)).map((r) => r.providerId);
    expect(ids).toHaveLength(4);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(4);
    // Later messages sort later (by their millisecond prefix), so the dedupe index grows at its end.
    const stamps = ids.map((id) => id.replace(/-/g, '').slice(0, 12));
    expect([...stamps].sort()).toEqual(stamps);
  });

  it('walks the menu to a subscription and records consent with its wording', async () => {
    const chat = t.chat('sub');
    await chat.send('menu');
    await chat.send('4');
    expect(chat.text).toMatch(/đồng ý nhận tin/);
    await chat.send('dong y');
    expect(chat.text).toMatch(/Cảm ơn/);
    const c = (await t.service.db.select().from(contacts).limit(1))[0];
    expect(c?.subscribed).toBe(true);
    expect(c?.consentChannel).toBe('web');
    expect(c?.consentText).toMatch(/Tối đa 3 tin/);
    await chat.send('trạng thái');
    expect(chat.text).toMatch(/đang nhận tin/);
  });

  it.each(['HUY', 'huỷ', 'Tu choi', 'TỪ CHỐI', 'dừng', 'STOP', '/stop'])('opts out on "%s" with a confirmation', async (word) => {
    const chat = t.chat();
    await chat.send(word);
    expect(chat.text).toMatch(/hủy nhận tin/);
    const c = (await t.service.db.select().from(contacts).limit(1))[0];
    expect(c?.optedOut).toBe(true);
    await chat.send('DANG KY');
    expect(chat.text).toMatch(/đăng ký nhận tin/);
    expect((await t.service.db.select().from(contacts).limit(1))[0]?.optedOut).toBe(false);
  });

  it.each([
    'Tôi muốn hủy đăng ký nhận tin',
    'không muốn nhận tin nữa',
    'Xin đừng gửi tin nhắn cho tôi nữa',
    'ngung nhan thong bao',
    // Two clauses, one naming the messages, the other refusing: unaccented, with chat spellings.
    'dung gui tin nhan tuyen truyen nua, toi ko muon nhan nua',
    'Đừng gửi tin nhắn qua Zalo nữa, làm phiền quá',
  ])(
    'opts out on a sentence that asks to stop the messages ("%s")',
    async (sentence) => {
      const chat = t.chat();
      await chat.send(sentence);
      expect(chat.text).toMatch(/hủy nhận tin/);
      expect((await t.service.db.select().from(contacts).limit(1))[0]?.optedOut).toBe(true);
    },
  );

  it('asks for consent on a sentence that asks for the messages, then subscribes with the consent recorded', async () => {
    const chat = t.chat();
    await chat.send('Tôi muốn đăng ký nhận tin về chiến dịch');
    expect(chat.text).toMatch(/đồng ý nhận tin/);
    await chat.send('đồng ý');
    expect(chat.text).toMatch(/Cảm ơn anh\/chị đã đăng ký nhận tin/);
    const c = (await t.service.db.select().from(contacts).limit(1))[0];
    expect(c?.subscribed).toBe(true);
    expect(c?.consentText).toMatch(/Tối đa 3 tin/);
    // Asking how to get the messages is asking for them.
    const how = t.chat('how');
    await how.send('lam sao dang ky nhan tin ve bhxh tu nguyen qua zalo vay');
    expect(how.text).toMatch(/đồng ý nhận tin/);
    // A question about subscribing is a question.
    await t.chat('q').send('đăng ký nhận tin có mất phí không');
    expect((await t.service.db.select().from(contacts)).filter((x) => x.subscribed)).toHaveLength(1);
  });

  it.each([
    'hủy đăng ký BHXH tự nguyện được không',
    'tôi không nhận được tin nhắn thông báo đóng tiền',
    'Đúng, nhắn tin cho tôi',
    'dừng đóng thì có mất tiền không, tôi ko muốn nhận nữa',
  ])(
    'does not opt out on a sentence about something else ("%s")',
    async (sentence) => {
      const chat = t.chat();
      await chat.send(sentence);
      expect((await t.service.db.select().from(contacts).limit(1))[0]?.optedOut ?? false).toBe(false);
    },
  );

  it('does not take a question that contains an opt-out word for an opt-out', async () => {
    const chat = t.chat();
    await chat.send('dừng đóng thì có mất tiền không');
    expect((await t.service.db.select().from(contacts).limit(1))[0]?.optedOut).toBe(false);
  });

  it('ends the active conversation on "menu"', async () => {
    const chat = t.chat('m');
    await chat.send('menu');
    await chat.send('4');
    const contact = (await t.service.db.select().from(contacts).limit(1))[0];
    expect((await t.service.db.select().from(conversations).where(eq(conversations.contactId, contact!.id)).limit(1))[0]?.flow).toBe('subscription');
    await chat.send('menu');
    expect((await t.service.db.select().from(conversations).where(eq(conversations.contactId, contact!.id)).limit(1))[0]?.flow).toBe('menu');
  });

  it('reports health with a database check', async () => {
    const res = await fetch(`${t.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, db: 'ok' });
  });

  it('answers unknown routes with 404 JSON', async () => {
    const res = await fetch(`${t.url}/nope`);
    expect(res.status).toBe(404);
  });
});

describe('calculator through the web chat', () => {
  it('computes the monthly premium for a non-poor person at the floor', async () => {
    const chat = t.chat('calc');
    await chat.send('menu');
    await chat.send('2');
    expect(chat.text).toMatch(/thu nhập/i);
    await chat.send('1,5 triệu');
    await chat.send('Khác');
    await chat.send('1 tháng');
    expect(chat.text).toMatch(/264\.000/);
  });
});

describe('answers through the web chat', () => {
  it.each([
    ['đóng bhxh tự nguyện bao nhiêu 1 tháng', /22%/],
    ['dong bhxh tu nguyen bao nhieu 1 thang', /22%/],
    ['hộ cận nghèo có được hỗ trợ ko', /40%/],
    ['toi 52 tuoi dong den 62 co luong huu khong', /15 năm/],
  ])('answers "%s" in Vietnamese with its source', async (question, expected) => {
    const chat = t.chat();
    await chat.send(question);
    expect(chat.text).toMatch(expected);
    expect(chat.text).toMatch(/Căn cứ|Luật|Nghị định|1900 9068/);
  });

  it('offers the closest questions, a callback and the hotline when unsure, and the callback works from there', async () => {
    const chat = t.chat();
    await chat.send('cho hỏi chút về bảo hiểm');
    expect(chat.text).toMatch(/1900 9068/);
    const options = chat.last.at(-1)?.quickReplies ?? [];
    expect(options).toContain('Gọi lại cho tôi');
    await chat.send('Gọi lại cho tôi');
    expect(chat.text).toMatch(/số điện thoại/);
  });

  it('declines an off-topic question politely instead of answering a random entry', async () => {
    const chat = t.chat();
    await chat.send('con bò nhà tôi bị ốm thì làm sao');
    expect(chat.text).toMatch(/chỉ trả lời các câu hỏi về bảo hiểm xã hội tự nguyện/);
  });

  it('greets a greeting instead of answering a random entry', async () => {
    const chat = t.chat();
    await chat.send('xin chào');
    expect(chat.text).toMatch(/Xin chào/i);
  });
});

describe('strange input', () => {
  it('replaces lone surrogates and keeps emoji', async () => {
    await t.chat('u').send('\ud800 bhxh 👍');
    expect((await t.service.db.select().from(inboundMessages).limit(1))[0]?.text).toBe('\ufffd bhxh 👍');
  });

  it('asks for JSON when the body is not JSON', async () => {
    const res = await fetch(`${t.url}/web/chat`, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'hello' });
    expect(res.status).toBe(415);
  });
});

describe('words that fold alike', () => {
  it('does not take "đúng" (yes) for "dừng" (stop), but honours unaccented DUNG', async () => {
    const chat = t.chat('yes');
    await chat.send('Đúng');
    expect((await t.service.db.select().from(contacts).limit(1))[0]?.optedOut).toBe(false);
    await chat.send('dừng');
    expect((await t.service.db.select().from(contacts).limit(1))[0]?.optedOut).toBe(true);
    await chat.send('DANG KY');
    await chat.send('DUNG');
    expect((await t.service.db.select().from(contacts).limit(1))[0]?.optedOut).toBe(true);
  });
});
