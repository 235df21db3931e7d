/** Prometheus metrics (prom-client), one registry per process, served at `/metrics`. */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Job counts of one queue, as read on scrape. */
export type QueueCounts = Record<string, Record<string, number>>;

/** The platform's metrics. */
export class PlatformMetrics {
  readonly registry = new Registry();
  readonly messagesIn: Counter<'channel'>;
  readonly messagesOut: Counter<'channel' | 'author'>;
  readonly duplicatesDropped: Counter<'channel'>;
  readonly replyLatency: Histogram<'channel'>;
  readonly deliveryFailures: Counter<'channel'>;
  readonly queueJobs: Gauge<'queue' | 'state'>;
  private queueCountsSource: (() => Promise<QueueCounts>) | undefined;

  constructor(options: { defaultMetrics?: boolean } = {}) {
    if (options.defaultMetrics !== false) collectDefaultMetrics({ register: this.registry });
    this.messagesIn = new Counter({
      name: 'pgdesk_messages_in_total',
      help: 'Shopper messages accepted (duplicates excluded).',
      labelNames: ['channel'],
      registers: [this.registry],
    });
    this.messagesOut = new Counter({
      name: 'pgdesk_messages_out_total',
      help: 'Messages delivered to shoppers.',
      labelNames: ['channel', 'author'],
      registers: [this.registry],
    });
    this.duplicatesDropped = new Counter({
      name: 'pgdesk_duplicate_messages_total',
      help: 'Inbound messages dropped because their channel message id was seen before.',
      labelNames: ['channel'],
      registers: [this.registry],
    });
    this.replyLatency = new Histogram({
      name: 'pgdesk_reply_latency_seconds',
      help: 'Time from accepting a shopper message to delivering the reply to the channel.',
      labelNames: ['channel'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [this.registry],
    });
    this.deliveryFailures = new Counter({
      name: 'pgdesk_delivery_failures_total',
      help: 'Outgoing messages that failed for good after all retries.',
      labelNames: ['channel'],
      registers: [this.registry],
    });
    const readQueueCounts = () => this.queueCountsSource?.();
    this.queueJobs = new Gauge({
      name: 'pgdesk_queue_jobs',
      help: 'Jobs per queue and state (waiting, active, delayed, failed), read from Redis on scrape.',
      labelNames: ['queue', 'state'],
      registers: [this.registry],
      async collect() {
        // Redis being down must not take every other metric down with it: report no queue depths instead.
        const counts = await readQueueCounts()?.catch(() => undefined);
        this.reset();
        if (!counts) return;
        for (const [queue, states] of Object.entries(counts)) {
          for (const [state, value] of Object.entries(states)) this.set({ queue, state }, value);
        }
      },
    });
  }

  /** Registers where queue depths come from (the process that has the queues). */
  setQueueCountsSource(source: () => Promise<QueueCounts>): void {
    this.queueCountsSource = source;
  }
}
