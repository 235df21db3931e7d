/**
 * The commerce domain as the rest of the platform sees it: plain objects with money in minor units and times in
 * epoch milliseconds. Rows never leave this module.
 */
import type { OrderStatus } from '../platform/database';

export type { OrderStatus } from '../platform/database';

/** Every order status, in the order an order normally goes through them (the two exits last). */
export const ORDER_STATUSES: readonly OrderStatus[] = [
  'pending',
  'paid',
  'processing',
  'shipped',
  'in_transit',
  'out_for_delivery',
  'delivered',
  'cancelled',
  'returned',
];

/**
 * An amount of money: an integer number of the currency's minor units (cents for EUR, yen for JPY).
 * @example { amountMinor: 4999, currency: 'EUR' } // 49.99 €
 */
export interface Money {
  amountMinor: number;
  /** ISO 4217, upper case. */
  currency: string;
}

/** One value of a product attribute: `"cotton"`, `42`, `true` or a list such as sizes `["S", "M", "L"]`. */
export type AttributeValue = string | number | boolean | string[];
/** What varies between products: sizes, colours, material, ... */
export type ProductAttributes = Record<string, AttributeValue>;

/** A product of the catalogue. */
export interface Product {
  id: string;
  workspaceId: string;
  sku: string;
  name: string;
  description: string | null;
  category: string | null;
  price: Money;
  stock: number;
  /** `stock > 0`. */
  inStock: boolean;
  attributes: ProductAttributes;
  url: string | null;
  imageUrl: string | null;
  /** The brand, when the store gives one. */
  brand: string | null;
  /** Language of `name` and `description`; null: the workspace's default language. */
  language: string | null;
  /** False once withdrawn from sale (kept for order history). */
  active: boolean;
  createdAt: number;
  updatedAt: number;
}

/** Where an order goes. */
export interface ShippingAddress {
  name: string;
  line1: string;
  line2?: string;
  postcode?: string;
  city: string;
  region?: string;
  /** ISO 3166-1 alpha-2, upper case. */
  country: string;
  phone?: string;
}

/** One line of an order. */
export interface OrderItem {
  id: string;
  /** The catalogue product, while it exists. */
  productId: string | null;
  sku: string;
  name: string;
  quantity: number;
  unitPrice: Money;
}

/** An order with its lines. */
export interface Order {
  id: string;
  workspaceId: string;
  customerId: string;
  /** Upper case, without `#`. */
  orderNumber: string;
  status: OrderStatus;
  total: Money;
  shippingAddress: ShippingAddress | null;
  carrier: string | null;
  trackingNumber: string | null;
  /** The carrier's tracking page for this parcel, when the carrier is known (see tracking-links.ts). */
  trackingUrl: string | null;
  placedAt: number;
  shippedAt: number | null;
  expectedDeliveryAt: number | null;
  deliveredAt: number | null;
  updatedAt: number;
  items: OrderItem[];
}

/** A customer of the store, as far as commerce knows them. */
export interface Customer {
  id: string;
  workspaceId: string;
  email: string | null;
  displayName: string | null;
  phone: string | null;
  createdAt: number;
}

/** One entry of an order's history. */
export interface OrderEvent {
  id: string;
  orderId: string;
  /** `imported`, `cancelled`, `address_changed`, ... */
  type: string;
  detail: Record<string, unknown> | null;
  /** `bot:<conversation id>`, `admin`, `import`, `demo`. */
  actor: string;
  createdAt: number;
}
