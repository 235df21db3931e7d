/**
 * What the risk scorer is asked about: an order being placed, or a sensitive request about one (address change,
 * cancellation, refund, "not received" claim, payment change), with what the platform knows about the shopper,
 * the device and the payment at that moment. Everything but the workspace, the action, the event id, the time and
 * the customer is optional: a missing field is scored as missing, never guessed.
 */

/** The actions the scorer knows. `order` is a purchase; the others are requests made in chat about an order. */
export const RISK_ACTIONS = ['order', 'change_address', 'order_cancel', 'refund_request', 'package_not_received', 'payment_change'] as const;

/** One of {@link RISK_ACTIONS}. */
export type RiskAction = (typeof RISK_ACTIONS)[number];

/** The shopper's account. */
export interface RiskCustomer {
  /** The workspace's customer id. */
  id: string;
  /** When the account was created (ms since epoch). */
  createdAt: number;
  /** E-mail on the account or the order (its domain is checked against disposable-mail lists). */
  email?: string;
  /** As the store records it (`M`, `F`, ...); any value is accepted, unknown ones get their own bucket. */
  sex?: string;
  /** Age in years. */
  age?: number;
}

/** The order the action is about. */
export interface RiskOrder {
  /** The store's order number (not a feature: it names the subject in the audit log). */
  number?: string;
  /** Order value in the store's currency. */
  value: number;
  /** ISO 4217 code, informative. */
  currency?: string;
  /** A fingerprint of the payment instrument (e.g. the PSP's card fingerprint), never the card number. */
  paymentFingerprint?: string;
  /** Billing and shipping countries: ISO 3166 alpha-2 codes or English names (compared after normalising). */
  billingCountry?: string;
  shippingCountry?: string;
  /** The shipping address as one string; only its normalised hash is kept. */
  shippingAddress?: string;
}

/** The device and network the action came from. */
export interface RiskDevice {
  /** A device fingerprint or cookie id. */
  id?: string;
  /** IPv4 dotted quad or its 32-bit integer (IPv6 is counted but has no country). */
  ip?: string;
  /** Browser family (Chrome, Safari, ...). */
  browser?: string;
}

/** One scoring request. */
export interface RiskRequest {
  workspaceId: string;
  action: RiskAction;
  /** Id of the order or request: scoring the same id twice never counts it twice. */
  eventId: string;
  /** When the action happens (ms since epoch). */
  at: number;
  customer: RiskCustomer;
  order?: RiskOrder;
  device?: RiskDevice;
  /** Channel the action came through (`webchat`, `whatsapp`, `web`, ...). */
  channel?: string;
  /** Acquisition source of the shopper (`SEO`, `Ads`, `Direct`, ...). */
  source?: string;
}
