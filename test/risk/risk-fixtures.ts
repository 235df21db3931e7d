/** Generated risk data with a planted signal, so tests can tell a working model from a broken one. */
import type { RiskRequest } from '../../risk';
import { seededRandom } from '../../risk/evaluation/seeded-random';

/** A request with sensible defaults (an order of 40 by a month-old account). */
export function orderRequest(overrides: Partial<RiskRequest> & { at?: number } = {}): RiskRequest {
  const at = overrides.at ?? Date.UTC(2025, 0, 15, 12, 0);
  return {
    workspaceId: 'ws-test',
    action: 'order',
    eventId: `e-${Math.random().toString(36).slice(2)}`,
    at,
    customer: { id: 'c-1', createdAt: at - 30 * 86_400_000, email: 'ana@example.com', sex: 'F', age: 34 },
    order: { value: 40, billingCountry: 'DE', shippingCountry: 'DE' },
    device: { id: 'dev-1', ip: '192.0.2.10', browser: 'Chrome' },
    channel: 'webchat',
    source: 'SEO',
    ...overrides,
  };
}

/** One purchase of the generated shop: `fraud` ones buy minutes after sign-up, often from a shared device. */
export interface GeneratedPurchase {
  userId: string;
  signup: number;
  purchase: number;
  value: number;
  device: string;
  ip: number;
  source: string;
  browser: string;
  sex: string;
  age: number;
  fraud: 0 | 1;
}

/** `count` purchases over 60 days, about 30% fraud: quick purchases from a few shared devices and IPs. */
export function generatePurchases(count: number, seed = 1): GeneratedPurchase[] {
  const random = seededRandom(seed);
  const start = Date.UTC(2015, 0, 1);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  return Array.from({ length: count }, (_, i) => {
    const fraud = random() < 0.3 ? 1 : 0;
    const signup = start + Math.floor(random() * 60 * 86_400_000 / 60_000) * 60_000;
    const delay = fraud ? (random() < 0.8 ? 0 : 60_000 * Math.floor(random() * 30)) : 60_000 * Math.floor(60 + random() * 40 * 1440);
    const ring = Math.floor(random() * 8);
    return {
      userId: String(1000 + i),
      signup,
      purchase: signup + delay,
      value: Math.round(10 + random() * 90),
      device: fraud && random() < 0.7 ? `RINGDEVICE${ring}` : `DEV${i}`,
      ip: fraud && random() < 0.7 ? 3_000_000_000 + ring : 100_000_000 + i * 7919,
      source: pick(['SEO', 'Ads', 'Direct']),
      browser: pick(['Chrome', 'Safari', 'FireFox', 'IE', 'Opera']),
      sex: pick(['M', 'F']),
      age: 18 + Math.floor(random() * 50),
      fraud,
    };
  });
}

function usTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} ${d.getUTCHours()}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
}

/** The purchases as a CSV file shaped like the e-commerce fraud data set. */
export function fraudCsv(purchases: readonly GeneratedPurchase[]): string {
  const header = 'user_id,signup_time,purchase_time,purchase_value,device_id,source,browser,sex,age,ip_address,class';
  const lines = purchases.map((p) =>
    [p.userId, usTime(p.signup), usTime(p.purchase), p.value, p.device, p.source, p.browser, p.sex, p.age, `${p.ip}.5`, p.fraud].join(','),
  );
  return `${header}\n${lines.join('\n')}\n`;
}
