import { GraphApiClient } from '../../../../bots/channels/whatsapp-cloud/graph-client';
import { WhatsAppPermanentError, WhatsAppRetryableError, WhatsAppWindowClosedError } from '../../../../bots/channels/whatsapp-cloud/graph-errors';
import { FakeGraphApi } from '../../../support/fake-graph-api';

const TOKEN = 'EAAG-test-token';
const PHONE = '106540352242922';

describe('GraphApiClient (against the fake Graph API)', () => {
  let graph: FakeGraphApi;
  let client: GraphApiClient;

  beforeAll(async () => {
    graph = await new FakeGraphApi({ accessToken: TOKEN, phoneNumberId: PHONE }).start();
  });

  beforeEach(() => {
    client = new GraphApiClient({ graphApiUrl: `${graph.url}/`, graphApiVersion: 'v21.0', accessToken: TOKEN, phoneNumberId: PHONE }, { timeoutMs: 2000 });
    graph.takeSent();
  });

  afterAll(async () => {
    await graph?.stop();
  });

  describe('sendMessage', () => {
    it("posts Meta's envelope with the Bearer token and returns the wamid", async () => {
      const id = await client.sendMessage('16505551234', { type: 'text', text: { body: 'Hello' } });
      const [sent] = graph.takeSent();
      expect(id).toBe(sent?.id);
      expect(id).toMatch(/^wamid\./);
      expect(sent?.body).toEqual({ messaging_product: 'whatsapp', recipient_type: 'individual', to: '16505551234', type: 'text', text: { body: 'Hello' } });
    });

    it('throws a retryable error on a 500', async () => {
      graph.failNextSends(1, { status: 500, code: 131000 });
      await expect(client.sendMessage('1', { type: 'text', text: { body: 'x' } })).rejects.toBeInstanceOf(WhatsAppRetryableError);
    });

    it('reports the Retry-After of a 429', async () => {
      graph.failNextSends(1, { status: 429, code: 130429, retryAfterSeconds: 7 });
      const error = (await client.sendMessage('1', { type: 'text', text: { body: 'x' } }).catch((e: unknown) => e)) as WhatsAppRetryableError;
      expect(error).toBeInstanceOf(WhatsAppRetryableError);
      expect(error.retryAfterMs).toBe(7000);
      expect(error.metaCode).toBe(130429);
    });

    it('treats a dropped connection as retryable', async () => {
      graph.failNextSends(1, { status: 0, hangUp: true });
      await expect(client.sendMessage('1', { type: 'text', text: { body: 'x' } })).rejects.toThrow(/Graph API unreachable/);
    });

    it('throws a permanent error for an undeliverable recipient', async () => {
      graph.failNextSends(1, { status: 400, code: 131026 });
      await expect(client.sendMessage('1', { type: 'text', text: { body: 'x' } })).rejects.toBeInstanceOf(WhatsAppPermanentError);
    });

    it('throws a window-closed error when WhatsApp refuses a free-form message with 131047', async () => {
      graph.closeWindow('16500000000');
      await expect(client.sendMessage('16500000000', { type: 'text', text: { body: 'x' } })).rejects.toBeInstanceOf(WhatsAppWindowClosedError);
    });

    it('names the token when Meta refuses it', async () => {
      const wrong = new GraphApiClient({ graphApiUrl: graph.url, graphApiVersion: 'v21.0', accessToken: 'revoked', phoneNumberId: PHONE });
      await expect(wrong.sendMessage('1', { type: 'text', text: { body: 'x' } })).rejects.toThrow(/WHATSAPP_CLOUD_ACCESS_TOKEN/);
    });

    it('treats an unreachable Graph API as retryable', async () => {
      const nowhere = new GraphApiClient({ graphApiUrl: 'http://127.0.0.1:9', graphApiVersion: 'v21.0', accessToken: TOKEN, phoneNumberId: PHONE }, { timeoutMs: 1000 });
      await expect(nowhere.sendMessage('1', { type: 'text', text: { body: 'x' } })).rejects.toBeInstanceOf(WhatsAppRetryableError);
    });
  });

  it('marks a message read with the typing indicator', async () => {
    await client.markRead('wamid.IN1', true);
    expect(graph.reads.at(-1)).toEqual({ messageId: 'wamid.IN1', typing: true });
  });

  describe('media', () => {
    const bytes = Buffer.from('fake-jpeg-bytes-'.repeat(64));

    it('looks up a media id and downloads the file with the token', async () => {
      graph.addMedia('m1', { bytes, mimeType: 'image/jpeg' });
      const info = await client.mediaInfo('m1');
      expect(info).toMatchObject({ mimeType: 'image/jpeg', fileSize: bytes.length });
      expect(await client.downloadMedia(info.url, 1 << 20)).toEqual({ kind: 'file', bytes });
    });

    it('stops at the size limit, from the Content-Length or while reading', async () => {
      graph.addMedia('m2', { bytes, mimeType: 'image/jpeg' });
      graph.addMedia('m3', { bytes, mimeType: 'image/jpeg', chunked: true });
      const declared = await client.downloadMedia((await client.mediaInfo('m2')).url, 100);
      expect(declared).toEqual({ kind: 'too_large', size: bytes.length });
      const counted = await client.downloadMedia((await client.mediaInfo('m3')).url, 100);
      expect(counted.kind).toBe('too_large');
    });

    it('refuses an unknown media id permanently', async () => {
      await expect(client.mediaInfo('nope')).rejects.toBeInstanceOf(WhatsAppPermanentError);
    });
  });
});
