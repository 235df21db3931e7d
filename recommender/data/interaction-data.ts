/**
 * Interactions as the models train on them: each shopper's items in time order (views, carts and purchases from
 * every session and channel, or one line of a sequence file), with item ids turned into dense indices once so every
 * model works on typed arrays. Items known only from the catalogue (no interaction yet) get indices too, so the
 * content model can recommend them.
 */

/** One shopper's items in time order. */
export interface UserSequence {
  /** Shopper id (any string). */
  user: string;
  /** Item ids, oldest first; repeats are kept (a second purchase is a signal too). */
  items: readonly string[];
  /** ISO 3166 alpha-2 country of the shopper, when known (per-country popularity). */
  country?: string;
}

/** One interaction event (view, add-to-cart, purchase...). */
export interface InteractionEvent {
  user: string;
  item: string;
  /** When it happened (epoch milliseconds); events of one user are ordered by it. */
  at: number;
  country?: string;
}

/** What the content model reads about an item. */
export interface ItemContent {
  id: string;
  /** Title, description... in any language. */
  text?: string;
  /** Brand, categories, other attribute values (each one a token). */
  attributes?: readonly string[];
}

/** Options of {@link InteractionData.fromSequences}. */
export interface InteractionDataOptions {
  /** Catalogue content; items listed here but never interacted with become (cold) items of the index. */
  catalogue?: readonly ItemContent[];
}

/** The error for interaction data that cannot be used as given. */
export class InteractionDataError extends Error {
  override readonly name = 'InteractionDataError';
}

/** See the file comment. Immutable. */
export class InteractionData {
  private constructor(
    /** Item id of each dense index. */
    readonly itemIds: readonly string[],
    /** Shopper id of each user index. */
    readonly userIds: readonly string[],
    /** CSR offsets into {@link items}: user `u` has `items[offsets[u]..offsets[u+1])`. */
    readonly offsets: Int32Array,
    /** Every user's item indices, concatenated, each user's in time order. */
    readonly items: Int32Array,
    /** Country code of each country index. */
    readonly countries: readonly string[],
    /** Country index of each user, -1 when unknown. */
    readonly userCountry: Int32Array,
    /** Content of each item index (undefined when the catalogue says nothing about it). */
    readonly content: readonly (ItemContent | undefined)[],
    private readonly index: ReadonlyMap<string, number>,
  ) {}

  /**
   * Builds the data from sequences. Item indices follow first appearance (sequences first, then catalogue-only
   * items), so the same input always gives the same indices.
   * @throws InteractionDataError when a user id appears twice.
   */
  static fromSequences(sequences: readonly UserSequence[], options: InteractionDataOptions = {}): InteractionData {
    const index = new Map<string, number>();
    const itemIds: string[] = [];
    const seenUsers = new Set<string>();
    const countries: string[] = [];
    const countryIndex = new Map<string, number>();
    let total = 0;
    for (const s of sequences) total += s.items.length;
    const offsets = new Int32Array(sequences.length + 1);
    const items = new Int32Array(total);
    const userCountry = new Int32Array(sequences.length).fill(-1);
    let at = 0;
    sequences.forEach((s, u) => {
      if (seenUsers.has(s.user)) throw new InteractionDataError(`User ${s.user} appears twice; merge their items into one time-ordered sequence`);
      seenUsers.add(s.user);
      for (const id of s.items) {
        let i = index.get(id);
        if (i === undefined) {
          i = itemIds.length;
          index.set(id, i);
          itemIds.push(id);
        }
        items[at++] = i;
      }
      offsets[u + 1] = at;
      if (s.country) {
        let c = countryIndex.get(s.country);
        if (c === undefined) {
          c = countries.length;
          countryIndex.set(s.country, c);
          countries.push(s.country);
        }
        userCountry[u] = c;
      }
    });
    const content: (ItemContent | undefined)[] = [];
    for (const c of options.catalogue ?? []) {
      let i = index.get(c.id);
      if (i === undefined) {
        i = itemIds.length;
        index.set(c.id, i);
        itemIds.push(c.id);
      }
      content[i] = c;
    }
    content.length = itemIds.length;
    return new InteractionData(itemIds, sequences.map((s) => s.user), offsets, items, countries, userCountry, content, index);
  }

  /** Builds the data from events: grouped by user, each user's events ordered by time (stable for equal times). */
  static fromEvents(events: readonly InteractionEvent[], options: InteractionDataOptions = {}): InteractionData {
    const byUser = new Map<string, { events: InteractionEvent[]; country?: string }>();
    for (const e of events) {
      if (!Number.isFinite(e.at)) throw new InteractionDataError(`Event of user ${e.user} on item ${e.item} has no valid time (at: epoch milliseconds)`);
      let entry = byUser.get(e.user);
      if (!entry) byUser.set(e.user, (entry = { events: [] }));
      entry.events.push(e);
      if (e.country) entry.country = e.country;
    }
    const sequences: UserSequence[] = [];
    for (const [user, entry] of byUser) {
      const ordered = entry.events.map((e, i) => ({ e, i })).sort((a, b) => a.e.at - b.e.at || a.i - b.i);
      sequences.push({ user, items: ordered.map((o) => o.e.item), ...(entry.country ? { country: entry.country } : {}) });
    }
    return InteractionData.fromSequences(sequences, options);
  }

  /** Number of items (interacted or catalogue-only). */
  get itemCount(): number {
    return this.itemIds.length;
  }

  /** Number of users. */
  get userCount(): number {
    return this.userIds.length;
  }

  /** Number of interactions. */
  get interactionCount(): number {
    return this.items.length;
  }

  /** Dense index of an item id, or undefined for an unknown item. */
  indexOf(itemId: string): number | undefined {
    return this.index.get(itemId);
  }

  /** User `u`'s item indices in time order (a view, not a copy). */
  sequence(u: number): Int32Array {
    return this.items.subarray(this.offsets[u]!, this.offsets[u + 1]!);
  }

  /**
   * The same users and item index with the last `count` items of every sequence removed (users keep at least an
   * empty sequence). The item index is unchanged, so indices stay comparable across the two.
   */
  withoutLast(count: number): InteractionData {
    const users = this.userCount;
    const offsets = new Int32Array(users + 1);
    let total = 0;
    for (let u = 0; u < users; u++) {
      total += Math.max(0, this.offsets[u + 1]! - this.offsets[u]! - count);
      offsets[u + 1] = total;
    }
    const items = new Int32Array(total);
    for (let u = 0; u < users; u++) items.set(this.items.subarray(this.offsets[u]!, this.offsets[u]! + offsets[u + 1]! - offsets[u]!), offsets[u]!);
    return new InteractionData(this.itemIds, this.userIds, offsets, items, this.countries, this.userCountry, this.content, this.index);
  }

  /** The same data restricted to the users `keep` (in that order). */
  selectUsers(keep: ArrayLike<number>): InteractionData {
    const offsets = new Int32Array(keep.length + 1);
    for (let k = 0; k < keep.length; k++) offsets[k + 1] = offsets[k]! + this.offsets[keep[k]! + 1]! - this.offsets[keep[k]!]!;
    const items = new Int32Array(offsets[keep.length]!);
    const userCountry = new Int32Array(keep.length);
    const userIds: string[] = [];
    for (let k = 0; k < keep.length; k++) {
      const u = keep[k]!;
      items.set(this.sequence(u), offsets[k]!);
      userCountry[k] = this.userCountry[u]!;
      userIds.push(this.userIds[u]!);
    }
    return new InteractionData(this.itemIds, userIds, offsets, items, this.countries, userCountry, this.content, this.index);
  }

  /** Interactions per item (repeats counted). */
  itemCounts(): Float64Array {
    const counts = new Float64Array(this.itemCount);
    for (const i of this.items) counts[i]!++;
    return counts;
  }
}
