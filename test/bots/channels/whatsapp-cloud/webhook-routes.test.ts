import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import express from 'express';
import pino from 'pino';
import type { AddressInfo } from 'node:net';
import { createWhatsAppCloudRoutes, signWebhookBody, WhatsAppWorkspaceError } from '../../../../bots/channels/whatsapp-cloud';
import { WorkspaceStore } from '../../../../platform/workspaces';
import { postWebhook, statusUpdate, textMessage, webhookBody } from '../../../support/fake-graph-api';
import { APP_SECRET, PHONE_NUMBER_ID, startChannelFixture, VERIFY_TOKEN, type ChannelFixture } from './channel-fixture';
import { failedStatusExample, imageExample, locationExample, statusExample, voiceExample } from './meta-examples';

describe('WhatsApp Cloud API webhook', () => {
  let channel: ChannelFixture;
  let counter = 0;
  const wamid = () => `wamid.TEST${process.pid}${Date.now()}${counter++}`;
  const shopper = () => ({ waId: `4917${String(Date.now()).slice(-7)}${counter++}`, name: 'Ana Ruiz' });
  const post = (body: unknown, options?: { signature?: string | null }) => postWebhook(channel.webhookUrl, APP_SECRET, body, options);
  const storedWith = (channelMessageId: string) =>
    channel.handle.db.selectFrom('messages').selectAll().where('channel_message_id', '=', channelMessageId).execute();

  beforeAll(async () => {
    channel = await startChannelFixture({ channels: { maxMediaBytes: 4096 } });
  });

  afterAll(async () => {
    await channel?.close();
  });

  describe('GET (verification handshake)', () => {
    const verify = (query: Record<string, string>) => fetch(`${channel.webhookUrl}?${new URLSearchParams(query).toString()}`);

    it('echoes hub.challenge as text when the verify token matches', async () => {
      const response = await verify({ 'hub.mode': 'subscribe', 'hub.verify_token': VERIFY_TOKEN, 'hub.challenge': '1158201444' });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(await response.text()).toBe('1158201444');
    });

    it('answers 403 to a wrong token or mode', async () => {
      expect((await verify({ 'hub.mode': 'subscribe', 'hub.verify_token': 'guess', 'hub.challenge': '1' })).status).toBe(403);
      expect((await verify({ 'hub.mode': 'unsubscribe', 'hub.verify_token': VERIFY_TOKEN, 'hub.challenge': '1' })).status).toBe(403);
    });

    it('answers 400 naming the missing parameter', async () => {
      const response = await verify({ 'hub.mode': 'subscribe', 'hub.verify_token': VERIFY_TOKEN });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: { code: 'invalid_request', message: expect.stringContaining('hub.challenge') } });
    });
  });

  describe('POST with a forged or missing signature', () => {
    it.each([
      ['forged', 'sha256=' + 'ab'.repeat(32)],
      ['missing', null],
      ['made with another secret', undefined],
    ])('answers 401 and stores nothing when the signature is %s', async (name, signature) => {
      const id = wamid();
      const body = webhookBody(PHONE_NUMBER_ID, { shopper: shopper(), messages: [textMessage('491700000001', id, 'hello')] });
      const answer =
        name === 'made with another secret' ? await postWebhook(channel.webhookUrl, 'not-the-secret', body) : await post(body, { signature: signature as string | null });
      expect(answer.status).toBe(401);
      expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'invalid_signature' } });
      expect(await storedWith(id)).toEqual([]);
    });
  });

  describe('POST with a valid signature', () => {
    it('stores a text message before answering 200', async () => {
      const id = wamid();
      const who = shopper();
      const answer = await post(webhookBody(PHONE_NUMBER_ID, { shopper: who, messages: [textMessage(who.waId, id, 'Where is my order?')] }));
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.body)).toMatchObject({ received: true, accepted: 1, duplicates: 0 });
      const [stored] = await storedWith(id);
      expect(stored).toMatchObject({ channel: 'whatsapp', direction: 'in', text: 'Where is my order?', author_name: 'Ana Ruiz', workspace_id: channel.workspace.id });
      const conversation = await channel.store.getConversation(stored!.conversation_id);
      expect(conversation).toMatchObject({ conversation_key: who.waId, channel: 'whatsapp' });
      expect(conversation?.last_inbound_at).not.toBeNull();
    });

    it('answers a redelivered webhook 200 and stores its message once', async () => {
      const id = wamid();
      const who = shopper();
      const body = webhookBody(PHONE_NUMBER_ID, { shopper: who, messages: [textMessage(who.waId, id, 'twice')] });
      expect((await post(body)).status).toBe(200);
      const again = await post(body);
      expect(again.status).toBe(200);
      expect(JSON.parse(again.body)).toMatchObject({ accepted: 0, duplicates: 1 });
      expect(await storedWith(id)).toHaveLength(1);
    });

    it("leaves another phone number's messages alone", async () => {
      const id = wamid();
      const answer = await post(webhookBody('999999999', { shopper: shopper(), messages: [textMessage('491700000002', id, 'not ours')] }));
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.body)).toMatchObject({ accepted: 0, ignored: 1 });
      expect(await storedWith(id)).toEqual([]);
    });

    it('answers 400 to a body that is not JSON, or not shaped like a webhook, and stores nothing', async () => {
      const raw = 'not json';
      const response = await fetch(channel.webhookUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': signWebhookBody(APP_SECRET, raw) }, body: raw });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: { code: 'malformed_json' } });
      const shapeless = await post({ object: 'whatsapp_business_account', entry: [{ changes: [{ field: 'messages', value: { messaging_product: 'whatsapp' } }] }] });
      expect(shapeless.status).toBe(400);
      expect(JSON.parse(shapeless.body)).toMatchObject({ error: { code: 'invalid_payload', message: expect.stringContaining('metadata') } });
    });

    it('records delivery receipts of messages the platform sent, never moving backwards', async () => {
      const who = shopper();
      const conversation = await channel.store.resolveConversation({ workspaceId: channel.workspace.id, channel: 'whatsapp', conversationKey: who.waId, sender: { externalId: who.waId } });
      const message = await channel.store.appendOutgoing({ conversation, outgoing: { reply: { text: 'Shipped!', language: 'en' }, author: 'bot' } });
      const sentId = wamid();
      await channel.deliveryLog.recordSent({ messageId: message.id, part: 0, workspaceId: channel.workspace.id, channel: 'whatsapp', providerMessageId: sentId });
      for (const status of ['delivered', 'read'] as const) expect((await post(statusExample(sentId, status))).status).toBe(200);
      expect((await post(webhookBody(PHONE_NUMBER_ID, { statuses: [statusUpdate(sentId, 'delivered', who.waId)] }))).status).toBe(200);
      expect(await channel.deliveryLog.parts(message.id)).toEqual([{ messageId: message.id, part: 0, providerMessageId: sentId, status: 'read' }]);
    });

    it("records a failed delivery with Meta's reason", async () => {
      const who = shopper();
      const conversation = await channel.store.resolveConversation({ workspaceId: channel.workspace.id, channel: 'whatsapp', conversationKey: who.waId, sender: { externalId: who.waId } });
      const message = await channel.store.appendOutgoing({ conversation, outgoing: { reply: { text: 'Late reply', language: 'en' }, author: 'agent' } });
      const sentId = wamid();
      await channel.deliveryLog.recordSent({ messageId: message.id, part: 0, workspaceId: channel.workspace.id, channel: 'whatsapp', providerMessageId: sentId });
      expect((await post(failedStatusExample(sentId))).status).toBe(200);
      const row = await channel.handle.db.selectFrom('channel_deliveries').selectAll().where('message_id', '=', message.id).executeTakeFirstOrThrow();
      expect(row.status).toBe('failed');
      expect(row.error).toContain('131047');
    });

    it('answers 200 to receipts of messages it never sent', async () => {
      expect((await post(statusExample('wamid.SENT_FROM_THE_PHONE', 'read'))).status).toBe(200);
    });
  });

  describe('media messages', () => {
    const jpeg = Buffer.from('\xff\xd8\xff\xe0 tiny jpeg body '.repeat(20), 'latin1');

    it('keeps the file under the media folder, named after the message, and stores the description', async () => {
      channel.graph.addMedia('1003383421387256', { bytes: jpeg, mimeType: 'image/jpeg' });
      const body = structuredClone(imageExample) as { entry: Array<{ changes: Array<{ value: { messages: Array<Record<string, unknown>> } }> }> };
      const id = wamid();
      const message = body.entry[0]!.changes[0]!.value.messages[0]!;
      message.id = id;
      // The documented example's checksum belongs to Meta's sample file; this test's file has its own.
      (message.image as Record<string, unknown>).sha256 = createHash('sha256').update(jpeg).digest('base64');
      expect((await post(body)).status).toBe(200);
      const [stored] = await storedWith(id);
      expect(stored?.text).toBe('[image] Is this the right one?');
      const file = join(channel.mediaDir, 'whatsapp', `${id.replace(/[^A-Za-z0-9._]/g, (c) => `-${c.charCodeAt(0).toString(16)}`)}.jpg`);
      expect(readFileSync(file)).toEqual(jpeg);
      const handed = channel.ingested.filter((m) => m.channelMessageId === id).at(-1) as { attachment?: unknown };
      expect(handed.attachment).toMatchObject({ kind: 'image', file: expect.stringMatching(/^whatsapp\/.+\.jpg$/) });

      // A redelivery finds the file and does not download it again.
      const downloads = channel.graph.requests.filter((r) => r.path.startsWith('/media-files/')).length;
      expect((await post(body)).status).toBe(200);
      expect(channel.graph.requests.filter((r) => r.path.startsWith('/media-files/')).length).toBe(downloads);
      expect(await storedWith(id)).toHaveLength(1);
    });

    it('stores a file larger than the limit as a note, without the file', async () => {
      channel.graph.addMedia('1157440692619016', { bytes: Buffer.alloc(5000, 1), mimeType: 'audio/ogg; codecs=opus', sha256: 'ZKjcoG7jxEGTaUWO7oqtwWFvQXnN7YVdrGh3AMYkDZw=' });
      const body = structuredClone(voiceExample) as { entry: Array<{ changes: Array<{ value: { messages: Array<Record<string, unknown>> } }> }> };
      const id = wamid();
      body.entry[0]!.changes[0]!.value.messages[0]!.id = id;
      expect((await post(body)).status).toBe(200);
      const [stored] = await storedWith(id);
      expect(stored?.text).toBe('[voice note (not kept: too large)]');
      expect(existsSync(join(channel.mediaDir, 'whatsapp', `${id.replace(/[^A-Za-z0-9._]/g, (c) => `-${c.charCodeAt(0).toString(16)}`)}.ogg`))).toBe(false);
      expect(channel.graph.requests.filter((r) => r.path === '/media-files/1157440692619016')).toEqual([]);
    });

    it('answers 503 while the Graph API is down, storing nothing, and accepts the redelivery', async () => {
      channel.graph.addMedia('m-outage', { bytes: jpeg, mimeType: 'image/jpeg' });
      const id = wamid();
      const who = shopper();
      const body = webhookBody(PHONE_NUMBER_ID, { shopper: who, messages: [{ from: who.waId, id, timestamp: '1', type: 'image', image: { id: 'm-outage', mime_type: 'image/jpeg' } }] });
      channel.graph.failNextMedia(1, { status: 500, code: 131016 });
      const first = await post(body);
      expect(first.status).toBe(503);
      expect(await storedWith(id)).toEqual([]);
      expect((await post(body)).status).toBe(200);
      expect((await storedWith(id))[0]?.text).toBe('[image]');
    });

    it('stores a location as text, nothing to download', async () => {
      const body = structuredClone(locationExample) as { entry: Array<{ changes: Array<{ value: { messages: Array<Record<string, unknown>> } }> }> };
      const id = wamid();
      body.entry[0]!.changes[0]!.value.messages[0]!.id = id;
      expect((await post(body)).status).toBe(200);
      expect((await storedWith(id))[0]?.text).toBe('[location] 37.483307,-122.148981 Meta Headquarters, 1 Hacker Way, Menlo Park, CA 94025');
    });
  });

  describe('configuration mistakes', () => {
    it('refuses to start with a workspace that does not exist, naming the setting', async () => {
      const routes = createWhatsAppCloudRoutes({ config: { ...channel.config, whatsappCloud: { ...channel.config.whatsappCloud, workspace: 'no-such-shop' } }, db: channel.handle.db, workspaces: new WorkspaceStore(channel.handle.db), ingest: { ingest: () => Promise.reject(new Error('unused')) }, logger: pino({ level: 'silent' }) });
      await expect(routes.start()).rejects.toThrow(WhatsAppWorkspaceError);
      await expect(routes.start()).rejects.toThrow(/WHATSAPP_CLOUD_WORKSPACE/);
    });

    it('fails loudly when mounted after the JSON parser', async () => {
      const app = express();
      app.use(express.json());
      app.use(channel.routes.router);
      let reported: unknown;
      app.use((error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
        reported = error;
        res.status(500).end();
      });
      const server = app.listen(0, '127.0.0.1');
      await new Promise((resolve) => server.once('listening', resolve));
      try {
        const answer = await postWebhook(`http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/whatsapp`, APP_SECRET, { object: 'x', entry: [] });
        expect(answer.status).toBe(500);
        expect((reported as Error).name).toBe('WhatsAppMountOrderError');
      } finally {
        server.close();
      }
    });
  });
});
