/** Shapes of the demo store's catalogue data (demo-catalog*.ts). */

/** A name and a description in one language. */
export type DemoTexts = readonly [name: string, description: string];

/** What the recommender's catalogue adds to a demo product: brand, USD price, ship-to countries, other languages. */
export interface DemoExtras {
  brand: string;
  /** Price in US dollars, major units. */
  usd: string;
  /** Countries it ships to; absent: everywhere. */
  shipsTo?: readonly string[];
  es: DemoTexts;
  de: DemoTexts;
  fr: DemoTexts;
  zh: DemoTexts;
}

/** A demo product of the sports and outdoor range, complete in itself. */
export interface DemoSportProduct extends DemoExtras {
  sku: string;
  category: string;
  /** Price in euros, major units. */
  eur: string;
  stock: number;
  en: DemoTexts;
  attributes?: Record<string, string | string[]>;
}

/** The import document's catalogue fields for a product's extras. */
export function catalogueFields(extras: DemoExtras) {
  return {
    brand: extras.brand,
    language: 'en',
    prices: { USD: extras.usd },
    ...(extras.shipsTo ? { shipsTo: [...extras.shipsTo] } : {}),
    translations: Object.fromEntries((['es', 'de', 'fr', 'zh'] as const).map((language) => [language, { name: extras[language][0], description: extras[language][1] }])),
  };
}
