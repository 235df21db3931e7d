/**
 * The leave-one-out split of the sequential-recommendation papers (S3-Rec, ICLRec): each user's last item is the
 * held-out target and everything before it is the history the model trains on and scores from.
 */
import type { InteractionData } from './interaction-data';

/** Training data without each user's last item, and that item. */
export interface LeaveOneOutSplit {
  /** Every sequence without its last item (same users, same item index). */
  train: InteractionData;
  /** Held-out item index per user, -1 for a user with no item. */
  targets: Int32Array;
}

/** Holds out the last item of every user. */
export function splitLastItem(data: InteractionData): LeaveOneOutSplit {
  const targets = new Int32Array(data.userCount).fill(-1);
  for (let u = 0; u < data.userCount; u++) {
    const end = data.offsets[u + 1]!;
    if (end > data.offsets[u]!) targets[u] = data.items[end - 1]!;
  }
  return { train: data.withoutLast(1), targets };
}
