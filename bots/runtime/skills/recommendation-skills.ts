/**
 * Product recommendations in the conversation. A request with nothing to go on (no kind of product, no product, no
 * budget, and no history of the shopper worth ranking by) gets ONE clarifying question with the store's biggest
 * categories as buttons; otherwise, and after that question whatever the answer, up to four product cards: title
 * in the shopper's language, price in their currency where the store set one, image, a tracked link, the reason as
 * subtitle, and "More like this". Only products in stock that ship to the shopper's country are shown (the serving
 * rules), and none twice in a conversation. "More like the second one", "algo como el segundo", "2" typed under the
 * cards, or the button ask for products similar to that card; the button also counts as a click.
 */
import { currencyExponent } from '../../../commerce';
import type { RecommendationQuery, RecommendationResult } from '../../../recommender/serving/serving-types';
import type { RecommendationMemory } from '../dialogue/dialogue-state';
import type { ProductCard, QuickReply } from '../reply';
import type { ChatRecommendations } from './recommendation-services';
import { mentionsWishes, pointedCard, readWishes, recommendationPayloads, type RecommendationWishes } from './recommendation-request';
import { shopperPlace, type ShopperPlace } from './recommendation-shopper';
import type { CatalogueVocabulary } from './recommendation-vocabulary';
import type { Skill, Turn, TurnOutcome } from './skill';
import { confidentIntent, remember, say } from './turn-helpers';

/** Cards per answer. */
const CARDS_PER_ANSWER = 4;
/** Products remembered as shown (never shown again in the conversation). */
const SHOWN_LIMIT = 60;
/** Categories offered as buttons by the clarifying question. */
const CATEGORY_BUTTONS = 4;
/** Intents a reply to the clarifying question may be classified as and still be its answer. */
const ANSWER_INTENTS = new Set(['product_recommendation', 'product_availability', 'size_guide', 'shipping_info']);
/** Messages this short that point at a card are about it ("the second one", "algo como el segundo"). */
const SHORT_MESSAGE_WORDS = 6;

const INTENT = 'product_recommendation';

function memoryOf(turn: Turn): RecommendationMemory {
  return turn.dialogue.recommendation ?? {};
}

/** True when the message answers the pending clarifying question rather than changing the subject. */
function answersQuestion(turn: Turn): boolean {
  if (!memoryOf(turn).asked) return false;
  const intent = confidentIntent(turn);
  return intent === undefined || ANSWER_INTENTS.has(intent) || mentionsWishes(turn);
}

/** True when a short message, or a recommendation request, points at one of the last cards. */
function pointsAtCard(turn: Turn): boolean {
  const cards = memoryOf(turn).cards ?? [];
  if (!cards.length || pointedCard(turn, cards.length) === undefined) return false;
  return confidentIntent(turn) === INTENT || turn.text.trim().split(/\s+/).length <= SHORT_MESSAGE_WORDS;
}

/** The category buttons of the clarifying question: the store's biggest categories, named in the shopper's language. */
function categoryButtons(turn: Turn, vocabulary: CatalogueVocabulary): QuickReply[] {
  const names = turn.texts.recommendation.categories;
  return vocabulary.topCategories.slice(0, CATEGORY_BUTTONS).map((category) => ({
    title: (names[category.toLowerCase()]?.[0] ?? category).slice(0, 20),
    payload: `${recommendationPayloads.category}${category}`,
  }));
}

function money(amountMinor: number, currency: string): ProductCard['price'] {
  return { amount: amountMinor / 10 ** currencyExponent(currency), currency };
}

function cardsOf(turn: Turn, result: RecommendationResult, recommendations: ChatRecommendations): ProductCard[] {
  return result.products.map(({ product, reason }, index) => ({
    productId: product.id,
    title: product.title,
    ...(reason.text ? { subtitle: reason.text } : {}),
    price: money(product.price.amountMinor, product.price.currency),
    ...(product.imageUrl ? { imageUrl: product.imageUrl } : {}),
    ...(product.url
      ? {
          url: recommendations.cardLink({
            workspaceId: turn.conversation.workspace_id,
            productId: product.id,
            conversationId: turn.conversation.id,
            customerId: turn.conversation.customer_id,
            channel: turn.conversation.channel,
            position: index + 1,
          }),
        }
      : {}),
    actions: [{ title: turn.texts.recommendation.moreLikeThis, payload: `${recommendationPayloads.similar}${product.id}` }],
  }));
}

/** The query for the wishes (the remembered ones fill in what this message does not say). */
function queryFor(turn: Turn, wishes: RecommendationWishes, memory: RecommendationMemory, place: ShopperPlace): RecommendationQuery {
  const seed = wishes.seedProductId;
  // "Similar to this" ranks by the product; the kind of product it is replaces the remembered categories.
  const categories = wishes.categories ?? (seed === undefined ? memory.categories : undefined);
  const price = wishes.price ?? memory.price;
  return {
    workspaceId: turn.conversation.workspace_id,
    subject: { customerId: turn.conversation.customer_id },
    ...(seed !== undefined ? { seedProductId: seed } : {}),
    limit: CARDS_PER_ANSWER,
    ...(place.country ? { country: place.country } : {}),
    language: turn.language,
    currency: price?.currency ?? place.currency,
    rules: {
      ...(categories?.length ? { categories } : {}),
      ...(price ? { price: { ...(price.minMinor !== undefined ? { minMinor: price.minMinor } : {}), ...(price.maxMinor !== undefined ? { maxMinor: price.maxMinor } : {}) } } : {}),
      excludeProductIds: memory.shown ?? [],
    },
  };
}

/** The cards (or the no-result sentence), and the memory after them. */
function answer(turn: Turn, result: RecommendationResult, query: RecommendationQuery, recommendations: ChatRecommendations, vocabulary: CatalogueVocabulary, seedTitle?: string): TurnOutcome {
  const memory = memoryOf(turn);
  const texts = turn.texts.recommendation;
  const kept: RecommendationMemory = {
    ...(query.rules?.categories?.length ? { categories: [...query.rules.categories] } : {}),
    ...(query.rules?.price ? { price: { currency: query.currency as string, ...query.rules.price } } : {}),
  };
  if (!result.products.length) {
    return {
      replies: [say(turn, texts.noResults, {}, { quickReplies: categoryButtons(turn, vocabulary) })],
      dialogue: remember(turn, { recommendation: { ...(memory.shown ? { shown: memory.shown } : {}) } }),
    };
  }
  const ids = result.products.map((p) => p.product.id);
  const intro = seedTitle !== undefined ? say(turn, texts.similarIntro, { product: seedTitle }) : say(turn, result.relaxed ? texts.relaxedIntro : texts.intro);
  return {
    // No quick replies next to the cards: a number typed under them picks a card's button (numbered-choice.ts).
    replies: [{ ...intro, cards: cardsOf(turn, result, recommendations) }],
    dialogue: remember(turn, { recommendation: { ...kept, cards: ids, shown: [...(memory.shown ?? []), ...ids].slice(-SHOWN_LIMIT) } }),
  };
}

async function respond(turn: Turn): Promise<TurnOutcome> {
  const recommendations = turn.services.recommendations as ChatRecommendations;
  const memory = memoryOf(turn);
  const workspaceId = turn.conversation.workspace_id;
  const [place, vocabulary] = await Promise.all([shopperPlace(turn), recommendations.vocabulary(workspaceId, turn.language)]);
  const wishes = readWishes(turn, vocabulary, memory.cards ?? [], place.currency);
  if (wishes.viaButton && wishes.seedProductId !== undefined) {
    await recommendations.recordButtonClick({
      workspaceId,
      productId: wishes.seedProductId,
      conversationId: turn.conversation.id,
      customerId: turn.conversation.customer_id,
      channel: turn.conversation.channel,
      ...(wishes.seedPosition !== undefined ? { position: wishes.seedPosition } : {}),
    });
  }
  // What this message does not say, the earlier wishes of the conversation fill in ("show me more").
  const fresh = wishes.seedProductId === undefined && !wishes.categories && !wishes.price;
  const query = queryFor(turn, wishes, memory, place);
  const result = await recommendations.serving.recommend(query);
  const vague = fresh && !query.rules?.categories?.length && !query.rules?.price;
  // Nothing to go on and no history that ranked these products: ask once (never twice in a row).
  if (vague && !memory.asked && !result.products.some((p) => p.reason.kind === 'history')) {
    return {
      replies: [say(turn, turn.texts.recommendation.askPreference, {}, { quickReplies: categoryButtons(turn, vocabulary) })],
      dialogue: remember(turn, { recommendation: { ...memory, asked: true } }),
    };
  }
  const seedTitle = wishes.seedProductId !== undefined ? vocabulary.titleOf(wishes.seedProductId) : undefined;
  return answer(turn, result, query, recommendations, vocabulary, seedTitle);
}

/** "More like this" and the category buttons of the clarifying question. */
export const recommendationButtonSkill: Skill = {
  name: 'recommendation-button',
  matches: (turn) =>
    turn.services.recommendations !== undefined &&
    (turn.quickReplyPayload?.startsWith(recommendationPayloads.similar) === true || turn.quickReplyPayload?.startsWith(recommendationPayloads.category) === true),
  respond,
};

/** A recommendation request, the answer to the clarifying question, or a pointer at one of the last cards. */
export const recommendationSkill: Skill = {
  name: 'recommendation',
  matches: (turn) => turn.services.recommendations !== undefined && (confidentIntent(turn) === INTENT || answersQuestion(turn) || pointsAtCard(turn)),
  respond,
};

/**
 * `skills` with the recommendation skills in place: the buttons next to the other buttons (after the person/no-thanks
 * ones), the requests before the pending-question handling (a person asked for and complaints still come first).
 * They act only when the turn has the recommendations service; otherwise the interim answer stays.
 */
export function withRecommendationSkills(skills: readonly Skill[]): readonly Skill[] {
  const out = [...skills];
  const afterButtons = out.findIndex((s) => s.name === 'decline-agent');
  out.splice(afterButtons + 1, 0, recommendationButtonSkill);
  const beforePending = out.findIndex((s) => s.name === 'pending-question');
  out.splice(beforePending < 0 ? out.length : beforePending, 0, recommendationSkill);
  return out;
}
