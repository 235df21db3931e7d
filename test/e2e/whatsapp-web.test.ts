/**
 * WhatsApp Web end to end on the real platform (context, database, Redis, queues, the built-in intent model, the
 * real turn processor and outbound delivery), with a fake phone (WhatsApp Web needs a linked phone and the internet):
 * a shopper writes in Spanish and gets the bot's Spanish answer on WhatsApp, paced and through the `whatsapp-web`
 * queue; a voice note is kept on disk and acknowledged once in Spanish by the runtime's attachment skill, a shared
 * location too; while an agent holds the conversation the bot stays silent about a photo; receipts reach the
 * delivery log; the admin sees the state.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MessageAck, MessageMedia, MessageTypes } from 'whatsapp-web.js';
import { DeliveryLog } from '../../bots/channels/delivery-log';
import { messagePayload } from '../../bots/runtime/conversation-store';
import { templatesFor } from '../../bots/runtime/templates';
import type { Workspace } from '../../platform/workspaces';
import { FakeWhatsApp } from '../support/fake-whatsapp-client';
import { startInProcessPlatform, type InProcessPlatform } from '../support/platform';
import { waitFor } from '../support/wait-for';

const SHOPPER = '34600123456@c.us';

describe('WhatsApp Web on the platform (fake phone)', () => {
  let platform: InProcessPlatform;
  let workspace: Workspace;
  let world: FakeWhatsApp;
  let mediaDir: string;

  const status = async (): Promise<{ state: string; me?: { id: string } }> => {
    const response = await fetch(`${platform.url}/api/channels/whatsapp-web/status`, { headers: { authorization: `Bearer ${platform.adminToken}` } });
    return (await response.json()) as { state: string; me?: { id: string } };
  };

  beforeAll(async () => {
    mediaDir = mkdtempSync(join(tmpdir(), 'wa-e2e-'));
    world = new FakeWhatsApp();
    platform = await startInProcessPlatform({
      overrides: { whatsappWeb: { enabled: true, typingMsPerChar: 1 }, channels: { mediaDir } },
      server: { whatsAppWebClientFactory: world.createClient },
    });
    await waitFor(async () => (await platform.context.models.live(null, 'intent-classifier')) !== undefined, 20_000);
    workspace = (await platform.context.workspaces.findBySlug(platform.config.workspace.defaultSlug)) as Workspace;
    await waitFor(async () => (await status()).state === 'ready', 20_000);
  }, 60_000);

  afterAll(async () => {
    await platform?.close();
    rmSync(mediaDir, { recursive: true, force: true });
  });

  it("answers a Spanish shopper in Spanish on WhatsApp, typing first, and records WhatsApp's receipts", async () => {
    world.receive({ from: SHOPPER, body: '¿Dónde está mi pedido?', notifyName: 'Lucía' });
    // The first turn of the process (models warming up) on a loaded CI machine can take a while.
    await waitFor(() => world.sent.length >= 1, 40_000);
    const [answer] = world.takeSent();
    expect(answer?.chatId).toBe(SHOPPER);
    expect(answer?.text.toLowerCase()).toMatch(/número de pedido/);
    expect(world.typing).toContain(SHOPPER);

    const conversation = await platform.context.store.findConversationByKey(workspace.id, 'whatsapp-web', SHOPPER);
    expect(conversation).toMatchObject({ language: 'es' });
    const messages = await platform.context.store.listMessages(conversation?.id as string, { limit: 5 });
    expect(messages[0]).toMatchObject({ direction: 'in', author_name: 'Lucía', status: 'processed' });
    const reply = messages[1];

    world.acknowledge(answer?.id as string, MessageAck.ACK_DEVICE);
    world.acknowledge(answer?.id as string, MessageAck.ACK_READ);
    const log = new DeliveryLog(platform.context.database.db);
    await waitFor(async () => (await log.parts(reply?.id as string))[0]?.status === 'read');
  }, 60_000);

  it('keeps a voice note on disk and acknowledges it in Spanish exactly once', async () => {
    world.receive({ from: SHOPPER, type: MessageTypes.VOICE, media: new MessageMedia('audio/ogg; codecs=opus', Buffer.from('OggS').toString('base64'), null, 4) });
    await waitFor(() => world.sent.length >= 1, 15_000);
    expect(world.takeSent().map((sent) => sent.text)).toEqual([templatesFor('es').channel.voiceNoteReceived]);
    const conversation = await platform.context.store.findConversationByKey(workspace.id, 'whatsapp-web', SHOPPER);
    const voiceNote = (await platform.context.store.listMessages(conversation?.id as string, { limit: 10 })).find((message) => message.text === '[voice note]');
    const attachment = voiceNote ? messagePayload(voiceNote).attachment : undefined;
    expect(attachment).toMatchObject({ kind: 'voice', mimeType: 'audio/ogg; codecs=opus' });
    expect(readdirSync(join(mediaDir, 'whatsapp-web', workspace.id))).toEqual([expect.stringMatching(/\.ogg$/)]);
    expect(readFileSync(join(mediaDir, attachment?.file as string), 'utf8')).toBe('OggS');
    // Answered once: nothing more follows.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(world.sent).toEqual([]);
  });

  it('acknowledges a shared location in Spanish', async () => {
    world.receive({ from: SHOPPER, location: { lat: 40.4168, lng: -3.7038, loc: 'Puerta del Sol\nMadrid' } });
    await waitFor(() => world.sent.length >= 1, 15_000);
    expect(world.takeSent().map((sent) => sent.text)).toEqual([templatesFor('es').channel.locationReceived]);
  });

  it('stays silent about a photo while an agent holds the conversation, and keeps it for the agent', async () => {
    const shopper = '34600999888@c.us';
    // An agent took the conversation over (as the handoff does): the bot no longer owns it.
    const conversation = await platform.context.store.resolveConversation({ workspaceId: workspace.id, channel: 'whatsapp-web', conversationKey: shopper, sender: { externalId: shopper } });
    await platform.context.store.setState(conversation.id, 'with_agent');

    world.receive({ from: shopper, media: new MessageMedia('image/jpeg', Buffer.from('jpeg').toString('base64'), null, 4) });
    const photo = await waitFor(async () => {
      const messages = await platform.context.store.listMessages(conversation.id, { limit: 10 });
      return messages.find((message) => message.text === '[image]' && message.status === 'processed');
    }, 15_000);
    expect(messagePayload(photo).attachment).toMatchObject({ kind: 'image', file: expect.stringMatching(/\.jpg$/) });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(world.sent).toEqual([]);
  });

  it('shows the admin that the phone is connected', async () => {
    expect(await status()).toMatchObject({ state: 'ready', me: { id: world.me._serialized } });
  });
});
