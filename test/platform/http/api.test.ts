// fasttext.wasm.js loads its WebAssembly glue with a dynamic import(), which Jest's sandbox refuses without
// --experimental-vm-modules; load the real package through Node's own loader instead (no behaviour is faked).
jest.mock('fasttext.wasm.js', () =>
  jest
    .requireActual<{ _load(request: string, parent: null, isMain: boolean): unknown }>('node:module')
    ._load(require.resolve('fasttext.wasm.js'), null, false),
);
import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import type { SendMessageAck, SessionEvent, WireMessage } from '../../../bots/channels/webchat/protocol-types';
import { templatesFor } from '../../../bots/runtime/templates';
import { startInProcessPlatform, type InProcessPlatform } from '../../support/platform';
import { waitFor } from '../../support/wait-for';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A widget connection that records every message event it receives. */
interface Shopper {
  socket: Socket;
  session: SessionEvent;
  received: WireMessage[];
  send(payload: unknown): Promise<SendMessageAck>;
}

describe('The platform over HTTP and Socket.IO', () => {
  let platform: InProcessPlatform;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    platform = await startInProcessPlatform();
  });

  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await platform?.close();
  });

  function api(path: string, init: RequestInit & { token?: string; json?: unknown } = {}) {
    const headers = new Headers(init.headers);
    if (init.token) headers.set('authorization', `Bearer ${init.token}`);
    let body = init.body;
    if (init.json !== undefined) {
      headers.set('content-type', 'application/json');
      body = JSON.stringify(init.json);
    }
    return fetch(`${platform.url}${path}`, { ...init, headers, body });
  }

  async function createToken(role: 'admin' | 'agent', name: string): Promise<string> {
    const response = await api('/api/tokens', { method: 'POST', token: platform.adminToken, json: { name, role } });
    expect(response.status).toBe(201);
    return ((await response.json()) as { token: string }).token;
  }

  function connect(auth: Record<string, unknown>): Socket {
    const socket = io(`${platform.url}/webchat`, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
    sockets.push(socket);
    return socket;
  }

  async function shopper(auth: Record<string, unknown> = { workspace: 'demo' }): Promise<Shopper> {
    const socket = connect(auth);
    const received: WireMessage[] = [];
    socket.on('message', (message: WireMessage) => received.push(message));
    const session = await new Promise<SessionEvent>((resolve, reject) => {
      socket.once('session', resolve);
      socket.once('connect_error', reject);
    });
    return {
      socket,
      session,
      received,
      send: (payload) => socket.timeout(5000).emitWithAck('message', payload) as Promise<SendMessageAck>,
    };
  }

  describe('health and metrics', () => {
    it('answers /healthz with 200', async () => {
      const response = await api('/healthz');
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ok' });
    });

    it('answers /readyz with 200 and the checks of the database and Redis', async () => {
      const response = await api('/readyz');
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({
        status: 'ready',
        checks: { database: { ok: true }, redis: { ok: true }, accepting: true },
      });
    });

    it('serves Prometheus metrics including message counters and queue depths', async () => {
      const response = await api('/metrics');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/plain');
      const text = await response.text();
      expect(text).toContain('# TYPE pgdesk_messages_in_total counter');
      expect(text).toMatch(/^pgdesk_queue_jobs\{queue="inbound",state="waiting"\} \d+$/m);
      expect(text).toMatch(/^pgdesk_queue_jobs\{queue="outbound",state="failed"\} \d+$/m);
    });
  });

  describe('public widget settings', () => {
    it('returns the demo workspace’s settings to any origin', async () => {
      const response = await api('/api/webchat/demo');
      expect(response.status).toBe(200);
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      expect(await response.json()).toEqual({ workspace: 'demo', name: 'Demo Store', defaultLanguage: 'en', maxMessageLength: 4000 });
    });

    it('answers 404 unknown_workspace for a workspace that does not exist', async () => {
      const response = await api('/api/webchat/nope');
      expect(response.status).toBe(404);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('unknown_workspace');
    });

    it('answers 400 for something that is not a slug', async () => {
      expect((await api('/api/webchat/Not_A_Slug')).status).toBe(400);
    });
  });

  describe('authentication and roles', () => {
    it('refuses /api/conversations without a token', async () => {
      const response = await api('/api/conversations');
      expect(response.status).toBe(401);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
    });

    it('refuses an unknown token', async () => {
      expect((await api('/api/conversations', { token: 'pgd_not-a-real-token' })).status).toBe(401);
    });

    it('lets an admin create an agent token that works on conversations but not on tokens', async () => {
      const response = await api('/api/tokens', { method: 'POST', token: platform.adminToken, json: { name: 'Maria', role: 'agent' } });
      expect(response.status).toBe(201);
      const created = (await response.json()) as { id: string; token: string };
      expect(created.token).toMatch(/^pgd_/);
      expect((await api('/api/conversations', { token: created.token })).status).toBe(200);
      const forbidden = await api('/api/tokens', { token: created.token });
      expect(forbidden.status).toBe(403);
      expect(((await forbidden.json()) as { error: { code: string } }).error.code).toBe('forbidden');
    });

    it('stops accepting a revoked token', async () => {
      const created = (await (
        await api('/api/tokens', { method: 'POST', token: platform.adminToken, json: { name: 'Temp', role: 'agent' } })
      ).json()) as { id: string; token: string };
      expect((await api(`/api/tokens/${created.id}`, { method: 'DELETE', token: platform.adminToken })).status).toBe(204);
      expect((await api('/api/conversations', { token: created.token })).status).toBe(401);
    });
  });

  describe('request validation', () => {
    it('answers malformed JSON with 400 malformed_json', async () => {
      const response = await api('/api/tokens', {
        method: 'POST',
        token: platform.adminToken,
        headers: { 'content-type': 'application/json' },
        body: '{"name": "x", role:',
      });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('malformed_json');
    });

    it('answers an invalid body with 400 naming the field', async () => {
      const response = await api('/api/tokens', { method: 'POST', token: platform.adminToken, json: { name: 'x', role: 'owner' } });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { message: string } }).error.message).toContain('role');
    });

    it('answers an invalid query with 400 naming the parameter', async () => {
      const response = await api('/api/conversations?limit=0', { token: platform.adminToken });
      expect(response.status).toBe(400);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('invalid_request');
      expect(body.error.message).toContain('limit');
    });

    it('answers an unknown conversation id with 404', async () => {
      const response = await api(`/api/conversations/${randomUUID()}`, { token: platform.adminToken });
      expect(response.status).toBe(404);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('not_found');
    });

    it('answers an id that is not a UUID with 400', async () => {
      expect((await api('/api/conversations/not-a-uuid', { token: platform.adminToken })).status).toBe(400);
    });

    it('answers an unknown route with 404 not_found', async () => {
      const response = await api('/api/nothing-here');
      expect(response.status).toBe(404);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('not_found');
    });
  });

  describe('a web chat conversation', () => {
    let shopperA: Shopper;
    let conversationId: string;
    let agentToken: string;
    const botReplies = () => shopperA.received.filter((m) => m.author === 'bot');

    beforeAll(async () => {
      shopperA = await shopper({ workspace: 'demo', locale: 'en-GB' });
      agentToken = await createToken('agent', 'Maria');
    });

    it('starts with an empty session and a session token', () => {
      expect(shopperA.session).toMatchObject({ conversationId: null, state: 'bot', language: 'en', maxMessageLength: 4000, history: [], hasMore: false });
      expect(shopperA.session.sessionToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    });

    it('acknowledges a message and delivers the bot’s reply', async () => {
      const ack = await shopperA.send({ clientMessageId: 'first-1', text: 'Hello!' });
      expect(ack).toEqual({ ok: true, messageId: expect.any(String), seq: 1, duplicate: false });
      // The platform's first turn loads the language and intent models: allow for a slow (shared) CI machine.
      const reply = await waitFor(() => botReplies()[0], 30_000);
      expect(reply).toMatchObject({ seq: 2, direction: 'out', author: 'bot', language: 'en' });
      expect(reply.text).toBe(templatesFor('en').greeting.replace('{store}', 'Demo Store'));
    });

    it('resumes the conversation when the widget reconnects with its session token', async () => {
      const again = await shopper({ workspace: 'demo', sessionToken: shopperA.session.sessionToken });
      conversationId = again.session.conversationId as string;
      expect(conversationId).toMatch(/^[0-9a-f-]{36}$/);
      expect(again.session.history.map((m) => [m.seq, m.author])).toEqual([
        [1, 'shopper'],
        [2, 'bot'],
      ]);
      expect(again.session.history[0]?.clientMessageId).toBe('first-1');
      again.socket.disconnect();
    });

    describe('when the same clientMessageId is sent twice', () => {
      it('stores one message and sends exactly one reply', async () => {
        const repliesBefore = botReplies().length;
        const first = await shopperA.send({ clientMessageId: 'dup-1', text: 'where is my order?' });
        const second = await shopperA.send({ clientMessageId: 'dup-1', text: 'where is my order?' });
        expect(first).toMatchObject({ ok: true, duplicate: false });
        expect(second).toMatchObject({ ok: true, duplicate: true });
        if (first.ok && second.ok) {
          expect(second.messageId).toBe(first.messageId);
          expect(second.seq).toBe(first.seq);
        }
        await waitFor(() => botReplies().length > repliesBefore);
        await pause(600); // long enough for a second reply, were one coming
        expect(botReplies()).toHaveLength(repliesBefore + 1);
        const response = await api(`/api/conversations/${conversationId}/messages`, { token: agentToken });
        const { messages } = (await response.json()) as { messages: Array<{ text: string; direction: string }> };
        expect(messages.filter((m) => m.direction === 'in' && m.text === 'where is my order?')).toHaveLength(1);
        expect(messages.filter((m) => m.direction === 'out')).toHaveLength(repliesBefore + 1);
      });
    });

    describe('when a message is too long', () => {
      it('refuses it with message_too_long and the limit', async () => {
        const ack = await shopperA.send({ clientMessageId: 'long-1', text: 'a'.repeat(4001) });
        expect(ack).toEqual({ ok: false, error: { code: 'message_too_long', message: expect.stringContaining('4001'), limit: 4000 } });
      });

      it('accepts exactly the limit', async () => {
        expect(await shopperA.send({ clientMessageId: 'long-2', text: 'a'.repeat(4000) })).toMatchObject({ ok: true });
      });
    });

    describe('when the payload is malformed', () => {
      it.each([
        ['a text that is not a string', { clientMessageId: 'bad-1', text: 42 }],
        ['a missing clientMessageId', { text: 'hi' }],
        ['a bare string', 'hello'],
        ['an empty text', { clientMessageId: 'bad-2', text: '   ' }],
      ])('refuses %s with invalid_payload', async (_what, payload) => {
        const ack = await shopperA.send(payload);
        expect(ack).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
      });

      it('reports the error as chat_error when no acknowledgement was asked for', async () => {
        const error = new Promise<{ code: string }>((resolve) => shopperA.socket.once('chat_error', resolve));
        shopperA.socket.emit('message', { text: 7 });
        expect((await error).code).toBe('invalid_payload');
      });
    });

    describe('when the workspace is unknown', () => {
      it('refuses the connection with unknown_workspace', async () => {
        const socket = connect({ workspace: 'nope' });
        const error = await new Promise<Error>((resolve) => socket.once('connect_error', resolve));
        expect(error.message).toBe('unknown_workspace');
      });

      it('refuses a handshake without a workspace with invalid_payload', async () => {
        const socket = connect({});
        const error = await new Promise<Error>((resolve) => socket.once('connect_error', resolve));
        expect(error.message).toBe('invalid_payload');
      });
    });

    describe('after all of that', () => {
      it('keeps answering', async () => {
        const repliesBefore = botReplies().length;
        expect(await shopperA.send({ clientMessageId: 'after-1', text: 'still there?' })).toMatchObject({ ok: true });
        await waitFor(() => botReplies().length > repliesBefore);
        const other = await shopper();
        expect(await other.send({ clientMessageId: 'other-1', text: 'hi' })).toMatchObject({ ok: true, seq: 1 });
        await waitFor(() => other.received.find((m) => m.author === 'bot'));
      });

      it('counts the accepted messages in the metrics', async () => {
        const text = await (await api('/metrics')).text();
        const count = Number(/^pgdesk_messages_in_total\{channel="webchat"\} (\d+)$/m.exec(text)?.[1]);
        expect(count).toBeGreaterThanOrEqual(5);
        expect(text).toMatch(/^pgdesk_duplicate_messages_total\{channel="webchat"\} 1$/m);
      });
    });

    describe('when an agent answers through the API', () => {
      it('delivers the agent’s message to the widget and hands the conversation to the agent', async () => {
        const response = await api(`/api/conversations/${conversationId}/messages`, {
          method: 'POST',
          token: agentToken,
          json: { text: 'Hi, Maria here. Let me check.' },
        });
        expect(response.status).toBe(201);
        const { message } = (await response.json()) as { message: { id: string; author: string; authorName: string } };
        expect(message).toMatchObject({ author: 'agent', authorName: 'Maria' });
        const delivered = await waitFor(() => shopperA.received.find((m) => m.author === 'agent'));
        expect(delivered).toMatchObject({ id: message.id, text: 'Hi, Maria here. Let me check.', authorName: 'Maria', direction: 'out' });
        const conversation = (await (await api(`/api/conversations/${conversationId}`, { token: agentToken })).json()) as {
          conversation: { state: string };
        };
        expect(conversation.conversation.state).toBe('with_agent');
      });

      it('lists the conversation under with_agent', async () => {
        const response = await api('/api/conversations?state=with_agent', { token: agentToken });
        const { conversations } = (await response.json()) as { conversations: Array<{ id: string }> };
        expect(conversations.map((c) => c.id)).toEqual([conversationId]);
      });

      it('keeps the bot silent while the agent holds the conversation', async () => {
        const repliesBefore = botReplies().length;
        const ack = await shopperA.send({ clientMessageId: 'to-agent-1', text: 'thanks, where is it?' });
        expect(ack).toMatchObject({ ok: true });
        if (!ack.ok) return;
        await waitFor(async () => {
          const response = await api(`/api/conversations/${conversationId}/messages`, { token: agentToken });
          const { messages } = (await response.json()) as { messages: Array<{ id: string; status: string }> };
          return messages.find((m) => m.id === ack.messageId)?.status === 'processed';
        });
        await pause(300);
        expect(botReplies()).toHaveLength(repliesBefore);
      });

      it('tells the shopper when the conversation returns to the bot', async () => {
        const response = await api(`/api/conversations/${conversationId}/state`, { method: 'POST', token: agentToken, json: { state: 'bot' } });
        expect(response.status).toBe(200);
        expect(((await response.json()) as { conversation: { state: string } }).conversation.state).toBe('bot');
        const returned = await waitFor(() => botReplies().find((m) => m.text === templatesFor('en').returnedToBot));
        expect(returned.author).toBe('bot');
        const repliesBefore = botReplies().length;
        await shopperA.send({ clientMessageId: 'back-1', text: 'hello again' });
        await waitFor(() => botReplies().length > repliesBefore);
      });
    });
  });
});
