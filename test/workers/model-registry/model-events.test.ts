import { Redis } from 'ioredis';
import {
  modelEventsChannel,
  publishModelEvent,
  subscribeModelEvents,
  type ModelEvent,
} from '../../../workers/model-registry/model-events';
import { REDIS_URL, deleteRedisPrefix, uniquePrefix } from '../../support/services';
import { waitFor } from '../../support/wait-for';

describe('model events', () => {
  let publisher: Redis;
  let subscriber: Redis;
  let prefix: string;

  beforeEach(() => {
    prefix = uniquePrefix('model-events');
    publisher = new Redis(REDIS_URL);
    subscriber = new Redis(REDIS_URL);
  });

  afterEach(async () => {
    await subscriber.quit();
    await publisher.quit();
    await deleteRedisPrefix(prefix);
  });

  /** Lets a published message travel to the subscriber (pub/sub has no acknowledgement to wait for). */
  const settle = () => new Promise((resolve) => setTimeout(resolve, 100));

  describe('modelEventsChannel', () => {
    it('is one channel per deployment prefix', () => {
      expect(modelEventsChannel('pgdesk')).toBe('pgdesk:model-events');
      expect(modelEventsChannel('shop-eu')).not.toBe(modelEventsChannel('shop-us'));
    });
  });

  describe('when an event is published on the prefix', () => {
    it('reaches the subscriber unchanged, in order', async () => {
      const received: ModelEvent[] = [];
      await subscribeModelEvents(subscriber, prefix, (event) => received.push(event));
      const events: ModelEvent[] = [
        { type: 'progress', scope: 'ws-1', component: 'intent-classifier', version: 3, fraction: 0.25 },
        { type: 'completed', scope: 'ws-1', component: 'intent-classifier', version: 3, metrics: { accuracy: 0.9 } },
        { type: 'promoted', scope: null, component: 'intent-classifier', version: 7, reason: 'no live version' },
        { type: 'rejected', scope: 'ws-2', component: 'intent-classifier', version: 2, reason: 'accuracy 0.5 < live 0.9' },
        { type: 'failed', scope: 'ws-2', component: 'intent-classifier', version: 4, error: 'boom' },
      ];
      for (const event of events) await publishModelEvent(publisher, prefix, event);
      await waitFor(() => received.length === events.length);
      expect(received).toEqual(events);
    });
  });

  describe('when an event is published under another prefix', () => {
    it('does not reach the subscriber', async () => {
      const received: ModelEvent[] = [];
      await subscribeModelEvents(subscriber, prefix, (event) => received.push(event));
      const other = uniquePrefix('model-events-other');
      await publishModelEvent(publisher, other, { type: 'promoted', scope: null, component: 'x', version: 1, reason: 'other' });
      await publishModelEvent(publisher, prefix, { type: 'promoted', scope: null, component: 'x', version: 2, reason: 'ours' });
      await waitFor(() => received.length >= 1);
      await settle();
      expect(received.map((e) => e.version)).toEqual([2]);
    });
  });

  describe('when a malformed payload arrives', () => {
    it('ignores it and keeps delivering the events after it', async () => {
      const received: ModelEvent[] = [];
      await subscribeModelEvents(subscriber, prefix, (event) => received.push(event));
      await publisher.publish(modelEventsChannel(prefix), '{not json');
      await publishModelEvent(publisher, prefix, { type: 'promoted', scope: 'ws', component: 'x', version: 5, reason: 'after' });
      await waitFor(() => received.length >= 1);
      await settle();
      expect(received).toEqual([{ type: 'promoted', scope: 'ws', component: 'x', version: 5, reason: 'after' }]);
    });
  });

  describe('when the listener throws', () => {
    it('keeps the subscription alive for the next event', async () => {
      const received: ModelEvent[] = [];
      await subscribeModelEvents(subscriber, prefix, (event) => {
        received.push(event);
        if (event.version === 1) throw new Error('listener bug');
      });
      await publishModelEvent(publisher, prefix, { type: 'promoted', scope: null, component: 'x', version: 1, reason: 'first' });
      await publishModelEvent(publisher, prefix, { type: 'promoted', scope: null, component: 'x', version: 2, reason: 'second' });
      await waitFor(() => received.length === 2);
      expect(received.map((e) => e.version)).toEqual([1, 2]);
    });
  });

  describe('after unsubscribing', () => {
    it('delivers nothing more to that listener, while another subscription goes on', async () => {
      const stopped: ModelEvent[] = [];
      const kept: ModelEvent[] = [];
      const keptSubscriber = new Redis(REDIS_URL);
      try {
        const unsubscribe = await subscribeModelEvents(subscriber, prefix, (event) => stopped.push(event));
        await subscribeModelEvents(keptSubscriber, prefix, (event) => kept.push(event));
        await publishModelEvent(publisher, prefix, { type: 'promoted', scope: null, component: 'x', version: 1, reason: 'before' });
        await waitFor(() => stopped.length === 1 && kept.length === 1);
        await unsubscribe();
        expect(await publisher.pubsub('NUMSUB', modelEventsChannel(prefix))).toEqual([modelEventsChannel(prefix), 1]);
        await publishModelEvent(publisher, prefix, { type: 'promoted', scope: null, component: 'x', version: 2, reason: 'after' });
        await waitFor(() => kept.length === 2);
        await settle();
        expect(stopped.map((e) => e.version)).toEqual([1]);
      } finally {
        await keptSubscriber.quit();
      }
    });
  });
});
