import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OUT_OF_SCOPE, type IntentExample } from '../../../nlu/intents/intent-classifier';
import {
  BUILTIN_INTENTS,
  IntentDataError,
  isClincData,
  loadBuiltinHeldout,
  loadBuiltinIntentData,
  parseBuiltinIntentFile,
  parseClinc,
  parseCsvExamples,
  parseJsonl,
  readIntentDataFile,
} from '../../../nlu/intents/training-data';

const LANGUAGES = ['en', 'zh', 'es', 'fr', 'de', 'pt', 'ru', 'ar', 'ja', 'ko', 'it', 'tr', 'vi', 'id', 'th', 'pl'];

/** The error a function throws (fails the test when it throws none). */
function thrown(action: () => unknown): Error {
  try {
    action();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}

describe('parseCsvExamples', () => {
  it('reads text,category rows', () => {
    expect(parseCsvExamples('text,category\nwhere is my card,card_arrival\nI lost my PIN,lost_pin\n', 'banking.csv')).toEqual([
      { text: 'where is my card', intent: 'card_arrival' },
      { text: 'I lost my PIN', intent: 'lost_pin' },
    ]);
  });

  it('reads text,intent rows with a lang column, in any column order', () => {
    expect(parseCsvExamples('lang,intent,text\nes,order_status,¿dónde está mi pedido?\n', 'x.csv')).toEqual([
      { text: '¿dónde está mi pedido?', intent: 'order_status', language: 'es' },
    ]);
  });

  it('accepts a language column too and prefers intent over category', () => {
    expect(parseCsvExamples('text,category,intent,language\nhi,ignored,greeting,en\n', 'x.csv')).toEqual([
      { text: 'hi', intent: 'greeting', language: 'en' },
    ]);
  });

  it('keeps commas, quotes and line breaks inside quoted fields', () => {
    const csv = 'text,intent\n"hi, I need help, please",greeting\n"she said ""cancel"" it",order_cancel\n"two\nlines",greeting\n';
    expect(parseCsvExamples(csv, 'x.csv').map((e) => e.text)).toEqual(['hi, I need help, please', 'she said "cancel" it', 'two\nlines']);
  });

  it('maps oos and out-of-scope to out_of_scope', () => {
    const examples = parseCsvExamples('text,intent\nwhat is the weather,oos\nsing a song,out-of-scope\n', 'x.csv');
    expect(examples.map((e) => e.intent)).toEqual([OUT_OF_SCOPE, OUT_OF_SCOPE]);
  });

  it('skips a byte order mark and empty lines, and leaves out an empty lang', () => {
    expect(parseCsvExamples('\ufefftext,intent,lang\n\nhello,greeting,\n', 'x.csv')).toEqual([{ text: 'hello', intent: 'greeting' }]);
  });

  it('gives no examples for a header alone', () => {
    expect(parseCsvExamples('text,intent\n', 'x.csv')).toEqual([]);
  });

  describe('when the file is wrong', () => {
    it('names the file and the missing columns when the header lacks text or a label', () => {
      const error = thrown(() => parseCsvExamples('sentence,intent\nhi,greeting\n', 'data/mine.csv'));
      expect(error).toBeInstanceOf(IntentDataError);
      expect(error.message).toBe('data/mine.csv: the CSV header must name "text" and "intent" (or "category")');
      expect(() => parseCsvExamples('text,label\nhi,greeting\n', 'data/mine.csv')).toThrow(IntentDataError);
    });

    it('names the file and the row (counting the header as row 1) with an empty text or intent', () => {
      const error = thrown(() => parseCsvExamples('text,intent\nhi,greeting\n   ,greeting\n', 'data/mine.csv'));
      expect(error).toBeInstanceOf(IntentDataError);
      expect(error.message).toBe('data/mine.csv: row 3 has an empty text or intent');
      expect(() => parseCsvExamples('text,intent\nhi,\n', 'data/mine.csv')).toThrow('data/mine.csv: row 2 has an empty text or intent');
    });

    it('names the file when the CSV itself is malformed', () => {
      const error = thrown(() => parseCsvExamples('text,intent\n"unclosed,greeting\n', 'data/broken.csv'));
      expect(error).toBeInstanceOf(IntentDataError);
      expect(error.message).toMatch(/^data\/broken\.csv: not valid CSV/);
    });

    it('names the file and the line of a row with too many fields', () => {
      const error = thrown(() => parseCsvExamples('text,intent\nhi,greeting\nwhere is it, my order,order_status\n', 'data/broken.csv'));
      expect(error).toBeInstanceOf(IntentDataError);
      expect(error.message).toMatch(/^data\/broken\.csv: not valid CSV/);
      expect(error.message).toContain('line 3');
    });
  });
});

describe('parseJsonl', () => {
  it('reads one example per line, with lang or language, skipping blank lines', () => {
    const text = [
      '{"text": "hi", "intent": "greeting", "lang": "en"}',
      '',
      '{"text": "hola", "intent": "greeting", "language": "es"}',
      '{"text": "yo", "intent": "greeting"}',
      '   ',
    ].join('\n');
    expect(parseJsonl(text, 'x.jsonl')).toEqual([
      { text: 'hi', intent: 'greeting', language: 'en' },
      { text: 'hola', intent: 'greeting', language: 'es' },
      { text: 'yo', intent: 'greeting' },
    ]);
  });

  it('maps oos to out_of_scope', () => {
    expect(parseJsonl('{"text": "weather?", "intent": "oos"}', 'x.jsonl')).toEqual([{ text: 'weather?', intent: OUT_OF_SCOPE }]);
  });

  it('names the file and line of invalid JSON', () => {
    const error = thrown(() => parseJsonl('{"text": "hi", "intent": "greeting"}\n\n{oops', 'data/set.jsonl'));
    expect(error).toBeInstanceOf(IntentDataError);
    expect(error.message).toBe('data/set.jsonl:3: not valid JSON');
  });

  it('names the file and line of a row without text or intent', () => {
    expect(() => parseJsonl('{"text": "hi"}', 'data/set.jsonl')).toThrow(new IntentDataError('data/set.jsonl:1: needs "text" and "intent" strings'));
    expect(() => parseJsonl('{"text": "", "intent": "x"}', 'data/set.jsonl')).toThrow(IntentDataError);
    expect(() => parseJsonl('{"text": 3, "intent": "x"}', 'data/set.jsonl')).toThrow(IntentDataError);
  });
});

describe('parseClinc', () => {
  const clinc = {
    train: [['what is my balance', 'balance']],
    val: [['balance please', 'balance']],
    test: [['how much money do I have', 'balance']],
    oos_train: [['tell me a joke', 'oos']],
    oos_val: [['sing', 'oos']],
    oos_test: [['who are you', 'oos']],
  };

  it('recognises the shape of data_full.json', () => {
    expect(isClincData(clinc)).toBe(true);
    expect(isClincData([{ text: 'a', intent: 'b' }])).toBe(false);
    expect(isClincData(null)).toBe(false);
    expect(isClincData({ train: [] })).toBe(false);
  });

  it('joins each split with its oos split, in English, oos as out_of_scope', () => {
    expect(parseClinc(clinc, 'data_full.json')).toEqual({
      train: [
        { text: 'what is my balance', intent: 'balance', language: 'en' },
        { text: 'tell me a joke', intent: OUT_OF_SCOPE, language: 'en' },
      ],
      validation: [
        { text: 'balance please', intent: 'balance', language: 'en' },
        { text: 'sing', intent: OUT_OF_SCOPE, language: 'en' },
      ],
      test: [
        { text: 'how much money do I have', intent: 'balance', language: 'en' },
        { text: 'who are you', intent: OUT_OF_SCOPE, language: 'en' },
      ],
    });
  });

  it('names the file when a split is missing', () => {
    const incomplete: Record<string, unknown> = { ...clinc };
    delete incomplete.oos_val;
    const error = thrown(() => parseClinc(incomplete, 'data/data_full.json'));
    expect(error).toBeInstanceOf(IntentDataError);
    expect(error.message).toMatch(/^data\/data_full\.json: not a CLINC150 data_full\.json/);
  });
});

describe('parseBuiltinIntentFile', () => {
  const yaml = ['language: "es"', 'intents:', '  greeting:', '    - "hola"', '    - "buenas"', '  order_status:', '    - "¿dónde está mi pedido?"', 'out_of_scope:', '    - "¿qué tiempo hace?"', ''].join('\n');

  it('reads every intent and the out-of-scope list, in the file language', () => {
    expect(parseBuiltinIntentFile(yaml, 'es.yaml')).toEqual([
      { text: 'hola', intent: 'greeting', language: 'es' },
      { text: 'buenas', intent: 'greeting', language: 'es' },
      { text: '¿dónde está mi pedido?', intent: 'order_status', language: 'es' },
      { text: '¿qué tiempo hace?', intent: OUT_OF_SCOPE, language: 'es' },
    ]);
  });

  it('treats a missing out-of-scope list as empty', () => {
    expect(parseBuiltinIntentFile('language: en\nintents:\n  thanks: ["thanks"]\n', 'en.yaml')).toEqual([{ text: 'thanks', intent: 'thanks', language: 'en' }]);
  });

  it('rejects an intent that is not built in, naming the file and the intent', () => {
    expect(() => parseBuiltinIntentFile('language: en\nintents:\n  make_coffee: ["coffee"]\n', 'nlu/data/intents/en.yaml')).toThrow(
      new IntentDataError('nlu/data/intents/en.yaml: unknown intent "make_coffee"'),
    );
  });

  it('rejects a malformed file, naming the file and the field', () => {
    const badLanguage = thrown(() => parseBuiltinIntentFile('language: english\nintents: {}\n', 'en.yaml'));
    expect(badLanguage).toBeInstanceOf(IntentDataError);
    expect(badLanguage.message).toMatch(/^en\.yaml: language: /);
    const emptyText = thrown(() => parseBuiltinIntentFile('language: en\nintents:\n  greeting: ["hi", ""]\n', 'en.yaml'));
    expect(emptyText).toBeInstanceOf(IntentDataError);
    expect(emptyText.message).toMatch(/^en\.yaml: intents\.greeting\.1: /);
    expect(() => parseBuiltinIntentFile('just text', 'en.yaml')).toThrow(IntentDataError);
  });

  it('names the file when the YAML itself is malformed', () => {
    const error = thrown(() => parseBuiltinIntentFile('language: en\nintents:\n  greeting: ["hi"\n', 'nlu/data/intents/en.yaml'));
    expect(error).toBeInstanceOf(IntentDataError);
    expect(error.message).toMatch(/^nlu\/data\/intents\/en\.yaml: /);
  });
});

describe('readIntentDataFile', () => {
  let dir: string;
  const write = (name: string, content: string): string => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'intent-data-'));
  });

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads CSV, JSONL and built-in YAML by extension, whatever its case', () => {
    expect(readIntentDataFile(write('a.CSV', 'text,intent\nhi,greeting\n'))).toEqual({ kind: 'examples', examples: [{ text: 'hi', intent: 'greeting' }] });
    expect(readIntentDataFile(write('b.jsonl', '{"text":"hi","intent":"greeting","lang":"en"}\n'))).toEqual({
      kind: 'examples',
      examples: [{ text: 'hi', intent: 'greeting', language: 'en' }],
    });
    expect(readIntentDataFile(write('c.yml', 'language: en\nintents:\n  thanks: ["ty"]\n'))).toEqual({
      kind: 'examples',
      examples: [{ text: 'ty', intent: 'thanks', language: 'en' }],
    });
  });

  it('reads a CLINC-shaped JSON file as three splits', () => {
    const clinc = { train: [['a', 'x']], val: [['b', 'x']], test: [['c', 'x']], oos_train: [['d', 'oos']], oos_val: [], oos_test: [['e', 'oos']] };
    const file = readIntentDataFile(write('data_full.json', JSON.stringify(clinc)));
    expect(file.kind).toBe('clinc');
    if (file.kind !== 'clinc') return;
    expect(file.splits.train).toEqual([
      { text: 'a', intent: 'x', language: 'en' },
      { text: 'd', intent: OUT_OF_SCOPE, language: 'en' },
    ]);
    expect(file.splits.validation).toHaveLength(1);
    expect(file.splits.test.map((e) => e.intent)).toEqual(['x', OUT_OF_SCOPE]);
  });

  it('reads a JSON array of examples', () => {
    const examples = [{ text: 'hi', intent: 'greeting', lang: 'en' }, { text: 'weather', intent: 'oos' }];
    expect(readIntentDataFile(write('list.json', JSON.stringify(examples)))).toEqual({
      kind: 'examples',
      examples: [
        { text: 'hi', intent: 'greeting', language: 'en' },
        { text: 'weather', intent: OUT_OF_SCOPE },
      ],
    });
  });

  it('names the file and entry of a bad row in a JSON array', () => {
    const path = write('bad-list.json', JSON.stringify([{ text: 'hi', intent: 'greeting' }, { text: 'no intent' }]));
    expect(() => readIntentDataFile(path)).toThrow(new IntentDataError(`${path}:2: needs "text" and "intent" strings`));
  });

  it('rejects an unsupported extension or a JSON object of another shape, saying what it accepts', () => {
    const txt = write('notes.txt', 'hi');
    expect(() => readIntentDataFile(txt)).toThrow(IntentDataError);
    expect(() => readIntentDataFile(txt)).toThrow(`${txt}: unsupported file; use .csv`);
    expect(() => readIntentDataFile(write('object.json', '{"examples": []}'))).toThrow(IntentDataError);
  });

  it('names the file when it cannot be read', () => {
    const missing = join(dir, 'missing.csv');
    const error = thrown(() => readIntentDataFile(missing));
    expect(error).toBeInstanceOf(IntentDataError);
    expect(error.message).toMatch(new RegExp(`^Cannot read ${missing.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `));
  });

  it('names the file when a .json file is not valid JSON', () => {
    const path = write('broken.json', '{"train": [');
    const error = thrown(() => readIntentDataFile(path));
    expect(error).toBeInstanceOf(IntentDataError);
    expect(error.message).toContain(path);
  });
});

describe('the shipped built-in data', () => {
  let data: IntentExample[];
  let heldout: IntentExample[];

  beforeAll(() => {
    data = loadBuiltinIntentData();
    heldout = loadBuiltinHeldout();
  });

  const byLanguage = (examples: readonly IntentExample[]): Map<string, IntentExample[]> => {
    const map = new Map<string, IntentExample[]>();
    for (const e of examples) map.set(e.language!, [...(map.get(e.language!) ?? []), e]);
    return map;
  };

  it('covers exactly the 16 languages', () => {
    expect([...byLanguage(data).keys()].sort()).toEqual([...LANGUAGES].sort());
    expect(data.every((e) => e.language !== undefined)).toBe(true);
  });

  it('uses only the built-in intents and out_of_scope', () => {
    const known = new Set<string>([...BUILTIN_INTENTS, OUT_OF_SCOPE]);
    expect(data.filter((e) => !known.has(e.intent))).toEqual([]);
  });

  it.each(LANGUAGES)('has at least 60 examples of every built-in intent and 120 out-of-scope ones in %s', (language) => {
    const examples = data.filter((e) => e.language === language);
    const counts = new Map<string, number>();
    for (const e of examples) counts.set(e.intent, (counts.get(e.intent) ?? 0) + 1);
    const short = BUILTIN_INTENTS.filter((intent) => (counts.get(intent) ?? 0) < 60).map((intent) => `${intent}: ${counts.get(intent) ?? 0}`);
    expect(short).toEqual([]);
    expect(counts.get(OUT_OF_SCOPE) ?? 0).toBeGreaterThanOrEqual(120);
  });

  it('has no duplicate text within a language', () => {
    const duplicates: string[] = [];
    for (const [language, examples] of byLanguage(data)) {
      const seen = new Set<string>();
      for (const { text } of examples) {
        if (seen.has(text)) duplicates.push(`${language}: ${text}`);
        seen.add(text);
      }
    }
    expect(duplicates).toEqual([]);
  });

  it('loads only the languages asked for', () => {
    const some = loadBuiltinIntentData(['ja', 'pl']);
    expect(new Set(some.map((e) => e.language))).toEqual(new Set(['ja', 'pl']));
    expect(some).toHaveLength(data.filter((e) => e.language === 'ja' || e.language === 'pl').length);
  });

  describe('held-out files', () => {
    it('cover the 16 languages with built-in intents and out-of-scope messages', () => {
      expect([...byLanguage(heldout).keys()].sort()).toEqual([...LANGUAGES].sort());
      const known = new Set<string>([...BUILTIN_INTENTS, OUT_OF_SCOPE]);
      expect(heldout.filter((e) => !known.has(e.intent))).toEqual([]);
      expect(heldout.some((e) => e.intent === OUT_OF_SCOPE)).toBe(true);
    });

    it('share no text with the training data of the same language', () => {
      const training = new Set(data.map((e) => `${e.language}\u0000${e.text}`));
      expect(heldout.filter((e) => training.has(`${e.language}\u0000${e.text}`)).map((e) => `${e.language}: ${e.text}`)).toEqual([]);
    });

    it('share no text with the training data of the same language, ignoring case and spacing', () => {
      const key = (e: IntentExample): string => `${e.language}\u0000${e.text.toLowerCase().replace(/\s+/g, ' ').trim()}`;
      const training = new Set(data.map(key));
      expect(heldout.filter((e) => training.has(key(e))).map((e) => `${e.language}: ${e.text}`)).toEqual([]);
    });

    // The model is trained on all languages at once and its features ignore the language, so a held-out text that
    // any training file holds verbatim is seen in training. 50 do today, e.g. "order status" (ar held-out, en
    // training), "see you", "hey", "🤔", "qwerty".
    it.todo('share no text with the training data of any language');
  });
});
