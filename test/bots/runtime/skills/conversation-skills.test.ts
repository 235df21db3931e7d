/**
 * The understanding-driven conversation skills, through the real policy (`decideTurn`) and the real skill list,
 * with hand-built understandings: what the NLU "said" is stated by each test, so the decisions are exact.
 */
import { complaintSkill, humanAgentIntentSkill, notUnderstoodSkill } from '../../../../bots/runtime/skills/conversation-skills';
import { fallbackSkill, humanAgentRequestSkill } from '../../../../bots/runtime/skills/foundation-skills';
import { decideTurn } from '../../../../bots/runtime/skills/policy';
import { payloads } from '../../../../bots/runtime/skills/skill';
import { defaultSkills } from '../../../../bots/runtime/skills/skill-list';
import { TOPIC_INTENTS } from '../../../../bots/runtime/skills/topics';
import { renderTemplate, templatesFor } from '../../../../bots/runtime/templates';
import { skillTextsFor } from '../../../../bots/runtime/templates/skills';
import { emailEntity, skillTurn, TEST_STORE_NAME, understood, type TurnOptions } from '../../../support/skill-turns';

const en = templatesFor('en');
const enTexts = skillTextsFor('en');
const personButtons = (language: string) => [
  { title: templatesFor(language).quickReplies.talkToPerson, payload: payloads.humanAgent },
  { title: templatesFor(language).quickReplies.noThanks, payload: payloads.declineAgent },
];

function decide(text: string, options: TurnOptions = {}) {
  return decideTurn(skillTurn(text, options), defaultSkills);
}

describe('conversation skills (decideTurn over defaultSkills)', () => {
  describe('when the shopper asks for a person in words', () => {
    it('hands over to waiting_agent with the handoff notice, forgets the half-finished flow, keeps the order', async () => {
      const decision = await decide('I want to talk to a real person', {
        understanding: understood('human_agent', 0.92),
        dialogue: { awaiting: { skill: 'order_status', slot: 'order_number' }, orderNumber: 'A1B2C3', askedTimes: 1 },
      });
      expect(decision.skill).toBe('human-agent-intent');
      expect(decision.nextState).toBe('waiting_agent');
      expect(decision.replies).toEqual([{ text: en.handoffRequested, language: 'en', notice: { kind: 'handoff', text: en.handoffRequested } }]);
      // The agents' thread shows the order the conversation was about.
      expect(decision.dialogue).toEqual({ orderNumber: 'A1B2C3' });
    });

    it('tells the expected wait when the handoff can estimate it', async () => {
      const decision = await decide('I want to talk to a real person', {
        understanding: understood('human_agent', 0.92),
        services: { handoff: { expectedWaitMinutes: () => Promise.resolve(7) } },
      });
      expect(decision.replies[0]?.text).toBe(`${en.handoffRequested} Expected wait: about 7 min.`);
    });

    it('answers in the shopper language', async () => {
      const ja = templatesFor('ja');
      const decision = await decide('人と話したい', { language: 'ja', understanding: understood('human_agent', 0.8) });
      expect(decision.replies[0]?.text).toBe(ja.handoffRequested);
      expect(decision.replies[0]?.language).toBe('ja');
    });

    it('does not hand over when the intent is below the confidence threshold', async () => {
      const decision = await decide('talk', { understanding: understood('human_agent', 0.3) });
      expect(decision.skill).toBe('not-understood');
      expect(decision.nextState).toBeUndefined();
    });

    it('moves a closed conversation straight to waiting_agent', async () => {
      const decision = await decide('agent please', { state: 'closed', understanding: understood('human_agent', 0.9) });
      expect(decision.nextState).toBe('waiting_agent');
    });
  });

  describe('when the shopper is frustrated', () => {
    it('hands over with the complaint apology at the frustration threshold, whatever the intent', async () => {
      const decision = await decide('WHERE IS MY ORDER?!?! worst service ever', {
        understanding: understood('order_status', 0.95, { frustration: 0.6 }),
      });
      expect(decision.skill).toBe('complaint');
      expect(decision.nextState).toBe('waiting_agent');
      expect(decision.replies).toEqual([{ text: enTexts.complaintHandoff, language: 'en', notice: { kind: 'handoff', text: en.handoffRequested } }]);
      expect(decision.dialogue).toEqual({});
    });

    it('hands over when the frustration alone is high and the intent is unclear', async () => {
      const decision = await decide('!!!!!!', { understanding: understood('greeting', 0.1, { frustration: 0.95 }) });
      expect(decision.skill).toBe('complaint');
      expect(decision.nextState).toBe('waiting_agent');
    });

    it('keeps the bot on just below the threshold', async () => {
      const decision = await decide('hello??', { understanding: understood('greeting', 0.9, { frustration: 0.59 }) });
      expect(decision.skill).toBe('greeting-intent');
      expect(decision.nextState).toBeUndefined();
    });

    it('follows the workspace threshold', async () => {
      const understanding = understood('greeting', 0.9, { frustration: 0.7 });
      expect((await decide('hi!!!', { understanding, policy: { frustrationHandoff: 0.9 } })).skill).toBe('greeting-intent');
      expect((await decide('hi!!!', { understanding, policy: { frustrationHandoff: 0.7 } })).skill).toBe('complaint');
    });

    it('keeps the bot on when the workspace switched those handoffs off', async () => {
      const off = { handoffOn: { complaint: false, frustration: false, notUnderstood: false } };
      expect((await decide('hi!!!', { understanding: understood('greeting', 0.9, { frustration: 0.9 }), policy: off })).skill).toBe('greeting-intent');
      expect((await decide('I want to complain', { understanding: understood('complaint', 0.9), policy: off })).nextState).toBeUndefined();
      const confused = await decide('blorf', { understanding: understood('greeting', 0.1), dialogue: { notUnderstood: 5 }, policy: off });
      expect(confused.skill).toBe('not-understood');
      expect(confused.nextState).toBeUndefined();
    });

    it('hands a calm complaint to a person with the apology in the shopper language', async () => {
      const decision = await decide('Quiero poner una reclamación', { language: 'es', understanding: understood('complaint', 0.85) });
      expect(decision.nextState).toBe('waiting_agent');
      expect(decision.replies[0]?.text).toBe(skillTextsFor('es').complaintHandoff);
    });
  });

  describe('when the conversation already waits for a person', () => {
    it('the policy keeps the bot silent even for a complaint', async () => {
      const decision = await decide('still waiting, this is terrible', {
        state: 'waiting_agent',
        understanding: understood('complaint', 0.9, { frustration: 0.9 }),
      });
      expect(decision).toEqual({ skill: null, replies: [] });
    });

    it('a handoff skill asked directly says the shopper is already waiting, without a new notice or state', async () => {
      const turn = skillTurn('agent', { state: 'waiting_agent', understanding: understood('human_agent', 0.9) });
      for (const skill of [humanAgentIntentSkill, complaintSkill]) {
        const outcome = await skill.respond(turn);
        expect(outcome.replies).toEqual([{ text: en.handoffAlreadyWaiting, language: 'en' }]);
        expect(outcome.nextState).toBeUndefined();
      }
    });
  });

  describe('when the intent is a topic without its module yet', () => {
    it.each(TOPIC_INTENTS.map((topic) => [topic]))('answers %s with the interim text naming the topic and offers a person', async (topic) => {
      const decision = await decide('question', { understanding: understood(topic, 0.8), dialogue: { notUnderstood: 1, orderNumber: 'A1B2C3' } });
      expect(decision.skill).toBe('interim-topic');
      expect(decision.nextState).toBeUndefined();
      expect(decision.replies).toEqual([{ text: renderTemplate(enTexts.interim, { topic: enTexts.topics[topic] }), language: 'en', quickReplies: personButtons('en') }]);
      expect(decision.replies[0]?.text).toContain(enTexts.topics[topic]);
      expect(decision.dialogue).toEqual({ orderNumber: 'A1B2C3', notUnderstood: undefined });
    });

    it.each([['de'], ['ja'], ['zh'], ['ar']])('names the topic in %s', async (language) => {
      const texts = skillTextsFor(language);
      const decision = await decide('x', { language, understanding: understood('return_item', 0.8) });
      expect(decision.replies[0]?.text).toContain(texts.topics.return_item);
      expect(decision.replies[0]?.quickReplies).toEqual(personButtons(language));
    });
  });

  describe('when the message is out of scope', () => {
    it('says what the bot can help with, naming the store', async () => {
      const decision = await decide('what is the capital of France', { understanding: understood('out_of_scope', 0.97) });
      expect(decision.skill).toBe('out-of-scope');
      expect(decision.nextState).toBeUndefined();
      expect(decision.replies[0]).toMatchObject({ text: renderTemplate(enTexts.outOfScope, { store: TEST_STORE_NAME }), language: 'en' });
      expect(decision.replies[0]?.text).toContain(TEST_STORE_NAME);
    });

    it('treats an in-scope intent below the classifier threshold as not understood, not as out of scope', async () => {
      const decision = await decide('hmm order maybe', {
        understanding: understood('order_status', 0.3, { decided: 'out_of_scope', ranking: [{ intent: 'order_status', confidence: 0.3 }, { intent: 'out_of_scope', confidence: 0.2 }] }),
      });
      expect(decision.skill).toBe('not-understood');
    });
  });

  describe('when the bot does not understand', () => {
    const unclear = understood('order_status', 0.2);

    it('asks to rephrase, offers a person, and counts the turn', async () => {
      const decision = await decide('blorf zangle', { understanding: unclear, dialogue: { orderNumber: 'A1B2C3' } });
      expect(decision.skill).toBe('not-understood');
      expect(decision.nextState).toBeUndefined();
      expect(decision.replies).toEqual([{ text: enTexts.notUnderstood, language: 'en', quickReplies: personButtons('en') }]);
      expect(decision.dialogue).toEqual({ orderNumber: 'A1B2C3', notUnderstood: 1 });
    });

    it('hands over at the notUnderstoodHandoff-th turn in a row', async () => {
      const decision = await decide('wibble wobble', { understanding: unclear, dialogue: { notUnderstood: 1 } });
      expect(decision.nextState).toBe('waiting_agent');
      expect(decision.replies).toEqual([{ text: enTexts.notUnderstoodHandoff, language: 'en', notice: { kind: 'handoff', text: en.handoffRequested } }]);
      expect(decision.dialogue).toEqual({});
    });

    it('follows the workspace streak length', async () => {
      const policy = { notUnderstoodHandoff: 3 };
      const second = await decide('?', { understanding: unclear, dialogue: { notUnderstood: 1 }, policy });
      expect(second.nextState).toBeUndefined();
      expect(second.dialogue).toEqual({ notUnderstood: 2 });
      expect((await decide('?', { understanding: unclear, dialogue: { notUnderstood: 2 }, policy })).nextState).toBe('waiting_agent');
    });

    it('hands over on the first miss when the streak length is 1', async () => {
      expect((await decide('?', { understanding: unclear, policy: { notUnderstoodHandoff: 1 } })).nextState).toBe('waiting_agent');
    });

    it('resets the streak once a message is understood', async () => {
      const decision = await decide('thanks', { understanding: understood('thanks', 0.9), dialogue: { notUnderstood: 1 } });
      expect(decision.dialogue?.notUnderstood).toBeUndefined();
    });
  });

  describe('greeting, goodbye and thanks', () => {
    it('greets with the store greeting when the model says greeting', async () => {
      const decision = await decide('yo', { understanding: understood('greeting', 0.9) });
      expect(decision.skill).toBe('greeting-intent');
      expect(decision.replies[0]?.text).toBe(renderTemplate(en.greeting, { store: TEST_STORE_NAME }));
    });

    it('says goodbye and drops a pending question but keeps the order in memory', async () => {
      const decision = await decide('bye', {
        understanding: understood('goodbye', 0.9),
        dialogue: { awaiting: { skill: 'order_status', slot: 'order_number' }, askedTimes: 1, orderNumber: 'A1B2C3' },
      });
      expect(decision.skill).toBe('goodbye');
      expect(decision.replies).toEqual([{ text: enTexts.goodbye, language: 'en' }]);
      expect(decision.dialogue).toEqual({ awaiting: undefined, askedTimes: undefined, orderNumber: 'A1B2C3', notUnderstood: undefined });
    });

    it.each([['en'], ['fr'], ['ko']])('answers thanks in %s', async (language) => {
      const decision = await decide('thanks', { language, understanding: understood('thanks', 0.9) });
      expect(decision.skill).toBe('thanks');
      expect(decision.replies).toEqual([{ text: skillTextsFor(language).thanks, language }]);
      expect(decision.nextState).toBeUndefined();
    });
  });

  describe('without an understanding (no intent model live yet)', () => {
    it('answers with the foundation fallback and its person offer', async () => {
      const decision = await decide('where is my order A1B2C3?');
      expect(decision.skill).toBe('fallback');
      expect(decision.replies).toEqual([{ text: en.fallback, language: 'en', quickReplies: personButtons('en') }]);
    });

    it('still greets with the lexicon greeting', async () => {
      expect((await decide('hello')).skill).toBe('greeting');
    });

    it('still hands over on the person button', async () => {
      expect((await decide('Talk to a person', { payload: payloads.humanAgent })).nextState).toBe('waiting_agent');
    });

    it('never counts a not-understood turn', async () => {
      expect(notUnderstoodSkill.matches(skillTurn('blorf'))).toBe(false);
    });
  });

  describe('the order of defaultSkills', () => {
    it('starts with the person button and ends with the fallback, not-understood just before it', () => {
      expect(defaultSkills[0]).toBe(humanAgentRequestSkill);
      expect(defaultSkills.at(-1)).toBe(fallbackSkill);
      expect(defaultSkills.at(-2)).toBe(notUnderstoodSkill);
      expect(new Set(defaultSkills.map((s) => s.name)).size).toBe(defaultSkills.length);
    });

    it('lets a pending e-mail answer win over a human_agent-looking intent', async () => {
      const address = 'someone.else@example.com';
      const decision = await decide(address, {
        understanding: understood('human_agent', 0.95, { entities: [emailEntity(address)] }),
        dialogue: { awaiting: { skill: 'order_status', slot: 'email' }, orderNumber: 'A1B2C3' },
      });
      expect(decision.skill).toBe('pending-answer');
      expect(decision.nextState).toBeUndefined();
    });

    it('lets a request for a person win over a pending question the message does not answer', async () => {
      const decision = await decide('I want to talk to a person', {
        understanding: understood('human_agent', 0.95),
        dialogue: { awaiting: { skill: 'order_status', slot: 'email' }, orderNumber: 'A1B2C3' },
      });
      expect(decision.skill).toBe('human-agent-intent');
      expect(decision.nextState).toBe('waiting_agent');
    });

    it('lets frustration win over a pending question', async () => {
      const decision = await decide('this is ridiculous!!!', {
        understanding: understood('order_status', 0.6, { frustration: 0.8 }),
        dialogue: { awaiting: { skill: 'order_status', slot: 'order_number' } },
      });
      expect(decision.skill).toBe('complaint');
    });

    it('lets the person button win over a pending answer', async () => {
      const address = 'li.wei@example.com';
      const decision = await decide(address, {
        payload: payloads.humanAgent,
        understanding: understood('order_status', 0.9, { entities: [emailEntity(address)] }),
        dialogue: { awaiting: { skill: 'order_status', slot: 'email' }, orderNumber: 'A1B2C3' },
      });
      expect(decision.skill).toBe('human-agent-request');
    });

    it('lets the decline button win over a not-understood turn', async () => {
      const decision = await decide('No, thanks', { payload: payloads.declineAgent, understanding: understood('order_status', 0.1) });
      expect(decision.skill).toBe('decline-agent');
      expect(decision.dialogue).toBeUndefined();
    });
  });
});
