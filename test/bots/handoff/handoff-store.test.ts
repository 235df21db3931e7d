import pino from 'pino';
import { HandoffService } from '../../../bots/handoff/handoff-service';
import { HandoffStore } from '../../../bots/handoff/handoff-store';
import { ConversationStore } from '../../../bots/runtime/conversation-store';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../../../platform/database';
import { WorkspaceStore } from '../../../platform/workspaces';
import { engines, type TestDatabase } from '../../support/databases';

describe.each(engines)('HandoffStore on %s', (_engine, createDatabase) => {
  let database: TestDatabase;
  let handle: DatabaseHandle;
  let store: HandoffStore;
  let conversations: ConversationStore;
  let workspaceId: string;
  let counter = 0;

  beforeAll(async () => {
    database = await createDatabase();
    handle = openDatabase(database.url);
    await migrateToLatest(handle.db as never);
    store = new HandoffStore(handle.db);
    conversations = new ConversationStore(handle.db, handle.engine);
    workspaceId = (await new WorkspaceStore(handle.db).ensure({ slug: 'handoffs', name: 'Handoffs', defaultLanguage: 'en' })).workspace.id;
  });

  afterAll(async () => {
    await handle?.close();
    await database?.drop();
  });

  async function newConversation(): Promise<string> {
    counter++;
    const conversation = await conversations.resolveConversation({ workspaceId, channel: 'webchat', conversationKey: `key-${counter}`, sender: { externalId: `shopper-${counter}` } });
    return conversation.id;
  }

  it('opens one handoff per conversation and reuses it when escalated again', async () => {
    const conversationId = await newConversation();
    const first = await store.open({ workspaceId, conversationId, reason: 'asked', slackChannel: 'C1' });
    expect(first.created).toBe(true);
    expect(first.handoff).toMatchObject({ status: 'waiting', reason: 'asked', slackChannel: 'C1', slackThreadTs: null, agent: null });
    const again = await store.open({ workspaceId, conversationId, reason: 'complaint', slackChannel: 'C1' });
    expect(again).toEqual({ handoff: first.handoff, created: false });
    const concurrent = await Promise.all([1, 2, 3].map(async () => store.open({ workspaceId, conversationId: await newConversationOnce(), reason: 'asked', slackChannel: 'C1' })));
    expect(concurrent.filter((r) => r.created)).toHaveLength(1);
  });

  let shared: Promise<string> | undefined;
  function newConversationOnce(): Promise<string> {
    shared ??= newConversation();
    return shared;
  }

  it('finds a handoff by its thread, lets one claim win, and resolves once', async () => {
    const conversationId = await newConversation();
    const { handoff } = await store.open({ workspaceId, conversationId, reason: 'frustration', slackChannel: 'C1' });
    await store.setThread(handoff.id, 'C1', '1700000000.000100');
    expect((await store.byThread('C1', '1700000000.000100'))?.id).toBe(handoff.id);
    const claimed = await store.claim(handoff.id, { slackId: 'U1', name: 'Ana', email: 'Ana@Shop.example' });
    expect(claimed).toMatchObject({ status: 'claimed', agent: { slackId: 'U1', name: 'Ana', email: 'Ana@Shop.example' } });
    // The Slack user is the workspace's agent with that e-mail, created on first contact and found again after.
    const agents = await handle.db.selectFrom('agents').selectAll().where('workspace_id', '=', workspaceId).execute();
    expect(agents).toEqual([expect.objectContaining({ email: 'ana@shop.example', display_name: 'Ana', slack_user_id: 'U1' })]);
    expect(claimed?.agent?.agentId).toBe(agents[0]!.id);
    expect(await store.agentFor(workspaceId, { slackId: 'U9', name: 'Ana R.', email: 'ANA@shop.example' })).toBe(agents[0]!.id);
    const takenOver = await store.claim(handoff.id, { slackId: 'U2', name: 'Ben', email: null });
    expect(takenOver?.agent?.name).toBe('Ben');
    expect(await store.resolve(handoff.id)).toMatchObject({ status: 'resolved' });
    expect(await store.resolve(handoff.id)).toBeUndefined();
    expect(await store.claim(handoff.id, { slackId: 'U1', name: 'Ana', email: null })).toBeUndefined();
    // Resolved: the next escalation opens a new handoff.
    expect((await store.open({ workspaceId, conversationId, reason: 'asked', slackChannel: 'C2' })).created).toBe(true);
  });

  it('estimates the wait as the median claim time of the last week, else the promised wait', async () => {
    const ws = (await new WorkspaceStore(handle.db).ensure({ slug: `waits-${counter}`, name: 'Waits', defaultLanguage: 'en' })).workspace.id;
    const service = new HandoffService({
      handoffs: store,
      queue: {} as never,
      routing: { rules: [], fallback: 'C1' },
      workspaceSlug: async () => 'waits',
      defaultWaitMinutes: 5,
      logger: pino({ level: 'silent' }),
    });
    const now = Date.now();
    expect(await service.expectedWaitMinutes(ws, now)).toBe(5);
    for (const [created, waitedMs] of [[now - 3_600_000, 2 * 60_000], [now - 7_200_000, 10 * 60_000], [now - 10_800_000, 3.5 * 60_000]] as const) {
      const conversation = await conversations.resolveConversation({ workspaceId: ws, channel: 'webchat', conversationKey: `w-${created}`, sender: { externalId: `w-${created}` } });
      const { handoff } = await store.open({ workspaceId: ws, conversationId: conversation.id, reason: 'asked', slackChannel: 'C1' }, created);
      await store.claim(handoff.id, { slackId: 'U1', name: 'Ana', email: null }, created + waitedMs);
    }
    expect(await service.expectedWaitMinutes(ws, now)).toBe(4); // median 3.5 min, rounded up
    expect(await service.expectedWaitMinutes(ws, now + 8 * 24 * 3_600_000)).toBe(5); // older than a week: the promise again
  });

  it('lists waiting handoffs older than a time once for reminders', async () => {
    const conversationId = await newConversation();
    const { handoff } = await store.open({ workspaceId, conversationId, reason: 'asked', slackChannel: 'C1' }, 1000);
    expect((await store.unclaimedSince(2000)).map((h) => h.id)).toContain(handoff.id);
    expect(await store.markReminded(handoff.id)).toBe(true);
    expect(await store.markReminded(handoff.id)).toBe(false);
    expect((await store.unclaimedSince(2000)).map((h) => h.id)).not.toContain(handoff.id);
    // Still waiting for a person (the /handoff list), reminded or not.
    expect((await store.waiting(1000)).map((h) => h.id)).toContain(handoff.id);
  });

  it("keeps a waiting shopper's contact e-mail unless the customer has a verified one", async () => {
    const conversation = await conversations.getConversation(await newConversation());
    const customerId = conversation!.customer_id;
    expect(await store.setContactEmail(customerId, 'ana@example.com')).toBe(true);
    const email = async (): Promise<string | null | undefined> => (await handle.db.selectFrom('customers').select('email').where('id', '=', customerId).executeTakeFirst())?.email;
    expect(await email()).toBe('ana@example.com');
    await handle.db.updateTable('customers').set({ email: 'verified@example.com', email_verified_at: 1 }).where('id', '=', customerId).execute();
    expect(await store.setContactEmail(customerId, 'other@example.com')).toBe(false);
    expect(await email()).toBe('verified@example.com');
  });
});
