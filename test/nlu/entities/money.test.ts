import { findMoney, parseAmount } from '../../../nlu/entities';

const money = (text: string, language?: string): Array<[string, number, string]> =>
  findMoney(text, { language }).map((e) => [e.text, e.value.amount, e.value.currency]);

describe('findMoney', () => {
  it.each([
    ['$25', undefined, 25, 'USD'],
    ['25 €', 'fr', 25, 'EUR'],
    ['€25,50', 'es', 25.5, 'EUR'],
    ['1.299,00 EUR', 'de', 1299, 'EUR'],
    ['$1,299.99', 'en', 1299.99, 'USD'],
    ['¥3000', 'ja', 3000, 'JPY'],
    ['¥3000', 'zh', 3000, 'CNY'],
    ['3000円', 'ja', 3000, 'JPY'],
    ['3000元', 'zh', 3000, 'CNY'],
    ['3.5万元', 'zh', 35000, 'CNY'],
    ['R$ 49,90', 'pt', 49.9, 'BRL'],
    ['49 zł', 'pl', 49, 'PLN'],
    ['500 руб', 'ru', 500, 'RUB'],
    ['500 ₽', 'ru', 500, 'RUB'],
    ['100 TL', 'tr', 100, 'TRY'],
    ['₺100', 'tr', 100, 'TRY'],
    ['50.000đ', 'vi', 50000, 'VND'],
    ['50.000 VND', 'vi', 50000, 'VND'],
    ['Rp 150.000', 'id', 150000, 'IDR'],
    ['Rp 150 ribu', 'id', 150000, 'IDR'],
    ['฿500', 'th', 500, 'THB'],
    ['500 บาท', 'th', 500, 'THB'],
    ['100 ريال', 'ar', 100, 'SAR'],
    ['100 SAR', 'ar', 100, 'SAR'],
    ['200 AED', 'ar', 200, 'AED'],
    ['300 درهم', 'ar', 300, 'AED'],
    ['₩30,000', 'ko', 30000, 'KRW'],
    ['3만원', 'ko', 30000, 'KRW'],
    ['1 299,00 €', 'fr', 1299, 'EUR'],
    ['US$ 25', 'en', 25, 'USD'],
    ['25 dollars', 'en', 25, 'USD'],
    ['20 euros', 'es', 20, 'EUR'],
  ])('reads %j (%s)', (text, language, amount, currency) => {
    expect(money(text, language)).toEqual([[text, amount, currency]]);
  });

  it('finds amounts inside sentences with their spans', () => {
    const [entity] = findMoney('我付了¥3000，还没收到', { language: 'zh' });
    expect(entity).toMatchObject({ text: '¥3000', start: 3, end: 8, value: { amount: 3000, currency: 'CNY' } });
    expect(money('paid US$ 25 and then 30 dollars', 'en')).toEqual([
      ['US$ 25', 25, 'USD'],
      ['30 dollars', 30, 'USD'],
    ]);
  });

  it('reads ¥ as yen in Japanese text even without a language', () => {
    expect(money('¥3000です')).toEqual([['¥3000', 3000, 'JPY']]);
  });

  it.each([
    'I want 2 shirts in size 42',
    '2024',
    'order 4471',
    'I have 2 pen',
    'try 3 times',
  ])('finds nothing in %j', (text) => {
    expect(money(text, 'en')).toEqual([]);
  });
});

describe('parseAmount', () => {
  it.each([
    ['1.299,00', 1299],
    ['1,299.00', 1299],
    ['1.299', 1299],
    ['1,299', 1299],
    ['25,50', 25.5],
    ['25.5', 25.5],
    ['50.000', 50000],
    ["1'299.50", 1299.5],
    ['1 299,00', 1299],
  ])('reads %j as %d', (written, amount) => {
    expect(parseAmount(written)).toBe(amount);
  });

  it('reads three decimals for three-decimal currencies', () => {
    expect(parseAmount('1.250', 'KWD')).toBe(1.25);
    expect(parseAmount('1.250', 'EUR')).toBe(1250);
  });
});
