import { MemoryCounterStore, RiskFeatureBuilder, counterEventOf, topReasons } from '../../../risk';
import { describeMinutes } from '../../../risk/explanations/plain-reasons';
import { orderRequest } from '../risk-fixtures';

describe('plain-words reasons', () => {
  async function features() {
    const store = new MemoryCounterStore();
    const builder = new RiskFeatureBuilder();
    const at = Date.UTC(2025, 0, 1, 12, 0);
    for (const id of ['a', 'b', 'c']) await store.observe(counterEventOf(orderRequest({ eventId: id, at: at - 60_000, customer: { id, createdAt: at - 120_000 } })));
    const request = orderRequest({ eventId: 'me', at, customer: { id: 'me', createdAt: at - 4 * 60_000 } });
    return builder.build(request, await store.observe(counterEventOf(request)));
  }

  it('describes the features that raised the score with their values, strongest first', async () => {
    const reasons = topReasons(
      [
        { feature: 'minutes_since_signup', contribution: 1.2 },
        { feature: 'device_other_accounts', contribution: 2.5 },
        { feature: 'age', contribution: -0.4 },
        { feature: 'browser', contribution: 0.01 },
      ],
      await features(),
    );
    expect(reasons.map((r) => r.text)).toEqual(['3 other accounts used this device', 'purchase 4 minutes after sign-up']);
    expect(reasons[0]).toMatchObject({ code: 'device_other_accounts', weight: 2.5 });
  });

  it('explains a low score by what lowered it', async () => {
    const reasons = topReasons([{ feature: 'hour_of_day', contribution: -0.4 }, { feature: 'source', contribution: -0.2 }], await features());
    expect(reasons.map((r) => r.text)).toEqual(['placed at 12:00', 'traffic source: SEO']);
  });

  it('gives at most the number asked for', async () => {
    const contributions = ['minutes_since_signup', 'device_other_accounts', 'ip_other_accounts', 'hour_of_day'].map((feature, i) => ({ feature, contribution: 1 + i }));
    expect(topReasons(contributions, await features(), 2)).toHaveLength(2);
  });

  it('says durations the way people do', () => {
    expect(describeMinutes(0.2)).toBe('less than a minute');
    expect(describeMinutes(1)).toBe('1 minute');
    expect(describeMinutes(180)).toBe('3 hours');
    expect(describeMinutes(3 * 1440)).toBe('3 days');
  });
});
