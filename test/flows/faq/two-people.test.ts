import { describe, expect, it } from 'vitest';
import { splitByPerson } from '../../../flows/faq/two-people.ts';

const COUPLE =
  'Vợ chồng tôi làm nông. Chồng tôi sinh tháng 1/1965, đóng bắt buộc 11 năm. Từ năm 2019 anh đóng tự nguyện được 7 năm. Tôi sinh tháng 6/1969, đóng tự nguyện được 11 năm. Xin hỏi chồng tôi đã đủ điều kiện hưởng lương hưu chưa? Còn tôi thiếu 4 năm thì có được đóng một lần không?';

describe('a letter about two people, split into each one\'s turn', () => {
  it('gives each person their own sentences (a sentence without a subject goes with the one before) and their asks, in the order asked', () => {
    const turns = splitByPerson(COUPLE);
    expect(turns?.map((t) => t.who)).toEqual(['chong', 'asker']);
    expect(turns![0]!.story).toEqual(['Vợ chồng tôi làm nông.', 'Chồng tôi sinh tháng 1/1965, đóng bắt buộc 11 năm.', 'Từ năm 2019 anh đóng tự nguyện được 7 năm.']);
    expect(turns![0]!.asks).toEqual(['Xin hỏi chồng tôi đã đủ điều kiện hưởng lương hưu chưa?']);
    expect(turns![1]!.story).toEqual(['Vợ chồng tôi làm nông.', 'Tôi sinh tháng 6/1969, đóng tự nguyện được 11 năm.']);
    expect(turns![1]!.asks).toEqual(['Còn tôi thiếu 4 năm thì có được đóng một lần không?']);
  });

  it('gives an ask about both to each of them', () => {
    const turns = splitByPerson('Tôi 50 tuổi, đóng tự nguyện 8 năm rồi dừng. Chồng tôi 52 tuổi, tháng 8/2025 mới bắt đầu đóng. Nay nhà cần tiền. Xin hỏi cả hai chúng tôi có được rút không?');
    expect(turns?.map((t) => [t.who, t.asks])).toEqual([
      ['asker', ['Xin hỏi cả hai chúng tôi có được rút không?']],
      ['chong', ['Xin hỏi cả hai chúng tôi có được rút không?']],
    ]);
  });

  it('reads unaccented "con toi" beside a spouse as the asker\'s turn, and "Con tôi" with its marks as the child', () => {
    expect(splitByPerson(COUPLE.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd'))?.map((t) => t.who)).toEqual(['chong', 'asker']);
    // ("Con tôi thiếu 4 năm …": the child's ask, answered as theirs, not the asker's.)
    expect(splitByPerson(COUPLE.replace('Còn tôi thiếu', 'Con tôi thiếu'))?.map((t) => t.who)).toEqual(['chong', 'con']);
  });

  it('answers three people, a child among them, each in their turn; "Chào cán bộ, tôi …" names no father', () => {
    const letter =
      'Chào cán bộ, tôi 45 tuổi, làm ruộng, chưa đóng năm nào. Chồng tôi sinh tháng 2/1967, đóng tự nguyện từ năm 2020. Con trai tôi 22 tuổi làm công nhân có hợp đồng. ' +
      'Tôi đóng mức thấp nhất thì bao nhiêu một tháng? Chồng tôi bao giờ được lương hưu, con trai tôi có nên đóng thêm tự nguyện không?';
    expect(splitByPerson(letter)?.map((t) => [t.who, t.asks])).toEqual([
      ['asker', ['Tôi đóng mức thấp nhất thì bao nhiêu một tháng?']],
      ['chong', ['Chồng tôi bao giờ được lương hưu?']],
      ['contrai', ['con trai tôi có nên đóng thêm tự nguyện không?']],
    ]);
    // (Siblings by their rank, "Anh cả …", "Chị hai …", "Em út …", each with their own level.)
    const siblings = splitByPerson(
      'Ba anh em tôi muốn cùng tham gia BHXH tự nguyện. Anh cả 50 tuổi chạy xe ôm, muốn chọn mức thu nhập 3 triệu. Chị hai 42 tuổi, nhà chị thuộc hộ cận nghèo, chọn mức thấp nhất. Em út 19 tuổi đang học đại học, bố mẹ muốn đóng cho em theo mức thu nhập 5 triệu. Xin tính giúp mỗi người mỗi tháng phải đóng bao nhiêu?',
    );
    expect(siblings?.map((t) => t.who)).toEqual(['anh', 'chi', 'em']);
    // (Four people with their own facts are too many for one reply: read whole.)
    expect(splitByPerson(`${letter} Mẹ tôi 70 tuổi chưa đóng. Mẹ tôi có được trợ cấp không?`)).toBeUndefined();
  });

  it('leaves whole a letter telling a death or a birth, about one person, or without an ask for each', () => {
    expect(splitByPerson(COUPLE.replace('đóng bắt buộc 11 năm.', 'đóng bắt buộc 11 năm, đã mất tháng trước.'))).toBeUndefined();
    expect(splitByPerson(COUPLE.replace('Chồng tôi sinh', 'Năm ngoái chồng tôi mất. Chồng tôi sinh'))).toBeUndefined();
    expect(splitByPerson(COUPLE.replace('Vợ chồng tôi làm nông.', 'Tôi đang mang thai.'))).toBeUndefined();
    expect(splitByPerson('Tôi 52 tuổi, đã đóng 12 năm. Tôi làm ruộng. Nay tôi muốn đóng tiếp. Tôi có được đóng một lần không?')).toBeUndefined();
    expect(splitByPerson('Chồng tôi 60 tuổi, đóng 10 năm. Tôi 55 tuổi, đóng 8 năm. Nhà tôi ở quê. Chồng tôi có được đóng tiếp không?')).toBeUndefined();
  });
  it('reads a brother or sister as the second person ("Anh tôi …", "chị gái tôi …"), not "anh em tôi" (both) or the asker\'s "em"', () => {
    const turns = splitByPerson('Hai anh em tôi đều làm nông. Anh tôi 50 tuổi chưa đóng ngày nào, tôi 35 tuổi. Anh tôi tham gia bây giờ thì đến tuổi nghỉ hưu có đủ 15 năm không? Tôi nên chọn mức đóng nào?');
    expect(turns?.map((t) => [t.who, t.story, t.asks])).toEqual([
      ['anh', ['Hai anh em tôi đều làm nông.', 'Anh tôi 50 tuổi chưa đóng ngày nào'], ['Anh tôi tham gia bây giờ thì đến tuổi nghỉ hưu có đủ 15 năm không?']],
      ['asker', ['Hai anh em tôi đều làm nông.', 'tôi 35 tuổi.'], ['Tôi nên chọn mức đóng nào?']],
    ]);
    const sister = splitByPerson('Chị gái tôi năm nay 58 tuổi, đã đóng được 11 năm. Tôi 45 tuổi, mới đóng được 3 năm. Chị tôi hỏi có cách nào để được hưởng lương hưu không? Còn tôi muốn đóng một lần cho 5 năm thì có được không?');
    expect(sister?.map((t) => t.who)).toEqual(['chi', 'asker']);
    expect(splitByPerson('Em trai tôi 40 tuổi, đóng 6 năm. Em 30 tuổi, đóng 2 năm. Em trai tôi có được rút không? Em có nên đóng tiếp không?')?.map((t) => t.who)).toEqual(['emtrai', 'asker']);
  });
});
