/**
 * The web widget's adapter against the conformance suite: a real platform (no worker, so no bot replies interleave),
 * a real Socket.IO client as the widget, and the widget's own message store deciding what the shopper sees.
 */
import { Emitter } from '@socket.io/redis-emitter';
import { Redis } from 'ioredis';
import { io, type Socket } from 'socket.io-client';
import type { SendMessageAck, SessionEvent, WireMessage } from '../../../../bots/channels/webchat/protocol-types';
import { WebchatDelivery } from '../../../../bots/channels/webchat/webchat-delivery';
import type { Conversation, InboundMessage } from '../../../../bots/runtime/conversation-store';
import { socketIoKey } from '../../../../platform/processes/server';
import { formatPrice } from '../../../../web/widget/format';
import { applyMessage, EMPTY_STATE, type MessageState } from '../../../../web/widget/message-store';
import { startInProcessPlatform, type InProcessPlatform } from '../../../support/platform';
import { REDIS_URL } from '../../../support/services';
import { waitFor } from '../../../support/wait-for';
import { describeAdapterConformance, type ConformanceHarness, type SentRecord } from '../adapter-conformance';

/** Socket.IO's Redis emitter, failing once after a number of successful emits (Redis unreachable for a moment). */
function failingEmitter(real: Emitter): { emitter: Emitter; failAfter(successes: number): void } {
  let remaining: number | undefined;
  const emitter = {
    of: (namespace: string) => ({
      to: (room: string) => ({
        emit: (event: string, ...args: unknown[]) => {
          if (remaining !== undefined) {
            if (remaining === 0) {
              remaining = undefined;
              throw new Error('Redis is unreachable');
            }
            remaining -= 1;
          }
          return real.of(namespace).to(room).emit(event, ...args);
        },
      }),
    }),
  };
  return { emitter: emitter as unknown as Emitter, failAfter: (successes) => (remaining = successes) };
}

async function createHarness(): Promise<ConformanceHarness> {
  const platform: InProcessPlatform = await startInProcessPlatform({ worker: false });
  const redis = new Redis(REDIS_URL);
  const failing = failingEmitter(new Emitter(redis, { key: socketIoKey(platform.config.redis.keyPrefix) }));
  const delivery = new WebchatDelivery(failing.emitter);
  // Ids of the messages emitted so far: takeSent waits until the widget has each of them (pub/sub is asynchronous).
  const emitted = new Set<string>();
  const adapter: WebchatDelivery = Object.assign(Object.create(delivery) as WebchatDelivery, {
    deliver: async (message: Parameters<WebchatDelivery['deliver']>[0]) => {
      await delivery.deliver(message);
      emitted.add(message.id);
    },
  });
  const socket: Socket = io(`${platform.url}/webchat`, { auth: { workspace: 'demo', locale: 'en' }, transports: ['websocket'], reconnection: false, forceNew: true });
  let session: SessionEvent | undefined;
  socket.on('session', (event: SessionEvent) => (session = event));
  // What the shopper sees: the widget's own store, one item per message id.
  let state: MessageState = EMPTY_STATE;
  const seen = new Set<string>();
  socket.on('message', (message: WireMessage) => {
    state = applyMessage(state, message);
  });
  await waitFor(() => session, 10_000);
  let conversationId: string | undefined;
  let ingested: InboundMessage[] = [];
  let lastMessageAt = Date.now();
  socket.on('message', () => (lastMessageAt = Date.now()));

  const conversation = async (): Promise<Conversation> => {
    const found = conversationId ? await platform.context.store.getConversation(conversationId) : undefined;
    if (!found) throw new Error('no conversation yet');
    return found;
  };

  return {
    adapter,
    async receiveText(text, providerMessageId) {
      const ack = (await socket.timeout(5000).emitWithAck('message', { text, clientMessageId: providerMessageId })) as SendMessageAck;
      if (!ack.ok) throw new Error(ack.error.message);
      conversationId ??= (await platform.context.store.getMessage(ack.messageId))?.conversation_id;
      // What ingest stored, read back as the adapter handed it over (a resend with the same id was not stored again).
      const current = await conversation();
      const identity = await platform.context.database.db.selectFrom('channel_identities').select('external_id').where('customer_id', '=', current.customer_id).executeTakeFirstOrThrow();
      const inbound = (await platform.context.store.listMessages(current.id, { limit: 200 })).filter((m) => m.direction === 'in');
      ingested = inbound.map((m) => ({
        workspaceId: m.workspace_id,
        channel: m.channel,
        conversationKey: current.conversation_key,
        sender: { externalId: identity.external_id },
        channelMessageId: m.channel_message_id ?? '',
        text: m.text,
        receivedAt: m.created_at,
      }));
    },
    ingested() {
      return ingested;
    },
    conversation,
    async storeOutgoing(reply, author = { author: 'bot' }) {
      return platform.context.store.appendOutgoing({
        conversation: await conversation(),
        outgoing: { reply, author: author.author, ...(author.author === 'agent' ? { authorName: author.name } : {}) },
      });
    },
    async takeSent() {
      // Messages arrive through Redis pub/sub: wait until the widget has every emitted message, then for a quiet
      // moment (a redelivered copy would arrive then).
      await waitFor(() => [...emitted].every((id) => state.items.some((item) => item.id === id)), 15_000);
      await waitFor(() => Date.now() - lastMessageAt > 200, 5000);
      const records: SentRecord[] = [];
      for (const item of state.items) {
        if (item.author === 'shopper' || !item.id || seen.has(item.id)) continue;
        seen.add(item.id);
        const text = [item.authorName, item.text].filter(Boolean).join('\n');
        records.push({ kind: 'text', text, ...(item.quickReplies?.length ? { buttons: item.quickReplies.map((reply) => reply.title) } : {}) });
        if (item.cards?.length) {
          records.push({
            kind: 'cards',
            texts: item.cards.map((card) => [card.title, card.subtitle, card.price ? formatPrice(card.price, item.language ?? 'en') : '', card.url, ...(card.actions ?? []).map((a) => a.title)].filter(Boolean).join('\n')),
          });
        }
      }
      return records;
    },
    failSendAfter(successes) {
      failing.failAfter(successes);
    },
    async close() {
      socket.disconnect();
      redis.disconnect();
      await platform.close();
    },
  };
}

describeAdapterConformance('web widget', createHarness);
