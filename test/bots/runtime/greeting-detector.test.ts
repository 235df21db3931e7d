import { isGreeting } from '../../../bots/runtime/greeting-detector';
import { templateSets, templatesFor } from '../../../bots/runtime/templates';
import type { TemplateSet } from '../../../bots/runtime/templates/template-set';

describe('isGreeting', () => {
  describe('recognises greetings', () => {
    it.each([
      ['en', 'Hello!'],
      ['en', 'hi there'],
      ['en', 'Hey team 👋'],
      ['en', 'Good morning, everyone'],
      ['en', "What's up?"],
      ['en', 'hiiii'],
      ['es', 'hola buenas'],
      ['es', '¡Hola!'],
      ['es', 'Buenos dias a todos'],
      ['zh', '你好啊'],
      ['zh', '亲，在吗？'],
      ['zh', '客服您好'],
      ['ja', 'こんにちは'],
      ['ja', 'こんにちはー！'],
      ['ko', '안녕하세요'],
      ['ko', '사장님 안녕하세요 ㅎㅎ'],
      ['fr', 'Bonjour à tous'],
      ['de', 'Hallo zusammen'],
      ['pt', 'Oi, tudo bem?'],
      ['ru', 'Всем привет!'],
      ['ar', 'السلام عليكم'],
      ['ar', 'مرحباً'],
      ['tr', 'Merhaba'],
      ['tr', 'İyi günler'],
      ['it', 'Ciao a tutti'],
      ['vi', 'Chào shop ạ'],
      ['id', 'Halo kak'],
      ['th', 'สวัสดีค่ะแอดมิน'],
      ['pl', 'Dzień dobry'],
    ])('in %s: %j', (language, text) => {
      expect(isGreeting(text, templatesFor(language))).toBe(true);
    });
  });

  it('accepts English greetings whatever the language', () => {
    expect(isGreeting('hi', templatesFor('zh'))).toBe(true);
    expect(isGreeting('hello 你好', templatesFor('zh'))).toBe(true);
    expect(isGreeting('hi there', templatesFor('ja'))).toBe(true);
  });

  describe('rejects messages that are not only a greeting', () => {
    it.each([
      ['en', 'hi, where is my order?'],
      ['es', 'hola, ¿dónde está mi pedido?'],
      ['zh', '你好，我的订单到哪里了'],
      ['ja', 'こんにちは、注文した商品はいつ届きますか'],
      ['en', 'ok'],
      ['en', ''],
      ['en', '   '],
      ['en', '👋'],
      ['en', 'thanks'],
      ['en', 'history'],
      ['en', 'there'],
      ['en', 'hi there, I want to return my shoes'],
      ['pt', 'beleza'],
    ])('in %s: %j', (language, text) => {
      expect(isGreeting(text, templatesFor(language))).toBe(false);
    });
  });

  it('never treats a message longer than 60 characters as a greeting', () => {
    expect(isGreeting('hi '.repeat(34).slice(0, 100), templatesFor('en'))).toBe(false);
    expect(isGreeting('hello '.repeat(11), templatesFor('en'))).toBe(false);
  });

  describe.each(Object.keys(templateSets))('with the %s set', (code) => {
    const set = templateSets[code] as TemplateSet;

    it('recognises each of its own greetings on its own', () => {
      const missed = set.greetings.filter((greeting) => !isGreeting(greeting, set));
      expect(missed).toEqual([]);
    });

    it('does not take a lone filler for a greeting', () => {
      const taken = set.greetingFillers.filter((filler) => isGreeting(filler, set));
      expect(taken).toEqual([]);
    });
  });
});
