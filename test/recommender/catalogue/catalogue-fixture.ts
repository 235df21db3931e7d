/** A small multilingual catalogue imported through commerce's importer, shared by the recommender suites. */
import type { Kysely } from 'kysely';
import { CatalogImporter } from '../../../commerce';
import type { Database } from '../../../platform/database';

/** Products: running shoes (EN, with ES/DE/ZH names, EUR+USD, ships to DE/FR/ES), a jacket out of stock, a withdrawn cap, a tee shipping everywhere. */
export const FIXTURE_PRODUCTS = [
  {
    sku: 'RUN-1',
    name: 'Trail Running Shoe',
    description: 'Grippy outsole for muddy trails.',
    category: 'Shoes',
    brand: 'Stride',
    price: '120.00',
    currency: 'EUR',
    stock: 5,
    language: 'en',
    prices: { USD: '130.00' },
    shipsTo: ['DE', 'FR', 'ES'],
    translations: {
      es: { name: 'Zapatilla de trail', description: 'Suela con agarre para senderos embarrados.' },
      de: { name: 'Traillaufschuh' },
      zh: { name: '越野跑鞋' },
    },
    attributes: { sizes: ['40', '41', '42'] },
  },
  { sku: 'JKT-1', name: 'Rain Jacket', category: 'Outdoor', brand: 'Peak', price: '90.00', currency: 'EUR', stock: 0, translations: { es: { name: 'Chaqueta impermeable' } } },
  { sku: 'CAP-1', name: 'Running Cap', category: 'Accessories', brand: 'Stride', price: '20.00', currency: 'EUR', stock: 30, active: false },
  { sku: 'TEE-1', name: 'Tech Tee', category: 'Running Apparel', brand: 'Peak', price: '35.00', currency: 'EUR', stock: 12, prices: { USD: '39.00', GBP: '30.00' } },
];

/** Imports the fixture into a workspace; resolves with the product ids by sku. */
export async function importFixture(db: Kysely<Database>, workspaceId: string): Promise<Record<string, string>> {
  await new CatalogImporter(db).import(workspaceId, 'json', { products: FIXTURE_PRODUCTS });
  const rows = await db.selectFrom('products').select(['id', 'sku']).where('workspace_id', '=', workspaceId).execute();
  return Object.fromEntries(rows.map((row) => [row.sku, row.id]));
}
