import { regionOfLanguage, SHOPPER_LANGUAGES } from '../../../nlu/entities';

describe('regionOfLanguage', () => {
  it('maps each shopper language to its usual region', () => {
    expect(SHOPPER_LANGUAGES).toHaveLength(16);
    for (const language of SHOPPER_LANGUAGES) expect(regionOfLanguage(language)).toMatch(/^[A-Z]{2}$/);
    expect(regionOfLanguage('pt')).toBe('BR');
    expect(regionOfLanguage('zh')).toBe('CN');
  });

  it('prefers the region of a full tag and knows nothing of unknown languages', () => {
    expect(regionOfLanguage('pt-PT')).toBe('PT');
    expect(regionOfLanguage('zh-Hans-TW')).toBe('TW');
    expect(regionOfLanguage('xx')).toBeUndefined();
    expect(regionOfLanguage(undefined)).toBeUndefined();
  });
});
