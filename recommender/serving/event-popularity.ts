/**
 * Popularity straight from the interaction log, for a workspace whose live model has none (a new store before its
 * first training, or a model kind without popularity): the products with the most events over the last days,
 * overall and in one country. One grouped query per workspace and country, remembered for a few minutes, so it is
 * off the request path almost always.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/database';

/** Where serving gets popular products from when the model has no popularity of its own. */
export interface PopularitySource {
  /** Product ids, most popular first: in `country` (empty when none is given) and overall. */
  popular(workspaceId: string, country?: string): Promise<{ inCountry: readonly string[]; overall: readonly string[] }>;
}

/** Tuning of {@link EventPopularity}. */
export interface EventPopularityOptions {
  /** Events of this many last days count. @defaultValue 30 */
  windowDays?: number;
  /** How long an answer is reused. @defaultValue 300000 */
  ttlMs?: number;
  /** Products kept per list. @defaultValue 500 */
  limit?: number;
  /** The clock. @defaultValue Date.now */
  now?: () => number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_CACHED = 1000;

/** See the file comment. */
export class EventPopularity implements PopularitySource {
  private readonly cache = new Map<string, { until: number; ids: Promise<string[]> }>();
  private readonly now: () => number;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly options: EventPopularityOptions = {},
  ) {
    this.now = options.now ?? Date.now;
  }

  async popular(workspaceId: string, country?: string): Promise<{ inCountry: readonly string[]; overall: readonly string[] }> {
    const code = country?.trim().toUpperCase() || undefined;
    const [inCountry, overall] = await Promise.all([code ? this.cached(workspaceId, code) : Promise.resolve([]), this.cached(workspaceId, undefined)]);
    return { inCountry, overall };
  }

  private cached(workspaceId: string, country: string | undefined): Promise<string[]> {
    const key = `${workspaceId}\u0000${country ?? ''}`;
    const now = this.now();
    const known = this.cache.get(key);
    if (known && known.until > now) return known.ids;
    const ids = this.query(workspaceId, country, now);
    // A failed query is not remembered: the next request asks again.
    ids.catch(() => this.cache.delete(key));
    this.cache.delete(key);
    this.cache.set(key, { until: now + (this.options.ttlMs ?? 300_000), ids });
    if (this.cache.size > MAX_CACHED) this.cache.delete(this.cache.keys().next().value as string);
    return ids;
  }

  private async query(workspaceId: string, country: string | undefined, now: number): Promise<string[]> {
    let query = this.db
      .selectFrom('interaction_events')
      .select((eb) => ['product_id', eb.fn.countAll<number>().as('n')])
      .where('workspace_id', '=', workspaceId)
      .where('at', '>=', now - (this.options.windowDays ?? 30) * DAY_MS)
      .where('product_id', 'is not', null);
    if (country) query = query.where('country', '=', country);
    const rows = await query
      .groupBy('product_id')
      .orderBy('n', 'desc')
      .orderBy('product_id')
      .limit(this.options.limit ?? 500)
      .execute();
    return rows.map((row) => row.product_id as string);
  }
}
