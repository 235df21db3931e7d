/**
 * Admin REST API for the store's commerce data: import products and orders (admins), look up an order and search
 * the catalogue (admins and agents). Everything is scoped to the token's workspace.
 */
import { Router } from 'express';
import { z } from 'zod';
import { principalOf, requireToken, type ApiTokenStore } from '../platform/auth';
import { asyncHandler, HttpError, parseOrThrow } from '../platform/http/errors';
import { CatalogImportError } from './commerce-errors';
import type { CatalogImporter } from './catalog-import';
import type { CommerceStore } from './commerce-store';
import type { Customer, Money, Order, OrderEvent, Product } from './commerce-types';
import { normalizeOrderNumber } from './order-numbers';
import type { ApiCatalogue } from '../platform/http/openapi';

/** What the routes need. */
export interface CommerceRoutesDeps {
  store: CommerceStore;
  importer: CatalogImporter;
  tokens: ApiTokenStore;
}

const importBody = z
  .object({
    format: z.enum(['json', 'csv-products', 'csv-orders']),
    data: z.union([z.string().min(1, 'must not be empty'), z.record(z.string(), z.unknown())], {
      error: 'must be the CSV or JSON text, or (for json) the document object',
    }),
  })
  .strict()
  .refine((body) => body.format === 'json' || typeof body.data === 'string', {
    path: ['data'],
    message: 'must be the CSV text (a string) for csv-products and csv-orders',
  });
const orderParam = z.object({
  orderNumber: z
    .string()
    .refine((value) => normalizeOrderNumber(value) !== undefined, 'must be an order number: 1 to 64 letters, digits, "-" or "_", optionally after "#"'),
});
const productsQuery = z.object({
  query: z.string().max(200).optional(),
  category: z.string().max(100).optional(),
  inStock: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const money = (value: Money) => ({ amountMinor: value.amountMinor, currency: value.currency });

function orderJson(order: Order, customer: Customer | undefined, events: OrderEvent[]) {
  return {
    orderNumber: order.orderNumber,
    status: order.status,
    total: money(order.total),
    customer: customer ? { id: customer.id, email: customer.email, displayName: customer.displayName } : null,
    shippingAddress: order.shippingAddress,
    carrier: order.carrier,
    trackingNumber: order.trackingNumber,
    trackingUrl: order.trackingUrl,
    placedAt: iso(order.placedAt),
    shippedAt: iso(order.shippedAt),
    expectedDeliveryAt: iso(order.expectedDeliveryAt),
    deliveredAt: iso(order.deliveredAt),
    updatedAt: iso(order.updatedAt),
    items: order.items.map((item) => ({ sku: item.sku, name: item.name, quantity: item.quantity, unitPrice: money(item.unitPrice), productId: item.productId })),
    events: events.map((event) => ({ type: event.type, actor: event.actor, detail: event.detail, createdAt: iso(event.createdAt) })),
  };
}

function productJson(product: Product) {
  return {
    id: product.id,
    sku: product.sku,
    name: product.name,
    description: product.description,
    category: product.category,
    price: money(product.price),
    stock: product.stock,
    inStock: product.inStock,
    attributes: product.attributes,
    url: product.url,
    imageUrl: product.imageUrl,
    brand: product.brand,
    active: product.active,
    updatedAt: iso(product.updatedAt),
  };
}

/** Mounts `/api/commerce/...`. The JSON body limit of the app applies to imports: large catalogues go in parts. */
export function commerceRoutes(deps: CommerceRoutesDeps): Router {
  const router = Router();
  const adminOnly = requireToken(deps.tokens, ['admin']);
  const anyRole = requireToken(deps.tokens, ['admin', 'agent']);

  router.post(
    '/api/commerce/import',
    adminOnly,
    asyncHandler(async (req, res) => {
      const body = parseOrThrow(importBody, req.body, 'body');
      try {
        const counts = await deps.importer.import(principalOf(res).workspaceId, body.format, body.data, { actor: 'admin' });
        res.json({ imported: counts });
      } catch (error) {
        if (!(error instanceof CatalogImportError)) throw error;
        res.status(400).json({ error: { code: 'invalid_import', message: error.message, issueCount: error.issueCount, issues: error.issues } });
      }
    }),
  );

  router.get(
    '/api/commerce/orders/:orderNumber',
    anyRole,
    asyncHandler(async (req, res) => {
      const { orderNumber } = parseOrThrow(orderParam, req.params, 'path');
      const workspaceId = principalOf(res).workspaceId;
      const order = await deps.store.findOrder(workspaceId, orderNumber);
      if (!order) throw new HttpError(404, 'not_found', `No order ${normalizeOrderNumber(orderNumber)} in this workspace.`);
      const [customer, events] = await Promise.all([
        deps.store.getCustomer(workspaceId, order.customerId),
        deps.store.orderEvents(workspaceId, order.orderNumber),
      ]);
      res.json({ order: orderJson(order, customer, events) });
    }),
  );

  router.get(
    '/api/commerce/products',
    anyRole,
    asyncHandler(async (req, res) => {
      const query = parseOrThrow(productsQuery, req.query, 'query');
      const products = await deps.store.listProducts(principalOf(res).workspaceId, {
        query: query.query,
        category: query.category,
        inStockOnly: query.inStock === 'true',
        limit: query.limit,
        offset: query.offset,
      });
      res.json({
        products: products.map(productJson),
        nextOffset: products.length === query.limit ? query.offset + query.limit : null,
      });
    }),
  );
  return router;
}

/** Documents the routes above in the OpenAPI document. */
export function describeCommerceRoutes(api: ApiCatalogue): void {
  const tag = 'commerce';
  api
    .describe({ method: 'post', path: '/api/commerce/import', tag, roles: ['admin'], body: importBody, summary: 'Imports products, customers and orders (JSON or CSV); all or nothing.', responses: { 200: { description: 'Counts of what was imported.' } } })
    .describe({ method: 'get', path: '/api/commerce/orders/:orderNumber', tag, roles: ['admin', 'agent'], params: orderParam, summary: 'One order with its customer and events.', responses: { 200: { description: 'The order.' }, 404: { description: 'No such order.' } } })
    .describe({ method: 'get', path: '/api/commerce/products', tag, roles: ['admin', 'agent'], query: productsQuery, summary: 'Products of the catalogue.', responses: { 200: { description: 'A page of products.' } } });
}
