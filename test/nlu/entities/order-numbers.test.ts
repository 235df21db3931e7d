import { DEFAULT_ORDER_NUMBER_PATTERNS, findOrderNumbers, foldWidthAndDigits, normalizeOrderNumber } from '../../../nlu/entities';

const codes = (text: string, patterns?: readonly RegExp[]): string[] =>
  findOrderNumbers(text, patterns).map((e) => e.value.normalized);

describe('findOrderNumbers', () => {
  describe('with the default patterns', () => {
    it('reads hash numbers and keeps the hash in the span only', () => {
      const [entity] = findOrderNumbers('where is my order #10234?');
      expect(entity).toMatchObject({ text: '#10234', start: 18, end: 24, value: { normalized: '10234' } });
    });

    it('reads ORD- and ORDER- prefixed codes, in upper case', () => {
      expect(codes('ORD-58213 and order-123 and ORDER_A1B2')).toEqual(['ORD-58213', 'ORDER-123', 'ORDER_A1B2']);
    });

    it.each([
      ['en', 'my order 4471 has not arrived'],
      ['en', 'Order no. 4471'],
      ['es', 'mi pedido número 4471 no llegó'],
      ['fr', 'ma commande n° 4471'],
      ['de', 'Bestellnummer: 4471'],
      ['pt', 'o pedido 4471 ainda não chegou'],
      ['it', "il mio ordine 4471"],
      ['ru', 'где мой заказ 4471'],
      ['ru', 'номер заказа 4471'],
      ['pl', 'numer zamówienia 4471'],
      ['tr', 'sipariş 4471 nerede'],
      ['tr', 'sipariş numaram 4471'],
      ['vi', 'đơn hàng 4471 của tôi'],
      ['id', 'pesanan saya... pesanan 4471'],
      ['ar', 'رقم الطلب 4471'],
      ['zh', '订单 4471'],
      ['zh', '订单号是4471'],
      ['ja', '注文番号 4471'],
      ['ja', '注文番号は4471です'],
      ['ko', '주문번호는 4471입니다'],
      ['th', 'คำสั่งซื้อ 4471'],
    ])('finds the number after the word for "order" (%s: %s)', (_language, text) => {
      expect(codes(text)).toEqual(['4471']);
    });

    it('finds bare codes mixing letters and digits, also glued to Chinese or Japanese text', () => {
      expect(codes('我的订单A1B2C3到哪里了')).toEqual(['A1B2C3']);
      expect(codes('A1B2C3の荷物はどこ')).toEqual(['A1B2C3']);
      expect(codes('code so123456 please')).toEqual(['SO123456']);
    });

    it('reads full-width digits once folded, keeping the original span', () => {
      const text = '订单１２３４５';
      const [entity] = findOrderNumbers(foldWidthAndDigits(text));
      expect(entity?.value.normalized).toBe('12345');
      expect(entity && text.slice(entity.start, entity.end)).toBe('１２３４５');
    });

    describe('when the text only looks like a code', () => {
      it.each([
        'I want 2 shirts in size 42',
        '2024',
        'it happened in 2024',
        'my iPhone15 and RTX4090 with 256GB, COVID19 again',
        'mail me at a1b2c3d4@example.com',
        'see https://shop.example/p/AB12CD34',
        'I want to order 500 units',
        'we will order 3000 pieces',
        'the order is 300 dollars',
        'hello',
      ])('finds nothing in %j', (text) => {
        expect(codes(text)).toEqual([]);
      });

      it('does not take a hyphenated date after "order" for a number', () => {
        expect(codes('order 2024-03-12')).toEqual([]);
      });
    });
  });

  describe('with workspace patterns', () => {
    it('uses them instead of the defaults, reading the `code` group', () => {
      const patterns = [/INV-(?<code>\d{6})/g];
      expect(codes('invoice INV-123456, order #10234', patterns)).toEqual(['123456']);
    });

    it('extends the defaults when spread with them, and accepts patterns without the g flag', () => {
      expect(codes('INV-123456 and #10234', [...DEFAULT_ORDER_NUMBER_PATTERNS, /INV-\d{6}/])).toEqual(['10234', 'INV-123456']);
    });

    it('falls back to the first group, then to the whole match', () => {
      expect(findOrderNumbers('ref: SHOP/77-12', [/SHOP\/(\d+-\d+)/])[0]).toMatchObject({ text: '77-12', start: 10 });
      expect(codes('SHOP/77', [/SHOP\/\d+/])).toEqual(['SHOP/77']);
    });
  });
});

describe('normalizeOrderNumber', () => {
  it('upper-cases and drops hashes and spaces', () => {
    expect(normalizeOrderNumber('# a1b2 c3')).toBe('A1B2C3');
  });
});
