import { PlatformMetrics } from '../../platform/metrics';

describe('PlatformMetrics', () => {
  describe('without default metrics', () => {
    it('exposes only the pgdesk_* metrics', async () => {
      const metrics = new PlatformMetrics({ defaultMetrics: false });
      const names = (await metrics.registry.getMetricsAsJSON()).map((m) => m.name).sort();
      expect(names).toEqual([
        'pgdesk_delivery_failures_total',
        'pgdesk_duplicate_messages_total',
        'pgdesk_messages_in_total',
        'pgdesk_messages_out_total',
        'pgdesk_queue_jobs',
        'pgdesk_reply_latency_seconds',
      ]);
    });
  });

  describe('with default metrics', () => {
    it('adds the process metrics next to the pgdesk_* ones', async () => {
      const metrics = new PlatformMetrics();
      const text = await metrics.registry.metrics();
      expect(text).toContain('process_cpu_user_seconds_total');
      expect(text).toContain('# TYPE pgdesk_messages_in_total counter');
    });
  });

  it('keeps each instance’s counts apart (one registry per instance)', async () => {
    const a = new PlatformMetrics({ defaultMetrics: false });
    const b = new PlatformMetrics({ defaultMetrics: false });
    a.messagesIn.inc({ channel: 'webchat' }, 3);
    expect(await a.registry.getSingleMetricAsString('pgdesk_messages_in_total')).toContain('pgdesk_messages_in_total{channel="webchat"} 3');
    expect(await b.registry.getSingleMetricAsString('pgdesk_messages_in_total')).not.toContain('channel="webchat"');
  });

  describe('the queue gauge', () => {
    it('is empty while no source is registered', async () => {
      const metrics = new PlatformMetrics({ defaultMetrics: false });
      expect((await metrics.queueJobs.get()).values).toEqual([]);
    });

    it('reads the counts from the registered source on every scrape', async () => {
      const metrics = new PlatformMetrics({ defaultMetrics: false });
      let waiting = 2;
      const source = jest.fn(async () => ({ inbound: { waiting, active: 1 }, outbound: { failed: 4 } }));
      metrics.setQueueCountsSource(source);
      expect(source).not.toHaveBeenCalled();

      const first = await metrics.registry.getSingleMetricAsString('pgdesk_queue_jobs');
      expect(first).toContain('pgdesk_queue_jobs{queue="inbound",state="waiting"} 2');
      expect(first).toContain('pgdesk_queue_jobs{queue="inbound",state="active"} 1');
      expect(first).toContain('pgdesk_queue_jobs{queue="outbound",state="failed"} 4');

      waiting = 9;
      const second = await metrics.registry.metrics();
      expect(second).toContain('pgdesk_queue_jobs{queue="inbound",state="waiting"} 9');
      expect(source).toHaveBeenCalledTimes(2);
    });

    it('drops states the source no longer reports', async () => {
      const metrics = new PlatformMetrics({ defaultMetrics: false });
      let counts: Record<string, Record<string, number>> = { inbound: { waiting: 5, delayed: 1 } };
      metrics.setQueueCountsSource(async () => counts);
      expect(await metrics.registry.getSingleMetricAsString('pgdesk_queue_jobs')).toContain('state="delayed"');
      counts = { inbound: { waiting: 0 } };
      const text = await metrics.registry.getSingleMetricAsString('pgdesk_queue_jobs');
      expect(text).not.toContain('state="delayed"');
      expect(text).toContain('pgdesk_queue_jobs{queue="inbound",state="waiting"} 0');
    });
  });
});

describe('PlatformMetrics when the queue counts cannot be read', () => {
  it('still serves every other metric', async () => {
    const metrics = new PlatformMetrics({ defaultMetrics: false });
    metrics.messagesIn.inc({ channel: 'webchat' });
    metrics.setQueueCountsSource(async () => {
      throw new Error('Redis is down');
    });
    const text = await metrics.registry.metrics();
    expect(text).toContain('pgdesk_messages_in_total{channel="webchat"} 1');
    expect(text).not.toMatch(/pgdesk_queue_jobs\{/);
  });
});
