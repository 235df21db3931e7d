/**
 * Small generated sequence sets with planted patterns, so each model's test fails when the model cannot find the
 * pattern. Seeded, so every run sees the same data.
 */
import type { ItemContent, UserSequence } from '../../../recommender';

/** mulberry32: a seeded PRNG in [0, 1). */
export function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Item id `i<n>`. */
export const item = (n: number): string => `i${n}`;

/**
 * "What follows what": the items form one cycle in a seeded random order; every user starts at a random item and
 * then moves to the item's successor in that cycle, with an occasional random step (`noise`). With one cycle
 * longer than the sequences, the next item is never one the user already had (unless by noise).
 */
export function chainSequences(options: { users: number; items: number; length: number; noise?: number; seed?: number }): UserSequence[] {
  const rnd = random(options.seed ?? 1);
  return Array.from({ length: options.users }, (_, u) => {
    let at = Math.floor(rnd() * options.items);
    const items = [item(at)];
    while (items.length < options.length) {
      at = rnd() < (options.noise ?? 0.05) ? Math.floor(rnd() * options.items) : nextInCycle(at, options.items);
      items.push(item(at));
    }
    return { user: `u${u}`, items };
  });
}

const cycles = new Map<number, Int32Array>();

/** The planted cycle over `items` items (a fixed shuffle, the same for every call). */
function nextInCycle(n: number, items: number): number {
  let next = cycles.get(items);
  if (!next) {
    const rnd = random(items);
    const order = Array.from({ length: items }, (_, i) => i);
    for (let i = items - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    next = new Int32Array(items);
    order.forEach((at, k) => (next![at] = order[(k + 1) % items]!));
    cycles.set(items, next);
  }
  return next[n]!;
}

/** The planted successor of an item of {@link chainSequences} over `items` items. */
export function successor(id: string, items: number): string {
  return item(nextInCycle(Number(id.slice(1)), items));
}

/** The planted predecessor of an item of {@link chainSequences} over `items` items. */
export function predecessor(id: string, items: number): string {
  for (let n = 0; n < items; n++) if (nextInCycle(n, items) === Number(id.slice(1))) return item(n);
  throw new Error(`${id} is not an item of the chain`);
}

/**
 * Taste groups: items fall into `groups` groups of consecutive ids; every user shops in one group, in random
 * order, without repeats.
 */
export function groupSequences(options: { users: number; groups: number; groupSize: number; length: number; seed?: number }): UserSequence[] {
  const rnd = random(options.seed ?? 2);
  return Array.from({ length: options.users }, (_, u) => {
    const group = u % options.groups;
    const pool = Array.from({ length: options.groupSize }, (_, k) => group * options.groupSize + k);
    const items: string[] = [];
    while (items.length < Math.min(options.length, options.groupSize)) items.push(item(pool.splice(Math.floor(rnd() * pool.length), 1)[0]!));
    return { user: `u${u}`, items };
  });
}

/** Group of an item of {@link groupSequences}. */
export const groupOf = (id: string, groupSize: number): number => Math.floor(Number(id.slice(1)) / groupSize);

/** Catalogue content giving each item of a group the group's brand attribute and a text naming it. */
export function groupCatalogue(groups: number, groupSize: number, extra: readonly ItemContent[] = []): ItemContent[] {
  const content: ItemContent[] = [];
  for (let g = 0; g < groups; g++) {
    for (let k = 0; k < groupSize; k++) content.push({ id: item(g * groupSize + k), attributes: [`brand-${g}`, `size-${k % 3}`], text: `Product ${k} of brand${g}` });
  }
  return [...content, ...extra];
}
