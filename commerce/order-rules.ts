/**
 * The store's rules for changes a shopper may ask for, as pure functions: an order can be cancelled, or sent to
 * another address, only while it has not left the warehouse (pending, paid, processing). Anything later is refused
 * with the reason, so the bot can say why and offer the next step (a return, a carrier redirect, a person).
 */
import type { OrderStatus } from './commerce-types';

/** A change of an order a shopper (through the bot) or an admin can ask for. */
export type OrderChange = 'cancel' | 'change_address';

/** Why a change is refused, derived from the order's status. */
export type RefusalReason = 'already_shipped' | 'already_delivered' | 'already_cancelled' | 'already_returned';

/** A refused change: what was asked, the order's current status and why it is too late. */
export interface OrderRefusal {
  change: OrderChange;
  status: OrderStatus;
  reason: RefusalReason;
}

/** The answer of the rules: allowed, or a typed refusal. */
export type RuleDecision = { allowed: true } | { allowed: false; refusal: OrderRefusal };

/** Statuses in which an order has not left the warehouse yet. */
const BEFORE_SHIPPING: ReadonlySet<OrderStatus> = new Set<OrderStatus>(['pending', 'paid', 'processing']);

/** The statuses in which `change` is allowed. Both changes need the parcel to still be in the warehouse. */
export function allowedStatuses(change: OrderChange): OrderStatus[] {
  // One list today; kept per change so a store rule such as "address changes only until paid" is a one-line edit.
  switch (change) {
    case 'cancel':
    case 'change_address':
      return [...BEFORE_SHIPPING];
  }
}

function refusalReason(status: OrderStatus): RefusalReason {
  switch (status) {
    case 'delivered':
      return 'already_delivered';
    case 'cancelled':
      return 'already_cancelled';
    case 'returned':
      return 'already_returned';
    default:
      return 'already_shipped';
  }
}

/**
 * Decides whether `change` is allowed for an order in `status`.
 * @example
 * decide('cancel', 'paid'); // { allowed: true }
 * decide('cancel', 'in_transit'); // { allowed: false, refusal: { change: 'cancel', status: 'in_transit', reason: 'already_shipped' } }
 */
export function decide(change: OrderChange, status: OrderStatus): RuleDecision {
  if (allowedStatuses(change).includes(status)) return { allowed: true };
  return { allowed: false, refusal: { change, status, reason: refusalReason(status) } };
}

/** True when an order in `status` can still be cancelled. */
export function canCancel(status: OrderStatus): boolean {
  return decide('cancel', status).allowed;
}

/** True when an order in `status` can still be sent to another address. */
export function canChangeAddress(status: OrderStatus): boolean {
  return decide('change_address', status).allowed;
}
