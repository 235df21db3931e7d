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
    it('gives inflected forms one stem (en, es, fr, de, pt, it, ru)', () => {
      const same = (language: string, words: string[]) => {
        const stems = words.map((word) => analyzer.analyze(word, language));
        for (const stem of stems) expect(stem).toEqual(stems[0]);
        expect(stems[0]).toHaveLength(1);
      };
      same('en', ['shipping', 'shipped', 'ships']);
      same('es', ['devolución', 'devoluciones']);
      same('fr', ['remboursement', 'remboursé']);
      same('de', ['Bestellung', 'Bestellungen']);
      same('pt', ['encomenda', 'encomendas']);
      same('it', ['spedizione', 'spedizioni']);
      same('ru', ['заказы', 'заказа']);
    });

    it('gives the accented and the unaccented spelling the same stem', () => {
      expect(analyzer.analyze('devolucion envio', 'es')).toEqual(analyzer.analyze('devolución envío', 'es'));
      expect(analyzer.analyze('Rucksendung', 'de')).toEqual(analyzer.analyze('Rücksendung', 'de'));
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
