/**
 * Replays requests in time order through the counters and the feature builder, as a live system would have seen
 * them: each request gets the counts of every request before it, then is recorded.
 */
import type { RiskCounterStore } from '../features/counter-store';
import { counterEventOf, type RiskFeatureBuilder, type RiskFeatures } from '../features/feature-builder';
import type { RiskRequest } from '../features/risk-request';

/** Indices of `requests` in time order (ties keep their input order). */
export function timeOrder(requests: readonly RiskRequest[]): number[] {
  return Array.from({ length: requests.length }, (_, i) => i).sort((a, b) => requests[a]!.at - requests[b]!.at || a - b);
}

/** Features of every request (indexed like `requests`), computed causally in time order. */
export async function replayFeatures(requests: readonly RiskRequest[], counters: RiskCounterStore, builder: RiskFeatureBuilder): Promise<RiskFeatures[]> {
  const out = new Array<RiskFeatures>(requests.length);
  for (const i of timeOrder(requests)) {
    const request = requests[i]!;
    const snapshot = await counters.observe(counterEventOf(request));
    out[i] = builder.build(request, snapshot);
  }
  return out;
}
