/**
 * Maps the attachments of an inbound Bot Framework activity to the platform's {@link InboundAttachment}, without
 * I/O: images, audio and video by their MIME type, files (Teams' `application/vnd.microsoft.teams.file.download.info`,
 * Web Chat uploads) as documents, and cards or anything else without a file as `unsupported`. The HTML or plain-text
 * copy Teams adds to a formatted message is not an attachment of its own and is left out.
 *
 * The files are NOT downloaded; their reference (`contentUrl`, name, type) is stored instead. A `contentUrl` of
 * Teams or the Bot Connector needs the bot's access token to open and Teams' pre-authenticated download URLs expire
 * within minutes, so a download here would hold the Bot Connector's request (which must be answered quickly) for a
 * file that the team can open from Teams itself, where the shopper shared it. What the team needs to find the file is
 * kept with the message.
 */
import { extname } from 'node:path';
import type { Attachment } from 'botbuilder';
import { z } from 'zod';
import type { InboundAttachment } from '../../runtime/conversation-store';

/** A file a shopper shares in a Teams personal chat. */
export const TEAMS_FILE_DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';

/** Attachments that only repeat the message's text in another format (Teams sends formatted text as HTML too). */
const TEXT_COPIES = new Set(['text/html', 'text/plain']);

/** Longest reference kept; longer ones are `data:` URLs of the file itself, not references. */
const MAX_URL_LENGTH = 2048;
/** Longest file name or content type kept (names are for people; the URL is the reference). */
const MAX_NAME_LENGTH = 255;

/** The `content` of a Teams file attachment. */
const teamsFileContentSchema = z.looseObject({
  downloadUrl: z.string().optional(),
  uniqueId: z.string().optional(),
  fileType: z.string().optional(),
});

const IMAGE_EXTENSIONS = new Set(['jpg', 'jpeg', 'png', 'gif', 'webp', 'bmp', 'heic', 'heif', 'tif', 'tiff']);
const AUDIO_EXTENSIONS = new Set(['mp3', 'm4a', 'ogg', 'opus', 'wav', 'aac', 'amr', 'wma']);
const VIDEO_EXTENSIONS = new Set(['mp4', 'mov', 'avi', 'mkv', 'webm', '3gp', 'wmv']);

const LABELS: Record<Exclude<InboundAttachment['kind'], 'location' | 'unsupported'>, string> = {
  image: 'image',
  video: 'video',
  audio: 'audio',
  voice: 'voice note',
  document: 'document',
  sticker: 'sticker',
};

/**
 * The activity's attachments as one {@link InboundAttachment} (the first, with the others under `others`), or
 * undefined when it carries none besides copies of its text.
 * @param caption the words the shopper sent with them, if any.
 */
export function mapAttachments(attachments: readonly Attachment[] | undefined, caption: string): InboundAttachment | undefined {
  const mapped = (attachments ?? []).flatMap((attachment) => {
    const one = mapAttachment(attachment);
    return one ? [one] : [];
  });
  const [first, ...others] = mapped;
  if (!first) return undefined;
  return { ...first, ...(caption ? { caption } : {}), ...(others.length ? { others } : {}) };
}

/** One attachment, or undefined for a copy of the message's text. */
export function mapAttachment(attachment: Attachment): InboundAttachment | undefined {
  const contentType = attachment.contentType.trim().toLowerCase();
  // A text file shared by the shopper has a URL; the formatted copy of the message has its content inline.
  if (TEXT_COPIES.has(contentType) && !attachment.contentUrl) return undefined;
  const filename = cleanName(attachment.name);
  if (contentType === TEAMS_FILE_DOWNLOAD_INFO) {
    const content = teamsFileContentSchema.safeParse(attachment.content);
    const fileType = (content.success ? content.data.fileType : undefined) ?? extname(filename ?? '').slice(1);
    // The contentUrl is the file's lasting place (the shopper's OneDrive / SharePoint); the downloadUrl opens without
    // credentials but expires within minutes, so it is only the fallback.
    const url = reference(attachment.contentUrl) ?? reference(content.success ? content.data.downloadUrl : undefined);
    return { kind: kindOfExtension(fileType), ...(filename ? { filename } : {}), ...located(url) };
  }
  const kind = kindOfType(contentType);
  // Cards and other structured content the shopper's client sent: nothing the team could open as a file.
  if (!kind) return { kind: 'unsupported', providerType: contentType.slice(0, MAX_NAME_LENGTH) };
  const url = reference(attachment.contentUrl);
  // Teams names pasted images `image/*`: not a type worth keeping.
  const mimeType = contentType.includes('*') ? undefined : contentType;
  return { kind, ...(mimeType ? { mimeType } : {}), ...(filename ? { filename } : {}), ...located(url) };
}

/**
 * The text stored for a message with attachments, written for the agents who read the conversation:
 * `[image: photo.png] caption`, `[document: invoice.pdf] [image]`, `[unsupported message: application/vnd...]`,
 * with `(not kept: unavailable)` when not even a reference could be kept.
 */
export function describeAttachments(attachment: InboundAttachment): string {
  const labels = [attachment, ...(attachment.others ?? [])].map(label).join(' ');
  return attachment.caption ? `${labels} ${attachment.caption}` : labels;
}

function label(attachment: InboundAttachment): string {
  if (attachment.kind === 'unsupported' || attachment.kind === 'location') {
    return `[unsupported message${attachment.providerType ? `: ${attachment.providerType}` : ''}]`;
  }
  const name = `${LABELS[attachment.kind]}${attachment.filename ? `: ${attachment.filename}` : ''}`;
  return `[${name}${attachment.notKept ? ` (not kept: ${attachment.notKept.replace('_', ' ')})` : ''}]`;
}

function located(url: string | undefined): Pick<InboundAttachment, 'url' | 'notKept'> {
  return url ? { url } : { notKept: 'unavailable' };
}

/** An http(s) URL short enough to be a reference, or undefined. */
function reference(url: string | undefined): string | undefined {
  if (!url || url.length > MAX_URL_LENGTH) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}

function cleanName(name: string | undefined): string | undefined {
  const trimmed = name?.replace(/[\r\n\t]+/g, ' ').trim();
  return trimmed ? trimmed.slice(0, MAX_NAME_LENGTH) : undefined;
}

function kindOfType(contentType: string): InboundAttachment['kind'] | undefined {
  if (contentType.startsWith('image/')) return 'image';
  if (contentType.startsWith('audio/')) return 'audio';
  if (contentType.startsWith('video/')) return 'video';
  if (contentType.startsWith('application/vnd.microsoft.')) return undefined;
  if (contentType.startsWith('application/') || contentType.startsWith('text/')) return 'document';
  return undefined;
}

function kindOfExtension(fileType: string): InboundAttachment['kind'] {
  const extension = fileType.toLowerCase().replace(/^\./, '');
  if (IMAGE_EXTENSIONS.has(extension)) return 'image';
  if (AUDIO_EXTENSIONS.has(extension)) return 'audio';
  if (VIDEO_EXTENSIONS.has(extension)) return 'video';
  return 'document';
}
