/**
 * A store for the serving suites: a generated catalogue (four categories of eight products, four brands, prices in
 * EUR and some in USD, Spanish titles, one shoe out of stock and one shipping to France only) on a real database,
 * the real event intake, and a real blend trained by the recommender trainers on generated sessions where shoppers
 * browse within one category (so "because you looked at a shoe" means other shoes).
 */
import { CatalogImporter } from '../../../commerce';
import { InteractionData, trainRecommender, type ItemContent, type RecommenderModel, type UserSequence } from '../../../recommender';
import { EventPopularity } from '../../../recommender/serving';
import type { TestDatabase } from '../../support/databases';
import { openEventsHarness, type EventsHarness } from '../events/events-harness';
import { random } from '../support/generated-sequences';

export const CATEGORIES = [
  { key: 'SHOE', category: 'Shoes', en: 'Running Shoe', es: 'Zapatilla de running' },
  { key: 'JKT', category: 'Jackets', en: 'Rain Jacket', es: 'Chaqueta impermeable' },
  { key: 'TEE', category: 'Tees', en: 'Tech Tee', es: 'Camiseta técnica' },
  { key: 'BAG', category: 'Bags', en: 'Day Pack', es: 'Mochila' },
] as const;
export const BRANDS = ['Stride', 'Peak', 'Nimbus', 'Volt'] as const;
const ADJECTIVES = [
  ['Swift', 'Rápida'],
  ['Bold', 'Audaz'],
  ['Calm', 'Tranquila'],
  ['Bright', 'Brillante'],
  ['Urban', 'Urbana'],
  ['Alpine', 'Alpina'],
  ['Coastal', 'Costera'],
  ['Night', 'Nocturna'],
] as const;

/** The generated products (sku `SHOE-3`: category key and number; brand `BRANDS[k % 4]`, price 10 + 10k EUR). */
export function servingProducts(): Record<string, unknown>[] {
  return CATEGORIES.flatMap((c) =>
    ADJECTIVES.map(([en, es], k) => ({
      sku: `${c.key}-${k}`,
      name: `${en} ${c.en}`,
      category: c.category,
      brand: BRANDS[k % 4],
      price: `${10 + 10 * k}.00`,
      currency: 'EUR',
      // Every second product also has a USD price.
      ...(k % 2 === 0 ? { prices: { USD: `${12 + 10 * k}.00` } } : {}),
      stock: c.key === 'SHOE' && k === 7 ? 0 : 10,
      ...(c.key === 'SHOE' && k === 6 ? { shipsTo: ['FR'] } : {}),
      language: 'en',
      translations: { es: { name: `${c.es} ${es}` } },
    })),
  );
}

/** Sessions within one category, and one-product visits to TEE-0 that make it the most popular product. */
function sessions(ids: Record<string, string>): UserSequence[] {
  const rnd = random(11);
  const browsing = Array.from({ length: 240 }, (_, u): UserSequence => {
    const c = CATEGORIES[u % 4]!;
    const pool = Array.from({ length: 8 }, (_, k) => k);
    const items: string[] = [];
    while (items.length < 5) items.push(ids[`${c.key}-${pool.splice(Math.floor(rnd() * pool.length), 1)[0]}`]!);
    return { user: `u${u}`, items, country: u % 3 === 0 ? 'DE' : 'ES' };
  });
  const visits = Array.from({ length: 80 }, (_, v): UserSequence => ({ user: `v${v}`, items: [ids['TEE-0']!], country: 'ES' }));
  return [...browsing, ...visits];
}

/** What {@link ServingHarness.newStore} makes. */
export interface StoreOptions {
  /** Train a live model. @defaultValue true */
  train?: boolean;
  /** @defaultValue servingProducts() */
  products?: Record<string, unknown>[];
  /** The training sessions from the product ids by sku. @defaultValue sessions within one category */
  sessions?: (ids: Record<string, string>) => UserSequence[];
}

/** The harness plus the models by workspace. */
export interface ServingHarness extends EventsHarness {
  models: Map<string, RecommenderModel>;
  popularity: EventPopularity;
  /** A workspace with the generated catalogue and (unless `train` is false) a trained live model. */
  newStore(options?: StoreOptions): Promise<{ workspaceId: string; ids: Record<string, string> }>;
}

/** Opens the database with `create` and the intake on it. */
export async function openServingHarness(create: () => Promise<TestDatabase>): Promise<ServingHarness> {
  const h = await openEventsHarness(create);
  const { db } = h.database.handle;
  const models = new Map<string, RecommenderModel>();
  return Object.assign(h, {
    models,
    popularity: new EventPopularity(db),
    async newStore(options: StoreOptions = {}) {
      const workspaceId = await h.database.newWorkspace();
      await new CatalogImporter(db).import(workspaceId, 'json', { products: options.products ?? servingProducts() });
      const rows = await db.selectFrom('products').select(['id', 'sku', 'name', 'brand', 'category']).where('workspace_id', '=', workspaceId).execute();
      const ids = Object.fromEntries(rows.map((row) => [row.sku, row.id]));
      if (options.train !== false) {
        const content: ItemContent[] = rows.map((row) => ({ id: row.id, text: row.name, attributes: [row.brand ?? '', row.category ?? ''].filter(Boolean) }));
        const data = InteractionData.fromSequences((options.sessions ?? sessions)(ids), { catalogue: content });
        // Product ids differ per workspace, so each store trains its own (small: well under a second).
        models.set(workspaceId, (await trainRecommender(data, { tune: false })).model);
      }
      return { workspaceId, ids };
    },
  });
}
