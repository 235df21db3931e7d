import { chooseVersion } from '../../../knowledge/retrieval/version-choice';

describe('chooseVersion', () => {
  it("takes the shopper's language when the article has it, whichever version matched", () => {
    expect(chooseVersion(['en', 'de', 'fr'], 'fr', 'en', ['de'])).toBe('fr');
  });

  it('takes the main language when the shopper\'s is missing', () => {
    expect(chooseVersion(['en', 'de'], 'ja', 'en', ['de'])).toBe('en');
    expect(chooseVersion(['es', 'de'], 'ja', 'es', ['de'])).toBe('es');
  });

  it('takes the best-matching version when neither exists', () => {
    expect(chooseVersion(['zh', 'de', 'fr'], 'ja', 'en', ['fr', 'de'])).toBe('fr');
  });

  it('takes any version when nothing else decides', () => {
    expect(chooseVersion(['de'], undefined, 'en', [])).toBe('de');
    expect(chooseVersion([], 'en', 'en', [])).toBeUndefined();
  });
});
