/**
 * Maps a WhatsApp Cloud API webhook to the platform's shared shapes, with no I/O: shopper messages become
 * {@link InboundMessage}s (text; button and list replies with their payload; media, locations and unreadable kinds
 * as a short description such as `[image] caption`, with the attachment described beside it), and receipts become
 * delivery statuses. Only changes for the configured business number are taken; another number's (an app serving
 * several numbers) are counted and left alone.
 */
import type { z } from 'zod';
import type { InboundMessage } from '../../runtime/conversation-store';
import type { DeliveryStatus } from '../delivery-log';
import { messagesValueSchema, webhookEnvelopeSchema, type MessagesValue, type WebhookError, type WebhookMessage, type WebhookStatus } from './webhook-schemas';

/** The channel name stored on WhatsApp Cloud API conversations. */
export const WHATSAPP_CHANNEL = 'whatsapp';

/** What the shopper sent besides text. */
export type AttachmentKind = 'image' | 'video' | 'audio' | 'voice' | 'document' | 'sticker' | 'location' | 'unsupported';

/**
 * Something the shopper sent besides text, as far as the webhook tells (the media fetcher adds where the file was
 * kept). Travels with the inbound message as `attachment`, for the runtime to store and answer politely; its shape is
 * the one proposed for the shared `InboundMessage.attachment`.
 */
export interface WhatsAppAttachment {
  kind: AttachmentKind;
  mimeType?: string;
  caption?: string;
  /** The file name a document was sent with. */
  filename?: string;
  /** Where the file was kept, relative to `channels.mediaDir`. */
  file?: string;
  /** Why the file was not kept. */
  notKept?: 'too_large' | 'unavailable';
  location?: { latitude: number; longitude: number; name?: string; address?: string };
  /** For `unsupported`: the message type Meta reported (`contacts`, `order`, `unsupported`, ...). */
  providerType?: string;
}

/** An inbound message with its attachment, if any. Assignable to {@link InboundMessage}. */
export interface WhatsAppInboundMessage extends InboundMessage {
  attachment?: WhatsAppAttachment;
}

/** A media file to fetch from the Graph API before the message is handed on. */
export interface MediaReference {
  mediaId: string;
  mimeType?: string;
  sha256?: string;
}

/** One shopper message of the webhook, ready for ingest once its media (if any) is fetched. */
export interface MappedInbound {
  message: WhatsAppInboundMessage;
  media?: MediaReference;
}

/** One receipt of the webhook. */
export interface MappedStatus {
  providerMessageId: string;
  status: DeliveryStatus;
  /** Meta's reason of a `failed` status, e.g. `131047 Re-engagement message: ...`. */
  error?: string;
  /** Epoch milliseconds of the receipt (the webhook's timestamp), or the receiving time. */
  at: number;
}

/** Everything the webhook carried for this business number. */
export interface MappedWebhook {
  inbound: MappedInbound[];
  statuses: MappedStatus[];
  /** Errors Meta reported about the business number itself (value.errors), already formatted. */
  errors: string[];
  /** Changes for other phone numbers or other fields, left alone. */
  ignoredChanges: number;
  /** Messages deliberately not handed on (reactions, system notices). */
  ignoredMessages: number;
}

/** The webhook body does not have Meta's documented shape; the message names the bad field. */
export class WebhookPayloadError extends Error {
  override readonly name = 'WebhookPayloadError';
}

/** Where the mapped messages belong. */
export interface MappingContext {
  /** The configured business phone number id; changes for other numbers are ignored. */
  phoneNumberId: string;
  workspaceId: string;
  /** Epoch milliseconds when the platform received the webhook. */
  receivedAt: number;
}

// Message types that are not something the shopper said: a reaction to one of our messages, a number change notice,
// the "chat opened" event. Answering them would be noise.
const IGNORED_TYPES = new Set(['reaction', 'system', 'request_welcome', 'ephemeral']);

const MEDIA_LABELS: Record<'image' | 'video' | 'audio' | 'voice' | 'document' | 'sticker', string> = {
  image: 'image',
  video: 'video',
  audio: 'audio',
  voice: 'voice note',
  document: 'document',
  sticker: 'sticker',
};

/**
 * Validates a parsed JSON body against the webhook schemas and maps it.
 * @throws WebhookPayloadError when it does not have Meta's shape.
 */
export function mapWebhook(body: unknown, context: MappingContext): MappedWebhook {
  const envelope = parse(webhookEnvelopeSchema, body, 'body');
  const mapped: MappedWebhook = { inbound: [], statuses: [], errors: [], ignoredChanges: 0, ignoredMessages: 0 };
  if (envelope.object !== 'whatsapp_business_account') {
    mapped.ignoredChanges = envelope.entry.reduce((sum, entry) => sum + entry.changes.length, 0);
    return mapped;
  }
  envelope.entry.forEach((entry, entryIndex) => {
    entry.changes.forEach((change, changeIndex) => {
      if (change.field !== 'messages') {
        mapped.ignoredChanges += 1;
        return;
      }
      const value = parse(messagesValueSchema, change.value, `entry.${entryIndex}.changes.${changeIndex}.value`);
      if (value.metadata.phone_number_id !== context.phoneNumberId) {
        mapped.ignoredChanges += 1;
        return;
      }
      mapValue(value, context, mapped);
    });
  });
  return mapped;
}

function mapValue(value: MessagesValue, context: MappingContext, mapped: MappedWebhook): void {
  const names = new Map((value.contacts ?? []).map((contact) => [contact.wa_id, contact.profile?.name?.trim()]));
  for (const message of value.messages ?? []) {
    const inbound = mapMessage(message, names.get(message.from), context);
    if (inbound) mapped.inbound.push(inbound);
    else mapped.ignoredMessages += 1;
  }
  for (const status of value.statuses ?? []) {
    const receipt = mapStatus(status, context.receivedAt);
    if (receipt) mapped.statuses.push(receipt);
  }
  for (const error of value.errors ?? []) mapped.errors.push(formatWebhookError(error));
}

/** One message, or undefined for a kind that is not handed on (reactions, system notices). */
export function mapMessage(message: WebhookMessage, displayName: string | undefined, context: MappingContext): MappedInbound | undefined {
  if (IGNORED_TYPES.has(message.type)) return undefined;
  const base: WhatsAppInboundMessage = {
    workspaceId: context.workspaceId,
    channel: WHATSAPP_CHANNEL,
    conversationKey: message.from,
    sender: { externalId: message.from, ...(displayName ? { displayName } : {}) },
    channelMessageId: message.id,
    text: '',
    receivedAt: context.receivedAt,
  };
  switch (message.type) {
    case 'text':
      return { message: { ...base, text: message.text?.body ?? '' } };
    case 'button':
      // A quick-reply button of a template (e.g. the re-engagement template): its payload, else its text.
      return { message: { ...base, text: message.button?.text ?? '', ...(message.button?.payload ? { quickReplyPayload: message.button.payload } : {}) } };
    case 'interactive': {
      const choice = message.interactive?.button_reply ?? message.interactive?.list_reply;
      if (choice) return { message: { ...base, text: choice.title, quickReplyPayload: choice.id } };
      return unsupported(base, `interactive ${message.interactive?.type ?? ''}`.trim());
    }
    case 'image':
    case 'video':
    case 'audio':
    case 'document':
    case 'sticker': {
      const media = message[message.type];
      if (!media) return unsupported(base, message.type);
      const kind = message.type === 'audio' && media.voice ? 'voice' : message.type;
      const attachment: WhatsAppAttachment = {
        kind,
        ...(media.mime_type ? { mimeType: media.mime_type } : {}),
        ...(media.caption?.trim() ? { caption: media.caption.trim() } : {}),
        ...(media.filename ? { filename: media.filename } : {}),
      };
      return {
        message: { ...base, text: attachmentText(attachment), attachment },
        media: { mediaId: media.id, ...(media.mime_type ? { mimeType: media.mime_type } : {}), ...(media.sha256 ? { sha256: media.sha256 } : {}) },
      };
    }
    case 'location': {
      const place = message.location;
      if (!place) return unsupported(base, 'location');
      const attachment: WhatsAppAttachment = {
        kind: 'location',
        location: { latitude: place.latitude, longitude: place.longitude, ...(place.name ? { name: place.name } : {}), ...(place.address ? { address: place.address } : {}) },
      };
      return { message: { ...base, text: attachmentText(attachment), attachment } };
    }
    default:
      return unsupported(base, message.type);
  }
}

function unsupported(base: WhatsAppInboundMessage, providerType: string): MappedInbound {
  const attachment: WhatsAppAttachment = { kind: 'unsupported', providerType };
  return { message: { ...base, text: attachmentText(attachment), attachment } };
}

/**
 * The text stored for a message with an attachment, written for the agents who read the conversation:
 * `[image] caption`, `[voice note]`, `[document: invoice.pdf] caption`, `[location] 52.52,13.405 Name, Address`,
 * `[unsupported message: contacts]`, with `(not kept: too large)` when the file was not kept.
 */
export function attachmentText(attachment: WhatsAppAttachment): string {
  if (attachment.kind === 'location' && attachment.location) {
    const place = attachment.location;
    const where = [place.name, place.address].filter(Boolean).join(', ');
    return `[location] ${place.latitude},${place.longitude}${where ? ` ${where}` : ''}`;
  }
  if (attachment.kind === 'unsupported' || attachment.kind === 'location') {
    return `[unsupported message${attachment.providerType ? `: ${attachment.providerType}` : ''}]`;
  }
  const label = `${MEDIA_LABELS[attachment.kind]}${attachment.filename ? `: ${attachment.filename}` : ''}`;
  const note = attachment.notKept === 'too_large' ? ' (not kept: too large)' : attachment.notKept === 'unavailable' ? ' (not kept: unavailable)' : '';
  return `[${label}${note}]${attachment.caption ? ` ${attachment.caption}` : ''}`;
}

const STATUSES: Record<string, DeliveryStatus> = { sent: 'sent', delivered: 'delivered', read: 'read', failed: 'failed' };

/** One receipt, or undefined for a status the platform does not track (`deleted`, `warning`). */
export function mapStatus(status: WebhookStatus, receivedAt: number): MappedStatus | undefined {
  const mapped = STATUSES[status.status];
  if (!mapped) return undefined;
  const seconds = Number(status.timestamp);
  const error = status.errors?.map(formatWebhookError).join('; ');
  return {
    providerMessageId: status.id,
    status: mapped,
    ...(error ? { error } : {}),
    at: Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : receivedAt,
  };
}

/** `131047 Re-engagement message: details`. */
export function formatWebhookError(error: WebhookError): string {
  const title = error.title ?? error.message;
  const details = error.error_data?.details;
  return [String(error.code), title, details && details !== title ? `: ${details}` : ''].filter(Boolean).join(' ').replace(' :', ':');
}

function parse<T extends z.ZodType>(schema: T, input: unknown, where: string): z.infer<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = [where, ...(issue?.path ?? []).map(String)].join('.');
  throw new WebhookPayloadError(`${path}: ${issue?.message ?? 'invalid'}`);
}
