/**
 * The risk request of a sensitive chat action, built from what the platform knows at that moment: the order's
 * customer (account age: the earliest of the account's creation, its first order and the age the store gave when the
 * order was scored), the order (value, shipping country and address, the new address for an address change), the
 * conversation's channel and the e-mail on the order. A chat has no device or network of its own: a request about
 * an order carries the device, IP, payment fingerprint and billing country the order was placed with, when the
 * store scored the purchase (`POST /api/risk/score`, action `order`), so an address change on an order bought from
 * a device shared with charged-back accounts is seen as such.
 */
import type { CommerceStore, Order, ShippingAddress } from '../../commerce';
import { currencyExponent } from '../../commerce';
import type { RiskAction, RiskRequest } from '../features/risk-request';
import type { RiskDecisionLog } from '../platform/risk-decision-log';

/** A chat action to score. */
export interface ChatRiskSubject {
  workspaceId: string;
  conversation: { id: string; customer_id: string; channel: string };
  /** The shopper message that asked for the action. */
  messageId: string;
  action: Exclude<RiskAction, 'order'>;
  /** The order it is about, when the chat knows (and may see) it. */
  order?: Order;
  /** An address change's new address. */
  newAddress?: ShippingAddress;
  /** @defaultValue now */
  at?: number;
}

/** The event id of a chat action: one per message and action, so a retried turn is counted once. */
export function chatEventId(messageId: string, action: string): string {
  return `chat:${messageId}:${action}`;
}

/** One line of an address, the way the features hash it. */
function addressLine(address: ShippingAddress): string {
  return [address.name, address.line1, address.line2, address.postcode, address.city, address.region, address.country].filter(Boolean).join(', ');
}

function earliest(...times: Array<number | undefined>): number | undefined {
  const known = times.filter((t): t is number => t !== undefined && Number.isFinite(t));
  return known.length ? Math.min(...known) : undefined;
}

/** Builds the request (see the file comment). */
export async function buildChatRiskRequest(subject: ChatRiskSubject, deps: { commerce: CommerceStore; decisions: RiskDecisionLog }): Promise<RiskRequest> {
  const at = subject.at ?? Date.now();
  const { order } = subject;
  const customerId = order?.customerId ?? subject.conversation.customer_id;
  const [customer, orders, purchase] = await Promise.all([
    deps.commerce.getCustomer(subject.workspaceId, customerId),
    deps.commerce.ordersOfCustomer(subject.workspaceId, customerId, 200),
    order ? deps.decisions.purchaseRequest(subject.workspaceId, order.orderNumber) : Promise.resolve(undefined),
  ]);
  const createdAt = earliest(purchase?.customer.createdAt, customer?.createdAt, ...orders.map((o) => o.placedAt)) ?? at;
  const email = customer?.email ?? purchase?.customer.email;
  const address = subject.newAddress ?? order?.shippingAddress ?? undefined;
  const request: RiskRequest = {
    workspaceId: subject.workspaceId,
    action: subject.action,
    eventId: chatEventId(subject.messageId, subject.action),
    at,
    customer: {
      // The store's own id when it scored the purchase, so its counters and the chat's are one customer's.
      id: purchase?.customer.id ?? customerId,
      createdAt,
      ...(email ? { email } : {}),
      ...(purchase?.customer.sex ? { sex: purchase.customer.sex } : {}),
      ...(purchase?.customer.age !== undefined ? { age: purchase.customer.age } : {}),
    },
    channel: subject.conversation.channel,
    ...(purchase?.device ? { device: purchase.device } : {}),
    ...(purchase?.source ? { source: purchase.source } : {}),
  };
  if (order) {
    request.order = {
      number: order.orderNumber,
      value: order.total.amountMinor / 10 ** currencyExponent(order.total.currency),
      currency: order.total.currency,
      ...(purchase?.order?.paymentFingerprint ? { paymentFingerprint: purchase.order.paymentFingerprint } : {}),
      ...(purchase?.order?.billingCountry ? { billingCountry: purchase.order.billingCountry } : {}),
      ...(address ? { shippingCountry: address.country, shippingAddress: addressLine(address) } : {}),
    };
  }
  return request;
}
