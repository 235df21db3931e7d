import { ApertiumTranslator, TranslationError } from '../../../nlu/translation/apertium-translator';

describe('ApertiumTranslator (Debian Apertium, offline)', () => {
  let translator: ApertiumTranslator;

  beforeAll(async () => {
    const detected = await ApertiumTranslator.detect();
    if (!detected) throw new Error('Apertium is not installed: run scripts/test.sh (it installs apertium and its en-es, fr-es, es-pt pairs)');
    translator = detected;
  });

  it('offers English-Spanish directly and French and Portuguese through Spanish', () => {
    for (const [from, to] of [['en', 'es'], ['es', 'en'], ['fr', 'en'], ['en', 'fr'], ['pt', 'en'], ['en', 'pt'], ['fr', 'pt']]) {
      expect(translator.supports(from!, to!)).toBe(true);
    }
    expect(translator.supports('de', 'en')).toBe(false);
    expect(translator.supports('en', 'zh')).toBe(false);
  });

  it('translates Spanish, French and Portuguese questions into English', async () => {
    expect((await translator.translate('¿Puedo pagar con tarjeta de crédito?', 'es', 'en')).toLowerCase()).toMatch(/pay/);
    expect((await translator.translate('Combien coûte la livraison en Belgique ?', 'fr', 'en')).toLowerCase()).toMatch(/belgium/);
    expect((await translator.translate('Quanto custa o frete para o Brasil?', 'pt', 'en')).toLowerCase()).toMatch(/brazil/);
  });

  it('keeps names and order numbers, and line breaks', async () => {
    const translated = await translator.translate('Mi pedido A1B2C3 no ha llegado.\nLo envió DHL.', 'es', 'en');
    expect(translated).toContain('A1B2C3');
    expect(translated.split('\n')).toHaveLength(2);
  });

  it('refuses a pair it does not have, and is absent when the command is missing', async () => {
    await expect(translator.translate('Hallo', 'de', 'en')).rejects.toBeInstanceOf(TranslationError);
    await expect(ApertiumTranslator.detect({ command: 'apertium-that-does-not-exist' })).resolves.toBeUndefined();
  });
});
