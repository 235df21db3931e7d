import type { Kysely } from 'kysely';
import * as commerceMigration from '../../platform/database/migrations/0002-commerce';
import * as recommenderMigration from '../../platform/database/migrations/0007-recommender';
import type { Database } from '../../platform/database';
import { engines } from '../support/databases';
import { openCommerceDatabase, type CommerceTestDatabase } from './commerce-test-database';

describe.each(engines)('The commerce schema (migration 0002-commerce) on %s', (_engine, createDatabase) => {
  let database: CommerceTestDatabase;
  let db: Kysely<Database>;

  beforeAll(async () => {
    database = await openCommerceDatabase(createDatabase);
    db = database.handle.db;
  });

  afterAll(async () => {
    await database?.close();
  });

  /**
   * The message a statement fails with, or undefined when it succeeds. Not `rejects.toThrow`: better-sqlite3's native
   * errors come from the first test file's realm in a reused Jest worker and are not `instanceof Error` here.
   */
  async function failure(statement: Promise<unknown>): Promise<string | undefined> {
    return statement.then(
      () => undefined,
      (error: unknown) => String((error as { message?: unknown }).message ?? error),
    );
  }

  async function customer(workspaceId: string): Promise<string> {
    const id = crypto.randomUUID();
    await db.insertInto('customers').values({ id, workspace_id: workspaceId, display_name: null, email: 'a@example.com', phone: null, created_at: 1 }).execute();
    return id;
  }

  function order(workspaceId: string, customerId: string, overrides: Partial<Database['orders']> = {}) {
    return {
      id: crypto.randomUUID(),
      workspace_id: workspaceId,
      customer_id: customerId,
      order_number: 'N-1',
      status: 'paid' as const,
      currency: 'EUR',
      total_minor: 100,
      shipping_address: null,
      carrier: null,
      tracking_number: null,
      placed_at: 1,
      shipped_at: null,
      expected_delivery_at: null,
      delivered_at: null,
      updated_at: 1,
      ...overrides,
    };
  }

  it('refuses an order status outside the list', async () => {
    const shop = await database.newWorkspace();
    const row = order(shop, await customer(shop), { status: 'lost' as never });
    expect(await failure(db.insertInto('orders').values(row).execute())).toMatch(/check/i);
  });

  it('keeps order numbers unique per workspace only', async () => {
    const shop = await database.newWorkspace();
    const other = await database.newWorkspace();
    await db.insertInto('orders').values(order(shop, await customer(shop))).execute();
    expect(await failure(db.insertInto('orders').values(order(shop, await customer(shop))).execute())).toMatch(/unique|duplicate/i);
    expect(await failure(db.insertInto('orders').values(order(other, await customer(other))).execute())).toBeUndefined();
  });

  it('refuses an order of a customer that does not exist', async () => {
    const shop = await database.newWorkspace();
    expect(await failure(db.insertInto('orders').values(order(shop, crypto.randomUUID())).execute())).toMatch(/foreign key/i);
  });

  it('deletes orders with their lines and history when the workspace goes', async () => {
    const shop = await database.newWorkspace();
    const row = order(shop, await customer(shop));
    await db.insertInto('orders').values(row).execute();
    await db.insertInto('order_items').values({ id: crypto.randomUUID(), order_id: row.id, position: 1, product_id: null, sku: 'S', name: 'S', quantity: 1, unit_price_minor: 100 }).execute();
    await db.insertInto('order_events').values({ id: crypto.randomUUID(), order_id: row.id, type: 'imported', detail: null, actor: 'import', created_at: 1 }).execute();
    await db.deleteFrom('workspaces').where('id', '=', shop).execute();
    expect(await db.selectFrom('order_items').select('id').where('order_id', '=', row.id).execute()).toEqual([]);
    expect(await db.selectFrom('order_events').select('id').where('order_id', '=', row.id).execute()).toEqual([]);
  });

  it('reverts and re-applies cleanly', async () => {
    // 0007 extends the products table and references it: it goes first and comes back last.
    await recommenderMigration.down(db as Kysely<unknown>);
    await commerceMigration.down(db as Kysely<unknown>);
    expect(await failure(db.selectFrom('products').select('id').execute())).toMatch(/products/);
    await commerceMigration.up(db as Kysely<unknown>);
    await recommenderMigration.up(db as Kysely<unknown>);
    expect(await db.selectFrom('products').select('id').execute()).toEqual([]);
  });
});
