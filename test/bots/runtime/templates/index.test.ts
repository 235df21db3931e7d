import {
  renderTemplate,
  supportedTemplateLanguages,
  templateSets,
  templatesFor,
} from '../../../../bots/runtime/templates';
import type { TemplateSet } from '../../../../bots/runtime/templates/template-set';

const expectedLanguages = [
  'en', 'zh', 'es', 'fr', 'de', 'pt', 'ru', 'ar', 'ja', 'ko', 'it', 'tr', 'vi', 'id', 'th', 'pl',
];

/** Every sentence of a set, by field name, for the field-by-field checks. */
function sentencesOf(set: TemplateSet): Record<string, string> {
  return {
    endonym: set.endonym,
    greeting: set.greeting,
    fallback: set.fallback,
    handoffRequested: set.handoffRequested,
    handoffAlreadyWaiting: set.handoffAlreadyWaiting,
    dismissed: set.dismissed,
    expectedWait: set.expectedWait,
    waitingTooLong: set.waitingTooLong,
    emailSaved: set.emailSaved,
    returnedToBot: set.returnedToBot,
    talkToPerson: set.quickReplies.talkToPerson,
    noThanks: set.quickReplies.noThanks,
    chooseOption: set.channel.chooseOption,
    numberedHint: set.channel.numberedHint,
    attachmentReceived: set.channel.attachmentReceived,
    voiceNoteReceived: set.channel.voiceNoteReceived,
    locationReceived: set.channel.locationReceived,
    unsupportedMessage: set.channel.unsupportedMessage,
  };
}

describe('the template sets', () => {
  it('cover exactly the sixteen supported languages', () => {
    expect([...supportedTemplateLanguages].sort()).toEqual([...expectedLanguages].sort());
  });

  describe.each(expectedLanguages)('the %s set', (code) => {
    const set = templateSets[code] as TemplateSet;

    it('is keyed by its own language code', () => {
      expect(set.language).toBe(code);
    });

    it('has every sentence filled in', () => {
      for (const [field, text] of Object.entries(sentencesOf(set))) {
        expect({ field, empty: text.trim().length === 0 }).toEqual({ field, empty: false });
      }
    });

    it('names the store in the greeting', () => {
      expect(set.greeting).toContain('{store}');
    });

    it('tells the expected wait in minutes', () => {
      expect(set.expectedWait).toContain('{minutes}');
    });

    it('repeats the e-mail address once it is saved, and uses no other placeholder there', () => {
      expect(set.emailSaved.match(/\{\w+\}/g)).toEqual(['{email}']);
    });

    it('uses no placeholders in the channel sentences, which are sent as they are', () => {
      for (const [field, text] of Object.entries(set.channel)) {
        expect({ field, placeholders: text.match(/\{\w+\}/g) }).toEqual({ field, placeholders: null });
      }
    });

    it('keeps button titles within the 20 characters messaging channels allow', () => {
      expect(set.quickReplies.talkToPerson.length).toBeLessThanOrEqual(20);
      expect(set.quickReplies.noThanks.length).toBeLessThanOrEqual(20);
      expect(set.channel.chooseOption.length).toBeLessThanOrEqual(20);
    });

    it('lists between 15 and 40 greetings and some fillers', () => {
      expect(set.greetings.length).toBeGreaterThanOrEqual(15);
      expect(set.greetings.length).toBeLessThanOrEqual(40);
      expect(set.greetingFillers.length).toBeGreaterThan(0);
    });

    it('lists greetings and fillers lowercase, NFC-normalised, without punctuation and without duplicates', () => {
      const words = [...set.greetings, ...set.greetingFillers];
      for (const word of words) {
        expect(word.trim()).toBe(word);
        expect(word.length).toBeGreaterThan(0);
        expect(word).toBe(word.toLowerCase());
        expect(word).toBe(word.normalize('NFC'));
        expect(word).not.toMatch(/[\p{P}\p{S}]/u);
      }
      expect(new Set(words).size).toBe(words.length);
    });
  });
});

describe('templatesFor', () => {
  it('returns the set for a plain language code', () => {
    expect(templatesFor('es').language).toBe('es');
    expect(templatesFor('ja').language).toBe('ja');
  });

  it('falls back to English for unknown, empty or missing languages', () => {
    expect(templatesFor('xx').language).toBe('en');
    expect(templatesFor('').language).toBe('en');
    expect(templatesFor(undefined).language).toBe('en');
  });

  it('maps region and script tags to their language', () => {
    expect(templatesFor('es-MX').language).toBe('es');
    expect(templatesFor('zh-CN').language).toBe('zh');
    expect(templatesFor('zh-Hans').language).toBe('zh');
    expect(templatesFor('zh-TW').language).toBe('zh');
    expect(templatesFor('zh-Hant-TW').language).toBe('zh');
    expect(templatesFor('pt-BR').language).toBe('pt');
    expect(templatesFor('pt_BR').language).toBe('pt');
  });

  it('ignores case', () => {
    expect(templatesFor('FR').language).toBe('fr');
    expect(templatesFor('Es-mx').language).toBe('es');
  });

  it('understands the legacy Indonesian code sent by Android', () => {
    expect(templatesFor('in-ID').language).toBe('id');
  });
});

describe('renderTemplate', () => {
  it('replaces known placeholders', () => {
    expect(renderTemplate('Hi! I am the {store} assistant.', { store: 'Acme' })).toBe('Hi! I am the Acme assistant.');
  });

  it('replaces every occurrence of a placeholder', () => {
    expect(renderTemplate('{a} and {a}', { a: 'x' })).toBe('x and x');
  });

  it('leaves unknown placeholders as they are', () => {
    expect(renderTemplate('{store} ships to {country}', { store: 'Acme' })).toBe('Acme ships to {country}');
  });

  it('does not treat inherited object properties as variables', () => {
    expect(renderTemplate('{toString}', {})).toBe('{toString}');
  });
});
