/** The store's commerce data: products, orders with their lines and history, and customer lookup by e-mail. */
import { sql, type Kysely } from 'kysely';

const ORDER_STATUSES = [
  'pending',
  'paid',
  'processing',
  'shipped',
  'in_transit',
  'out_for_delivery',
  'delivered',
  'cancelled',
  'returned',
] as const;

/** Applies the migration. Written once for both engines: only portable types and constraints are used. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const time = 'bigint';
  // Frozen here on purpose: a migration must not change when the application's status list changes later.
  const statusList = sql.join(ORDER_STATUSES.map((status) => sql.lit(status)));

  await db.schema
    .createTable('products')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('workspace_id', 'varchar(36)', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('sku', 'varchar(64)', (c) => c.notNull())
    .addColumn('name', 'varchar(300)', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('category', 'varchar(100)')
    .addColumn('price_minor', 'integer', (c) => c.notNull().check(sql`price_minor >= 0`))
    .addColumn('currency', 'char(3)', (c) => c.notNull())
    .addColumn('stock', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('attributes', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('url', 'varchar(2048)')
    .addColumn('image_url', 'varchar(2048)')
    .addColumn('created_at', time, (c) => c.notNull())
    .addColumn('updated_at', time, (c) => c.notNull())
    .addUniqueConstraint('products_sku_unique', ['workspace_id', 'sku'])
    .execute();
  await db.schema.createIndex('products_by_category').on('products').columns(['workspace_id', 'category']).execute();

  await db.schema
    .createTable('orders')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('workspace_id', 'varchar(36)', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('customer_id', 'varchar(36)', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('order_number', 'varchar(64)', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull().check(sql`status in (${statusList})`))
    .addColumn('currency', 'char(3)', (c) => c.notNull())
    // bigint: a total of many lines in a currency without decimals (JPY, KRW) can pass 2^31.
    .addColumn('total_minor', 'bigint', (c) => c.notNull().check(sql`total_minor >= 0`))
    .addColumn('shipping_address', 'text')
    .addColumn('carrier', 'varchar(100)')
    .addColumn('tracking_number', 'varchar(100)')
    .addColumn('placed_at', time, (c) => c.notNull())
    .addColumn('shipped_at', time)
    .addColumn('expected_delivery_at', time)
    .addColumn('delivered_at', time)
    .addColumn('updated_at', time, (c) => c.notNull())
    .addUniqueConstraint('orders_number_unique', ['workspace_id', 'order_number'])
    .execute();
  // "My orders": a customer's orders, newest first.
  await db.schema.createIndex('orders_by_customer').on('orders').columns(['customer_id', 'placed_at']).execute();

  await db.schema
    .createTable('order_items')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('order_id', 'varchar(36)', (c) => c.notNull().references('orders.id').onDelete('cascade'))
    // Lines keep the order the shop gave them; ids made in the same millisecond do not sort that way.
    .addColumn('position', 'integer', (c) => c.notNull())
    // A line outlives its product: the sku and name copied onto the line still say what was bought.
    .addColumn('product_id', 'varchar(36)', (c) => c.references('products.id').onDelete('set null'))
    .addColumn('sku', 'varchar(64)', (c) => c.notNull())
    .addColumn('name', 'varchar(300)', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull().check(sql`quantity > 0`))
    .addColumn('unit_price_minor', 'integer', (c) => c.notNull().check(sql`unit_price_minor >= 0`))
    .addUniqueConstraint('order_items_position_unique', ['order_id', 'position'])
    .execute();
  // Without it, deleting a product would scan every order line to clear its product_id.
  await db.schema.createIndex('order_items_by_product').on('order_items').column('product_id').execute();

  await db.schema
    .createTable('order_events')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('order_id', 'varchar(36)', (c) => c.notNull().references('orders.id').onDelete('cascade'))
    .addColumn('type', 'varchar(32)', (c) => c.notNull())
    .addColumn('detail', 'text')
    .addColumn('actor', 'varchar(100)', (c) => c.notNull())
    .addColumn('created_at', time, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('order_events_by_order').on('order_events').columns(['order_id', 'created_at']).execute();

  // Order look-up by e-mail ("which orders does this address have?"). Not unique: customers met on a channel
  // first may later give an address that another customer row already holds.
  await db.schema.createIndex('customers_by_email').on('customers').columns(['workspace_id', 'email']).execute();
}

/** Reverts the migration. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('customers_by_email').ifExists().execute();
  for (const table of ['order_events', 'order_items', 'orders', 'products']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
