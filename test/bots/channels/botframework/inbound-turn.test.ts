/**
 * The inbound turn driven by botbuilder's own TestAdapter (real TurnContext, real middleware pipeline), against a real
 * SQLite database: what each kind of message activity becomes.
 */
import { TestAdapter, type Activity } from 'botbuilder';
import { ConversationAddressStore, InboundTurn } from '../../../../bots/channels/botframework';
import { ConversationStore, messagePayload, type Conversation, type InboundMessage } from '../../../../bots/runtime/conversation-store';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../../../../platform/database';
import { WorkspaceStore, type Workspace } from '../../../../platform/workspaces';
import { createSqliteDatabase, type TestDatabase } from '../../../support/databases';

const SERVICE_URL = 'https://smba.trafficmanager.net/emea/';

describe('InboundTurn', () => {
  let database: TestDatabase;
  let handle: DatabaseHandle;
  let store: ConversationStore;
  let addresses: ConversationAddressStore;
  let workspace: Workspace;
  let ingested: InboundMessage[];
  /** The stored reference of the message's conversation at the moment it was ingested. */
  let addressAtIngest: (string | null)[];
  let failIngest: Error | undefined;
  let counter = 0;

  beforeAll(async () => {
    database = await createSqliteDatabase();
    handle = openDatabase(database.url);
    await migrateToLatest(handle.db as never);
    store = new ConversationStore(handle.db, 'sqlite');
    addresses = new ConversationAddressStore(handle.db);
    workspace = (await new WorkspaceStore(handle.db).ensure({ slug: 'turns', name: 'Turns', defaultLanguage: 'en' })).workspace;
  });

  afterAll(async () => {
    await handle?.close();
    await database?.drop();
  });

  beforeEach(() => {
    ingested = [];
    addressAtIngest = [];
    failIngest = undefined;
  });

  function turn(maxTextLength = 4000): InboundTurn {
    return new InboundTurn({
      workspaceId: async () => workspace.id,
      conversations: store,
      addresses,
      ingest: {
        async ingest(message, conversation) {
          if (failIngest) throw failIngest;
          ingested.push(message);
          addressAtIngest.push((await store.getConversation((conversation as Conversation).id))?.channel_address ?? null);
          return store.acceptInbound(message, conversation as Conversation);
        },
      },
      maxTextLength,
      maxTitleLength: 40,
      now: () => 1_700_000_000_000,
    });
  }

  /** A TestAdapter for a Teams personal chat of its own. */
  function teams(logic = turn()): { adapter: TestAdapter; conversationId: string } {
    const conversationId = `a:1turn-${++counter}`;
    const adapter = new TestAdapter(logic.run, {
      channelId: 'msteams',
      serviceUrl: SERVICE_URL,
      conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
      from: { id: '29:shopper', name: 'Sam Shopper' },
      recipient: { id: '28:bot', name: 'Shop Bot' },
      locale: 'es-MX',
    } as Partial<Activity>);
    return { adapter, conversationId };
  }

  describe('a text message', () => {
    it('becomes an inbound message of the Teams conversation, from the shopper, in their locale', async () => {
      const { adapter, conversationId } = teams();
      await adapter.processActivity({ type: 'message', id: '1700000000001', text: '  ¿Dónde está mi pedido A1B2C3?  ' });
      expect(ingested).toEqual([
        {
          workspaceId: workspace.id,
          channel: 'botframework',
          conversationKey: `msteams:${conversationId}`,
          sender: { externalId: 'msteams:29:shopper', displayName: 'Sam Shopper' },
          channelMessageId: `msteams:${conversationId}|1700000000001`,
          text: '¿Dónde está mi pedido A1B2C3?',
          locale: 'es-MX',
          receivedAt: 1_700_000_000_000,
        },
      ]);
      expect(adapter.activeQueue).toHaveLength(0); // the reply comes later, through the outbound queue
    });

    it("loses the bot's @mention (Teams group chats and channels)", async () => {
      const { adapter } = teams();
      await adapter.processActivity({
        type: 'message',
        text: '<at>Shop Bot</at> quiero devolver unas zapatillas',
        entities: [{ type: 'mention', text: '<at>Shop Bot</at>', mentioned: { id: '28:bot', name: 'Shop Bot' } }],
      });
      expect(ingested[0]?.text).toBe('quiero devolver unas zapatillas');
    });

    it('stores the conversation reference before the message is ingested', async () => {
      const { adapter, conversationId } = teams();
      await adapter.processActivity({ type: 'message', text: 'hola' });
      expect(JSON.parse(addressAtIngest[0] as string)).toMatchObject({ channelId: 'msteams', serviceUrl: SERVICE_URL, conversation: { id: conversationId }, user: { id: '29:shopper' }, bot: { id: '28:bot' } });
      expect(JSON.parse(addressAtIngest[0] as string).activityId).toBeUndefined();
    });

    it('cuts a text longer than the platform accepts', async () => {
      const { adapter } = teams(turn(10));
      await adapter.processActivity({ type: 'message', text: 'una frase bastante larga' });
      expect(ingested[0]?.text).toBe('una frase…');
    });

    it('keeps a formatted Teams message, whose HTML copy is not an attachment of its own', async () => {
      const { adapter } = teams();
      await adapter.processActivity({ type: 'message', text: 'hola **equipo**', attachments: [{ contentType: 'text/html', content: '<p>hola <b>equipo</b></p>' }] });
      expect(ingested.map((message) => message.text)).toEqual(['hola **equipo**']);
    });

    it('propagates a failure to store it, so the request fails and the Bot Connector retries', async () => {
      const { adapter } = teams();
      failIngest = new Error('database is down');
      await expect(adapter.processActivity({ type: 'message', text: 'hola' })).rejects.toThrow('database is down');
    });
  });

  describe('a pressed button', () => {
    it('carries the payload of an Adaptive Card button, its title as the text', async () => {
      const { adapter } = teams();
      await adapter.processActivity({ type: 'message', value: { payload: 'similar:p1', title: 'Más así' } });
      expect(ingested[0]).toMatchObject({ text: 'Más así', quickReplyPayload: 'similar:p1' });
    });

    it('maps a suggested action the bot just offered back to its payload', async () => {
      const { adapter, conversationId } = teams();
      await adapter.processActivity({ type: 'message', text: 'hola' });
      const conversation = (await store.findConversationByKey(workspace.id, 'botframework', `msteams:${conversationId}`)) as Conversation;
      const longTitle = 'Quiero hablar con una persona de verdad, por favor';
      await store.appendOutgoing({
        conversation,
        outgoing: { reply: { text: '¿Qué necesitas?', language: 'es', quickReplies: [{ title: 'Seguir mi pedido', payload: 'track_order' }, { title: longTitle, payload: 'human_agent' }] }, author: 'bot' },
      });
      await adapter.processActivity({ type: 'message', text: 'Seguir mi pedido' });
      // The long title was shown (and sent back) shortened to 40 characters.
      await store.appendOutgoing({ conversation, outgoing: { reply: { text: '¿Algo más?', language: 'es', quickReplies: [{ title: longTitle, payload: 'human_agent' }] }, author: 'bot' } });
      await adapter.processActivity({ type: 'message', text: 'Quiero hablar con una persona de verdad…' });
      // Typed after the shopper already answered: no longer an answer to the offer.
      await adapter.processActivity({ type: 'message', text: 'Seguir mi pedido' });
      expect(ingested.map((message) => message.quickReplyPayload)).toEqual([undefined, 'track_order', 'human_agent', undefined]);
    });
  });

  describe('attachments', () => {
    it('stores an image alone with its reference, answering nothing in the turn (the runtime acknowledges it)', async () => {
      const { adapter, conversationId } = teams();
      const url = 'https://smba.trafficmanager.net/emea/v3/attachments/0-weu-d1-1/views/original';
      await adapter.processActivity({ type: 'message', id: '1700000000009', attachments: [{ contentType: 'image/png', contentUrl: url, name: 'zapatilla.png' }] });
      expect(ingested).toEqual([
        expect.objectContaining({
          conversationKey: `msteams:${conversationId}`,
          channelMessageId: `msteams:${conversationId}|1700000000009`,
          text: '[image: zapatilla.png]',
          locale: 'es-MX',
          attachment: { kind: 'image', mimeType: 'image/png', filename: 'zapatilla.png', url },
        }),
      ]);
      expect(adapter.activeQueue).toHaveLength(0);
      const conversation = (await store.findConversationByKey(workspace.id, 'botframework', `msteams:${conversationId}`)) as Conversation;
      const [stored] = await store.listMessages(conversation.id, { limit: 5 });
      expect(messagePayload(stored!).attachment).toMatchObject({ kind: 'image', url });
    });

    it('keeps the attachment of a text message too, the text as its caption', async () => {
      const { adapter } = teams();
      await adapter.processActivity({
        type: 'message',
        text: 'Así llegó el paquete',
        attachments: [
          { contentType: 'text/html', content: '<p>Así llegó el paquete</p>' },
          { contentType: 'application/vnd.microsoft.teams.file.download.info', contentUrl: 'https://contoso.sharepoint.com/paquete.jpg', name: 'paquete.jpg', content: { fileType: 'jpg' } },
        ],
      });
      expect(ingested[0]).toMatchObject({ text: '[image: paquete.jpg] Así llegó el paquete', attachment: { kind: 'image', caption: 'Así llegó el paquete', url: 'https://contoso.sharepoint.com/paquete.jpg' } });
    });

    it('never takes a message with an attachment for a pressed suggested action', async () => {
      const { adapter, conversationId } = teams();
      await adapter.processActivity({ type: 'message', text: 'hola' });
      const conversation = (await store.findConversationByKey(workspace.id, 'botframework', `msteams:${conversationId}`)) as Conversation;
      await store.appendOutgoing({ conversation, outgoing: { reply: { text: '¿Qué necesitas?', language: 'es', quickReplies: [{ title: 'Seguir mi pedido', payload: 'track_order' }] }, author: 'bot' } });
      await adapter.processActivity({ type: 'message', text: 'Seguir mi pedido', attachments: [{ contentType: 'image/png', contentUrl: 'https://smba.trafficmanager.net/emea/v3/attachments/2/views/original' }] });
      expect(ingested[1]?.quickReplyPayload).toBeUndefined();
    });
  });

  describe('messages the bot need not read', () => {
    it('ignores a message that is only the @mention, and other activity types', async () => {
      const { adapter } = teams();
      await adapter.processActivity({ type: 'message', text: '<at>Shop Bot</at>', entities: [{ type: 'mention', text: '<at>Shop Bot</at>', mentioned: { id: '28:bot' } }] });
      await adapter.processActivity({ type: 'conversationUpdate', membersAdded: [{ id: '29:shopper', name: 'Sam' }] });
      await adapter.processActivity({ type: 'typing' });
      expect(ingested).toHaveLength(0);
      expect(adapter.activeQueue).toHaveLength(0);
    });
  });
});
