import {
  extractEntities,
  ProductMatcher,
  type Entity,
} from '../../../nlu/entities';

const referenceDate = new Date(2025, 2, 12, 12, 0);
const brief = (entities: Entity[]): Array<[string, string]> => entities.map((e) => [e.type, e.text]);
const extract = (text: string, language?: string): Entity[] => extractEntities(text, { language, referenceDate });

describe('extractEntities', () => {
  describe('in several languages', () => {
    it.each([
      ['en', 'Where is order #10234? I paid $25 yesterday, call me at +1 415-555-2671', [
        ['order_number', '#10234'], ['money', '$25'], ['date', 'yesterday'], ['phone', '+1 415-555-2671']]],
      ['zh', '我的订单A1B2C3到哪里了？昨天付了3000元，寄到美国', [
        ['order_number', 'A1B2C3'], ['date', '昨天'], ['money', '3000元'], ['country', '美国']]],
      ['ja', '注文番号は4471です。3000円払いました、明日届きますか', [
        ['order_number', '4471'], ['money', '3000円'], ['date', '明日']]],
      ['th', 'คำสั่งซื้อ 4471 จ่าย 500 บาท ส่งไปประเทศไทย พรุ่งนี้', [
        ['order_number', '4471'], ['money', '500 บาท'], ['country', 'ประเทศไทย'], ['date', 'พรุ่งนี้']]],
      ['ar', 'أين طلبي رقم ٤٤٧١؟ دفعت ١٠٠ ريال أمس', [
        ['order_number', '٤٤٧١'], ['money', '١٠٠ ريال'], ['date', 'أمس']]],
      ['es', 'Mi pedido 4471 no ha llegado, pagué 25 € el 12/03/2025, mi correo es ana@example.es', [
        ['order_number', '4471'], ['money', '25 €'], ['date', '12/03/2025'], ['email', 'ana@example.es']]],
      ['ru', 'где мой заказ 4471? заказал вчера, 500 руб, доставка в Россию', [
        ['order_number', '4471'], ['date', 'вчера'], ['money', '500 руб'], ['country', 'Россию']]],
      ['ko', '주문번호 4471 언제 와요? 어제 3만원 냈어요', [
        ['order_number', '4471'], ['date', '어제'], ['money', '3만원']]],
      ['tr', 'sipariş 4471 nerede? dün 100 TL ödedim', [
        ['order_number', '4471'], ['date', 'dün'], ['money', '100 TL']]],
    ] as Array<[string, string, Array<[string, string]>]>)('%s: %j', (language, text, expected) => {
      expect(brief(extract(text, language))).toEqual(expected);
    });
  });

  it('reports offsets and text of the message as given, also with full-width digits', () => {
    const text = '订单１２３４５，付了￥３０００';
    const entities = extract(text, 'zh');
    expect(brief(entities)).toEqual([['order_number', '１２３４５'], ['money', '￥３０００']]);
    for (const e of entities) expect(text.slice(e.start, e.end)).toBe(e.text);
    expect(entities[0]?.value).toEqual({ normalized: '12345' });
    expect(entities[1]?.value).toEqual({ amount: 3000, currency: 'CNY' });
  });

  describe('when readings overlap', () => {
    it('reports a tracking number, not an order number', () => {
      expect(brief(extract('my order LX123456789CN has not moved', 'en'))).toEqual([['tracking_number', 'LX123456789CN']]);
    });

    it('keeps an e-mail whole instead of finding codes or phones in it', () => {
      expect(brief(extract('write to a1b2c3d4e5@example.com or 4155552671@txt.att.net', 'en'))).toEqual([
        ['email', 'a1b2c3d4e5@example.com'],
        ['email', '4155552671@txt.att.net'],
      ]);
    });

    it('prefers the labelled order number over a tracking guess from context', () => {
      expect(brief(extract('order 1234567890, no tracking yet', 'en'))).toEqual([['order_number', '1234567890']]);
    });

    it('reads a date, not a phone number, in 2025-03-12', () => {
      expect(brief(extract('delivered 2025-03-12', 'de'))).toEqual([['date', '2025-03-12']]);
    });

    it('returns entities sorted by start and never overlapping', () => {
      const entities = extract('#10234 1Z999AA10123456784 ana@example.com $25 USA tomorrow', 'en');
      for (let i = 1; i < entities.length; i += 1) {
        expect(entities[i]?.start).toBeGreaterThanOrEqual(entities[i - 1]?.end ?? 0);
      }
      expect(entities.map((e) => e.type)).toEqual(['order_number', 'tracking_number', 'email', 'money', 'country', 'date']);
    });
  });

  describe('with a product catalogue', () => {
    const products = new ProductMatcher([
      { id: 'p1', sku: 'EB-PRO-2', name: 'Wireless Earbuds Pro', aliases: ['无线蓝牙耳机'] },
      { id: 'p2', sku: 'AB12CD', name: 'Blue Cotton T-Shirt' },
    ]);

    it('adds products, preferring a SKU over a bare order-code reading', () => {
      const entities = extractEntities('my wireless earbuds broke; also AB12CD', { language: 'en', products });
      expect(entities.map((e) => [e.type, e.text, e.type === 'product' ? e.value.productId : ''])).toEqual([
        ['product', 'wireless earbuds', 'p1'],
        ['product', 'AB12CD', 'p2'],
      ]);
    });

    it('finds Chinese product names', () => {
      const [entity] = extractEntities('我买的无线蓝牙耳机坏了', { language: 'zh', products });
      expect(entity).toMatchObject({ type: 'product', text: '无线蓝牙耳机', value: { productId: 'p1', sku: 'EB-PRO-2', score: 1 } });
    });
  });

  it('uses workspace order patterns instead of the defaults', () => {
    const entities = extractEntities('invoice INV-123456, not A1B2C3', { orderNumberPatterns: [/INV-\d{6}/g] });
    expect(brief(entities)).toEqual([['order_number', 'INV-123456']]);
  });

  it('uses defaultCountry for phone numbers', () => {
    const [entity] = extractEntities('ring 0612345678', { defaultCountry: 'FR' });
    expect(entity).toMatchObject({ type: 'phone', value: { e164: '+33612345678', country: 'FR' } });
  });

  describe('on plain text', () => {
    it.each([
      'I want 2 shirts in size 42',
      '2024',
      'Hello, how are you?',
      'can I order 3 more?',
      '你好，请问有优惠吗？',
      'こんにちは',
      'مرحبا',
      'สวัสดีครับ',
    ])('finds nothing in %j', (text) => {
      expect(extract(text)).toEqual([]);
    });
  });
  // Speed is measured by the NLU benchmark (`npm run nlu:eval`, per-message latency of intent + entities +
  // frustration), not asserted here: a timed unit test fails on a busy machine without anything being wrong.
});
