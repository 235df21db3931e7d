/**
 * Maps a whatsapp-web.js `Message` to what the platform does with it, without any I/O: ignore it (status updates,
 * the phone's own messages, groups unless allowed, system notices), or hand on an {@link InboundMessage} whose text
 * describes what was sent (`[voice note]`, `[image] caption`, `[location] ...`), plus the media to keep and the polite
 * acknowledgement a message without words of its own deserves.
 */
import { MessageTypes, type Message } from 'whatsapp-web.js';
import type { InboundMessage } from '../../runtime/conversation-store';
import type { TemplateSet } from '../../runtime/templates';
import { WHATSAPP_WEB_CHANNEL } from './capabilities';

/** Kinds of attachment kept under the media folder. */
export type MediaKind = 'image' | 'video' | 'document' | 'voice' | 'audio' | 'sticker';

/** Which of the channel sentences (`templatesFor(language).channel`) acknowledges a message. */
export type AcknowledgementKey = keyof Pick<TemplateSet['channel'], 'attachmentReceived' | 'voiceNoteReceived' | 'locationReceived' | 'unsupportedMessage'>;

/** Why a message is not handed on. */
export type IgnoreReason = 'status' | 'own' | 'group' | 'broadcast' | 'newsletter' | 'system' | 'empty';

/** The outcome of {@link mapInbound}. */
export type InboundMapping =
  | { kind: 'ignore'; reason: IgnoreReason }
  | {
      kind: 'accept';
      inbound: InboundMessage;
      /** Media to download and keep (with its size when WhatsApp announced it, to refuse large files unread). */
      media?: { kind: MediaKind; announcedBytes?: number; filename?: string };
      /** Set when the message has no words of its own: the bot acknowledges it with this sentence. */
      acknowledgement?: AcknowledgementKey;
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

const MEDIA_ACKNOWLEDGEMENTS: Record<MediaKind, AcknowledgementKey> = {
  image: 'attachmentReceived',
  video: 'attachmentReceived',
  document: 'attachmentReceived',
  voice: 'voiceNoteReceived',
  audio: 'voiceNoteReceived',
  // A sticker carries no request the team could act on: ask for words instead.
  sticker: 'unsupportedMessage',
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
    const label = filename ? `${MEDIA_LABELS[mediaKind]}: ${filename}` : MEDIA_LABELS[mediaKind];
    const announcedBytes = rawNumber(message, 'size');
    return {
      kind: 'accept',
      inbound: { ...base, text: body ? `[${label}] ${body}` : `[${label}]` },
      ...(message.hasMedia ? { media: { kind: mediaKind, ...(announcedBytes !== undefined ? { announcedBytes } : {}), ...(filename ? { filename } : {}) } } : {}),
      // A caption is a request in words: the bot answers it; only wordless media are acknowledged.
      ...(body && mediaKind !== 'sticker' ? {} : { acknowledgement: MEDIA_ACKNOWLEDGEMENTS[mediaKind] }),
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
      return { kind: 'accept', inbound: { ...base, text: describeLocation(message.location) }, acknowledgement: 'locationReceived' };
    case MessageTypes.CONTACT_CARD:
    case MessageTypes.CONTACT_CARD_MULTI:
      return { kind: 'accept', inbound: { ...base, text: '[contact card]' }, acknowledgement: 'unsupportedMessage' };
    default:
      // Polls, orders, payments, events...: kept in the history, and the shopper is asked to write instead.
      return { kind: 'accept', inbound: { ...base, text: body ? `[${message.type}] ${body}` : `[${message.type}]` }, acknowledgement: 'unsupportedMessage' };
  }
}

/** A pressed button or list row: its title as text, its id as the quick-reply payload. */
function choice(base: Omit<InboundMessage, 'text'>, title: string, payload: string | undefined): InboundMapping {
  const text = title || payload || '';
  if (!text) return { kind: 'ignore', reason: 'empty' };
  return { kind: 'accept', inbound: { ...base, text, ...(payload ? { quickReplyPayload: payload } : {}) } };
}

/** `[location] Brandenburger Tor, Pariser Platz (52.516275, 13.377704)`. */
function describeLocation(location: MappableMessage['location'] | undefined): string {
  if (!location) return '[location]';
  const place = [location.name, location.address].filter(Boolean).join(', ') || location.description || '';
  const coordinates = `(${location.latitude}, ${location.longitude})`;
  return place ? `[location] ${place} ${coordinates}` : `[location] ${coordinates}`;
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
