/**
 * Imports a store's products and orders from JSON (`{products: [...], orders: [...]}`) or CSV (see csv-import.ts).
 * All or nothing: every record is validated first and nothing is written when any is invalid; then everything is
 * written in one transaction. Products are upserted by sku, orders by order number (their lines replaced), and
 * customers found or created by e-mail address. A product's translations, extra prices and ship-to countries are
 * replaced when the import gives them and kept when it does not; every product write raises the workspace's
 * catalogue revision (catalogue-revision.ts).
 */
import type { Kysely, Transaction } from 'kysely';
import { timeOrderedId, type Database } from '../platform/database';
import { CatalogImportError, type ImportIssue } from './commerce-errors';
import { actorSchema } from './commerce-schemas';
import { ordersFromCsv, productsFromCsv, type CsvRecords } from './csv-import';
import { raiseCatalogueRevision } from './catalogue-revision';
import { checkOrder, checkProduct, type Checked, type OrderRecord, type ProductRecord } from './import-records';

/** The input formats: a JSON document, or a CSV file of products or of order lines. */
export type ImportFormat = 'json' | 'csv-products' | 'csv-orders';

/** Validated records, ready to be written. */
export interface ParsedCatalog {
  products: ProductRecord[];
  orders: OrderRecord[];
}

/** What an import wrote. */
export interface ImportCounts {
  products: { created: number; updated: number };
  orders: { created: number; updated: number };
  /** Order lines written (the lines of updated orders are replaced). */
  orderLines: number;
  customers: { created: number };
}

/** Options of {@link CatalogImporter.import}. */
export interface ImportOptions {
  /** Recorded on the orders' `imported` events. @defaultValue 'import' */
  actor?: string;
  /** The time written as created/updated. @defaultValue Date.now() */
  now?: number;
}

/** Most problems reported at once; beyond that the first ones are enough to see the pattern. */
const MAX_REPORTED_ISSUES = 200;
/** Rows per multi-row statement, well under both engines' bound-parameter limits. */
const CHUNK = 200;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function refuse(issues: ImportIssue[]): never {
  throw new CatalogImportError(issues.slice(0, MAX_REPORTED_ISSUES), issues.length);
}

/** Validates records, collecting issues located by `locate`, and rejects a key (sku, order number) seen twice. */
function checkAll<T>(
  section: 'products' | 'orders',
  inputs: Array<{ row: number; input: unknown; locate: (issue: { field: string; message: string }) => { row: number; field: string } }>,
  check: (input: unknown) => Checked<T>,
  key: (record: T) => string,
  keyField: string,
  issues: ImportIssue[],
): T[] {
  const records: T[] = [];
  const seen = new Map<string, number>();
  for (const { row, input, locate } of inputs) {
    const checked = check(input);
    if (!checked.ok) {
      for (const issue of checked.issues) issues.push({ section, ...locate(issue), message: issue.message });
      continue;
    }
    const earlier = seen.get(key(checked.record));
    if (earlier !== undefined) {
      issues.push({ section, row, field: keyField, message: `"${key(checked.record)}" appears again; it is already on row ${earlier}` });
      continue;
    }
    seen.set(key(checked.record), row);
    records.push(checked.record);
  }
  return records;
}

function fromJson(data: unknown, issues: ImportIssue[]): ParsedCatalog {
  let document = data;
  if (typeof data === 'string') {
    try {
      document = JSON.parse(data);
    } catch (error) {
      issues.push({ section: 'document', row: 0, field: '', message: `The data is not valid JSON: ${(error as Error).message}` });
      return { products: [], orders: [] };
    }
  }
  if (!document || typeof document !== 'object' || Array.isArray(document)) {
    issues.push({ section: 'document', row: 0, field: '', message: 'The data must be an object {"products": [...], "orders": [...]}.' });
    return { products: [], orders: [] };
  }
  const { products = [], orders = [], ...rest } = document as Record<string, unknown>;
  for (const key of Object.keys(rest)) issues.push({ section: 'document', row: 0, field: key, message: 'is not a known key (products, orders)' });
  for (const [name, value] of [['products', products], ['orders', orders]] as const) {
    if (!Array.isArray(value)) issues.push({ section: 'document', row: 0, field: name, message: 'must be an array' });
  }
  const rows = (value: unknown) =>
    (Array.isArray(value) ? value : []).map((input: unknown, index) => ({
      row: index + 1,
      input,
      locate: (issue: { field: string }) => ({ row: index + 1, field: issue.field }),
    }));
  return {
    products: checkAll('products', rows(products), checkProduct, (p) => p.sku, 'sku', issues),
    orders: checkAll('orders', rows(orders), checkOrder, (o) => o.orderNumber, 'orderNumber', issues),
  };
}

function fromCsv(data: unknown, format: 'csv-products' | 'csv-orders', issues: ImportIssue[]): ParsedCatalog {
  if (typeof data !== 'string') {
    issues.push({ section: 'document', row: 0, field: 'data', message: `must be the CSV text for format ${format}` });
    return { products: [], orders: [] };
  }
  const read: CsvRecords = format === 'csv-products' ? productsFromCsv(data) : ordersFromCsv(data);
  issues.push(...read.issues);
  if (format === 'csv-products') {
    return { products: checkAll('products', read.records, checkProduct, (p) => p.sku, 'sku', issues), orders: [] };
  }
  return { products: [], orders: checkAll('orders', read.records, checkOrder, (o) => o.orderNumber, 'order_number', issues) };
}

/**
 * Validates an import without writing anything.
 * @throws CatalogImportError listing every problem with its row and field.
 */
export function parseCatalog(format: ImportFormat, data: unknown): ParsedCatalog {
  const issues: ImportIssue[] = [];
  const parsed = format === 'json' ? fromJson(data, issues) : fromCsv(data, format, issues);
  if (!issues.length && parsed.products.length === 0 && parsed.orders.length === 0) {
    issues.push({ section: 'document', row: 0, field: '', message: 'The import holds no products and no orders.' });
  }
  if (issues.length) refuse(issues);
  return parsed;
}

/** Writes validated imports into a workspace. */
export class CatalogImporter {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Validates and writes an import, all or nothing.
   * @param data JSON: the document or its text; CSV: the file's text.
   * @throws CatalogImportError when anything is invalid; nothing is written then.
   * @example
   * const counts = await importer.import(workspaceId, 'csv-products', 'sku,name,price,currency\nTS-1,Tee,19.90,EUR');
   */
  async import(workspaceId: string, format: ImportFormat, data: unknown, options: ImportOptions = {}): Promise<ImportCounts> {
    const parsed = parseCatalog(format, data);
    return this.write(workspaceId, parsed, options);
  }

  /** Writes records that {@link parseCatalog} validated, in one transaction. */
  write(workspaceId: string, catalog: ParsedCatalog, options: ImportOptions = {}): Promise<ImportCounts> {
    return this.db.transaction().execute((trx) => this.writeInTransaction(trx, workspaceId, catalog, options));
  }

  /** Writes validated records inside the caller's transaction (which may check or lock things first). */
  async writeInTransaction(
    trx: Transaction<Database>,
    workspaceId: string,
    catalog: ParsedCatalog,
    options: ImportOptions = {},
  ): Promise<ImportCounts> {
    const actor = actorSchema.safeParse(options.actor ?? 'import');
    if (!actor.success) refuse([{ section: 'document', row: 0, field: 'actor', message: 'must be 1 to 100 characters' }]);
    const now = options.now ?? Date.now();
    const products = await this.writeProducts(trx, workspaceId, catalog.products, now);
    const { customers, customerIds } = await this.writeCustomers(trx, workspaceId, catalog.orders, now);
    const orders = await this.writeOrders(trx, workspaceId, catalog.orders, customerIds, actor.data, now);
    return { products, orders: orders.counts, orderLines: orders.lines, customers: { created: customers } };
  }

  private async writeProducts(trx: Transaction<Database>, workspaceId: string, products: ProductRecord[], now: number) {
    if (products.length === 0) return { created: 0, updated: 0 };
    const existing = new Set<string>();
    for (const part of chunks(products.map((p) => p.sku))) {
      const rows = await trx.selectFrom('products').select('sku').where('workspace_id', '=', workspaceId).where('sku', 'in', part).execute();
      for (const row of rows) existing.add(row.sku);
    }
    const revision = await raiseCatalogueRevision(trx, workspaceId, now);
    const ids = new Map<string, string>();
    for (const part of chunks(products)) {
      const written = await trx
        .insertInto('products')
        .values(
          part.map((p) => ({
            id: timeOrderedId(now),
            workspace_id: workspaceId,
            sku: p.sku,
            name: p.name,
            description: p.description,
            category: p.category,
            price_minor: p.priceMinor,
            currency: p.currency,
            stock: p.stock,
            attributes: JSON.stringify(p.attributes),
            url: p.url,
            image_url: p.imageUrl,
            created_at: now,
            updated_at: now,
            brand: p.brand,
            language: p.language,
            active: p.active ? 1 : 0,
            revision,
          })),
        )
        .onConflict((oc) =>
          oc.columns(['workspace_id', 'sku']).doUpdateSet((eb) => ({
            name: eb.ref('excluded.name'),
            description: eb.ref('excluded.description'),
            category: eb.ref('excluded.category'),
            price_minor: eb.ref('excluded.price_minor'),
            currency: eb.ref('excluded.currency'),
            stock: eb.ref('excluded.stock'),
            attributes: eb.ref('excluded.attributes'),
            url: eb.ref('excluded.url'),
            image_url: eb.ref('excluded.image_url'),
            updated_at: eb.ref('excluded.updated_at'),
            brand: eb.ref('excluded.brand'),
            language: eb.ref('excluded.language'),
            active: eb.ref('excluded.active'),
            revision: eb.ref('excluded.revision'),
          })),
        )
        .returning(['id', 'sku'])
        .execute();
      for (const row of written) ids.set(row.sku, row.id);
    }
    await this.writeCatalogueExtras(trx, products, ids);
    return { created: products.length - existing.size, updated: existing.size };
  }

  /** Replaces the translations, extra prices and ship-to countries of the products whose import gives them. */
  private async writeCatalogueExtras(trx: Transaction<Database>, products: ProductRecord[], ids: Map<string, string>) {
    const idOf = (p: ProductRecord) => ids.get(p.sku) as string;
    const withTranslations = products.filter((p) => p.translations !== undefined);
    for (const part of chunks(withTranslations.map(idOf))) await trx.deleteFrom('product_translations').where('product_id', 'in', part).execute();
    const translations = withTranslations.flatMap((p) =>
      (p.translations ?? []).map((t) => ({ product_id: idOf(p), language: t.language, name: t.name, description: t.description })),
    );
    for (const part of chunks(translations)) await trx.insertInto('product_translations').values(part).execute();

    const withPrices = products.filter((p) => p.prices !== undefined);
    for (const part of chunks(withPrices.map(idOf))) await trx.deleteFrom('product_prices').where('product_id', 'in', part).execute();
    const prices = withPrices.flatMap((p) => (p.prices ?? []).map((x) => ({ product_id: idOf(p), currency: x.currency, price_minor: x.priceMinor })));
    for (const part of chunks(prices)) await trx.insertInto('product_prices').values(part).execute();

    const withCountries = products.filter((p) => p.shipsTo !== undefined);
    for (const part of chunks(withCountries.map(idOf))) await trx.deleteFrom('product_ship_countries').where('product_id', 'in', part).execute();
    const countries = withCountries.flatMap((p) => (p.shipsTo ?? []).map((country) => ({ product_id: idOf(p), country })));
    for (const part of chunks(countries)) await trx.insertInto('product_ship_countries').values(part).execute();
  }

  /** Finds each order's customer by e-mail (the oldest row with that address), creating missing ones. */
  private async writeCustomers(trx: Transaction<Database>, workspaceId: string, orders: OrderRecord[], now: number) {
    const wanted = new Map<string, { name: string | null; phone: string | null }>();
    for (const order of orders) {
      const known = wanted.get(order.email);
      wanted.set(order.email, { name: known?.name ?? order.customerName, phone: known?.phone ?? order.phone });
    }
    const customerIds = new Map<string, string>();
    let created = 0;
    for (const part of chunks([...wanted.keys()])) {
      const rows = await trx
        .selectFrom('customers')
        .select(['id', 'email', 'display_name', 'phone'])
        .where('workspace_id', '=', workspaceId)
        .where('email', 'in', part)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      for (const row of rows) {
        if (!row.email || customerIds.has(row.email)) continue;
        customerIds.set(row.email, row.id);
        const given = wanted.get(row.email);
        // Fill in what the customer row lacks; never overwrite what a person or a channel already set.
        const fill = {
          ...(row.display_name === null && given?.name ? { display_name: given.name } : {}),
          ...(row.phone === null && given?.phone ? { phone: given.phone } : {}),
        };
        if (Object.keys(fill).length) await trx.updateTable('customers').set(fill).where('id', '=', row.id).execute();
      }
    }
    const missing = [...wanted.entries()].filter(([email]) => !customerIds.has(email));
    for (const part of chunks(missing)) {
      const rows = part.map(([email, given]) => ({
        id: timeOrderedId(now),
        workspace_id: workspaceId,
        display_name: given.name,
        email,
        phone: given.phone,
        created_at: now,
      }));
      await trx.insertInto('customers').values(rows).execute();
      for (const row of rows) customerIds.set(row.email, row.id);
      created += rows.length;
    }
    return { customers: created, customerIds };
  }

  private async writeOrders(
    trx: Transaction<Database>,
    workspaceId: string,
    orders: OrderRecord[],
    customerIds: Map<string, string>,
    actor: string,
    now: number,
  ) {
    const existing = new Map<string, { id: string; status: string }>();
    for (const part of chunks(orders.map((o) => o.orderNumber))) {
      const rows = await trx
        .selectFrom('orders')
        .select(['id', 'order_number', 'status'])
        .where('workspace_id', '=', workspaceId)
        .where('order_number', 'in', part)
        .execute();
      for (const row of rows) existing.set(row.order_number, row);
    }
    const catalogue = new Map<string, { id: string; name: string }>();
    for (const part of chunks([...new Set(orders.flatMap((o) => o.items.map((item) => item.sku)))])) {
      const rows = await trx.selectFrom('products').select(['id', 'sku', 'name']).where('workspace_id', '=', workspaceId).where('sku', 'in', part).execute();
      for (const row of rows) catalogue.set(row.sku, row);
    }
    const counts = { created: 0, updated: 0 };
    let lines = 0;
    for (const order of orders) {
      const customerId = customerIds.get(order.email) as string;
      const values = {
        customer_id: customerId,
        status: order.status,
        currency: order.currency,
        total_minor: order.totalMinor,
        shipping_address: order.shippingAddress ? JSON.stringify(order.shippingAddress) : null,
        carrier: order.carrier,
        tracking_number: order.trackingNumber,
        placed_at: order.placedAt,
        shipped_at: order.shippedAt,
        expected_delivery_at: order.expectedDeliveryAt,
        delivered_at: order.deliveredAt,
        updated_at: now,
      };
      const before = existing.get(order.orderNumber);
      const orderId = before?.id ?? timeOrderedId(now);
      if (before) {
        await trx.updateTable('orders').set(values).where('id', '=', orderId).execute();
        await trx.deleteFrom('order_items').where('order_id', '=', orderId).execute();
        counts.updated += 1;
      } else {
        await trx.insertInto('orders').values({ id: orderId, workspace_id: workspaceId, order_number: order.orderNumber, ...values }).execute();
        counts.created += 1;
      }
      await trx
        .insertInto('order_items')
        .values(
          order.items.map((item, index) => {
            const product = catalogue.get(item.sku);
            return {
              id: timeOrderedId(now),
              order_id: orderId,
              position: index + 1,
              product_id: product?.id ?? null,
              sku: item.sku,
              name: item.name ?? product?.name ?? item.sku,
              quantity: item.quantity,
              unit_price_minor: item.unitPriceMinor,
            };
          }),
        )
        .execute();
      lines += order.items.length;
      // History records what matters to a shopper: the order's arrival and its status changes, not every re-sync.
      if (!before || before.status !== order.status) {
        const detail = before ? { created: false, previousStatus: before.status, status: order.status } : { created: true, status: order.status };
        await trx
          .insertInto('order_events')
          .values({ id: timeOrderedId(now), order_id: orderId, type: 'imported', detail: JSON.stringify(detail), actor, created_at: now })
          .execute();
      }
    }
    return { counts, lines };
  }
}
