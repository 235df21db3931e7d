import pino from 'pino';
import { BotFrameworkWorkspaceError, createBotFrameworkRoutes, describeBotFrameworkRoutes } from '../../../../bots/channels/botframework';
import { ApiCatalogue } from '../../../../platform/http/openapi';
import { botFrameworkSettings, messageActivity, startBotFrameworkKit, type BotFrameworkKit } from './botframework-kit';
import { FakeOpenIdService, forge, BOT_CONNECTOR_ISSUER } from './fake-openid';

const APP_ID = '00000000-0000-4000-8000-00000000b07a';

/** Messages stored in the whole database. */
async function storedMessages(kit: BotFrameworkKit): Promise<number> {
  const row = await kit.handle.db.selectFrom('messages').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('POST /api/messages', () => {
  describe('with authentication off (no App ID)', () => {
    let kit: BotFrameworkKit;

    beforeAll(async () => {
      kit = await startBotFrameworkKit();
    });

    afterAll(async () => {
      await kit?.close();
    });

    it('stores the message and its conversation reference before answering 200', async () => {
      const activity = messageActivity(kit.connector.serviceUrl, { id: 'teams-1', conversation: { id: 'a:1stored', conversationType: 'personal', tenantId: 'tenant-1' }, text: '<at>Shop Bot</at> ¿Dónde está mi pedido?', entities: [{ type: 'mention', text: '<at>Shop Bot</at>', mentioned: { id: '28:bot-app-id', name: 'Shop Bot' } }] });
      const response = await kit.post(activity);
      expect(response.status).toBe(200);
      const conversation = await kit.conversationOf('msteams:a:1stored');
      expect(conversation).toBeDefined();
      const [message] = await kit.store.listMessages(conversation!.id, { limit: 10 });
      expect(message).toMatchObject({ direction: 'in', text: '¿Dónde está mi pedido?', channel: 'botframework', channel_message_id: 'msteams:a:1stored|teams-1' });
      expect(JSON.parse(message!.payload!)).toEqual({ locale: 'es-ES' });
      expect(JSON.parse(conversation!.channel_address!)).toEqual({
        channelId: 'msteams',
        serviceUrl: kit.connector.serviceUrl,
        conversation: { id: 'a:1stored', conversationType: 'personal', tenantId: 'tenant-1' },
        bot: { id: '28:bot-app-id', name: 'Shop Bot' },
        user: { id: '29:shopper', name: 'Sam Shopper', aadObjectId: 'aad-1' },
        locale: 'es-ES',
      });
    });

    it('stores a message the Bot Connector sends twice only once', async () => {
      const activity = messageActivity(kit.connector.serviceUrl, { id: 'teams-dup', conversation: { id: 'a:1dup' } });
      expect((await kit.post(activity)).status).toBe(200);
      expect((await kit.post(activity)).status).toBe(200);
      const conversation = await kit.conversationOf('msteams:a:1dup');
      expect(await kit.store.listMessages(conversation!.id, { limit: 10 })).toHaveLength(1);
    });

    it('follows a moved service URL', async () => {
      await kit.post(messageActivity('https://smba.trafficmanager.net/emea/', { conversation: { id: 'a:1moved' } }));
      await kit.post(messageActivity('https://smba.trafficmanager.net/amer/', { conversation: { id: 'a:1moved' } }));
      const conversation = await kit.conversationOf('msteams:a:1moved');
      expect(JSON.parse(conversation!.channel_address!).serviceUrl).toBe('https://smba.trafficmanager.net/amer/');
    });

    it('answers 200 to other activity types without storing anything', async () => {
      const before = kit.ingested.length;
      const update = { ...messageActivity(kit.connector.serviceUrl), type: 'conversationUpdate', membersAdded: [{ id: '29:shopper' }], text: undefined, id: undefined };
      expect((await kit.post(update)).status).toBe(200);
      expect((await kit.post({ ...update, type: 'typing' })).status).toBe(200);
      expect(kit.ingested.length).toBe(before);
    });

    it('stores a message that carries only an image, with its reference, and answers nothing in the request', async () => {
      const before = { ingested: kit.ingested.length, sent: kit.connector.received.length };
      const activity = messageActivity(kit.connector.serviceUrl, { id: 'img-1', text: undefined, attachments: [{ contentType: 'image/png', contentUrl: 'https://teams.example/img.png' }] });
      expect((await kit.post(activity)).status).toBe(200);
      expect(kit.ingested.slice(before.ingested)).toEqual([expect.objectContaining({ text: '[image]', attachment: { kind: 'image', mimeType: 'image/png', url: 'https://teams.example/img.png' } })]);
      expect(kit.connector.received.slice(before.sent)).toEqual([]);
    });

    it('answers 500 when the message cannot be stored, so the Bot Connector sends it again', async () => {
      kit.ingestFailure = new Error('database is down');
      try {
        expect((await kit.post(messageActivity(kit.connector.serviceUrl, { id: 'lost?', conversation: { id: 'a:1retry' } }))).status).toBe(500);
      } finally {
        kit.ingestFailure = undefined;
      }
      expect((await kit.post(messageActivity(kit.connector.serviceUrl, { id: 'lost?', conversation: { id: 'a:1retry' } }))).status).toBe(200);
      expect(kit.ingested.filter((message) => message.channelMessageId === 'msteams:a:1retry|lost?')).toHaveLength(1);
    });

    it.each([
      ['a body that is not JSON', '{"type": "message",', 'malformed_json', /not valid JSON/],
      ['a JSON array', '[]', 'invalid_request', /Bot Framework activity/],
      ['a message without an id', JSON.stringify({ type: 'message', channelId: 'msteams', serviceUrl: 'https://smba.trafficmanager.net/emea/', conversation: { id: 'c' }, from: { id: 'u' }, recipient: { id: 'b' } }), 'invalid_request', /activity id/],
      ['a non-http service URL', JSON.stringify({ type: 'message', id: 'x', channelId: 'msteams', serviceUrl: 'file:///etc/passwd', conversation: { id: 'c' }, from: { id: 'u' }, recipient: { id: 'b' } }), 'invalid_request', /serviceUrl/],
      ['an activity without a conversation', JSON.stringify({ type: 'conversationUpdate', channelId: 'msteams', serviceUrl: 'https://smba.trafficmanager.net/emea/' }), 'invalid_request', /conversation/],
    ])('refuses %s with 400 and says why', async (_what, body, code, message) => {
      const response = await kit.post(body);
      expect(response.status).toBe(400);
      const { error } = (await response.json()) as { error: { code: string; message: string } };
      expect(error.code).toBe(code);
      expect(error.message).toMatch(message);
    });
  });

  describe('with an App ID (authentication on)', () => {
    let kit: BotFrameworkKit;
    let openId: FakeOpenIdService;
    let consoleError: jest.SpyInstance;

    beforeAll(async () => {
      // botbuilder writes every refused token to console.error; the route logs refusals itself (pino).
      consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
      openId = await new FakeOpenIdService(['msteams', 'webchat']).start();
      kit = await startBotFrameworkKit({
        settings: { appId: APP_ID, appPassword: 'not-used-for-inbound' },
        endpoints: { channelOpenIdMetadataUrl: openId.metadataUrl, emulatorOpenIdMetadataUrl: openId.metadataUrl },
      });
    });

    afterAll(async () => {
      await kit?.close();
      await openId?.stop();
      consoleError.mockRestore();
    });

    /** Posts a message of a fresh conversation with `authorization`; returns the status and whether anything was stored. */
    async function attempt(authorization: string | undefined, conversationId: string, overrides: Record<string, unknown> = {}) {
      const before = { ingested: kit.ingested.length, stored: await storedMessages(kit) };
      const activity = messageActivity(kit.connector.serviceUrl, { conversation: { id: conversationId }, ...overrides });
      const response = await kit.post(activity, authorization === undefined ? {} : { authorization });
      return {
        status: response.status,
        body: (await response.json().catch(() => undefined)) as { error?: { code: string } } | undefined,
        stored: kit.ingested.length > before.ingested || (await storedMessages(kit)) > before.stored || (await kit.conversationOf(`msteams:${conversationId}`)) !== undefined,
      };
    }

    it('refuses a request without a token with 401, stores nothing, and fetches no signing keys', async () => {
      const result = await attempt(undefined, 'a:1no-token');
      expect(result).toMatchObject({ status: 401, body: { error: { code: 'unauthorized' } }, stored: false });
      expect(openId.requests).toEqual([]);
    });

    it('refuses a forged bearer token with 401 and stores nothing', async () => {
      const claims = { iss: BOT_CONNECTOR_ISSUER, aud: APP_ID, serviceurl: kit.connector.serviceUrl, exp: Math.floor(Date.now() / 1000) + 3600 };
      // Signed with a key the service never published, under the published key's id and under an unknown one.
      expect(await attempt(`Bearer ${forge(claims)}`, 'a:1forged')).toMatchObject({ status: 401, stored: false });
      expect(await attempt(`Bearer ${forge(claims, 'unknown-key')}`, 'a:1forged-kid')).toMatchObject({ status: 401, stored: false });
      expect(await attempt('Bearer not-even-a-jwt', 'a:1garbage')).toMatchObject({ status: 401, stored: false });
      expect(await attempt(`Basic ${Buffer.from('a:b').toString('base64')}`, 'a:1basic')).toMatchObject({ status: 401, stored: false });
      // The signature was checked against the published keys (on loopback: nothing reached the internet).
      expect(openId.requests).toContain('/v1/.well-known/keys');
    });

    it('refuses genuine tokens meant for another bot, expired, or issued for another service URL', async () => {
      expect(await attempt(`Bearer ${openId.sign('another-app', kit.connector.serviceUrl)}`, 'a:1other-bot')).toMatchObject({ status: 401, stored: false });
      expect(await attempt(`Bearer ${openId.sign(APP_ID, kit.connector.serviceUrl, { exp: Math.floor(Date.now() / 1000) - 3600 })}`, 'a:1expired')).toMatchObject({ status: 401, stored: false });
      // A replayed token cannot make the bot post its replies somewhere else.
      expect(await attempt(`Bearer ${openId.sign(APP_ID, 'https://attacker.example/')}`, 'a:1redirected')).toMatchObject({ status: 401, stored: false });
      // The key is endorsed for Teams and Web Chat only.
      expect(await attempt(`Bearer ${openId.sign(APP_ID, kit.connector.serviceUrl)}`, 'a:1wrong-channel', { channelId: 'slack' })).toMatchObject({ status: 401, stored: false });
    });

    it('accepts a message with a valid Bot Connector token', async () => {
      const result = await attempt(`Bearer ${openId.sign(APP_ID, kit.connector.serviceUrl)}`, 'a:1genuine');
      expect(result).toMatchObject({ status: 200, stored: true });
    });

    it('answers 503 when the signing keys cannot be fetched, so the Bot Connector retries later', async () => {
      const unreachable = await startBotFrameworkKit({
        settings: { appId: APP_ID, appPassword: 'x' },
        endpoints: { channelOpenIdMetadataUrl: 'http://127.0.0.1:9/v1/.well-known/openidconfiguration' },
      });
      try {
        const response = await unreachable.post(messageActivity(unreachable.connector.serviceUrl), { authorization: `Bearer ${openId.sign(APP_ID, unreachable.connector.serviceUrl)}` });
        expect(response.status).toBe(503);
        expect(unreachable.ingested).toHaveLength(0);
      } finally {
        await unreachable.close();
      }
    });
  });

  describe('start()', () => {
    it('fails with a clear error when the configured workspace does not exist', async () => {
      const routes = createBotFrameworkRoutes({
        settings: botFrameworkSettings('no-such-shop'),
        defaultWorkspaceSlug: 'demo',
        workspaces: { findBySlug: async () => undefined },
        conversations: { resolveConversation: async () => Promise.reject(new Error('unused')), listMessages: async () => [] },
        db: {} as never,
        ingest: { ingest: async () => Promise.reject(new Error('unused')) },
        maxMessageLength: 4000,
        logger: pino({ level: 'silent' }),
      });
      await expect(routes.start()).rejects.toThrow(BotFrameworkWorkspaceError);
      await expect(routes.start()).rejects.toThrow(/BOTFRAMEWORK_WORKSPACE/);
    });
  });

  it('is described in the OpenAPI document', () => {
    const api = new ApiCatalogue();
    describeBotFrameworkRoutes(api);
    const document = api.document({ title: 't', version: '1' }) as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(document.paths['/api/messages'] ?? {})).toEqual(['post']);
  });
});
