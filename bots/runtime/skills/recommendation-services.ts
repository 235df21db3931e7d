/**
 * What the recommendation skills need from the recommender (SkillServices.recommendations): the serving face, the
 * catalogue's words in the shopper's language, signed links for the cards, and the recording of "More like this"
 * presses as clicks. Built once per worker from the recommender module's parts.
 */
import type { Logger } from 'pino';
import type { CatalogueCache } from '../../../recommender/catalogue';
import type { EventRecorder } from '../../../recommender/events';
import type { RecommendationService } from '../../../recommender/serving/serving-types';
import type { Redis } from 'ioredis';
import { clickEventId, ClickTokens, resolveClickSecret, type ClickTarget } from '../../../recommender/api/click-token';
import { clickPath, DEFAULT_CLICK_WINDOW_MS } from '../../../recommender/api/click-routes';
import { VocabularyCache, type CatalogueVocabulary } from './recommendation-vocabulary';

/** See the file comment. */
export interface ChatRecommendations {
  serving: RecommendationService;
  /** The catalogue's words and top categories in a language. */
  vocabulary(workspaceId: string, language: string): Promise<CatalogueVocabulary>;
  /** The tracked link of a card (`https://host/r/<token>`): a click is recorded, then the product page opens. */
  cardLink(target: ClickTarget): string;
  /** Records a "More like this" press on a card as a `recommendation_click` (once per card within a few minutes). */
  recordButtonClick(target: ClickTarget): Promise<void>;
}

/** What {@link createChatRecommendations} is built from. */
export interface ChatRecommendationsDeps {
  serving: RecommendationService;
  catalogue: Pick<CatalogueCache, 'get'>;
  recorder: Pick<EventRecorder, 'record'>;
  tokens: ClickTokens;
  /** Base URL shoppers reach the server at (`config.server.publicUrl`, else `http://host:port`), without a trailing slash. */
  publicUrl: string;
  /** @defaultValue 10 minutes (as the link route) */
  dedupWindowMs?: number;
  logger?: Pick<Logger, 'warn'>;
}

/**
 * Builds the services.
 * @example
 * const recommendations = createChatRecommendations({ serving, catalogue: services.catalogue, recorder: services.recorder, tokens, publicUrl });
 */
export function createChatRecommendations(deps: ChatRecommendationsDeps): ChatRecommendations {
  const vocabularies = new VocabularyCache();
  const windowMs = deps.dedupWindowMs ?? DEFAULT_CLICK_WINDOW_MS;
  const base = deps.publicUrl.replace(/\/+$/, '');
  return {
    serving: deps.serving,
    vocabulary: async (workspaceId, language) => vocabularies.get(await deps.catalogue.get(workspaceId), language),
    cardLink: (target) => `${base}${clickPath(deps.tokens.sign(target))}`,
    async recordButtonClick(target) {
      const now = Date.now();
      // A button has no token: its id comes from the card's conversation and product (issued at 0: fixed windows).
      const eventId = clickEventId('button', { ...target, issuedAt: 0 }, now, windowMs);
      try {
        const [outcome] = await deps.recorder.record(
          target.workspaceId,
          [
            {
              eventId,
              type: 'recommendation_click',
              productId: target.productId,
              ...(target.customerId ? { customerId: target.customerId } : {}),
              source: `chat:${target.channel ?? 'unknown'}`,
              context: { via: 'button', ...(target.conversationId ? { conversationId: target.conversationId } : {}), ...(target.position ? { position: target.position } : {}) },
            },
          ],
          { now },
        );
        if (outcome?.status === 'rejected') deps.logger?.warn({ outcome, productId: target.productId }, 'card button click not recorded');
      } catch (error) {
        // The shopper still gets their answer; a lost click is logged, not a failed turn.
        deps.logger?.warn({ err: error, productId: target.productId, eventId }, 'card button click not recorded');
      }
    },
  };
}

/**
 * The services of a worker process: the click-link secret resolved as the server resolves it (configured, else the
 * one shared through Redis), then {@link createChatRecommendations}.
 * @example
 * const recommendations = await connectChatRecommendations({ serving: context.recommender.serving, services: context.recommender.services,
 *   redis: context.redis, keyPrefix: config.redis.keyPrefix, secret: config.recommender.clickSecret, publicUrl, logger });
 */
export async function connectChatRecommendations(deps: Omit<ChatRecommendationsDeps, 'tokens' | 'catalogue' | 'recorder'> & {
  services: { catalogue: ChatRecommendationsDeps['catalogue']; recorder: ChatRecommendationsDeps['recorder'] };
  redis: Pick<Redis, 'set' | 'get'>;
  keyPrefix: string;
  /** `recommender.clickSecret`; empty: the shared random one. */
  secret: string;
}): Promise<ChatRecommendations> {
  const tokens = new ClickTokens(await resolveClickSecret(deps.secret, deps.redis, deps.keyPrefix));
  return createChatRecommendations({
    serving: deps.serving,
    catalogue: deps.services.catalogue,
    recorder: deps.services.recorder,
    tokens,
    publicUrl: deps.publicUrl,
    ...(deps.dedupWindowMs !== undefined ? { dedupWindowMs: deps.dedupWindowMs } : {}),
    ...(deps.logger ? { logger: deps.logger } : {}),
  });
}
