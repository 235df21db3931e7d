/**
 * When a freshly trained version may go live: only if its held-out primary metric is no worse than the live
 * version's (or there is no live version). An admin can still promote a rejected version by hand.
 */

/** The decision and why. */
export interface PromotionDecision {
  promote: boolean;
  reason: string;
}

/** Compares the primary metric of a candidate with the live version's. */
export function decidePromotion(
  metric: string,
  candidate: Record<string, unknown>,
  live: Record<string, unknown> | null | undefined,
  tolerance = 0,
): PromotionDecision {
  const candidateValue = candidate[metric];
  if (typeof candidateValue !== 'number' || Number.isNaN(candidateValue)) {
    return { promote: false, reason: `candidate has no numeric ${metric}` };
  }
  if (!live) return { promote: true, reason: 'no live version' };
  const liveValue = live[metric];
  if (typeof liveValue !== 'number') return { promote: true, reason: `live version has no ${metric}` };
  if (candidateValue + tolerance >= liveValue) {
    return { promote: true, reason: `${metric} ${candidateValue.toFixed(4)} >= live ${liveValue.toFixed(4)}` };
  }
  return { promote: false, reason: `${metric} ${candidateValue.toFixed(4)} < live ${liveValue.toFixed(4)}` };
}
