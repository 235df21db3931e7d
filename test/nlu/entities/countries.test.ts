import * as i18n from 'i18n-iso-countries';
import { findCountries, SHOPPER_LANGUAGES } from '../../../nlu/entities';

const codes = (text: string, language?: string): Array<[string, string]> =>
  findCountries(text, { language }).map((e) => [e.text, e.value.code]);

describe('findCountries', () => {
  it.each([
    ['en', 'ship it to Germany or the United States', [['Germany', 'DE'], ['United States', 'US']]],
    ['es', 'envío a México y España', [['México', 'MX'], ['España', 'ES']]],
    ['fr', 'livraison en Allemagne', [['Allemagne', 'DE']]],
    ['de', 'Versand nach Österreich', [['Österreich', 'AT']]],
    ['pt', 'entrega no Brasil', [['Brasil', 'BR']]],
    ['it', 'spedizione in Italia', [['Italia', 'IT']]],
    ['ru', 'доставка в Россию и из Китая', [['Россию', 'RU'], ['Китая', 'CN']]],
    ['pl', 'wysyłka do Niemiec? Polska', [['Polska', 'PL']]],
    ['tr', "Türkiye'ye kargo", [['Türkiye', 'TR']]],
    ['vi', 'giao hàng đến Việt Nam', [['Việt Nam', 'VN']]],
    ['id', 'kirim ke Indonesia', [['Indonesia', 'ID']]],
    ['ar', 'أنا في السعودية', [['السعودية', 'SA']]],
    ['ar', 'الشحن بالسعودية', [['السعودية', 'SA']]],
    ['zh', '我在美国，寄到中国', [['美国', 'US'], ['中国', 'CN']]],
    ['ja', 'アメリカから注文しました', [['アメリカ', 'US']]],
    ['ja', 'タイに送れますか', [['タイ', 'TH']]],
    ['ko', '한국으로 배송되나요?', [['한국', 'KR']]],
    ['th', 'ส่งไปประเทศไทยได้ไหม', [['ประเทศไทย', 'TH']]],
  ] as Array<[string, string, Array<[string, string]>]>)('%s: %j', (language, text, expected) => {
    expect(codes(text, language)).toEqual(expected);
  });

  describe('short forms', () => {
    it.each([
      ['ship to the USA', 'USA', 'US'],
      ['I live in the U.S.A. now', 'U.S.A.', 'US'],
      ['envío a EE.UU.', 'EE.UU.', 'US'],
      ['ship to US please', 'US', 'US'],
      ['from the UK', 'UK', 'GB'],
      ['Dubai, UAE', 'UAE', 'AE'],
      ['доставка в США', 'США', 'US'],
    ])('reads %j', (text, written, code) => {
      expect(codes(text)).toEqual([[written, code]]);
    });

    it('prefers the longest name', () => {
      expect(codes('South Korea')).toEqual([['South Korea', 'KR']]);
      expect(codes('インドネシアへ', 'ja')).toEqual([['インドネシア', 'ID']]);
    });
  });

  describe('names that are also words', () => {
    it.each([
      ['the us team', undefined],
      ['WHERE IS MY ORDER FROM US', undefined],
      ['I want turkey for dinner', 'en'],
      ['football jersey size L', 'en'],
      ['ネクタイを買いました', 'ja'],
      ['언제 가나요?', 'ko'],
      ['anh ơi, mỹ phẩm này còn không', 'vi'],
      ['my order is late', 'en'],
      ['I want 2 shirts in size 42', 'en'],
      ['того, что я заказал', 'ru'],
      ['Того же цвета есть?', 'ru'],
      ['Mali durumum iyi değil, taksit var mı?', 'tr'],
      ['Mısır gevreği var mı?', 'tr'],
      ['هل يوجد ملابس بنين؟', 'ar'],
    ])('finds nothing in %j', (text, language) => {
      expect(codes(text, language)).toEqual([]);
    });

    it('counts capitalised forms and Vietnamese "nước" forms', () => {
      expect(codes('Shipping to Turkey', 'en')).toEqual([['Turkey', 'TR']]);
      expect(codes('gửi sang nước Mỹ', 'vi')).toEqual([['nước Mỹ', 'US']]);
      expect(codes('hàng từ nước Đức', 'vi')).toEqual([['nước Đức', 'DE']]);
    });
  });

  it('matches accents loosely for longer names only', () => {
    expect(codes('send to mexico')).toEqual([['mexico', 'MX']]);
  });

  it('finds the official name of a few countries in each of the 16 languages', () => {
    // Not Germany: Vietnamese "Đức" is one of the one-syllable names that count only as "nước Đức".
    for (const language of SHOPPER_LANGUAGES) {
      for (const code of ['JP', 'BR', 'EG', 'MX']) {
        const name = i18n.getName(code, language);
        expect(name).toBeTruthy();
        const found = findCountries(`ok ${name} ok`, { language }).map((e) => e.value.code);
        expect([language, name, found]).toEqual([language, name, [code]]);
      }
    }
  });
});
