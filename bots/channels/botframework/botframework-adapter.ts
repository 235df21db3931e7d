/**
 * The Bot Framework channel adapter: sends stored outgoing messages (bot and agent replies alike) proactively with
 * `CloudAdapter.continueConversationAsync` from the conversation reference the inbound side stored, so every reply
 * takes the same path through the outbound queue, whether it comes seconds after the shopper's message or hours
 * later from an agent. Parts already sent by an earlier attempt are skipped (delivery-log.ts).
 */
import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { Conversation, StoredMessage } from '../../runtime/conversation-store';
import type { ChannelAdapter, OutboundPart } from '../channel-adapter';
import type { DeliveryLog } from '../delivery-log';
import { renderReply } from '../render-reply';
import { BOTFRAMEWORK_CHANNEL } from './activity-mapper';
import type { BotCloudAdapter } from './bot-cloud-adapter';
import { BOTFRAMEWORK_CAPABILITIES } from './botframework-capabilities';
import { BotFrameworkPermanentError, classifyBotFrameworkError } from './botframework-errors';
import { parseReference, type ConversationAddressStore, type StoredReference } from './conversation-address-store';
import { activitiesForPart } from './outbound-activities';

/** What the adapter needs. */
export interface BotFrameworkAdapterDeps {
  cloud: BotCloudAdapter;
  addresses: ConversationAddressStore;
  deliveries: DeliveryLog;
}

/** See the file comment. */
export class BotFrameworkAdapter implements ChannelAdapter {
  readonly channel = BOTFRAMEWORK_CHANNEL;
  readonly capabilities = BOTFRAMEWORK_CAPABILITIES;

  constructor(private readonly deps: BotFrameworkAdapterDeps) {}

  /**
   * Sends the message's parts not sent yet.
   * @throws BotFrameworkRetryableError (429, 5xx, network: the outbound queue retries) or BotFrameworkPermanentError
   *   (the conversation cannot be reached: the message is marked failed).
   */
  async deliver(message: StoredMessage): Promise<void> {
    const reference = await this.deps.addresses.load(message.conversation_id);
    if (!reference) {
      throw new BotFrameworkPermanentError(
        `Conversation ${message.conversation_id} has no Bot Framework conversation reference: it was not started from a Bot Framework channel, so it cannot be written to.`,
      );
    }
    const parts = renderReply(message, this.capabilities);
    await this.continueConversation(reference, (context) => this.deps.deliveries.sendParts(message, parts, (part) => this.sendPart(context, part)));
  }

  /**
   * Shows "typing…". Only the start is sent: Bot Framework has no "stopped typing" activity, channels clear the
   * indicator with the next message or after a few seconds.
   */
  async typing(conversation: Conversation, isTyping: boolean): Promise<void> {
    const reference = parseReference(conversation.channel_address);
    if (!isTyping || !reference) return;
    await this.continueConversation(reference, async (context) => {
      await this.send(context, { type: ActivityTypes.Typing });
    });
  }

  /** Sends one rendered part; returns the Bot Connector's id of its (last) activity. */
  private async sendPart(context: TurnContext, part: OutboundPart): Promise<string | null> {
    let id: string | null = null;
    for (const activity of activitiesForPart(part)) id = (await this.send(context, activity)) ?? id;
    return id;
  }

  private async send(context: TurnContext, activity: Parameters<TurnContext['sendActivity']>[0]): Promise<string | undefined> {
    try {
      return (await context.sendActivity(activity))?.id || undefined;
    } catch (error) {
      throw classifyBotFrameworkError(error);
    }
  }

  /**
   * Runs `logic` in a proactive turn of the referenced conversation. Failures to open the turn (no token, say) are
   * classified; what `logic` throws (already classified sends, database errors) passes through unchanged.
   */
  private async continueConversation(reference: StoredReference, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    let failedInLogic = false;
    try {
      await this.deps.cloud.continueConversationAsync(this.deps.cloud.appId, reference, async (context) => {
        // botbuilder addresses proactive messages as replies to its own made-up continuation activity; they are new
        // messages of the conversation (POST /v3/conversations/{id}/activities).
        context.onSendActivities(async (_context, activities, next) => {
          for (const activity of activities) delete activity.replyToId;
          return next();
        });
        try {
          await logic(context);
        } catch (error) {
          failedInLogic = true;
          throw error;
        }
      });
    } catch (error) {
      throw failedInLogic ? error : classifyBotFrameworkError(error);
    }
  }
}
