/**
 * The web widget's real-time endpoint: Socket.IO namespace `/webchat` on the platform's HTTP server. Validates every
 * input, persists accepted messages before acknowledging them, and keeps each connection's messages in order.
 */
import type { Logger } from 'pino';
import type { Namespace, Server, Socket } from 'socket.io';
import type { WorkspaceStore } from '../../../platform/workspaces';
import type { Conversation, ConversationStore } from '../../runtime/conversation-store';
import type { IngestService } from '../../runtime/ingest';
import type {
  HistoryAck,
  SendMessageAck,
  SessionEvent,
  WebchatErrorCode,
  WireMessage,
} from './protocol-types';
import { describeIssue, historyRequestSchema, sendMessageSchema, webchatAuthSchema } from './protocol-schemas';
import { TokenBucket } from './rate-limiter';
import { newSessionToken, sessionIdentity } from './session';
import { WEBCHAT_CHANNEL, WEBCHAT_NAMESPACE, conversationRoom, toWireMessage } from './wire';

/** Chat limits from configuration. */
export interface WebchatSettings {
  maxMessageLength: number;
  historyLimit: number;
  messagesPerMinute: number;
}

/** What the socket endpoint needs. */
export interface WebchatSocketDeps {
  store: ConversationStore;
  workspaces: WorkspaceStore;
  ingest: IngestService;
  settings: WebchatSettings;
  logger: Logger;
}

interface WebchatSocketData {
  workspaceId: string;
  sessionToken: string;
  identity: string;
  locale?: string;
  conversation?: Conversation;
  bucket: TokenBucket;
  /** Serialises this connection's work so its messages get sequence numbers in the order they were sent. */
  chain: Promise<void>;
}

interface ServerToClientEvents {
  session: (event: SessionEvent) => void;
  message: (message: WireMessage) => void;
  chat_error: (error: { code: WebchatErrorCode; message: string; limit?: number }) => void;
}

// Inputs are typed unknown on purpose: a client may send anything, and everything is validated.
interface ClientToServerEvents {
  message: (payload: unknown, ack: unknown) => void;
  history: (payload: unknown, ack: unknown) => void;
}

type WebchatSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, WebchatSocketData>;

function failure(code: WebchatErrorCode, message: string, limit?: number): SendMessageAck {
  return { ok: false, error: limit === undefined ? { code, message } : { code, message, limit } };
}

/** The attached endpoint. */
export interface WebchatEndpoint {
  namespace: Namespace;
  /** Resolves when every message handler in flight has finished (used on shutdown, after sockets are closed). */
  drain(): Promise<void>;
}

/** Attaches the web chat namespace to a Socket.IO server. */
export function attachWebchat(io: Server, deps: WebchatSocketDeps): WebchatEndpoint {
  const namespace = io.of(WEBCHAT_NAMESPACE);
  const inFlight = new Set<Promise<void>>();

  namespace.use(async (rawSocket, next) => {
    const socket = rawSocket as unknown as WebchatSocket;
    const auth = webchatAuthSchema.safeParse(socket.handshake.auth ?? {});
    if (!auth.success) {
      next(Object.assign(new Error('invalid_payload'), { data: { message: describeIssue(auth.error) } }));
      return;
    }
    try {
      const workspace = await deps.workspaces.findBySlug(auth.data.workspace);
      if (!workspace) {
        next(Object.assign(new Error('unknown_workspace'), { data: { message: `No workspace "${auth.data.workspace}"` } }));
        return;
      }
      const sessionToken = auth.data.sessionToken ?? newSessionToken();
      const identity = sessionIdentity(sessionToken);
      socket.data = {
        workspaceId: workspace.id,
        sessionToken,
        identity,
        locale: auth.data.locale,
        conversation: await deps.store.findConversationByKey(workspace.id, WEBCHAT_CHANNEL, identity),
        bucket: new TokenBucket(deps.settings.messagesPerMinute),
        chain: Promise.resolve(),
      };
      next();
    } catch (error) {
      deps.logger.error({ err: error }, 'webchat handshake failed');
      next(new Error('internal_error'));
    }
  });

  namespace.on('connection', (rawSocket) => {
    const socket = rawSocket as unknown as WebchatSocket;
    const serial = (work: () => Promise<void>) => {
      const next = socket.data.chain.then(work).catch((error: unknown) => {
        deps.logger.error({ err: error }, 'webchat handler failed');
      });
      socket.data.chain = next;
      inFlight.add(next);
      void next.finally(() => inFlight.delete(next));
    };
    serial(() => sendSession(socket, deps));
    socket.on('message', (payload: unknown, ack: unknown) => {
      const reply = (result: SendMessageAck) => {
        if (typeof ack === 'function') ack(result);
        else if (!result.ok) socket.emit('chat_error', result.error);
      };
      serial(() => handleMessage(socket, deps, payload, reply));
    });
    socket.on('history', (payload: unknown, ack: unknown) => {
      if (typeof ack !== 'function') return;
      serial(() => handleHistory(socket, deps, payload, ack as (result: HistoryAck) => void));
    });
  });
  return {
    namespace,
    async drain() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
}

async function sendSession(socket: WebchatSocket, deps: WebchatSocketDeps): Promise<void> {
  const { conversation } = socket.data;
  const history = conversation ? await deps.store.listMessages(conversation.id, { limit: deps.settings.historyLimit }) : [];
  if (conversation) await socket.join(conversationRoom(conversation.id));
  const fresh = conversation ? await deps.store.getConversation(conversation.id) : undefined;
  const event: SessionEvent = {
    sessionToken: socket.data.sessionToken,
    conversationId: conversation?.id ?? null,
    language: fresh?.language ?? socket.data.locale?.split(/[-_]/)[0]?.toLowerCase() ?? 'en',
    state: fresh?.state ?? 'bot',
    maxMessageLength: deps.settings.maxMessageLength,
    history: history.map(toWireMessage),
    hasMore: (history[0]?.seq ?? 1) > 1,
  };
  socket.emit('session', event);
}

async function handleMessage(
  socket: WebchatSocket,
  deps: WebchatSocketDeps,
  payload: unknown,
  reply: (result: SendMessageAck) => void,
): Promise<void> {
  const parsed = sendMessageSchema.safeParse(payload);
  if (!parsed.success) return reply(failure('invalid_payload', describeIssue(parsed.error)));
  const { clientMessageId, quickReplyPayload } = parsed.data;
  const text = parsed.data.text.trim();
  if (text.length === 0) return reply(failure('invalid_payload', 'text must not be empty'));
  const length = [...text].length;
  if (length > deps.settings.maxMessageLength) {
    return reply(
      failure('message_too_long', `The message has ${length} characters; the limit is ${deps.settings.maxMessageLength}.`, deps.settings.maxMessageLength),
    );
  }
  if (!socket.data.bucket.tryTake()) return reply(failure('rate_limited', 'Too many messages; wait a moment and try again.'));
  try {
    const { workspaceId, identity } = socket.data;
    if (!socket.data.conversation) {
      socket.data.conversation = await deps.store.resolveConversation({
        workspaceId,
        channel: WEBCHAT_CHANNEL,
        conversationKey: identity,
        sender: { externalId: identity },
      });
      await socket.join(conversationRoom(socket.data.conversation.id));
    }
    const conversation = socket.data.conversation;
    const result = await deps.ingest.ingest(
      {
        workspaceId,
        channel: WEBCHAT_CHANNEL,
        conversationKey: identity,
        sender: { externalId: identity },
        channelMessageId: `${conversation.id}:${clientMessageId}`,
        text,
        quickReplyPayload,
        locale: socket.data.locale,
        receivedAt: Date.now(),
      },
      conversation,
    );
    reply({ ok: true, messageId: result.message.id, seq: result.message.seq, duplicate: result.duplicate });
    // The shopper's other tabs learn of it from the widget itself (BroadcastChannel), not through Redis.
  } catch (error) {
    deps.logger.error({ err: error }, 'webchat message not accepted');
    reply(failure('internal_error', 'The message could not be accepted; please send it again.'));
  }
}

async function handleHistory(
  socket: WebchatSocket,
  deps: WebchatSocketDeps,
  payload: unknown,
  ack: (result: HistoryAck) => void,
): Promise<void> {
  const parsed = historyRequestSchema.safeParse(payload);
  if (!parsed.success) return ack({ ok: false, error: { code: 'invalid_payload', message: describeIssue(parsed.error) } });
  const conversation = socket.data.conversation;
  if (!conversation) return ack({ ok: true, messages: [], hasMore: false });
  const limit = parsed.data.limit ?? deps.settings.historyLimit;
  const messages = await deps.store.listMessages(conversation.id, { beforeSeq: parsed.data.beforeSeq, limit });
  ack({ ok: true, messages: messages.map(toWireMessage), hasMore: (messages[0]?.seq ?? 1) > 1 });
}
