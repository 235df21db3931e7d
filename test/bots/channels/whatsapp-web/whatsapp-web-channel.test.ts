import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { Redis } from 'ioredis';
import pino from 'pino';
import { Registry } from 'prom-client';
import { MessageAck } from 'whatsapp-web.js';
import { DeliveryLog } from '../../../../bots/channels/delivery-log';
import {
  createWhatsAppWebRoutes,
  describeWhatsAppWebRoutes,
  openWhatsAppWebQueue,
  UnknownWorkspaceError,
  WhatsAppWebQueueAdapter,
  type WhatsAppWebChannel,
} from '../../../../bots/channels/whatsapp-web';
import { ConversationStore, messagePayload } from '../../../../bots/runtime/conversation-store';
import { IngestService } from '../../../../bots/runtime/ingest';
import { configSchema } from '../../../../config';
import { ApiTokenStore } from '../../../../platform/auth';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../../../../platform/database';
import { errorHandler } from '../../../../platform/http/errors';
import { ApiCatalogue } from '../../../../platform/http/openapi';
import { PlatformMetrics } from '../../../../platform/metrics';
import { WorkspaceStore, type Workspace } from '../../../../platform/workspaces';
import { openQueues, type Queues } from '../../../../workers/queues';
import { createSqliteDatabase, type TestDatabase } from '../../../support/databases';
import { FakeWhatsApp } from '../../../support/fake-whatsapp-client';
import { REDIS_URL, deleteRedisPrefix, uniquePrefix } from '../../../support/services';
import { waitFor } from '../../../support/wait-for';
import { urlNamedImageLoader } from './channel-harness';

const logger = pino({ level: 'silent' });
const PATH = '/api/channels/whatsapp-web/status';

describe('createWhatsAppWebRoutes', () => {
  let database: TestDatabase;
  let handle: DatabaseHandle;
  let store: ConversationStore;
  let workspaces: WorkspaceStore;
  let tokens: ApiTokenStore;
  let shop: Workspace;
  let other: Workspace;
  let redis: Redis;
  let workerRedis: Redis;
  let queues: Queues;
  let prefix: string;
  let mediaDir: string;
  let world: FakeWhatsApp;
  let channel: WhatsAppWebChannel;
  let registry: Registry;
  let server: Server;
  let url: string;
  const token = { admin: '', agent: '', otherAdmin: '' };

  function build(workspaceSlug: string, metricsRegistry: Registry = registry): WhatsAppWebChannel {
    const defaults = configSchema.parse({});
    const ingest = new IngestService(store, queues.inbound, new PlatformMetrics({ defaultMetrics: false }));
    return createWhatsAppWebRoutes({
      settings: { ...defaults.whatsappWeb, enabled: true, workspace: workspaceSlug, typingMsPerChar: 0 },
      channels: { mediaDir, maxMediaBytes: 1024 * 1024 },
      defaultWorkspaceSlug: 'demo',
      workspaces,
      tokens,
      store,
      ingest,
      deliveryLog: new DeliveryLog(handle.db),
      queue: openWhatsAppWebQueue(redis, prefix),
      workerConnection: workerRedis,
      redisKeyPrefix: prefix,
      metricsRegistry,
      logger,
      createClient: world.createClient,
      loadImage: urlNamedImageLoader,
      backoff: { initialMs: 20, maxMs: 100 },
      notReadyRetryMs: 100,
    });
  }

  async function status(bearer?: string): Promise<{ status: number; body: Record<string, unknown>; cache: string | null }> {
    const response = await fetch(`${url}${PATH}`, bearer ? { headers: { authorization: `Bearer ${bearer}` } } : {});
    return { status: response.status, body: (await response.json()) as Record<string, unknown>, cache: response.headers.get('cache-control') };
  }

  beforeAll(async () => {
    database = await createSqliteDatabase();
    handle = openDatabase(database.url);
    await migrateToLatest(handle.db as never);
    store = new ConversationStore(handle.db, 'sqlite');
    workspaces = new WorkspaceStore(handle.db);
    tokens = new ApiTokenStore(handle.db);
    shop = (await workspaces.ensure({ slug: 'phone-shop', name: 'Phone Shop', defaultLanguage: 'es' })).workspace;
    other = (await workspaces.ensure({ slug: 'other-shop', name: 'Other Shop', defaultLanguage: 'en' })).workspace;
    token.admin = (await tokens.create({ workspaceId: shop.id, role: 'admin', name: 'admin' })).token;
    token.agent = (await tokens.create({ workspaceId: shop.id, role: 'agent', name: 'agent' })).token;
    token.otherAdmin = (await tokens.create({ workspaceId: other.id, role: 'admin', name: 'other' })).token;
    prefix = uniquePrefix('wawebch');
    redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
    workerRedis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
    queues = openQueues(redis, prefix, { outboundAttempts: 3, outboundBackoffMs: 100 });
    mediaDir = mkdtempSync(join(tmpdir(), 'wa-channel-'));
    world = new FakeWhatsApp();
    world.scripts.push('qr');
    registry = new Registry();
    channel = build('phone-shop');
    const app = express();
    app.use(express.json());
    app.use(channel.router);
    app.use(errorHandler(logger));
    server = createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await channel?.stop();
    await new Promise((resolve) => server?.close(resolve));
    await queues?.close();
    await redis?.quit();
    await workerRedis?.quit();
    await deleteRedisPrefix(prefix);
    await handle?.close();
    await database?.drop();
    rmSync(mediaDir, { recursive: true, force: true });
  });

  it('answers 503 before it has started', async () => {
    expect(await status(token.admin)).toMatchObject({ status: 503, body: { error: { code: 'starting' } } });
  });

  describe('once started without a linked phone', () => {
    beforeAll(async () => {
      await channel.start();
      await waitFor(() => channel.connection.status().state === 'qr');
    });

    it("shows the QR code to an admin of the phone's workspace, never cached", async () => {
      const answer = await status(token.admin);
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ state: 'qr', since: expect.any(Number), qr: channel.connection.status().qr, qrImage: expect.stringMatching(/^data:image\/png;base64,/) });
      expect(answer.cache).toBe('no-store');
    });

    it('hides it from agents, other workspaces and anonymous callers', async () => {
      expect((await status(token.agent)).status).toBe(403);
      expect(await status(token.otherAdmin)).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
      expect((await status()).status).toBe(401);
    });

    it('exports the state as a metric', async () => {
      const metric = await registry.getSingleMetric('pgdesk_whatsapp_web_state')?.get();
      expect(metric?.values.find((value) => value.labels.state === 'qr')?.value).toBe(1);
      expect(metric?.values.find((value) => value.labels.state === 'ready')?.value).toBe(0);
    });
  });

  describe('once the phone is linked', () => {
    beforeAll(() => {
      world.scanQr();
    });

    it('reports the linked phone', async () => {
      const answer = await status(token.admin);
      expect(answer.body).toMatchObject({ state: 'ready', me: { id: '15550001111@c.us', name: 'Demo Store' } });
      expect(answer.body).not.toHaveProperty('qr');
    });

    it("stores shoppers' messages in the phone's workspace, sends queued replies and records their receipts", async () => {
      world.receive({ from: '34600111222@c.us', body: '¿Dónde está mi pedido?', notifyName: 'Lucía' });
      const conversation = await waitFor(() => store.findConversationByKey(shop.id, 'whatsapp-web', '34600111222@c.us'));
      // The conversation is created a moment before its first message is stored.
      const [inbound] = await waitFor(async () => {
        const messages = await store.listMessages(conversation.id, { limit: 5 });
        return messages.length ? messages : undefined;
      });
      expect(inbound).toMatchObject({ text: '¿Dónde está mi pedido?', author_name: 'Lucía', status: 'accepted' });

      const reply = await store.appendOutgoing({ conversation, outgoing: { reply: { text: 'Tu pedido sale hoy.', language: 'es' }, author: 'bot' } });
      await new WhatsAppWebQueueAdapter(openWhatsAppWebQueue(redis, prefix)).deliver(reply);
      await waitFor(() => world.sent.length === 1, 5000);
      const [sent] = world.takeSent();
      expect(sent).toMatchObject({ chatId: '34600111222@c.us', text: 'Tu pedido sale hoy.' });

      world.acknowledge(sent?.id as string, MessageAck.ACK_READ);
      const log = new DeliveryLog(handle.db);
      await waitFor(async () => (await log.parts(reply.id))[0]?.status === 'read');
    });

    it('stores a wordless voice note with its kept file, for the runtime to answer', async () => {
      const { MessageMedia, MessageTypes } = await import('whatsapp-web.js');
      world.receive({ from: '34600333444@c.us', type: MessageTypes.VOICE, media: new MessageMedia('audio/ogg', 'T2dnUw==', null, 4) });
      const conversation = await waitFor(() => store.findConversationByKey(shop.id, 'whatsapp-web', '34600333444@c.us'));
      const [voiceNote] = await waitFor(async () => {
        const list = await store.listMessages(conversation.id, { limit: 5 });
        return list.length ? list : undefined;
      });
      expect(voiceNote).toMatchObject({ direction: 'in', text: '[voice note]', status: 'accepted' });
      const attachment = messagePayload(voiceNote!).attachment;
      expect(attachment).toMatchObject({ kind: 'voice', mimeType: 'audio/ogg', bytes: 4 });
      expect(readFileSync(join(mediaDir, attachment?.file as string), 'utf8')).toBe('OggS');
    });
  });

  it('refuses to start for a workspace that does not exist', async () => {
    await expect(build('no-such-shop', new Registry()).start()).rejects.toBeInstanceOf(UnknownWorkspaceError);
  });

  it('is described in the OpenAPI document for admins', () => {
    const api = new ApiCatalogue();
    describeWhatsAppWebRoutes(api);
    const document = api.document({ title: 't', version: '1' }) as { paths: Record<string, Record<string, { security?: unknown; tags?: string[] }>> };
    expect(document.paths[PATH]?.get?.tags).toEqual(['channels']);
  });
});
