/**
 * The catalogue in SQL: products with their translations, extra prices and ship-to countries. Serving reads the
 * in-memory {@link CatalogueSnapshot} instead (loaded and kept current from {@link CatalogueStore.changedSince});
 * these queries serve everything else (admin look-ups, the import, the training export) and are all index-backed:
 * products by id or `(workspace_id, sku)`, the extras by their `(product_id, ...)` primary keys, changes by
 * `(workspace_id, revision, id)`.
 */
import { sql, type Kysely, type Selectable, type SqlBool } from 'kysely';
import { currentCatalogueRevision } from '../../commerce';
import type { Database, ProductsTable } from '../../platform/database';
import type { ItemContent } from '../data/interaction-data';
import type { CatalogueDetails, CatalogueRecord, LocaleOptions } from './catalogue-types';
import { pickPrice, pickText } from './localize';

/** Ids per `in (...)` list: well under both engines' bound-parameter limits. */
const CHUNK = 500;
/** Products per page of a keyset scan. */
const PAGE = 1000;

type ProductRow = Pick<
  Selectable<ProductsTable>,
  'id' | 'sku' | 'name' | 'description' | 'language' | 'brand' | 'category' | 'price_minor' | 'currency' | 'stock' | 'active' | 'url' | 'image_url' | 'revision' | 'attributes'
>;

const PRODUCT_COLUMNS = [
  'id',
  'sku',
  'name',
  'description',
  'language',
  'brand',
  'category',
  'price_minor',
  'currency',
  'stock',
  'active',
  'url',
  'image_url',
  'revision',
  'attributes',
] as const;

/** What the in-memory catalogue keeps: no descriptions, no attributes. */
const SERVING_COLUMNS = ['id', 'sku', 'name', 'language', 'brand', 'category', 'price_minor', 'currency', 'stock', 'active', 'url', 'image_url', 'revision'] as const;
type ServingRow = Pick<ProductRow, (typeof SERVING_COLUMNS)[number]>;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The extras of a set of products, by product id. */
interface Extras {
  texts: Map<string, Record<string, { name: string; description: string | null }>>;
  prices: Map<string, Record<string, number>>;
  countries: Map<string, string[]>;
}

/** Reads the catalogue of a workspace. */
export class CatalogueStore {
  constructor(private readonly db: Kysely<Database>) {}

  /** The workspace's catalogue revision (raised by every product write; 0 before the first). */
  revision(workspaceId: string): Promise<number> {
    return currentCatalogueRevision(this.db, workspaceId);
  }

  /** The workspace's default language: the language of products that do not name theirs. */
  async defaultLanguage(workspaceId: string): Promise<string> {
    const row = await this.db.selectFrom('workspaces').select('default_language').where('id', '=', workspaceId).executeTakeFirst();
    return (row?.default_language ?? 'en').toLowerCase();
  }

  /**
   * Products by id with their localised texts and prices, in the order asked; unknown ids are left out.
   * @param ids at most a few hundred per call are sensible; they are queried in chunks.
   */
  async getMany(workspaceId: string, ids: readonly string[], options: LocaleOptions = {}): Promise<CatalogueDetails[]> {
    const unique = [...new Set(ids)];
    const rows: ProductRow[] = [];
    for (const part of chunks(unique)) {
      rows.push(...(await this.db.selectFrom('products').select(PRODUCT_COLUMNS).where('workspace_id', '=', workspaceId).where('id', 'in', part).execute()));
    }
    const [defaultLanguage, extras] = await Promise.all([this.defaultLanguage(workspaceId), this.extras(rows.map((row) => row.id))]);
    const byId = new Map(rows.map((row) => [row.id, row]));
    const out: CatalogueDetails[] = [];
    for (const id of ids) {
      const row = byId.get(id);
      if (row) out.push(details(row, extras, defaultLanguage, options));
    }
    return out;
  }

  /** Product ids by sku (exact), for the skus that exist. */
  async idsBySku(workspaceId: string, skus: readonly string[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    for (const part of chunks([...new Set(skus)])) {
      const rows = await this.db.selectFrom('products').select(['id', 'sku']).where('workspace_id', '=', workspaceId).where('sku', 'in', part).execute();
      for (const row of rows) found.set(row.sku, row.id);
    }
    return found;
  }

  /**
   * One page of the products that may be shown: active, in stock and shipping to `country` (when given), by id.
   * @param after the last id of the previous page (keyset paging).
   */
  async listAvailable(
    workspaceId: string,
    options: LocaleOptions & { country?: string; limit?: number; after?: string } = {},
  ): Promise<CatalogueDetails[]> {
    const limit = Math.min(Math.max(Math.trunc(options.limit ?? 100), 1), PAGE);
    let query = this.db
      .selectFrom('products')
      .select(PRODUCT_COLUMNS)
      .where('workspace_id', '=', workspaceId)
      .where('active', '=', 1)
      .where('stock', '>', 0);
    if (options.after) query = query.where('id', '>', options.after);
    const country = options.country?.trim().toUpperCase();
    if (country) {
      query = query.where(
        sql<SqlBool>`(not exists (select 1 from product_ship_countries c where c.product_id = products.id)
          or exists (select 1 from product_ship_countries c where c.product_id = products.id and c.country = ${country}))`,
      );
    }
    const rows = await query.orderBy('id').limit(limit).execute();
    const [defaultLanguage, extras] = await Promise.all([this.defaultLanguage(workspaceId), this.extras(rows.map((row) => row.id))]);
    return rows.map((row) => details(row, extras, defaultLanguage, options));
  }

  /**
   * The products written after revision `after` up to `upTo` (inclusive), page by page in `(revision, id)` order,
   * with their names, prices and countries: what the in-memory catalogue loads. Memory-bounded by the page size.
   */
  async *changedSince(workspaceId: string, after: number, upTo: number, pageSize = PAGE): AsyncGenerator<CatalogueRecord[]> {
    let cursor: { revision: number; id: string } | undefined;
    for (;;) {
      let query = this.db
        .selectFrom('products')
        .select(SERVING_COLUMNS)
        .where('workspace_id', '=', workspaceId)
        .where('revision', '<=', upTo);
      // A row-value comparison: both engines turn it into one range scan of (workspace_id, revision, id).
      query = cursor ? query.where(sql<SqlBool>`(revision, id) > (${cursor.revision}, ${cursor.id})`) : query.where('revision', '>', after);
      const rows = await query.orderBy('revision').orderBy('id').limit(pageSize).execute();
      if (rows.length === 0) return;
      const extras = await this.extras(rows.map((row) => row.id), false);
      yield rows.map((row) => record(row, extras));
      const last = rows[rows.length - 1] as ServingRow;
      cursor = { revision: Number(last.revision), id: last.id };
      if (rows.length < pageSize) return;
    }
  }

  /**
   * The text and attribute tokens of every product, for the content-based model (recommender/data ItemContent):
   * names and descriptions in every language, brand, category and attribute values. Streamed page by page.
   */
  async *itemContents(workspaceId: string, pageSize = PAGE): AsyncGenerator<ItemContent[]> {
    for await (const page of this.pagesById(workspaceId, pageSize)) {
      const extras = await this.extras(page.map((row) => row.id));
      yield page.map((row) => {
        const texts = Object.values(extras.texts.get(row.id) ?? {});
        const text = [row.name, row.description ?? '', ...texts.flatMap((t) => [t.name, t.description ?? ''])].filter(Boolean).join('\n');
        const attributes = [
          ...(row.brand ? [`brand:${row.brand.toLowerCase()}`] : []),
          ...(row.category ? [`category:${row.category.toLowerCase()}`] : []),
          ...attributeTokens(row.attributes),
        ];
        return { id: row.id, text, attributes };
      });
    }
  }

  private async *pagesById(workspaceId: string, pageSize: number): AsyncGenerator<ProductRow[]> {
    let after: string | undefined;
    for (;;) {
      let query = this.db.selectFrom('products').select(PRODUCT_COLUMNS).where('workspace_id', '=', workspaceId);
      if (after !== undefined) query = query.where('id', '>', after);
      const rows = await query.orderBy('id').limit(pageSize).execute();
      if (rows.length === 0) return;
      yield rows;
      after = (rows[rows.length - 1] as ProductRow).id;
      if (rows.length < pageSize) return;
    }
  }

  /** Translations (with their descriptions unless `descriptions` is false), extra prices and ship-to countries (primary-key look-ups). */
  private async extras(ids: readonly string[], descriptions = true): Promise<Extras> {
    const extras: Extras = { texts: new Map(), prices: new Map(), countries: new Map() };
    for (const part of chunks(ids)) {
      const [texts, prices, countries] = await Promise.all([
        descriptions
          ? this.db.selectFrom('product_translations').select(['product_id', 'language', 'name', 'description']).where('product_id', 'in', part).execute()
          : this.db
              .selectFrom('product_translations')
              .select(['product_id', 'language', 'name', sql<null>`null`.as('description')])
              .where('product_id', 'in', part)
              .execute(),
        this.db.selectFrom('product_prices').select(['product_id', 'currency', 'price_minor']).where('product_id', 'in', part).execute(),
        this.db.selectFrom('product_ship_countries').select(['product_id', 'country']).where('product_id', 'in', part).execute(),
      ]);
      for (const t of texts) {
        let map = extras.texts.get(t.product_id);
        if (!map) extras.texts.set(t.product_id, (map = {}));
        map[t.language] = { name: t.name, description: t.description };
      }
      for (const p of prices) {
        let map = extras.prices.get(p.product_id);
        if (!map) extras.prices.set(p.product_id, (map = {}));
        map[p.currency.trim()] = p.price_minor;
      }
      for (const c of countries) {
        let list = extras.countries.get(c.product_id);
        if (!list) extras.countries.set(c.product_id, (list = []));
        list.push(c.country.trim());
      }
    }
    for (const list of extras.countries.values()) list.sort();
    return extras;
  }
}

/** Attribute values as tokens `name:value` (lists give one token per value). */
function attributeTokens(json: string): string[] {
  try {
    const parsed: unknown = JSON.parse(json);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return [];
    return Object.entries(parsed as Record<string, unknown>).flatMap(([name, value]) =>
      (Array.isArray(value) ? value : [value]).filter((v) => typeof v === 'string' || typeof v === 'number').map((v) => `${name}:${String(v).toLowerCase()}`),
    );
  } catch {
    return [];
  }
}

function record(row: ServingRow, extras: Extras): CatalogueRecord {
  const names: Record<string, string> = {};
  for (const [language, text] of Object.entries(extras.texts.get(row.id) ?? {})) names[language] = text.name;
  return {
    id: row.id,
    sku: row.sku,
    name: row.name,
    language: row.language,
    brand: row.brand,
    category: row.category,
    priceMinor: row.price_minor,
    currency: row.currency.trim(),
    stock: row.stock,
    active: row.active !== 0,
    url: row.url,
    imageUrl: row.image_url,
    revision: Number(row.revision),
    names,
    prices: extras.prices.get(row.id) ?? {},
    shipsTo: extras.countries.get(row.id) ?? null,
  };
}

function details(row: ProductRow, extras: Extras, defaultLanguage: string, options: LocaleOptions): CatalogueDetails {
  const own = { language: row.language ?? defaultLanguage, value: { name: row.name, description: row.description } };
  const text = pickText(own, extras.texts.get(row.id), options.language);
  return {
    id: row.id,
    sku: row.sku,
    title: text.value.name,
    titleLanguage: text.language,
    description: text.value.description,
    brand: row.brand,
    category: row.category,
    price: pickPrice({ amountMinor: row.price_minor, currency: row.currency.trim() }, extras.prices.get(row.id), options.currency),
    stock: row.stock,
    inStock: row.stock > 0,
    active: row.active !== 0,
    shipsTo: extras.countries.get(row.id) ?? null,
    url: row.url,
    imageUrl: row.image_url,
  };
}
