/**
 * Two channels meeting in one conversation, end to end on the real platform: a Spanish shopper writes on WhatsApp
 * (Cloud API: signed webhooks to the real server, replies to a fake Graph API), asks for a person, the conversation
 * opens a thread in the agents' Slack channel (real Bolt app, fake Slack Web API, signed Slack requests) with the
 * transcript translated into English, and the agent's English reply in the thread reaches the shopper on WhatsApp in
 * Spanish (Apertium), under the agent's name.
 */
import { WHATSAPP_WEBHOOK_PATH } from '../../bots/channels/whatsapp-cloud';
import type { Workspace } from '../../platform/workspaces';
import { FakeGraphApi, postWebhook, textMessage, webhookBody } from '../support/fake-graph-api';
import { FakeSlack } from '../support/fake-slack';
import { startInProcessPlatform, type InProcessPlatform } from '../support/platform';
import { sendSlackRequest } from '../support/slack-signing';
import { waitFor } from '../support/wait-for';

const TOKEN = 'EAAG-handoff-token';
const PHONE_NUMBER_ID = '109876543210001';
const APP_SECRET = 'handoff-app-secret';
const SLACK_SECRET = 'handoff-signing-secret';
const AGENTS = 'C0AGENTS';

describe('WhatsApp (Cloud API) shopper handed to an agent in Slack', () => {
  let graph: FakeGraphApi;
  let slack: FakeSlack;
  let platform: InProcessPlatform;
  let workspace: Workspace;
  let serial = 0;
  const shopper = `3461${String(process.pid).slice(-4)}0001`;
  const say = (text: string) =>
    postWebhook(
      `${platform.url}${WHATSAPP_WEBHOOK_PATH}`,
      APP_SECRET,
      webhookBody(PHONE_NUMBER_ID, { shopper: { waId: shopper, name: 'Lucía Gómez' }, messages: [textMessage(shopper, `wamid.HANDOFF${process.pid}${Date.now()}${++serial}`, text)] }),
    );
  const sentToShopper = () => graph.sent.filter((send) => send.to === shopper);
  const textOf = (body: unknown) => JSON.stringify(body);

  beforeAll(async () => {
    graph = await new FakeGraphApi({ accessToken: TOKEN, phoneNumberId: PHONE_NUMBER_ID }).start();
    slack = await new FakeSlack({
      botToken: 'xoxb-handoff',
      channels: [AGENTS],
      users: [{ id: 'U0ANA', name: 'ana', real_name: 'Ana Ruiz', profile: { display_name: 'Ana', email: 'ana@shop.example' } }],
    }).start();
    platform = await startInProcessPlatform({
      overrides: {
        knowledge: { seedDemo: false },
        whatsappCloud: { enabled: true, phoneNumberId: PHONE_NUMBER_ID, accessToken: TOKEN, appSecret: APP_SECRET, verifyToken: 'v', graphApiUrl: graph.url, graphApiVersion: graph.version },
        slack: { enabled: true, botToken: 'xoxb-handoff', signingSecret: SLACK_SECRET, agentsChannel: AGENTS, apiUrl: slack.apiUrl },
      },
    });
    await waitFor(async () => (await platform.context.models.live(null, 'intent-classifier')) !== undefined, 30_000);
    workspace = (await platform.context.workspaces.findBySlug(platform.config.workspace.defaultSlug))!;
    await platform.context.understanding.understand(workspace.id, 'hola', 'es');
  }, 90_000);

  afterAll(async () => {
    await platform?.close();
    await graph?.stop();
    await slack?.stop();
  });

  it('opens a translated Slack thread and brings the agent reply back on WhatsApp in Spanish', async () => {
    expect((await say('Quiero hablar con una persona, por favor')).status).toBe(200);
    const conversation = await waitFor(() => platform.context.store.findConversationByKey(workspace.id, 'whatsapp', shopper), 20_000);
    // The bot tells the shopper on WhatsApp, in Spanish, that a person is coming.
    await waitFor(() => sentToShopper().some((send) => /persona|equipo/i.test(textOf(send.body))), 20_000);
    const root = await waitFor(() => slack.messages.find((m) => !m.threadTs && JSON.stringify(m.blocks ?? []).includes(`handoff:${conversation.id}`)), 20_000);
    const rootText = JSON.stringify(root.blocks);
    expect(rootText).toContain('whatsapp');
    expect(rootText).toMatch(/person/i); // the transcript in English
    expect(rootText).toContain('Quiero hablar con una persona'); // with the original

    // The shopper writes again on WhatsApp: relayed into the thread with its translation.
    await say('Mi paquete llegó roto');
    await waitFor(() => slack.messages.some((m) => m.threadTs === root.ts && m.text.includes('Mi paquete llegó roto')), 20_000);

    // Ana answers in English in the thread.
    const ts = `1800001${String(++serial).padStart(3, '0')}.000100`;
    const event = {
      json: {
        token: 'legacy', team_id: slack.teamId, api_app_id: 'A0APP', type: 'event_callback', event_id: `EvWA${serial}`, event_time: Math.floor(Date.now() / 1000),
        event: { type: 'message', channel: AGENTS, user: 'U0ANA', text: 'Sorry about that, we will send you a new one today.', ts, thread_ts: root.ts, channel_type: 'channel', event_ts: ts },
      },
    };
    expect((await sendSlackRequest(`${platform.url}/slack/events`, event, { signingSecret: SLACK_SECRET })).status).toBe(200);
    const delivered = await waitFor(() => sentToShopper().find((send) => textOf(send.body).includes('enviaremos')), 20_000);
    expect(textOf(delivered.body)).toContain('Ana'); // under the agent's name
    expect((await platform.context.store.getConversation(conversation.id))?.state).toBe('with_agent');
  }, 120_000);
});
