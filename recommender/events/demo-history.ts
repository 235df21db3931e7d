/**
 * The demo store's interaction history, generated from shopper types (demo-personas.ts) with a seeded random
 * generator, so a model trained on it has real signal (shoes with socks, tents before stoves) and every start of the
 * demo gives the same history. Shoppers respect the catalogue: they may look at anything, but put in the cart only
 * products in stock and buy only what ships to their country. The demo store's customers get histories of their
 * own (Maria runs, Anna hikes...), so recommendations in the demo chat follow who is asking.
 */
import type { Kysely } from 'kysely';
import { timeOrderedId, type Database } from '../../platform/database';
import { DEMO_CUSTOMER_PERSONAS, PERSONAS, VISITOR_COUNTRIES, type Mission, type Persona } from './demo-personas';
import type { InteractionEventType } from './event-types';
import { writeEventsIn, type PendingEvent } from './event-writer';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** What the generator knows of a product. */
export interface DemoProductInfo {
  sku: string;
  inStock: boolean;
  /** Null: ships everywhere. */
  shipsTo: readonly string[] | null;
}

/** A shopper of the generated history: an anonymous visitor or one of the demo store's customers (by e-mail). */
export type DemoShopper = { visitorId: string } | { email: string };

/** One generated event. */
export interface DemoEvent {
  shopper: DemoShopper;
  type: InteractionEventType;
  sku: string;
  at: number;
  country: string;
  sessionId: string;
}

/** Options of the generator. */
export interface DemoHistoryOptions {
  /** The seed time; events fall in the 28 days before it. @defaultValue Date.now() */
  now?: number;
  /** Seed of the random generator. @defaultValue 20240601 */
  seed?: number;
  /** Anonymous visitors. @defaultValue 400 */
  visitors?: number;
}

/** mulberry32: a small, fast, seeded generator (uniform in [0, 1)). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function weighted<T>(random: () => number, items: ReadonlyArray<readonly [T, number]>): T {
  const total = items.reduce((sum, [, weight]) => sum + weight, 0);
  let pick = random() * total;
  for (const [item, weight] of items) {
    pick -= weight;
    if (pick < 0) return item;
  }
  return (items[items.length - 1] as readonly [T, number])[0];
}

/**
 * Generates the history (pure: no database). Deterministic for a given catalogue, seed and time.
 * @param catalogue the products of the demo workspace; missions' skus it does not have are skipped.
 */
export function generateDemoHistory(catalogue: readonly DemoProductInfo[], options: DemoHistoryOptions = {}): DemoEvent[] {
  const now = options.now ?? Date.now();
  const random = seededRandom(options.seed ?? 20240601);
  const products = new Map(catalogue.map((p) => [p.sku, p]));
  const allSkus = catalogue.map((p) => p.sku);
  const events: DemoEvent[] = [];
  const shoppers: Array<{ shopper: DemoShopper; persona: Persona; country: string }> = [];
  for (const [email, known] of Object.entries(DEMO_CUSTOMER_PERSONAS)) {
    const persona = PERSONAS.find((p) => p.name === known.persona);
    if (persona) shoppers.push({ shopper: { email }, persona, country: known.country });
  }
  for (let v = 0; v < (options.visitors ?? 400); v++) {
    const persona = weighted(random, PERSONAS.map((p) => [p, p.weight] as const));
    shoppers.push({ shopper: { visitorId: `demo-visitor-${v + 1}` }, persona, country: weighted(random, VISITOR_COUNTRIES) });
  }
  let sessionNumber = 0;
  for (const { shopper, persona, country } of shoppers) {
    const sessions = 1 + Math.floor(random() * 4);
    let at = now - 28 * DAY + Math.floor(random() * 20 * DAY);
    let mission = random() < 0.6 ? 0 : Math.floor(random() * persona.missions.length);
    for (let s = 0; s < sessions && at < now - 10 * MINUTE; s++) {
      const sessionId = `demo-session-${++sessionNumber}`;
      const emit = (type: InteractionEventType, sku: string) => {
        at = Math.min(at + 30_000 + Math.floor(random() * 4 * MINUTE), now - MINUTE);
        events.push({ shopper, type, sku, at, country, sessionId });
      };
      shopMission(persona.missions[mission] as Mission, products, country, random, emit);
      // Now and then a look at something else in the shop.
      if (random() < 0.15 && allSkus.length) emit('view', allSkus[Math.floor(random() * allSkus.length)] as string);
      mission = random() < 0.6 ? (mission + 1) % persona.missions.length : Math.floor(random() * persona.missions.length);
      at += DAY + Math.floor(random() * 4 * DAY);
    }
  }
  return events.sort((a, b) => a.at - b.at);
}

/** A shuffled copy (Fisher-Yates). */
function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** One visit: compare the first step's alternatives and buy one, then go on through the mission, less and less. */
function shopMission(
  mission: Mission,
  products: ReadonlyMap<string, DemoProductInfo>,
  country: string,
  random: () => number,
  emit: (type: InteractionEventType, sku: string) => void,
): void {
  let interest = 1;
  mission.forEach((step, index) => {
    const offered = step.filter((sku) => products.has(sku));
    if (!offered.length || (index > 0 && random() > interest)) return;
    const compared = shuffle(offered, random).slice(0, 1 + Math.floor(random() * Math.min(3, offered.length)));
    for (const sku of compared) emit('view', sku);
    const chosen = compared[compared.length - 1] as string;
    const product = products.get(chosen) as DemoProductInfo;
    const buyable = product.inStock && (product.shipsTo === null || product.shipsTo.includes(country));
    if (buyable && random() < (index === 0 ? 0.65 : 0.55)) {
      emit('add_to_cart', chosen);
      if (random() < 0.75) emit('purchase', chosen);
    }
    interest *= 0.75;
  });
}

/** What {@link seedDemoHistory} did. */
export type DemoHistoryResult = { seeded: true; events: number } | { seeded: false };

/**
 * Writes the generated history into the demo workspace once: nothing happens when it has events already (a store's
 * own, or an earlier seed); of several processes starting at once exactly one writes it. Run it after the demo
 * store's catalogue is seeded (commerce seedDemoStore).
 * @example
 * if (config.commerce.seedDemo) await seedDemoHistory(db, workspace.id);
 */
export async function seedDemoHistory(db: Kysely<Database>, workspaceId: string, options: DemoHistoryOptions = {}): Promise<DemoHistoryResult> {
  const hasEvents = async (executor: Pick<Kysely<Database>, 'selectFrom'>) =>
    (await executor.selectFrom('interaction_events').select('id').where('workspace_id', '=', workspaceId).limit(1).executeTakeFirst()) !== undefined;
  if (await hasEvents(db)) return { seeded: false };
  const now = options.now ?? Date.now();
  try {
    return await db.transaction().execute(async (trx) => {
      // Serialises seeders as commerce's seedDemoStore does: a no-op write on the workspace row.
      await trx.updateTable('workspaces').set((eb) => ({ name: eb.ref('name') })).where('id', '=', workspaceId).execute();
      if (await hasEvents(trx)) return { seeded: false } as const;
      const rows = await trx.selectFrom('products').select(['id', 'sku', 'stock', 'active']).where('workspace_id', '=', workspaceId).execute();
      if (!rows.length) return { seeded: false } as const;
      const countries = await trx.selectFrom('product_ship_countries').select(['product_id', 'country']).where('product_id', 'in', rows.map((r) => r.id)).execute();
      const shipping = new Map<string, string[]>();
      for (const c of countries) shipping.set(c.product_id, [...(shipping.get(c.product_id) ?? []), c.country.trim()]);
      const catalogue = rows.map((r) => ({ sku: r.sku, inStock: r.active !== 0 && r.stock > 0, shipsTo: shipping.get(r.id) ?? null }));
      const ids = new Map(rows.map((r) => [r.sku, r.id]));
      const emails = Object.keys(DEMO_CUSTOMER_PERSONAS);
      const customers = await trx.selectFrom('customers').select(['id', 'email']).where('workspace_id', '=', workspaceId).where('email', 'in', emails).orderBy('created_at').execute();
      const customerOf = new Map<string, string>();
      for (const c of customers) if (c.email && !customerOf.has(c.email)) customerOf.set(c.email, c.id);
      const pending: PendingEvent[] = [];
      generateDemoHistory(catalogue, { ...options, now }).forEach((event, n) => {
        const customerId = 'email' in event.shopper ? customerOf.get(event.shopper.email) : undefined;
        if ('email' in event.shopper && !customerId) return;
        pending.push({
          row: {
            id: timeOrderedId(event.at),
            workspace_id: workspaceId,
            client_event_id: `demo:${n}`,
            type: event.type,
            product_id: ids.get(event.sku) as string,
            customer_id: customerId ?? null,
            visitor_id: 'visitorId' in event.shopper ? event.shopper.visitorId : null,
            session_id: event.sessionId,
            at: event.at,
            received_at: now,
            country: event.country,
            source: 'demo',
            quantity: event.type === 'purchase' ? 1 : null,
            price_minor: null,
            currency: null,
            context: null,
          },
        });
      });
      await writeEventsIn(trx, [pending]);
      return { seeded: true, events: pending.length } as const;
    });
  } catch (error) {
    // Another process's SQLite transaction won the write lock first: its history is committed.
    if (await hasEvents(db)) return { seeded: false };
    throw error;
  }
}
