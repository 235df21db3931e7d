import { findDates } from '../../../nlu/entities';

// Local noon, so that "yesterday" is the 11th in any time zone the tests run in.
const referenceDate = new Date(2025, 2, 12, 12, 0);
const dates = (text: string, language?: string): Array<[string, string, boolean]> =>
  findDates(text, { language, referenceDate }).map((e) => [e.text, e.value.date, e.value.relative]);

describe('findDates', () => {
  describe('relative dates', () => {
    it.each([
      ['en', 'it was delivered yesterday', 'yesterday', '2025-03-11'],
      ['en', 'can it come tomorrow?', 'tomorrow', '2025-03-13'],
      ['en', 'I ordered 2 weeks ago', '2 weeks ago', '2025-02-26'],
      ['zh', '我昨天下的订单', '昨天', '2025-03-11'],
      ['ja', '明日届きますか', '明日', '2025-03-13'],
      ['es', 'lo pedí ayer', 'ayer', '2025-03-11'],
      ['fr', 'livré demain ?', 'demain', '2025-03-13'],
      ['de', 'gestern bestellt', 'gestern', '2025-03-11'],
      ['pt', 'comprei ontem', 'ontem', '2025-03-11'],
      ['it', 'ordinato ieri', 'ieri', '2025-03-11'],
      ['ru', 'заказал вчера', 'вчера', '2025-03-11'],
      ['ar', 'سيصل غدا', 'غدا', '2025-03-13'],
      ['ar', 'طلبت أمس', 'أمس', '2025-03-11'],
      ['ko', '어제 주문했어요', '어제', '2025-03-11'],
      ['ko', '내일 도착하나요?', '내일', '2025-03-13'],
      ['tr', 'dün sipariş verdim', 'dün', '2025-03-11'],
      ['tr', 'yarın gelir mi?', 'yarın', '2025-03-13'],
      ['vi', 'tôi đặt hôm qua', 'hôm qua', '2025-03-11'],
      ['id', 'saya pesan kemarin', 'kemarin', '2025-03-11'],
      ['th', 'สั่งเมื่อวานนี้', 'เมื่อวานนี้', '2025-03-11'],
      ['th', 'พรุ่งนี้จะได้ไหม', 'พรุ่งนี้', '2025-03-13'],
      ['pl', 'zamówiłem wczoraj', 'wczoraj', '2025-03-11'],
      ['pl', 'czy dotrze jutro?', 'jutro', '2025-03-13'],
    ])('%s: reads %j', (language, text, written, date) => {
      expect(dates(text, language)).toEqual([[written, date, true]]);
    });

    it('reads weekdays relative to the reference date', () => {
      expect(dates('can you deliver next Monday?', 'en')).toEqual([['next Monday', '2025-03-17', true]]);
    });
  });

  describe('absolute dates', () => {
    it.each([
      ['en', 'shipped on March 3', 'March 3', '2025-03-03'],
      ['en', 'paid on 03/12/2025', '03/12/2025', '2025-03-12'],
      ['en-GB', 'paid on 12/03/2025', '12/03/2025', '2025-03-12'],
      ['es', 'pagué el 12/03/2025', '12/03/2025', '2025-03-12'],
      ['de', 'am 12.03.2025 bestellt', '12.03.2025', '2025-03-12'],
      ['pl', 'zamówione 12.03.2025', '12.03.2025', '2025-03-12'],
      ['tr', 'sipariş tarihi 12/03/2025', '12/03/2025', '2025-03-12'],
      ['zh', '3月5日发货', '3月5日', '2025-03-05'],
      ['ja', '3月5日に届く予定', '3月5日', '2025-03-05'],
      ['ko', '2025년 3월 5일 주문', '2025년 3월 5일', '2025-03-05'],
      ['ru', 'заказ от 5 марта', '5 марта', '2025-03-05'],
      ['th', 'สั่งวันที่ 12/03/2568', '12/03/2568', '2025-03-12'],
      [undefined, 'delivered 2025-03-12', '2025-03-12', '2025-03-12'],
    ])('%s: reads %j', (language, text, written, date) => {
      expect(dates(text, language)).toEqual([[written, date, false]]);
    });

    it('reads a day-first date when the first number cannot be a month, even in US English', () => {
      expect(dates('paid on 25/03/2025', 'en')).toEqual([['25/03/2025', '2025-03-25', false]]);
    });
  });

  describe('when the text has no date', () => {
    it.each([
      'I want 2 shirts in size 42',
      '2024',
      'order 4471',
      'a 3/4 sleeve shirt, size 10/12',
      'I paid $25 at 5',
      'I want it now',
      'in March',
      '我的订单A1B2C3到哪里了',
      'ネクタイを買いました',
    ])('finds nothing in %j', (text) => {
      expect(dates(text)).toEqual([]);
    });
  });

  it('reads Traditional Chinese with its own parser', () => {
    expect(dates('下週一可以到嗎', 'zh-TW')).toEqual([['下週一', '2025-03-17', true]]);
  });

  it('guesses the parser from the script when the language is unknown', () => {
    expect(dates('我昨天下的订单')).toEqual([['昨天', '2025-03-11', true]]);
    expect(dates('заказал вчера')).toEqual([['вчера', '2025-03-11', true]]);
  });
});
