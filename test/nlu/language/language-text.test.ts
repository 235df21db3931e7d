import { textForLanguageIdentification } from '../../../nlu/language/language-text';

describe('textForLanguageIdentification', () => {
  describe('e-mail addresses', () => {
    it('removes an address sent alone in a Chinese conversation, leaving nothing to identify', () => {
      expect(textForLanguageIdentification('someone.else@example.com')).toBe('');
    });

    it('removes an address glued to Chinese words, keeping the words', () => {
      expect(textForLanguageIdentification('我的邮箱是li.wei@example.com谢谢')).toBe('我的邮箱是 谢谢');
    });

    it('removes addresses with plus tags and non-ASCII local parts, keeping the words around them', () => {
      expect(textForLanguageIdentification('mi correo es maría+pedidos@correo.es gracias')).toBe('mi correo es gracias');
    });
  });

  describe('links', () => {
    it('removes http(s) and www links', () => {
      expect(textForLanguageIdentification('mira https://shop.example/orders?id=1 y www.example.com/track ahora')).toBe('mira y ahora');
    });
  });

  describe('codes', () => {
    it.each([
      ['我的订单 A1B2C3 到哪里了？', '我的订单 到哪里了？'],
      ['Wo ist SF1234567890123?', 'Wo ist ?'],
      ['ORD-58213 是我的', '是我的'],
      ['order #10234 please', 'order # please'],
      ['tel 12345', 'tel'],
    ])('removes order and tracking numbers and bare numbers from %j', (text, expected) => {
      expect(textForLanguageIdentification(text)).toBe(expected);
    });

    it('removes model names with digits but keeps the words next to them', () => {
      expect(textForLanguageIdentification('iPhone 15 Pro')).toBe('iPhone Pro');
    });

    it('keeps words that have no digits, in any script', () => {
      expect(textForLanguageIdentification('Привет, где мой заказ')).toBe('Привет, где мой заказ');
      expect(textForLanguageIdentification('注文はどこですか')).toBe('注文はどこですか');
    });

    it('cuts a code out of Chinese or Japanese words written without spaces, keeping the words', () => {
      expect(textForLanguageIdentification('我的订单A1B2C3到哪里了')).toBe('我的订单 到哪里了');
      expect(textForLanguageIdentification('注文番号ORD-58213はどこですか')).toBe('注文番号 はどこですか');
      expect(textForLanguageIdentification('3天了还没到')).toBe('天了还没到');
    });

    it('keeps Cyrillic letters glued to digits', () => {
      expect(textForLanguageIdentification('Заказ123 не пришёл')).toBe('Заказ не пришёл');
    });
  });

  describe('whitespace', () => {
    it('collapses what is left and trims it', () => {
      expect(textForLanguageIdentification('  hola   A1B2C3 \n\t amigo  ')).toBe('hola amigo');
    });

    it('returns the empty string for a message made only of codes and addresses', () => {
      expect(textForLanguageIdentification('A1B2C3 li.wei@example.com https://x.example 2026')).toBe('');
    });
  });
});
