import { ApertiumApyTranslator, TranslationError } from '../../../nlu/translation';

describe('ApertiumApyTranslator (Debian apertium-apy, started by the test)', () => {
  let translator: ApertiumApyTranslator;

  beforeAll(async () => {
    translator = await ApertiumApyTranslator.start();
  }, 30_000);

  afterAll(async () => {
    await translator?.close();
  });

  it('reads the installed pairs and routes French, Portuguese and Italian to English through Spanish', () => {
    for (const [from, to] of [['es', 'en'], ['en', 'es'], ['fr', 'en'], ['en', 'fr'], ['pt', 'en'], ['en', 'pt'], ['it', 'en']]) {
      expect(translator.supports(from!, to!)).toBe(true);
    }
    expect(translator.supports('de', 'en')).toBe(false);
  });

  it('translates Spanish and French shopper messages into English and an English reply back', async () => {
    expect((await translator.translate('¿Cuánto cuesta el envío a Alemania?', 'es', 'en')).toLowerCase()).toMatch(/germany/);
    expect((await translator.translate('Combien coûte la livraison en Belgique ?', 'fr', 'en')).toLowerCase()).toMatch(/belgium/);
    expect(await translator.translate('Thank you for your patience', 'en', 'es')).toMatch(/paciencia/i);
  });

  it('is fast once warm (one pipeline per pair stays running)', async () => {
    await translator.translate('hola', 'es', 'en');
    const started = performance.now();
    for (let i = 0; i < 10; i++) await translator.translate(`Mi pedido número ${i} no ha llegado`, 'es', 'en');
    // Ten warm translations in well under the time of ten pipeline starts (~1 s).
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('comes back after its service dies', async () => {
    const pid = (translator as unknown as { child: { pid: number } }).child.pid;
    process.kill(pid, 'SIGKILL');
    const until = Date.now() + 20_000;
    let result = '';
    while (Date.now() < until) {
      try {
        result = await translator.translate('¿Dónde está mi pedido?', 'es', 'en');
        break;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
    expect(result.toLowerCase()).toMatch(/where/);
  }, 30_000);

  it('refuses an unknown pair and an unreachable service with a TranslationError', async () => {
    await expect(translator.translate('Hallo', 'de', 'en')).rejects.toBeInstanceOf(TranslationError);
    await expect(ApertiumApyTranslator.start({ url: 'http://127.0.0.1:9', timeoutMs: 500 })).rejects.toBeDefined();
  });
});
