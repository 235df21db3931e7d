/**
 * Maps a whatsapp-web.js `Message` to what the platform does with it, without any I/O: ignore it (status updates,
 * the phone's own messages, groups unless allowed, system notices), or hand on an {@link InboundMessage}. What the
 * shopper sent besides text (a photo, a voice note, a location, a contact card) travels as the message's
 * `attachment`, for the runtime to store and answer politely (bots/runtime/skills/attachment-skill.ts); the text
 * describes it for the agents who read the conversation (`[voice note]`, `[image] caption`, `[location] ...`). A
 * media file still has to be downloaded: the mapping says so, and the inbound handler fills in where it was kept.
 */
import { MessageTypes, type Message } from 'whatsapp-web.js';
import type { InboundAttachment, InboundMessage } from '../../runtime/conversation-store';
import { WHATSAPP_WEB_CHANNEL } from './capabilities';

/** Kinds of attachment whose file is downloaded and kept under the media folder. */
export type MediaKind = 'image' | 'video' | 'document' | 'voice' | 'audio' | 'sticker';

/** Why a message is not handed on. */
export type IgnoreReason = 'status' | 'own' | 'group' | 'broadcast' | 'newsletter' | 'system' | 'empty';

/** The outcome of {@link mapInbound}. */
export type InboundMapping =
  | { kind: 'ignore'; reason: IgnoreReason }
  | {
      kind: 'accept';
      inbound: InboundMessage;
      /**
       * Set when the message carries a file to download before it is handed on; `inbound.attachment` describes it
       * (its size, when WhatsApp announced one, lets a large file be refused unread).
       */
      media?: { kind: MediaKind };
    };

/** What mapping needs besides the message. */
export interface InboundContext {
  workspaceId: string;
  allowGroups: boolean;
  receivedAt: number;
}

/** The fields of `Message` the mapping reads. */
export type MappableMessage = Pick<
  Message,
  'id' | 'from' | 'author' | 'body' | 'type' | 'hasMedia' | 'fromMe' | 'isStatus' | 'broadcast' | 'location' | 'selectedButtonId' | 'selectedRowId' | 'rawData'
>;

const MEDIA_TYPES: Partial<Record<MessageTypes, MediaKind>> = {
  [MessageTypes.IMAGE]: 'image',
  [MessageTypes.VIDEO]: 'video',
  [MessageTypes.DOCUMENT]: 'document',
  [MessageTypes.VOICE]: 'voice',
  [MessageTypes.AUDIO]: 'audio',
  [MessageTypes.STICKER]: 'sticker',
};

/** How each kind is named in the text handed to the bot and the agents. */
const MEDIA_LABELS: Record<MediaKind, string> = {
  image: 'image',
  video: 'video',
  document: 'document',
  voice: 'voice note',
  audio: 'audio',
  sticker: 'sticker',
};

/** How message types the bot cannot read are named in the text (others by their WhatsApp type). */
const UNSUPPORTED_LABELS: Partial<Record<string, string>> = {
  [MessageTypes.CONTACT_CARD]: 'contact card',
  [MessageTypes.CONTACT_CARD_MULTI]: 'contact cards',
};

/** Notices WhatsApp Web emits as messages that nobody wrote: never handed on. */
const SYSTEM_TYPES: ReadonlySet<string> = new Set<string>([
  MessageTypes.REVOKED,
  MessageTypes.BROADCAST_NOTIFICATION,
  MessageTypes.CALL_LOG,
  MessageTypes.CIPHERTEXT,
  MessageTypes.DEBUG,
  MessageTypes.E2E_NOTIFICATION,
  MessageTypes.GP2,
  MessageTypes.GROUP_NOTIFICATION,
  MessageTypes.NOTIFICATION,
  MessageTypes.NOTIFICATION_TEMPLATE,
  MessageTypes.PROTOCOL,
  MessageTypes.REACTION,
]);

/** See the file comment. */
export function mapInbound(message: MappableMessage, context: InboundContext): InboundMapping {
  const chatId = message.from;
  if (message.isStatus || chatId === 'status@broadcast') return { kind: 'ignore', reason: 'status' };
  if (message.fromMe || message.id.fromMe) return { kind: 'ignore', reason: 'own' };
  if (chatId.endsWith('@newsletter')) return { kind: 'ignore', reason: 'newsletter' };
  if (message.broadcast || chatId.endsWith('@broadcast')) return { kind: 'ignore', reason: 'broadcast' };
  const group = chatId.endsWith('@g.us');
  if (group && !context.allowGroups) return { kind: 'ignore', reason: 'group' };
  if (SYSTEM_TYPES.has(message.type)) return { kind: 'ignore', reason: 'system' };

  const senderId = group ? (message.author ?? chatId) : chatId;
  const notifyName = rawString(message, 'notifyName');
  const base: Omit<InboundMessage, 'text'> = {
    workspaceId: context.workspaceId,
    channel: WHATSAPP_WEB_CHANNEL,
    conversationKey: chatId,
    sender: { externalId: senderId, ...(notifyName ? { displayName: notifyName } : {}) },
    channelMessageId: message.id._serialized,
    receivedAt: context.receivedAt,
  };
  const body = message.body.trim();

  const mediaKind = MEDIA_TYPES[message.type];
  if (mediaKind) {
    const filename = mediaKind === 'document' ? rawString(message, 'filename') : undefined;
    const mimeType = rawString(message, 'mimetype');
    const bytes = rawNumber(message, 'size');
    const attachment: InboundAttachment = {
      kind: mediaKind,
      ...(mimeType ? { mimeType } : {}),
      // A sticker's body is not words of the shopper; a caption is (the bot answers it instead of acknowledging).
      ...(body && mediaKind !== 'sticker' ? { caption: body } : {}),
      ...(filename ? { filename } : {}),
      ...(bytes !== undefined && bytes > 0 ? { bytes } : {}),
      // Nothing to download (the library says so): the message is kept without its file.
      ...(message.hasMedia ? {} : { notKept: 'unavailable' as const }),
    };
    return {
      kind: 'accept',
      inbound: { ...base, text: describeAttachment(attachment), attachment },
      ...(message.hasMedia ? { media: { kind: mediaKind } } : {}),
    };
  }

  switch (message.type) {
    case MessageTypes.TEXT:
      return body ? { kind: 'accept', inbound: { ...base, text: body } } : { kind: 'ignore', reason: 'empty' };
    case MessageTypes.BUTTONS_RESPONSE:
    case MessageTypes.TEMPLATE_BUTTON_REPLY:
      return choice(base, body, message.selectedButtonId);
    case MessageTypes.LIST_RESPONSE:
      return choice(base, body, message.selectedRowId);
    case MessageTypes.LOCATION:
      return withAttachment(base, locationAttachment(message.location));
    case MessageTypes.CONTACT_CARD:
    case MessageTypes.CONTACT_CARD_MULTI:
      // The body is the raw vCard: not words of the shopper, and not a text for agents to read.
      return withAttachment(base, { kind: 'unsupported', providerType: message.type });
    default:
      // Polls, orders, payments, events...: kept in the history (with their title, for the agents), and the shopper
      // is asked to write instead. The title is not a caption: the bot has nothing to answer about it.
      return withAttachment(base, { kind: 'unsupported', providerType: message.type }, body);
  }
}

function withAttachment(base: Omit<InboundMessage, 'text'>, attachment: InboundAttachment, detail = ''): InboundMapping {
  const text = `${describeAttachment(attachment)}${detail ? ` ${detail}` : ''}`;
  return { kind: 'accept', inbound: { ...base, text, attachment } };
}

function locationAttachment(location: MappableMessage['location'] | undefined): InboundAttachment {
  // A location message without coordinates does not happen in practice; it is still kept, as unreadable.
  if (!location || !Number.isFinite(Number(location.latitude)) || !Number.isFinite(Number(location.longitude))) {
    return { kind: 'unsupported', providerType: MessageTypes.LOCATION };
  }
  const name = location.name?.trim();
  const address = location.address?.trim();
  return {
    kind: 'location',
    location: { latitude: Number(location.latitude), longitude: Number(location.longitude), ...(name ? { name } : {}), ...(address ? { address } : {}) },
  };
}

/**
 * The text stored for a message with an attachment, written for the agents who read the conversation: `[image]
 * caption`, `[voice note]`, `[document: invoice.pdf]`, `[location] Name, Address (52.516275, 13.377704)`,
 * `[contact card]`, with `(not kept: too large)` when the file was not kept.
 */
export function describeAttachment(attachment: InboundAttachment): string {
  if (attachment.kind === 'location' && attachment.location) {
    const place = [attachment.location.name, attachment.location.address].filter(Boolean).join(', ');
    const coordinates = `(${attachment.location.latitude}, ${attachment.location.longitude})`;
    return place ? `[location] ${place} ${coordinates}` : `[location] ${coordinates}`;
  }
  if (attachment.kind === 'unsupported' || attachment.kind === 'location') {
    const type = attachment.providerType ?? 'unsupported message';
    return `[${UNSUPPORTED_LABELS[type] ?? type}]`;
  }
  const label = attachment.filename ? `${MEDIA_LABELS[attachment.kind]}: ${attachment.filename}` : MEDIA_LABELS[attachment.kind];
  const note = attachment.notKept === 'too_large' ? ' (not kept: too large)' : attachment.notKept === 'unavailable' ? ' (not kept: unavailable)' : '';
  return `[${label}${note}]${attachment.caption ? ` ${attachment.caption}` : ''}`;
}

/** A pressed button or list row: its title as text, its id as the quick-reply payload. */
function choice(base: Omit<InboundMessage, 'text'>, title: string, payload: string | undefined): InboundMapping {
  const text = title || payload || '';
  if (!text) return { kind: 'ignore', reason: 'empty' };
  return { kind: 'accept', inbound: { ...base, text, ...(payload ? { quickReplyPayload: payload } : {}) } };
}

/** A field of the raw WhatsApp Web message that the library does not lift onto `Message` (`notifyName`, `size`). */
function rawField(message: Pick<Message, 'rawData'>, key: string): unknown {
  const raw: object | undefined = message.rawData;
  return raw && key in raw ? (raw as Record<string, unknown>)[key] : undefined;
}

function rawString(message: Pick<Message, 'rawData'>, key: string): string | undefined {
  const value = rawField(message, key);
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

function rawNumber(message: Pick<Message, 'rawData'>, key: string): number | undefined {
  const value = rawField(message, key);
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
