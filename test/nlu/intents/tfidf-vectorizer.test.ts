import { TfidfVectorizer, type SparseVector, type TfidfVectorizerState } from '../../../nlu/intents/tfidf-vectorizer';

/** Word unigrams only (charMax below charMin turns the character block off). */
const WORDS_ONLY = { charMin: 1, charMax: 0, wordMax: 1 };

/** Feature name -> weight of a transformed text. */
function weightsByFeature(vectorizer: TfidfVectorizer, vector: SparseVector): Map<string, number> {
  const vocabulary = vectorizer.toJSON().vocabulary;
  return new Map(Array.from(vector.indices, (index, k) => [vocabulary[index]!, vector.values[k]!]));
}

/** Sum of squared weights of the features whose name starts with one of the prefixes. */
function squaredNorm(weights: Map<string, number>, prefixes: string[]): number {
  let sum = 0;
  for (const [feature, weight] of weights) if (prefixes.some((p) => feature.startsWith(p))) sum += weight * weight;
  return sum;
}

describe('TfidfVectorizer', () => {
  describe('when fitted', () => {
    it('learns one column per distinct n-gram of the training texts', () => {
      const vectorizer = TfidfVectorizer.fit(['red shoes', 'blue shoes', 'red'], { features: WORDS_ONLY });
      expect([...vectorizer.toJSON().vocabulary].sort()).toEqual(['w:blue', 'w:red', 'w:shoes']);
      expect(vectorizer.dimension).toBe(3);
    });

    it('uses smoothed IDF: ln((1 + n) / (1 + df)) + 1', () => {
      const vectorizer = TfidfVectorizer.fit(['red shoes', 'blue shoes', 'red shoes'], { features: WORDS_ONLY });
      const { vocabulary, idf } = vectorizer.toJSON();
      const idfOf = (feature: string): number => idf[vocabulary.indexOf(feature)]!;
      expect(idfOf('w:shoes')).toBeCloseTo(1, 12);
      expect(idfOf('w:red')).toBeCloseTo(Math.log(4 / 3) + 1, 12);
      expect(idfOf('w:blue')).toBeCloseTo(Math.log(4 / 2) + 1, 12);
    });

    it('counts a document once however often the n-gram repeats in it', () => {
      const vectorizer = TfidfVectorizer.fit(['red red red', 'blue'], { features: WORDS_ONLY });
      const { vocabulary, idf } = vectorizer.toJSON();
      expect(idf[vocabulary.indexOf('w:red')]).toBeCloseTo(Math.log(3 / 2) + 1, 12);
    });

    it('drops n-grams seen in fewer texts than minDocumentFrequency', () => {
      const vectorizer = TfidfVectorizer.fit(['red shoes', 'blue shoes', 'red hat'], { features: WORDS_ONLY, minDocumentFrequency: 2 });
      expect([...vectorizer.toJSON().vocabulary].sort()).toEqual(['w:red', 'w:shoes']);
    });

    it('learns character and word n-grams with the default features', () => {
      const vocabulary = TfidfVectorizer.fit(['hello there']).toJSON().vocabulary;
      expect(vocabulary).toEqual(expect.arrayContaining(['c:h', 'c: hel', 'c:hello', 'w:hello', 'w:hello there', 'w:there']));
    });
  });

  describe('when transforming', () => {
    const vectorizer = TfidfVectorizer.fit(['where is my order', 'cancel my order please', 'hello there', '¿dónde está mi envío?']);

    it('gives sorted, distinct feature indices', () => {
      const { indices, values } = vectorizer.transform('where is my order please');
      expect(indices.length).toBe(values.length);
      for (let k = 1; k < indices.length; k++) expect(indices[k]!).toBeGreaterThan(indices[k - 1]!);
    });

    it('normalises the character block and the word block to unit length each', () => {
      const weights = weightsByFeature(vectorizer, vectorizer.transform('where is my order please'));
      expect(squaredNorm(weights, ['c'])).toBeCloseTo(1, 5);
      expect(squaredNorm(weights, ['w:', 'p:'])).toBeCloseTo(1, 5);
    });

    it('counts accent-free words in the word block', () => {
      const weights = weightsByFeature(vectorizer, vectorizer.transform('dónde está'));
      expect(weights.has('p:donde')).toBe(true);
      expect(squaredNorm(weights, ['w:', 'p:'])).toBeCloseTo(1, 5);
    });

    it('scales the blocks by blockWeights', () => {
      const weighted = TfidfVectorizer.fit(['where is my order', 'hello there'], { blockWeights: { char: 2, word: 0.5 } });
      const weights = weightsByFeature(weighted, weighted.transform('where is my order'));
      expect(squaredNorm(weights, ['c'])).toBeCloseTo(4, 4);
      expect(squaredNorm(weights, ['w:', 'p:'])).toBeCloseTo(0.25, 5);
    });

    it('uses sublinear term frequency (1 + ln tf) times IDF before normalising', () => {
      const words = TfidfVectorizer.fit(['red red blue', 'blue'], { features: WORDS_ONLY });
      const weights = weightsByFeature(words, words.transform('red red blue'));
      const red = (1 + Math.log(2)) * (Math.log(3 / 2) + 1);
      const blue = 1;
      const norm = Math.hypot(red, blue);
      expect(weights.get('w:red')).toBeCloseTo(red / norm, 6);
      expect(weights.get('w:blue')).toBeCloseTo(blue / norm, 6);
    });

    it('ignores n-grams outside the vocabulary', () => {
      const words = TfidfVectorizer.fit(['red shoes'], { features: WORDS_ONLY });
      const weights = weightsByFeature(words, words.transform('green shoes'));
      expect([...weights.keys()]).toEqual(['w:shoes']);
      expect(weights.get('w:shoes')).toBeCloseTo(1, 6);
    });

    it('gives an empty vector when no n-gram is known', () => {
      const words = TfidfVectorizer.fit(['red shoes'], { features: WORDS_ONLY });
      const vector = words.transform('green hat');
      expect(vector.indices.length).toBe(0);
      expect(vector.values.length).toBe(0);
      // With character n-grams only the padding space of an unknown word is known.
      expect([...weightsByFeature(vectorizer, vectorizer.transform('ΩΨΦ')).keys()]).toEqual(['c: ']);
    });

    it('gives an empty vector for an empty message', () => {
      expect(vectorizer.transform('').indices.length).toBe(0);
    });
  });

  describe('when saved with toJSON and restored with fromJSON', () => {
    it('transforms every text exactly as before, after a JSON round trip', () => {
      const original = TfidfVectorizer.fit(['where is my order', 'hello there', '我的订单在哪里'], { minDocumentFrequency: 1, blockWeights: { char: 1, word: 0.7 } });
      const restored = TfidfVectorizer.fromJSON(JSON.parse(JSON.stringify(original.toJSON())) as TfidfVectorizerState);
      expect(restored.dimension).toBe(original.dimension);
      for (const text of ['where is it', 'hello', '订单', 'unrelated words']) {
        const a = original.transform(text);
        const b = restored.transform(text);
        expect(Array.from(b.indices)).toEqual(Array.from(a.indices));
        expect(Array.from(b.values)).toEqual(Array.from(a.values));
      }
    });

    it('rejects a state whose vocabulary and idf differ in length', () => {
      const state = TfidfVectorizer.fit(['red shoes'], { features: WORDS_ONLY }).toJSON();
      expect(() => TfidfVectorizer.fromJSON({ ...state, idf: state.idf.slice(1) })).toThrow(/vocabulary and idf differ in length/);
    });
  });
});
