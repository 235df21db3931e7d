import pino from 'pino';
import { MessageAck, WAState, type Message } from 'whatsapp-web.js';
import { WhatsAppConnection, type WhatsAppConnectionStatus } from '../../../../bots/channels/whatsapp-web';
import { FakeWhatsApp } from '../../../support/fake-whatsapp-client';
import { waitFor } from '../../../support/wait-for';

const logger = pino({ level: 'silent' });

describe('WhatsAppConnection', () => {
  let world: FakeWhatsApp;
  let connection: WhatsAppConnection;
  let states: WhatsAppConnectionStatus[];

  /** A connection whose jitter is `jitter` (0: half the backoff, 1: all of it). */
  function connect(jitter = 1): WhatsAppConnection {
    connection = new WhatsAppConnection({ createClient: world.createClient, logger, backoff: { initialMs: 20, maxMs: 100 }, random: () => jitter });
    connection.on('state', (status) => states.push(status));
    connection.start();
    return connection;
  }

  beforeEach(() => {
    world = new FakeWhatsApp();
    states = [];
  });

  afterEach(async () => {
    await connection?.stop();
  });

  describe('with a saved session', () => {
    it('goes from starting to ready and names the linked phone', async () => {
      connect();
      await waitFor(() => connection.status().state === 'ready');
      expect(states.map((status) => status.state)).toEqual(['starting', 'authenticated', 'ready']);
      expect(connection.status()).toMatchObject({ me: { id: '15550001111@c.us', name: 'Demo Store' }, whatsAppState: WAState.CONNECTED });
      expect(connection.readyClient()).toBe(world.client);
    });
  });

  describe('without a session', () => {
    it('shows the QR code until the phone scans it', async () => {
      world.scripts.push('qr');
      connect();
      await waitFor(() => connection.status().state === 'qr');
      expect(connection.status().qr).toMatch(/^2@/);
      expect(connection.readyClient()).toBeUndefined();
      world.scanQr();
      expect(connection.status().state).toBe('ready');
      expect(connection.status().qr).toBeUndefined();
    });
  });

  describe('when WhatsApp Web cannot be loaded', () => {
    it('reports the error, closes the browser and retries with a growing, capped backoff', async () => {
      world.defaultScript = 'fail';
      connect();
      await waitFor(() => world.clients.length >= 5, 5000);
      const failures = states.filter((status) => status.state === 'disconnected');
      expect(failures[0]).toMatchObject({ error: 'net::ERR_NAME_NOT_RESOLVED at https://web.whatsapp.com/' });
      const delays = failures.slice(0, 4).map((status) => (status.reconnectAt as number) - status.since);
      expect(delays).toEqual([20, 40, 80, 100]);
      // Every client but the newest was closed.
      expect(world.clients.slice(0, -1).every((client) => client.destroyed === 1)).toBe(true);
    });

    it('jitters the delay down by up to half', async () => {
      world.defaultScript = 'fail';
      connect(0);
      await waitFor(() => states.some((status) => status.state === 'disconnected'));
      const failure = states.find((status) => status.state === 'disconnected') as WhatsAppConnectionStatus;
      expect((failure.reconnectAt as number) - failure.since).toBe(10);
    });

    it('starts the backoff over once a client got ready', async () => {
      world.scripts.push('fail', 'fail', 'ready');
      connect();
      await waitFor(() => connection.status().state === 'ready', 5000);
      world.client.disconnect(WAState.CONFLICT);
      const last = connection.status();
      expect(last).toMatchObject({ state: 'disconnected', error: 'disconnected: CONFLICT' });
      expect((last.reconnectAt as number) - last.since).toBe(20);
      await waitFor(() => connection.status().state === 'ready');
      expect(world.clients).toHaveLength(4);
    });
  });

  it('forwards messages and receipts of the current client only', async () => {
    const received: Message[] = [];
    const receipts: MessageAck[] = [];
    connect();
    connection.on('message', (message) => received.push(message));
    connection.on('receipt', (_message, ack) => receipts.push(ack));
    await waitFor(() => connection.status().state === 'ready');
    const first = world.client;
    world.receive({ from: '4915112345678@c.us', body: 'hello' });
    first.emit('message_ack', first.buildOwn('4915112345678@c.us', 'hi', 'true_4915112345678@c.us_X1', MessageAck.ACK_READ), MessageAck.ACK_READ);
    first.disconnect();
    await waitFor(() => world.clients.length === 2 && connection.status().state === 'ready');
    // A late event of the closed client is not handed on.
    first.emit('message', first.buildIncoming({ from: '4915112345678@c.us', body: 'late' }));
    world.receive({ from: '4915112345678@c.us', body: 'again' });
    expect(received.map((message) => message.body)).toEqual(['hello', 'again']);
    expect(receipts).toEqual([MessageAck.ACK_READ]);
  });

  it('stops reconnecting once stopped', async () => {
    world.defaultScript = 'fail';
    connect();
    await waitFor(() => states.some((status) => status.state === 'disconnected'));
    await connection.stop();
    const created = world.clients.length;
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(world.clients).toHaveLength(created);
    expect(connection.status()).toMatchObject({ state: 'disconnected', error: 'stopped' });
  });
});
