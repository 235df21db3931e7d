/**
 * Microsoft Bot Framework end to end: the real platform (SQLite, Redis, queues, the built-in intent model), the
 * channel's real `/api/messages` route and delivery adapter (botbuilder's CloudAdapter), and a fake Bot Connector
 * service on loopback that speaks its REST wire format. A Teams shopper's activity is stored before the request is
 * answered; the bot's reply arrives at the fake connector as a new activity of the conversation, posted proactively
 * from the stored conversation reference; an agent's reply, hours later as far as the channel knows, takes the same
 * way; a suggested action pressed by the shopper comes back as its payload; a redelivered activity is answered once;
 * an image sent without words is stored with its reference and acknowledged once, in the shopper's language.
 */
import { MESSAGES_PATH } from '../../bots/channels/botframework';
import { messagePayload } from '../../bots/runtime/conversation-store';
import { templatesFor } from '../../bots/runtime/templates';
import { payloads } from '../../bots/runtime/skills/skill';
import type { Workspace } from '../../platform/workspaces';
import { FakeBotConnector, type ReceivedActivity } from '../bots/channels/botframework/fake-bot-connector';
import { startInProcessPlatform, type InProcessPlatform } from '../support/platform';
import { waitFor } from '../support/wait-for';

describe('Microsoft Bot Framework (CloudAdapter, fake Bot Connector)', () => {
  let connector: FakeBotConnector;
  let platform: InProcessPlatform;
  let messagesUrl: string;
  let workspace: Workspace;
  let serial = 0;

  /** A Teams personal chat of its own: `say` posts the shopper's activity, `replies` reads what the bot posted. */
  function teamsChat() {
    const conversationId = `a:1e2e-${process.pid}-${++serial}`;
    const post = (activity: Record<string, unknown>) =>
      fetch(messagesUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'message',
          id: `${Date.now()}${++serial}`,
          timestamp: new Date().toISOString(),
          channelId: 'msteams',
          serviceUrl: connector.serviceUrl,
          conversation: { id: conversationId, conversationType: 'personal', tenantId: 'tenant-e2e' },
          from: { id: `29:shopper-${serial}`, name: 'Lucía Gómez', aadObjectId: 'aad-e2e' },
          recipient: { id: '28:polyglot-desk', name: 'Polyglot Desk' },
          locale: 'es-ES',
          ...activity,
        }),
      });
    return {
      conversationId,
      post,
      say: (text: string, id?: string) => post({ text, ...(id ? { id } : {}) }),
      replies: (): ReceivedActivity[] => connector.ofType('message').filter((entry) => entry.conversationId === conversationId),
      conversation: () => platform.context.store.findConversationByKey(workspace.id, 'botframework', `msteams:${conversationId}`),
    };
  }

  beforeAll(async () => {
    connector = await new FakeBotConnector().start();
    platform = await startInProcessPlatform({ overrides: { botFramework: { enabled: true } } });
    messagesUrl = `${platform.url}${MESSAGES_PATH}`;
    await waitFor(async () => (await platform.context.models.live(null, 'intent-classifier')) !== undefined, 20_000);
    workspace = (await platform.context.workspaces.findBySlug(platform.config.workspace.defaultSlug))!;
  }, 60_000);

  afterAll(async () => {
    await platform?.close();
    await connector?.stop();
  });

  it("answers a Teams shopper's message with a new activity posted to the Bot Connector", async () => {
    const chat = teamsChat();
    const id = `order-question-${serial}`;
    const answer = await chat.say('¿Dónde está mi pedido A1B2C3?', id);
    expect(answer.status).toBe(200);
    // Stored before the request was answered.
    const [stored] = await platform.context.database.db.selectFrom('messages').selectAll().where('channel_message_id', '=', `msteams:${chat.conversationId}|${id}`).execute();
    expect(stored).toMatchObject({ channel: 'botframework', direction: 'in', workspace_id: workspace.id, text: '¿Dónde está mi pedido A1B2C3?' });

    const [reply] = await waitFor(() => chat.replies().length > 0 && chat.replies(), 15_000);
    expect(reply?.replyToId).toBeUndefined();
    expect(reply?.activity).toMatchObject({ type: 'message', textFormat: 'markdown', from: { id: '28:polyglot-desk' }, recipient: { id: expect.stringMatching(/^29:shopper-/) } });
    const text = chat.replies().map((entry) => String(entry.activity.text ?? '')).join('\n');
    expect(text).toMatch(/pedido/);

    // Each part's Bot Connector id is recorded against the stored reply.
    const replies = await platform.context.database.db.selectFrom('messages').select('id').where('reply_to', '=', stored!.id).execute();
    await waitFor(async () => (await Promise.all(replies.map((row) => platform.context.store.getMessage(row.id)))).every((message) => message?.status === 'delivered'), 10_000);
    const parts = await platform.context.database.db.selectFrom('channel_deliveries').select('provider_message_id').where('message_id', 'in', replies.map((row) => row.id)).execute();
    expect(parts.map((part) => part.provider_message_id).sort()).toEqual(chat.replies().map((entry) => entry.id).sort());
  }, 30_000);

  it("sends an agent's reply proactively from the stored conversation reference", async () => {
    const chat = teamsChat();
    expect((await chat.say('Hola')).status).toBe(200);
    await waitFor(() => chat.replies().length > 0, 15_000);
    const conversation = (await chat.conversation())!;
    const before = chat.replies().length;
    const response = await fetch(`${platform.url}/api/conversations/${conversation.id}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${platform.adminToken}` },
      body: JSON.stringify({ text: 'Soy Ana, del equipo. Ya he revisado tu pedido.' }),
    });
    expect(response.status).toBe(201);
    const [agentReply] = await waitFor(() => chat.replies().length > before && chat.replies().slice(before), 15_000);
    expect(agentReply?.activity.text).toMatch(/\*\*.+\*\*\nSoy Ana, del equipo\. Ya he revisado tu pedido\./);
    expect(agentReply?.activity).toMatchObject({ conversation: { id: chat.conversationId, tenantId: 'tenant-e2e' }, recipient: { name: 'Lucía Gómez' } });
  }, 30_000);

  it('maps a pressed suggested action back to its payload', async () => {
    const chat = teamsChat();
    // Out of the bot's scope: it says so and offers a person ("Hablar con alguien" / "No, gracias").
    await chat.say('¿Me cuentas un chiste sobre jirafas?');
    const offer = await waitFor(() => chat.replies().find((entry) => entry.activity.suggestedActions), 15_000);
    const actions = (offer.activity.suggestedActions as { actions: { type: string; title: string; value: string }[] }).actions;
    expect(actions.map((action) => action.type)).toEqual(['imBack', 'imBack']);
    // Pressing a suggested action sends its title as the shopper's text, as Teams does.
    const pressedId = `pressed-${serial}`;
    expect((await chat.say(actions[1]!.value, pressedId)).status).toBe(200);
    const [pressed] = await platform.context.database.db.selectFrom('messages').selectAll().where('channel_message_id', '=', `msteams:${chat.conversationId}|${pressedId}`).execute();
    expect(pressed?.text).toBe(actions[1]!.title);
    expect(JSON.parse(pressed!.payload!).quickReplyPayload).toBe(payloads.declineAgent);
  }, 30_000);

  it('answers an activity the Bot Connector delivers twice once', async () => {
    const chat = teamsChat();
    const id = `dup-${serial}`;
    const answers = await Promise.all([chat.say('Buenos días', id), chat.say('Buenos días', id)]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
    await waitFor(() => chat.replies().length > 0, 15_000);
    // Time for a second reply to show up, if there were one.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const stored = await platform.context.database.db.selectFrom('messages').selectAll().where('channel_message_id', '=', `msteams:${chat.conversationId}|${id}`).execute();
    expect(stored).toHaveLength(1);
    const replies = await platform.context.database.db.selectFrom('messages').select('id').where('reply_to', '=', stored[0]!.id).execute();
    const parts = await platform.context.database.db.selectFrom('channel_deliveries').select('provider_message_id').where('message_id', 'in', replies.map((row) => row.id)).execute();
    expect(chat.replies().map((entry) => entry.id).sort()).toEqual(parts.map((part) => part.provider_message_id).sort());
  }, 30_000);

  it('stores an image sent without words and acknowledges it once, in the shopper language', async () => {
    const chat = teamsChat();
    const id = `image-${serial}`;
    const contentUrl = `${connector.serviceUrl}v3/attachments/0-weu-d1-${serial}/views/original`;
    const answer = await chat.post({ id, text: undefined, attachments: [{ contentType: 'image/png', contentUrl, name: 'zapatilla-rota.png' }] });
    expect(answer.status).toBe(200);
    // Stored before the request was answered, with the reference to the file (not downloaded).
    const [stored] = await platform.context.database.db.selectFrom('messages').selectAll().where('channel_message_id', '=', `msteams:${chat.conversationId}|${id}`).execute();
    expect(stored).toMatchObject({ direction: 'in', text: '[image: zapatilla-rota.png]' });
    expect(messagePayload(stored!).attachment).toEqual({ kind: 'image', mimeType: 'image/png', filename: 'zapatilla-rota.png', url: contentUrl });

    await waitFor(() => chat.replies().length > 0, 15_000);
    // Time for a second reply to show up, if there were one.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(chat.replies().map((entry) => entry.activity.text)).toEqual([templatesFor('es').channel.attachmentReceived]);
  }, 30_000);
});
