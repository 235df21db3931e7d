import { dominantScript, isDenseScript, letterCount, scriptOfLanguage } from '../../../nlu';

describe('dominantScript', () => {
  it.each([
    ['where is my order', 'latin'],
    ['我的订单到哪里了', 'han'],
    ['注文はどこですか', 'kana'],
    ['주문이 어디 있나요', 'hangul'],
    ['สวัสดีครับ', 'thai'],
    ['السلام عليكم', 'arabic'],
    ['где мой заказ', 'cyrillic'],
    ['12345 !!! 👍', 'other'],
    ['', 'other'],
  ])('finds the script of %j to be %s', (text, script) => {
    expect(dominantScript(text)).toBe(script);
  });

  describe('when the text mixes scripts', () => {
    it('picks the script with most letters', () => {
      expect(dominantScript('iPhone 15 的订单到哪里了')).toBe('han');
      expect(dominantScript('my order 订单 please help')).toBe('latin');
    });

    it('lets any kana win over Han (Japanese is written with both)', () => {
      expect(dominantScript('東京都の注文')).toBe('kana');
    });
  });
});

describe('letterCount', () => {
  it('counts letters of any script and skips digits, spaces, punctuation and emoji', () => {
    expect(letterCount('ok!')).toBe(2);
    expect(letterCount('你好')).toBe(2);
    expect(letterCount('order #10234 👍')).toBe(5);
    expect(letterCount('Ñandú')).toBe(5);
  });
});

describe('scriptOfLanguage', () => {
  it('knows the non-Latin scripts and defaults to Latin', () => {
    expect(scriptOfLanguage('zh')).toBe('han');
    expect(scriptOfLanguage('ja')).toBe('kana');
    expect(scriptOfLanguage('ko')).toBe('hangul');
    expect(scriptOfLanguage('ru')).toBe('cyrillic');
    expect(scriptOfLanguage('ar')).toBe('arabic');
    expect(scriptOfLanguage('es')).toBe('latin');
    expect(scriptOfLanguage('xx')).toBe('latin');
  });
});

describe('isDenseScript', () => {
  it('is true where a few characters identify the language', () => {
    expect(['han', 'kana', 'hangul', 'thai', 'arabic'].every((s) => isDenseScript(s as never))).toBe(true);
    expect(['latin', 'cyrillic', 'other'].some((s) => isDenseScript(s as never))).toBe(false);
  });
});
