import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import pino from 'pino';
import { IntentClassifierComponent, type IntentClassifier, type IntentExample } from '../../../nlu/intents';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../../../platform/database';
import type { TrainableComponent, TrainedArtefact, TrainingControl, TrainingSet } from '../../../platform/models/trainable-component';
import { WorkspaceStore } from '../../../platform/workspaces';
import { trainModelProcessor, type TrainModelResult } from '../../../workers/jobs/train-model.job';
import { subscribeModelEvents, type ModelEvent } from '../../../workers/model-registry/model-events';
import { ModelRegistry, type ModelScope } from '../../../workers/model-registry/model-registry';
import { bullPrefix, queueNames, type TrainModelJobData } from '../../../workers/queues';
import { createSqliteDatabase, type TestDatabase } from '../../support/databases';
import { REDIS_URL, deleteRedisPrefix, uniquePrefix } from '../../support/services';
import { waitFor } from '../../support/wait-for';

/** A small built-in intent set: enough for the real classifier to train in a moment. */
const builtinExamples: IntentExample[] = [
  ...['hello there', 'hi', 'good morning', 'hey, anyone around?', 'hello, I need help', 'hi team', 'good evening', 'hey hey'].map(
    (text) => ({ text, intent: 'greeting', language: 'en' }),
  ),
  ...[
    'where is my order',
    'track my package',
    'has my parcel shipped yet',
    'when will my order arrive',
    'order status please',
    'my delivery is late',
    'where is my parcel',
    'tracking number for my order',
  ].map((text) => ({ text, intent: 'order_status', language: 'en' })),
  ...[
    'I want a refund',
    'give me my money back',
    'refund my purchase',
    'how do I get a refund',
    'return this item for a refund',
    'can I return my shoes',
    'money back please',
    'I would like to return it',
  ].map((text) => ({ text, intent: 'refund', language: 'en' })),
];

/** What the scripted component does when asked to train a scope. */
interface Script {
  /** Changing it changes the fingerprint (new training data). */
  data: string;
  metrics: Record<string, unknown>;
  /** Progress fractions reported while training. */
  progress?: number[];
  /** Training fails with this message. */
  fail?: string;
}

/**
 * A real TrainableComponent whose outcome each test chooses: its data, the metrics a training run reaches, the
 * progress it reports, or a failure. The artefact is the data itself.
 */
class ScriptedComponent implements TrainableComponent<{ scope: string | null; text: string }, string> {
  readonly name = 'scripted';
  readonly primaryMetric = 'accuracy';
  private readonly scripts = new Map<string | null, Script>();

  script(scope: string | null, script: Script): void {
    this.scripts.set(scope, script);
  }

  private get(scope: string | null): Script {
    const script = this.scripts.get(scope);
    if (!script) throw new Error(`no script for ${scope}`);
    return script;
  }

  async collect(scope: string | null): Promise<TrainingSet<{ scope: string | null; text: string }>> {
    const { data } = this.get(scope);
    return { data: { scope, text: data }, fingerprint: `fp-${scope ?? 'builtin'}-${data}`, kind: 'scripted-kind' };
  }

  async train(set: TrainingSet<{ scope: string | null; text: string }>, control: TrainingControl): Promise<TrainedArtefact> {
    const script = this.get(set.data.scope);
    for (const fraction of script.progress ?? [0.5, 1]) {
      control.onProgress?.(fraction);
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (script.fail) throw new Error(script.fail);
    return { artefact: Buffer.from(set.data.text), metrics: script.metrics };
  }

  load(_kind: string, artefact: Buffer): string {
    return artefact.toString('utf8');
  }
}

type Outcome = { jobId: string; result: TrainModelResult; error?: undefined } | { jobId: string; result?: undefined; error: Error };

interface TrainedCall {
  scope: string | null;
  component: string;
  fingerprint: string;
  trained: { kind: string; artefact: Buffer; metrics: Record<string, unknown> };
}

describe('trainModelProcessor', () => {
  const prefix = uniquePrefix('train-model');
  let database: TestDatabase;
  let handle: DatabaseHandle;
  let registry: ModelRegistry;
  let workspaces: WorkspaceStore;
  let connection: Redis;
  let workerConnection: Redis;
  let publisher: Redis;
  let subscriber: Redis;
  let queue: Queue<TrainModelJobData>;
  let worker: Worker<TrainModelJobData, TrainModelResult>;
  const events: ModelEvent[] = [];
  const trainedCalls: TrainedCall[] = [];
  const workspaceExamples = new Map<string, IntentExample[]>();
  const intents = new IntentClassifierComponent({
    kind: 'linear-svm',
    builtinExamples: () => builtinExamples,
    workspaceExamples: async (workspaceId) => workspaceExamples.get(workspaceId) ?? [],
  });
  const scripted = new ScriptedComponent();
  const pending = new Map<string, (outcome: Outcome) => void>();
  let jobCounter = 0;
  let workspaceCounter = 0;

  beforeAll(async () => {
    database = await createSqliteDatabase();
    handle = openDatabase(database.url);
    await migrateToLatest(handle.db as never);
    registry = new ModelRegistry(handle.db);
    workspaces = new WorkspaceStore(handle.db);
    connection = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
    workerConnection = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
    publisher = new Redis(REDIS_URL);
    subscriber = new Redis(REDIS_URL);
    await subscribeModelEvents(subscriber, prefix, (event) => events.push(event));
    queue = new Queue<TrainModelJobData>(queueNames.training, { connection, prefix: bullPrefix(prefix) });
    const components = new Map<string, TrainableComponent<unknown, unknown>>([
      [intents.name, intents as TrainableComponent<unknown, unknown>],
      [scripted.name, scripted as TrainableComponent<unknown, unknown>],
    ]);
    worker = new Worker<TrainModelJobData, TrainModelResult>(
      queueNames.training,
      trainModelProcessor({
        registry,
        components,
        redis: publisher,
        keyPrefix: prefix,
        logger: pino({ level: 'silent' }),
        onTrained: (scope, component, fingerprint, trained) => trainedCalls.push({ scope, component, fingerprint, trained }),
      }),
      { connection: workerConnection, prefix: bullPrefix(prefix), concurrency: 1 },
    );
    worker.on('completed', (job, result) => pending.get(job.id!)?.({ jobId: job.id!, result }));
    worker.on('failed', (job, error) => {
      if (job) pending.get(job.id!)?.({ jobId: job.id!, error });
    });
    await worker.waitUntilReady();
  });

  afterAll(async () => {
    await worker?.close();
    await queue?.close();
    await Promise.all([connection?.quit(), workerConnection?.quit(), publisher?.quit(), subscriber?.quit()]);
    await deleteRedisPrefix(prefix);
    await handle?.close();
    await database?.drop();
  });

  /** A workspace of its own for each test, so versions and events of one test never meet another's. */
  async function newWorkspace(): Promise<string> {
    workspaceCounter += 1;
    const slug = `shop-${workspaceCounter}`;
    return (await workspaces.ensure({ slug, name: slug, defaultLanguage: 'en' })).workspace.id;
  }

  /** Queues a training job (one attempt) and waits for the worker to finish it. */
  async function run(data: Omit<TrainModelJobData, 'requestedBy'>): Promise<Outcome> {
    jobCounter += 1;
    const jobId = `train-test-${jobCounter}`;
    const finished = new Promise<Outcome>((resolve) => pending.set(jobId, resolve));
    await queue.add('train-model', { requestedBy: 'test', ...data }, { jobId, attempts: 1 });
    return finished;
  }

  function eventsOf(scope: ModelScope, component: string): ModelEvent[] {
    return events.filter((e) => e.scope === scope && e.component === component);
  }

  /** Waits until the scope's events include one of `type` (pub/sub delivery is asynchronous). */
  async function waitForEvent(scope: ModelScope, component: string, type: ModelEvent['type']): Promise<ModelEvent[]> {
    return waitFor(() => {
      const list = eventsOf(scope, component);
      return list.some((e) => e.type === type) && list;
    });
  }

  describe('with the real intent classifier', () => {
    let workspaceId: string;
    let first: Outcome;

    beforeAll(async () => {
      workspaceId = await newWorkspace();
      workspaceExamples.set(workspaceId, [
        ...['is there a discount code', 'any coupons today', 'do you have a promo code', 'voucher for my first order'].map((text) => ({
          text,
          intent: 'promo_code',
          language: 'en',
        })),
      ]);
      first = await run({ scope: workspaceId, component: intents.name });
    });

    describe('on the first run for a workspace', () => {
      it('promotes the new version because nothing was live', async () => {
        expect(first.error).toBeUndefined();
        expect(first.result).toMatchObject({ outcome: 'promoted', version: 1, reason: 'no live version' });
        expect(first.result).toHaveProperty('metrics.accuracy', expect.any(Number));
        const live = await registry.live(workspaceId, intents.name);
        expect(live).toMatchObject({ version: 1, status: 'live', kind: 'linear-svm', workspaceId });
        expect(live?.dataFingerprint).toBe((await intents.collect(workspaceId)).fingerprint);
      });

      it('stores an artefact that loads into a classifier knowing the workspace intents', async () => {
        const live = await registry.live(workspaceId, intents.name);
        const classifier: IntentClassifier = intents.load(live!.kind, await registry.artefact(live!.id));
        expect([...classifier.intents].sort()).toEqual(['greeting', 'order_status', 'promo_code', 'refund']);
        expect(classifier.predict('where is my order').ranking[0]?.intent).toBe('order_status');
      });

      it('reports progress up to 100 on the job and as progress events', async () => {
        const job = await queue.getJob(first.jobId);
        expect(job?.progress).toBe(100);
        const list = await waitForEvent(workspaceId, intents.name, 'promoted');
        const fractions = list.filter((e) => e.type === 'progress').map((e) => (e.type === 'progress' ? e.fraction : -1));
        expect(fractions.length).toBeGreaterThan(1);
        expect(fractions[fractions.length - 1]).toBe(1);
        expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
        expect(list.map((e) => e.type).filter((t) => t !== 'progress')).toEqual(['completed', 'promoted']);
        expect(list.every((e) => e.version === 1)).toBe(true);
      });

      it('hands the trained artefact to onTrained', async () => {
        const call = trainedCalls.find((c) => c.scope === workspaceId && c.component === intents.name);
        const live = await registry.live(workspaceId, intents.name);
        expect(call).toBeDefined();
        expect(call!.fingerprint).toBe(live!.dataFingerprint);
        expect(call!.trained.kind).toBe('linear-svm');
        expect(call!.trained.metrics).toEqual(live!.metrics);
        expect(call!.trained.artefact.equals(await registry.artefact(live!.id))).toBe(true);
      });
    });

    describe('when the same data is trained again', () => {
      it('keeps the live version and reports it unchanged', async () => {
        const callsBefore = trainedCalls.length;
        const again = await run({ scope: workspaceId, component: intents.name });
        expect(again.result).toEqual({ outcome: 'unchanged', liveVersion: 1 });
        expect((await registry.list(workspaceId, intents.name)).map((v) => v.version)).toEqual([1]);
        expect(trainedCalls).toHaveLength(callsBefore);
      });
    });
  });

  describe('with the scripted component', () => {
    describe('when new data reaches a lower accuracy than the live version', () => {
      it('rejects the new version, keeps the live one and says why', async () => {
        const scope = await newWorkspace();
        scripted.script(scope, { data: 'v1', metrics: { accuracy: 0.9 } });
        expect((await run({ scope, component: 'scripted' })).result).toMatchObject({ outcome: 'promoted', version: 1 });
        scripted.script(scope, { data: 'v2', metrics: { accuracy: 0.6 } });
        const second = await run({ scope, component: 'scripted' });
        expect(second.result).toEqual({
          outcome: 'rejected',
          version: 2,
          reason: 'accuracy 0.6000 < live 0.9000',
          metrics: { accuracy: 0.6 },
        });
        expect(await registry.get((await registry.list(scope, 'scripted'))[0]!.id)).toMatchObject({
          version: 2,
          status: 'rejected',
          error: 'accuracy 0.6000 < live 0.9000',
        });
        expect((await registry.live(scope, 'scripted'))?.version).toBe(1);
        const list = await waitForEvent(scope, 'scripted', 'rejected');
        expect(list.filter((e) => e.version === 2 && e.type !== 'progress').map((e) => e.type)).toEqual(['completed', 'rejected']);
      });
    });

    describe('when new data reaches the same or a higher accuracy', () => {
      it('promotes the new version and retires the old one', async () => {
        const scope = await newWorkspace();
        scripted.script(scope, { data: 'v1', metrics: { accuracy: 0.8 } });
        await run({ scope, component: 'scripted' });
        scripted.script(scope, { data: 'v2', metrics: { accuracy: 0.8 } });
        expect((await run({ scope, component: 'scripted' })).result).toMatchObject({
          outcome: 'promoted',
          version: 2,
          reason: 'accuracy 0.8000 >= live 0.8000',
        });
        const versions = await registry.list(scope, 'scripted');
        expect(versions.map((v) => [v.version, v.status])).toEqual([
          [2, 'live'],
          [1, 'retired'],
        ]);
      });
    });

    describe("when the request says promotion: 'always'", () => {
      it('promotes a version with a lower accuracy anyway', async () => {
        const scope = await newWorkspace();
        scripted.script(scope, { data: 'v1', metrics: { accuracy: 0.95 } });
        await run({ scope, component: 'scripted' });
        scripted.script(scope, { data: 'v2', metrics: { accuracy: 0.5 } });
        const forced = await run({ scope, component: 'scripted', promotion: 'always' });
        expect(forced.result).toMatchObject({ outcome: 'promoted', version: 2, reason: 'promotion forced by the request' });
        expect((await registry.live(scope, 'scripted'))?.version).toBe(2);
        const list = await waitForEvent(scope, 'scripted', 'promoted');
        expect(list.some((e) => e.type === 'promoted' && e.version === 2)).toBe(true);
      });
    });

    describe('when the candidate has no numeric primary metric', () => {
      it('rejects it even though nothing is live', async () => {
        const scope = await newWorkspace();
        scripted.script(scope, { data: 'v1', metrics: { f1: 0.9 } });
        expect((await run({ scope, component: 'scripted' })).result).toMatchObject({
          outcome: 'rejected',
          reason: 'candidate has no numeric accuracy',
        });
        expect(await registry.live(scope, 'scripted')).toBeUndefined();
      });
    });

    describe('when the request says force', () => {
      it('trains a new version although the data is unchanged', async () => {
        const scope = await newWorkspace();
        scripted.script(scope, { data: 'same', metrics: { accuracy: 0.7 } });
        await run({ scope, component: 'scripted' });
        expect((await run({ scope, component: 'scripted' })).result).toEqual({ outcome: 'unchanged', liveVersion: 1 });
        expect((await run({ scope, component: 'scripted', force: true })).result).toMatchObject({ outcome: 'promoted', version: 2 });
      });
    });

    describe('when training fails', () => {
      it('marks the version failed, publishes a failed event, fails the job and keeps the live version', async () => {
        const scope = await newWorkspace();
        scripted.script(scope, { data: 'v1', metrics: { accuracy: 0.9 } });
        await run({ scope, component: 'scripted' });
        const callsBefore = trainedCalls.length;
        scripted.script(scope, { data: 'v2', metrics: { accuracy: 1 }, fail: 'Need at least two intents to train' });
        const failed = await run({ scope, component: 'scripted' });
        expect(failed.error?.message).toBe('Need at least two intents to train');
        const [newest] = await registry.list(scope, 'scripted');
        expect(newest).toMatchObject({ version: 2, status: 'failed', error: 'Need at least two intents to train' });
        expect((await registry.live(scope, 'scripted'))?.version).toBe(1);
        const list = await waitForEvent(scope, 'scripted', 'failed');
        expect(list.filter((e) => e.version === 2 && e.type !== 'progress')).toEqual([
          { type: 'failed', scope, component: 'scripted', version: 2, error: 'Need at least two intents to train' },
        ]);
        expect(trainedCalls).toHaveLength(callsBefore);
        expect(await (await queue.getJob(failed.jobId))?.getState()).toBe('failed');
      });
    });

    describe('when the component is unknown', () => {
      it('fails the job naming the component and registers no version', async () => {
        const scope = await newWorkspace();
        const outcome = await run({ scope, component: 'no-such-component' });
        expect(outcome.error?.message).toBe('No trainable component named no-such-component');
        expect(await handle.db.selectFrom('model_versions').select('id').where('workspace_id', '=', scope).execute()).toEqual([]);
      });
    });

    describe('while training reports progress', () => {
      it('publishes each whole percent once and ends the job at 100', async () => {
        const scope = await newWorkspace();
        scripted.script(scope, { data: 'v1', metrics: { accuracy: 0.9 }, progress: [0, 0.001, 0.004, 0.25, 0.251, 0.5, 0.999, 1] });
        const outcome = await run({ scope, component: 'scripted' });
        expect((await queue.getJob(outcome.jobId))?.progress).toBe(100);
        const list = await waitForEvent(scope, 'scripted', 'promoted');
        const fractions = list.flatMap((e) => (e.type === 'progress' ? [e.fraction] : []));
        expect(fractions).toEqual([0, 0.25, 0.5, 0.999, 1]);
      });
    });

    describe('for the built-in scope', () => {
      it('trains and promotes the built-in version and hands it to onTrained with scope null', async () => {
        scripted.script(null, { data: 'shipped', metrics: { accuracy: 0.99 } });
        const outcome = await run({ scope: null, component: 'scripted', promotion: 'always' });
        expect(outcome.result).toMatchObject({ outcome: 'promoted', version: 1 });
        expect(await registry.live(null, 'scripted')).toMatchObject({ workspaceId: null, dataFingerprint: 'fp-builtin-shipped' });
        const call = trainedCalls.find((c) => c.scope === null && c.component === 'scripted');
        expect(call).toMatchObject({ fingerprint: 'fp-builtin-shipped', trained: { kind: 'scripted-kind', metrics: { accuracy: 0.99 } } });
        expect(call?.trained.artefact.toString()).toBe('shipped');
      });
    });
  });
});
