import type { ShippingAddress } from '../../../../commerce';
import { formatAddress, parseAddressText } from '../../../../bots/runtime/skills/address-text';

const spanishOrder: ShippingAddress = { name: 'María García', line1: 'Calle de Alcalá 10', postcode: '28014', city: 'Madrid', country: 'ES' };

function currentIn(country: string, city = 'Old Town'): ShippingAddress {
  return { name: 'Sam Shopper', line1: 'Old Street 1', city, country };
}

describe('parseAddressText', () => {
  describe('with a Latin-script address written with commas', () => {
    it.each([
      ['Spain', 'Calle Mayor 5, 28013 Madrid', 'ES', { line1: 'Calle Mayor 5', postcode: '28013', city: 'Madrid' }],
      ['Germany (postcode on its own line)', 'Hauptstraße 12\n10115 Berlin', 'DE', { line1: 'Hauptstraße 12', postcode: '10115', city: 'Berlin' }],
      ['France (semicolon)', '12 rue de Rivoli; 75001 Paris', 'FR', { line1: '12 rue de Rivoli', postcode: '75001', city: 'Paris' }],
      ['Brazil (CEP with hyphen)', 'Av. Paulista 1000, 01310-100 São Paulo', 'BR', { line1: 'Av. Paulista 1000', postcode: '01310-100', city: 'São Paulo' }],
      ['Poland (nn-nnn)', 'ul. Marszałkowska 1, 00-950 Warszawa', 'PL', { line1: 'ul. Marszałkowska 1', postcode: '00-950', city: 'Warszawa' }],
      ['the United States (city before the ZIP)', '350 Fifth Avenue, New York, NY 10118', 'US', { line1: '350 Fifth Avenue', postcode: '10118', city: 'New York' }],
      ['Japan in Latin letters (nnn-nnnn)', '1-1 Chiyoda, 100-0001 Tokyo', 'JP', { line1: '1-1 Chiyoda', postcode: '100-0001', city: 'Tokyo' }],
      ['Italy (full-width comma)', 'Via Roma 1，00184 Roma', 'IT', { line1: 'Via Roma 1', postcode: '00184', city: 'Roma' }],
    ])('reads street, postcode and city in %s', (_country, text, code, expected) => {
      expect(parseAddressText(text, currentIn(code))).toEqual({ name: 'Sam Shopper', country: code, ...expected });
    });

    it.each([
      ['221B Baker Street, NW1 6XE London', { line1: '221B Baker Street', postcode: 'NW1 6XE', city: 'London' }],
      ['10 Downing Street, London, SW1A 2AA', { line1: '10 Downing Street', postcode: 'SW1A 2AA', city: 'London' }],
      ['1 Deansgate, Manchester, M3 1AZ', { line1: '1 Deansgate', postcode: 'M3 1AZ', city: 'Manchester' }],
      ['5 High St, ec1a1bb London', { line1: '5 High St', postcode: 'ec1a1bb', city: 'London' }],
    ])('reads the UK postcode in %j', (text, expected) => {
      expect(parseAddressText(text, currentIn('GB'))).toEqual({ name: 'Sam Shopper', country: 'GB', ...expected });
    });

    it('leaves the postcode out when the address has none, as long as there is a city', () => {
      expect(parseAddressText('Plaza Mayor 3, Salamanca', spanishOrder)).toEqual({ name: 'María García', line1: 'Plaza Mayor 3', city: 'Salamanca', country: 'ES' });
    });

    it('trims surrounding whitespace and ignores empty parts', () => {
      expect(parseAddressText('  Calle Mayor 5 ,, 28013 Madrid ,  ', spanishOrder)).toEqual({
        name: 'María García',
        line1: 'Calle Mayor 5',
        postcode: '28013',
        city: 'Madrid',
        country: 'ES',
      });
    });

    it.todo('reads a Dutch postcode with its two letters ("Damrak 1, 1012 LG Amsterdam" gives postcode "1012" and city "LG Amsterdam")');
    it.todo('reads a Canadian postcode ("1 Yonge St, Toronto ON M5E 1E5" keeps the postcode in the city)');
  });

  describe('with an Arabic address', () => {
    it('splits it at the Arabic comma like a Latin-script address', () => {
      expect(parseAddressText('شارع الملك فهد 12، الرياض 12345', currentIn('SA', 'جدة'))).toEqual({
        name: 'Sam Shopper',
        line1: 'شارع الملك فهد 12',
        postcode: '12345',
        city: 'الرياض',
        country: 'SA',
      });
    });

    it('asks again (undefined) for one without a second part, rather than keeping the old city', () => {
      expect(parseAddressText('شارع الملك فهد 12 الرياض', currentIn('SA', 'جدة'))).toBeUndefined();
    });
  });

  describe('with a CJK or Thai address written as one run', () => {
    it('keeps a Chinese address whole, with the city of the current address', () => {
      expect(parseAddressText('上海市浦东新区世纪大道100号', currentIn('CN', '上海市'))).toEqual({
        name: 'Sam Shopper',
        line1: '上海市浦东新区世纪大道100号',
        city: '上海市',
        country: 'CN',
      });
    });

    it('finds a six-digit Chinese postcode in the run', () => {
      expect(parseAddressText('北京市朝阳区建国路88号 100022', currentIn('CN'))?.postcode).toBe('100022');
    });

    it('keeps a Japanese address whole and finds its 〒nnn-nnnn postcode', () => {
      expect(parseAddressText('〒100-0001 東京都千代田区千代田1-1', currentIn('JP', '東京都'))).toEqual({
        name: 'Sam Shopper',
        line1: '〒100-0001 東京都千代田区千代田1-1',
        postcode: '100-0001',
        city: '東京都',
        country: 'JP',
      });
    });

    it('finds a Japanese postcode written without the hyphen', () => {
      expect(parseAddressText('1500001 東京都渋谷区神宮前1-2-3', currentIn('JP'))?.postcode).toBe('1500001');
    });

    it('does not take a short house number for a Chinese postcode', () => {
      expect(parseAddressText('上海市浦东新区世纪大道100号', currentIn('CN'))).not.toHaveProperty('postcode');
    });

    it('keeps a Thai address whole', () => {
      expect(parseAddressText('ถนนสุขุมวิท 123 กรุงเทพ 10110', currentIn('TH'))).toMatchObject({ line1: 'ถนนสุขุมวิท 123 กรุงเทพ 10110', postcode: '10110' });
    });

    it('rejects a run too short to be an address', () => {
      expect(parseAddressText('東京都1-1', currentIn('JP'))).toBeUndefined();
    });
  });

  describe('with a Korean address', () => {
    it('keeps a comma-less road address whole', () => {
      expect(parseAddressText('서울특별시 강남구 테헤란로 152', currentIn('KR', '서울'))).toEqual({
        name: 'Sam Shopper',
        line1: '서울특별시 강남구 테헤란로 152',
        city: '서울',
        country: 'KR',
      });
    });

    it('keeps the unit after the comma in the same line instead of reading it as the city', () => {
      const address = parseAddressText('서울특별시 강남구 테헤란로 152, 101동 202호', currentIn('KR', '서울'));
      expect(address).toMatchObject({ line1: '서울특별시 강남구 테헤란로 152, 101동 202호', city: '서울', country: 'KR' });
    });

    it('finds a five-digit Korean postcode', () => {
      expect(parseAddressText('06236 서울특별시 강남구 테헤란로 152', currentIn('KR'))?.postcode).toBe('06236');
    });
  });

  describe('when the message is not a full address', () => {
    it.each([
      ['no number at all', 'Calle Mayor, Madrid'],
      ['one part only', 'Main Street 5'],
      ['no city, only a postcode', '5, 28013'],
      ['too short', '5, A'],
      ['only a postcode', '28013'],
      ['a number and punctuation', '12, 34'],
    ])('returns undefined (%s)', (_label, text) => {
      expect(parseAddressText(text, spanishOrder)).toBeUndefined();
    });

    it('returns undefined for a message longer than 300 characters', () => {
      expect(parseAddressText(`Calle Mayor 5, 28013 Madrid ${'x'.repeat(300)}`, spanishOrder)).toBeUndefined();
    });
  });

  describe('choosing the country', () => {
    it('takes the country named in the message over the current address', () => {
      expect(parseAddressText('12 rue de Rivoli, 75001 Paris', spanishOrder, 'FR')?.country).toBe('FR');
    });

    it('upper-cases a lower-case country code from the entity', () => {
      expect(parseAddressText('12 rue de Rivoli, 75001 Paris', spanishOrder, 'fr')?.country).toBe('FR');
    });

    it('falls back to the current address country', () => {
      expect(parseAddressText('Calle Mayor 5, 28013 Madrid', spanishOrder)?.country).toBe('ES');
    });

    it('uses the entity country when there is no current address, with an empty name', () => {
      expect(parseAddressText('Calle Mayor 5, 28013 Madrid', null, 'ES')).toEqual({ name: '', line1: 'Calle Mayor 5', postcode: '28013', city: 'Madrid', country: 'ES' });
    });

    it('returns undefined when no country is known', () => {
      expect(parseAddressText('Calle Mayor 5, 28013 Madrid', null)).toBeUndefined();
    });

    it('returns undefined when the current country is not a two-letter code', () => {
      expect(parseAddressText('Calle Mayor 5, 28013 Madrid', { ...spanishOrder, country: 'España' })).toBeUndefined();
    });

    it('keeps the name of the current address', () => {
      expect(parseAddressText('Calle Mayor 5, 28013 Madrid', spanishOrder)?.name).toBe('María García');
    });
  });
});

describe('formatAddress', () => {
  it('writes street, postcode with city, and country on one line', () => {
    expect(formatAddress({ name: 'x', line1: 'Calle Mayor 5', postcode: '28013', city: 'Madrid', country: 'ES' })).toBe('Calle Mayor 5, 28013 Madrid, ES');
  });

  it('includes the second line and skips a missing postcode', () => {
    expect(formatAddress({ name: 'x', line1: 'Plaza Mayor 3', line2: '2º B', city: 'Salamanca', country: 'ES' })).toBe('Plaza Mayor 3, 2º B, Salamanca, ES');
  });

  it('skips an empty city', () => {
    expect(formatAddress({ name: 'x', line1: '上海市浦东新区世纪大道100号', city: '', country: 'CN' })).toBe('上海市浦东新区世纪大道100号, CN');
  });

  it('round-trips a parsed address into the text the shopper confirms', () => {
    expect(formatAddress(parseAddressText('221B Baker Street, NW1 6XE London', currentIn('GB'))!)).toBe('221B Baker Street, NW1 6XE London, GB');
  });
});
