import { FeatureHashIndex } from '../../../nlu/intents/feature-hash-index';
import { TfidfVectorizer } from '../../../nlu/intents/tfidf-vectorizer';
import { forEachFeature, forEachFeatureSlice, DEFAULT_TEXT_FEATURES } from '../../../nlu/intents/text-features';

describe('FeatureHashIndex', () => {
  const features = ['c: wh', 'c:ere', 'w:where is', 'p:envio', 'c:订单', 'c:?'];
  const index = new FeatureHashIndex(features);

  it('finds every indexed feature from a slice of a longer string, with its prefix apart', () => {
    expect(index.find('c:', ' where ', 0, 3)).toBe(0);
    expect(index.find('c:', 'there', 2, 5)).toBe(1);
    expect(index.find('w:', 'where is', 0, 8)).toBe(2);
    expect(index.find('p:', 'xenviox', 1, 6)).toBe(3);
    expect(index.find('c:', '我的订单', 2, 4)).toBe(4);
    expect(index.find('', 'c:?', 0, 3)).toBe(5);
  });

  it('answers -1 for features it does not know, including a known text under another prefix', () => {
    expect(index.find('c:', 'zzz', 0, 3)).toBe(-1);
    expect(index.find('w:', 'ere', 0, 3)).toBe(-1);
    expect(index.find('c:', 'ere', 0, 2)).toBe(-1);
  });

  it('keeps distinct entries apart in a large table', () => {
    const many = Array.from({ length: 50_000 }, (_, i) => `c:${i.toString(36)}`);
    const big = new FeatureHashIndex(many);
    for (let i = 0; i < many.length; i += 997) expect(big.find('', many[i]!, 0, many[i]!.length)).toBe(i);
    expect(big.find('c:', 'not-there', 0, 9)).toBe(-1);
  });
});

describe('feature slices', () => {
  it('describe exactly the features forEachFeature emits as strings', () => {
    for (const text of ['Where is my order #A1B2C3?', '¿Dónde está mi pedido?', '保証期間って購入日から？', 'ส่งของยังคะ', 'đặt hàng rồi']) {
      const strings: string[] = [];
      const slices: string[] = [];
      forEachFeature(text, DEFAULT_TEXT_FEATURES, (feature) => strings.push(feature));
      forEachFeatureSlice(text, DEFAULT_TEXT_FEATURES, (prefix, source, start, end) => slices.push(prefix + source.slice(start, end)));
      expect(slices).toEqual(strings);
    }
  });

  it('give the same TF-IDF vectors through the hash index as the string path used in training', () => {
    const texts = ['where is my order', 'where is my parcel?', 'cancel my order please', '我的订单到哪里了', 'envío gratis?', 'envio gratis'];
    const { vectorizer, rows } = TfidfVectorizer.fitTransform(texts);
    texts.forEach((text, i) => {
      const vector = vectorizer.transform(text);
      expect(Array.from(vector.indices)).toEqual(Array.from(rows[i]!.indices));
      Array.from(vector.values).forEach((value, k) => expect(value).toBeCloseTo(rows[i]!.values[k]!, 6));
    });
  });
});
