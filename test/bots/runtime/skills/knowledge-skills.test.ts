import { knowledgeAnswerSkill, knowledgeRatingSkill, ratingPayload, type KnowledgeAnswer, type KnowledgeService } from '../../../../bots/runtime/skills/knowledge-skills';
import { defaultSkills } from '../../../../bots/runtime/skills/skill-list';
import { payloads } from '../../../../bots/runtime/skills/skill';
import { OUT_OF_SCOPE } from '../../../../nlu/intents';
import { skillTurn, understood } from '../../../support/skill-turns';

/** A help centre that answers from a fixed table, recording what it was asked and rated. */
class RecordingKnowledge implements KnowledgeService {
  readonly questions: Array<[string, string, string]> = [];
  readonly ratings: unknown[] = [];
  constructor(private readonly result: KnowledgeAnswer) {}
  answer(workspaceId: string, question: string, language: string): Promise<KnowledgeAnswer> {
    this.questions.push([workspaceId, question, language]);
    return Promise.resolve(this.result);
  }
  rate(workspaceId: string, rating: unknown): Promise<void> {
    this.ratings.push([workspaceId, rating]);
    return Promise.resolve();
  }
}

const SPANISH_ARTICLE: KnowledgeAnswer = {
  outcome: 'answer',
  confidence: 0.82,
  article: { slug: 'shipping-europe', title: 'Envíos a Europa', language: 'es', passage: 'El envío estándar tarda de 3 a 6 días laborables.', url: 'https://shop.example/help/demo/shipping-europe?lang=es' },
};

describe('knowledgeAnswerSkill', () => {
  it('quotes the passage in the shopper language with a link and rating buttons tied to the question', async () => {
    const knowledge = new RecordingKnowledge(SPANISH_ARTICLE);
    const turn = skillTurn('¿cuánto tarda el envío a Alemania?', { language: 'es', understanding: understood('shipping_info', 0.9), services: { knowledge } });
    expect(knowledgeAnswerSkill.matches(turn)).toBe(true);
    const outcome = await knowledgeAnswerSkill.respond(turn);
    expect(knowledge.questions).toEqual([['ws-1', '¿cuánto tarda el envío a Alemania?', 'es']]);
    const [reply] = outcome.replies;
    expect(reply?.text).toBe('El envío estándar tarda de 3 a 6 días laborables.\n\nMás información en nuestro centro de ayuda: https://shop.example/help/demo/shipping-europe?lang=es');
    expect(reply?.quickReplies?.map((q) => q.payload)).toEqual([ratingPayload(true, 'shipping-europe', 'es', 'msg-1'), ratingPayload(false, 'shipping-europe', 'es', 'msg-1')]);
  });

  it('notes in one line when the passage is in another language than the shopper writes', async () => {
    const knowledge = new RecordingKnowledge(SPANISH_ARTICLE);
    const turn = skillTurn('Wie lange dauert der Versand?', { language: 'de', understanding: understood('shipping_info', 0.9), services: { knowledge } });
    const [reply] = (await knowledgeAnswerSkill.respond(turn)).replies;
    expect(reply?.text.split('\n\n')[0]).toBe('Diese Antwort gibt es bisher nur auf Spanisch:');
  });

  it('says it is not sure and offers a person rather than guessing', async () => {
    const knowledge = new RecordingKnowledge({ outcome: 'unsure', confidence: 0.1 });
    const turn = skillTurn('do you ship to the moon?', { understanding: understood('shipping_info', 0.8), services: { knowledge } });
    const [reply] = (await knowledgeAnswerSkill.respond(turn)).replies;
    expect(reply?.text).toMatch(/not sure/);
    expect(reply?.quickReplies?.[0]?.payload).toBe(payloads.humanAgent);
  });

  it('answers out-of-scope messages from the help centre, and keeps the out-of-scope reply when it finds nothing', async () => {
    const found = new RecordingKnowledge(SPANISH_ARTICLE);
    const outside = understood(OUT_OF_SCOPE, 0.7);
    expect(knowledgeAnswerSkill.matches(skillTurn('gift wrapping?', { understanding: outside, services: { knowledge: found } }))).toBe(true);
    const none = new RecordingKnowledge({ outcome: 'unsure', confidence: 0 });
    const [reply] = (await knowledgeAnswerSkill.respond(skillTurn('capital of Peru', { understanding: outside, services: { knowledge: none } }))).replies;
    expect(reply?.text).toMatch(/I can't help with that/);
  });

  it('leaves order intents, recommendations, unsure intents and help-centre-less processes to other skills', () => {
    const knowledge = new RecordingKnowledge(SPANISH_ARTICLE);
    expect(knowledgeAnswerSkill.matches(skillTurn('where is my order', { understanding: understood('order_status', 0.9), services: { knowledge } }))).toBe(false);
    expect(knowledgeAnswerSkill.matches(skillTurn('a gift idea', { understanding: understood('product_recommendation', 0.9), services: { knowledge } }))).toBe(false);
    expect(knowledgeAnswerSkill.matches(skillTurn('shipping?', { understanding: understood('shipping_info', 0.3), services: { knowledge } }))).toBe(false);
    expect(knowledgeAnswerSkill.matches(skillTurn('shipping?', { understanding: understood('shipping_info', 0.9) }))).toBe(false);
  });

  it('comes before the interim answer in the skill order', () => {
    const names = defaultSkills.map((s) => s.name);
    expect(names.indexOf('knowledge-answer')).toBeLessThan(names.indexOf('interim-topic'));
    expect(names.indexOf('knowledge-rating')).toBeLessThan(names.indexOf('pending-answer'));
  });
});

describe('knowledgeRatingSkill', () => {
  it('stores a rating for the answered message and thanks; a bad rating also offers a person', async () => {
    const knowledge = new RecordingKnowledge(SPANISH_ARTICLE);
    const good = skillTurn('👍 Helpful', { payload: ratingPayload(true, 'shipping-europe', 'es', 'msg-0'), services: { knowledge } });
    expect(knowledgeRatingSkill.matches(good)).toBe(true);
    expect((await knowledgeRatingSkill.respond(good)).replies[0]?.text).toBe('Thanks for letting us know!');
    const bad = skillTurn('👎', { payload: ratingPayload(false, 'shipping-europe', 'es', 'msg-0'), services: { knowledge } });
    const [reply] = (await knowledgeRatingSkill.respond(bad)).replies;
    expect(reply?.quickReplies?.[0]?.payload).toBe(payloads.humanAgent);
    expect(knowledge.ratings).toEqual([
      ['ws-1', { helpful: true, slug: 'shipping-europe', language: 'es', messageId: 'msg-0', conversationId: 'conv-1' }],
      ['ws-1', { helpful: false, slug: 'shipping-europe', language: 'es', messageId: 'msg-0', conversationId: 'conv-1' }],
    ]);
  });

  it.each(['kb_rate:2:shipping:es:m', 'kb_rate:1:Bad Slug:es:m', 'kb_rate:1:shipping:spanish:m', 'kb_rate:1:shipping:es', 'other'])('ignores the malformed payload %s', (payload) => {
    expect(knowledgeRatingSkill.matches(skillTurn('x', { payload, services: { knowledge: new RecordingKnowledge(SPANISH_ARTICLE) } }))).toBe(false);
  });
});
