/**
 * Serving benchmark: `recommend()` end to end on a 100,000-product catalogue, as the chat and the storefront call it.
 * Builds a fresh database (SQLite file by default, or PostgreSQL with --database) with a generated catalogue (1,000
 * categories of 100 products, 200 brands, prices in EUR and half in USD, some out of stock, some inactive, a third
 * shipping to a few countries only, Spanish titles), records the shoppers' histories through the real event intake,
 * trains the default blend (no tuning: training time is not the point) on generated sessions that touch every
 * product, then asks for recommendations one request at a time with realistic rules: the shopper's country, a price
 * range, at most two per brand, eight products, localised; one request in ten is "similar to this" for a seed.
 * Prints one JSON line with --json.
 *
 *   npm run bench:rec-serving -- --json [--products 100000] [--users 40000] [--shoppers 2000] [--requests 3000]
 *                                      [--database postgres://...]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CatalogImporter, CommerceStore } from '../commerce';
import { migrateToLatest, openDatabase } from '../platform/database';
import { WorkspaceStore } from '../platform/workspaces';
import { InteractionData, trainRecommender, type ItemContent, type UserSequence } from '../recommender';
import { createRecommenderServices } from '../recommender/api';
import { seededRandom } from '../recommender/models/dense-linear-algebra';
import type { EventInput } from '../recommender/events';
import { createRecommendationService, EventPopularity, type RecommendationQuery } from '../recommender/serving';

const { values: args } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    products: { type: 'string', default: '100000' },
    users: { type: 'string', default: '40000' },
    shoppers: { type: 'string', default: '2000' },
    requests: { type: 'string', default: '3000' },
    warmup: { type: 'string', default: '300' },
    database: { type: 'string' },
  },
});

const COUNTRIES = ['ES', 'DE', 'FR', 'IT', 'PT', 'NL', 'GB', 'US', 'MX', 'BR'];
const CATEGORY_SIZE = 100;
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

function catalogue(count: number): Record<string, unknown>[] {
  const rnd = seededRandom(3);
  const words = ['trail', 'urban', 'classic', 'light', 'pro', 'eco', 'max', 'soft', 'storm', 'sport', 'city', 'peak'];
  return Array.from({ length: count }, (_, n) => {
    const category = Math.floor(n / CATEGORY_SIZE);
    const price = 500 + Math.floor(rnd() * 49_500);
    const ships = rnd() < 0.33 ? COUNTRIES.filter(() => rnd() < 0.4) : undefined;
    return {
      sku: `P${n}`,
      name: `${words[n % words.length]} ${words[(n >> 3) % words.length]} item ${n} of line ${category}`,
      category: `Category ${category}`,
      brand: `Brand ${(category * 7 + (n % 5)) % 200}`,
      price: (price / 100).toFixed(2),
      currency: 'EUR',
      ...(n % 2 === 0 ? { prices: { USD: ((price * 1.1) / 100).toFixed(2) } } : {}),
      stock: rnd() < 0.05 ? 0 : 1 + Math.floor(rnd() * 50),
      ...(rnd() < 0.01 ? { active: false } : {}),
      ...(ships?.length ? { shipsTo: ships } : {}),
      language: 'en',
      translations: { es: { name: `artículo ${n} de la línea ${category}` } },
    };
  });
}

/** Sessions within a category (Zipf-like: low numbers more often), so every product is some shopper's item. */
function sessions(ids: readonly string[], users: number): UserSequence[] {
  const rnd = seededRandom(5);
  const categories = Math.ceil(ids.length / CATEGORY_SIZE);
  const out: UserSequence[] = [];
  for (let u = 0; u < users; u++) {
    const category = u < categories ? u : Math.floor(categories * rnd() ** 2);
    const items: string[] = [];
    const length = 3 + Math.floor(rnd() * 12);
    for (let k = 0; k < length; k++) {
      const within = u < categories && k === 0 ? 0 : Math.floor(CATEGORY_SIZE * rnd() ** 1.5);
      const id = ids[Math.min(ids.length - 1, category * CATEGORY_SIZE + within)]!;
      items.push(id);
    }
    out.push({ user: `u${u}`, items, country: COUNTRIES[u % COUNTRIES.length]! });
  }
  // Every product at least once (cold ones too), so the model's index spans the whole catalogue.
  for (let start = 0; start < ids.length; start += 10) out.push({ user: `cover${start}`, items: ids.slice(start, start + 10) });
  return out;
}

async function main(): Promise<void> {
  const productCount = Number(args.products);
  const folder = args.database ? undefined : mkdtempSync(join(tmpdir(), 'pgdesk-rec-serving-'));
  const handle = openDatabase(args.database ?? `sqlite:${join(folder as string, 'bench.sqlite')}`);
  const log = (line: string) => process.stderr.write(`${line}\n`);
  try {
    await migrateToLatest(handle.db as never);
    const slug = `rec-serving-${Date.now()}`;
    const workspaceId = (await new WorkspaceStore(handle.db).ensure({ slug, name: slug, defaultLanguage: 'en' })).workspace.id;
    let t = performance.now();
    const products = catalogue(productCount);
    const importer = new CatalogImporter(handle.db);
    for (let start = 0; start < products.length; start += 10_000) await importer.import(workspaceId, 'json', { products: products.slice(start, start + 10_000) });
    const importSeconds = (performance.now() - t) / 1000;
    log(`catalogue: ${productCount} products imported in ${importSeconds.toFixed(1)} s`);

    const services = createRecommenderServices({ db: handle.db, engine: handle.engine, commerce: new CommerceStore(handle.db), catalogue: { refreshMs: 60_000 } });
    t = performance.now();
    const snapshot = await services.catalogue.get(workspaceId);
    const catalogueLoadSeconds = (performance.now() - t) / 1000;
    const ids = Array.from({ length: snapshot.size }, (_, i) => snapshot.idAt(i));

    t = performance.now();
    const sequences = sessions(ids, Number(args.users));
    const content: ItemContent[] = ids.map((id, i) => ({ id, text: snapshot.title(i).text, attributes: [snapshot.brandAt(i) ?? '', snapshot.categoryAt(i) ?? ''] }));
    const data = InteractionData.fromSequences(sequences, { catalogue: content });
    const { model } = await trainRecommender(data, { tune: false });
    const trainSeconds = (performance.now() - t) / 1000;
    log(`model: ${model.kind} over ${model.itemCount} items, ${data.items.length} interactions, trained in ${trainSeconds.toFixed(1)} s`);

    // The shoppers' histories, through the real intake: a few sessions within a category or two each.
    const rnd = seededRandom(9);
    const shoppers = Number(args.shoppers);
    const now = Date.now();
    const events: EventInput[] = [];
    for (let s = 0; s < shoppers; s++) {
      const category = Math.floor(rnd() * (productCount / CATEGORY_SIZE));
      const length = 2 + Math.floor(rnd() * 15);
      for (let k = 0; k < length; k++) {
        const n = category * CATEGORY_SIZE + Math.floor(rnd() * CATEGORY_SIZE);
        events.push({ type: k === length - 1 && s % 4 === 0 ? 'purchase' : 'view', productId: ids[n]!, visitorId: `shopper-${s}`, country: COUNTRIES[s % COUNTRIES.length]!, at: now - (length - k) * 60_000 });
      }
    }
    t = performance.now();
    for (let start = 0; start < events.length; start += 500) await services.recorder.record(workspaceId, events.slice(start, start + 500), { source: s(start) });
    log(`events: ${events.length} recorded in ${((performance.now() - t) / 1000).toFixed(1)} s`);

    const serving = createRecommendationService({
      catalogue: services.catalogue,
      events: services.events,
      liveModel: async () => model,
      popularity: new EventPopularity(handle.db),
    });
    const query = (r: number): RecommendationQuery => {
      const shopper = Math.floor(rnd() * shoppers);
      const country = COUNTRIES[shopper % COUNTRIES.length]!;
      const usd = country === 'US' || country === 'MX';
      const max = 5_000 + Math.floor(rnd() * 30_000);
      const base = {
        workspaceId,
        country,
        language: r % 3 === 0 ? 'es' : 'en',
        currency: usd ? 'USD' : 'EUR',
        limit: 8,
        rules: { price: { maxMinor: max }, maxPerBrand: 2 },
      };
      if (r % 10 === 9) return { ...base, seedProductId: ids[Math.floor(rnd() * ids.length)]! };
      return { ...base, subject: { visitorId: `shopper-${shopper}` } };
    };
    const warmup = Number(args.warmup);
    for (let r = 0; r < warmup; r++) await serving.recommend(query(r));
    const requests = Number(args.requests);
    const latencies: number[] = [];
    let recommended = 0;
    let relaxed = 0;
    let fromModel = 0;
    for (let r = 0; r < requests; r++) {
      const q = query(r);
      const started = performance.now();
      const result = await serving.recommend(q);
      latencies.push(performance.now() - started);
      recommended += result.products.length;
      if (result.relaxed) relaxed++;
      fromModel += result.products.filter((p) => p.reason.kind === 'history' || p.reason.kind === 'similar').length;
      for (const { product } of result.products) {
        if (!product.inStock || !product.active || (product.shipsTo && !product.shipsTo.includes(q.country!))) throw new Error(`rule broken: ${product.id}`);
        if (product.price.inRequestedCurrency && product.price.amountMinor > q.rules!.price!.maxMinor! && !result.relaxed) throw new Error(`price rule broken: ${product.id}`);
      }
    }
    latencies.sort((a, b) => a - b);
    const figures = {
      products: productCount,
      users: data.userCount,
      shoppers,
      requests,
      engine: handle.engine,
      p50ms: round(percentile(latencies, 0.5), 3),
      p95ms: round(percentile(latencies, 0.95), 3),
      p99ms: round(percentile(latencies, 0.99), 3),
      maxms: round(latencies[latencies.length - 1] ?? 0, 3),
      meanProducts: round(recommended / requests, 2),
      modelShare: round(fromModel / Math.max(1, recommended), 3),
      relaxedShare: round(relaxed / requests, 3),
      model: model.kind,
      modelItems: model.itemCount,
      interactions: data.items.length,
      trainSeconds: round(trainSeconds, 1),
      importSeconds: round(importSeconds, 1),
      catalogueLoadSeconds: round(catalogueLoadSeconds, 2),
      rssMb: Math.round(process.memoryUsage().rss / 2 ** 20),
      node: process.version,
    };
    if (args.json) process.stdout.write(`${JSON.stringify(figures)}\n`);
    else process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
    await services.close();
  } finally {
    await handle.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  }
}

/** Half the events come from the storefront, half from the chat (the history merges channels). */
const s = (start: number): string => ((start / 500) % 2 === 0 ? 'storefront' : 'chat:webchat');

main().catch((error: unknown) => {
  process.stderr.write(`bench:rec-serving failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
