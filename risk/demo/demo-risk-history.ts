/**
 * A generated, labelled history of the demo store's risk decisions, so the demo has a trained risk model and
 * counters with something in them, without a network or a data set: five months of orders by ordinary shoppers
 * (old accounts, their own devices and cards, everyday values, an occasional address change or cancellation) and
 * the work of fraud rings (accounts opened minutes before a large order, a handful of devices and IPs shared among
 * them, throw-away e-mail domains, billing and shipping countries that differ, a quick address change, and later the
 * chargebacks). Seeded, so every start generates the same history relative to "now". The demo store's own orders
 * join it as ordinary purchases, and one extra order is risky on purpose (see {@link RISKY_DEMO_ORDER}).
 */
import { seededRandom } from '../evaluation/seeded-random';
import type { RiskAction, RiskRequest } from '../features/risk-request';
import type { RiskLabelKind } from '../../platform/database';
import type { LoggedRequest } from '../learning/risk-timeline';

/** The demo order that is risky on purpose: new account, high value, a device shared with charged-back accounts. */
export const RISKY_DEMO_ORDER = {
  orderNumber: 'R7K2X9',
  email: 'fast.buyer@mailinator.com',
  customerName: 'Alex Turner',
  /** The fraud ring whose device and IP it was placed from. */
  ring: 2,
  /** Placed this long before the seed. */
  placedAgoMs: 40 * 60_000,
  /** The account was opened this long before the order. */
  accountAgeMs: 6 * 60_000,
  billingCountry: 'US',
} as const;

/** A demo store order as the history needs it. */
export interface DemoStoreOrder {
  orderNumber: string;
  customerId: string;
  email: string | null;
  placedAt: number;
  /** In major units. */
  value: number;
  currency: string;
  shippingCountry: string | null;
  shippingAddress: string | null;
}

/** An outcome of the history. */
export interface DemoLabel {
  kind: RiskLabelKind;
  orderNumber: string;
  customerId: string;
  at: number;
}

/** The generated history. */
export interface DemoRiskHistory {
  /** By time. */
  requests: LoggedRequest[];
  /** By time, all before `now`. */
  labels: DemoLabel[];
}

const DAY = 86_400_000;
const MINUTE = 60_000;
const HISTORY_DAYS = 150;
const COUNTRIES = ['DE', 'ES', 'FR', 'IT', 'GB', 'CN', 'JP', 'KR', 'PL', 'NL'];
const MAIL = ['gmail.com', 'outlook.com', 'yahoo.com', 'web.de', 'qq.com', 'naver.com', 'orange.fr', 'libero.it', 'icloud.com', 'gmx.de'];
const DISPOSABLE = ['mailinator.com', 'yopmail.com', 'guerrillamail.com', '10minutemail.com', 'trashmail.com', 'sharklasers.com'];
const SOURCES = ['SEO', 'Ads', 'Direct'];
const BROWSERS = ['Chrome', 'Safari', 'FireFox', 'Edge'];
const CHANNELS = ['webchat', 'whatsapp'];

/** Account ages (days before the seed) of the demo store's customers, by e-mail. */
const STORE_ACCOUNT_DAYS: Record<string, number> = {
  'li.wei@example.com': 720,
  'anna.schmidt@example.com': 410,
  'maria.garcia@example.com': 900,
  'john.smith@example.com': 330,
  'sofia.rossi@example.com': 520,
  'yuki.tanaka@example.com': 260,
  'pierre.dubois@example.com': 610,
  'kim.minjun@example.com': 380,
};

/** Fraud rings: when they were active (days before the seed) and how many accounts they opened. */
const RINGS: ReadonlyArray<{ from: number; to: number; accounts: number }> = [
  { from: 140, to: 125, accounts: 7 },
  { from: 120, to: 110, accounts: 6 },
  { from: 100, to: 85, accounts: 8 },
  { from: 80, to: 70, accounts: 6 },
  { from: 68, to: 60, accounts: 7 },
  { from: 58, to: 50, accounts: 6 },
  { from: 48, to: 40, accounts: 7 },
  { from: 38, to: 30, accounts: 6 },
  { from: 28, to: 20, accounts: 5 },
  { from: 18, to: 8, accounts: 5 },
];

function ringIp(ring: number, k: number): string {
  return `185.${100 + ring}.${7 * k + 3}.${20 + k}`;
}

/** Generates the history (see the file comment). */
export function generateDemoRiskHistory(workspaceId: string, now: number, storeOrders: readonly DemoStoreOrder[], seed = 20_251_123): DemoRiskHistory {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const between = (low: number, high: number): number => low + random() * (high - low);
  const gauss = (): number => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const money = (median: number, spread: number, low: number, high: number): number => Math.round(Math.min(high, Math.max(low, median * Math.exp(spread * gauss()))) * 100) / 100;
  const requests: LoggedRequest[] = [];
  const labels: DemoLabel[] = [];
  let orderCounter = 0;
  const nextOrder = (): string => `DH${String(++orderCounter).padStart(5, '0')}`;

  const chat = (base: RiskRequest, orderNumber: string, action: RiskAction, at: number, newAddress?: { country: string; line: string }): void => {
    if (at >= now) return;
    const order = base.order ? { ...base.order, ...(newAddress ? { shippingCountry: newAddress.country, shippingAddress: newAddress.line } : {}) } : undefined;
    requests.push({
      orderNumber,
      request: { ...base, action, eventId: `demo:${orderNumber}:${action}`, at, channel: pick(CHANNELS), ...(order ? { order } : {}) },
    });
  };

  // Ordinary shoppers.
  for (let i = 0; i < 360; i++) {
    const createdAt = now - Math.round(between(20, 900) * DAY);
    const country = pick(COUNTRIES);
    const customer = { id: `demo-c${i}`, createdAt, email: `shopper${i}@${pick(MAIL)}`, sex: pick(['M', 'F']), age: Math.floor(between(18, 72)) };
    const devices = [`dev-${i}-a`, ...(random() < 0.15 ? [`dev-${i}-b`] : [])];
    const ip = `${Math.floor(between(2, 180))}.${Math.floor(between(0, 255))}.${Math.floor(between(0, 255))}.${Math.floor(between(1, 254))}`;
    const orders = 1 + Math.floor(random() * 3);
    for (let k = 0; k < orders; k++) {
      const at = Math.round(Math.max(createdAt + DAY, now - HISTORY_DAYS * DAY) + random() * (now - 2 * 3_600_000 - Math.max(createdAt + DAY, now - HISTORY_DAYS * DAY)));
      if (at <= createdAt || at >= now) continue;
      const orderNumber = nextOrder();
      const request: RiskRequest = {
        workspaceId,
        action: 'order',
        eventId: `demo:${orderNumber}:order`,
        at,
        customer,
        order: {
          number: orderNumber,
          value: money(65, 0.6, 9, 700),
          currency: 'EUR',
          paymentFingerprint: `card-${i}${random() < 0.1 ? '-b' : ''}`,
          billingCountry: random() < 0.95 ? country : pick(COUNTRIES),
          shippingCountry: country,
          shippingAddress: `${i} Demo Street, ${country}`,
        },
        device: { id: pick(devices), ip, browser: pick(BROWSERS) },
        channel: 'web',
        source: pick(SOURCES),
      };
      requests.push({ orderNumber, request });
      const roll = random();
      if (roll < 0.06) chat(request, orderNumber, 'change_address', at + Math.round(between(1, 72) * 3_600_000), { country, line: `${i} New Road, ${country}` });
      else if (roll < 0.09) chat(request, orderNumber, 'order_cancel', at + Math.round(between(1, 48) * 3_600_000));
      else if (roll < 0.12) chat(request, orderNumber, 'package_not_received', at + Math.round(between(7, 14) * DAY));
      else if (roll < 0.15) chat(request, orderNumber, 'refund_request', at + Math.round(between(5, 20) * DAY));
      else if (roll < 0.16) chat(request, orderNumber, 'payment_change', at + Math.round(between(1, 24) * 3_600_000));
      // Agents confirm some recent orders as fine (older ones count as legitimate once past the chargeback horizon).
      if (now - at < 60 * DAY && random() < 0.25) labels.push({ kind: 'agent_legit', orderNumber, customerId: customer.id, at: Math.min(now - MINUTE, at + Math.round(between(1, 10) * DAY)) });
    }
  }

  // Fraud rings, and a few lone fraudsters (ring -1).
  const fraudAccounts: Array<{ ring: number; index: number }> = [];
  RINGS.forEach((ring, r) => {
    for (let a = 0; a < ring.accounts; a++) fraudAccounts.push({ ring: r, index: a });
  });
  for (let a = 0; a < 25; a++) fraudAccounts.push({ ring: -1, index: a });
  fraudAccounts.forEach(({ ring, index }, n) => {
    const window = ring >= 0 ? RINGS[ring]! : { from: 145, to: 15 };
    const createdAt = now - Math.round(between(window.to, window.from) * DAY);
    const quick = random() < 0.8;
    const at = createdAt + Math.round(quick ? between(0, 8) * MINUTE : between(10, 180) * MINUTE);
    const shipping = pick(COUNTRIES);
    const customer = {
      id: `demo-f${n}`,
      createdAt,
      email: `${ring >= 0 ? 'r' : 'x'}${n}.${index}@${random() < 0.65 ? pick(DISPOSABLE) : pick(MAIL)}`,
      sex: pick(['M', 'F']),
      age: Math.floor(between(18, 45)),
    };
    const shared = ring >= 0;
    const orderNumber = nextOrder();
    const request: RiskRequest = {
      workspaceId,
      action: 'order',
      eventId: `demo:${orderNumber}:order`,
      at,
      customer,
      order: {
        number: orderNumber,
        value: money(260, 0.5, 60, 1500),
        currency: 'EUR',
        paymentFingerprint: shared && random() < 0.2 ? `ring-card-${ring}` : `stolen-${n}`,
        billingCountry: random() < 0.6 ? pick(['US', 'BR', 'NG', 'RU', 'VN']) : shipping,
        shippingCountry: shipping,
        shippingAddress: shared && random() < 0.4 ? `Drop ${ring} Parcel Point, ${shipping}` : `${n} Any Street, ${shipping}`,
      },
      device: {
        id: shared && random() < 0.8 ? `ring-${ring}-${random() < 0.6 ? 'a' : 'b'}` : `fdev-${n}`,
        ip: shared && random() < 0.7 ? ringIp(ring, Math.floor(random() * 2)) : `${Math.floor(between(2, 180))}.${Math.floor(between(0, 255))}.1.${n % 250}`,
        browser: pick(BROWSERS),
      },
      channel: 'web',
      source: pick(SOURCES),
    };
    requests.push({ orderNumber, request });
    if (random() < 0.5) chat(request, orderNumber, 'change_address', at + Math.round(between(15, 240) * MINUTE), { country: pick(COUNTRIES), line: `Drop ${n} Locker, ${pick(COUNTRIES)}` });
    if (random() < 0.2) chat(request, orderNumber, random() < 0.5 ? 'refund_request' : 'package_not_received', at + Math.round(between(5, 12) * DAY));
    // Ring 2's device is the one the risky demo order uses: its chargebacks are certain.
    const chargeback = at + Math.round(between(12, 40) * DAY);
    if ((ring === 2 || random() < 0.9) && chargeback < now) labels.push({ kind: 'chargeback', orderNumber, customerId: customer.id, at: chargeback });
    else if (random() < 0.5) labels.push({ kind: 'agent_fraud', orderNumber, customerId: customer.id, at: Math.min(now - MINUTE, at + Math.round(between(1, 3) * DAY)) });
  });

  // The demo store's own orders: ordinary purchases by long-standing customers; the risky one is not.
  for (const order of storeOrders) {
    const risky = order.orderNumber === RISKY_DEMO_ORDER.orderNumber;
    const local = (order.email ?? order.customerId).split('@')[0]!.replace(/[^a-z0-9]/gi, '');
    const accountDays = STORE_ACCOUNT_DAYS[order.email ?? ''] ?? 200;
    requests.push({
      orderNumber: order.orderNumber,
      request: {
        workspaceId,
        action: 'order',
        eventId: `demo:${order.orderNumber}:order`,
        at: order.placedAt,
        customer: {
          id: order.customerId,
          createdAt: risky ? order.placedAt - RISKY_DEMO_ORDER.accountAgeMs : now - accountDays * DAY,
          ...(order.email ? { email: order.email } : {}),
        },
        order: {
          number: order.orderNumber,
          value: order.value,
          currency: order.currency,
          paymentFingerprint: risky ? 'card-prepaid-7731' : `card-${local}`,
          ...(order.shippingCountry ? { billingCountry: risky ? RISKY_DEMO_ORDER.billingCountry : order.shippingCountry, shippingCountry: order.shippingCountry } : {}),
          ...(order.shippingAddress ? { shippingAddress: order.shippingAddress } : {}),
        },
        device: risky ? { id: `ring-${RISKY_DEMO_ORDER.ring}-a`, ip: ringIp(RISKY_DEMO_ORDER.ring, 0), browser: 'Chrome' } : { id: `dev-${local}`, ip: `81.20.${local.length}.${(local.charCodeAt(0) % 200) + 10}`, browser: 'Safari' },
        channel: 'web',
        source: risky ? 'Ads' : 'Direct',
      },
    });
  }

  requests.sort((a, b) => a.request.at - b.request.at);
  labels.sort((a, b) => a.at - b.at);
  return { requests, labels };
}
