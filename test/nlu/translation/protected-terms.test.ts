import { ApertiumApyTranslator, protectTerms, restoreTerms, TermProtectingTranslator, TranslationError, type Translator } from '../../../nlu/translation';

describe('protectTerms / restoreTerms', () => {
  it('replaces order and tracking numbers, e-mails, URLs and glossary names with placeholders, and puts them back', () => {
    const text = 'Mi pedido A1B2C3 (seguimiento SF1234567890123) con la chaqueta Zebrawood: escribidme a ana@example.com o mirad https://shop.example/t?id=A1B2C3';
    const guarded = protectTerms(text, 'es', { glossary: ['Zebrawood'] });
    expect(guarded.text).not.toMatch(/A1B2C3|SF1234567890123|ana@example\.com|https:|Zebrawood/);
    expect([...guarded.spans.values()]).toEqual(['A1B2C3', 'SF1234567890123', 'Zebrawood', 'ana@example.com', 'https://shop.example/t?id=A1B2C3']);
    expect(restoreTerms(guarded.text, guarded.spans)).toBe(text);
  });

  it('chooses a placeholder the text does not already contain', () => {
    const guarded = protectTerms('ZQX0 is my code, order A1B2C3', 'en');
    expect([...guarded.spans.keys()][0]).toBe('ZQXQ0');
  });

  it('refuses a translation that lost a protected term', () => {
    const guarded = protectTerms('pedido A1B2C3', 'es');
    expect(() => restoreTerms('order', guarded.spans)).toThrow(TranslationError);
  });
});

describe('TermProtectingTranslator on real Apertium', () => {
  let apy: ApertiumApyTranslator;
  let translator: Translator;

  beforeAll(async () => {
    apy = await ApertiumApyTranslator.start(process.env.TEST_APERTIUM_URL ? { url: process.env.TEST_APERTIUM_URL } : {});
    translator = new TermProtectingTranslator(apy, () => ({ glossary: ['Zebrawood', 'Merino Crew'] }));
  }, 30_000);

  afterAll(async () => {
    await apy?.close();
  });

  it.each([
    ['es', '¿Dónde está mi pedido A1B2C3? Lo necesito antes del viernes', ['A1B2C3']],
    ['fr', 'Ma commande B7K9Q2 est arrivée abîmée, écrivez-moi à pierre.dubois@example.com', ['B7K9Q2', 'pierre.dubois@example.com']],
    ['pt', 'O rastreio SF1234567890123 do pedido C4D5E6 não muda há dias', ['SF1234567890123', 'C4D5E6']],
    ['es', 'Quiero devolver el jersey Merino Crew de Zebrawood que compré', ['Merino Crew', 'Zebrawood']],
  ])('keeps the protected terms of a %s sentence exactly', async (language, sentence, terms) => {
    const english = await translator.translate(sentence, language, 'en');
    for (const term of terms) expect(english).toContain(term);
    expect(english).not.toMatch(/ZQX/);
  });

  it('keeps a workspace glossary given with the call, which Apertium would otherwise translate', async () => {
    const plain = await new TermProtectingTranslator(apy).translate('Compré la chaqueta Casa Blanca', 'es', 'en');
    expect(plain).not.toContain('Casa Blanca');
    const guarded = await new TermProtectingTranslator(apy).translate('Compré la chaqueta Casa Blanca', 'es', 'en', { glossary: ['Casa Blanca'] });
    expect(guarded).toContain('Casa Blanca');
  });

  it('keeps them on the way back to the shopper too', async () => {
    const spanish = await translator.translate('Your order A1B2C3 left our Zebrawood warehouse today: https://shop.example/track/A1B2C3', 'en', 'es');
    expect(spanish).toContain('A1B2C3');
    expect(spanish).toContain('Zebrawood');
    expect(spanish).toContain('https://shop.example/track/A1B2C3');
  });
});
