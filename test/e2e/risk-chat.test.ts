/**
 * Risk checks in a scripted chat on the real platform (server + worker in-process, SQLite, Redis, the demo store
 * with its generated risk history and the demo risk model trained at start through the model registry), with the
 * Slack handoff against a fake Slack Web API: an address change on the risky demo order is sent to a person with
 * the score and the reasons in the thread's root message, while the same request on an ordinary order goes through;
 * a request the workspace's rules send to review waits for the one-time code e-mailed to the order's address.
 */
import { randomUUID } from 'node:crypto';
import { IngestService } from '../../bots/runtime/ingest';
import { skillTextsFor } from '../../bots/runtime/templates/skills';
import type { Workspace } from '../../platform/workspaces';
import { RISKY_DEMO_ORDER } from '../../risk';
import { FakeSlack } from '../support/fake-slack';
import { startInProcessPlatform, type InProcessPlatform } from '../support/platform';
import { waitFor } from '../support/wait-for';

const CHANNEL = 'C0AGENTS';

describe('risk checks in chat (demo store, demo risk model, fake Slack)', () => {
  let slack: FakeSlack;
  let platform: InProcessPlatform;
  let workspace: Workspace;

  beforeAll(async () => {
    slack = await new FakeSlack({ botToken: 'xoxb-test-token', channels: [CHANNEL] }).start();
    platform = await startInProcessPlatform({
      overrides: {
        slack: { enabled: true, botToken: 'xoxb-test-token', signingSecret: 'test-signing-secret', agentsChannel: CHANNEL, apiUrl: slack.apiUrl },
        risk: { enabled: true, seedDemo: true },
      },
    });
    workspace = (await platform.context.workspaces.findBySlug('demo'))!;
    await waitFor(async () => (await platform.context.models.live(null, 'intent-classifier')) !== undefined, 30_000);
    // The demo risk model trains at first start from the generated history (queued by the worker's set-up).
    await waitFor(async () => (await platform.context.models.live(workspace.id, 'risk-model')) !== undefined, 60_000);
  }, 120_000);

  afterAll(async () => {
    await platform?.close();
    await slack?.stop();
  });

  /** A web-widget shopper; `say` resolves with the bot's replies to that message. */
  function shopper() {
    const key = randomUUID();
    let n = 0;
    let conversationId = '';
    const ingest = new IngestService(platform.context.store, platform.context.queues.inbound, platform.context.metrics);
    const botMessages = async () => (await platform.context.store.listMessages(conversationId, { limit: 200 })).filter((m) => m.direction === 'out');
    return {
      get conversationId() {
        return conversationId;
      },
      async say(text: string): Promise<string> {
        const before = conversationId ? (await botMessages()).length : 0;
        const result = await ingest.ingest({ workspaceId: workspace.id, channel: 'webchat', conversationKey: key, sender: { externalId: key }, channelMessageId: `${key}:${n++}`, text, receivedAt: Date.now() });
        conversationId = result.message.conversation_id;
        const replies = await waitFor(async () => {
          const out = await botMessages();
          return out.length > before ? out.slice(before) : undefined;
        }, 20_000);
        return replies.map((m) => m.text).join('\n');
      },
    };
  }

  const state = async (conversationId: string) => (await platform.context.store.getConversation(conversationId))?.state;
  const decisionsOf = (conversationId: string) => platform.context.database.db.selectFrom('risk_decisions').selectAll().where('conversation_id', '=', conversationId).execute();

  it('sends an address change on the risky order to a person, with the score and reasons in the Slack thread', async () => {
    const chat = shopper();
    expect(await chat.say(`I want to change the delivery address of my order ${RISKY_DEMO_ORDER.orderNumber}`)).toMatch(/e-mail/i);
    expect(await chat.say(RISKY_DEMO_ORDER.email)).toMatch(/address/i);
    expect(await chat.say('5 Canal Street, E1 6AN London')).toContain('5 Canal Street');
    const reply = await chat.say('yes');

    // The shopper hears that a colleague takes over, and nothing about fraud checks.
    expect(reply).toContain(skillTextsFor('en').riskCheck.handoff.slice(0, 30));
    expect(reply).not.toMatch(/fraud|risk|score|suspicious/i);
    expect(await state(chat.conversationId)).toBe('waiting_agent');
    const order = await platform.context.commerce.findOrder(workspace.id, RISKY_DEMO_ORDER.orderNumber);
    expect(order?.shippingAddress?.line1).toBe('14 Wharf Road, Unit 9');

    // The decision is in the audit log with the live model's version.
    const [decision] = await decisionsOf(chat.conversationId);
    const live = await platform.context.models.live(workspace.id, 'risk-model');
    expect(decision).toMatchObject({ source: 'chat', action: 'change_address', decision: 'decline', outcome: 'handoff', order_number: RISKY_DEMO_ORDER.orderNumber });
    expect(decision!.model_version).toBe((live!.metrics as { modelVersion: string }).modelVersion);
    const handoff = await platform.context.handoffs.openFor(chat.conversationId);
    expect(handoff?.reason).toBe('risk_review');

    // The agents' thread shows the score and the reasons.
    const root = await waitFor(() => slack.messages.find((m) => !m.threadTs && JSON.stringify(m.blocks ?? []).includes(`handoff:${chat.conversationId}`)), 20_000);
    const blocks = JSON.stringify(root.blocks);
    expect(blocks).toMatch(/risk review: address change, score [01]\.\d\d \(decline\)/);
    expect(blocks).toMatch(/Wants help with changing a delivery address \(order R7K2X9, processing\); handed over: risk review\. Risk check on the address change: score [01]\.\d\d, decline \(model xgboost-[0-9a-f]{12}\)\. Reasons: /);
    const reasons = (JSON.parse(decision!.reasons) as Array<{ text: string }>).map((r) => r.text);
    expect(reasons.length).toBeGreaterThan(0);
    for (const text of reasons) expect(blocks).toContain(text.replace(/"/g, '\\"'));
    expect(blocks).toContain(RISKY_DEMO_ORDER.orderNumber);
  }, 60_000);

  it('lets the same request through on an ordinary order', async () => {
    const chat = shopper();
    await chat.say('I want to change the delivery address of my order B7K9Q2');
    expect(await chat.say('anna.schmidt@example.com')).toMatch(/address/i);
    await chat.say('5 Chestnut Avenue, 10435 Berlin');
    const done = await chat.say('yes');
    expect(done).toContain('B7K9Q2');
    expect(await state(chat.conversationId)).toBe('bot');
    const order = await platform.context.commerce.findOrder(workspace.id, 'B7K9Q2');
    expect(order?.shippingAddress?.line1).toBe('5 Chestnut Avenue');
    const [decision] = await decisionsOf(chat.conversationId);
    expect(decision).toMatchObject({ source: 'chat', action: 'change_address', decision: 'approve', outcome: 'proceed' });
    expect(decision!.model_version).toMatch(/^xgboost-/);
  }, 60_000);

  it('asks for the one-time code e-mailed to the order when the rules send a request to review', async () => {
    // Every order above 100 goes to review in this workspace (D8F1G3 is 147).
    await platform.context.risk!.settings.write(workspace.id, { rules: { reviewAboveValue: 100 } }, 'test');
    try {
      const chat = shopper();
      await chat.say('I need to change the delivery address for order D8F1G3');
      await chat.say('john.smith@example.com');
      await chat.say('221B Baker Street, NW1 6XE London');
      const ask = await chat.say('yes');
      expect(ask).toContain('j***@example.com');
      const mail = await waitFor(async () => platform.context.database.db.selectFrom('risk_email_outbox').selectAll().where('to_address', '=', 'john.smith@example.com').executeTakeFirst(), 10_000);
      const code = /\b(\d{6})\b/.exec(mail.body)![1]!;
      expect(mail.subject).toContain('verification code');
      const wrong = await chat.say(code === '000000' ? '111111' : '000000');
      expect(wrong).toMatch(/isn't right.*2 tries left/);
      const done = await chat.say(code);
      expect(done).toContain('D8F1G3');
      const order = await platform.context.commerce.findOrder(workspace.id, 'D8F1G3');
      expect(order?.shippingAddress?.line1).toBe('221B Baker Street');
      const [decision] = await decisionsOf(chat.conversationId);
      expect(decision).toMatchObject({ decision: 'review', outcome: 'verify', rules: JSON.stringify(['value_review_limit']) });
    } finally {
      await platform.context.risk!.settings.write(workspace.id, {}, 'test');
    }
  }, 60_000);
});
