/** Catalogue reads: search by words over name, sku and category, and single products. */
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { Database } from '../platform/database';
import { productFromRow } from './commerce-rows';
import type { Product } from './commerce-types';

/** What to list. Every field is optional; without any, the first products by name. */
export interface ProductQuery {
  /**
   * Words to look for; a product matches when every word occurs in its name, sku or category (any case; SQLite
   * folds case for ASCII letters only). Products whose sku is the whole query come first.
   */
  query?: string;
  /** Only this category (any case). */
  category?: string;
  /** Leave out products with no stock. @defaultValue false */
  inStockOnly?: boolean;
  /** At most this many, 1..100. @defaultValue 20 */
  limit?: number;
  /** Skip this many (paging). @defaultValue 0 */
  offset?: number;
}

/** How a product is named: by its id or by its sku. */
export type ProductRef = { id: string } | { sku: string };

const MAX_TERMS = 8;

/** `%term%` with LIKE's wildcards taken literally. */
function containsPattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function lowerLike(column: 'name' | 'sku' | 'category', pattern: string): Expression<SqlBool> {
  return sql<SqlBool>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
}

/** Lists or searches the products of a workspace, ordered by name. */
export async function listProducts(db: Kysely<Database>, workspaceId: string, options: ProductQuery = {}): Promise<Product[]> {
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? 20), 1), 100);
  const offset = Math.max(Math.trunc(options.offset ?? 0), 0);
  const text = (options.query ?? '').normalize('NFKC').trim().toLowerCase();
  const terms = text.split(/\s+/).filter(Boolean).slice(0, MAX_TERMS);
  let query = db.selectFrom('products').selectAll().where('workspace_id', '=', workspaceId);
  for (const term of terms) {
    const pattern = containsPattern(term);
    query = query.where((eb) => eb.or([lowerLike('name', pattern), lowerLike('sku', pattern), lowerLike('category', pattern)]));
  }
  if (options.category?.trim()) {
    query = query.where(sql<SqlBool>`lower(${sql.ref('category')}) = ${options.category.trim().toLowerCase()}`);
  }
  if (options.inStockOnly) query = query.where('stock', '>', 0);
  if (text) query = query.orderBy(sql`case when lower(${sql.ref('sku')}) = ${text} then 0 else 1 end`);
  const rows = await query.orderBy('name').orderBy('id').limit(limit).offset(offset).execute();
  return rows.map(productFromRow);
}

/** One product of the workspace by id or sku, if it exists. */
export async function getProduct(db: Kysely<Database>, workspaceId: string, ref: ProductRef): Promise<Product | undefined> {
  let query = db.selectFrom('products').selectAll().where('workspace_id', '=', workspaceId);
  query = 'id' in ref ? query.where('id', '=', ref.id) : query.where('sku', '=', ref.sku.trim());
  const row = await query.executeTakeFirst();
  return row ? productFromRow(row) : undefined;
}
