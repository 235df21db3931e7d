// fasttext.wasm.js loads its WebAssembly glue with a dynamic import(), which Jest's sandbox refuses without
// --experimental-vm-modules; load the real package through Node's own loader instead (no behaviour is faked).
jest.mock('fasttext.wasm.js', () =>
  jest
    .requireActual<{ _load(request: string, parent: null, isMain: boolean): unknown }>('node:module')
    ._load(require.resolve('fasttext.wasm.js'), null, false),
);
import { randomUUID } from 'node:crypto';
import { Worker } from 'bullmq';
import pino from 'pino';
import type { Conversation } from '../../../bots/runtime/conversation-store';
import { RecoverySweep } from '../../../bots/runtime/recovery-sweep';
import type { Workspace } from '../../../platform/workspaces';
import { bullPrefix, jobIds, queueNames } from '../../../workers/queues';
import { startInProcessPlatform, type InProcessPlatform } from '../../support/platform';
import { waitFor } from '../../support/wait-for';

const MINUTE = 60_000;

/** Stores a conversation and one accepted shopper message, without queueing it (as if the process died there). */
async function acceptWithoutQueueing(platform: InProcessPlatform, text: string, receivedAt: number) {
  const { store } = platform.context;
  const workspace = (await platform.context.workspaces.findBySlug('demo')) as Workspace;
  const key = randomUUID();
  const conversation = await store.resolveConversation({
    workspaceId: workspace.id,
    channel: 'webchat',
    conversationKey: key,
    sender: { externalId: key },
    now: receivedAt,
  });
  const { message } = await store.acceptInbound(
    {
      workspaceId: workspace.id,
      channel: 'webchat',
      conversationKey: key,
      sender: { externalId: key },
      channelMessageId: `${conversation.id}:${randomUUID()}`,
      text,
      receivedAt,
    },
    conversation,
  );
  return { conversation, message };
}

describe('RecoverySweep', () => {
  let platform: InProcessPlatform;
  let sweep: RecoverySweep;

  beforeEach(async () => {
    platform = await startInProcessPlatform({ worker: false });
    const { store, queues } = platform.context;
    sweep = new RecoverySweep(store, queues.inbound, queues.outbound, pino({ level: 'silent' }));
  });

  afterEach(async () => {
    await platform?.close();
  });

  describe('when an accepted message was never queued', () => {
    it('queues it once, however often the sweep runs', async () => {
      const { message, conversation } = await acceptWithoutQueueing(platform, 'where is my order?', Date.now() - MINUTE);
      expect(await sweep.run(Date.now() - 1000)).toBe(1);
      const job = await platform.context.queues.inbound.getJob(jobIds.inbound(message.id));
      expect(job?.data).toEqual({ workspaceId: conversation.workspace_id, conversationId: conversation.id, messageId: message.id });
      expect(await job?.getState()).toBe('waiting');
      expect(await sweep.run(Date.now() - 1000)).toBe(0);
      expect(await platform.context.queues.inbound.count()).toBe(1);
    });
  });

  describe('when a reply was stored but never queued', () => {
    it('queues its delivery', async () => {
      const { conversation } = await acceptWithoutQueueing(platform, 'x', Date.now() - MINUTE);
      const reply = await platform.context.store.appendOutgoing({
        conversation: conversation as Conversation,
        outgoing: { reply: { text: 'Hi from Maria', language: 'en' }, author: 'agent' },
        at: Date.now() - MINUTE,
      });
      expect(await sweep.run(Date.now() - 1000)).toBe(2); // the reply, and the inbound message it came with
      const job = await platform.context.queues.outbound.getJob(jobIds.outbound(reply.id));
      expect(job?.data.items).toEqual([expect.objectContaining({ messageId: reply.id, conversationId: conversation.id, channel: 'webchat' })]);
    });
  });

  describe('when the unfinished message is newer than the threshold', () => {
    it('leaves it alone (it is probably still on its way)', async () => {
      const { message } = await acceptWithoutQueueing(platform, 'just now', Date.now());
      expect(await sweep.run(Date.now() - MINUTE)).toBe(0);
      expect(await platform.context.queues.inbound.getJob(jobIds.inbound(message.id))).toBeUndefined();
    });
  });

  describe('when a finished job with the same id is left over but the message is still unprocessed', () => {
    it('removes the old job and queues the message again', async () => {
      const { message } = await acceptWithoutQueueing(platform, 'lost', Date.now() - MINUTE);
      const { queues } = platform.context;
      // Kept after completion on purpose (the default removes completed jobs; failed ones are kept for a week).
      await queues.inbound.add(
        'turn',
        { workspaceId: 'w', conversationId: 'c', messageId: message.id },
        { jobId: jobIds.inbound(message.id), removeOnComplete: false },
      );
      // A worker that finishes the job without doing the work (as a crash between "done" and "commit" would).
      const careless = new Worker(queueNames.inbound, async () => 'skipped', {
        connection: platform.context.redisFactory.create('careless', { blocking: true }),
        prefix: bullPrefix(platform.config.redis.keyPrefix),
      });
      await waitFor(async () => (await queues.inbound.getJob(jobIds.inbound(message.id)))?.finishedOn);
      await careless.close();
      expect(await (await queues.inbound.getJob(jobIds.inbound(message.id)))?.getState()).toBe('completed');

      expect(await sweep.run(Date.now() - 1000)).toBe(1);
      const requeued = await queues.inbound.getJob(jobIds.inbound(message.id));
      expect(await requeued?.getState()).toBe('waiting');
      expect(requeued?.data.conversationId).toBe(message.conversation_id);
    });
  });
});

describe('The worker’s recovery sweep', () => {
  let platform: InProcessPlatform;
  beforeAll(async () => {
    platform = await startInProcessPlatform();
  });
  afterAll(async () => {
    await platform?.close();
  });

  describe('when a message was accepted but never queued', () => {
    it('re-queues it and the shopper gets an answer', async () => {
      const { message, conversation } = await acceptWithoutQueueing(platform, 'where is my order?', Date.now() - MINUTE);
      expect(await platform.worker?.sweep()).toBeGreaterThanOrEqual(1);
      const reply = await waitFor(async () => {
        const messages = await platform.context.store.listMessages(conversation.id, { limit: 10 });
        return messages.find((m) => m.direction === 'out' && m.status === 'delivered');
        // The platform's first turn loads its models: allow for a busy CI machine.
      }, 30_000);
      expect(reply.reply_to).toBe(message.id);
      expect((await platform.context.store.getMessage(message.id))?.status).toBe('processed');
      expect(await platform.context.store.unfinishedBefore(Date.now(), 10)).toEqual([]);
    });
  });
});
