import { REASON_TEXTS, reasonTexts } from '../../../recommender/serving';

describe('reasonTexts', () => {
  it.each(['en', 'es', 'fr', 'pt', 'de', 'it'])('has every phrase in %s, naming the product where one is behind it', (language) => {
    const texts = REASON_TEXTS[language]!;
    expect(Object.keys(texts).sort()).toEqual(Object.keys(REASON_TEXTS.en!).sort());
    expect(texts.becauseYouLooked).toContain('{product}');
    expect(texts.similarTo).toContain('{product}');
    for (const phrase of [texts.forYou, texts.popularInCountry, texts.popularNow, texts.fromCatalogue]) expect(phrase).not.toContain('{');
  });

  it('uses the base language for a regional tag and English for a language it lacks', () => {
    expect(reasonTexts('pt-BR').popularNow).toBe('Popular agora');
    expect(reasonTexts('ja').popularNow).toBe('Popular right now');
    expect(reasonTexts(undefined).similarTo).toBe('Similar to {product}');
  });
});
