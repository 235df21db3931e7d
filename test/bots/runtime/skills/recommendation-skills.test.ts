import { decideTurn } from '../../../../bots/runtime/skills/policy';
import { defaultSkills } from '../../../../bots/runtime/skills/skill-list';
import { withRiskSkills } from '../../../../bots/runtime/skills/risk-skills';
import { recommendationSkill, withRecommendationSkills } from '../../../../bots/runtime/skills/recommendation-skills';
import type { DialogueState } from '../../../../bots/runtime/dialogue/dialogue-state';
import type { Turn, TurnOutcome } from '../../../../bots/runtime/skills/skill';
import { skillTextsFor } from '../../../../bots/runtime/templates/skills';
import { skillTurn, understood } from '../../../support/skill-turns';
import { chatRecommendations, STORE_PRODUCTS } from './recommendation-fixture';

const skills = withRecommendationSkills(withRiskSkills(defaultSkills));
const es = skillTextsFor('es').recommendation;

/** A Spanish shopper's turn with the recommendation intent (unless `intent` says otherwise). */
function turn(text: string, setup: ReturnType<typeof chatRecommendations>, options: { dialogue?: DialogueState; payload?: string; intent?: string | null; language?: string } = {}): Turn {
  const intent = options.intent === undefined ? 'product_recommendation' : options.intent;
  return skillTurn(text, {
    language: options.language ?? 'es',
    services: { recommendations: setup.recommendations },
    ...(intent ? { understanding: understood(intent, 0.9) } : { understanding: understood('out_of_scope', 0.2) }),
    ...(options.dialogue ? { dialogue: options.dialogue } : {}),
    ...(options.payload ? { payload: options.payload } : {}),
  });
}

async function run(t: Turn) {
  return decideTurn(t, skills);
}

const cardsOf = (outcome: TurnOutcome) => outcome.replies.flatMap((reply) => reply.cards ?? []);
const category = (productId: string) => STORE_PRODUCTS.find((p) => p.id === productId)?.category;

describe('the recommendation skills', () => {
  describe('when the request is too vague', () => {
    it('asks one question in the shopper’s language, with the store’s biggest categories as buttons', async () => {
      const setup = chatRecommendations();
      const outcome = await run(turn('Recomiéndame algo', setup));
      expect(outcome.skill).toBe('recommendation');
      expect(outcome.replies).toHaveLength(1);
      expect(outcome.replies[0]!.text).toBe(es.askPreference);
      expect(cardsOf(outcome)).toHaveLength(0);
      // Shoes (5 available) first, named in Spanish; the payload keeps the store's category.
      expect(outcome.replies[0]!.quickReplies?.[0]).toEqual({ title: 'Calzado', payload: 'rec_category:Shoes' });
      expect(outcome.replies[0]!.quickReplies?.map((q) => q.title)).toEqual(['Calzado', 'Ropa de running', 'Accesorios', 'Outdoor']);
      expect(outcome.dialogue?.recommendation?.asked).toBe(true);
    });

    it('answers with cards after the question, whatever the answer, and never asks twice', async () => {
      const setup = chatRecommendations();
      const first = await run(turn('Recomiéndame algo', setup));
      // "whatever" is not a recommendation intent: it still answers the question.
      const second = await run(turn('lo que sea', setup, { dialogue: first.dialogue!, intent: null }));
      expect(second.skill).toBe('recommendation');
      expect(cardsOf(second).length).toBeGreaterThan(0);
      expect(second.dialogue?.recommendation?.asked).toBeUndefined();
    });

    it('answers straight away when the shopper’s history ranks the products', async () => {
      const setup = chatRecommendations({ 'cust-1': ['tee'] });
      const outcome = await run(turn('Recomiéndame algo', setup));
      expect(cardsOf(outcome).length).toBeGreaterThan(0);
      expect(cardsOf(outcome)[0]!.subtitle).toBe('Porque lo viste');
    });
  });

  describe('when the shopper says what they want', () => {
    it('reads the kind of product from the words of the store’s Spanish titles and answers with Spanish cards', async () => {
      const setup = chatRecommendations();
      const outcome = await run(turn('¿Me recomiendas unas zapatillas para correr?', setup));
      const cards = cardsOf(outcome);
      expect(cards.length).toBeGreaterThan(0);
      expect(cards.every((card) => category(card.productId) === 'Shoes')).toBe(true);
      expect(outcome.replies[0]!.text).toBe(es.intro);
      const [card] = cards;
      expect(card!.title).toMatch(/^Zapatilla/);
      expect(card!.price?.currency).toBe('EUR');
      expect(card!.imageUrl).toMatch(/^https:\/\/shop\.example\.com\/images\//);
      expect(card!.subtitle).toBe('Popular');
      expect(card!.actions).toEqual([{ title: es.moreLikeThis, payload: `rec_similar:${card!.productId}` }]);
      // The link is the signed click link, holding this conversation's shopper and the card's position.
      expect(card!.url).toMatch(/^https:\/\/chat\.example\.com\/r\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/);
      const token = card!.url!.slice('https://chat.example.com/r/'.length);
      expect(setup.tokens.verify(token)).toMatchObject({ workspaceId: 'ws-1', productId: card!.productId, conversationId: 'conv-1', customerId: 'cust-1', channel: 'webchat', position: 1 });
      // The query asks for Spain and euros, and the skill keeps no quick replies next to the cards.
      expect(setup.serving.queries[0]).toMatchObject({ country: 'ES', currency: 'EUR', language: 'es', limit: 4, rules: { categories: ['Shoes'] } });
      expect(outcome.replies[0]!.quickReplies).toBeUndefined();
    });

    it('shows only products in stock that ship to the shopper', async () => {
      const setup = chatRecommendations();
      const outcome = await run(turn('zapatillas', setup, { dialogue: {} }));
      const shown = cardsOf(outcome).map((card) => card.productId);
      expect(shown).not.toContain('shoe-kids');
      expect(shown).not.toContain('shoe-us');
    });

    it('turns a budget into a price rule in the currency written', async () => {
      const setup = chatRecommendations();
      const outcome = await run(turn('Algo para correr por menos de 50 €', setup));
      expect(setup.serving.queries[0]?.rules?.price).toEqual({ maxMinor: 5000 });
      expect(setup.serving.queries[0]?.currency).toBe('EUR');
      const cards = cardsOf(outcome);
      expect(cards.length).toBeGreaterThan(0);
      expect(cards.every((card) => (card.price?.amount ?? Infinity) <= 50)).toBe(true);
      expect(outcome.dialogue?.recommendation?.price).toEqual({ currency: 'EUR', maxMinor: 5000 });
    });

    it('reads a category button of the clarifying question', async () => {
      const setup = chatRecommendations();
      const outcome = await run(turn('Accesorios', setup, { payload: 'rec_category:Accessories', intent: null }));
      expect(outcome.skill).toBe('recommendation-button');
      expect(cardsOf(outcome).map((card) => category(card.productId))).toEqual(['Accessories', 'Accessories']);
    });
  });

  describe('after cards were shown', () => {
    async function shown(setup: ReturnType<typeof chatRecommendations>) {
      const outcome = await run(turn('zapatillas', setup));
      return { outcome, cards: cardsOf(outcome).map((card) => card.productId) };
    }

    it('remembers the cards in order and every product shown', async () => {
      const setup = chatRecommendations();
      const { outcome, cards } = await shown(setup);
      expect(outcome.dialogue?.recommendation).toMatchObject({ cards, shown: cards, categories: ['Shoes'] });
    });

    it.each([
      ['algo como el segundo', 'es'],
      ['more like the second one', 'en'],
      ['quiero ver la segunda', 'es'],
    ])('“%s” asks for products similar to the second card, without repeating any card', async (text, language) => {
      const setup = chatRecommendations();
      const { outcome, cards } = await shown(setup);
      const next = await run(turn(text, setup, { dialogue: outcome.dialogue!, intent: null, language }));
      expect(next.skill).toBe('recommendation');
      expect(setup.serving.queries[1]).toMatchObject({ seedProductId: cards[1] });
      expect(setup.serving.queries[1]?.rules?.excludeProductIds).toEqual(cards);
      const again = cardsOf(next).map((card) => card.productId);
      expect(again.length).toBeGreaterThan(0);
      expect(again.filter((id) => cards.includes(id))).toEqual([]);
      const title = STORE_PRODUCTS.find((p) => p.id === cards[1])!;
      expect(next.replies[0]!.text).toBe(skillTextsFor(language).recommendation.similarIntro.replace('{product}', language === 'es' ? title.names.es! : title.name));
      expect(next.dialogue?.recommendation?.shown).toEqual([...cards, ...again]);
    });

    it('records a press of “More like this” as a click on that card, and answers with similar products', async () => {
      const setup = chatRecommendations();
      const { outcome, cards } = await shown(setup);
      const next = await run(turn('Más como este', setup, { dialogue: outcome.dialogue!, payload: `rec_similar:${cards[2]}`, intent: null }));
      expect(next.skill).toBe('recommendation-button');
      expect(setup.recorded).toEqual([
        expect.objectContaining({ type: 'recommendation_click', productId: cards[2], customerId: 'cust-1', source: 'chat:webchat', context: { via: 'button', conversationId: 'conv-1', position: 3 } }),
      ]);
      expect(setup.recorded[0]!.eventId).toMatch(/^rcb:/);
      expect(setup.serving.queries[1]).toMatchObject({ seedProductId: cards[2] });
    });

    it('does not take an ordinal word in a long message about something else as a card', async () => {
      const setup = chatRecommendations();
      const { outcome } = await shown(setup);
      const other = turn('es la segunda vez que pregunto por el estado de mi pedido A1B2C3', setup, { dialogue: outcome.dialogue!, intent: 'order_status' });
      expect(recommendationSkill.matches(other)).toBe(false);
    });
  });

  describe('without the recommender', () => {
    it('leaves the request to the interim answer', async () => {
      const outcome = await decideTurn(skillTurn('Recomiéndame algo', { language: 'es', understanding: understood('product_recommendation', 0.9) }), skills);
      expect(outcome.skill).toBe('interim-topic');
    });
  });

  it('puts the button skill after the person buttons and the request skill before the pending question', () => {
    const names = skills.map((s) => s.name);
    expect(names.indexOf('recommendation-button')).toBe(names.indexOf('decline-agent') + 1);
    expect(names.indexOf('recommendation')).toBe(names.indexOf('pending-question') - 1);
    expect(names.indexOf('recommendation')).toBeGreaterThan(names.indexOf('complaint'));
  });
});
