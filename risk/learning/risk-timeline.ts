/**
 * What the risk counters saw, in time order: the logged requests (each observed and recorded) and the effects of
 * reported outcomes (a chargeback adds to the customer and to the device, IP, card and address of the charged-back
 * order; a "not received" claim counts as one for the customer). The live platform applies each effect when it
 * happens ({@link labelEffect} is shared with it); retraining and the demo replay the same timeline, so a model is
 * trained on the features the live scorer computed.
 */
import type { CounterEvent, ChargebackRecord, RiskCounterStore } from '../features/counter-store';
import { counterEventOf, entityKeysOf, type RiskFeatureBuilder, type RiskFeatures } from '../features/feature-builder';
import type { RiskRequest } from '../features/risk-request';
import type { RiskLabel } from '../platform/risk-label-store';

/** A logged request with the order it is about. */
export interface LoggedRequest {
  request: RiskRequest;
  orderNumber: string | null;
}

/** What an outcome does to the counters. */
export type LabelEffect = { kind: 'chargeback'; record: ChargebackRecord } | { kind: 'claim'; event: CounterEvent } | { kind: 'none' };

/** One step of the timeline. */
export type TimelineStep = { kind: 'request'; at: number; index: number } | { kind: 'label'; at: number; effect: LabelEffect };

/** Looks up the request an outcome is about (the order's purchase, else the latest request about it). */
export type SubjectLookup = (orderNumber: string) => RiskRequest | undefined;

/**
 * The counter effect of an outcome. `subject` is the request of the labelled order, when known (its purchase
 * scoring, else the latest request about it); without it a chargeback counts for the customer alone.
 */
export function labelEffect(label: Pick<RiskLabel, 'id' | 'workspaceId' | 'kind' | 'customerId' | 'at'>, subject: RiskRequest | undefined): LabelEffect {
  const customerId = subject?.customer.id ?? label.customerId;
  if (!customerId) return { kind: 'none' };
  if (label.kind === 'chargeback') {
    return { kind: 'chargeback', record: { workspaceId: label.workspaceId, id: `label:${label.id}`, customerId, entities: subject ? entityKeysOf(subject) : {} } };
  }
  if (label.kind === 'not_received_claim') {
    return {
      kind: 'claim',
      event: {
        workspaceId: label.workspaceId,
        eventId: `label:${label.id}`,
        at: label.at,
        action: 'package_not_received',
        customerId,
        customerCreatedAt: subject?.customer.createdAt ?? label.at,
        entities: {},
      },
    };
  }
  return { kind: 'none' };
}

/** Applies an outcome's effect to the counters. */
export async function applyLabelEffect(effect: LabelEffect, counters: RiskCounterStore): Promise<void> {
  if (effect.kind === 'chargeback') await counters.recordChargeback(effect.record);
  else if (effect.kind === 'claim') await counters.observe(effect.event);
}

/**
 * The timeline of logged requests (in the given order, which must be by time) and outcomes: an outcome's subject is
 * the labelled order's purchase request, else the latest request about the order, among those before the outcome.
 */
export function buildTimeline(requests: readonly LoggedRequest[], labels: readonly RiskLabel[]): TimelineStep[] {
  const steps: TimelineStep[] = requests.map((r, index) => ({ kind: 'request', at: r.request.at, index }));
  const byOrder = new Map<string, number[]>();
  requests.forEach((r, i) => {
    if (!r.orderNumber) return;
    const list = byOrder.get(r.orderNumber) ?? [];
    list.push(i);
    byOrder.set(r.orderNumber, list);
  });
  for (const label of labels) {
    let subject: RiskRequest | undefined;
    if (label.orderNumber) {
      const before = (byOrder.get(label.orderNumber) ?? []).map((i) => requests[i]!.request).filter((r) => r.at <= label.at);
      subject = before.filter((r) => r.action === 'order').at(-1) ?? before.at(-1);
    }
    steps.push({ kind: 'label', at: label.at, effect: labelEffect(label, subject) });
  }
  // Stable: requests keep their order; at the same instant a request comes before an outcome reported about it.
  return steps
    .map((step, position) => ({ step, position }))
    .sort((a, b) => a.step.at - b.step.at || (a.step.kind === b.step.kind ? a.position - b.position : a.step.kind === 'request' ? -1 : 1))
    .map(({ step }) => step);
}

/**
 * Replays a timeline through `counters`: every request is observed (and recorded), every outcome applied.
 * @returns the features of every request (indexed like `requests`) when a builder is given.
 */
export async function replayTimeline(
  requests: readonly LoggedRequest[],
  steps: readonly TimelineStep[],
  counters: RiskCounterStore,
  builder?: RiskFeatureBuilder,
): Promise<RiskFeatures[]> {
  const features = new Array<RiskFeatures>(builder ? requests.length : 0);
  for (const step of steps) {
    if (step.kind === 'label') {
      await applyLabelEffect(step.effect, counters);
      continue;
    }
    const request = requests[step.index]!.request;
    const snapshot = await counters.observe(counterEventOf(request));
    if (builder) features[step.index] = builder.build(request, snapshot);
  }
  return features;
}
