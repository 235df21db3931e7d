/**
 * A crash between acceptance and reply loses nothing: a message acknowledged by a server that is then killed with
 * SIGKILL (no worker ran yet) is answered after the platform restarts, and the reply reaches the shopper.
 */
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { io, type Socket } from 'socket.io-client';
import type { SessionEvent, WireMessage } from '../../bots/channels/webchat/protocol-types';
import { dirname } from 'node:path';
import { spawnPlatform, tempSqliteUrl, type PlatformProcess } from '../support/platform';
import { REDIS_URL, deleteRedisPrefix, uniquePrefix } from '../support/services';

function connect(port: number, auth: Record<string, string>): Promise<{ socket: Socket; session: SessionEvent }> {
  return new Promise((resolve, reject) => {
    const socket = io(`http://127.0.0.1:${port}/webchat`, { auth, transports: ['websocket'], reconnection: false });
    socket.once('session', (session: SessionEvent) => resolve({ socket, session }));
    socket.once('connect_error', reject);
  });
}

describe('When the process is killed between accepting a message and replying', () => {
  const prefix = uniquePrefix('crash');
  const running: PlatformProcess[] = [];
  const folders: string[] = [];
  const sqliteUrl = () => {
    const url = tempSqliteUrl();
    folders.push(dirname(url.slice('sqlite:'.length)));
    return url;
  };

  afterAll(async () => {
    await Promise.all(running.map((p) => p.stop('SIGKILL')));
    await deleteRedisPrefix(prefix);
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });

  it('still delivers the reply after a restart', async () => {
    const env = {
      DATABASE_URL: sqliteUrl(),
      REDIS_URL,
      REDIS_PREFIX: prefix,
      ADMIN_TOKEN: `crash-admin-${randomUUID()}`,
      PORT: '0',
    };
    // Only the server runs: the message is accepted and queued, but nobody answers it yet.
    const server = spawnPlatform('server', env);
    running.push(server);
    const port = await server.listeningPort();
    const shopper = await connect(port, { workspace: 'demo', locale: 'es-ES' });
    const ack = await shopper.socket.emitWithAck('message', { clientMessageId: randomUUID(), text: '¿Dónde está mi pedido?' });
    expect(ack.ok).toBe(true);
    shopper.socket.close();
    await server.stop('SIGKILL');

    const restarted = spawnPlatform('all', env);
    running.push(restarted);
    const back = await connect(await restarted.listeningPort(), { workspace: 'demo', sessionToken: shopper.session.sessionToken });
    const live = new Promise<WireMessage>((resolve) => back.socket.on('message', (m: WireMessage) => m.direction === 'out' && resolve(m)));
    const reply = back.session.history.find((m) => m.direction === 'out') ?? (await live);
    expect(reply.language).toBe('es');
    expect(reply.text).toMatch(/número de pedido/);
    back.socket.close();
    expect(await restarted.stop('SIGTERM')).toBe(0);
  }, 90_000);

  it('drains on SIGTERM: every acknowledged message is answered, after a restart at the latest', async () => {
    const adminToken = `drain-admin-${randomUUID()}`;
    const env = {
      DATABASE_URL: sqliteUrl(),
      REDIS_URL,
      REDIS_PREFIX: prefix,
      ADMIN_TOKEN: adminToken,
      PORT: '0',
      CHAT_MESSAGES_PER_MINUTE: '1000',
    };
    const first = spawnPlatform('all', env);
    running.push(first);
    const shopper = await connect(await first.listeningPort(), { workspace: 'demo', locale: 'en-US' });
    const acks = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        // Messages the bot always answers (ones it cannot understand would hand the chat to a person after two).
        shopper.socket.emitWithAck('message', { clientMessageId: randomUUID(), text: ['hello', 'thanks a lot', 'hi there', 'thank you!'][index % 4] }),
      ),
    );
    expect(acks.every((ack: { ok: boolean }) => ack.ok)).toBe(true);
    expect(await first.stop('SIGTERM')).toBe(0);
    shopper.socket.close();

    const second = spawnPlatform('all', env);
    running.push(second);
    const port = await second.listeningPort();
    const conversationId = shopper.session.conversationId ?? (await connect(port, { workspace: 'demo', sessionToken: shopper.session.sessionToken })).session.conversationId;
    const deadline = Date.now() + 40_000;
    let replies = 0;
    while (Date.now() < deadline) {
      const response = await fetch(`http://127.0.0.1:${port}/api/conversations/${conversationId}/messages?limit=100`, {
        headers: { authorization: `Bearer ${adminToken}` },
      });
      const { messages } = (await response.json()) as { messages: Array<{ direction: string; status: string }> };
      expect(messages.filter((m) => m.direction === 'in')).toHaveLength(20);
      replies = messages.filter((m) => m.direction === 'out').length;
      if (replies === 20) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(replies).toBe(20);
  }, 90_000);
});
