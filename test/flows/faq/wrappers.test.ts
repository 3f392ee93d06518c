import { describe, expect, it } from 'vitest';
import { detectSmalltalk, stripWrappers } from '../../../flows/faq/smalltalk.ts';

describe('the words around a question', () => {
  const q = 'Tôi 50 tuổi có được đóng BHXH tự nguyện không?';
  it.each([
    `Bạn đọc có email hoangminh@gmail.com hỏi: ${q}`,
    `${q} Văn bản nào quy định vấn đề này? Mong sớm nhận được câu trả lời, cảm ơn!`,
    `${q} - Câu hỏi của Minh Giang (Thái Bình)`,
    `${q} (Bạn đọc Trần Thị Thu, Long An)`,
    `${q} Xin luật sư tư vấn giúp tôi trường hợp này.`,
    `${q} Trân trọng cảm ơn.`,
    `${q} Rất mong nhận được sự phản hồi từ quý báo.`,
    `Anh Nguyễn Văn Hùng, trú tại xã Tân Lập, huyện Đan Phượng, Hà Nội hỏi: ${q}`,
    `${q} (hoangminh@gmail.com)`,
    `Câu hỏi: ${q}`,
    `Nhờ luật sư tư vấn: ${q}`,
    `Em chào anh chị ạ. ${q}`,
    `Tình huống của tôi như sau: ${q}`,
    `Bạn đọc có email hoangminh@gmail.com hỏi: Xin chào tổng đài, ${q.charAt(0).toLowerCase()}${q.slice(1)} Căn cứ pháp lý nào?`,
  ])('leave only the question in "%s"', (text) => {
    expect(stripWrappers(text).toLowerCase()).toBe(q.toLowerCase());
  });

  it('join an opener to its question ("Vậy cho tôi hỏi: …"), so that the opener alone is not taken for the ask', () => {
    expect(stripWrappers('Gia đình tôi thuộc hộ nghèo. Vậy cho tôi hỏi: tôi được hỗ trợ bao nhiêu?')).toBe('Gia đình tôi thuộc hộ nghèo. Vậy cho tôi hỏi  tôi được hỗ trợ bao nhiêu?');
  });

  it('keep a last question that asks something of its own', () => {
    expect(stripWrappers(`${q} Nếu được thì mức đóng thấp nhất là bao nhiêu?`)).toContain('mức đóng thấp nhất');
  });
});

describe('a thanks and what the person will do next', () => {
  it.each(['Cảm ơn tổng đài nhiều nha, để mai e ra bưu điện đóng luôn', 'cam on ad, de mai e ra buu dien dong', 'Cảm ơn, em sẽ đi đăng ký'])(
    'close the talk for "%s", with no list of contacts',
    (text) => {
      expect(detectSmalltalk(text)).toBe('thanks');
    },
  );

  it.each(['Cảm ơn. Mai em ra bưu điện đóng được không', 'cảm ơn, còn mức đóng thấp nhất là bao nhiêu'])('still answer the ask in "%s"', (text) => {
    expect(detectSmalltalk(text)).toBeNull();
  });
});
