/**
 * Prometheus metrics of the event intake, registered on the process's registry (`context.metrics.registry`, served
 * at `/metrics`). Creating them twice on one registry (a server and a worker in one process) reuses the first ones.
 */
import { Counter, Histogram, type Registry } from 'prom-client';
import type { EventRejectCode, InteractionEventType } from './event-types';

/** The intake's counters and histograms. */
export interface EventMetrics {
  /** `pgdesk_events_accepted_total{type}`: events stored. */
  accepted: Counter<'type'>;
  /** `pgdesk_events_rejected_total{reason}`: events refused (unknown product, invalid, too old, ...). */
  rejected: Counter<'reason'>;
  /** `pgdesk_events_duplicate_total`: events whose id was stored before (retries). */
  duplicates: Counter;
  /** `pgdesk_events_flush_seconds`: time of one bulk write (one transaction). */
  flushSeconds: Histogram;
  /** `pgdesk_events_flush_size`: events per bulk write. */
  flushSize: Histogram;
}

function existing<T>(registry: Registry, name: string): T | undefined {
  return registry.getSingleMetric(name) as T | undefined;
}

/** Creates (or finds) the intake's metrics on `registry`. */
export function createEventMetrics(registry: Registry): EventMetrics {
  const accepted =
    existing<Counter<'type'>>(registry, 'pgdesk_events_accepted_total') ??
    new Counter({ name: 'pgdesk_events_accepted_total', help: 'Interaction events stored, by type.', labelNames: ['type'], registers: [registry] });
  const rejected =
    existing<Counter<'reason'>>(registry, 'pgdesk_events_rejected_total') ??
    new Counter({
      name: 'pgdesk_events_rejected_total',
      help: 'Interaction events refused, by reason (invalid, unknown_product, product_mismatch, unknown_customer, too_old, in_future).',
      labelNames: ['reason'],
      registers: [registry],
    });
  const duplicates =
    existing<Counter>(registry, 'pgdesk_events_duplicate_total') ??
    new Counter({ name: 'pgdesk_events_duplicate_total', help: 'Interaction events whose event id was stored before (retried sends).', registers: [registry] });
  const flushSeconds =
    existing<Histogram>(registry, 'pgdesk_events_flush_seconds') ??
    new Histogram({
      name: 'pgdesk_events_flush_seconds',
      help: 'Duration of one bulk write of interaction events (one transaction).',
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
      registers: [registry],
    });
  const flushSize =
    existing<Histogram>(registry, 'pgdesk_events_flush_size') ??
    new Histogram({
      name: 'pgdesk_events_flush_size',
      help: 'Interaction events per bulk write.',
      buckets: [1, 5, 10, 50, 100, 250, 500, 1000, 2500, 5000],
      registers: [registry],
    });
  return { accepted, rejected, duplicates, flushSeconds, flushSize };
}

/** Counts one event's outcome. */
export function countOutcome(metrics: EventMetrics | undefined, type: InteractionEventType | undefined, outcome: { status: string; code?: EventRejectCode }): void {
  if (!metrics) return;
  if (outcome.status === 'accepted') metrics.accepted.inc({ type: type ?? 'unknown' });
  else if (outcome.status === 'duplicate') metrics.duplicates.inc();
  else metrics.rejected.inc({ reason: outcome.code ?? 'invalid' });
}
