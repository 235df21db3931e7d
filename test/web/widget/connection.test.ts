import type { SendMessageAck, SendMessagePayload, SessionEvent, WireMessage } from '../../../bots/channels/webchat/protocol-types';
import { Connection, buildAuth, type ConnectionListener, type ConnectionOptions, type WebchatSocket } from '../../../web/widget/connection';
import { Outbox } from '../../../web/widget/outbox';
import type { StorageLike } from '../../../web/widget/storage';

type Handler = (...args: unknown[]) => void;
type AckCallback = (error: Error | null, ack?: unknown) => void;

interface Emitted {
  event: string;
  payload: unknown;
  reply: AckCallback;
}

/** Just enough of a Socket.IO client socket to drive the connection logic by hand. */
class FakeSocket {
  readonly handlers = new Map<string, Handler[]>();
  readonly emitted: Emitted[] = [];
  connected = false;
  active = true;
  disconnects = 0;
  connects = 0;
  auth: ((callback: (data: object) => void) => void) | undefined;

  on(event: string, handler: Handler): this {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler]);
    return this;
  }

  timeout(): { emit: (event: string, payload: unknown, reply: AckCallback) => void } {
    return { emit: (event, payload, reply) => void this.emitted.push({ event, payload, reply }) };
  }

  connect(): this {
    this.connects++;
    return this;
  }

  disconnect(): this {
    this.disconnects++;
    this.active = false;
    return this;
  }

  fire(event: string, ...args: unknown[]): void {
    if (event === 'session') this.connected = true;
    if (event === 'disconnect') this.connected = false;
    for (const handler of this.handlers.get(event) ?? []) handler(...args);
  }

  messages(): SendMessagePayload[] {
    return this.emitted.filter((e) => e.event === 'message').map((e) => e.payload as SendMessagePayload);
  }
}

function memoryStorage(): StorageLike & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

const TOKEN_A = 'a'.repeat(43);
const TOKEN_B = 'B_b-'.repeat(11);

function sessionEvent(history: WireMessage[] = [], sessionToken = TOKEN_A): SessionEvent {
  return {
    sessionToken,
    conversationId: 'c1',
    language: 'en',
    state: 'bot',
    maxMessageLength: 1000,
    history,
    hasMore: false,
  };
}

function setup(overrides: Partial<ConnectionOptions> = {}) {
  const socket = new FakeSocket();
  const tokenStorage = memoryStorage();
  const outbox = new Outbox(memoryStorage(), 'pgdesk:demo:outbox');
  const events = { statuses: [] as string[], acks: [] as Array<[string, SendMessageAck]>, sessions: 0 };
  const listener: ConnectionListener = {
    status: (status) => void events.statuses.push(status),
    session: () => void events.sessions++,
    message: () => undefined,
    typing: () => undefined,
    ack: (id, ack) => void events.acks.push([id, ack]),
  };
  let url = '';
  const connection = new Connection({
    origin: 'https://platform.example',
    workspace: 'demo',
    locale: 'es-ES',
    tokenStorage,
    outbox,
    listener,
    connect: (target, options) => {
      url = target;
      socket.auth = options?.auth as FakeSocket['auth'];
      return socket as unknown as WebchatSocket;
    },
    ...overrides,
  });
  connection.start();
  return { socket, tokenStorage, outbox, events, connection, url: () => url };
}

const entry = (id: string) => ({ clientMessageId: id, text: `text ${id}`, at: new Date().toISOString() });
const authOf = (socket: FakeSocket): Record<string, unknown> => {
  let auth: Record<string, unknown> = {};
  socket.auth?.((data) => (auth = data as Record<string, unknown>));
  return auth;
};

describe('Connection', () => {
  it('connects to the /webchat namespace of the platform origin', () => {
    expect(setup().url()).toBe('https://platform.example/webchat');
  });

  it('sends the workspace and locale, and the stored session token once there is one', () => {
    const { socket } = setup();
    expect(authOf(socket)).toEqual({ workspace: 'demo', locale: 'es-ES' });
    socket.fire('session', sessionEvent([], TOKEN_B));
    expect(authOf(socket)).toEqual({ workspace: 'demo', locale: 'es-ES', sessionToken: TOKEN_B });
  });

  it('stores the session token per workspace', () => {
    const { socket, tokenStorage } = setup();
    socket.fire('session', sessionEvent([], TOKEN_B));
    expect(tokenStorage.data.get('pgdesk:demo:session')).toBe(TOKEN_B);
  });

  it('holds messages until the session arrives, then sends them in order', () => {
    const { socket, connection } = setup();
    connection.send(entry('a'));
    connection.send(entry('b'));
    expect(socket.messages()).toEqual([]);
    socket.fire('session', sessionEvent());
    expect(socket.messages().map((m) => m.clientMessageId)).toEqual(['a', 'b']);
  });

  it('sends the quick reply payload along with the text', () => {
    const { socket, connection } = setup();
    socket.fire('session', sessionEvent());
    connection.send({ ...entry('q'), text: 'Track my order', quickReplyPayload: 'track_order' });
    expect(socket.messages()).toEqual([{ clientMessageId: 'q', text: 'Track my order', quickReplyPayload: 'track_order' }]);
  });

  it('re-sends an unacknowledged message with the same clientMessageId after a reconnect', () => {
    const { socket, connection } = setup();
    socket.fire('session', sessionEvent());
    connection.send(entry('a'));
    socket.fire('disconnect', 'transport close');
    socket.fire('session', sessionEvent());
    expect(socket.messages().map((m) => m.clientMessageId)).toEqual(['a', 'a']);
  });

  it('does not re-send what the session history shows was delivered', () => {
    const { socket, connection, outbox } = setup();
    socket.fire('session', sessionEvent());
    connection.send(entry('a'));
    socket.fire('disconnect', 'transport close');
    const delivered: WireMessage = {
      id: 'm1', seq: 1, direction: 'in', author: 'shopper', text: 'text a', clientMessageId: 'a', at: '2024-05-01T10:00:00Z',
    };
    socket.fire('session', sessionEvent([delivered]));
    expect(socket.messages()).toHaveLength(1);
    expect(outbox.entries()).toEqual([]);
  });

  it('removes an acknowledged message from the outbox and reports the ack', () => {
    const { socket, connection, outbox, events } = setup();
    socket.fire('session', sessionEvent());
    connection.send(entry('a'));
    const ack: SendMessageAck = { ok: true, messageId: 'm1', seq: 1, duplicate: false };
    socket.emitted[0]?.reply(null, ack);
    expect(outbox.entries()).toEqual([]);
    expect(events.acks).toEqual([['a', ack]]);
  });

  it('stops retrying a refused message', () => {
    const { socket, connection, outbox, events } = setup();
    socket.fire('session', sessionEvent());
    connection.send(entry('a'));
    socket.emitted[0]?.reply(null, { ok: false, error: { code: 'message_too_long', message: 'x', limit: 10 } });
    socket.fire('disconnect', 'transport close');
    socket.fire('session', sessionEvent());
    expect(socket.messages()).toHaveLength(1);
    expect(outbox.entries()).toEqual([]);
    expect(events.acks[0]?.[1]).toMatchObject({ ok: false, error: { code: 'message_too_long', limit: 10 } });
  });

  it('emits again with the same id when an acknowledgement times out, a few times at most', () => {
    const { socket, connection } = setup();
    socket.fire('session', sessionEvent());
    connection.send(entry('a'));
    for (let i = 0; i < 5; i++) socket.emitted.at(-1)?.reply(new Error('operation has timed out'));
    expect(socket.messages().map((m) => m.clientMessageId)).toEqual(['a', 'a', 'a']);
  });

  it('reports reconnecting after a disconnect and online after the next session', () => {
    const { socket, events } = setup();
    socket.fire('session', sessionEvent());
    socket.fire('disconnect', 'transport close');
    socket.fire('session', sessionEvent());
    expect(events.statuses).toEqual(['online', 'reconnecting', 'online']);
  });

  it('becomes unavailable and stops on an unknown workspace', () => {
    const { socket, events } = setup();
    socket.fire('connect_error', new Error('unknown_workspace'));
    expect(events.statuses).toEqual(['unavailable']);
    expect(socket.disconnects).toBe(1);
  });

  it('forgets a refused session token and reconnects without it', () => {
    jest.useFakeTimers();
    try {
      const { socket, tokenStorage, events } = setup();
      tokenStorage.data.set('pgdesk:demo:session', TOKEN_A);
      expect(authOf(socket).sessionToken).toBe(TOKEN_A);
      socket.active = false;
      socket.fire('connect_error', new Error('invalid_payload'));
      expect(tokenStorage.data.has('pgdesk:demo:session')).toBe(false);
      jest.advanceTimersByTime(60_000);
      expect(socket.connects).toBe(1);
      expect(events.statuses).not.toContain('unavailable');
    } finally {
      jest.useRealTimers();
    }
  });

  it('gives up when the handshake is refused without a token to blame', () => {
    const errorLog = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const { socket, events } = setup();
      authOf(socket);
      socket.fire('connect_error', Object.assign(new Error('invalid_payload'), { data: { message: 'bad slug' } }));
      expect(events.statuses).toEqual(['unavailable']);
      expect(errorLog).toHaveBeenCalledWith(expect.stringContaining('refused'), 'bad slug');
    } finally {
      errorLog.mockRestore();
    }
  });

  it('reconnects by itself after the server refused the handshake for another reason', () => {
    jest.useFakeTimers();
    try {
      const { socket } = setup();
      socket.active = false;
      socket.fire('connect_error', new Error('rate_limited'));
      jest.advanceTimersByTime(60_000);
      expect(socket.connects).toBe(1);
    } finally {
      jest.useRealTimers();
    }
  });
});

describe('buildAuth', () => {
  it('sends a well-formed token and locale', () => {
    expect(buildAuth('demo', TOKEN_A, 'zh-Hans-CN')).toEqual({ workspace: 'demo', sessionToken: TOKEN_A, locale: 'zh-Hans-CN' });
  });

  it('leaves out a corrupted token rather than have the handshake refused', () => {
    expect(buildAuth('demo', 'short', undefined)).toEqual({ workspace: 'demo' });
    expect(buildAuth('demo', `${TOKEN_A}"`, undefined)).toEqual({ workspace: 'demo' });
  });

  it('leaves out a locale the server would not accept', () => {
    expect(buildAuth('demo', undefined, 'en-US-x-very-private-tag-list')).toEqual({ workspace: 'demo' });
    expect(buildAuth('demo', undefined, '')).toEqual({ workspace: 'demo' });
  });
});
