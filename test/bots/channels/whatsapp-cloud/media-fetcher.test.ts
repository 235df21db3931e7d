import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { WhatsAppPermanentError, WhatsAppRetryableError } from '../../../../bots/channels/whatsapp-cloud/graph-errors';
import type { GraphApiClient, MediaDownload } from '../../../../bots/channels/whatsapp-cloud/graph-client';
import type { MappedInbound } from '../../../../bots/channels/whatsapp-cloud/inbound-mapper';
import { matchesChecksum, MediaFetcher } from '../../../../bots/channels/whatsapp-cloud/media-fetcher';
import { MediaStore } from '../../../../bots/channels/whatsapp-cloud/media-store';

const bytes = Buffer.from('%PDF-1.4 invoice');

describe('matchesChecksum', () => {
  it('accepts the SHA-256 as hex (documented) or base64, and refuses another file', () => {
    const digest = createHash('sha256').update(bytes);
    const hex = digest.copy().digest('hex');
    expect(matchesChecksum(hex, bytes)).toBe(true);
    expect(matchesChecksum(hex.toUpperCase(), bytes)).toBe(true);
    expect(matchesChecksum(digest.digest('base64'), bytes)).toBe(true);
    expect(matchesChecksum(hex, Buffer.from('other'))).toBe(false);
  });

  it('does not hold an absent or unrecognisable checksum against the file', () => {
    expect(matchesChecksum(undefined, bytes)).toBe(true);
    expect(matchesChecksum('md5:abc', bytes)).toBe(true);
  });
});

describe('MediaFetcher', () => {
  let folder: string;
  const inbound = (id: string, filename = 'invoice.pdf'): MappedInbound => ({
    message: {
      workspaceId: 'ws',
      channel: 'whatsapp',
      conversationKey: '1',
      sender: { externalId: '1' },
      channelMessageId: id,
      text: `[document: ${filename}]`,
      receivedAt: 1,
      attachment: { kind: 'document', filename, mimeType: 'application/x-unknown' },
    },
    media: { mediaId: 'media-1', mimeType: 'application/x-unknown' },
  });
  const graph = (download: () => Promise<MediaDownload>, sha256?: string): Pick<GraphApiClient, 'mediaInfo' | 'downloadMedia'> => ({
    mediaInfo: async () => ({ url: 'http://media/1', mimeType: 'application/x-unknown', ...(sha256 ? { sha256 } : {}) }),
    downloadMedia: download,
  });
  const fetcher = (client: Pick<GraphApiClient, 'mediaInfo' | 'downloadMedia'>) => new MediaFetcher({ graph: client, store: new MediaStore(folder), maxBytes: 1024, logger: pino({ level: 'silent' }) });

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'wa-fetch-'));
  });

  afterEach(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it("keeps a document under its own extension when the MIME type is unknown", async () => {
    const message = await fetcher(graph(async () => ({ kind: 'file', bytes }))).resolve(inbound('wamid.A+B/C='));
    expect(message.attachment?.file).toBe('whatsapp/wamid.A-2bB-2fC-3d.pdf');
    expect(readFileSync(join(folder, message.attachment!.file!))).toEqual(bytes);
    expect(message.text).toBe('[document: invoice.pdf]');
  });

  it('asks for the webhook again when the bytes do not match the checksum', async () => {
    const wrong = createHash('sha256').update('something else').digest('hex');
    await expect(fetcher(graph(async () => ({ kind: 'file', bytes }), wrong)).resolve(inbound('wamid.B'))).rejects.toBeInstanceOf(WhatsAppRetryableError);
  });

  it('hands the message on without its file when the Graph API refuses it for good', async () => {
    const message = await fetcher(graph(() => Promise.reject(new WhatsAppPermanentError('gone', 100)))).resolve(inbound('wamid.C'));
    expect(message.attachment).toMatchObject({ notKept: 'unavailable' });
    expect(message.attachment?.file).toBeUndefined();
    expect(message.text).toBe('[document: invoice.pdf (not kept: unavailable)]');
  });

  it('passes a retryable failure on', async () => {
    await expect(fetcher(graph(() => Promise.reject(new WhatsAppRetryableError('down')))).resolve(inbound('wamid.D'))).rejects.toBeInstanceOf(WhatsAppRetryableError);
  });
});
