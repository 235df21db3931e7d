/**
 * The bot's turn for an inbound activity: a shopper's message is mapped (activity-mapper.ts), its conversation found
 * or created, the conversation reference stored, and the message handed to ingest, which persists it before the
 * turn ends, so the Bot Connector's request is answered only once nothing can be lost. The reply is not sent here:
 * the runtime answers asynchronously through the outbound queue, and the adapter sends it proactively. That holds for
 * attachments too: a message with only an image or a file is stored like any other (its reference kept, see
 * attachment-mapper.ts), and the runtime acknowledges it in the shopper's language.
 * Other activity types (conversationUpdate, typing, reactions, ...) need nothing from the platform.
 */
import { ActivityTypes, TurnContext } from 'botbuilder';
import type { AcceptResult, Conversation, ConversationStore, InboundMessage } from '../../runtime/conversation-store';
import { mapMessageActivity } from './activity-mapper';
import type { ConversationAddressStore } from './conversation-address-store';
import { offeredChoicePayload } from './offered-choice';

/** Where accepted messages go: the platform's IngestService in production, a recorder in tests. */
export interface InboundSink {
  /** Persists the message (dropping a duplicate by its channel message id); resolves once it is durable. */
  ingest(message: InboundMessage, conversation?: Conversation): Promise<AcceptResult>;
}

/** What the turn needs. */
export interface InboundTurnDeps {
  /** The id of the workspace the bot belongs to. */
  workspaceId(): Promise<string>;
  conversations: Pick<ConversationStore, 'resolveConversation' | 'listMessages'>;
  addresses: ConversationAddressStore;
  ingest: InboundSink;
  /** Longer shopper texts are cut (`chat.maxMessageLength`). */
  maxTextLength: number;
  /** The adapter's quick reply title limit, to recognise a pressed suggested action. */
  maxTitleLength: number;
  now?: () => number;
}

/** See the file comment. */
export class InboundTurn {
  constructor(private readonly deps: InboundTurnDeps) {}

  /** The turn's logic, for `CloudAdapter` (or botbuilder's `TestAdapter`). */
  readonly run = async (context: TurnContext): Promise<void> => {
    if (context.activity.type !== ActivityTypes.Message) return;
    const { deps } = this;
    const workspaceId = await deps.workspaceId();
    const mapped = mapMessageActivity(context.activity, { workspaceId, receivedAt: (deps.now ?? Date.now)(), maxTextLength: deps.maxTextLength });
    if (mapped.kind === 'ignored') return;
    const { message } = mapped;
    const conversation = await deps.conversations.resolveConversation({
      workspaceId,
      channel: message.channel,
      conversationKey: message.conversationKey,
      sender: message.sender,
      now: message.receivedAt,
    });
    // Before the message is accepted: its reply must find the address (see conversation-address-store.ts).
    await deps.addresses.save(conversation.id, TurnContext.getConversationReference(context.activity), conversation.channel_address);
    // A suggested action comes back as its title alone; a message with an attachment is never one.
    if (message.quickReplyPayload === undefined && !message.attachment && message.text.length <= deps.maxTitleLength) {
      const payload = offeredChoicePayload(message.text, await deps.conversations.listMessages(conversation.id, { limit: 4 }), deps.maxTitleLength);
      if (payload !== undefined) message.quickReplyPayload = payload;
    }
    await deps.ingest.ingest(message, conversation);
  };
}
