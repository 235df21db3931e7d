import { skillTexts } from '../../../../bots/runtime/templates/skills';

describe.each(Object.keys(skillTexts))('the %s recommendation sentences', (language) => {
  const texts = skillTexts[language]!.recommendation;

  it('are all filled in, with {product} only where the similar products are introduced', () => {
    for (const field of ['askPreference', 'intro', 'similarIntro', 'relaxedIntro', 'noResults', 'moreLikeThis'] as const) {
      expect({ field, empty: texts[field].trim() === '' }).toEqual({ field, empty: false });
      const placeholders = texts[field].match(/\{\w+\}/g);
      expect({ field, placeholders }).toEqual({ field, placeholders: field === 'similarIntro' ? ['{product}'] : null });
    }
  });

  it('keep button titles within the 20 characters messaging channels allow', () => {
    expect(texts.moreLikeThis.length).toBeLessThanOrEqual(20);
    for (const [category, words] of Object.entries(texts.categories)) expect({ category, length: (words[0] ?? '').length <= 20 && words.length > 0 }).toEqual({ category, length: true });
  });

  it('name the first four cards with lower-case ordinal words, and the same categories as English', () => {
    expect(texts.ordinals).toHaveLength(4);
    for (const words of texts.ordinals) {
      expect(words.length).toBeGreaterThan(0);
      for (const word of words) expect(word).toBe(word.toLowerCase());
    }
    expect(Object.keys(texts.categories).sort()).toEqual(Object.keys(skillTexts.en!.recommendation.categories).sort());
  });
});
