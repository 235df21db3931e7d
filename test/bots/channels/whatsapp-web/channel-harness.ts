/**
 * The WhatsApp Web channel wired for tests: a real SQLite database (migrated), the real ConversationStore,
 * IngestService, DeliveryLog and queues on the local Redis (unique prefix), the real connection, inbound handler and
 * sender, and a {@link FakeWhatsApp} as the phone. No turn processor runs: answers are the platform's (test/e2e).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import pino from 'pino';
import { MessageMedia } from 'whatsapp-web.js';
import { DeliveryLog } from '../../../../bots/channels/delivery-log';
import {
  MediaStore,
  WhatsAppConnection,
  WhatsAppWebInbound,
  WhatsAppWebSender,
  type ImageLoader,
  type InboundIngest,
  type InboundOutcome,
  type WhatsAppWebSenderDeps,
} from '../../../../bots/channels/whatsapp-web';
import { ConversationStore, type InboundMessage } from '../../../../bots/runtime/conversation-store';
import { IngestService } from '../../../../bots/runtime/ingest';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../../../../platform/database';
import { PlatformMetrics } from '../../../../platform/metrics';
import { WorkspaceStore, type Workspace } from '../../../../platform/workspaces';
import { openQueues, type Queues } from '../../../../workers/queues';
import { createSqliteDatabase, type TestDatabase } from '../../../support/databases';
import { FakeWhatsApp, type IncomingMessage } from '../../../support/fake-whatsapp-client';
import { REDIS_URL, deleteRedisPrefix, uniquePrefix } from '../../../support/services';
import { waitFor } from '../../../support/wait-for';

/** A tiny JPEG-typed payload for reply images (the shop's image host is not reachable from tests). */
export const PRODUCT_PHOTO = Buffer.from('fake jpeg bytes').toString('base64');

/**
 * Loads any reply image as a small JPEG whose file name is its URL, so tests can see which image was sent.
 * (createImageLoader itself is tested against a loopback HTTP server in image-loader.test.ts.)
 */
export const urlNamedImageLoader: ImageLoader = async (url) => new MessageMedia('image/jpeg', PRODUCT_PHOTO, url, 15);

/** Options of {@link startChannel}. */
export interface ChannelOptions {
  sender?: Partial<Pick<WhatsAppWebSenderDeps, 'typingMsPerChar' | 'rateLimiter' | 'sleep' | 'loadImage'>>;
  maxMediaBytes?: number;
  allowGroups?: boolean;
}

/** The wired channel. */
export interface ChannelUnderTest {
  world: FakeWhatsApp;
  connection: WhatsAppConnection;
  store: ConversationStore;
  deliveryLog: DeliveryLog;
  workspace: Workspace;
  handle: DatabaseHandle;
  queues: Queues;
  redis: Redis;
  prefix: string;
  mediaDir: string;
  sender: WhatsAppWebSender;
  inbound: WhatsAppWebInbound;
  /** What reached ingest, in order (before the duplicate check). */
  ingested: InboundMessage[];
  /** A shopper writes; resolves with what the channel did once it is done. */
  receive(input: IncomingMessage): Promise<InboundOutcome>;
  close(): Promise<void>;
}

/** Starts the channel with a linked (ready) phone. */
export async function startChannel(options: ChannelOptions = {}): Promise<ChannelUnderTest> {
  const logger = pino({ level: 'silent' });
  const database: TestDatabase = await createSqliteDatabase();
  const handle = openDatabase(database.url);
  await migrateToLatest(handle.db as never);
  const store = new ConversationStore(handle.db, 'sqlite');
  const workspace = (await new WorkspaceStore(handle.db).ensure({ slug: 'wa-web', name: 'WA Web Store', defaultLanguage: 'en' })).workspace;
  const prefix = uniquePrefix('waweb');
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  const queues = openQueues(redis, prefix, { outboundAttempts: 3, outboundBackoffMs: 100 });
  const service = new IngestService(store, queues.inbound, new PlatformMetrics({ defaultMetrics: false }));
  const ingested: InboundMessage[] = [];
  const ingest: InboundIngest = {
    ingest(message) {
      ingested.push(message);
      return service.ingest(message);
    },
  };
  const mediaDir = mkdtempSync(join(tmpdir(), 'wa-media-'));
  const world = new FakeWhatsApp();
  const connection = new WhatsAppConnection({ createClient: world.createClient, logger, backoff: { initialMs: 20, maxMs: 100 } });
  const inbound = new WhatsAppWebInbound({
    workspace: { id: workspace.id },
    allowGroups: options.allowGroups ?? false,
    ingest,
    media: new MediaStore(mediaDir, options.maxMediaBytes ?? 1024 * 1024),
    logger,
    retryDelayMs: 10,
  });
  let last: Promise<InboundOutcome> | undefined;
  connection.on('message', (message) => {
    last = inbound.handle(message);
  });
  const deliveryLog = new DeliveryLog(handle.db);
  const sender = new WhatsAppWebSender({
    client: () => connection.readyClient(),
    state: () => connection.status().state,
    deliveryLog,
    conversations: store,
    loadImage: options.sender?.loadImage ?? urlNamedImageLoader,
    typingMsPerChar: options.sender?.typingMsPerChar ?? 0,
    ...(options.sender?.rateLimiter ? { rateLimiter: options.sender.rateLimiter } : {}),
    ...(options.sender?.sleep ? { sleep: options.sender.sleep } : {}),
    logger,
  });
  connection.start();
  await waitFor(() => connection.status().state === 'ready');
  return {
    world,
    connection,
    store,
    deliveryLog,
    workspace,
    handle,
    queues,
    redis,
    prefix,
    mediaDir,
    sender,
    inbound,
    ingested,
    async receive(input) {
      last = undefined;
      world.receive(input);
      const outcome = last as Promise<InboundOutcome> | undefined;
      if (!outcome) throw new Error('The connection did not hand the message on');
      return outcome;
    },
    async close() {
      await connection.stop();
      await inbound.drain();
      await queues.close();
      await redis.quit();
      await deleteRedisPrefix(prefix);
      await handle.close();
      await database.drop();
      rmSync(mediaDir, { recursive: true, force: true });
    },
  };
}
