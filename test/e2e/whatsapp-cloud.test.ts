/**
 * WhatsApp through the Cloud API end to end: the real platform (SQLite, Redis, queues, the built-in intent model),
 * the channel's real webhook routes and delivery adapter, and a fake Graph API on loopback that speaks Meta's wire
 * format. Signed webhooks reach the real HTTP server; the bot's reply reaches the fake Graph API; a forged signature
 * is refused with 401 and stores nothing; a duplicated delivery is answered once; receipts come back; a voice note is
 * kept and answered politely; a reply outside the 24-hour window goes out as the configured template.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WHATSAPP_WEBHOOK_PATH } from '../../bots/channels/whatsapp-cloud';
import type { Workspace } from '../../platform/workspaces';
import { templatesFor } from '../../bots/runtime/templates';
import { jobIds } from '../../workers/queues';
import { FakeGraphApi, postWebhook, statusUpdate, textMessage, webhookBody } from '../support/fake-graph-api';
import { startInProcessPlatform, type InProcessPlatform } from '../support/platform';
import { waitFor } from '../support/wait-for';

const TOKEN = 'EAAG-e2e-token';
const PHONE_NUMBER_ID = '109876543210987';
const APP_SECRET = 'e2e-app-secret';

describe('WhatsApp Cloud API (signed webhooks, fake Graph API)', () => {
  let graph: FakeGraphApi;
  let platform: InProcessPlatform;
  let webhookUrl: string;
  let workspace: Workspace;
  let mediaDir: string;
  let serial = 0;
  const waId = () => `3460${String(process.pid).slice(-3)}${String(++serial).padStart(4, '0')}`;
  const wamid = () => `wamid.E2E${process.pid}${Date.now()}${++serial}`;
  const say = (who: string, id: string, text: string, signature?: string | null) =>
    postWebhook(webhookUrl, APP_SECRET, webhookBody(PHONE_NUMBER_ID, { shopper: { waId: who, name: 'Lucía Gómez' }, messages: [textMessage(who, id, text)] }), signature === undefined ? {} : { signature });
  const sentTo = (who: string) => graph.sent.filter((send) => send.to === who);
  const inbound = (id: string) => platform.context.database.db.selectFrom('messages').selectAll().where('channel_message_id', '=', id).execute();

  beforeAll(async () => {
    graph = await new FakeGraphApi({ accessToken: TOKEN, phoneNumberId: PHONE_NUMBER_ID }).start();
    mediaDir = mkdtempSync(join(tmpdir(), 'wa-e2e-media-'));
    platform = await startInProcessPlatform({
      overrides: {
        // The demo help centre and store are not needed here; leaving them out keeps the start-up and first turn short.
        knowledge: { seedDemo: false },
        commerce: { seedDemo: false },
        channels: { mediaDir },
        whatsappCloud: {
          enabled: true,
          phoneNumberId: PHONE_NUMBER_ID,
          accessToken: TOKEN,
          appSecret: APP_SECRET,
          verifyToken: 'e2e-verify',
          graphApiUrl: graph.url,
          graphApiVersion: graph.version,
          templateName: 'reply_waiting',
          templateLanguage: 'es',
          templateParams: ['{shopper}', '{text}'],
        },
      },
    });
    webhookUrl = `${platform.url}${WHATSAPP_WEBHOOK_PATH}`;
    await waitFor(async () => (await platform.context.models.live(null, 'intent-classifier')) !== undefined, 20_000);
    workspace = (await platform.context.workspaces.findBySlug(platform.config.workspace.defaultSlug))!;
    // Loads the workspace's intent model now (seconds, once), so the tests below time the channel, not the model.
    await platform.context.understanding.understand(workspace.id, 'hola', 'es');
  }, 90_000);

  afterAll(async () => {
    await platform?.close();
    await graph?.stop();
    rmSync(mediaDir, { recursive: true, force: true });
  });

  it("answers a shopper's message on WhatsApp, and records the receipts", async () => {
    const who = waId();
    const id = wamid();
    const answer = await say(who, id, '¿Dónde está mi pedido?');
    expect(answer.status).toBe(200);
    const [stored] = await inbound(id);
    expect(stored).toMatchObject({ channel: 'whatsapp', workspace_id: workspace.id, author_name: 'Lucía Gómez' });

    const replies = await waitFor(() => sentTo(who).length > 0 && sentTo(who), 20_000);
    expect(replies[0]?.body).toMatchObject({ messaging_product: 'whatsapp', to: who });
    expect(JSON.stringify(replies.map((reply) => reply.body)).toLowerCase()).toContain('pedido');

    // Meta reports delivery, then reading; the part's status follows.
    const provider = replies[0]!.id;
    expect((await postWebhook(webhookUrl, APP_SECRET, webhookBody(PHONE_NUMBER_ID, { statuses: [statusUpdate(provider, 'delivered', who)] }))).status).toBe(200);
    expect((await postWebhook(webhookUrl, APP_SECRET, webhookBody(PHONE_NUMBER_ID, { statuses: [statusUpdate(provider, 'read', who)] }))).status).toBe(200);
    const receipt = await platform.context.database.db.selectFrom('channel_deliveries').selectAll().where('provider_message_id', '=', provider).executeTakeFirstOrThrow();
    expect(receipt.status).toBe('read');
    const reply = await platform.context.store.getMessage(receipt.message_id);
    expect(reply).toMatchObject({ direction: 'out', status: 'delivered', reply_to: stored!.id });
  });

  it('refuses a forged webhook with 401 and stores nothing', async () => {
    const who = waId();
    const id = wamid();
    const answer = await say(who, id, 'hola', `sha256=${'0'.repeat(64)}`);
    expect(answer.status).toBe(401);
    const unsigned = await say(who, id, 'hola', null);
    expect(unsigned.status).toBe(401);
    expect(await inbound(id)).toEqual([]);
    expect(await platform.context.store.findConversationByKey(workspace.id, 'whatsapp', who)).toBeUndefined();
  });

  it('answers a duplicated delivery once: one stored message, one reply', async () => {
    const who = waId();
    const id = wamid();
    // Meta retries a webhook it thinks failed; here both copies arrive at once.
    const answers = await Promise.all([say(who, id, 'Hola, buenos días'), say(who, id, 'Hola, buenos días')]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
    await waitFor(() => sentTo(who).length > 0, 20_000);
    const again = await say(who, id, 'Hola, buenos días');
    expect(again.status).toBe(200);
    // Time for a second reply to show up, if there were one.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const [stored, ...copies] = await inbound(id);
    expect(copies).toEqual([]);
    const replies = await platform.context.database.db.selectFrom('messages').select('id').where('reply_to', '=', stored!.id).execute();
    expect(replies.length).toBeGreaterThanOrEqual(1);
    const parts = await platform.context.database.db.selectFrom('channel_deliveries').select('provider_message_id').where('message_id', 'in', replies.map((reply) => reply.id)).execute();
    expect(sentTo(who).map((send) => send.id).sort()).toEqual(parts.map((part) => part.provider_message_id).sort());
  });

  it('keeps a voice note and a location, and answers each politely in the shopper’s language', async () => {
    const who = waId();
    expect((await say(who, wamid(), '¿Dónde está mi pedido?')).status).toBe(200);
    await waitFor(() => sentTo(who).length > 0, 20_000);
    const voice = Buffer.from('OggS fake opus voice note');
    graph.addMedia('voice-1', { bytes: voice, mimeType: 'audio/ogg; codecs=opus' });
    const voiceId = wamid();
    const before = sentTo(who).length;
    const shopper = { waId: who, name: 'Lucía Gómez' };
    const voiceNote = { from: who, id: voiceId, timestamp: '1', type: 'audio', audio: { id: 'voice-1', mime_type: 'audio/ogg; codecs=opus', voice: true } };
    expect((await postWebhook(webhookUrl, APP_SECRET, webhookBody(PHONE_NUMBER_ID, { shopper, messages: [voiceNote] }))).status).toBe(200);
    const voiceReply = await waitFor(() => sentTo(who).length > before && sentTo(who).slice(before), 20_000);
    expect(JSON.stringify(voiceReply[0]?.body)).toContain(JSON.stringify(templatesFor('es').channel.voiceNoteReceived).slice(1, -1));
    const [stored] = await inbound(voiceId);
    expect(stored?.text).toBe('[voice note]');
    expect(JSON.parse(stored?.payload ?? '{}')).toMatchObject({ attachment: { kind: 'voice', file: expect.stringMatching(/^whatsapp\/.+\.ogg$/) } });
    expect(readFileSync(join(mediaDir, JSON.parse(stored!.payload!).attachment.file))).toEqual(voice);

    const afterVoice = sentTo(who).length;
    const place = { from: who, id: wamid(), timestamp: '1', type: 'location', location: { latitude: 40.4168, longitude: -3.7038, name: 'Puerta del Sol', address: 'Madrid' } };
    expect((await postWebhook(webhookUrl, APP_SECRET, webhookBody(PHONE_NUMBER_ID, { shopper, messages: [place] }))).status).toBe(200);
    const locationReply = await waitFor(() => sentTo(who).length > afterVoice && sentTo(who).slice(afterVoice), 20_000);
    expect(JSON.stringify(locationReply[0]?.body)).toContain(JSON.stringify(templatesFor('es').channel.locationReceived).slice(1, -1));
  });

  it("sends a reply outside WhatsApp's 24-hour window as the configured template", async () => {
    const who = waId();
    expect((await say(who, wamid(), 'Hola')).status).toBe(200);
    await waitFor(() => sentTo(who).length > 0, 20_000);
    const conversation = (await platform.context.store.findConversationByKey(workspace.id, 'whatsapp', who))!;
    // Two days later an agent answers.
    await platform.context.database.db.updateTable('conversations').set({ last_inbound_at: Date.now() - 48 * 3_600_000 }).where('id', '=', conversation.id).execute();
    const message = await platform.context.store.appendOutgoing({ conversation, outgoing: { reply: { text: 'Su reembolso ya está aprobado.', language: 'es' }, author: 'agent', authorName: 'Dana' } });
    const before = sentTo(who).length;
    await platform.context.queues.outbound.add('deliver', { items: [{ workspaceId: workspace.id, conversationId: conversation.id, messageId: message.id, channel: 'whatsapp' }] }, { jobId: jobIds.outbound(message.id) });
    const sent = await waitFor(() => sentTo(who).length > before && sentTo(who).slice(before), 20_000);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.body).toMatchObject({
      type: 'template',
      template: { name: 'reply_waiting', language: { code: 'es' }, components: [{ type: 'body', parameters: [{ type: 'text', text: 'Lucía Gómez' }, { type: 'text', text: '*Dana* Su reembolso ya está aprobado.' }] }] },
    });
    await waitFor(async () => (await platform.context.store.getMessage(message.id))?.status === 'delivered', 5000);
  });
});
