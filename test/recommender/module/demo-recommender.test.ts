import { RECOMMENDER_COMPONENT } from '../../../recommender/module';
import { startInProcessPlatform, type InProcessPlatform } from '../../support/platform';
import { waitFor } from '../../support/wait-for';

describe('The demo store at first start (npm start)', () => {
  let platform: InProcessPlatform;

  // Starting the whole platform (language model, demo store, knowledge index, history seeding) is not what is measured
  // here: it took over 30 s once in CI while the other jest worker ran a multi-process suite on the same 2 cores.
  beforeAll(async () => {
    platform = await startInProcessPlatform({ overrides: { recommender: { seedDemoHistory: true } } });
  }, 60_000);

  afterAll(async () => {
    await platform?.close();
  });

  it('seeds the shoppers history, trains the recommender in the worker and has a live model within seconds', async () => {
    const { context, config } = platform;
    const workspaceId = (await context.workspaces.findBySlug(config.workspace.defaultSlug))!.id;
    const live = await waitFor(async () => (await context.models.live(workspaceId, RECOMMENDER_COMPONENT)) ?? false, 20_000);
    expect(live.kind).toBe('blend');
    expect(live.metrics).toMatchObject({ split: 'validation' });
    expect((live.metrics as { hr10: number }).hr10).toBeGreaterThan(0);
    // Serving answers a demo visitor with the live model.
    const answer = await context.recommender!.serving.recommend({ workspaceId, subject: { visitorId: 'demo-visitor-1' }, limit: 4 });
    expect(answer.products).toHaveLength(4);
    expect(answer.model.kind).toBe('blend');
  }, 30_000);
});
