/**
 * Delivery of stored outgoing messages to WhatsApp through the Cloud API (the worker side of the channel).
 *
 * A message is rendered for WhatsApp's capabilities (buttons, list, image + caption) and its parts are sent in
 * order through the {@link DeliveryLog}, which skips the parts an earlier attempt already sent. Outside WhatsApp's
 * 24-hour customer-service window the configured template is sent once instead of the parts (recorded as part
 * {@link TEMPLATE_PART}); without a template the delivery fails permanently with a {@link WhatsAppWindowClosedError}.
 * Graph API failures are thrown classified: retryable ones make the outbound queue try again with backoff,
 * permanent ones (BullMQ `UnrecoverableError`s) fail the message at once.
 */
import type { ChannelAdapter, OutboundPart } from '../channel-adapter';
import type { DeliveryLog } from '../delivery-log';
import type { Conversation, ConversationStore, StoredMessage } from '../../runtime/conversation-store';
import type { ConversationFacts } from './conversation-facts';
import type { GraphApiClient } from './graph-client';
import { WhatsAppPermanentError, WhatsAppWindowClosedError } from './graph-errors';
import { WHATSAPP_CHANNEL } from './inbound-mapper';
import { renderForWhatsApp, toGraphMessage, whatsappCloudCapabilities } from './outbound-payloads';
import { isServiceWindowOpen, templateMessage, type TemplateSettings } from './service-window';

/**
 * The part number under which a message sent as a template is recorded in `channel_deliveries`: the template
 * replaced the whole message, so a retry must neither send it again nor start on the free-form parts.
 */
export const TEMPLATE_PART = -1;

/** What the adapter is built from. */
export interface WhatsAppCloudAdapterDeps {
  /** The template settings (`config.whatsappCloud`). */
  settings: TemplateSettings;
  graph: Pick<GraphApiClient, 'sendMessage' | 'markRead'>;
  store: Pick<ConversationStore, 'getConversation'>;
  deliveryLog: DeliveryLog;
  facts: ConversationFacts;
  /** The clock (tests move it past the 24-hour window). @defaultValue Date.now */
  now?: () => number;
}

/** See the file comment. */
export class WhatsAppCloudAdapter implements ChannelAdapter {
  readonly channel = WHATSAPP_CHANNEL;
  readonly capabilities = whatsappCloudCapabilities;
  private readonly now: () => number;

  constructor(private readonly deps: WhatsAppCloudAdapterDeps) {
    this.now = deps.now ?? Date.now;
  }

  /**
   * Sends the message's parts that no earlier attempt sent, or the template outside the window.
   * @throws WhatsAppRetryableError to be retried; WhatsAppPermanentError (incl. WhatsAppWindowClosedError) to stop.
   */
  async deliver(message: StoredMessage): Promise<void> {
    const conversation = await this.deps.store.getConversation(message.conversation_id);
    if (!conversation) throw new WhatsAppPermanentError(`message ${message.id}: its conversation ${message.conversation_id} no longer exists`);
    const to = conversation.conversation_key;
    const parts = renderForWhatsApp(message);
    const recorded = await this.deps.deliveryLog.parts(message.id);
    if (recorded.some((row) => row.part === TEMPLATE_PART)) return;
    const started = recorded.length > 0;
    // A message whose first parts went out continues free-form: a template now would repeat them.
    if (!started && !isServiceWindowOpen(conversation.last_inbound_at, this.now())) return this.sendTemplate(message, conversation, parts);
    try {
      await this.deps.deliveryLog.sendParts(message, parts, (part) => this.deps.graph.sendMessage(to, toGraphMessage(part, message.language)));
    } catch (error) {
      // WhatsApp's clock decides in the end: when it says the window closed before anything went out, and a template
      // is configured, the template goes instead.
      if (error instanceof WhatsAppWindowClosedError && !started && this.deps.settings.templateName && (await this.deps.deliveryLog.parts(message.id)).length === 0) {
        return this.sendTemplate(message, conversation, parts);
      }
      throw error;
    }
  }

  /**
   * Shows "typing…" on the shopper's last message (which WhatsApp also marks read). WhatsApp removes the indicator
   * with the next reply or after 25 seconds, so `isTyping: false` has nothing to do. Only inside the window: WhatsApp
   * refuses it for older messages.
   */
  async typing(conversation: Conversation, isTyping: boolean): Promise<void> {
    if (!isTyping || !isServiceWindowOpen(conversation.last_inbound_at, this.now())) return;
    const messageId = await this.deps.facts.lastInboundMessageId(conversation.id);
    if (messageId) await this.deps.graph.markRead(messageId, true);
  }

  private async sendTemplate(message: StoredMessage, conversation: Conversation, parts: readonly OutboundPart[]): Promise<void> {
    const template = templateMessage(this.deps.settings, {
      shopper: (await this.deps.facts.shopperName(conversation.customer_id)) ?? `+${conversation.conversation_key}`,
      store: await this.deps.facts.storeName(conversation.workspace_id),
      text: preview(parts),
    });
    if (!template) {
      const since = conversation.last_inbound_at === null ? 'has never written' : `last wrote ${Math.round((this.now() - conversation.last_inbound_at) / 3_600_000)} h ago`;
      throw new WhatsAppWindowClosedError(
        `message ${message.id}: the shopper ${since}, outside WhatsApp's 24-hour customer-service window, and no template is configured; set WHATSAPP_CLOUD_TEMPLATE to an approved message template so such messages reach them`,
      );
    }
    const providerMessageId = await this.deps.graph.sendMessage(conversation.conversation_key, template);
    await this.deps.deliveryLog.recordSent({ messageId: message.id, part: TEMPLATE_PART, workspaceId: message.workspace_id, channel: message.channel, providerMessageId });
  }
}

/** The start of what the message would have said, for the template's `{text}`. */
function preview(parts: readonly OutboundPart[]): string {
  for (const part of parts) {
    if (part.kind === 'text' && part.text.trim()) return part.text;
    if (part.kind === 'image' && part.caption?.trim()) return part.caption;
  }
  return '';
}
