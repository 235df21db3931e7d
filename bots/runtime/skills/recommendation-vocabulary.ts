/**
 * The words of a store's catalogue in one language, for reading what kind of product a shopper asks for: which
 * categories the words of the product titles belong to ("zapatillas" -> Shoes, because the Spanish titles of the
 * shoes say "Zapatilla"), the localised category words of the templates, and the store's biggest categories (the
 * quick replies of the clarifying question). Built from the in-memory catalogue once per revision and language.
 */
import { foldForLookup } from '../../../nlu/entities/text-folding';
import type { CatalogueSnapshot } from '../../../recommender/catalogue';

/** Chinese, Japanese, Korean and Thai: no spaces between words, matched as substrings. */
const UNSPACED = /[\u0e00-\u0e7f\u3040-\u9fff\uac00-\ud7af]/u;

/** Lower case, accents and punctuation away, single spaces. */
export function normaliseWords(text: string): string {
  return foldForLookup(text.normalize('NFKC'))
    .replace(/['’ʼ]/gu, '')
    .replace(/[\p{P}\p{S}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A crude stem that makes singular and plural meet in the Latin-script languages ("zapatillas"/"zapatilla",
 * "pantalones"/"pantalon", "schuhe"/"schuh", "scarpe"/"scarpa", "shoes"/"shoe"); short words are kept whole.
 */
export function stem(word: string): string {
  let out = word;
  if (out.length >= 5 && out.endsWith('s')) out = out.slice(0, -1);
  if (out.length >= 6 && out.endsWith('en')) return out.slice(0, -2);
  if (out.length >= 5 && /[aeio]$/.test(out)) return out.slice(0, -1);
  return out;
}

/** The stems of a text's words of five letters or more (shorter ones are mostly articles and prepositions: "para", "with"). */
export function stemsOf(text: string): string[] {
  return normaliseWords(text)
    .split(' ')
    .filter((word) => word.length >= 5 && !/^\d+$/.test(word))
    .map(stem);
}

/** True when `normalised` text contains the (normalised) phrase as whole words, or as a substring in CJK/Thai. */
export function containsWords(normalised: string, phrase: string): boolean {
  const wanted = normaliseWords(phrase);
  if (!wanted) return false;
  if (UNSPACED.test(wanted)) return normalised.includes(wanted);
  if (` ${normalised} `.includes(` ${wanted} `)) return true;
  // One-word entries also meet the text's words by stem ("zapatos" for "zapato").
  return !wanted.includes(' ') && wanted.length >= 4 && normalised.split(' ').some((word) => word.length >= 4 && stem(word) === stem(wanted));
}

/** What {@link CatalogueVocabulary} knows of one catalogue in one language. */
export class CatalogueVocabulary {
  /** Title stems -> the categories of the available products whose titles have them. */
  private readonly stemCategories = new Map<string, Set<string>>();
  /** Store categories by lower-case name. */
  readonly categoriesByKey = new Map<string, string>();
  /** Categories of available products, most products first. */
  readonly topCategories: readonly string[];

  constructor(
    private readonly snapshot: CatalogueSnapshot,
    private readonly language: string,
  ) {
    const counts = new Map<string, number>();
    const stemProducts = new Map<string, number>();
    const perProduct: Array<[string, Set<string>]> = [];
    for (let i = 0; i < snapshot.size; i++) {
      const category = snapshot.categoryAt(i);
      if (!category || !snapshot.isAvailable(i)) continue;
      this.categoriesByKey.set(category.toLowerCase(), category);
      counts.set(category, (counts.get(category) ?? 0) + 1);
      const stems = new Set(stemsOf(snapshot.title(i, language).text));
      for (const s of stems) stemProducts.set(s, (stemProducts.get(s) ?? 0) + 1);
      perProduct.push([category, stems]);
    }
    // A word in most titles (a brand, "pro") says nothing about the kind of product.
    const common = Math.max(3, perProduct.length * 0.4);
    for (const [category, stems] of perProduct) {
      for (const s of stems) {
        if ((stemProducts.get(s) ?? 0) > common) continue;
        let set = this.stemCategories.get(s);
        if (!set) this.stemCategories.set(s, (set = new Set()));
        set.add(category);
      }
    }
    this.topCategories = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([category]) => category);
  }

  /** A product's title in this vocabulary's language, if the product is in the catalogue. */
  titleOf(productId: string): string | undefined {
    const index = this.snapshot.indexOf(productId);
    return index === undefined ? undefined : this.snapshot.title(index, this.language).text;
  }

  /** The store's category for a name in any case, if it has one. */
  category(name: string): string | undefined {
    return this.categoriesByKey.get(name.trim().toLowerCase());
  }

  /**
   * The categories the words of a message point at through the product titles: each category scores the number of
   * the message's words found in its titles; the best-scoring ones (at most three) win.
   */
  categoriesFromTitles(text: string): string[] {
    const scores = new Map<string, number>();
    for (const s of new Set(stemsOf(text))) {
      for (const category of this.stemCategories.get(s) ?? []) scores.set(category, (scores.get(category) ?? 0) + 1);
    }
    const best = Math.max(0, ...scores.values());
    if (best === 0) return [];
    return [...scores.entries()].filter(([, score]) => score === best).map(([category]) => category).slice(0, 3);
  }
}

/** Vocabularies by workspace and language, rebuilt when the catalogue's revision moves. */
export class VocabularyCache {
  private readonly entries = new Map<string, { revision: number; size: number; vocabulary: CatalogueVocabulary }>();

  /** @param maxEntries workspace-language pairs kept. @defaultValue 200 */
  constructor(private readonly maxEntries = 200) {}

  /** The vocabulary of the snapshot in `language`. */
  get(snapshot: CatalogueSnapshot, language: string): CatalogueVocabulary {
    const key = `${snapshot.workspaceId}|${language}`;
    const cached = this.entries.get(key);
    if (cached && cached.revision === snapshot.revision && cached.size === snapshot.size) return cached.vocabulary;
    const vocabulary = new CatalogueVocabulary(snapshot, language);
    this.entries.delete(key);
    this.entries.set(key, { revision: snapshot.revision, size: snapshot.size, vocabulary });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    return vocabulary;
  }
}
