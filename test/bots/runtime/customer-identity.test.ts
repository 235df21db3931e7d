import { randomUUID } from 'node:crypto';
import { CustomerIdentityService } from '../../../bots/runtime/customer-identity';
import { ConversationStore } from '../../../bots/runtime/conversation-store';
import { migrateToLatest, openDatabase, timeOrderedId, type DatabaseHandle } from '../../../platform/database';
import { WorkspaceStore } from '../../../platform/workspaces';
import { engines, type TestDatabase } from '../../support/databases';

describe.each(engines)('CustomerIdentityService on %s', (_name, createDatabase) => {
  let database: TestDatabase;
  let handle: DatabaseHandle;
  let store: ConversationStore;
  let identity: CustomerIdentityService;
  let workspaceId: string;

  beforeAll(async () => {
    database = await createDatabase();
    handle = openDatabase(database.url);
    await migrateToLatest(handle.db as never);
    store = new ConversationStore(handle.db, handle.engine);
    identity = new CustomerIdentityService(handle.db);
    workspaceId = (await new WorkspaceStore(handle.db).ensure({ slug: 'identity', name: 'Identity', defaultLanguage: 'en' })).workspace.id;
  });

  afterAll(async () => {
    await handle?.close();
    await database?.drop();
  });

  async function customer(values: { email?: string; phone?: string; name?: string } = {}): Promise<string> {
    const id = timeOrderedId();
    await handle.db.insertInto('customers').values({ id, workspace_id: workspaceId, display_name: values.name ?? null, email: values.email ?? null, phone: values.phone ?? null, created_at: Date.now() }).execute();
    return id;
  }

  async function order(customerId: string): Promise<void> {
    await handle.db
      .insertInto('orders')
      .values({
        id: timeOrderedId(), workspace_id: workspaceId, customer_id: customerId, order_number: `O${randomUUID().slice(0, 8).toUpperCase()}`, status: 'paid',
        currency: 'EUR', total_minor: 1000, shipping_address: null, carrier: null, tracking_number: null, placed_at: Date.now(), shipped_at: null,
        expected_delivery_at: null, delivered_at: null, updated_at: Date.now(),
      })
      .execute();
  }

  it('moves a placeholder customer onto the proven owner: identities, conversations, profile gaps', async () => {
    const owner = await customer({ email: 'li.wei@example.com' });
    await order(owner);
    const whatsapp = await store.resolveConversation({ workspaceId, channel: 'whatsapp', conversationKey: '4915112345678', sender: { externalId: '4915112345678', displayName: 'Li W.' } });
    const placeholder = whatsapp.customer_id;
    expect(placeholder).not.toBe(owner);
    expect(await identity.linkVerified({ workspaceId, customerId: placeholder, ownerCustomerId: owner })).toBe('linked');
    expect((await store.getConversation(whatsapp.id))?.customer_id).toBe(owner);
    expect(await identity.identitiesOf(owner)).toEqual([{ channel: 'whatsapp', externalId: '4915112345678' }]);
    const row = await handle.db.selectFrom('customers').selectAll().where('id', '=', owner).executeTakeFirstOrThrow();
    expect(row.display_name).toBe('Li W.');
    expect(row.email_verified_at).toEqual(expect.any(Number));
    expect(await handle.db.selectFrom('customers').select('id').where('id', '=', placeholder).executeTakeFirst()).toBeUndefined();
    // A later conversation on the same WhatsApp number is the owner's from the start.
    const later = await store.resolveConversation({ workspaceId, channel: 'whatsapp', conversationKey: '4915112345678-2', sender: { externalId: '4915112345678' } });
    expect(later.customer_id).toBe(owner);
    // Proving it again changes nothing.
    expect(await identity.linkVerified({ workspaceId, customerId: owner, ownerCustomerId: owner })).toBe('already-linked');
  });

  it('keeps two real customers apart', async () => {
    const owner = await customer({ email: 'a@example.com' });
    const other = await customer({ email: 'b@example.com' });
    await order(other);
    expect(await identity.linkVerified({ workspaceId, customerId: other, ownerCustomerId: owner })).toBe('kept-apart');
    expect(await handle.db.selectFrom('customers').select('id').where('id', '=', other).executeTakeFirst()).toBeDefined();
  });

  it('refuses an owner from another workspace', async () => {
    const otherWorkspace = (await new WorkspaceStore(handle.db).ensure({ slug: `other-${randomUUID().slice(0, 6)}`, name: 'Other', defaultLanguage: 'en' })).workspace.id;
    const stranger = timeOrderedId();
    await handle.db.insertInto('customers').values({ id: stranger, workspace_id: otherWorkspace, display_name: null, email: null, phone: null, created_at: Date.now() }).execute();
    await expect(identity.linkVerified({ workspaceId, customerId: await customer(), ownerCustomerId: stranger })).rejects.toThrow(/No customer/);
  });
});
