/**
 * A workspace's risk training set: its logged requests (orders and chat requests) replayed in time order with the
 * outcomes reported meanwhile, each request labelled by the outcome of the order it is about (else of its
 * customer): fraud after a chargeback or an agent's "fraud", legitimate after an agent's "legit" or once the order is
 * older than the chargeback horizon without one. Unlabelled requests still pass through the counters (they shaped
 * the live features) but are not trained on. The most recent share of the labelled rows, by time, is held out.
 */
import { createHash } from 'node:crypto';
import { DEFAULT_COUNTER_WINDOWS, type CounterWindows } from '../features/counter-store';
import type { RiskFeatureBuilder, RiskFeatures } from '../features/feature-builder';
import { MemoryCounterStore } from '../features/memory-counter-store';
import { FRAUD_LABELS, LEGIT_LABELS, type RiskLabel } from '../platform/risk-label-store';
import { buildTimeline, replayTimeline, type LoggedRequest } from './risk-timeline';

/** One labelled row. */
export interface TrainingRow {
  features: RiskFeatures;
  label: 0 | 1;
  /** The customer, so cross-fitting keeps a customer's rows in one fold. */
  group: string;
  at: number;
  eventId: string;
}

/** The rows split by time. */
export interface RiskTrainingSet {
  workspaceId: string;
  /** Older rows: what a model trains on. */
  train: TrainingRow[];
  /** The most recent rows: where models are compared. */
  window: TrainingRow[];
  /** Requests replayed (labelled or not). */
  requests: number;
}

/** Settings of {@link buildTrainingSet}. */
export interface TrainingSetOptions {
  /** Share of the labelled rows, most recent by time, held out. @defaultValue 0.2 */
  holdoutFraction?: number;
  /** Orders this many days old without a fraud label count as legitimate (`0`: never). @defaultValue 60 */
  legitAfterDays?: number;
  windows?: CounterWindows;
  /** "Now", for the legitimate-after horizon. @defaultValue Date.now() */
  now?: number;
}

const DAY = 86_400_000;

/** The label of a subject from its outcomes: the latest fraud or legit verdict wins. */
function verdict(labels: readonly RiskLabel[] | undefined): 0 | 1 | undefined {
  let result: 0 | 1 | undefined;
  for (const label of labels ?? []) {
    if (FRAUD_LABELS.has(label.kind)) result = 1;
    else if (LEGIT_LABELS.has(label.kind)) result = 0;
  }
  return result;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string | null): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === null) continue;
    const list = map.get(k) ?? [];
    list.push(item);
    map.set(k, list);
  }
  return map;
}

/**
 * Replays `requests` (by time) and `labels` (by time) and builds the labelled, time-split rows.
 */
export async function buildTrainingSet(
  workspaceId: string,
  requests: readonly LoggedRequest[],
  labels: readonly RiskLabel[],
  builder: RiskFeatureBuilder,
  options: TrainingSetOptions = {},
): Promise<RiskTrainingSet> {
  const now = options.now ?? Date.now();
  const legitAfterDays = options.legitAfterDays ?? 60;
  const features = await replayTimeline(requests, buildTimeline(requests, labels), new MemoryCounterStore(options.windows ?? DEFAULT_COUNTER_WINDOWS), builder);
  const byOrder = groupBy(labels, (l) => l.orderNumber);
  const byCustomer = groupBy(labels.filter((l) => !l.orderNumber), (l) => l.customerId);
  const rows: TrainingRow[] = [];
  const seen = new Set<string>();
  requests.forEach(({ request, orderNumber }, i) => {
    // The counters count an event id once; so does training.
    if (seen.has(request.eventId)) return;
    seen.add(request.eventId);
    let label = orderNumber ? verdict(byOrder.get(orderNumber)) : undefined;
    label ??= verdict(byCustomer.get(request.customer.id));
    if (label === undefined && legitAfterDays > 0 && request.at <= now - legitAfterDays * DAY) label = 0;
    if (label === undefined) return;
    rows.push({ features: features[i]!, label, group: request.customer.id, at: request.at, eventId: request.eventId });
  });
  rows.sort((a, b) => a.at - b.at);
  const cut = Math.floor(rows.length * (1 - (options.holdoutFraction ?? 0.2)));
  return { workspaceId, train: rows.slice(0, cut), window: rows.slice(cut), requests: requests.length };
}

/** How many frauds and legitimate rows a part holds. */
export function classCounts(rows: readonly TrainingRow[]): { frauds: number; legit: number } {
  const frauds = rows.filter((r) => r.label === 1).length;
  return { frauds, legit: rows.length - frauds };
}

/**
 * A fingerprint of a training set: the labelled rows (event, label, time) and the settings that shape the model. Equal
 * fingerprints mean retraining would learn the same thing.
 */
export function trainingFingerprint(set: RiskTrainingSet, settings: Record<string, unknown>): string {
  const hash = createHash('sha256').update(JSON.stringify(settings)).update('\u0002');
  for (const row of [...set.train, ...set.window]) hash.update(`${row.eventId}\u0001${row.label}\u0001${row.at}\n`);
  return hash.digest('hex');
}
