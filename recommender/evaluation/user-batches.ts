/**
 * Walks evaluation users in batches, so models with a batched scoring path (a native matrix product) score many
 * users per call: each batch carries the users' histories and, per user, a mask of the items that history
 * excludes (one reusable batch x items buffer).
 */
import type { InteractionData } from '../data/interaction-data';
import type { ScoringContext } from '../models/recommender-model';

/** One batch of users. */
export interface UserBatch {
  users: number[];
  histories: Int32Array[];
  /** Per user: its exclusion mask (a row of one shared buffer) and country. */
  contexts: ScoringContext[];
}

/** Users per batch unless told otherwise. */
export const DEFAULT_BATCH_SIZE = 256;

/** Yields the users with a target (`targets[u] >= 0`) in batches of `size`. */
export function* userBatches(histories: InteractionData, users: ArrayLike<number>, targets: Int32Array, size = DEFAULT_BATCH_SIZE): Generator<UserBatch> {
  const n = histories.itemCount;
  const masks = new Uint8Array(size * n);
  let batch: UserBatch = { users: [], histories: [], contexts: [] };
  const clear = (): void => {
    batch.histories.forEach((h, b) => {
      for (const i of h) masks[b * n + i] = 0;
    });
  };
  for (let k = 0; k < users.length; k++) {
    const u = users[k]!;
    if (targets[u]! < 0) continue;
    const b = batch.users.length;
    const history = histories.sequence(u);
    const excluded = masks.subarray(b * n, (b + 1) * n);
    for (const i of history) excluded[i] = 1;
    batch.users.push(u);
    batch.histories.push(history);
    batch.contexts.push({ excluded, country: histories.userCountry[u]! });
    if (batch.users.length === size) {
      yield batch;
      clear();
      batch = { users: [], histories: [], contexts: [] };
    }
  }
  if (batch.users.length) {
    yield batch;
    clear();
  }
}

/** All user indices of `data`. */
export function allUsers(data: InteractionData): Int32Array {
  return Int32Array.from({ length: data.userCount }, (_, u) => u);
}
