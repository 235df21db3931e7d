/**
 * Keeps the files shoppers send (images, documents, voice notes) under the media folder, one file per message:
 * `<mediaDir>/whatsapp-web/<workspace id>/<message id>.<ext>`. The name comes from the WhatsApp message id, so a
 * redelivered message overwrites its own file instead of adding a copy, and agents find a file from the message.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, extname, join } from 'node:path';
import type { MessageMedia } from 'whatsapp-web.js';

/** What happened to one attachment. */
export type StoredMedia =
  /** `file` is relative to the media folder (what the message's attachment records), `path` the full path. */
  | { stored: true; file: string; path: string; bytes: number; mimetype: string }
  | { stored: false; reason: 'too_large'; bytes: number };

/** File extensions of the media types WhatsApp sends. */
const EXTENSIONS: Readonly<Record<string, string>> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'video/mp4': 'mp4',
  'video/3gpp': '3gp',
  'audio/ogg': 'ogg',
  'audio/mpeg': 'mp3',
  'audio/mp4': 'm4a',
  'audio/aac': 'aac',
  'audio/amr': 'amr',
  'application/pdf': 'pdf',
  'text/plain': 'txt',
  'text/vcard': 'vcf',
};

/** See the file comment. */
export class MediaStore {
  /**
   * @param mediaDir the configured `channels.mediaDir`.
   * @param maxBytes the configured `channels.maxMediaBytes`: larger files are not written.
   */
  constructor(
    private readonly mediaDir: string,
    private readonly maxBytes: number,
  ) {}

  /** True when a file of `bytes` is too large to keep (checked before downloading, when WhatsApp announces the size). */
  tooLarge(bytes: number): boolean {
    return bytes > this.maxBytes;
  }

  /** Writes the media of a message (atomically: a crash leaves no half file under the final name). */
  async save(workspaceId: string, messageId: string, media: Pick<MessageMedia, 'mimetype' | 'data' | 'filename'>): Promise<StoredMedia> {
    const bytes = base64Bytes(media.data);
    if (this.tooLarge(bytes)) return { stored: false, reason: 'too_large', bytes };
    const file = join('whatsapp-web', safeName(workspaceId), `${safeName(messageId)}.${extensionOf(media.mimetype, media.filename)}`);
    const path = join(this.mediaDir, file);
    await mkdir(dirname(path), { recursive: true });
    const partial = `${path}.${process.pid}.part`;
    await writeFile(partial, Buffer.from(media.data, 'base64'));
    await rename(partial, path);
    return { stored: true, file, path, bytes, mimetype: media.mimetype };
  }
}

/** Decoded size of base64 text, without decoding it. */
export function base64Bytes(data: string): number {
  const padding = data.endsWith('==') ? 2 : data.endsWith('=') ? 1 : 0;
  return Math.floor((data.length * 3) / 4) - padding;
}

/** A file name from an id: only letters, digits, dot, dash and underscore (ids contain `@` and may contain `/`). */
function safeName(id: string): string {
  return id.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_').slice(0, 200);
}

function extensionOf(mimetype: string, filename: string | null | undefined): string {
  const known = EXTENSIONS[mimetype.split(';')[0]?.trim().toLowerCase() ?? ''];
  if (known) return known;
  const fromName = filename ? extname(filename).slice(1).toLowerCase() : '';
  return /^[a-z0-9]{1,8}$/.test(fromName) ? fromName : 'bin';
}
