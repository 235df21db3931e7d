import {
  declineAgentSkill,
  fallbackSkill,
  foundationSkills,
  greetingSkill,
  humanAgentRequestSkill,
} from '../../../../bots/runtime/skills/foundation-skills';
import { decideTurn } from '../../../../bots/runtime/skills/policy';
import { payloads } from '../../../../bots/runtime/skills/skill';
import { templatesFor } from '../../../../bots/runtime/templates';
import { skillTurn as turn } from '../../../support/skill-turns';

const en = templatesFor('en');

describe('decideTurn with the foundation skills', () => {
  describe('when the bot owns the conversation', () => {
    it('answers a greeting with the greeting naming the store', async () => {
      const decision = await decideTurn(turn('Hello there!'), foundationSkills);
      expect(decision.skill).toBe('greeting');
      expect(decision.replies).toHaveLength(1);
      expect(decision.replies[0]?.text).toBe("Hi! I'm the Acme Shoes assistant. How can I help you today?");
      expect(decision.replies[0]?.language).toBe('en');
      expect(decision.nextState).toBeUndefined();
    });

    it('greets in the turn language', async () => {
      const decision = await decideTurn(turn('hola', { language: 'es' }), foundationSkills);
      expect(decision.replies[0]?.text).toContain('Acme Shoes');
      expect(decision.replies[0]?.text).toBe(templatesFor('es').greeting.replace('{store}', 'Acme Shoes'));
      expect(decision.replies[0]?.language).toBe('es');
    });

    it('answers anything else with the fallback and two quick replies', async () => {
      const decision = await decideTurn(turn('Where is my order #10234?'), foundationSkills);
      expect(decision.skill).toBe('fallback');
      expect(decision.replies).toEqual([
        {
          text: en.fallback,
          language: 'en',
          quickReplies: [
            { title: 'Talk to a person', payload: payloads.humanAgent },
            { title: 'No, thanks', payload: payloads.declineAgent },
          ],
        },
      ]);
      expect(decision.replies[0]?.quickReplies?.map((q) => q.payload)).toEqual(['human_agent', 'decline_agent']);
    });

    it('hands over to the team on the human_agent payload, with a handoff notice', async () => {
      const decision = await decideTurn(turn('Talk to a person', { payload: 'human_agent' }), foundationSkills);
      expect(decision.skill).toBe('human-agent-request');
      expect(decision.nextState).toBe('waiting_agent');
      expect(decision.replies).toHaveLength(1);
      expect(decision.replies[0]?.text).toBe(en.handoffRequested);
      expect(decision.replies[0]?.notice).toEqual({ kind: 'handoff', text: en.handoffRequested });
    });

    it.each([['talk to a person!'], ['Hablar con alguien'], ['转人工客服']])(
      'treats typing the button title %j as pressing it',
      async (text) => {
        expect((await decideTurn(turn(text), foundationSkills)).nextState).toBe('waiting_agent');
      },
    );

    it('acknowledges a decline without changing the state', async () => {
      const decision = await decideTurn(turn('No, thanks', { payload: 'decline_agent' }), foundationSkills);
      expect(decision.skill).toBe('decline-agent');
      expect(decision.replies.map((r) => r.text)).toEqual([en.dismissed]);
      expect(decision.nextState).toBeUndefined();
    });
  });

  describe('when the shopper is waiting for a person', () => {
    it('stays silent on ordinary messages', async () => {
      expect(await decideTurn(turn('hello?', { state: 'waiting_agent' }), foundationSkills)).toEqual({ skill: null, replies: [] });
    });

    it('answers a repeated request for a person, without a new handoff', async () => {
      const decision = await decideTurn(turn('x', { state: 'waiting_agent', payload: 'human_agent' }), foundationSkills);
      expect(decision.skill).toBe('human-agent-request');
      expect(decision.replies.map((r) => r.text)).toEqual([en.handoffAlreadyWaiting]);
      expect(decision.replies[0]?.notice).toBeUndefined();
      expect(decision.nextState).toBeUndefined();
    });

    it('keeps and confirms an e-mail address left for a reply, in the shopper language', async () => {
      const saved: Array<[string, string]> = [];
      const handoff = { expectedWaitMinutes: async () => 5, saveContactEmail: async (customerId: string, email: string) => void saved.push([customerId, email]) };
      const decision = await decideTurn(turn('Mi correo es Ana.Perez@Example.COM, gracias', { state: 'waiting_agent', language: 'es', services: { handoff } }), foundationSkills);
      expect(decision.skill).toBe('waiting-contact-email');
      expect(saved).toEqual([['cust-1', 'Ana.Perez@example.com']]);
      expect(decision.replies.map((r) => r.text)).toEqual([templatesFor('es').emailSaved.replace('{email}', 'Ana.Perez@example.com')]);
      expect(decision.nextState).toBeUndefined();
      // Without the handoff service (no Slack) or without an address, the bot stays silent as before.
      expect(await decideTurn(turn('ana@example.com', { state: 'waiting_agent' }), foundationSkills)).toEqual({ skill: null, replies: [] });
      expect(await decideTurn(turn('no e-mail here', { state: 'waiting_agent', services: { handoff } }), foundationSkills)).toEqual({ skill: null, replies: [] });
    });
  });

  describe('when a person holds the conversation', () => {
    it.each([['hello'], ['where is my order?']])('stays silent on %j', async (text) => {
      expect(await decideTurn(turn(text, { state: 'with_agent' }), foundationSkills)).toEqual({ skill: null, replies: [] });
    });

    it('stays silent even on a request for a person', async () => {
      expect((await decideTurn(turn('x', { state: 'with_agent', payload: 'human_agent' }), foundationSkills)).replies).toEqual([]);
    });
  });

  describe('when the conversation is closed', () => {
    it('reopens it with the bot and answers', async () => {
      const decision = await decideTurn(turn('hi', { state: 'closed' }), foundationSkills);
      expect(decision.skill).toBe('greeting');
      expect(decision.nextState).toBe('bot');
      expect(decision.replies).toHaveLength(1);
    });

    it('lets a request for a person move it straight to waiting_agent', async () => {
      const decision = await decideTurn(turn('x', { state: 'closed', payload: 'human_agent' }), foundationSkills);
      expect(decision.nextState).toBe('waiting_agent');
      expect(decision.replies[0]?.text).toBe(en.handoffRequested);
    });

    it('reopens it even when no skill matches', async () => {
      expect(await decideTurn(turn('anything', { state: 'closed' }), [])).toEqual({ skill: null, replies: [], nextState: 'bot' });
    });
  });

  describe('when several skills match', () => {
    it('uses the first in priority order', async () => {
      // "hi" with the decline payload: decline comes before greeting.
      expect((await decideTurn(turn('hi', { payload: 'decline_agent' }), foundationSkills)).skill).toBe('decline-agent');
    });
  });
});

describe('foundation skills', () => {
  it('come in priority order with the fallback last', async () => {
    expect(foundationSkills).toEqual([humanAgentRequestSkill, declineAgentSkill, greetingSkill, fallbackSkill]);
  });

  it('do not treat a greeting followed by a request as a greeting', async () => {
    expect(greetingSkill.matches(turn('hi, where is my order?'))).toBe(false);
    expect(greetingSkill.matches(turn('hi team'))).toBe(true);
  });

  it('do not treat an unrelated message as a request for a person', async () => {
    expect(humanAgentRequestSkill.matches(turn('I talked to a person yesterday'))).toBe(false);
  });
});
