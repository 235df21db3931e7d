// fasttext.wasm.js loads its WebAssembly glue with a dynamic import(), which Jest's sandbox refuses without
// --experimental-vm-modules; load the real package through Node's own loader instead (no behaviour is faked).
jest.mock('fasttext.wasm.js', () =>
  jest
    .requireActual<{ _load(request: string, parent: null, isMain: boolean): unknown }>('node:module')
    ._load(require.resolve('fasttext.wasm.js'), null, false),
);
import { FastTextLanguageIdentifier } from '../../../nlu';

describe('FastTextLanguageIdentifier', () => {
  const identifier = new FastTextLanguageIdentifier();
  beforeAll(() => identifier.load());

  it.each([
    ['¿Dónde está mi pedido?', 'es'],
    ['我的订单到哪里了', 'zh'],
    ['Wo ist meine Bestellung?', 'de'],
    ['Bonjour, je voudrais savoir où est ma commande', 'fr'],
    ['Где мой заказ?', 'ru'],
    ['注文した商品はいつ届きますか', 'ja'],
  ])('identifies %j as %s with a probability in (0, 1]', async (text, language) => {
    const guess = await identifier.identify(text);
    expect(guess.language).toBe(language);
    expect(guess.confidence).toBeGreaterThan(0);
    expect(guess.confidence).toBeLessThanOrEqual(1);
  });

  describe('when the text spans several lines', () => {
    it('identifies it as one message', async () => {
      const guess = await identifier.identify('Hola,\n¿dónde está\r\nmi pedido?');
      expect(guess.language).toBe('es');
    });
  });

  describe('when many texts are identified at once', () => {
    it('answers each correctly', async () => {
      const texts = ['Where is my order?', '¿Dónde está mi pedido?', '我的订单到哪里了', 'Wo ist meine Bestellung?'];
      const guesses = await Promise.all(texts.map((text) => identifier.identify(text)));
      expect(guesses.map((g) => g.language)).toEqual(['en', 'es', 'zh', 'de']);
    });
  });
});
