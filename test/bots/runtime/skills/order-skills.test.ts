/**
 * The order skills end to end: a real platform in-process (SQLite, Redis, the built-in intent model from the test
 * cache, the demo store), shoppers on real sockets.
 */
import { io, type Socket } from 'socket.io-client';
import type { SendMessageAck, SessionEvent, WireMessage } from '../../../../bots/channels/webchat/protocol-types';
import { startInProcessPlatform, type InProcessPlatform } from '../../../support/platform';
import { waitFor } from '../../../support/wait-for';

interface Shopper {
  socket: Socket;
  session: SessionEvent;
  received: WireMessage[];
  /** Id of the last message this shopper sent. */
  lastMessageId?: string;
  /** Sends a message and resolves with the bot's reply texts to it (joined). */
  say(text: string, extra?: Record<string, unknown>): Promise<string>;
}

describe('order skills (in-process platform, demo store)', () => {
  let platform: InProcessPlatform;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    platform = await startInProcessPlatform();
    await waitFor(async () => (await platform.context.models.live(null, 'intent-classifier')) !== undefined, 20_000);
  });

  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await platform?.close();
  });

  async function shopper(locale: string): Promise<Shopper> {
    const socket = io(`${platform.url}/webchat`, { auth: { workspace: 'demo', locale }, transports: ['websocket'], reconnection: false, forceNew: true });
    sockets.push(socket);
    const received: WireMessage[] = [];
    socket.on('message', (message: WireMessage) => received.push(message));
    const session = await new Promise<SessionEvent>((resolve, reject) => {
      socket.once('session', resolve);
      socket.once('connect_error', reject);
    });
    const shopperHandle: Shopper = {
      socket,
      session,
      received,
      async say(text, extra = {}) {
        const before = received.filter((m) => m.author === 'bot').length;
        const ack = (await socket.timeout(5000).emitWithAck('message', { text, clientMessageId: `c-${Math.random().toString(36).slice(2)}`, ...extra })) as SendMessageAck;
        if (!ack.ok) throw new Error(ack.error.message);
        shopperHandle.lastMessageId = ack.messageId;
        const replies = await waitFor(() => {
          const bot = received.filter((m) => m.author === 'bot');
          return bot.length > before ? bot.slice(before) : undefined;
        }, 30_000);
        // Replies of one turn arrive together; give a straggler a moment.
        await new Promise((resolve) => setTimeout(resolve, 100));
        return received.filter((m) => m.author === 'bot').slice(before).map((m) => m.text).join('\n') || replies[0]!.text;
      },
    };
    return shopperHandle;
  }

  async function conversationState(of: Shopper): Promise<string | undefined> {
    const row = await platform.context.database.db
      .selectFrom('messages')
      .innerJoin('conversations', 'conversations.id', 'messages.conversation_id')
      .select('conversations.state')
      .where('messages.id', '=', of.lastMessageId!)
      .executeTakeFirst();
    return row?.state;
  }

  describe('order_status in Chinese with an order number', () => {
    it('verifies the shopper by the order e-mail and answers with status, carrier, tracking link and date in Chinese', async () => {
      const li = await shopper('zh-CN');
      const ask = await li.say('我的订单 A1B2C3 到哪里了？');
      expect(ask).toMatch(/邮箱/);
      const status = await li.say('li.wei@example.com');
      expect(status).toContain('A1B2C3');
      expect(status).toContain('正在运输中');
      expect(status).toContain('SF1234567890123');
      expect(status).toMatch(/https:\/\/[^\s]*sf-express[^\s]*/i);
      expect(status).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
    });

    it("joins each proven channel identity to the order's customer, so later conversations need no new proof", async () => {
      const workspaceId = (await platform.context.workspaces.findBySlug('demo'))!.id;
      const owner = (await platform.context.commerce.findOrder(workspaceId, 'A1B2C3'))!.customerId;
      const customerOf = async (of: Shopper): Promise<string | undefined> =>
        (await platform.context.database.db.selectFrom('messages').innerJoin('conversations', 'conversations.id', 'messages.conversation_id').select('conversations.customer_id').where('messages.id', '=', of.lastMessageId!).executeTakeFirst())?.customer_id;
      // Two widget sessions = two channel identities, each its own placeholder customer until proven.
      const phone = await shopper('zh-CN');
      const laptop = await shopper('zh-CN');
      await phone.say('我的订单 A1B2C3 到哪里了？');
      await laptop.say('我的订单 A1B2C3 到哪里了？');
      expect(await customerOf(phone)).not.toBe(owner);
      await phone.say('li.wei@example.com');
      await laptop.say('li.wei@example.com');
      expect(await customerOf(phone)).toBe(owner);
      expect(await customerOf(laptop)).toBe(owner);
      const identities = await platform.context.database.db.selectFrom('channel_identities').select('external_id').where('customer_id', '=', owner).execute();
      expect(identities.length).toBeGreaterThanOrEqual(2);
      const verified = await platform.context.database.db.selectFrom('customers').select('email_verified_at').where('id', '=', owner).executeTakeFirst();
      expect(verified?.email_verified_at).toEqual(expect.any(Number));
    });

    it('remembers the verified order for the next question', async () => {
      const li = await shopper('zh-CN');
      await li.say('订单A1B2C3现在什么状态');
      await li.say('li.wei@example.com');
      const again = await li.say('我的快递到哪了');
      expect(again).toContain('A1B2C3');
    });

    it('refuses a wrong e-mail address without showing the order', async () => {
      const stranger = await shopper('zh-CN');
      await stranger.say('我的订单 A1B2C3 到哪里了？');
      const reply = await stranger.say('someone.else@example.com');
      expect(reply).not.toContain('SF1234567890123');
      expect(reply).toMatch(/不一致/);
    });
  });

  describe('order_status in German without an order number', () => {
    it('asks for the number, then for the e-mail, then answers in German', async () => {
      const anna = await shopper('de-DE');
      const ask = await anna.say('Wo ist meine Bestellung?');
      expect(ask).toMatch(/Bestellnummer/);
      const verify = await anna.say('B7K9Q2');
      expect(verify).toMatch(/E-Mail/i);
      const status = await anna.say('anna.schmidt@example.com');
      expect(status).toContain('B7K9Q2');
      expect(status).toMatch(/Bearbeitung|bearbeitet|vorbereitet/i);
    });

    it('says so when the order does not exist', async () => {
      const shopperDe = await shopper('de-DE');
      await shopperDe.say('Wo ist meine Bestellung?');
      const reply = await shopperDe.say('ZZ9Z9Z');
      expect(reply).toMatch(/nicht finden|nicht gefunden|keine Bestellung/i);
    });
  });

  describe('order_cancel', () => {
    it('cancels a processing order after confirmation and records who did it', async () => {
      const anna = await shopper('en-GB');
      await anna.say('Please cancel my order B7K9Q2');
      const confirm = await anna.say('anna.schmidt@example.com');
      expect(confirm).toContain('B7K9Q2');
      const done = await anna.say('yes');
      expect(done).toMatch(/cancel/i);
      const order = await platform.context.commerce.findOrder(await workspaceId(), 'B7K9Q2');
      expect(order?.status).toBe('cancelled');
    });

    it('explains why a delivered order cannot be cancelled', async () => {
      const maria = await shopper('es-ES');
      await maria.say('quiero cancelar el pedido C4D5E6');
      const reply = await maria.say('maria.garcia@example.com');
      expect(reply).toMatch(/entregado/i);
      const order = await platform.context.commerce.findOrder(await workspaceId(), 'C4D5E6');
      expect(order?.status).toBe('delivered');
    });
  });

  describe('change_address', () => {
    it('changes the address of a paid order after confirmation', async () => {
      const john = await shopper('en-US');
      await john.say('I need to change the delivery address for order D8F1G3');
      const askAddress = await john.say('john.smith@example.com');
      expect(askAddress).toMatch(/address/i);
      const confirm = await john.say('221B Baker Street, NW1 6XE London');
      expect(confirm).toContain('221B Baker Street');
      const done = await john.say('yes');
      expect(done).toContain('D8F1G3');
      const order = await platform.context.commerce.findOrder(await workspaceId(), 'D8F1G3');
      expect(order?.shippingAddress?.line1).toBe('221B Baker Street');
    });
  });

  describe('handoff', () => {
    it('moves the conversation to waiting_agent when the shopper asks for a person', async () => {
      const someone = await shopper('en-US');
      await someone.say('I want to talk to a person');
      expect(await conversationState(someone)).toBe('waiting_agent');
    });

    it('hands an angry complaint to a person', async () => {
      const angry = await shopper('en-US');
      await angry.say('This is the worst service ever, absolutely unacceptable!!!');
      expect(await conversationState(angry)).toBe('waiting_agent');
    });

    it('hands over after repeated messages it does not understand', async () => {
      const confusing = await shopper('en-US');
      await confusing.say('blorf zangle quux');
      expect(await conversationState(confusing)).toBe('bot');
      await confusing.say('wibble wobble frobnicate');
      expect(await conversationState(confusing)).toBe('waiting_agent');
    });
  });

  describe('greetings, thanks and goodbye', () => {
    it('answers them naturally in the shopper language', async () => {
      const fr = await shopper('fr-FR');
      expect(await fr.say('Bonjour !')).toMatch(/Bonjour/i);
      expect(await fr.say('merci beaucoup')).toMatch(/rien|plaisir/i);
    });
  });

  async function workspaceId(): Promise<string> {
    return (await platform.context.workspaces.findBySlug('demo'))!.id;
  }
});
