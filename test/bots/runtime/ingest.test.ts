import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { ConversationStore, type Conversation, type InboundMessage } from '../../../bots/runtime/conversation-store';
import { IngestService, type LocalTurnRunner } from '../../../bots/runtime/ingest';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../../../platform/database';
import { PlatformMetrics } from '../../../platform/metrics';
import { WorkspaceStore, type Workspace } from '../../../platform/workspaces';
import { jobIds, openQueues, type Queues } from '../../../workers/queues';
import { createSqliteDatabase, type TestDatabase } from '../../support/databases';
import { REDIS_URL, deleteRedisPrefix, uniquePrefix } from '../../support/services';
import { waitFor } from '../../support/wait-for';

/** Lets pending setImmediate callbacks and the promise chains they start run to the end. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('IngestService', () => {
  let database: TestDatabase;
  let handle: DatabaseHandle;
  let store: ConversationStore;
  let workspace: Workspace;
  let redis: Redis;
  let queues: Queues;
  let metrics: PlatformMetrics;
  const prefix = uniquePrefix('ingest');

  beforeAll(async () => {
    database = await createSqliteDatabase();
    handle = openDatabase(database.url);
    await migrateToLatest(handle.db as never);
    store = new ConversationStore(handle.db, 'sqlite');
    workspace = (await new WorkspaceStore(handle.db).ensure({ slug: 'ingest', name: 'Ingest', defaultLanguage: 'en' })).workspace;
    redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
    queues = openQueues(redis, prefix, { outboundAttempts: 3, outboundBackoffMs: 100 });
  });

  beforeEach(async () => {
    metrics = new PlatformMetrics({ defaultMetrics: false });
    await queues.inbound.obliterate({ force: true });
  });

  afterAll(async () => {
    await queues?.close();
    await redis?.quit();
    await deleteRedisPrefix(prefix);
    await handle?.close();
    await database?.drop();
  });

  /** A message from a new shopper (own conversation key) unless `overrides` say otherwise. */
  function message(overrides: Partial<InboundMessage> = {}): InboundMessage {
    const key = randomUUID();
    return {
      workspaceId: workspace.id,
      channel: 'webchat',
      conversationKey: key,
      sender: { externalId: key },
      channelMessageId: randomUUID(),
      text: 'where is my order?',
      receivedAt: Date.now(),
      ...overrides,
    };
  }

  async function counter(name: string, channel = 'webchat'): Promise<number> {
    const metric = metrics.registry.getSingleMetric(name);
    if (!metric) throw new Error(`metric ${name} is not registered`);
    const { values } = await metric.get();
    return values.find((v) => v.labels.channel === channel)?.value ?? 0;
  }

  async function storedWithChannelId(channelMessageId: string) {
    return handle.db.selectFrom('messages').selectAll().where('channel_message_id', '=', channelMessageId).execute();
  }

  async function markProcessed(conversation: Conversation, messageId: string) {
    await store.completeTurn({
      inboundId: messageId,
      conversationId: conversation.id,
      workspaceId: workspace.id,
      channel: 'webchat',
      language: 'en',
      languageConfidence: 0.9,
      conversationLanguage: 'en',
      replies: [],
      at: Date.now(),
    });
  }

  describe('when a new message arrives', () => {
    it('stores it as accepted and queues one inbound job keyed by its id', async () => {
      const service = new IngestService(store, queues.inbound, metrics);
      const incoming = message();
      const result = await service.ingest(incoming);

      expect(result.duplicate).toBe(false);
      const stored = await storedWithChannelId(incoming.channelMessageId);
      expect(stored).toHaveLength(1);
      expect(stored[0]).toMatchObject({ id: result.message.id, status: 'accepted', direction: 'in', text: 'where is my order?' });

      const job = await queues.inbound.getJob(jobIds.inbound(result.message.id));
      expect(job?.data).toEqual({ workspaceId: workspace.id, conversationId: result.conversation.id, messageId: result.message.id });
      expect(await queues.inbound.count()).toBe(1);
    });

    it('counts it in messagesIn for its channel and not as a duplicate', async () => {
      const service = new IngestService(store, queues.inbound, metrics);
      await service.ingest(message());
      await service.ingest(message());
      expect(await counter('pgdesk_messages_in_total')).toBe(2);
      expect(await counter('pgdesk_duplicate_messages_total')).toBe(0);
    });

    it('uses the conversation it is given instead of resolving one', async () => {
      const service = new IngestService(store, queues.inbound, metrics);
      const first = await service.ingest(message());
      const conversation = first.conversation;
      // A different key: resolving would create a new conversation, so landing in the given one proves no lookup.
      const result = await service.ingest(message(), conversation);
      expect(result.message.conversation_id).toBe(conversation.id);
      expect(result.message.seq).toBe(2);
    });
  });

  describe('when the same channel message id arrives twice', () => {
    it('stores one message and, while the first copy is still accepted, keeps a single job under the same id', async () => {
      const service = new IngestService(store, queues.inbound, metrics);
      const incoming = message();
      const first = await service.ingest(incoming);
      const second = await service.ingest({ ...incoming, text: 'resent by the channel' });

      expect(second.duplicate).toBe(true);
      expect(second.message.id).toBe(first.message.id);
      expect(await storedWithChannelId(incoming.channelMessageId)).toHaveLength(1);
      expect(await queues.inbound.count()).toBe(1);
      expect(await counter('pgdesk_messages_in_total')).toBe(1);
      expect(await counter('pgdesk_duplicate_messages_total')).toBe(1);
    });

    it('queues the first copy again when it is still accepted but its job is gone (died between store and queue)', async () => {
      const service = new IngestService(store, queues.inbound, metrics);
      const incoming = message();
      const conversation = await store.resolveConversation({ ...incoming, now: incoming.receivedAt });
      // Stored without queueing, as if the process died right after persisting.
      const { message: stored } = await store.acceptInbound(incoming, conversation);
      expect(await queues.inbound.count()).toBe(0);

      const result = await service.ingest(incoming);
      expect(result.duplicate).toBe(true);
      const job = await queues.inbound.getJob(jobIds.inbound(stored.id));
      expect(job?.data).toEqual({ workspaceId: workspace.id, conversationId: conversation.id, messageId: stored.id });
      expect(await storedWithChannelId(incoming.channelMessageId)).toHaveLength(1);
    });

    it('neither stores nor queues it again when the first copy was already processed', async () => {
      const service = new IngestService(store, queues.inbound, metrics);
      const incoming = message();
      const first = await service.ingest(incoming);
      await markProcessed(first.conversation, first.message.id);
      // The first job is done and gone (removeOnComplete); a re-queue would show up as a new job.
      await queues.inbound.obliterate({ force: true });

      const second = await service.ingest(incoming);
      expect(second.duplicate).toBe(true);
      expect(second.message.status).toBe('processed');
      expect(await storedWithChannelId(incoming.channelMessageId)).toHaveLength(1);
      expect(await queues.inbound.getJob(jobIds.inbound(first.message.id))).toBeUndefined();
      expect(await queues.inbound.count()).toBe(0);
      expect(await counter('pgdesk_duplicate_messages_total')).toBe(1);
    });
  });

  describe('with a local turn runner', () => {
    it('runs the turn in-process with the conversation id and queues nothing', async () => {
      const runner = jest.fn<ReturnType<LocalTurnRunner>, Parameters<LocalTurnRunner>>(async () => 1);
      const service = new IngestService(store, queues.inbound, metrics, runner);
      const result = await service.ingest(message());

      await waitFor(() => runner.mock.calls.length > 0);
      expect(runner).toHaveBeenCalledTimes(1);
      expect(runner).toHaveBeenCalledWith(result.conversation.id);
      await settle();
      expect(await queues.inbound.count()).toBe(0);
    });

    it('resolves before the runner starts, so the channel can acknowledge first', async () => {
      const runner = jest.fn<ReturnType<LocalTurnRunner>, Parameters<LocalTurnRunner>>(async () => 1);
      const service = new IngestService(store, queues.inbound, metrics, runner);
      await service.ingest(message());
      expect(runner).not.toHaveBeenCalled();
      await waitFor(() => runner.mock.calls.length > 0);
    });

    it.each([
      ['reports the conversation busy', async () => 'busy' as const],
      ['declines the turn', async () => false as const],
      ['throws', async (): Promise<number> => Promise.reject(new Error('turn crashed'))],
    ])('queues the inbound job instead when the runner %s', async (_what, outcome) => {
      const runner = jest.fn<ReturnType<LocalTurnRunner>, Parameters<LocalTurnRunner>>(outcome);
      const service = new IngestService(store, queues.inbound, metrics, runner);
      const result = await service.ingest(message());

      const job = await waitFor(() => queues.inbound.getJob(jobIds.inbound(result.message.id)));
      expect(runner).toHaveBeenCalledWith(result.conversation.id);
      expect(job.data).toEqual({ workspaceId: workspace.id, conversationId: result.conversation.id, messageId: result.message.id });
      expect(await queues.inbound.count()).toBe(1);
    });
  });
});
