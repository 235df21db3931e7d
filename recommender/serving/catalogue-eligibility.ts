/**
 * Which products may be shown in a country (active, in stock, ships there) as one byte per catalogue index, computed
 * once per snapshot state and country instead of once per request: with 100,000 products the check costs about a
 * millisecond, the look-up nothing. A bitmap is rebuilt when its snapshot moves to another revision or grows (a
 * refresh patches products in place), so a stock change reaches serving with the next catalogue refresh.
 */
import type { CatalogueSnapshot } from '../catalogue';

interface Bitmap {
  revision: number;
  size: number;
  /** 1: may be shown. */
  shown: Uint8Array;
  /** How many ones. */
  count: number;
}

/** Countries remembered per snapshot before the oldest is dropped (a store ships to a few dozen at most). */
const MAX_COUNTRIES = 64;

/** See the file comment. One per service; holds nothing that outlives its snapshots. */
export class CatalogueEligibility {
  private readonly bySnapshot = new WeakMap<CatalogueSnapshot, Map<string, Bitmap>>();

  /**
   * The shown-bitmap of `snapshot` for `country` (upper-case ISO alpha-2; absent: availability only). Do not
   * modify it: it is shared by every request until the snapshot changes.
   */
  shown(snapshot: CatalogueSnapshot, country: string | undefined): { shown: Uint8Array; count: number } {
    let bitmaps = this.bySnapshot.get(snapshot);
    if (!bitmaps) {
      bitmaps = new Map();
      this.bySnapshot.set(snapshot, bitmaps);
    }
    const key = country ?? '';
    const known = bitmaps.get(key);
    if (known && known.revision === snapshot.revision && known.size === snapshot.size) return known;
    const size = snapshot.size;
    const shown = known && known.shown.length === size ? known.shown : new Uint8Array(size);
    let count = 0;
    for (let i = 0; i < size; i++) {
      const ok = snapshot.isAvailable(i) && snapshot.shipsTo(i, country);
      shown[i] = ok ? 1 : 0;
      if (ok) count++;
    }
    const bitmap: Bitmap = { revision: snapshot.revision, size, shown, count };
    bitmaps.delete(key);
    bitmaps.set(key, bitmap);
    if (bitmaps.size > MAX_COUNTRIES) bitmaps.delete(bitmaps.keys().next().value as string);
    return bitmap;
  }
}
