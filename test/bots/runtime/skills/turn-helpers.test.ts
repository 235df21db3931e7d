import { payloads } from '../../../../bots/runtime/skills/skill';
import {
  confidentIntent,
  confirmationButtons,
  entityOf,
  formatDate,
  formatMoney,
  offerPerson,
  remember,
  say,
  yesOrNo,
} from '../../../../bots/runtime/skills/turn-helpers';
import { templatesFor } from '../../../../bots/runtime/templates';
import { skillTextsFor } from '../../../../bots/runtime/templates/skills';
import { emailEntity, orderNumberEntity, skillTurn, understood } from '../../../support/skill-turns';

describe('confidentIntent', () => {
  describe('without an understanding (no intent model live)', () => {
    it('returns undefined', () => {
      expect(confidentIntent(skillTurn('where is my order'))).toBeUndefined();
    });
  });

  describe('with the default threshold of 0.5', () => {
    it('returns the intent at exactly the threshold', () => {
      expect(confidentIntent(skillTurn('x', { understanding: understood('order_status', 0.5) }))).toBe('order_status');
    });

    it('returns the intent above it', () => {
      expect(confidentIntent(skillTurn('x', { understanding: understood('order_cancel', 0.93) }))).toBe('order_cancel');
    });

    it('returns undefined just below it', () => {
      expect(confidentIntent(skillTurn('x', { understanding: understood('order_status', 0.499) }))).toBeUndefined();
    });
  });

  describe('with a workspace threshold', () => {
    it('follows the policy, not the default', () => {
      const understanding = understood('order_status', 0.7);
      expect(confidentIntent(skillTurn('x', { understanding, policy: { minConfidence: 0.8 } }))).toBeUndefined();
      expect(confidentIntent(skillTurn('x', { understanding, policy: { minConfidence: 0.6 } }))).toBe('order_status');
    });
  });

  describe('when the classifier decided out of scope', () => {
    it('returns the decided intent, not the best-ranked one', () => {
      const understanding = understood('order_status', 0.55, { decided: 'out_of_scope' });
      expect(confidentIntent(skillTurn('x', { understanding }))).toBe('out_of_scope');
    });
  });
});

describe('entityOf', () => {
  it('returns the first entity of the asked type', () => {
    const understanding = understood('order_status', 0.9, {
      entities: [emailEntity('a@example.com'), orderNumberEntity('A1B2C3', 20), orderNumberEntity('B7K9Q2', 30)],
    });
    expect(entityOf(skillTurn('x', { understanding }), 'order_number')?.value.normalized).toBe('A1B2C3');
    expect(entityOf(skillTurn('x', { understanding }), 'email')?.value.address).toBe('a@example.com');
  });

  it('returns undefined when the message has none, or nothing was understood', () => {
    expect(entityOf(skillTurn('x', { understanding: understood('greeting', 0.9) }), 'email')).toBeUndefined();
    expect(entityOf(skillTurn('x'), 'email')).toBeUndefined();
  });
});

describe('yesOrNo', () => {
  const answer = (text: string, language = 'en', payload?: string) => yesOrNo(skillTurn(text, { language, ...(payload ? { payload } : {}) }));

  describe('with a quick-reply button', () => {
    it('reads the yes and no payloads whatever the text says', () => {
      expect(answer('no', 'en', payloads.confirmYes)).toBe('yes');
      expect(answer('yes', 'en', payloads.confirmNo)).toBe('no');
      expect(answer('', 'ja', payloads.confirmYes)).toBe('yes');
    });

    it('ignores other payloads and reads the text', () => {
      expect(answer('yes', 'en', payloads.humanAgent)).toBe('yes');
    });
  });

  describe('with a typed answer in English', () => {
    it.each([['yes'], ['Yes!'], ['YES.'], ['yes please'], ['Yes please!'], ['yes please, cancel it'], ['ok'], ['sure thing'], ['ＹＥＳ']])('reads %j as yes', (text) => {
      expect(answer(text)).toBe('yes');
    });

    it.each([['no'], ['No.'], ['nope'], ['no thanks'], ['No, thank you.'], ["don't"], ['Don’t!'], ['do not'], ['never mind']])('reads %j as no', (text) => {
      expect(answer(text)).toBe('no');
    });

    it.each([['yesterday'], ['nothing'], ['noodles'], ['maybe'], ['not sure'], ['where is my order'], [''], ['?!'], ['👍']])('reads %j as neither', (text) => {
      expect(answer(text)).toBeUndefined();
    });
  });

  describe('when a yes word is followed by a no word', () => {
    it.each([
      ['en', "please don't cancel it"],
      ['en', 'yes, no problem'],
      ['en', 'ok, not now'],
      ['ru', 'да, не надо'],
      ['de', 'ja, doch nicht'],
      ['zh', '是的，不要'],
      ['es', 'claro que no'],
    ])('does not read it as yes (%s %j): the question is asked again', (language, text) => {
      expect(answer(text, language)).toBeUndefined();
    });
  });

  describe('in other languages', () => {
    it.each([
      ['es', 'sí, cancélalo', 'yes'],
      ['es', 'Si', 'yes'],
      ['es', 'no gracias', 'no'],
      ['de', 'Ja, bitte', 'yes'],
      ['de', 'nein danke', 'no'],
      ['de', 'Nö', 'no'],
      ['fr', "d'accord", 'yes'],
      ['fr', 'non merci', 'no'],
      ['ja', 'はい', 'yes'],
      ['ja', 'はい、お願いします', 'yes'],
      ['ja', '結構です。', 'no'],
      ['zh', '是的', 'yes'],
      ['zh', '好的，谢谢', 'yes'],
      ['zh', '不用了', 'no'],
      ['ar', 'نعم', 'yes'],
      ['ar', 'لا شكرا', 'no'],
      ['ko', '네', 'yes'],
      ['ko', '아니요', 'no'],
      ['ru', 'да', 'yes'],
      ['ru', 'нет', 'no'],
    ])('reads %s %j as %s', (language, text, expected) => {
      expect(answer(text, language)).toBe(expected);
    });

    it.each([
      ['de', 'jahr'],
      ['zh', '是不是'],
      ['es', 'yes'],
    ])('does not read %s %j as an answer', (language, text) => {
      expect(answer(text, language)).toBeUndefined();
    });

    it('accepts the common English words the language lists carry', () => {
      expect(answer('yes', 'ja')).toBe('yes');
      expect(answer('no', 'zh')).toBe('no');
    });

    it('accepts the confirmation button title typed by hand', () => {
      for (const language of ['en', 'es', 'ja', 'zh', 'ar', 'ko']) {
        const { yes, no } = skillTextsFor(language).confirmation;
        expect([language, answer(yes, language)]).toEqual([language, 'yes']);
        expect([language, answer(no, language)]).toEqual([language, 'no']);
      }
    });
  });
});

describe('remember', () => {
  it('applies the patch, keeps the rest, and resets the not-understood streak', () => {
    const turn = skillTurn('x', { dialogue: { orderNumber: 'A1B2C3', verifiedOrders: ['A1B2C3'], notUnderstood: 1 } });
    expect(remember(turn, { awaiting: { skill: 'order_cancel', slot: 'confirm' } })).toEqual({
      orderNumber: 'A1B2C3',
      verifiedOrders: ['A1B2C3'],
      awaiting: { skill: 'order_cancel', slot: 'confirm' },
      notUnderstood: undefined,
    });
  });

  it('clears fields the patch sets to undefined', () => {
    const turn = skillTurn('x', { dialogue: { awaiting: { skill: 'order_status', slot: 'email' }, askedTimes: 2 } });
    expect(remember(turn, { awaiting: undefined, askedTimes: undefined })).toEqual({ awaiting: undefined, askedTimes: undefined, notUnderstood: undefined });
  });
});

describe('say', () => {
  it('renders the store and the variables in the turn language', () => {
    expect(say(skillTurn('x', { language: 'de' }), '{store}: Bestellung {order}', { order: 'A1B2C3' })).toEqual({
      text: 'Acme Shoes: Bestellung A1B2C3',
      language: 'de',
    });
  });

  it('adds the extra reply fields', () => {
    const turn = skillTurn('x');
    expect(say(turn, 'Sure?', {}, { quickReplies: confirmationButtons(turn) }).quickReplies).toHaveLength(2);
  });
});

describe('confirmationButtons and offerPerson', () => {
  it('titles the yes/no buttons in the turn language with the confirm payloads', () => {
    expect(confirmationButtons(skillTurn('x', { language: 'ja' }))).toEqual([
      { title: 'はい', payload: 'confirm_yes' },
      { title: 'いいえ', payload: 'confirm_no' },
    ]);
  });

  it('offers a person with the template titles of the turn language', () => {
    const es = templatesFor('es');
    expect(offerPerson(skillTurn('x', { language: 'es' }))).toEqual([
      { title: es.quickReplies.talkToPerson, payload: 'human_agent' },
      { title: es.quickReplies.noThanks, payload: 'decline_agent' },
    ]);
  });
});

describe('formatDate', () => {
  const november23 = Date.UTC(2026, 10, 23, 12, 0);

  it.each([
    ['ja', '2026年11月23日'],
    ['zh', '2026年11月23日'],
    ['de', '23. November 2026'],
    ['en', 'November 23, 2026'],
    ['es', '23 de noviembre de 2026'],
  ])('writes the long date in %s as %j', (language, expected) => {
    expect(formatDate(november23, language)).toBe(expected);
  });

  it('writes the Arabic month name', () => {
    const text = formatDate(november23, 'ar');
    expect(text).toContain('نوفمبر');
    expect(text).toMatch(/2026|٢٠٢٦/);
  });

  it('uses the given time zone for the calendar day', () => {
    const lateEvening = Date.UTC(2026, 10, 23, 23, 30);
    expect(formatDate(lateEvening, 'ja')).toBe('2026年11月23日');
    expect(formatDate(lateEvening, 'ja', 'Asia/Tokyo')).toBe('2026年11月24日');
  });
});

describe('formatMoney', () => {
  it.each([
    ['de', 5990, 'EUR', '59,90\u00a0€'],
    ['en', 5990, 'EUR', '€59.90'],
    ['ja', 5990, 'JPY', '￥5,990'],
    ['zh', 123456, 'CNY', '¥1,234.56'],
    ['de', 12345, 'KWD', '12,345\u00a0KWD'],
  ])('writes %s %d minor units of %s as %j', (language, amount, currency, expected) => {
    expect(formatMoney(amount, currency, language)).toBe(expected);
  });

  it('writes euros for an Arabic reader with the amount and the sign', () => {
    const text = formatMoney(5990, 'EUR', 'ar');
    expect(text).toContain('€');
    expect(text).toMatch(/59[.,٫]90|٥٩٫٩٠/);
  });

  it('treats the amount as minor units of the currency (no cents for yen, three decimals for dinars)', () => {
    expect(formatMoney(100, 'JPY', 'en')).toBe('¥100');
    expect(formatMoney(100, 'USD', 'en')).toBe('$1.00');
    expect(formatMoney(1000, 'KWD', 'en')).toMatch(/1\.000/);
  });
});
