import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TextEmbedder } from '../../../nlu/intents';
import { TransformerModelRuntime } from '../../../nlu/runtime';
import { CatalogueStore } from '../../../recommender/catalogue';
import { EventExporter, EventStore, HistoryImporter } from '../../../recommender/events';
import type { BlendModel } from '../../../recommender/models/blend';
import { RecommenderComponent } from '../../../recommender/module';
import { WriteBatcher } from '../../../platform/database';
import { openCommerceDatabase, type CommerceTestDatabase } from '../../commerce/commerce-test-database';
import { engines } from '../../support/databases';
import { writeTinyBertModel } from '../../support/tiny-model/tiny-bert-model';
import { chainSequences } from '../support/generated-sequences';

/** The runtime's extractor, with a record of the texts it was asked to embed. */
class RecordingEmbedder implements TextEmbedder {
  readonly calls: string[][] = [];
  constructor(private readonly inner: TextEmbedder) {}
  get modelId(): string {
    return this.inner.modelId;
  }
  embed(texts: readonly string[]): Promise<Float32Array[]> {
    this.calls.push([...texts]);
    return this.inner.embed(texts);
  }
}

describe.each(engines)('RecommenderComponent with a sentence-embedding model on %s', (_engine, createDatabase) => {
  let database: CommerceTestDatabase;
  let folder: string;
  let runtime: TransformerModelRuntime;
  let embedder: RecordingEmbedder;
  let workspaceId: string;
  let exporter: EventExporter;
  let catalogueStore: CatalogueStore;

  beforeAll(async () => {
    database = await openCommerceDatabase(createDatabase);
    const { db, engine } = database.handle;
    folder = mkdtempSync(join(tmpdir(), 'rec-component-models-'));
    const model = writeTinyBertModel(folder);
    runtime = new TransformerModelRuntime({ folder, allowRemote: false, threads: 1, batchWindowMs: 2, maxBatchSize: 32 });
    embedder = new RecordingEmbedder(runtime.featureExtractor(model.modelId));
    exporter = new EventExporter(db, new EventStore(db, new WriteBatcher(db, engine)));
    catalogueStore = new CatalogueStore(db);
    workspaceId = await database.newWorkspace();
    const sequences = chainSequences({ users: 60, items: 20, length: 5, noise: 0.02, seed: 4 });
    await new HistoryImporter(db).import(workspaceId, 'sequences', sequences.map((s) => `${s.user} ${s.items.join(' ')}`).join('\n'), { createPlaceholders: true });
  });

  afterAll(async () => {
    await runtime?.close();
    await database?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  const componentKinds = (model: unknown): string[] => (model as BlendModel).params.components.map((c) => c.kind);

  it('embeds every catalogue text once and blends the embedding content model instead of TF-IDF', async () => {
    const component = new RecommenderComponent({ exporter, catalogueStore, minTrainingUsers: 20, embedder, embeddingChunk: 8, training: { tune: false } });
    const set = await component.collect(workspaceId);
    expect(set.kind).toBe('blend');
    const progress: number[] = [];
    const trained = await component.train(set, { onProgress: (f) => progress.push(f) });
    const embedded = embedder.calls.flat();
    expect(embedded).toHaveLength(set.data.catalogue.length);
    // Chunks of 8 texts, each reported as progress before the blend's own steps.
    expect(embedder.calls.every((call) => call.length <= 8)).toBe(true);
    expect(progress.at(-1)).toBe(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    const kinds = componentKinds(component.load(set.kind, trained.artefact));
    expect(kinds).toContain('content-embedding');
    expect(kinds).not.toContain('content-tfidf');
  });

  it('keeps TF-IDF when no embedding model is configured, and fingerprints the choice', async () => {
    const withModel = await new RecommenderComponent({ exporter, catalogueStore, minTrainingUsers: 20, embedder }).collect(workspaceId);
    const component = new RecommenderComponent({ exporter, catalogueStore, minTrainingUsers: 20, training: { tune: false } });
    const set = await component.collect(workspaceId);
    expect(set.fingerprint).not.toBe(withModel.fingerprint);
    const before = embedder.calls.length;
    const kinds = componentKinds(component.load(set.kind, (await component.train(set, {})).artefact));
    expect(kinds).toContain('content-tfidf');
    expect(kinds).not.toContain('content-embedding');
    expect(embedder.calls.length).toBe(before);
  });
});
