/**
 * Scale-out: two server processes and one worker process on one Redis and one PostgreSQL database. A widget client
 * on the first server gets the reply the worker produced (fan-out through Redis), then reconnects to the second
 * server and sees its history.
 */
import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import type { SessionEvent, WireMessage } from '../../bots/channels/webchat/protocol-types';
import { spawnPlatform, type PlatformProcess } from '../support/platform';
import { REDIS_URL, createPostgresDatabase, deleteRedisPrefix, uniquePrefix } from '../support/services';

function connect(port: number, auth: Record<string, string>): Promise<{ socket: Socket; session: SessionEvent }> {
  return new Promise((resolve, reject) => {
    const socket = io(`http://127.0.0.1:${port}/webchat`, { auth, transports: ['websocket'], reconnection: false });
    socket.once('session', (session: SessionEvent) => resolve({ socket, session }));
    socket.once('connect_error', reject);
  });
}

describe('Server and worker as separate processes', () => {
  const processes: PlatformProcess[] = [];
  let database: { url: string; drop: () => Promise<void> };
  const prefix = uniquePrefix('scale');

  beforeAll(async () => {
    database = await createPostgresDatabase();
  });

  afterAll(async () => {
    await Promise.all(processes.map((p) => p.stop()));
    await database?.drop();
    await deleteRedisPrefix(prefix);
  });

  it('delivers the worker’s reply across processes and shows the history on another server', async () => {
    const env = {
      DATABASE_URL: database.url,
      REDIS_URL,
      REDIS_PREFIX: prefix,
      ADMIN_TOKEN: `scale-admin-${randomUUID()}`,
      PORT: '0',
    };
    const worker = spawnPlatform('worker', env);
    processes.push(worker);
    await worker.waitFor(/worker started/);
    const serverA = spawnPlatform('server', env);
    const serverB = spawnPlatform('server', env);
    processes.push(serverA, serverB);
    const [portA, portB] = await Promise.all([serverA.listeningPort(), serverB.listeningPort()]);

    const first = await connect(portA, { workspace: 'demo', locale: 'en-US' });
    const reply = new Promise<WireMessage>((resolve) => first.socket.on('message', (m: WireMessage) => m.direction === 'out' && resolve(m)));
    const ack = await first.socket.emitWithAck('message', { clientMessageId: randomUUID(), text: 'Hello there' });
    expect(ack.ok).toBe(true);
    const answer = await reply;
    expect(answer.author).toBe('bot');
    expect(answer.text).toMatch(/Demo Store/);
    first.socket.close();

    const second = await connect(portB, { workspace: 'demo', sessionToken: first.session.sessionToken });
    expect(second.session.history.map((m) => m.text)).toEqual(['Hello there', answer.text]);
    second.socket.close();
  }, 90_000);
});
