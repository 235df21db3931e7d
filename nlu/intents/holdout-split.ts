/**
 * A stable, stratified held-out split: each intent gives up the same share of its examples, chosen by a hash of
 * the text, so a retrained model is measured on the same examples as long as the data does not change.
 */
import { createHash } from 'node:crypto';
import type { IntentExample } from './intent-classifier';

/** Training part and held-out part of a data set. */
export interface HoldoutSplit<T> {
  train: T[];
  holdout: T[];
}

function rank(text: string): number {
  return createHash('sha1').update(text).digest().readUInt32BE(0);
}

/** Holds out `fraction` of every intent's examples (at least one when the intent has two or more). */
export function stratifiedHoldout<T extends IntentExample>(examples: readonly T[], fraction: number): HoldoutSplit<T> {
  const byIntent = new Map<string, T[]>();
  for (const example of examples) {
    const list = byIntent.get(example.intent) ?? [];
    list.push(example);
    byIntent.set(example.intent, list);
  }
  const held = new Set<T>();
  for (const list of byIntent.values()) {
    if (list.length < 2) continue;
    const count = Math.max(1, Math.round(list.length * fraction));
    const ranked = list.map((example) => ({ example, key: rank(`${example.language ?? ''}\u0000${example.text}`) }));
    ranked.sort((a, b) => a.key - b.key);
    for (const { example } of ranked.slice(0, count)) held.add(example);
  }
  return { train: examples.filter((e) => !held.has(e)), holdout: examples.filter((e) => held.has(e)) };
}
