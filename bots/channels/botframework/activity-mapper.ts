/**
 * Maps an inbound Bot Framework `message` activity to the platform's {@link InboundMessage}, without I/O:
 * - the conversation is the channel's conversation (`msteams:a:1x...`; a Teams channel thread is its own conversation,
 *   its id carries `;messageid=`), the sender the channel's user id, both prefixed with the channel because ids of
 *   different Bot Framework channels may collide;
 * - the message id is the activity id within its conversation (Teams ids are timestamps, unique only there);
 * - the text loses the bot's @mention (Teams puts `<at>Bot</at>` in front of every message in a team or group chat);
 * - a pressed button arrives as `activity.value` (`{ payload, title }`, see `product-cards.ts`) and becomes the
 *   quick reply payload, its title the text;
 * - attachments (an image, a Teams file, a card) become the message's `attachment` (attachment-mapper.ts), with the
 *   shopper's words as its caption, and the text describes them for agents (`[image: photo.png] caption`); the
 *   runtime stores the message like any other and answers a wordless attachment politely in the shopper's language.
 * Keys longer than the database's 255 characters are replaced by a hash of themselves, so they stay stable.
 */
import { createHash } from 'node:crypto';
import { TurnContext, type Activity } from 'botbuilder';
import { clip } from '../render-reply';
import type { InboundMessage } from '../../runtime/conversation-store';
import { choiceValueSchema } from './activity-schema';
import { describeAttachments, mapAttachments } from './attachment-mapper';

/** The channel name the platform stores for Bot Framework conversations. */
export const BOTFRAMEWORK_CHANNEL = 'botframework';

/** Longest key the database stores (conversation key, channel identity, channel message id). */
const MAX_KEY_LENGTH = 255;

/** What an inbound message activity means to the platform. */
export type MappedActivity =
  /** A message to ingest (text, a pressed button, attachments). */
  | { kind: 'message'; message: InboundMessage }
  /** Nothing to do: an empty message (only the bot's @mention), or the bot's own message echoed back. */
  | { kind: 'ignored'; reason: 'empty' | 'own-message' };

/** What mapping needs besides the activity. */
export interface MappingContext {
  workspaceId: string;
  /** Epoch milliseconds when the platform received the activity. */
  receivedAt: number;
  /** Longer texts are cut to this many characters (`chat.maxMessageLength`). */
  maxTextLength: number;
}

/** `value` when it is short enough for the database, or its SHA-256 under the same prefix. */
export function boundedKey(prefix: string, value: string): string {
  const key = `${prefix}:${value}`;
  if (key.length <= MAX_KEY_LENGTH) return key;
  return `${prefix}:sha256:${createHash('sha256').update(value).digest('hex')}`;
}

/** The platform's conversation key of an activity's conversation. */
export function conversationKeyOf(activity: Pick<Activity, 'channelId' | 'conversation'>): string {
  return boundedKey(activity.channelId, activity.conversation.id);
}

/** The shopper's text without the bot's @mention, trimmed. Does not change `activity`. */
export function messageText(activity: Activity): string {
  if (!activity.text) return '';
  // removeRecipientMention rewrites the activity's text: work on a copy.
  const copy = { ...activity };
  return (activity.recipient?.id ? TurnContext.removeRecipientMention(copy) : copy.text).trim();
}

/** See the file comment. */
export function mapMessageActivity(activity: Activity, context: MappingContext): MappedActivity {
  if (activity.from.id === activity.recipient.id) return { kind: 'ignored', reason: 'own-message' };
  const choice = choiceValueSchema.safeParse(activity.value);
  const typed = messageText(activity);
  const words = typed || (choice.success ? (choice.data.title ?? '') : '');
  const attachment = mapAttachments(activity.attachments, clip(words, context.maxTextLength));
  if (!words && !choice.success && !attachment) return { kind: 'ignored', reason: 'empty' };
  const text = attachment ? describeAttachments(attachment) : words;
  const message: InboundMessage = {
    workspaceId: context.workspaceId,
    channel: BOTFRAMEWORK_CHANNEL,
    conversationKey: conversationKeyOf(activity),
    sender: { externalId: boundedKey(activity.channelId, activity.from.id), ...(activity.from.name ? { displayName: activity.from.name } : {}) },
    channelMessageId: boundedKey(activity.channelId, `${activity.conversation.id}|${activity.id ?? ''}`),
    text: clip(text, context.maxTextLength),
    receivedAt: context.receivedAt,
  };
  if (choice.success) message.quickReplyPayload = choice.data.payload;
  if (attachment) message.attachment = attachment;
  if (activity.locale) message.locale = activity.locale;
  return { kind: 'message', message };
}
