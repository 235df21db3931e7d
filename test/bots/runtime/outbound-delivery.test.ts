import { randomUUID } from 'node:crypto';
import { ChannelDeliveryRegistry, UnknownChannelError, type ChannelDelivery } from '../../../bots/runtime/channel-delivery';
import { ConversationStore, type StoredMessage } from '../../../bots/runtime/conversation-store';
import { OutboundDelivery } from '../../../bots/runtime/outbound-delivery';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../../../platform/database';
import { PlatformMetrics } from '../../../platform/metrics';
import { WorkspaceStore, type Workspace } from '../../../platform/workspaces';
import type { OutboundItem } from '../../../workers/queues';
import { createSqliteDatabase, type TestDatabase } from '../../support/databases';

/** A channel that records what it was asked to deliver; fails while `failWith` is set. */
class RecordingDelivery implements ChannelDelivery {
  readonly delivered: StoredMessage[] = [];
  failWith: Error | undefined;

  constructor(readonly channel: string) {}

  async deliver(message: StoredMessage): Promise<void> {
    if (this.failWith) throw this.failWith;
    this.delivered.push(message);
  }
}

describe('OutboundDelivery', () => {
  let database: TestDatabase;
  let handle: DatabaseHandle;
  let store: ConversationStore;
  let workspace: Workspace;
  let webchat: RecordingDelivery;
  let metrics: PlatformMetrics;
  let delivery: OutboundDelivery;

  beforeAll(async () => {
    database = await createSqliteDatabase();
    handle = openDatabase(database.url);
    await migrateToLatest(handle.db as never);
    store = new ConversationStore(handle.db, 'sqlite');
    workspace = (await new WorkspaceStore(handle.db).ensure({ slug: 'outbound', name: 'Outbound', defaultLanguage: 'en' })).workspace;
  });

  beforeEach(() => {
    webchat = new RecordingDelivery('webchat');
    metrics = new PlatformMetrics({ defaultMetrics: false });
    delivery = new OutboundDelivery(store, new ChannelDeliveryRegistry().register(webchat), metrics);
  });

  afterAll(async () => {
    await handle?.close();
    await database?.drop();
  });

  /** A stored, pending bot reply in a new conversation on `channel`. */
  async function pendingReply(text = 'Your parcel ships today.', channel = 'webchat'): Promise<StoredMessage> {
    const key = randomUUID();
    const conversation = await store.resolveConversation({
      workspaceId: workspace.id,
      channel,
      conversationKey: key,
      sender: { externalId: key },
    });
    return store.appendOutgoing({ conversation, outgoing: { reply: { text, language: 'en' }, author: 'bot' } });
  }

  function jobFor(message: StoredMessage, extra: Partial<OutboundItem> = {}): OutboundItem {
    return {
      workspaceId: message.workspace_id,
      conversationId: message.conversation_id,
      messageId: message.id,
      channel: message.channel,
      ...extra,
    };
  }

  /** A counter's value, or a histogram series (`series`: `_count`, `_sum`) for the given labels; 0 when unset. */
  async function metricValue(name: string, labels: Record<string, string>, series = ''): Promise<number> {
    const metric = metrics.registry.getSingleMetric(name);
    if (!metric) throw new Error(`metric ${name} is not registered`);
    const { values } = await metric.get();
    const match = values.find(
      (v) =>
        (!series || (v as { metricName?: string }).metricName === `${name}${series}`) &&
        Object.entries(labels).every(([k, value]) => v.labels[k] === value),
    );
    return match?.value ?? 0;
  }

  describe('when a pending message is delivered', () => {
    it('hands it to the channel delivery and marks it delivered', async () => {
      const reply = await pendingReply();
      expect(await delivery.deliver(jobFor(reply))).toBe('delivered');

      expect(webchat.delivered.map((m) => [m.id, m.text])).toEqual([[reply.id, 'Your parcel ships today.']]);
      const stored = await store.getMessage(reply.id);
      expect(stored?.status).toBe('delivered');
      expect(stored?.delivered_at).toEqual(expect.any(Number));
    });

    it('counts it in messagesOut by channel and author', async () => {
      const reply = await pendingReply();
      await delivery.deliver(jobFor(reply));
      expect(await metricValue('pgdesk_messages_out_total', { channel: 'webchat', author: 'bot' })).toBe(1);
    });

    it('observes the reply latency only when the job says when the shopper message was accepted', async () => {
      await delivery.deliver(jobFor(await pendingReply()));
      expect(await metricValue('pgdesk_reply_latency_seconds', { channel: 'webchat' }, '_count')).toBe(0);
      await delivery.deliver(jobFor(await pendingReply(), { acceptedAt: Date.now() - 2000 }));
      expect(await metricValue('pgdesk_reply_latency_seconds', { channel: 'webchat' }, '_count')).toBe(1);
      expect(await metricValue('pgdesk_reply_latency_seconds', { channel: 'webchat' }, '_sum')).toBeGreaterThanOrEqual(2);
    });
  });

  describe('when the job carries a message snapshot', () => {
    it('delivers the snapshot without reading the database', async () => {
      const reply = await pendingReply('text in the database');
      const snapshot = { ...reply, text: 'text in the snapshot' };
      expect(await delivery.deliver(jobFor(reply, { message: snapshot }))).toBe('delivered');
      expect(webchat.delivered.map((m) => m.text)).toEqual(['text in the snapshot']);
      expect((await store.getMessage(reply.id))?.status).toBe('delivered');
    });
  });

  describe('when the job carries no snapshot (re-queued by the recovery sweep)', () => {
    it('reads the message from the database', async () => {
      const reply = await pendingReply('only in the database');
      await delivery.deliver(jobFor(reply));
      expect(webchat.delivered.map((m) => m.text)).toEqual(['only in the database']);
    });

    it('skips a message that does not exist', async () => {
      const reply = await pendingReply();
      expect(await delivery.deliver(jobFor(reply, { messageId: randomUUID() }))).toBe('skipped');
      expect(webchat.delivered).toEqual([]);
    });
  });

  describe('when the message was already delivered or failed', () => {
    it('skips a delivered one without calling the channel again', async () => {
      const reply = await pendingReply();
      await delivery.deliver(jobFor(reply));
      expect(await delivery.deliver(jobFor(reply))).toBe('skipped');
      expect(webchat.delivered).toHaveLength(1);
      expect(await metricValue('pgdesk_messages_out_total', { channel: 'webchat', author: 'bot' })).toBe(1);
    });

    it('skips a failed one', async () => {
      const reply = await pendingReply();
      await store.markFailed(reply.id);
      expect(await delivery.deliver(jobFor(reply))).toBe('skipped');
      expect(webchat.delivered).toEqual([]);
      expect((await store.getMessage(reply.id))?.status).toBe('failed');
    });

    it('skips a snapshot that is already delivered', async () => {
      const reply = await pendingReply();
      expect(await delivery.deliver(jobFor(reply, { message: { ...reply, status: 'delivered' } }))).toBe('skipped');
      expect(webchat.delivered).toEqual([]);
    });
  });

  describe('when the channel delivery throws', () => {
    it('rejects (for the queue to retry) and leaves the message pending', async () => {
      const reply = await pendingReply();
      webchat.failWith = new Error('channel is down');
      await expect(delivery.deliver(jobFor(reply))).rejects.toThrow('channel is down');
      expect((await store.getMessage(reply.id))?.status).toBe('pending');
      expect(await metricValue('pgdesk_messages_out_total', { channel: 'webchat', author: 'bot' })).toBe(0);
    });
  });

  describe('when the message is on a channel with no registered delivery', () => {
    it('throws UnknownChannelError naming the channel and leaves the message pending', async () => {
      const reply = await pendingReply('hola', 'whatsapp');
      const attempt = delivery.deliver(jobFor(reply));
      await expect(attempt).rejects.toBeInstanceOf(UnknownChannelError);
      await expect(attempt).rejects.toThrow('"whatsapp"');
      expect((await store.getMessage(reply.id))?.status).toBe('pending');
    });
  });

  describe('giveUp', () => {
    it('marks the message failed and counts a delivery failure for the channel', async () => {
      const reply = await pendingReply();
      await delivery.giveUp(jobFor(reply));
      expect((await store.getMessage(reply.id))?.status).toBe('failed');
      expect(await metricValue('pgdesk_delivery_failures_total', { channel: 'webchat' })).toBe(1);
    });

    it('leaves a message that was delivered in the meantime delivered', async () => {
      const reply = await pendingReply();
      await delivery.deliver(jobFor(reply));
      await delivery.giveUp(jobFor(reply));
      expect((await store.getMessage(reply.id))?.status).toBe('delivered');
    });
  });

  describe('deliverAll', () => {
    it('delivers every item of a batch and counts them', async () => {
      const first = await pendingReply('one');
      const second = await pendingReply('two');
      expect(await delivery.deliverAll({ items: [jobFor(first), jobFor(second)] }, false)).toBe(2);
      expect((await store.getMessage(first.id))?.status).toBe('delivered');
      expect((await store.getMessage(second.id))?.status).toBe('delivered');
    });

    it('does not let one failing item hold up the others, then fails for a retry', async () => {
      const elsewhere = await pendingReply('hola', 'whatsapp');
      const fine = await pendingReply('fine');
      await expect(delivery.deliverAll({ items: [jobFor(elsewhere), jobFor(fine)] }, false)).rejects.toBeInstanceOf(UnknownChannelError);
      expect((await store.getMessage(fine.id))?.status).toBe('delivered');
      expect((await store.getMessage(elsewhere.id))?.status).toBe('pending');
    });

    it('on a retry, trusts the database over the snapshot', async () => {
      const reply = await pendingReply();
      await delivery.deliver(jobFor(reply));
      const staleSnapshot = { ...reply, status: 'pending' as const };
      expect(await delivery.deliverAll({ items: [jobFor(reply, { message: staleSnapshot })] }, true)).toBe(0);
    });
  });
});
