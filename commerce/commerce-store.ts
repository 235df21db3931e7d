/**
 * The store's commerce data as the bot and the admin API use it: orders and their customers, the changes a shopper
 * may ask for (cancel, new address) under the store's rules, and the catalogue. Every result is a plain object
 * (money in minor units with its currency, times in epoch milliseconds); rows never leave the module.
 */
import type { Kysely, Selectable, Transaction } from 'kysely';
import { timeOrderedId, type Database, type OrderStatus, type OrdersTable } from '../platform/database';
import { CommerceInputError, OrderChangeConflictError } from './commerce-errors';
import { customerFromRow, orderEventFromRow, orderFromRow } from './commerce-rows';
import { actorSchema, emailSchema, shippingAddressSchema } from './commerce-schemas';
import type { Customer, Order, OrderEvent, Product, ShippingAddress } from './commerce-types';
import { normalizeOrderNumber } from './order-numbers';
import { decide, type OrderChange, type OrderRefusal } from './order-rules';
import { getProduct, listProducts, type ProductQuery, type ProductRef } from './product-queries';

/** What a change request ended in. */
export type OrderChangeResult =
  | { kind: 'changed'; order: Order; event: OrderEvent }
  /** The store's rules do not allow it in the order's current status; nothing was written. */
  | { kind: 'refused'; order: Order; refusal: OrderRefusal }
  | { kind: 'not_found'; orderNumber: string };

/** Who is asked about: a known customer row, or whoever gave this e-mail address. */
export type OrderOwner = { customerId: string } | { email: string };

type DbOrTrx = Kysely<Database> | Transaction<Database>;

/** Times a change is retried when another writer changed the order's status between reading and writing it. */
const CHANGE_ATTEMPTS = 3;

/** Reads orders, customers and products of a workspace, and applies shopper-requested changes to orders. */
export class CommerceStore {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * The order with this number, with its lines. The number is matched whatever its case and leading `#`.
   * @example await store.findOrder(workspaceId, '#a1b2c3') // the order A1B2C3
   */
  async findOrder(workspaceId: string, orderNumber: string): Promise<Order | undefined> {
    const number = normalizeOrderNumber(orderNumber);
    if (!number) return undefined;
    const row = await this.orderRow(this.db, workspaceId, number);
    return row ? this.withItems(this.db, row) : undefined;
  }

  /** The customer's orders, newest first, with their lines. @param limit at most this many, default 20. */
  async ordersOfCustomer(workspaceId: string, customerId: string, limit = 20): Promise<Order[]> {
    const rows = await this.db
      .selectFrom('orders')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('customer_id', '=', customerId)
      .orderBy('placed_at', 'desc')
      .orderBy('id', 'desc')
      .limit(Math.min(Math.max(Math.trunc(limit), 1), 200))
      .execute();
    if (rows.length === 0) return [];
    const ids = rows.map((row) => row.id);
    const items = await this.db.selectFrom('order_items').selectAll().where('order_id', 'in', ids).orderBy('position').execute();
    return rows.map((row) => orderFromRow(row, items.filter((item) => item.order_id === row.id)));
  }

  /**
   * The customer with this e-mail address (any case). When several customer rows share it (met on different
   * channels), the one that has orders and was created first wins.
   */
  async findCustomerByEmail(workspaceId: string, email: string): Promise<Customer | undefined> {
    const parsed = emailSchema.safeParse(email);
    if (!parsed.success) return undefined;
    const rows = await this.db
      .selectFrom('customers')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('email', '=', parsed.data)
      .orderBy('created_at')
      .orderBy('id')
      .limit(20)
      .execute();
    if (rows.length <= 1) return rows[0] ? customerFromRow(rows[0]) : undefined;
    const ids = rows.map((row) => row.id);
    const withOrders = await this.db.selectFrom('orders').select('customer_id').distinct().where('customer_id', 'in', ids).execute();
    const owners = new Set(withOrders.map((row) => row.customer_id));
    const chosen = rows.find((row) => owners.has(row.id)) ?? rows[0];
    return chosen ? customerFromRow(chosen) : undefined;
  }

  /** The customer with this id in the workspace, if any. */
  async getCustomer(workspaceId: string, customerId: string): Promise<Customer | undefined> {
    const row = await this.db
      .selectFrom('customers')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', customerId)
      .executeTakeFirst();
    return row ? customerFromRow(row) : undefined;
  }

  /**
   * True when the order belongs to the customer: by customer id, or by the e-mail address of the order's customer
   * (any case). This is the check before the bot tells anyone about an order.
   */
  async customerOwnsOrder(workspaceId: string, orderNumber: string, owner: OrderOwner): Promise<boolean> {
    const number = normalizeOrderNumber(orderNumber);
    if (!number) return false;
    const row = await this.db
      .selectFrom('orders')
      .innerJoin('customers', 'customers.id', 'orders.customer_id')
      .select(['orders.customer_id', 'customers.email'])
      .where('orders.workspace_id', '=', workspaceId)
      .where('orders.order_number', '=', number)
      .executeTakeFirst();
    if (!row) return false;
    if ('customerId' in owner) return row.customer_id === owner.customerId;
    const email = emailSchema.safeParse(owner.email);
    return email.success && row.email !== null && row.email.toLowerCase() === email.data;
  }

  /**
   * Cancels the order when the store's rules allow it (pending, paid, processing), recording an `order_events` row
   * in the same transaction; otherwise answers with the refusal and writes nothing.
   * @param actor who asks, e.g. `bot:<conversation id>` or `admin`.
   * @throws CommerceInputError when `actor` is empty or longer than 100 characters.
   */
  cancelOrder(workspaceId: string, orderNumber: string, actor: string): Promise<OrderChangeResult> {
    return this.change(workspaceId, orderNumber, actor, 'cancel', (row) => ({
      set: { status: 'cancelled' as OrderStatus },
      event: { type: 'cancelled', detail: { previousStatus: row.status } },
    }));
  }

  /**
   * Sends the order to another address when the rules allow it (pending, paid, processing), recording the previous
   * and the new address in an `order_events` row in the same transaction.
   * @throws CommerceInputError when the address is incomplete (the message names the field) or the actor is invalid.
   */
  async changeShippingAddress(workspaceId: string, orderNumber: string, address: ShippingAddress, actor: string): Promise<OrderChangeResult> {
    const parsed = shippingAddressSchema.safeParse(address);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new CommerceInputError(
        `The shipping address is not valid: ${issue?.path.join('.') || 'address'} ${issue?.message ?? 'is invalid'}.`,
      );
    }
    const next = JSON.stringify(parsed.data);
    return this.change(workspaceId, orderNumber, actor, 'change_address', (row) => ({
      set: { shipping_address: next },
      event: {
        type: 'address_changed',
        detail: { previous: row.shipping_address ? (JSON.parse(row.shipping_address) as unknown) : null, address: parsed.data },
      },
    }));
  }

  /** The order's history, oldest first; empty when there is no such order. */
  async orderEvents(workspaceId: string, orderNumber: string): Promise<OrderEvent[]> {
    const number = normalizeOrderNumber(orderNumber);
    if (!number) return [];
    const rows = await this.db
      .selectFrom('order_events')
      .innerJoin('orders', 'orders.id', 'order_events.order_id')
      .selectAll('order_events')
      .where('orders.workspace_id', '=', workspaceId)
      .where('orders.order_number', '=', number)
      .orderBy('order_events.created_at')
      .orderBy('order_events.id')
      .execute();
    return rows.map(orderEventFromRow);
  }

  /** Lists or searches the catalogue (see {@link ProductQuery}). */
  listProducts(workspaceId: string, query: ProductQuery = {}): Promise<Product[]> {
    return listProducts(this.db, workspaceId, query);
  }

  /** One product by id or sku. */
  getProduct(workspaceId: string, ref: ProductRef): Promise<Product | undefined> {
    return getProduct(this.db, workspaceId, ref);
  }

  /**
   * Reads the order, asks the rules, and writes the change only if the status is still the one the rules saw
   * (compare-and-set): two requests racing (the bot cancels while an admin ships) cannot both win.
   */
  private async change(
    workspaceId: string,
    orderNumber: string,
    actor: string,
    change: OrderChange,
    plan: (row: Selectable<OrdersTable>) => {
      set: Partial<Pick<OrdersTable, 'status' | 'shipping_address'>>;
      event: { type: string; detail: Record<string, unknown> };
    },
  ): Promise<OrderChangeResult> {
    const checkedActor = actorSchema.safeParse(actor);
    if (!checkedActor.success) throw new CommerceInputError('The actor must be 1 to 100 characters, e.g. "bot:<conversation id>" or "admin".');
    const number = normalizeOrderNumber(orderNumber);
    if (!number) return { kind: 'not_found', orderNumber };
    return this.db.transaction().execute(async (trx) => {
      for (let attempt = 1; ; attempt += 1) {
        const row = await this.orderRow(trx, workspaceId, number);
        if (!row) return { kind: 'not_found', orderNumber: number };
        const decision = decide(change, row.status);
        if (!decision.allowed) return { kind: 'refused', order: await this.withItems(trx, row), refusal: decision.refusal };
        const { set, event } = plan(row);
        const now = Date.now();
        const updated = await trx
          .updateTable('orders')
          .set({ ...set, updated_at: now })
          .where('id', '=', row.id)
          .where('status', '=', row.status)
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) === 0) {
          if (attempt < CHANGE_ATTEMPTS) continue;
          throw new OrderChangeConflictError(`Order ${number} kept changing while "${change}" was applied; ask again.`);
        }
        const eventRow = {
          id: timeOrderedId(now),
          order_id: row.id,
          type: event.type,
          detail: JSON.stringify(event.detail),
          actor: checkedActor.data,
          created_at: now,
        };
        await trx.insertInto('order_events').values(eventRow).execute();
        const order = await this.withItems(trx, { ...row, ...set, updated_at: now });
        return { kind: 'changed', order, event: orderEventFromRow(eventRow) };
      }
    });
  }

  private orderRow(db: DbOrTrx, workspaceId: string, orderNumber: string): Promise<Selectable<OrdersTable> | undefined> {
    return db
      .selectFrom('orders')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('order_number', '=', orderNumber)
      .executeTakeFirst();
  }

  private async withItems(db: DbOrTrx, row: Selectable<OrdersTable>): Promise<Order> {
    const items = await db.selectFrom('order_items').selectAll().where('order_id', '=', row.id).orderBy('position').execute();
    return orderFromRow(row, items);
  }
}
