/**
 * The history a recommendation is scored from: the shopper's stored events (a customer's from every device and
 * channel, an anonymous visitor's, or both when a visitor is not linked yet) merged by time, then the products of
 * the current session or conversation, each product once at its latest interaction, the most recent last. The
 * products bought are read on their own, further back than the recent history, so "not already bought" holds for
 * older purchases too.
 */
import type { EventStore, EventSubject, StoredEvent } from '../events';
import type { RecommendationSubject } from './serving-types';

/** Products a history keeps (the models weigh the last few most; more only costs time). */
export const HISTORY_LENGTH = 50;
/** Stored events read per subject (several events often name one product: view, cart, purchase). */
const EVENTS_READ = 200;
/** Purchases read per subject. */
const PURCHASES_READ = 500;

/** What serving knows of a shopper. */
export interface ShopperHistory {
  /** Product ids, oldest first, each once, at most {@link HISTORY_LENGTH}. */
  products: string[];
  /** Product ids the shopper bought. */
  purchased: Set<string>;
}

/** The stored subjects of a request (a customer, a visitor, or both). */
function subjects(subject: RecommendationSubject | undefined): EventSubject[] {
  const out: EventSubject[] = [];
  if (subject?.customerId) out.push({ customerId: subject.customerId });
  if (subject?.visitorId) out.push({ visitorId: subject.visitorId });
  return out;
}

/** Reads and merges the shopper's history (see the file comment). */
export async function loadShopperHistory(events: EventStore, workspaceId: string, subject: RecommendationSubject | undefined): Promise<ShopperHistory> {
  const stored = subjects(subject);
  const [recent, purchases] = await Promise.all([
    Promise.all(stored.map((s) => events.history(workspaceId, s, { limit: EVENTS_READ }))),
    Promise.all(stored.map((s) => events.history(workspaceId, s, { limit: PURCHASES_READ, types: ['purchase'] }))),
  ]);
  const latest = new Map<string, number>();
  const note = (event: StoredEvent): void => {
    if (event.productId && (latest.get(event.productId) ?? Number.NEGATIVE_INFINITY) < event.at) latest.set(event.productId, event.at);
  };
  for (const list of recent) list.forEach(note);
  const ordered = [...latest.entries()].sort((a, b) => a[1] - b[1]).map(([id]) => id);
  const session = subject?.sessionProductIds ?? [];
  const sessionSet = new Set(session);
  const products = ordered.filter((id) => !sessionSet.has(id));
  // The session comes after the stored events (it is what the shopper is doing now); a repeat keeps its last place.
  const seen = new Set<string>();
  const sessionOnce: string[] = [];
  for (let k = session.length - 1; k >= 0; k--) {
    const id = session[k]!;
    if (!seen.has(id)) {
      seen.add(id);
      sessionOnce.unshift(id);
    }
  }
  products.push(...sessionOnce);
  const purchased = new Set<string>();
  for (const list of purchases) for (const event of list) if (event.productId) purchased.add(event.productId);
  return { products: products.slice(-HISTORY_LENGTH), purchased };
}
