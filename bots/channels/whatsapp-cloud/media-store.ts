/**
 * Keeps the files shoppers send on WhatsApp under `channels.mediaDir/whatsapp/`, one file per message, named after
 * the provider's message id. The name is a function of the message, so a redelivered webhook finds the file it
 * already kept instead of downloading it again, and a crash mid-write leaves no half file (written to a temporary
 * name, then renamed).
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';

// Extensions of the MIME types WhatsApp documents for media messages; anything else keeps the document's own
// extension (when it is a plain one) or `.bin`.
const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'audio/ogg': 'ogg',
  'audio/opus': 'opus',
  'audio/mpeg': 'mp3',
  'audio/mp4': 'm4a',
  'audio/aac': 'aac',
  'audio/amr': 'amr',
  'video/mp4': 'mp4',
  'video/3gpp': '3gp',
  'application/pdf': 'pdf',
  'text/plain': 'txt',
  'application/msword': 'doc',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.ms-excel': 'xls',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.ms-powerpoint': 'ppt',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
};

/** See the file comment. */
export class MediaStore {
  /** @param mediaDir `channels.mediaDir`; created on first write. */
  constructor(private readonly mediaDir: string) {}

  /**
   * The file's path relative to the media folder, e.g. `whatsapp/wamid.HBgL...jpg`. Characters outside
   * `[A-Za-z0-9._]` (the dash included, being the escape) are escaped as `-xx` (hex), so two ids never share a name.
   */
  relativePath(providerMessageId: string, mimeType: string | undefined, filename?: string): string {
    const safe = providerMessageId.replace(/[^A-Za-z0-9._]/g, (char) => `-${char.charCodeAt(0).toString(16).padStart(2, '0')}`);
    return join('whatsapp', `${safe}.${extensionOf(mimeType, filename)}`);
  }

  /** True when the file was kept before (a redelivery). */
  async has(relativePath: string): Promise<boolean> {
    try {
      return (await stat(join(this.mediaDir, relativePath))).isFile();
    } catch {
      return false;
    }
  }

  /** Writes the file atomically (temporary name, then rename). */
  async save(relativePath: string, bytes: Buffer): Promise<void> {
    const target = join(this.mediaDir, relativePath);
    await mkdir(join(target, '..'), { recursive: true });
    const temporary = `${target}.${randomBytes(6).toString('hex')}.part`;
    try {
      await writeFile(temporary, bytes);
      await rename(temporary, target);
    } catch (error) {
      await unlink(temporary).catch(() => undefined);
      throw error;
    }
  }
}

function extensionOf(mimeType: string | undefined, filename: string | undefined): string {
  const base = mimeType?.split(';')[0]?.trim().toLowerCase();
  const known = base ? EXTENSIONS[base] : undefined;
  if (known) return known;
  const own = filename ? extname(filename).slice(1).toLowerCase() : '';
  return /^[a-z0-9]{1,8}$/.test(own) ? own : 'bin';
}
