/**
 * Microsoft Bot Framework channel (Teams, Web Chat / Direct Line, and the other channels of an Azure Bot), built on
 * botbuilder's `CloudAdapter`:
 * - server: `POST /api/messages` ({@link createBotFrameworkRoutes}) authenticates the Bot Connector's requests,
 *   stores each shopper message and its conversation reference, and answers once the message is persisted;
 * - worker: {@link createBotFrameworkAdapter} sends the platform's replies (bot and agent) proactively from the stored
 *   conversation reference, through the outbound queue.
 *
 * Microsoft has archived the Bot Framework SDK (support ended on 31 December 2025; its successor is the Microsoft 365
 * Agents SDK, which speaks the same Activity protocol). botbuilder is therefore kept to two small files:
 * bot-cloud-adapter.ts (authentication and turns) and botframework-adapter.ts (proactive sends). The activity mapping,
 * the Adaptive Cards, the stored conversation reference and the errors are plain Activity-protocol code that a port to
 * the Agents SDK's `CloudAdapter` keeps as it is.
 */
import type { Kysely } from 'kysely';
import type { Config } from '../../../config';
import type { Database } from '../../../platform/database';
import type { ChannelAdapter } from '../channel-adapter';
import { DeliveryLog } from '../delivery-log';
import { BotCloudAdapter } from './bot-cloud-adapter';
import { BotFrameworkAdapter } from './botframework-adapter';
import { ConversationAddressStore } from './conversation-address-store';

export { BOTFRAMEWORK_CHANNEL, mapMessageActivity, type MappedActivity } from './activity-mapper';
export { describeAttachments, mapAttachment, mapAttachments, TEAMS_FILE_DOWNLOAD_INFO } from './attachment-mapper';
export { BotCloudAdapter, type AuthenticationEndpoints, type BotFrameworkSettings } from './bot-cloud-adapter';
export { BotFrameworkAdapter } from './botframework-adapter';
export { BOTFRAMEWORK_CAPABILITIES } from './botframework-capabilities';
export { BotFrameworkPermanentError, BotFrameworkRetryableError, classifyBotFrameworkError } from './botframework-errors';
export {
  BotFrameworkWorkspaceError,
  createBotFrameworkRoutes,
  describeBotFrameworkRoutes,
  MESSAGES_PATH,
  type BotFrameworkRoutes,
  type BotFrameworkRoutesDeps,
} from './botframework-routes';
export { ConversationAddressStore } from './conversation-address-store';
export { InboundTurn, type InboundSink } from './inbound-turn';

/**
 * The worker side: the channel adapter to register in the `ChannelDeliveryRegistry`.
 *
 * @example
 * ```ts
 * if (config.botFramework.enabled) deliveries.register(createBotFrameworkAdapter({ settings: config.botFramework, db: context.database.db }));
 * ```
 */
export function createBotFrameworkAdapter(deps: { settings: Config['botFramework']; db: Kysely<Database> }): ChannelAdapter {
  return new BotFrameworkAdapter({
    cloud: new BotCloudAdapter(deps.settings),
    addresses: new ConversationAddressStore(deps.db),
    deliveries: new DeliveryLog(deps.db),
  });
}
