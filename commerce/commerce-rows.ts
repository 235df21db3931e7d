/** Row -> domain object mapping: the one place that knows column names and JSON columns. */
import type { Selectable } from 'kysely';
import type {
  CustomersTable,
  OrderEventsTable,
  OrderItemsTable,
  OrdersTable,
  ProductsTable,
} from '../platform/database';
import type { Customer, Order, OrderEvent, OrderItem, Product, ProductAttributes, ShippingAddress } from './commerce-types';
import { trackingUrl } from './tracking-links';

/** Parses a JSON object column; anything else (a hand-edited row) reads as `fallback` rather than breaking a reply. */
function jsonObject<T>(text: string | null, fallback: T): T {
  if (!text) return fallback;
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as T) : fallback;
  } catch {
    return fallback;
  }
}

/** A product row as a {@link Product}. */
export function productFromRow(row: Selectable<ProductsTable>): Product {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    sku: row.sku,
    name: row.name,
    description: row.description,
    category: row.category,
    price: { amountMinor: row.price_minor, currency: row.currency.trim() },
    stock: row.stock,
    inStock: row.stock > 0,
    attributes: jsonObject<ProductAttributes>(row.attributes, {}),
    url: row.url,
    imageUrl: row.image_url,
    brand: row.brand,
    language: row.language,
    active: row.active !== 0,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** An order line row as an {@link OrderItem}; `currency` is the order's. */
export function orderItemFromRow(row: Selectable<OrderItemsTable>, currency: string): OrderItem {
  return {
    id: row.id,
    productId: row.product_id,
    sku: row.sku,
    name: row.name,
    quantity: row.quantity,
    unitPrice: { amountMinor: row.unit_price_minor, currency },
  };
}

/** An order row and its line rows as an {@link Order}. */
export function orderFromRow(row: Selectable<OrdersTable>, items: Selectable<OrderItemsTable>[]): Order {
  const currency = row.currency.trim();
  const shippingAddress = jsonObject<ShippingAddress | null>(row.shipping_address, null);
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    customerId: row.customer_id,
    orderNumber: row.order_number,
    status: row.status,
    total: { amountMinor: row.total_minor, currency },
    shippingAddress,
    carrier: row.carrier,
    trackingNumber: row.tracking_number,
    trackingUrl: trackingUrl(row.carrier, row.tracking_number, shippingAddress ?? {}) ?? null,
    placedAt: row.placed_at,
    shippedAt: row.shipped_at,
    expectedDeliveryAt: row.expected_delivery_at,
    deliveredAt: row.delivered_at,
    updatedAt: row.updated_at,
    items: items.map((item) => orderItemFromRow(item, currency)),
  };
}

/** A customer row as a {@link Customer}. */
export function customerFromRow(row: Selectable<CustomersTable>): Customer {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    email: row.email,
    displayName: row.display_name,
    phone: row.phone,
    createdAt: row.created_at,
  };
}

/** An order event row as an {@link OrderEvent}. */
export function orderEventFromRow(row: Selectable<OrderEventsTable>): OrderEvent {
  return {
    id: row.id,
    orderId: row.order_id,
    type: row.type,
    detail: jsonObject<Record<string, unknown> | null>(row.detail, null),
    actor: row.actor,
    createdAt: row.created_at,
  };
}
