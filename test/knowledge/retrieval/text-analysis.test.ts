import { foldText, TextAnalyzer } from '../../../knowledge/retrieval/text-analysis';

describe('foldText', () => {
  it('applies NFKC and lower case', () => {
    expect(foldText('ＤＨＬ Ｅｘｐｒｅｓｓ')).toBe('dhl express');
    expect(foldText('ﬁle')).toBe('file');
  });

  it('removes accents from Latin letters and folds letters Unicode does not decompose', () => {
    expect(foldText('Envío Rücksendung où')).toBe('envio rucksendung ou');
    expect(foldText('Größe Œuvre Øre Łódź')).toBe('grosse oeuvre ore lodz');
  });

  it('keeps Japanese voicing marks and Thai vowel marks, which change the word', () => {
    expect(foldText('が')).toBe('が');
    expect(foldText('สั่ง')).toBe('สั่ง');
  });

  it('writes typographic apostrophes as ASCII ones', () => {
    expect(foldText('l’adresse')).toBe("l'adresse");
  });
});

describe('TextAnalyzer', () => {
  const analyzer = new TextAnalyzer();

  describe('in languages with a Snowball stemmer', () => {
    /** The terms every one of `words` gives. */
    const shared = (language: string, words: string[]) =>
      words.map((word) => analyzer.analyze(word, language)).reduce((common, terms) => common.filter((term) => terms.includes(term)));

    it('gives inflected forms a common stem (en, es, fr, de, pt, it, ru)', () => {
      expect(shared('en', ['shipping', 'shipped', 'ships'])).toEqual(['ship']);
      expect(shared('es', ['devolución', 'devoluciones'])).toEqual(['devolu']);
      expect(shared('fr', ['remboursement', 'remboursé'])).toEqual(['rembours']);
      expect(shared('de', ['Bestellung', 'Bestellungen'])).toEqual(['bestell']);
      expect(shared('pt', ['devolução', 'devoluções'])).toEqual(['devolu']);
      expect(shared('it', ['spedizione', 'spedizioni'])).toEqual(['spedizion']);
      expect(shared('ru', ['заказы', 'заказа'])).toEqual(['заказ']);
    });

    it('lets a word typed without its accents meet the accented word', () => {
      expect(shared('es', ['devolucion', 'devolución'])).toHaveLength(1);
      expect(shared('es', ['envio', 'envío', 'envíos'])).toHaveLength(1);
      expect(shared('pt', ['devolucao', 'devolução'])).toHaveLength(1);
      expect(shared('de', ['Rucksendung', 'Rücksendung'])).toHaveLength(1);
    });

    it('gives a word without accents a single term', () => {
      expect(analyzer.analyze('devolucion', 'es')).toHaveLength(1);
      expect(analyzer.analyze('refunds', 'en')).toHaveLength(1);
    });

    it('drops stop words but keeps the content words a shop needs', () => {
      expect(analyzer.analyze('Where is my order?', 'en')).toEqual(['order']);
      expect(analyzer.analyze('¿Cómo borro mi cuenta?', 'es')).toContain(analyzer.analyze('cuenta', 'es')[0]);
      expect(analyzer.analyze('Wie viel Zeit braucht der Versand?', 'de')).toContain(analyzer.analyze('Zeit', 'de')[0]);
      expect(analyzer.analyze('the', 'en')).toEqual([]);
    });
  });

  describe('elisions, apostrophes and hyphens', () => {
    it('removes French and Italian elided articles', () => {
      expect(analyzer.analyze("l'adresse", 'fr')).toEqual(analyzer.analyze('adresse', 'fr'));
      expect(analyzer.analyze("dell'ordine", 'it')).toEqual(analyzer.analyze('ordine', 'it'));
    });

    it('gives a hyphenated word its parts and the joined form, so "e-mail" meets "email"', () => {
      const terms = analyzer.analyze('e-mail', 'en');
      expect(terms).toEqual(expect.arrayContaining(['e', 'mail', ...analyzer.analyze('email', 'en')]));
    });

    it('does not join number ranges, and keeps decimals and times whole', () => {
      expect(analyzer.analyze('3-6 days, EUR 5.90 before 14:00', 'en')).toEqual(['3', '6', ...analyzer.analyze('days', 'en'), 'eur', '5.90', '14:00']);
    });
  });

  describe('in Chinese', () => {
    it('gives the segmenter words and every character bigram', () => {
      const terms = analyzer.analyze('退货运费', 'zh');
      // The bigrams hold the words even where the segmenter cut the run differently.
      expect(terms).toEqual(expect.arrayContaining(['退货', '货运', '运费']));
    });

    it('drops stop words from the segmented words', () => {
      const terms = analyzer.analyze('我的订单', 'zh');
      expect(terms).toContain('订单');
      expect(terms).not.toContain('的');
    });

    it('analyses Latin words in Chinese text as English', () => {
      expect(analyzer.analyze('DHL shipping 配送', 'zh')).toEqual(['dhl', ...analyzer.analyze('shipping', 'en'), '配送', '配送']);
    });
  });

  describe('in Japanese', () => {
    it('segments kanji and katakana words and adds bigrams', () => {
      const terms = analyzer.analyze('注文をキャンセルしたい', 'ja');
      expect(terms).toEqual(expect.arrayContaining(['注文', 'キャンセル']));
      expect(terms).toContain('ャン');
    });
  });

  describe('in Thai', () => {
    it('segments words with the dictionary and adds no bigrams', () => {
      expect(analyzer.analyze('ฉันต้องการคืนสินค้า', 'th')).toEqual(expect.arrayContaining(['ต้องการ', 'คืน', 'สินค้า']));
      expect(analyzer.analyze('สินค้า', 'th')).toEqual(['สินค้า']);
    });
  });

  describe('without a language, or in one it has no resources for', () => {
    it('folds and tokenises but neither stems nor drops stop words', () => {
      expect(analyzer.analyze('The Shipping Envío', undefined)).toEqual(['the', 'shipping', 'envio']);
      expect(analyzer.analyze('Shipping', 'xx')).toEqual(['shipping']);
    });
  });

  it('reports which languages it stems', () => {
    expect(analyzer.stems('de')).toBe(true);
    expect(analyzer.stems('zh')).toBe(false);
  });
});
