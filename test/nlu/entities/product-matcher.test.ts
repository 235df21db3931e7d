import { ProductCatalogError, ProductMatcher } from '../../../nlu/entities';

const catalogue = [
  { id: 'p1', sku: 'EB-PRO-2', name: 'Wireless Earbuds Pro', aliases: ['无线蓝牙耳机', 'ワイヤレスイヤホン', 'écouteurs sans fil'] },
  { id: 'p2', sku: 'TS-BLU-M', name: 'Blue Cotton T-Shirt', aliases: ['camiseta azul'] },
  { id: 'p3', sku: 'TS-RED-M', name: 'Red Cotton T-Shirt' },
  { id: 'p4', name: 'Yoga Mat', aliases: ['esterilla de yoga'] },
  { id: 'p5', name: 'AirPods' },
  { id: 'p6', name: 'Thermos Bottle', aliases: ['กระติกน้ำเก็บความร้อน'] },
];

describe('ProductMatcher', () => {
  const matcher = new ProductMatcher(catalogue);
  const ids = (text: string): string[] => matcher.match(text).map((m) => m.productId);

  describe('by SKU', () => {
    it('matches exactly, case-insensitively, with score 1 and the SKU span', () => {
      const [match] = matcher.match('my order has ts-blu-m in it');
      expect(match).toMatchObject({ productId: 'p2', sku: 'TS-BLU-M', score: 1, via: 'sku', start: 13, end: 21 });
    });

    it('finds SKUs glued to Chinese text', () => {
      expect(ids('我买的EB-PRO-2坏了')).toEqual(['p1']);
    });

    it('does not match part of a longer code', () => {
      expect(ids('EB-PRO-22')).toEqual([]);
    });
  });

  describe('by name', () => {
    it('matches names and aliases fuzzily, accent-insensitively', () => {
      expect(ids('my wireless earbuds stopped working')).toEqual(['p1']);
      expect(ids('mis ecouteurs sans fil ne marchent pas')).toEqual(['p1']);
      expect(ids('quiero cambiar la camiseta azul')).toEqual(['p2']);
      expect(ids('I need a blue shirt')).toEqual(['p2']);
    });

    it('matches Chinese, Japanese and Thai names by character bigrams', () => {
      expect(ids('我买的蓝牙耳机坏了')).toEqual(['p1']);
      expect(ids('ワイヤレスイヤホンが壊れました')).toEqual(['p1']);
      expect(ids('กระติกน้ำเก็บความร้อนรั่ว')).toEqual(['p6']);
    });

    it('matches a one-word name on that word', () => {
      expect(ids('my airpods are broken')).toEqual(['p5']);
    });

    it('reports the span of the matched words and a score below 1 for partial matches', () => {
      const text = 'the blue shirt I got';
      const [match] = matcher.match(text);
      expect(match && text.slice(match.start, match.end)).toBe('blue shirt');
      expect(match?.score).toBeGreaterThan(0.5);
      expect(match?.score).toBeLessThan(1);
    });

    it('does not match on one common word', () => {
      expect(ids('I want a shirt')).toEqual([]);
      expect(ids('cotton is nice')).toEqual([]);
      expect(ids('a mat for the door')).toEqual([]);
      expect(ids('hello, where is my order?')).toEqual([]);
    });

    it('ranks the better match first', () => {
      expect(ids('the red cotton t-shirt please')[0]).toBe('p3');
    });
  });

  it('honours threshold and limit', () => {
    const strict = new ProductMatcher(catalogue, { threshold: 0.95, limit: 1 });
    expect(strict.match('I need a blue shirt')).toEqual([]);
    expect(strict.match('Blue Cotton T-Shirt and Red Cotton T-Shirt')).toHaveLength(1);
  });

  describe('when the catalogue is invalid', () => {
    it('throws a ProductCatalogError naming the product', () => {
      expect(() => new ProductMatcher([{ id: 'a', name: 'x' }, { id: 'a', name: 'y' }])).toThrow(ProductCatalogError);
      expect(() => new ProductMatcher([{ id: 'a', name: 'x' }, { id: 'a', name: 'y' }])).toThrow(/"a" appears twice/);
      expect(() => new ProductMatcher([{ id: 'b', name: ' ' }])).toThrow(/empty name/);
    });
  });

  it('works with an empty catalogue', () => {
    expect(new ProductMatcher([]).match('anything EB-PRO-2')).toEqual([]);
  });
});
