/**
 * Loads a reply's image (a product photo) by URL for sending. Used instead of `MessageMedia.fromUrl`, which neither
 * checks the HTTP status (a 404 page would be sent as a broken "image") nor limits the size.
 */
import { basename } from 'node:path';
import { MessageMedia } from 'whatsapp-web.js';
import { ImageUnavailableError } from './errors';

/** Loads an image; throws {@link ImageUnavailableError} when it can never be sent, another error when worth a retry. */
export type ImageLoader = (url: string) => Promise<MessageMedia>;

/** Settings of {@link createImageLoader}. */
export interface ImageLoaderOptions {
  /** Largest image sent (the configured `channels.maxMediaBytes`). */
  maxBytes: number;
  /** @defaultValue 15000 */
  timeoutMs?: number;
}

/** See the file comment. */
export function createImageLoader(options: ImageLoaderOptions): ImageLoader {
  return async (url) => {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new ImageUnavailableError(url, 'not a URL');
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new ImageUnavailableError(url, 'only http and https URLs are loaded');
    const response = await fetch(parsed, { headers: { accept: 'image/*' }, signal: AbortSignal.timeout(options.timeoutMs ?? 15_000) });
    if (response.status >= 500 || response.status === 429 || response.status === 408) {
      await response.body?.cancel();
      throw new Error(`Loading the image ${url} failed with HTTP ${response.status}; it is tried again.`);
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new ImageUnavailableError(url, `HTTP ${response.status}`);
    }
    const mimetype = (response.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (!mimetype.startsWith('image/')) {
      await response.body?.cancel();
      throw new ImageUnavailableError(url, `content type "${mimetype || 'none'}" is not an image`);
    }
    const announced = Number(response.headers.get('content-length') ?? NaN);
    if (announced > options.maxBytes) {
      await response.body?.cancel();
      throw new ImageUnavailableError(url, `${announced} bytes is more than CHANNELS_MAX_MEDIA_BYTES`);
    }
    const bytes = Buffer.from(await response.arrayBuffer());
    if (bytes.length > options.maxBytes) throw new ImageUnavailableError(url, `${bytes.length} bytes is more than CHANNELS_MAX_MEDIA_BYTES`);
    return new MessageMedia(mimetype, bytes.toString('base64'), basename(parsed.pathname) || null, bytes.length);
  };
}
